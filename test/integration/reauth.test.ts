/**
 * The handshake is rebuilt on every new socket: AUTH (password, or username + password), SELECT,
 * CLIENT SETNAME, with what the user set last at run time. Checked from the server's side in
 * CLIENT LIST after CLIENT KILL and after a server restart, with the `password` and `acl` presets.
 */
import type { EventEmitter } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { Redis, ReplyError } from '../../src/index';
import { sendCommands } from '../fixtures/rawClient';
import { RespError } from '../fixtures/resp';
import { startRedis, stopAll, type RedisServer } from '../fixtures/redisServer';

const clients: Redis[] = [];

afterAll(async () => {
  for (const client of clients) client.disconnect();
  await stopAll();
});

function once(emitter: EventEmitter, event: string, timeoutMs = 15_000): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no '${event}' within ${timeoutMs} ms`)), timeoutMs);
    emitter.once(event, (...args: unknown[]) => {
      clearTimeout(timer);
      resolve(args);
    });
  });
}

/** CLIENT LIST as one record per connection. */
async function clientList(server: RedisServer, auth?: string[]): Promise<Array<Record<string, string>>> {
  const commands = auth === undefined ? [['CLIENT', 'LIST']] : [auth, ['CLIENT', 'LIST']];
  const replies = auth === undefined ? [await server.command('CLIENT', 'LIST')] : await sendCommands(server.endpoint, commands);
  const text = replies[replies.length - 1];
  if (typeof text !== 'string') throw new Error(`CLIENT LIST returned ${String(text)}`);
  return text.trim().split('\n').map((line) => Object.fromEntries(line.trim().split(' ').map((pair) => {
    const at = pair.indexOf('=');
    return [pair.slice(0, at), pair.slice(at + 1)];
  })));
}

/** The one server-side connection carrying `name`. */
async function connectionNamed(server: RedisServer, name: string, auth?: string[]): Promise<Record<string, string>> {
  const matches = (await clientList(server, auth)).filter((entry) => entry.name === name);
  expect(matches, `connections named ${name}`).toHaveLength(1);
  return matches[0]!;
}

function track(client: Redis): Redis {
  clients.push(client);
  return client;
}

function collectErrors(client: Redis): Error[] {
  const errors: Error[] = [];
  client.on('error', (error: Error) => errors.push(error));
  return errors;
}

for (const preset of ['password', 'acl'] as const) {
  describe(`${preset} preset`, () => {
    it('re-authenticates and restores db and connection name after CLIENT KILL and after a server restart', async () => {
      const server = await startRedis({ preset });
      const client = track(new Redis({
        host: '127.0.0.1',
        port: server.port,
        username: server.username ?? null,
        password: server.password ?? null,
        db: 3,
        connectionName: `opt-${preset}`,
        retryStrategy: () => 50,
      }));
      const errors = collectErrors(client);
      await once(client, 'ready');
      await client.set('where', 'db3');

      const initial = await connectionNamed(server, `opt-${preset}`);
      expect(initial.db).toBe('3');
      if (preset === 'acl') expect(initial.user).toBe(server.username);

      // A name set at run time replaces the option's for every later socket.
      expect(await client.client('SETNAME', `run-${preset}`)).toBe('OK');

      await server.command('CLIENT', 'KILL', 'TYPE', 'normal');
      await once(client, 'ready');
      const afterKill = await connectionNamed(server, `run-${preset}`);
      expect(afterKill.id).not.toBe(initial.id);
      expect(afterKill.db).toBe('3');
      if (preset === 'acl') expect(afterKill.user).toBe(server.username);
      expect(await client.get('where')).toBe('db3');

      const ready = once(client, 'ready');
      await server.restart();
      await ready;
      const afterRestart = await connectionNamed(server, `run-${preset}`);
      expect(afterRestart.db).toBe('3');
      if (preset === 'acl') expect(afterRestart.user).toBe(server.username);
      // The restart lost the data (no persistence): the write goes to db 3 of the new process.
      expect(await client.get('where')).toBeNull();
      await client.set('where', 'db3-again');
      const rawGet = await sendCommands(server.endpoint, [
        preset === 'acl' ? ['AUTH', server.username!, server.password!] : ['AUTH', server.password!],
        ['SELECT', '3'],
        ['GET', 'where'],
      ]);
      expect(rawGet[2]).toBe('db3-again');

      // No NOAUTH or WRONGPASS on any reconnect.
      expect(errors.filter((error) => error instanceof ReplyError)).toEqual([]);
    });

    it('replays a run-time SELECT on the next socket', async () => {
      const server = await startRedis({ preset });
      const client = track(new Redis({
        host: '127.0.0.1', port: server.port, username: server.username ?? null, password: server.password ?? null,
        connectionName: `select-${preset}`, retryStrategy: () => 50,
      }));
      collectErrors(client);
      await once(client, 'ready');
      expect(await client.select(7)).toBe('OK');
      expect((await connectionNamed(server, `select-${preset}`)).db).toBe('7');
      await server.command('CLIENT', 'KILL', 'TYPE', 'normal');
      await once(client, 'ready');
      expect((await connectionNamed(server, `select-${preset}`)).db).toBe('7');
    });

    it('uses a password changed at run time with auth() for the next reconnect', async () => {
      const server = await startRedis({ preset });
      const client = track(new Redis({
        host: '127.0.0.1', port: server.port, username: server.username ?? null, password: server.password ?? null,
        connectionName: `rotate-${preset}`, retryStrategy: () => 50,
      }));
      const errors = collectErrors(client);
      await once(client, 'ready');
      const rotated = `rotated-${preset}-${Date.now()}`;
      let newAuth: string[];
      if (preset === 'acl') {
        // The old password stops working: only the new one can authenticate a new socket.
        await client.acl('SETUSER', server.username!, 'resetpass', `>${rotated}`);
        expect(await client.auth(server.username!, rotated)).toBe('OK');
        newAuth = ['AUTH', server.username!, rotated];
      } else {
        await client.config('SET', 'requirepass', rotated);
        expect(await client.auth(rotated)).toBe('OK');
        newAuth = ['AUTH', rotated];
      }
      const oldAuth = preset === 'acl' ? ['AUTH', server.username!, server.password!] : ['AUTH', server.password!];
      const [oldReply] = await sendCommands(server.endpoint, [oldAuth]);
      expect(oldReply).toBeInstanceOf(RespError);

      const killed = await sendCommands(server.endpoint, [newAuth, ['CLIENT', 'KILL', 'TYPE', 'normal']]);
      expect(killed[1]).toBe(1);
      await once(client, 'ready');
      expect(await client.ping()).toBe('PONG');
      const entry = await connectionNamed(server, `rotate-${preset}`, newAuth);
      if (preset === 'acl') expect(entry.user).toBe(server.username);
      expect(errors.filter((error) => error instanceof ReplyError)).toEqual([]);
    });

    it('asks credentialsProvider before every handshake (token rotation)', async () => {
      const server = await startRedis({ preset });
      let current = server.password!;
      let calls = 0;
      const client = track(new Redis({
        host: '127.0.0.1',
        port: server.port,
        connectionName: `provider-${preset}`,
        retryStrategy: () => 50,
        credentialsProvider: async () => {
          calls += 1;
          return { username: server.username ?? null, password: current };
        },
      }));
      const errors = collectErrors(client);
      let connects = 0;
      client.on('connect', () => {
        connects += 1;
      });
      await once(client, 'ready');
      expect(calls).toBe(1);

      // Rotate the secret on the server and in the provider, then force a new socket.
      const next = `token-${preset}-2`;
      if (preset === 'acl') await client.acl('SETUSER', server.username!, 'resetpass', `>${next}`);
      else await client.config('SET', 'requirepass', next);
      current = next;
      await sendCommands(server.endpoint, [
        preset === 'acl' ? ['AUTH', server.username!, next] : ['AUTH', next],
        ['CLIENT', 'KILL', 'TYPE', 'normal'],
      ]);
      await once(client, 'ready');
      expect(calls).toBe(2);
      expect(await client.ping()).toBe('PONG');

      // A restart brings back the original secret (its command line): the provider follows.
      current = server.password!;
      const ready = once(client, 'ready');
      await server.restart();
      await ready;
      expect(await client.ping()).toBe('PONG');
      expect(calls).toBe(connects);
      expect(calls).toBeGreaterThanOrEqual(3);
      expect(errors.filter((error) => error instanceof ReplyError)).toEqual([]);
    });
  });
}

/**
 * Errors say what happened, where, and whether the command may have run, and never carry a secret.
 * A 1 MB reply cut in the middle; a wrong password (message, stack, inspect, context, command, and
 * the debug log); a refused dial with the system error's code.
 */
import { inspect } from 'node:util';
import createDebug from 'debug';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConnectError,
  ConnectionClosedError,
  ConnectionError,
  ConnectionLostError,
  MaxRetriesPerRequestError,
  Redis,
  ReplyError,
} from '../../src/index';
import { closeAllProxies, startFaultProxy } from '../fixtures/faultProxy';
import { startRedis, stopAll, type RedisServer } from '../fixtures/redisServer';

let server: RedisServer;
const clients: Redis[] = [];
const MB = 1024 * 1024;

beforeAll(async () => {
  server = await startRedis();
  await server.command('SET', 'big', Buffer.alloc(MB, 'b'));
});

afterAll(async () => {
  for (const client of clients) client.disconnect();
  await closeAllProxies();
  await stopAll();
});

function track(client: Redis): Redis {
  clients.push(client);
  client.on('error', () => undefined);
  return client;
}

async function failureOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the command to fail');
}

describe('a 1 MB reply cut in the middle', () => {
  it('GETDEL (a write: not re-sent) fails naming endpoint, command, written, elapsed, bytes received and pid', async () => {
    const proxy = await startFaultProxy({ targetPort: server.port });
    const client = track(new Redis({ host: '127.0.0.1', port: proxy.port, retryStrategy: () => 10 }));
    await client.ping();
    await server.command('SET', 'big-once', Buffer.alloc(MB, 'g'));
    proxy.setFault({ cutAfterServerBytes: 300_000 });
    const error = await failureOf(client.getdel('big-once'));
    proxy.resetAll();

    expect(error).toBeInstanceOf(ConnectionLostError);
    const { context } = error as ConnectionLostError;
    expect(context.endpoint).toBe(`127.0.0.1:${proxy.port}`);
    expect(context.command).toEqual({ name: 'getdel', args: ['big-once'] });
    expect(context.written).toBe(true);
    expect(context.mayHaveExecuted).toBe(true);
    expect(context.elapsedMs).toBeGreaterThan(0);
    // The proxy forwarded exactly 300000 bytes of the reply before the cut.
    expect(context.partialReplyBytes).toBe(300_000);
    expect(context.pid).toBe(process.pid);
    expect(context.ownerPid).toBe(process.pid);
    expect(context.serverClientId).toEqual(expect.any(Number));
    expect(error.message).toMatch(
      new RegExp(`^connection closed by the server from 127\\.0\\.0\\.1:${proxy.port} \\(conn \\d+, client id \\d+, pid ${process.pid}\\): ` +
        `GETDEL written \\d+ ms ago, no reply \\(${context.partialReplyBytes} bytes of it received\\); 1 in flight; may have executed: yes$`),
    );
    // It did run: the key is gone, and it was not run again.
    expect(await server.command('EXISTS', 'big-once')).toBe(0);
  });

  it('GET with retryStrategy () => null fails with "Connection is closed." and still says it was written and how much arrived', async () => {
    const proxy = await startFaultProxy({ targetPort: server.port });
    const client = track(new Redis({ host: '127.0.0.1', port: proxy.port, retryStrategy: () => null }));
    await client.ping();
    proxy.setFault({ cutAfterServerBytes: 300_000 });
    const error = await failureOf(client.getBuffer('big'));

    expect(error).toBeInstanceOf(ConnectionClosedError);
    expect(error.message).toBe('Connection is closed.');
    const { context } = error as ConnectionClosedError;
    expect(context.endpoint).toBe(`127.0.0.1:${proxy.port}`);
    expect(context.command).toEqual({ name: 'get', args: ['big'] });
    expect(context.written).toBe(true);
    expect(context.elapsedMs).toBeGreaterThan(0);
    expect(context.partialReplyBytes).toBe(300_000);
    expect(context.pid).toBe(process.pid);
    const header = error.stack!.split('\n')[0]!;
    expect(header).toMatch(new RegExp(`^ConnectionClosedError: Connection is closed\\. \\[127\\.0\\.0\\.1:${proxy.port} .*GET written \\d+ ms ago, no reply \\(\\d+ bytes of it received\\)`));
    expect(client.status).toBe('end');
  });

  it('GET (read-only) cut the same way is re-sent on a new socket and returns the whole value', async () => {
    const proxy = await startFaultProxy({ targetPort: server.port });
    const client = track(new Redis({ host: '127.0.0.1', port: proxy.port, retryStrategy: () => 10 }));
    await client.ping();
    proxy.setFault({ cutAfterServerBytes: 300_000 });
    // One cut only: the budget would apply to the new socket too.
    proxy.once('cut', () => proxy.setFault({ cutAfterServerBytes: undefined }));
    const accepts = proxy.acceptCount;
    const value = await client.getBuffer('big');
    expect(proxy.cutCount).toBe(1);
    expect(proxy.acceptCount).toBe(accepts + 1);
    expect(value?.length).toBe(MB);
    expect(value?.equals(Buffer.alloc(MB, 'b'))).toBe(true);
  });

  it('a GET cut every time is re-sent at most maxRetriesPerRequest times, then fails', async () => {
    const proxy = await startFaultProxy({ targetPort: server.port });
    const client = track(new Redis({ host: '127.0.0.1', port: proxy.port, retryStrategy: () => 10, maxRetriesPerRequest: 3 }));
    await client.ping();
    proxy.setFault({ cutAfterServerBytes: 300_000 });
    const error = await failureOf(client.getBuffer('big'));
    proxy.resetAll();
    expect(error).toBeInstanceOf(MaxRetriesPerRequestError);
    expect(error.message).toBe('Reached the max retries per request limit (which is 3). Refer to "maxRetriesPerRequest" option for details.');
    const { context } = error as MaxRetriesPerRequestError;
    expect(context.command).toEqual({ name: 'get', args: ['big'] });
    expect(context.written).toBe(true);
    expect(context.partialReplyBytes).toBeGreaterThan(0);
    // Sent once and re-sent three times: four cuts.
    expect(proxy.cutCount).toBe(4);
    expect(await client.ping()).toBe('PONG');
  });
});

describe('a wrong password leaves no trace', () => {
  const secret = 'Wr0ng-Pa55-7b1c9e';

  it('not in the message, stack, inspect(), context or command of any error, nor in the debug log', async () => {
    const guarded = await startRedis({ preset: 'password' });
    const lines: string[] = [];
    const previousLog = createDebug.log;
    const previousNamespaces = createDebug.disable();
    createDebug.log = (...args: unknown[]) => {
      lines.push(args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg))).join(' '));
    };
    createDebug.enable('forksafe-redis:*');
    const errors: Error[] = [];
    try {
      const client = track(new Redis({ host: '127.0.0.1', port: guarded.port, password: secret, retryStrategy: (times) => (times < 2 ? 10 : null) }));
      client.on('error', (error: Error) => errors.push(error));
      errors.push(await failureOf(client.set('k', secret)));
      // Run-time commands that carry secrets, refused by the server.
      const runtime = track(new Redis({ host: '127.0.0.1', port: guarded.port, password: guarded.password!, retryStrategy: () => null }));
      errors.push(await failureOf(runtime.auth(secret)));
      errors.push(await failureOf(runtime.auth('someone', secret)));
      errors.push(await failureOf(runtime.acl('SETUSER', 'alice', `>${secret}`, 'no-such-rule')));
      errors.push(await failureOf(runtime.config('SET', 'requirepass', secret, 'no-such-parameter', 'x')));
      runtime.disconnect();
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      createDebug.log = previousLog;
      createDebug.disable();
      if (previousNamespaces !== '') createDebug.enable(previousNamespaces);
    }

    const wrongPass = errors.filter((error) => error instanceof ReplyError && error.message.startsWith('WRONGPASS'));
    expect(wrongPass.length).toBeGreaterThanOrEqual(2);
    const handshakeError = wrongPass[0] as ReplyError;
    expect(handshakeError.command).toEqual({ name: 'auth', args: ['(redacted)'] });
    expect(handshakeError.context?.endpoint).toBe(`127.0.0.1:${guarded.port}`);

    expect(errors.length).toBeGreaterThanOrEqual(6);
    for (const error of errors) {
      const views = [
        error.message,
        String(error.stack),
        inspect(error, { depth: 10 }),
        JSON.stringify((error as ConnectionError).context ?? null),
        JSON.stringify((error as ReplyError).command ?? null),
        JSON.stringify(error),
      ];
      for (const view of views) expect(view).not.toContain(secret);
    }
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.join('\n')).toContain('forksafe-redis:');
    for (const line of lines) expect(line).not.toContain(secret);
  });
});

describe('a refused dial', () => {
  it('emits a ConnectError with the system code, errno and syscall, as ioredis users match on them', async () => {
    const proxy = await startFaultProxy({ targetPort: server.port });
    const port = proxy.port;
    await proxy.close();
    const client = track(new Redis({ host: '127.0.0.1', port, retryStrategy: () => null }));
    const emitted = await new Promise<Error>((resolve) => client.once('error', resolve));
    expect(emitted).toBeInstanceOf(ConnectError);
    const error = emitted as ConnectError;
    expect(error.code).toBe('ECONNREFUSED');
    expect(error.syscall).toBe('connect');
    expect(error.errno).toEqual(expect.any(Number));
    expect(error.message).toMatch(new RegExp(`^connect ECONNREFUSED to 127\\.0\\.0\\.1:${port} \\(conn \\d+, pid ${process.pid}\\)`));
    expect(error.context.cause).toMatchObject({ code: 'ECONNREFUSED', syscall: 'connect' });
    expect(error.context.command).toBeNull();
    expect(error.cause).toBeInstanceOf(Error);
  });
});

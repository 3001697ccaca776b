/**
 * A secrets sweep: every error path we can trigger with a password, an ACL user's password, a
 * credentials provider's token or a secret passed to a command (AUTH, HELLO AUTH, CONFIG SET
 * requirepass, ACL SETUSER >pw, MIGRATE AUTH/AUTH2), with `DEBUG=forksafe-redis:*` output
 * captured. No secret may appear in any error's message, stack, `command`, `context`, cause chain,
 * `util.inspect(err)` or `JSON.stringify(err)`, nor in any debug line. (ioredis puts AUTH's
 * arguments on `err.command.args`; DESIGN says we never do.)
 */
import { format, inspect } from 'node:util';
import createDebug from 'debug';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from '../../src/Redis';
import type { RedisOptions } from '../../src/options';
import { closeAllFakeServers, handshakeReply, reply, startFakeServer } from '../fixtures/fakeServer';
import { closeAllProxies, startFaultProxy, type FaultProxy } from '../fixtures/faultProxy';
import { startRedis, stopAll, type RedisServer } from '../fixtures/redisServer';
import { getTlsCerts } from '../fixtures/tlsCerts';

const PASSWORD = 'pw-Sweep-9f3Kq';
const WRONG_PASSWORD = 'wrong-Sweep-2xQv';
const ACL_USER = 'sweeper';
const ACL_PASSWORD = 'acl-Sweep-7HdZ';
const TOKEN = 'tok-Sweep-4LmR';
const NEW_PASSWORD = 'new-Sweep-8ZcT';
const MIGRATE_PASSWORD = 'mig-Sweep-1QaW';

const SECRETS = [PASSWORD, WRONG_PASSWORD, ACL_PASSWORD, TOKEN, NEW_PASSWORD, MIGRATE_PASSWORD];
/** The username-password pair as it would be written in a URL, an AUTH line or a log. */
const PAIRS = [`${ACL_USER}:${ACL_PASSWORD}`, `${ACL_USER} ${ACL_PASSWORD}`, `${ACL_USER}:${WRONG_PASSWORD}`, `${ACL_USER} ${TOKEN}`];

/** Every debug line the library printed while the sweep ran. */
const debugLines: string[] = [];
const savedLog = createDebug.log;
let savedNamespaces = '';

/** Errors caught on every path, with the path's name. */
const caught: Array<{ path: string; error: unknown }> = [];
const clients: Redis[] = [];

let server: RedisServer;
let aclServer: RedisServer;
let scratch: RedisServer;
let proxy: FaultProxy;

beforeAll(async () => {
  savedNamespaces = createDebug.disable();
  createDebug.enable('forksafe-redis:*');
  createDebug.log = (...args: unknown[]) => {
    debugLines.push(format(...args));
  };
  server = await startRedis({ preset: 'password', password: PASSWORD });
  aclServer = await startRedis({ preset: 'acl', username: ACL_USER, password: ACL_PASSWORD });
  scratch = await startRedis();
  proxy = await startFaultProxy({ targetPort: server.port });
});

afterAll(async () => {
  createDebug.log = savedLog;
  createDebug.disable();
  if (savedNamespaces !== '') createDebug.enable(savedNamespaces);
  for (const client of clients) client.disconnect();
  await closeAllProxies();
  await closeAllFakeServers();
  await stopAll();
});

/** A client whose 'error' events are caught as paths too. */
function client(path: string, options: RedisOptions): Redis {
  const created = new Redis({ host: '127.0.0.1', retryStrategy: () => null, ...options });
  clients.push(created);
  created.on('error', (error: unknown) => caught.push({ path: `${path} ('error' event)`, error }));
  return created;
}

/** Runs `action`, which must fail; keeps the error. */
async function expectFailure(path: string, action: () => Promise<unknown>): Promise<Error> {
  let error: unknown;
  try {
    const value = await action();
    error = new Error(`${path}: expected a failure, got ${inspect(value)}`);
    throw error;
  } catch (thrown) {
    error = thrown;
  }
  caught.push({ path, error });
  return error as Error;
}

/** Everything a user, a log shipper or an error tracker could show of an error. */
function viewsOf(error: unknown): string[] {
  if (!(error instanceof Error)) return [String(error), inspect(error, { depth: 12 })];
  const views = [error.message, String(error.stack), inspect(error, { depth: 12, showHidden: true }), toJson(error)];
  const withFields = error as Error & { command?: unknown; context?: unknown; cause?: unknown; previousErrors?: unknown };
  views.push(toJson(withFields.command ?? null), toJson(withFields.context ?? null));
  for (let cause = withFields.cause, depth = 0; cause !== undefined && cause !== null && depth < 8; depth++) {
    views.push(...viewsOf(cause));
    cause = (cause as { cause?: unknown }).cause;
  }
  return views;
}

/** JSON as a log shipper would make it; Node's own TLS errors hold circular certificate objects. */
function toJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return inspect(value, { depth: 12 });
  }
}

function leaksIn(text: string): string[] {
  return [...SECRETS, ...PAIRS].filter((secret) => text.includes(secret));
}

describe('secrets never appear in errors or debug output', () => {
  it('the scanner itself finds a planted secret (so a clean sweep means something)', () => {
    const planted = new Error(`oops ${ACL_USER}:${ACL_PASSWORD}`);
    expect(viewsOf(planted).flatMap(leaksIn)).toContain(ACL_PASSWORD);
  });

  it('wrong password, ACL wrong user/password, bad token: handshake errors and queued commands', async () => {
    await expectFailure('wrong password', () => client('wrong password', { port: server.port, password: WRONG_PASSWORD }).get('k'));
    await expectFailure('ACL wrong password', () => client('ACL wrong password', { port: aclServer.port, username: ACL_USER, password: WRONG_PASSWORD }).get('k'));
    await expectFailure('ACL wrong user', () => client('ACL wrong user', { port: aclServer.port, username: 'nobody', password: ACL_PASSWORD }).get('k'));
    await expectFailure('credentials provider with a bad token', () => client('bad token', {
      port: aclServer.port,
      credentialsProvider: () => ({ username: ACL_USER, password: TOKEN }),
    }).get('k'));
    await expectFailure('no password at all', () => client('no password', { port: aclServer.port }).get('k'));
  });

  it('connection refused, TLS failure and connect timeout with credentials configured', async () => {
    const closedPort = scratch.port + 1 === proxy.port ? scratch.port + 2 : scratch.port + 1;
    await expectFailure('connection refused', () => client('connection refused', { port: closedPort, username: ACL_USER, password: ACL_PASSWORD, lazyConnect: true }).get('k'));
    const certs = await getTlsCerts();
    const tlsServer = await startRedis({ preset: 'tls', password: PASSWORD });
    await expectFailure('TLS certificate refused', () => client('TLS certificate refused', {
      port: tlsServer.tls!.port, username: ACL_USER, password: ACL_PASSWORD, tls: { ca: certs.untrustedCert, servername: 'localhost' },
    }).get('k'));
    await expectFailure('TLS host name refused', () => client('TLS host name refused', {
      port: tlsServer.tls!.port, password: PASSWORD, tls: { ca: certs.ca, servername: 'elsewhere.example' },
    }).get('k'));
    const silent = await startFaultProxy({ targetPort: server.port, faults: { blackhole: true } });
    await expectFailure('connect timeout', () => client('connect timeout', { port: silent.port, password: PASSWORD, connectTimeout: 200 }).get('k'));
  });

  it('timeouts and lost connections around AUTH and CONFIG SET at run time', async () => {
    const viaProxy = client('runtime through proxy', { port: proxy.port, password: PASSWORD, commandTimeout: 300, retryStrategy: () => 20 });
    expect(await viaProxy.ping()).toBe('PONG');
    // The server hears nothing for a while: AUTH and CONFIG SET time out, their slots kept.
    proxy.setFault({ hold: true });
    await expectFailure('AUTH timed out', () => viaProxy.auth(PASSWORD));
    await expectFailure('AUTH user pass timed out', () => viaProxy.auth(ACL_USER, ACL_PASSWORD));
    await expectFailure('CONFIG SET requirepass timed out', () => viaProxy.config('SET', 'requirepass', NEW_PASSWORD));
    // Drop the held bytes with the connection (released, CONFIG SET would change the password).
    const reconnected = new Promise((resolve) => viaProxy.once('ready', resolve));
    proxy.resetConnections();
    proxy.resetAll();
    await reconnected;
    expect(await viaProxy.ping()).toBe('PONG');
    // The reply to AUTH is cut: the connection is lost with AUTH written (mayHaveExecuted).
    proxy.setFault({ swallowReply: { nth: 1, command: 'AUTH' } });
    const again = new Promise((resolve) => viaProxy.once('ready', resolve));
    await expectFailure('AUTH reply lost', () => viaProxy.auth(PASSWORD));
    proxy.resetAll();
    await again;
    expect(await viaProxy.ping()).toBe('PONG');
  });

  it('commands carrying secrets refused by the server: AUTH, HELLO AUTH, CONFIG SET, ACL SETUSER, MIGRATE', async () => {
    const onServer = client('runtime on server', { port: server.port, password: PASSWORD });
    await expectFailure('AUTH wrong', () => onServer.auth(WRONG_PASSWORD));
    await expectFailure('AUTH user wrong', () => onServer.auth(ACL_USER, WRONG_PASSWORD));
    await expectFailure('HELLO AUTH wrong', () => onServer.call('HELLO', '2', 'AUTH', ACL_USER, ACL_PASSWORD));
    expect(await onServer.get('still-authenticated')).toBeNull();

    const onScratch = client('runtime on scratch', { port: scratch.port });
    await expectFailure('CONFIG SET requirepass refused', () => onScratch.config('SET', 'requirepass', NEW_PASSWORD, 'maxmemory', 'not-a-number'));
    await expectFailure('ACL SETUSER >pw refused', () => onScratch.acl('SETUSER', 'someone', 'on', `>${NEW_PASSWORD}`, 'no-such-rule'));
    await onScratch.set('to-migrate', 'v');
    const nowhere = proxy.port + 7;
    await expectFailure('MIGRATE AUTH', () => onScratch.migrate('127.0.0.1', nowhere, 'to-migrate', 0, 100, 'AUTH', MIGRATE_PASSWORD));
    await expectFailure('MIGRATE AUTH2', () => onScratch.migrate('127.0.0.1', nowhere, 'to-migrate', 0, 100, 'AUTH2', ACL_USER, MIGRATE_PASSWORD));
    // The same commands in a pipeline and in a transaction.
    const results = await onScratch.pipeline()
      .config('SET', 'requirepass', NEW_PASSWORD, 'maxmemory', 'not-a-number')
      .auth(WRONG_PASSWORD)
      .exec();
    for (const [error] of results ?? []) caught.push({ path: 'pipelined secret command', error });
    await expectFailure('transaction with AUTH', () => onScratch.multi().auth(ACL_USER, WRONG_PASSWORD).acl('SETUSER', 'x', `>${NEW_PASSWORD}`, 'bad-rule').exec());
  });

  it('protocol errors while AUTH is in flight (handshake and run time)', async () => {
    const fake = await startFakeServer({
      onCommand(command, conn) {
        const name = (command[0] ?? '').toUpperCase();
        if (name === 'AUTH' || (name === 'CONFIG' && command[1]?.toUpperCase() === 'SET')) {
          conn.write('!this is not RESP\r\n');
          return;
        }
        conn.write(handshakeReply(command, conn) ?? reply.error('ERR unknown command'));
      },
    });
    await expectFailure('garbage answering handshake AUTH', () => client('garbage AUTH', { port: fake.port, username: ACL_USER, password: ACL_PASSWORD }).get('k'));
    const plain = client('garbage runtime', { port: fake.port, retryStrategy: () => 10 });
    await expectFailure('garbage answering runtime AUTH', () => plain.auth(ACL_USER, ACL_PASSWORD));
    await expectFailure('garbage answering CONFIG SET requirepass', () => plain.config('SET', 'requirepass', NEW_PASSWORD));
  });

  it('URLs with passwords: invalid ones are refused with the password redacted', async () => {
    await expectFailure('invalid URL', async () => new Redis(`redis://${ACL_USER}:${ACL_PASSWORD}@127.0.0.1:notaport`));
    await expectFailure('invalid db in URL', async () => new Redis(`redis://:${PASSWORD}@127.0.0.1:6390/not-a-db`));
    const fromUrl = new Redis(`redis://${ACL_USER}:${ACL_PASSWORD}@127.0.0.1:${scratch.port + 3}`, { retryStrategy: () => null });
    clients.push(fromUrl);
    fromUrl.on('error', (error: unknown) => caught.push({ path: "URL, refused ('error' event)", error }));
    await expectFailure('URL, refused', () => fromUrl.get('k'));
  });

  it('sweep: no secret in any of the errors above, nor in the debug output', () => {
    // Every path produced something to scan.
    const paths = new Set(caught.map((entry) => entry.path.replace(/ \('error' event\)$/, '')));
    expect(paths.size).toBeGreaterThanOrEqual(25);
    expect(caught.length).toBeGreaterThanOrEqual(40);
    // The debug capture worked, and saw the handshakes and failures.
    expect(debugLines.length).toBeGreaterThan(50);
    expect(debugLines.some((line) => line.includes('forksafe-redis:connection'))).toBe(true);

    // Secret-bearing commands did reach the errors, redacted: the sweep looked where secrets would be.
    const shownCommands = caught.flatMap(({ error }) => {
      const withFields = error as { command?: { name: string; args: unknown[] }; context?: { command: { name: string; args: string[] } | null } };
      return [withFields.command, withFields.context?.command].filter((shown) => shown !== undefined && shown !== null);
    }) as Array<{ name: string; args: unknown[] }>;
    const redactedNames = new Set(shownCommands.filter((shown) => shown.args.includes('(redacted)')).map((shown) => shown.name));
    for (const name of ['auth', 'config', 'acl', 'migrate', 'hello']) expect(redactedNames).toContain(name);
    console.log('[secrets] sweep', JSON.stringify({ paths: paths.size, errors: caught.length, debugLines: debugLines.length, redactedCommands: [...redactedNames] }));

    const leaks: string[] = [];
    for (const { path, error } of caught) {
      for (const view of viewsOf(error)) {
        for (const secret of leaksIn(view)) leaks.push(`${path}: "${secret}" in ${view.slice(0, 200)}`);
      }
    }
    for (const line of debugLines) {
      for (const secret of leaksIn(line)) leaks.push(`debug output: "${secret}" in ${line.slice(0, 200)}`);
    }
    expect(leaks).toEqual([]);
  });
});

/**
 * Connection life cycle against real servers: ioredis's event order and retryStrategy contract
 * (checked side by side with ioredis 6), the offline queue's bounds and rejection texts,
 * maxRetriesPerRequest, and the three timeouts (connectTimeout covers connect and handshake,
 * commandTimeout keeps the slot, socketTimeout closes a silent socket).
 */
import type { EventEmitter } from 'node:events';
import net from 'node:net';
import IORedis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CommandTimeoutError,
  ConnectTimeoutError,
  ConnectionClosedError,
  ConnectionLostError,
  MaxRetriesPerRequestError,
  OfflineQueueDisabledError,
  OfflineQueueFullError,
  Redis,
  SocketTimeoutError,
} from '../../src/index';
import { closeAllProxies, startFaultProxy, type FaultProxy } from '../fixtures/faultProxy';
import { startRedis, stopAll, type RedisServer } from '../fixtures/redisServer';

let server: RedisServer;
const clients: Array<{ disconnect(): void }> = [];

beforeAll(async () => {
  server = await startRedis();
});

afterAll(async () => {
  for (const client of clients) client.disconnect();
  await closeAllProxies();
  await stopAll();
});

function track<T extends { disconnect(): void }>(client: T): T {
  clients.push(client);
  return client;
}

function once(emitter: EventEmitter, event: string, timeoutMs = 10_000): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no '${event}' within ${timeoutMs} ms`)), timeoutMs);
    emitter.once(event, (...args: unknown[]) => {
      clearTimeout(timer);
      resolve(args);
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Settles a promise into a value or the error, for assertions on both. */
async function outcome<T>(promise: Promise<T>): Promise<{ value?: T; error?: Error }> {
  try {
    return { value: await promise };
  } catch (error) {
    return { error: error as Error };
  }
}

const lifecycleEvents = ['connecting', 'connect', 'ready', 'close', 'reconnecting', 'end'];

type AnyClient = EventEmitter & {
  status: string;
  client(sub: 'ID'): Promise<unknown>;
  quit(): Promise<unknown>;
  get(key: string): Promise<unknown>;
  disconnect(): void;
};

describe('events, in ioredis order', () => {
  async function lifecycle(make: () => AnyClient): Promise<string[]> {
    const client = track(make());
    const seen: string[] = [];
    for (const name of lifecycleEvents) client.on(name, () => seen.push(name));
    client.on('error', () => undefined);
    await once(client, 'ready');
    const id = await client.client('ID');
    seen.push('(CLIENT KILL)');
    await server.command('CLIENT', 'KILL', 'ID', String(id));
    await once(client, 'ready');
    seen.push('(quit)');
    expect(await client.quit()).toBe('OK');
    await once(client, 'end');
    seen.push(`status=${client.status}`);
    return seen;
  }

  it('connect -> CLIENT KILL -> reconnect -> quit emits the same events as ioredis 6', async () => {
    const ioredis = await lifecycle(() => new IORedis(server.port, '127.0.0.1') as unknown as AnyClient);
    const ours = await lifecycle(() => new Redis(server.port, '127.0.0.1') as unknown as AnyClient);
    expect(ioredis).toEqual([
      'connecting', 'connect', 'ready', '(CLIENT KILL)', 'close', 'reconnecting', 'connecting', 'connect', 'ready',
      '(quit)', 'close', 'end', 'status=end',
    ]);
    expect(ours).toEqual(ioredis);
  });
});

describe('retryStrategy (ioredis contract)', () => {
  let proxy: FaultProxy;
  beforeAll(async () => {
    // Accepts and resets every connection: each dial fails after the TCP handshake.
    proxy = await startFaultProxy({ targetPort: server.port, faults: { resetOnAccept: true } });
  });

  interface RetryRun {
    times: number[];
    delays: unknown[];
    status: string;
    ended: boolean;
    queuedError: string;
    dials: number;
  }

  async function runRetries(make: (retryStrategy: (times: number) => unknown) => AnyClient): Promise<RetryRun> {
    const times: number[] = [];
    const delays: unknown[] = [];
    const acceptsBefore = proxy.acceptCount;
    const client = track(make((n) => {
      times.push(n);
      return n < 3 ? 25 : null;
    }));
    client.on('error', () => undefined);
    client.on('reconnecting', (delay: unknown) => delays.push(delay));
    let ended = false;
    client.on('end', () => {
      ended = true;
    });
    const queued = await outcome(client.get('k'));
    await sleep(50);
    return {
      times, delays, status: client.status, ended, queuedError: queued.error?.message ?? '(resolved)', dials: proxy.acceptCount - acceptsBefore,
    };
  }

  it('a number is the delay of the next attempt; anything else ends the client, and queued commands get "Connection is closed."', async () => {
    const options = { host: '127.0.0.1', port: proxy.port };
    const ioredis = await runRetries((retryStrategy) => new IORedis({ ...options, retryStrategy } as never) as unknown as AnyClient);
    const ours = await runRetries((retryStrategy) => new Redis({ ...options, retryStrategy: retryStrategy as () => number | null }) as unknown as AnyClient);
    expect(ioredis).toEqual({ times: [1, 2, 3], delays: [25, 25], status: 'end', ended: true, queuedError: 'Connection is closed.', dials: 3 });
    expect(ours).toEqual(ioredis);
  });

  it('rejects the queued command with a ConnectionClosedError that carries context', async () => {
    const client = track(new Redis({ host: '127.0.0.1', port: proxy.port, retryStrategy: () => null }));
    client.on('error', () => undefined);
    const { error } = await outcome(client.set('k', 'v'));
    expect(error).toBeInstanceOf(ConnectionClosedError);
    const closed = error as ConnectionClosedError;
    expect(closed.code).toBe('ERR_CONNECTION_CLOSED');
    expect(closed.context.endpoint).toBe(`127.0.0.1:${proxy.port}`);
    expect(closed.context.command?.name).toBe('set');
    expect(closed.context.written).toBe(false);
    expect(closed.context.mayHaveExecuted).toBe(false);
    expect(closed.stack?.split('\n')[0]).toContain('Connection is closed. [127.0.0.1:');
    expect(client.status).toBe('end');
  });

  it('stops at once when the strategy returns a non-number such as a string', async () => {
    const calls: number[] = [];
    const client = track(new Redis({
      host: '127.0.0.1', port: proxy.port, retryStrategy: ((times: number) => {
        calls.push(times);
        return '100';
      }) as unknown as () => number,
    }));
    client.on('error', () => undefined);
    await once(client, 'end');
    expect(calls).toEqual([1]);
    expect(client.status).toBe('end');
  });

  it('maxRetriesPerRequest: a queued command fails after 1 + max dials, with ioredis’s text', async () => {
    const attemptsAtFailure = async (make: () => AnyClient): Promise<{ dials: number; message: string; error: Error | undefined }> => {
      const acceptsBefore = proxy.acceptCount;
      const client = track(make());
      client.on('error', () => undefined);
      const { error } = await outcome(client.get('k'));
      const dials = proxy.acceptCount - acceptsBefore;
      client.disconnect();
      return { dials, message: error?.message ?? '(resolved)', error };
    };
    const options = { host: '127.0.0.1', port: proxy.port, maxRetriesPerRequest: 2, retryStrategy: () => 10 };
    const ioredis = await attemptsAtFailure(() => new IORedis(options) as unknown as AnyClient);
    const ours = await attemptsAtFailure(() => new Redis(options) as unknown as AnyClient);
    const text = 'Reached the max retries per request limit (which is 2). Refer to "maxRetriesPerRequest" option for details.';
    expect(ioredis.message).toBe(text);
    expect(ioredis.dials).toBe(3);
    expect(ours.message).toBe(text);
    expect(ours.dials).toBe(3);
    expect(ours.error).toBeInstanceOf(MaxRetriesPerRequestError);
    const context = (ours.error as MaxRetriesPerRequestError).context;
    expect((ours.error as MaxRetriesPerRequestError).code).toBe('ERR_MAX_RETRIES_PER_REQUEST');
    expect(context.command?.name).toBe('get');
    expect(context.written).toBe(false);
    expect(context.attempt).toBe(3);
  });
});

describe('offline queue', () => {
  it('holds at most offlineQueueLimit commands; the rest fail with OfflineQueueFullError; the held ones run once ready', async () => {
    const proxy = await startFaultProxy({ targetPort: server.port, faults: { resetOnAccept: true } });
    const client = track(new Redis({ host: '127.0.0.1', port: proxy.port, offlineQueueLimit: 5, retryStrategy: () => 20, maxRetriesPerRequest: null }));
    client.on('error', () => undefined);
    await server.command('SET', 'offline-key', 'offline-value');
    const results = Array.from({ length: 8 }, () => outcome(client.get('offline-key')));
    // The three over the limit are refused synchronously: they settle before any dial succeeds.
    const refused = await Promise.all(results.slice(5));
    for (const { error } of refused) {
      expect(error).toBeInstanceOf(OfflineQueueFullError);
      const full = error as OfflineQueueFullError;
      expect(full.code).toBe('ERR_OFFLINE_QUEUE_FULL');
      expect(full.message).toMatch(/^offline queue full \(5 commands\) at 127\.0\.0\.1:\d+ \(conn \d+, pid \d+[^)]*\): GET issued \d+ ms ago, not written; 0 in flight, 5 queued; may have executed: no$/);
      expect(full.context.offlineQueued).toBe(5);
      expect(full.context.command).toEqual({ name: 'get', args: ['offline-key'] });
      expect(full.context.written).toBe(false);
      expect(full.context.mayHaveExecuted).toBe(false);
    }
    await proxy.waitForAccepts(2);
    proxy.setFault({ resetOnAccept: false });
    const held = await Promise.all(results.slice(0, 5));
    expect(held.map((r) => r.value)).toEqual(Array(5).fill('offline-value'));
  });

  it('commands that timed out while queued make room: they neither count in stats() nor crowd out new ones at the bound', async () => {
    const proxy = await startFaultProxy({ targetPort: server.port, faults: { resetOnAccept: true } });
    const client = track(new Redis({ host: '127.0.0.1', port: proxy.port, offlineQueueLimit: 3, commandTimeout: 1000, retryStrategy: () => 20, maxRetriesPerRequest: null }));
    client.on('error', () => undefined);
    await server.command('SET', 'offline-key', 'offline-value');
    const early = await Promise.all(Array.from({ length: 3 }, () => outcome(client.get('offline-key'))));
    for (const { error } of early) expect(error).toBeInstanceOf(CommandTimeoutError);
    expect(client.stats().queued).toBe(0);
    // Three new ones fit although the three timed-out ones were never written.
    const late = Array.from({ length: 3 }, () => outcome(client.get('offline-key')));
    expect(client.stats().queued).toBe(3);
    const refused = await outcome(client.get('offline-key'));
    expect(refused.error).toBeInstanceOf(OfflineQueueFullError);
    proxy.setFault({ resetOnAccept: false });
    const answered = await Promise.all(late);
    expect(answered.map((r) => r.value ?? r.error?.name)).toEqual(Array(3).fill('offline-value'));
  });

  it('enableOfflineQueue: false rejects with ioredis’s text while not ready', async () => {
    const proxy = await startFaultProxy({ targetPort: server.port, faults: { resetOnAccept: true } });
    const options = { host: '127.0.0.1', port: proxy.port, enableOfflineQueue: false, retryStrategy: () => 50 };
    const ioredis = track(new IORedis(options));
    ioredis.on('error', () => undefined);
    const ours = track(new Redis(options));
    ours.on('error', () => undefined);
    const theirs = await outcome(ioredis.get('k'));
    const { error } = await outcome(ours.get('k'));
    expect(theirs.error?.message).toBe("Stream isn't writeable and enableOfflineQueue options is false");
    expect(error?.message).toBe(theirs.error?.message);
    expect(error).toBeInstanceOf(OfflineQueueDisabledError);
    const disabled = error as OfflineQueueDisabledError;
    expect(disabled.code).toBe('ERR_OFFLINE_QUEUE_DISABLED');
    expect(disabled.context.command?.name).toBe('get');
    expect(disabled.context.written).toBe(false);
    expect(disabled.stack?.split('\n')[0]).toMatch(/^OfflineQueueDisabledError: Stream isn't writeable .* \[127\.0\.0\.1:\d+ \(conn/);
  });
});

describe('timeouts', () => {
  it('commandTimeout keeps the slot: after a timed-out GET every later reply matches its command', async () => {
    const client = track(new Redis({ host: '127.0.0.1', port: server.port, commandTimeout: 1000 }));
    client.on('error', () => undefined);
    const keys = Array.from({ length: 21 }, (_, i) => `slot:${i}`);
    await client.mset(...keys.flatMap((key) => [key, key]));
    // The server sleeps 1.5 s: GET slot:0 times out at 1 s, the next GETs are written while it still
    // sleeps, and its late reply arrives first when it wakes.
    const sleeping = server.command('DEBUG', 'SLEEP', '1.5');
    await sleep(100);
    const first = await outcome(client.get('slot:0'));
    expect(first.error).toBeInstanceOf(CommandTimeoutError);
    const timeout = first.error as CommandTimeoutError;
    expect(timeout.message).toBe('Command timed out');
    expect(timeout.code).toBe('ERR_COMMAND_TIMEOUT');
    expect(timeout.context.command).toEqual({ name: 'get', args: ['slot:0'] });
    expect(timeout.context.written).toBe(true);
    expect(timeout.context.mayHaveExecuted).toBe(true);
    expect(timeout.context.elapsedMs).toBeGreaterThanOrEqual(999);
    const later = await Promise.all(keys.slice(1).map((key) => outcome(client.get(key))));
    await sleeping;
    expect(later.map((r) => r.value ?? r.error?.message)).toEqual(keys.slice(1));
    // And the connection stays usable and aligned.
    expect(await client.get('slot:20')).toBe('slot:20');
    expect(await client.mget('slot:3', 'slot:4')).toEqual(['slot:3', 'slot:4']);
  });

  it('connectTimeout covers the handshake: a server that accepts but never answers fails the dial with ETIMEDOUT', async () => {
    const proxy = await startFaultProxy({ targetPort: server.port, faults: { blackhole: true } });
    await server.command('SET', 'ct-key', 'ct-value');
    const client = track(new Redis({ host: '127.0.0.1', port: proxy.port, connectTimeout: 300, retryStrategy: () => 20 }));
    const errors: Error[] = [];
    client.on('error', (error: Error) => errors.push(error));
    const pending = client.get('ct-key');
    await proxy.waitForAccepts(2);
    proxy.setFault({ blackhole: false });
    expect(await pending).toBe('ct-value');
    const timeouts = errors.filter((error) => error instanceof ConnectTimeoutError);
    expect(timeouts.length).toBeGreaterThanOrEqual(1);
    const first = timeouts[0] as ConnectTimeoutError;
    expect(first.message).toBe('connect ETIMEDOUT');
    expect(first.code).toBe('ETIMEDOUT');
    expect(first.context.endpoint).toBe(`127.0.0.1:${proxy.port}`);
    expect(first.context.cause).toMatchObject({ code: 'ETIMEDOUT', syscall: 'connect' });
  });

  it('socketTimeout closes a socket that stops answering; GET is re-sent, INCR fails as may-have-executed', async () => {
    const proxy = await startFaultProxy({ targetPort: server.port });
    await server.command('SET', 'st-key', 'st-value');
    await server.command('DEL', 'st-counter');
    const client = track(new Redis({ host: '127.0.0.1', port: proxy.port, socketTimeout: 300, connectTimeout: 300, retryStrategy: () => 20 }));
    const errors: Error[] = [];
    client.on('error', (error: Error) => errors.push(error));
    await once(client, 'ready');
    proxy.setFault({ blackhole: true });
    const read = client.get('st-key');
    const write = outcome(client.incr('st-counter'));
    const lost = await write;
    expect(lost.error).toBeInstanceOf(ConnectionLostError);
    expect((lost.error as ConnectionLostError).context.mayHaveExecuted).toBe(true);
    expect((lost.error as ConnectionLostError).message).toMatch(/^socket timeout \(300 ms without data\) from 127\.0\.0\.1:\d+ .*INCR written/);
    proxy.setFault({ blackhole: false });
    expect(await read).toBe('st-value');
    const socketTimeout = errors.find((error) => error instanceof SocketTimeoutError) as SocketTimeoutError | undefined;
    expect(socketTimeout?.message).toBe("Socket timeout. Expecting data, but didn't receive any in 300ms.");
    expect(socketTimeout?.code).toBe('ERR_SOCKET_TIMEOUT');
    // The blackhole dropped the INCR before the server: "may have executed" was conservative.
    expect(await server.command('GET', 'st-counter')).toBeNull();
  });
});

describe('reading replies', () => {
  /** Printable pseudo-random bytes: the text and the Buffer reply can both be compared. */
  function randomValue(bytes: number, seed: number): Buffer {
    const value = Buffer.alloc(bytes);
    let x = seed * 2654435761;
    for (let i = 0; i < bytes; i++) value[i] = 33 + (((x = (x * 1103515245 + 12345) >>> 0) >>> 24) % 94);
    return value;
  }

  it('four clients reading large and small replies at once each get their own bytes (every socket reads into one shared buffer)', async () => {
    const sizes = [70_000, 300_000, 1_100_000, 2_500_000];
    const values = sizes.map((size, i) => randomValue(size, i + 1));
    const writer = track(new Redis({ port: server.port }));
    for (let i = 0; i < values.length; i++) await writer.set(`read:big:${i}`, values[i]!);
    await writer.rpush('read:list', ...Array.from({ length: 2000 }, (_, i) => `element-${i}`));
    const readers = values.map(() => track(new Redis({ port: server.port })));
    const mismatches = await Promise.all(readers.map(async (client, which) => {
      const key = `read:big:${which}`;
      const expectedText = values[which]!.toString('latin1');
      let bad = 0;
      for (let round = 0; round < 8; round++) {
        const pipeline = client.pipeline().get(key).lrange('read:list', 0, -1).getBuffer(key).echo(`small-${which}-${round}`);
        const [asText, asBuffer, list, echoed] = await Promise.all([
          client.get(key),
          client.getBuffer(key),
          client.lrange('read:list', 0, -1),
          pipeline.exec(),
        ]);
        if (asText !== expectedText || !asBuffer!.equals(values[which]!)) bad++;
        if (list.length !== 2000 || list[1999] !== 'element-1999') bad++;
        const results = echoed!.map(([error, value]) => (error === null ? value : error));
        if (results[0] !== expectedText || !(results[2] as Buffer).equals(values[which]!) || results[3] !== `small-${which}-${round}`) bad++;
        if ((results[1] as string[]).length !== 2000) bad++;
      }
      return bad;
    }));
    expect(mismatches).toEqual([0, 0, 0, 0]);
  });
});

describe('how commands are written', () => {
  /** Counts socket.write calls towards the test server while `body` runs. */
  async function countWrites(body: () => Promise<void>): Promise<number> {
    const original = net.Socket.prototype.write;
    let writes = 0;
    net.Socket.prototype.write = function (this: net.Socket, ...args: Parameters<typeof original>) {
      if (this.remotePort === server.port) writes++;
      return original.apply(this, args);
    } as typeof original;
    try {
      await body();
    } finally {
      net.Socket.prototype.write = original;
    }
    return writes;
  }

  it('commands issued in one synchronous run, and by promise callbacks queued before it, go out in one write', async () => {
    const client = track(new Redis({ port: server.port }));
    await client.ping();
    const writes = await countWrites(async () => {
      const replies: Array<Promise<unknown>> = [];
      const earlier = Promise.resolve().then(() => replies.push(client.get('batch:3')));
      for (let i = 0; i < 10; i++) replies.push(client.set(`batch:${i}`, String(i)));
      await earlier;
      expect(await Promise.all(replies)).toEqual([...Array.from({ length: 10 }, () => 'OK'), '3']);
    });
    expect(writes).toBe(1);
  });

  it('callers resumed by one reply chunk issue their next commands into one write, not one each', async () => {
    const client = track(new Redis({ port: server.port }));
    await client.ping();
    const writes = await countWrites(async () => {
      const callers = Array.from({ length: 20 }, async (_, i) => {
        await client.get('batch:1');
        return client.set(`resumed:${i}`, 'v');
      });
      expect(await Promise.all(callers)).toEqual(Array.from({ length: 20 }, () => 'OK'));
    });
    // One write for the 20 GETs; the 20 SETs in one more (two if the replies came in two reads).
    expect(writes).toBeGreaterThanOrEqual(2);
    expect(writes).toBeLessThanOrEqual(3);
  });

  it('every connection of the process encodes into one slab: 200 clients hold one, not 200', async () => {
    const value = 'm'.repeat(2000);
    const before = process.memoryUsage().arrayBuffers;
    const many = Array.from({ length: 200 }, () => track(new Redis({ port: server.port })));
    // A batch over 1 KiB each: a slab per connection would be 200 x 64 KiB = 12.5 MiB.
    expect(await Promise.all(many.map((client, i) => client.set(`slab:${i}`, value)))).toEqual(many.map(() => 'OK'));
    const grown = process.memoryUsage().arrayBuffers - before;
    for (const client of many) client.disconnect();
    expect(grown).toBeLessThan(2 * 1024 * 1024);
  });
});

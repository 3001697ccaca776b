/**
 * Pipelines and transactions: what our client guarantees beyond ioredis's result shapes (those are
 * in test/differential/pipeline.test.ts): one write per pipeline, at most once for written
 * commands (a transaction is never re-sent, not even in part), arguments checked before anything
 * is written, and auto-pipelining's one-write-per-turn.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Pipeline } from '../../src/Pipeline';
import { Redis } from '../../src/Redis';
import { ConnectionLostError, OfflineQueueFullError } from '../../src/errors';
import { closeAllProxies, startFaultProxy, type FaultProxy } from '../fixtures/faultProxy';
import { startRedis, stopAll, type RedisServer } from '../fixtures/redisServer';

let server: RedisServer;
let proxy: FaultProxy;
const clients: Redis[] = [];

beforeAll(async () => {
  server = await startRedis();
  proxy = await startFaultProxy({ targetPort: server.port });
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.disconnect();
  proxy.resetAll();
  await server.command('FLUSHALL');
  await server.command('CONFIG', 'RESETSTAT');
});
afterAll(async () => {
  await closeAllProxies();
  await stopAll();
});

function client(options: ConstructorParameters<typeof Redis>[0] & object = {}): Redis {
  const redis = new Redis({ host: proxy.host, port: proxy.port, retryStrategy: () => 10, ...options });
  redis.on('error', () => undefined);
  clients.push(redis);
  return redis;
}

/** Count the chunks the server side receives while `work` runs. */
async function chunksDuring(work: () => Promise<unknown>): Promise<number> {
  let chunks = 0;
  proxy.setFault({
    onClientData: (chunk) => {
      chunks += 1;
      return chunk;
    },
  });
  await work();
  proxy.setFault({ onClientData: undefined });
  return chunks;
}

function untilReady(redis: Redis): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => redis.once('ready', () => resolve()));
}

async function commandCalls(name: string): Promise<number> {
  const stats = await server.info('commandstats');
  const line = stats[`cmdstat_${name}`];
  if (line === undefined) return 0;
  return Number(/calls=(\d+)/.exec(line)?.[1] ?? 0);
}

describe('pipeline writes', () => {
  it('writes a 200-command pipeline 32 commands at a time, without waiting for the end of the tick', async () => {
    const redis = client();
    await redis.ping();
    let atExec = { inFlight: -1, queued: -1 };
    const chunks = await chunksDuring(async () => {
      const pipeline = redis.pipeline();
      for (let i = 0; i < 200; i++) pipeline.set(`k${i}`, i);
      const pending = pipeline.exec();
      // The server is already working on the first 192 while the last 8 wait for the tick to end.
      const { inFlight, queued } = redis.stats();
      atExec = { inFlight, queued };
      const results = await pending;
      expect(results).toHaveLength(200);
    });
    expect(atExec).toEqual({ inFlight: 192, queued: 8 });
    expect(chunks).toBeGreaterThanOrEqual(1);
    expect(chunks).toBeLessThanOrEqual(7);
  });

  it('sends MULTI, the queued commands and EXEC in one write', async () => {
    const redis = client();
    await redis.ping();
    const chunks = await chunksDuring(() => redis.multi().set('a', 1).incr('a').get('a').exec());
    expect(chunks).toBe(1);
    expect(await commandCalls('multi')).toBe(1);
    expect(await commandCalls('exec')).toBe(1);
  });
});

describe('arguments are checked before anything is written', () => {
  it('a bad argument inside multi() rejects exec() and writes nothing of the transaction', async () => {
    const redis = client();
    await redis.ping();
    const error = await redis.multi().set('a', 1).set('b', { nested: true } as unknown as string).exec().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError & { code: string }).code).toBe('ERR_INVALID_ARGUMENT');
    expect((error as Error & { previousErrors: Error[] }).previousErrors.length).toBeGreaterThan(0);
    expect(await commandCalls('multi')).toBe(0);
    expect(await commandCalls('set')).toBe(0);
    expect(await server.command('EXISTS', 'a')).toBe(0);
  });

  it('a bad argument in a plain pipeline fails its own slot; the others run', async () => {
    const redis = client();
    const results = await redis.pipeline().set('a', 1).get(Symbol('bad') as unknown as string).get('a').exec();
    expect(results?.[0]).toEqual([null, 'OK']);
    expect(results?.[1]?.[0]).toBeInstanceOf(TypeError);
    expect(results?.[2]).toEqual([null, '1']);
  });

  it('a bad argument in an inline transaction leaves the rest of the pipeline running', async () => {
    const redis = client();
    const transaction = redis.pipeline().set('before', 1).multi().set('x', undefined as unknown as string);
    const results = await (transaction.exec() as unknown as typeof transaction).set('after', 2).exec();
    expect(results?.[0]).toEqual([null, 'OK']);
    for (const slot of results!.slice(1, 4)) expect(slot[0]).toBeInstanceOf(TypeError);
    expect(results?.[4]).toEqual([null, 'OK']);
    expect(await commandCalls('multi')).toBe(0);
  });
});

describe('a transaction is written whole or not at all', () => {
  it('nothing of a transaction is written before its EXEC is queued, even past 32 commands and a full socket', async () => {
    // Written early, MULTI and the large SETs would fill the socket; the rest would then be refused
    // by the bounded queue and the server would be left inside MULTI. Held until EXEC, the whole
    // transaction is accepted and runs once the server reads again.
    const redis = client({ offlineQueueLimit: 40 });
    await redis.ping();
    const big = 'b'.repeat(256 * 1024);
    const pipeline = redis.multi();
    for (let i = 0; i < 31; i++) pipeline.set(`big${i}`, big);
    for (let i = 0; i < 60; i++) pipeline.set(`small${i}`, i);
    server.pause();
    let results: Awaited<ReturnType<typeof pipeline.exec>>;
    try {
      const pending = pipeline.exec();
      await new Promise((resolve) => setTimeout(resolve, 50));
      server.resume();
      results = await pending;
    } finally {
      server.resume();
    }
    expect(results).toHaveLength(91);
    expect(results?.every(([error]) => error === null)).toBe(true);
    expect(await redis.ping()).toBe('PONG');
    expect(await commandCalls('multi')).toBe(1);
    expect(await commandCalls('exec')).toBe(1);
    expect(await redis.exists('big30', 'small59')).toBe(2);
  });

  it('when the offline queue takes only part of it, none of it is written and the connection stays usable', async () => {
    const redis = client({ lazyConnect: true, offlineQueueLimit: 3 });
    const error = await redis.multi().set('a', 1).set('b', 2).set('c', 3).exec().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfflineQueueFullError);
    expect((error as OfflineQueueFullError).context.command?.name).toBe('exec');
    // Each command's own refusal names that command, unwritten.
    const previous = (error as Error & { previousErrors: OfflineQueueFullError[] }).previousErrors;
    expect(previous.map((e) => [e instanceof OfflineQueueFullError, e.context.command?.name, e.context.written])).toEqual([
      [true, 'multi', false], [true, 'set', false], [true, 'set', false], [true, 'set', false],
    ]);
    expect(previous[1]!.message).toMatch(/SET issued/);
    await untilReady(redis);
    // Were MULTI and two SETs written without EXEC, these would answer QUEUED.
    expect(await redis.set('z', 1)).toBe('OK');
    expect(await redis.get('z')).toBe('1');
    expect(await commandCalls('multi')).toBe(0);
    expect(await server.command('EXISTS', 'a')).toBe(0);
  });

  it('the withdrawn part of a refused transaction frees its room in the queue at once', async () => {
    const redis = client({ lazyConnect: true, offlineQueueLimit: 3 });
    await redis.multi().set('a', 1).set('b', 2).set('c', 3).exec().catch(() => undefined);
    // MULTI and two SETs were queued, then withdrawn: nobody waits for them any more.
    expect(redis.stats().queued).toBe(0);
    const after = [redis.set('after:1', 1), redis.set('after:2', 2), redis.get('after:1')];
    expect(redis.stats().queued).toBe(3);
    await untilReady(redis);
    expect(await Promise.all(after)).toEqual(['OK', 'OK', '1']);
    expect(await commandCalls('multi')).toBe(0);
  });

  it('an inline transaction refused in part leaves the rest of the pipeline alone', async () => {
    const redis = client({ lazyConnect: true, offlineQueueLimit: 3 });
    // Inside a pipeline, exec() closes the inline MULTI and returns the pipeline (ioredis's typings
    // say Promise, as ours do): the second exec() sends it.
    const inline = redis.pipeline().multi().set('a', 1).set('b', 2).exec() as unknown as Pipeline;
    const results = await inline.exec();
    expect(results?.every(([e]: [Error | null, unknown]) => (e as Error & { code?: string } | null)?.code === 'ERR_OFFLINE_QUEUE_FULL')).toBe(true);
    await untilReady(redis);
    expect(await redis.ping()).toBe('PONG');
    expect(await commandCalls('multi')).toBe(0);
  });
});

describe('at most once', () => {
  it('a transaction whose EXEC reply is lost is not re-sent: exec() rejects, the INCR ran once', async () => {
    const redis = client({ autoResendUnfulfilledCommands: true });
    await redis.set('n', 0);
    proxy.setFault({ swallowReply: { nth: 1, command: 'EXEC' } });
    const error = await redis.multi().incr('n').get('n').exec().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionLostError);
    expect((error as ConnectionLostError).context.mayHaveExecuted).toBe(true);
    expect((error as Error & { previousErrors: Error[] }).previousErrors).toEqual([]);
    await redis.ping();
    expect(await server.command('GET', 'n')).toBe('1');
    expect(await commandCalls('exec')).toBe(1);
    expect(await commandCalls('incr')).toBe(1);
  });

  it('a transaction cut before its queued commands were answered fails as a whole and is not re-sent', async () => {
    const redis = client({ autoResendUnfulfilledCommands: true });
    await redis.ping();
    proxy.setFault({ swallowReply: { nth: 1, command: 'INCR' } });
    const error = await redis.multi().incr('n').incr('n').exec().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionLostError);
    expect((error as ConnectionLostError).context.mayHaveExecuted).toBe(true);
    await redis.ping();
    // The server had the whole transaction in one write, so it may have run it: once at most.
    const execs = await commandCalls('exec');
    expect(execs).toBeLessThanOrEqual(1);
    expect(await server.command('GET', 'n')).toBe(execs === 1 ? '2' : null);
    expect(await commandCalls('multi')).toBe(1);
  });

  it('in a plain pipeline the lost write fails with mayHaveExecuted; the read after it is re-sent', async () => {
    const redis = client();
    await redis.set('n', 0);
    proxy.setFault({ swallowReply: { nth: 1, command: 'INCR' } });
    const results = await redis.pipeline().incr('n').get('n').exec();
    expect(results?.[0]?.[0]).toBeInstanceOf(ConnectionLostError);
    expect((results?.[0]?.[0] as ConnectionLostError).context.mayHaveExecuted).toBe(true);
    expect(results?.[1]).toEqual([null, '1']);
    expect(await commandCalls('incr')).toBe(1);
  });

  it('multi({ pipeline: false }): a lost EXEC is not re-sent', async () => {
    const redis = client({ autoResendUnfulfilledCommands: true });
    await redis.set('n', 0);
    await redis.multi({ pipeline: false });
    expect(await redis.incr('n')).toBe('QUEUED');
    proxy.setFault({ swallowReply: { nth: 1, command: 'EXEC' } });
    const error = await redis.exec().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionLostError);
    await redis.ping();
    expect(await server.command('GET', 'n')).toBe('1');
    expect(await commandCalls('exec')).toBe(1);
  });
});

describe('enableAutoPipelining', () => {
  /** Commands issued from two timer callbacks of the same event-loop turn. */
  function issueFromTwoTimers(redis: Redis): Promise<unknown[]> {
    return new Promise((resolve, reject) => {
      const pending: Promise<unknown>[] = [];
      setTimeout(() => pending.push(redis.set('a', 1), redis.incr('n')), 0);
      setTimeout(() => {
        pending.push(redis.get('a'), redis.incr('n'));
        Promise.all(pending).then(resolve, reject);
      }, 0);
    });
  }

  it('joins the commands of one event-loop turn into one write', async () => {
    const redis = client({ enableAutoPipelining: true });
    await redis.ping();
    let replies: unknown[] = [];
    const chunks = await chunksDuring(async () => {
      replies = await issueFromTwoTimers(redis);
    });
    expect(replies).toEqual(['OK', 1, '1', 2]);
    expect(chunks).toBe(1);
  });

  it('holds the first callback\'s commands until the turn ends', async () => {
    const redis = client({ enableAutoPipelining: true });
    await redis.ping();
    const seen = await new Promise<number[]>((resolve) => {
      const sizes: number[] = [];
      const pending: Promise<unknown>[] = [];
      setTimeout(() => {
        pending.push(redis.set('a', 1), redis.incr('n'));
        sizes.push(redis.autoPipelineQueueSize);
      }, 0);
      setTimeout(() => {
        sizes.push(redis.autoPipelineQueueSize);
        pending.push(redis.get('a'));
        sizes.push(redis.autoPipelineQueueSize);
        void Promise.all(pending).then(() => resolve([...sizes, redis.autoPipelineQueueSize]));
      }, 0);
    });
    expect(seen).toEqual([2, 2, 3, 0]);
  });

  it('autoPipelineQueueSize counts what waits, ignored commands excluded', async () => {
    const redis = client({ enableAutoPipelining: true, autoPipeliningIgnoredCommands: ['ping'] });
    await redis.ping();
    const pending = [redis.set('a', 1), redis.get('a'), redis.ping(), redis.info()];
    expect(redis.autoPipelineQueueSize).toBe(2);
    await Promise.all(pending);
    expect(redis.autoPipelineQueueSize).toBe(0);
  });
});

/**
 * Lua scripts: which command goes on the wire (EVAL first, EVALSHA after, EVAL again after
 * NOSCRIPT or a new socket), at most once for scripts that write, re-send for readOnly ones,
 * and definitions refused before anything is sent. Result shapes against ioredis are in
 * test/differential/scripts.test.ts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from '../../src/Redis';
import { Cluster } from '../../src/cluster/Cluster';
import { ConnectionLostError } from '../../src/errors';
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
  await server.command('SCRIPT', 'FLUSH');
  await server.command('CONFIG', 'RESETSTAT');
});
afterAll(async () => {
  await closeAllProxies();
  await stopAll();
});

type ScriptMethod = (...args: unknown[]) => Promise<unknown>;

function client(options: ConstructorParameters<typeof Redis>[0] & object = {}): Redis & Record<string, ScriptMethod> {
  const redis = new Redis({ host: proxy.host, port: proxy.port, retryStrategy: () => 10, ...options });
  redis.on('error', () => undefined);
  clients.push(redis);
  return redis as Redis & Record<string, ScriptMethod>;
}

async function calls(name: string): Promise<number> {
  const line = (await server.info('commandstats'))[`cmdstat_${name}`];
  return line === undefined ? 0 : Number(/calls=(\d+)/.exec(line)?.[1] ?? 0);
}

const incr = { lua: "return redis.call('INCR', KEYS[1])", numberOfKeys: 1 };
const read = { lua: "return redis.call('GET', KEYS[1])", numberOfKeys: 1, readOnly: true };

describe('what goes on the wire', () => {
  it('EVAL on first use, EVALSHA after', async () => {
    const redis = client({ scripts: { incr } });
    expect(await redis.incr('n')).toBe(1);
    expect(await redis.incr('n')).toBe(2);
    expect(await redis.incr('n')).toBe(3);
    expect(await calls('eval')).toBe(1);
    expect(await calls('evalsha')).toBe(2);
  });

  it('NOSCRIPT falls back to EVAL once and the script runs once', async () => {
    const redis = client({ scripts: { incr } });
    await redis.incr('n');
    await server.command('SCRIPT', 'FLUSH');
    expect(await redis.incr('n')).toBe(2);
    expect(await calls('evalsha')).toBe(1);
    expect(await calls('eval')).toBe(2);
  });

  it('a new socket sends the source again (a restarted server has an empty script cache)', async () => {
    const redis = client({ scripts: { incr } });
    await redis.incr('n');
    await redis.incr('n');
    await server.restart();
    expect(await redis.ping()).toBe('PONG');
    expect(await redis.incr('n')).toBe(1);
    expect(await calls('evalsha')).toBe(0);
    expect(await calls('eval')).toBe(1);
  });

  it('inside MULTI after a new socket: EVAL, so EXEC never holds a NOSCRIPT', async () => {
    const redis = client({ scripts: { incr } });
    await redis.incr('n');
    await server.restart();
    expect(await redis.ping()).toBe('PONG');
    const transaction = redis.multi() as unknown as Record<string, (...a: unknown[]) => unknown> & { exec(): Promise<unknown> };
    transaction.incr!('n');
    expect(await transaction.exec()).toEqual([[null, 1]]);
  });

  it('readOnly scripts still use EVALSHA/EVAL (as ioredis 6), not the _RO variants', async () => {
    const redis = client({ scripts: { read } });
    await redis.set('k', 'v');
    expect(await redis.read('k')).toBe('v');
    expect(await redis.read('k')).toBe('v');
    expect(await calls('eval')).toBe(1);
    expect(await calls('evalsha')).toBe(1);
    expect(await calls('eval_ro')).toBe(0);
    expect(await calls('evalsha_ro')).toBe(0);
  });
});

describe('at most once', () => {
  it('a script that writes is not re-sent when its reply is lost', async () => {
    const redis = client({ scripts: { incr } });
    await redis.ping();
    proxy.setFault({ swallowReply: { nth: 1, command: 'EVAL' } });
    const error = await redis.incr('n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionLostError);
    expect((error as ConnectionLostError).context.mayHaveExecuted).toBe(true);
    await redis.ping();
    expect(await server.command('GET', 'n')).toBe('1');
  });

  it('a readOnly script is re-sent after a lost reply and answers', async () => {
    const redis = client({ scripts: { read } });
    await redis.set('k', 'v');
    const cutsBefore = proxy.cutCount;
    proxy.setFault({ swallowReply: { nth: 1, command: 'EVAL' } });
    expect(await redis.read('k')).toBe('v');
    expect(proxy.cutCount - cutsBefore).toBe(1);
  });
});

describe('definitions are checked', () => {
  it('refuses a non-string lua', () => {
    const redis = client({ lazyConnect: true });
    expect(() => redis.defineCommand('bad', { lua: 42 as unknown as string })).toThrow(TypeError);
  });

  it('refuses a negative numberOfKeys', () => {
    const redis = client({ lazyConnect: true });
    expect(() => redis.defineCommand('bad', { lua: 'return 1', numberOfKeys: -1 })).toThrow(/numberOfKeys/);
  });

  it('refuses a name that is a property of the client', () => {
    const redis = client({ lazyConnect: true });
    expect(() => redis.defineCommand('options', { lua: 'return 1' })).toThrow(/property of the client/);
    expect(redis.options.port).toBe(proxy.port);
  });

  it('Cluster refuses the same names as Redis, its pipelines\' properties included', () => {
    const cluster = new Cluster([{ host: '127.0.0.1', port: 1 }], { lazyConnect: true });
    try {
      // `length` is a pipeline's getter: a script of that name would replace it in every pipeline.
      expect(() => cluster.defineCommand('length', { lua: 'return 1' })).toThrow(/"length" is a property of the client or its pipelines/);
      expect(() => cluster.defineCommand('status', { lua: 'return 1' })).toThrow(/"status" is a property of the client/);
      expect(cluster.pipeline().length).toBe(0);
    } finally {
      cluster.disconnect();
    }
  });

  it("refuses a pipeline's own methods (exec, multi, call, addBatch) but lets a script override a command", () => {
    const owners = [client({ lazyConnect: true }), new Cluster([{ host: '127.0.0.1', port: 1 }], { lazyConnect: true })];
    try {
      for (const owner of owners) {
        for (const name of ['exec', 'multi', 'call', 'addBatch']) {
          expect(() => owner.defineCommand(name, { lua: 'return 1' })).toThrow(new RegExp(`"${name}" is a property of the client or its pipelines`));
        }
        owner.defineCommand('incr', { lua: 'return 42', numberOfKeys: 1 });
        expect(typeof (owner.pipeline() as unknown as Record<string, unknown>).exec).toBe('function');
        expect(owner.pipeline().length).toBe(0);
      }
    } finally {
      for (const owner of owners) owner.disconnect();
    }
  });

  it('a client builds its pipeline class once per set of scripts, Redis and Cluster alike', () => {
    const clients = [client({ lazyConnect: true }), new Cluster([{ host: '127.0.0.1', port: 1 }], { lazyConnect: true })];
    try {
      for (const owner of clients) {
        owner.defineCommand('one', { lua: 'return 1', numberOfKeys: 0 });
        const [first, second] = [owner.pipeline(), owner.pipeline()];
        expect(Object.getPrototypeOf(second)).toBe(Object.getPrototypeOf(first));
        expect(typeof (first as unknown as Record<string, unknown>).one).toBe('function');
        owner.defineCommand('two', { lua: 'return 2', numberOfKeys: 0 });
        const third = owner.pipeline() as unknown as Record<string, unknown>;
        expect(Object.getPrototypeOf(third)).not.toBe(Object.getPrototypeOf(first));
        expect([typeof third.one, typeof third.two]).toEqual(['function', 'function']);
      }
    } finally {
      for (const owner of clients) owner.disconnect();
    }
  });

  it('a bad argument is rejected before anything is written', async () => {
    const redis = client({ scripts: { incr } });
    await redis.ping();
    await expect(redis.incr({ not: 'a key' } as unknown as string)).rejects.toThrow(TypeError);
    expect(await calls('eval')).toBe(0);
  });
});

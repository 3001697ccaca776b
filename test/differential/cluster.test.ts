/**
 * Cluster, ours against ioredis 6's Cluster on one real 6-node cluster: each row runs the same
 * calls through both clients (the cluster flushed before each run) and compares results and
 * errors (name and message, after `normalize`). The last rows pin the deliberate differences:
 * cross-slot errors are raised before sending (same message, our own class), and a pipeline
 * spanning nodes is split by node where ioredis refuses it.
 */
import { Cluster as IORedisCluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/Cluster';
import { CrossSlotError, ReplyError } from '../../src/errors';
import { startCluster, stopAllClusters, type RedisCluster } from '../fixtures/redisCluster';
import { loose, normalize, settle } from './oracle';

let fixture: RedisCluster;

beforeAll(async () => {
  fixture = await startCluster();
});
afterAll(() => stopAllClusters());

/** Both clients are driven through ioredis's Cluster type. */
type Client = IORedisCluster;
type Scenario = (client: Client, make: (options?: Record<string, unknown>) => Client) => Promise<unknown> | unknown;
type Outcome = { ok: unknown } | { thrown: unknown };

async function flush(): Promise<void> {
  await Promise.all((await fixture.masters()).map(async (node) => {
    await fixture.command(node, 'FLUSHALL');
    await fixture.command(node, 'SCRIPT', 'FLUSH');
  }));
}

async function run(kind: 'ours' | 'theirs', scenario: Scenario, options: Record<string, unknown> = {}): Promise<Outcome> {
  await flush();
  const made: Client[] = [];
  const make = (extra: Record<string, unknown> = {}): Client => {
    const args = [fixture.startupNodes.slice(0, 1), { ...options, ...extra }] as const;
    const client = kind === 'theirs'
      ? new IORedisCluster(...(args as unknown as ConstructorParameters<typeof IORedisCluster>))
      : (new Cluster(...(args as unknown as ConstructorParameters<typeof Cluster>)) as unknown as Client);
    client.on('error', () => undefined);
    made.push(client);
    return client;
  };
  try {
    return { ok: normalize(await scenario(make(), make)) };
  } catch (error) {
    return { thrown: normalize(error) };
  } finally {
    for (const client of made) if (client.status !== 'end') client.disconnect();
  }
}

async function both(scenario: Scenario, options?: Record<string, unknown>): Promise<{ ours: Outcome; theirs: Outcome }> {
  const theirs = await run('theirs', scenario, options);
  const ours = await run('ours', scenario, options);
  return { ours, theirs };
}

const binary = Buffer.from([0x00, 0xff, 0x0d, 0x0a, 0x80]);

type Row = [name: string, scenario: Scenario, options?: Record<string, unknown>];

const sameRows: Row[] = [
  ['set, get, incr, del, exists', async (c) => [await c.set('a', '1'), await c.get('a'), await c.incr('a'), await c.exists('a'), await c.del('a'), await c.get('a')]],
  ['mset/mget on one hash tag', async (c) => [await c.mset('{u}a', '1', '{u}b', '2'), await c.mget('{u}a', '{u}b', '{u}c')]],
  ['hset object, hgetall object, missing hash', async (c) => [await c.hset('h', { f: 'v', n: 2 }), await c.hgetall('h'), await c.hgetall('none')]],
  ['Buffer values and keys', async (c) => [await c.set(binary, binary), await c.getBuffer(binary), await c.strlen(binary)]],
  ['WRONGTYPE from the server', async (c) => [await c.set('s', 'x'), await settle(c.lpush('s', 'y'))]],
  ['wrong number of arguments', async (c) => settle(loose(c).set('only-key'))],
  ['unknown command through call', async (c) => settle(c.call('nosuchcommand', 'k'))],
  ['call and callBuffer', async (c) => [await c.call('set', 'c', 'v'), await c.callBuffer('get', 'c'), await c.call('GET', 'c')]],
  ['keyless commands go to some master', async (c) => [await c.ping(), await c.echo('hi'), typeof (await c.dbsize())]],
  ['multi on one slot', async (c) => c.multi().set('{t}a', '1').incr('{t}n').get('{t}a').hgetall('{t}h').exec()],
  ['multi with a failing command inside', async (c) => c.multi().set('{t}s', 'x').incr('{t}s').get('{t}s').exec()],
  ['pipeline on one slot', async (c) => c.pipeline().set('{p}a', '1').get('{p}a').incr('{p}a').hgetall('{p}none').exec()],
  ['pipeline of keyless commands', async (c) => c.pipeline().ping().echo('x').exec()],
  ['eval with keys in one slot', async (c) => c.eval('return {KEYS[1], KEYS[2], ARGV[1]}', 2, '{e}1', '{e}2', 'arg')],
  ['defineCommand', async (c) => {
    c.defineCommand('echoKey', { numberOfKeys: 1, lua: 'return KEYS[1] .. ":" .. ARGV[1]' });
    const run = (...args: unknown[]): PromiseLike<unknown> => loose(c).echoKey!(...args);
    return [await run('k', 'a'), await run('k', 'b'), await loose(c.pipeline()).echoKey('{k}1', 'c').echoKey('{k}2', 'd').exec()];
  }],
  ['nodes by role', async (c) => {
    await new Promise((resolve) => (c.status === 'ready' ? resolve(null) : c.once('ready', resolve)));
    return [c.nodes('master').length, c.nodes('slave').length, c.nodes().length];
  }],
  ['nodes with an invalid role', (c) => c.nodes('primary' as 'master')],
  ['lazyConnect: status wait, then ready on first command', async (c) => [c.status, await c.set('l', '1'), c.status], { lazyConnect: true }],
  // Messages only: our errors have classes of their own (ClusterUnavailableError), ioredis's are Error.
  ['enableOfflineQueue: false before ready', async (c) => c.get('x').catch((e: Error) => e.message), { enableOfflineQueue: false, lazyConnect: true }],
  ['quit, then a command', async (c) => {
    await c.set('q', '1');
    const quit = await c.quit();
    await new Promise((resolve) => setTimeout(resolve, 50));
    return [quit, c.status, await c.get('q').catch((e: Error) => e.message)];
  }],
  // The server's CROSSSLOT at EXEC for ioredis; raised before sending here (previousErrors differ).
  ['CROSSSLOT for a transaction on one node, two slots', async (c) => c.multi().set('a', '1').set('e', '2').exec().catch((e: Error) => e.message)],
];

describe('Cluster: same results as ioredis', () => {
  for (const [name, scenario, options] of sameRows) {
    it(name, async () => {
      const { ours, theirs } = await both(scenario, options);
      expect(ours).toEqual(theirs);
    });
  }
});

describe('Cluster: deliberate differences from ioredis', () => {
  it('a cross-slot command fails before sending with the server\'s message, as a CrossSlotError (a ReplyError)', async () => {
    const { ours, theirs } = await both(async (c) => settle(c.mget('a', 'b')));
    expect(theirs).toEqual({ ok: { err: { error: 'ReplyError', message: "CROSSSLOT Keys in request don't hash to the same slot" } } });
    expect(ours).toEqual({ ok: { err: { error: 'CrossSlotError', message: "CROSSSLOT Keys in request don't hash to the same slot" } } });
    const client = new Cluster(fixture.startupNodes.slice(0, 1));
    const error = await client.eval('return 1', 2, 'a', 'b').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrossSlotError);
    expect(error).toBeInstanceOf(ReplyError);
    client.disconnect();
  });

  it('a transaction across nodes: ioredis\'s message, our CrossSlotError', async () => {
    const { ours, theirs } = await both(async (c) => settle(c.multi().set('a', '1').set('b', '2').exec()));
    const message = 'All keys in the pipeline should belong to the same slots allocation group';
    expect(theirs).toEqual({ ok: { err: { error: 'Error', message } } });
    expect(ours).toMatchObject({ ok: { err: { error: 'CrossSlotError', message } } });
  });

  it('a pipeline across nodes is split by node here; ioredis refuses it', async () => {
    const scenario: Scenario = async (c) => settle(c.pipeline().set('a', '1').set('b', '2').get('a').get('b').exec());
    const { ours, theirs } = await both(scenario);
    expect(theirs).toEqual({ ok: { err: { error: 'Error', message: 'All keys in the pipeline should belong to the same slots allocation group' } } });
    expect(ours).toEqual({ ok: { ok: [[null, 'OK'], [null, 'OK'], [null, '1'], [null, '2']] } });
  });

  it('multi({ pipeline: false }) is refused; ioredis sends MULTI to some node', async () => {
    const { ours, theirs } = await both(async (c) => settle(Promise.resolve().then(() => c.multi({ pipeline: false }))));
    expect(theirs).toEqual({ ok: { ok: 'OK' } });
    expect(ours).toMatchObject({ ok: { err: { error: 'TypeError' } } });
  });
});

/**
 * Cluster against a real 6-node cluster (3 masters, 3 replicas): keys spread over every master,
 * hash tags, cross-slot errors before sending, pipelines split by node and reassembled in order,
 * one-slot transactions, scaleReads, pub/sub (plain, pattern, sharded), scripts, errors that name
 * the node, lifecycle (events, lazyConnect, offline queue, quit, duplicate), refresh coalescing.
 * Resharding and failover are in their own files.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/Cluster';
import type { ClusterOptions } from '../../src/cluster/clusterOptions';
import { Redis } from '../../src/index';
import { ClusterAllFailedError, ClusterRedirectionError, ClusterUnavailableError, CrossSlotError, MovedError, ReplyError } from '../../src/errors';
import { slotOf, startCluster, stopAllClusters, type RedisCluster } from '../fixtures/redisCluster';

let fixture: RedisCluster;
const clients: Cluster[] = [];

beforeAll(async () => {
  fixture = await startCluster();
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.disconnect();
  await Promise.all((await fixture.masters()).map((node) => fixture.command(node, 'FLUSHALL')));
});
afterAll(() => stopAllClusters());

function cluster(options: ClusterOptions = {}): Cluster {
  const client = new Cluster(fixture.startupNodes.slice(0, 1), options);
  client.on('error', () => undefined);
  clients.push(client);
  return client;
}

async function commandCalls(node: { server: { info(section?: string): Promise<Record<string, string>> } }, name: string): Promise<number> {
  const stats = await node.server.info('commandstats');
  return Number(/calls=(\d+)/.exec(stats[`cmdstat_${name}`] ?? '')?.[1] ?? 0);
}

function once<T extends unknown[]>(emitter: { once(event: string, listener: (...args: T) => void): unknown }, event: string): Promise<T> {
  return new Promise((resolve) => emitter.once(event, (...args: T) => resolve(args)));
}

describe('connecting', () => {
  it('discovers every node, emits ioredis events in order, and is a Redis.Cluster', async () => {
    const events: string[] = [];
    const client = new Redis.Cluster(fixture.startupNodes.slice(0, 1));
    clients.push(client);
    for (const event of ['connecting', 'refresh', 'connect', 'ready']) client.on(event, () => events.push(event));
    const added: string[] = [];
    client.on('+node', (_node: Redis, key: string) => added.push(key));
    await once(client, 'ready');
    expect(events).toEqual(['connecting', 'refresh', 'connect', 'ready']);
    expect(client.isCluster).toBe(true);
    expect(client.status).toBe('ready');
    expect(new Set(added)).toEqual(new Set(fixture.nodes.map((node) => node.key)));
    expect(client.nodes('master')).toHaveLength(3);
    expect(client.nodes('slave')).toHaveLength(3);
    expect(client.nodes().every((node) => node instanceof Redis)).toBe(true);
    expect(() => client.nodes('primary' as 'master')).toThrow('Invalid role "primary". Expected "all", "master" or "slave"');
  });

  it('lazyConnect waits for the first command; the offline queue holds it until ready', async () => {
    const client = cluster({ lazyConnect: true });
    expect(client.status).toBe('wait');
    const reply = client.set('lazy', 'v');
    expect(client.status).toBe('connecting');
    expect(await reply).toBe('OK');
    expect(await client.get('lazy')).toBe('v');
  });

  it('enableOfflineQueue: false rejects before ready with ioredis\'s message', async () => {
    const client = cluster({ enableOfflineQueue: false, lazyConnect: true });
    const error = await client.get('x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClusterUnavailableError);
    expect((error as Error).message).toBe("Cluster isn't ready and enableOfflineQueue options is false");
  });

  it('ends with "None of startup nodes is available" when no startup node answers', async () => {
    const unreachable = new Cluster([{ host: '127.0.0.1', port: 1 }], { clusterRetryStrategy: () => null });
    const errors: Error[] = [];
    const nodeErrors: Array<[string, string]> = [];
    unreachable.on('error', (error: Error) => errors.push(error));
    unreachable.on('node error', (error: Error, node: string) => nodeErrors.push([node, (error as Error & { code?: string }).code ?? error.message]));
    const pending = unreachable.get('k').catch((e: unknown) => e);
    await once(unreachable, 'end');
    const error = (await pending) as Error;
    expect(error.message).toBe('None of startup nodes is available');
    expect(errors[0]?.message).toBe('Failed to refresh slots cache.');
    expect(errors[0]).toBeInstanceOf(ClusterAllFailedError);
    expect(nodeErrors[0]?.[0]).toBe('127.0.0.1:1');
    expect((await unreachable.get('k').catch((e: unknown) => e)) as Error).toHaveProperty('message', 'Connection is closed.');
  });

  it('quit() answers OK, then close and end; later commands get "Connection is closed."', async () => {
    const client = cluster();
    await client.set('q', '1');
    const events: string[] = [];
    for (const event of ['close', 'end']) client.on(event, () => events.push(event));
    expect(await client.quit()).toBe('OK');
    await once(client, 'end').catch(() => undefined);
    expect(events).toEqual(['close', 'end']);
    await expect(client.get('q')).rejects.toThrow('Connection is closed.');
  });
});

describe('keys and slots', () => {
  it('spreads 1,000 keys over every master, each on the node that owns its slot', async () => {
    const client = cluster();
    await Promise.all(Array.from({ length: 1000 }, (_, i) => client.set(`key:${i}`, `value:${i}`)));
    const values = await Promise.all(Array.from({ length: 1000 }, (_, i) => client.get(`key:${i}`)));
    values.forEach((value, i) => expect(value).toBe(`value:${i}`));
    const masters = await fixture.masters();
    const counts = await Promise.all(masters.map((node) => fixture.command(node, 'DBSIZE')));
    for (const count of counts) expect(count).toBeGreaterThan(200);
    expect(counts.reduce((sum, count) => Number(sum) + Number(count), 0)).toBe(1000);
    // Spot check: every key sits in its slot on the slot's owner.
    for (const i of [0, 1, 500, 999]) {
      const key = `key:${i}`;
      const owner = await fixture.ownerOf(slotOf(key));
      expect(Number(await fixture.command(owner, 'CLUSTER', 'COUNTKEYSINSLOT', slotOf(key)))).toBeGreaterThanOrEqual(1);
      expect(await fixture.command(owner, 'GET', key)).toBe(`value:${i}`);
    }
  });

  it('honours hash tags: multi-key commands on one tag work, across slots fail before sending', async () => {
    const client = cluster();
    expect(await client.mset('{user:1}:name', 'ada', '{user:1}:lang', 'en')).toBe('OK');
    expect(await client.mget('{user:1}:name', '{user:1}:lang')).toEqual(['ada', 'en']);
    const owner = await fixture.ownerOf(slotOf('{user:1}'));
    const before = await commandCalls(owner, 'mget');
    const error = await client.mget('a', 'b').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrossSlotError);
    expect(error).toBeInstanceOf(ReplyError);
    expect((error as CrossSlotError).message).toBe("CROSSSLOT Keys in request don't hash to the same slot");
    expect((error as CrossSlotError).slots).toEqual([slotOf('a'), slotOf('b')]);
    expect(await commandCalls(owner, 'mget')).toBe(before);
  });

  it('applies keyPrefix (also from redisOptions) before hashing', async () => {
    const client = cluster({ redisOptions: { keyPrefix: '{app}:' } });
    await client.set('x', '1');
    await client.set('y', '2');
    // Every key shares the {app} tag, so even a multi-key command spans one slot.
    expect(await client.mget('x', 'y')).toEqual(['1', '2']);
    const owner = await fixture.ownerOf(slotOf('{app}'));
    expect(await fixture.command(owner, 'GET', '{app}:x')).toBe('1');
  });
});

describe('errors', () => {
  it('name the node, its id and the slot; a reply error keeps its server message', async () => {
    const client = cluster();
    await client.set('wrong', 'string');
    const error = (await client.lpush('wrong', 'x').catch((e: unknown) => e)) as ReplyError;
    expect(error).toBeInstanceOf(ReplyError);
    expect(error.message).toMatch(/^WRONGTYPE/);
    const owner = await fixture.ownerOf(slotOf('wrong'));
    expect(error.cluster).toEqual({ slot: slotOf('wrong'), node: owner.key, nodeId: owner.id, redirections: [], mayHaveExecuted: false });
  });
});

describe('redirections', () => {
  it('follows MOVED after a slot moved behind its back, and names every step when it gives up', async () => {
    const key = 'moving-key';
    const slot = slotOf(key);
    const patient = cluster();
    const strict = cluster({ maxRedirections: 0 });
    await patient.set(key, 'v');
    await strict.get(key);
    const source = await fixture.ownerOf(slot);
    const target = (await fixture.masters()).find((node) => node !== source)!;
    await fixture.migrateSlot(slot, target);

    const movedBefore = patient.stats().moved;
    expect(await patient.get(key)).toBe('v');
    expect(patient.stats().moved - movedBefore).toBe(1);
    expect(await patient.get(key)).toBe('v');
    expect(patient.stats().moved - movedBefore).toBe(1);

    const error = (await strict.get(key).catch((e: unknown) => e)) as ClusterRedirectionError;
    expect(error).toBeInstanceOf(ClusterRedirectionError);
    expect(error.message).toBe(`Too many Cluster redirections. Last error: ReplyError: MOVED ${slot} ${target.key}`);
    expect(error.lastError).toBeInstanceOf(MovedError);
    expect((error.lastError as MovedError).port).toBe(target.port);
    expect(error.cluster).toEqual({
      slot, node: source.key, nodeId: source.id, mayHaveExecuted: false,
      redirections: [{ kind: 'MOVED', from: source.key, to: target.key, slot }],
    });
    expect(error.stack?.split('\n')[0]).toContain(`MOVED ${source.key} -> ${target.key}`);
  });
});

describe('pipelines and transactions', () => {
  it('splits a pipeline by node, one write each, and returns results in call order', async () => {
    const client = cluster();
    const keys = Array.from({ length: 60 }, (_, i) => `p:${i}`);
    const pipeline = client.pipeline();
    for (const key of keys) pipeline.set(key, key.toUpperCase());
    for (const key of keys) pipeline.get(key);
    pipeline.incr('p:0').mget('a', 'b');
    const results = (await pipeline.exec())!;
    expect(results).toHaveLength(122);
    for (let i = 0; i < 60; i++) expect(results[i]).toEqual([null, 'OK']);
    for (let i = 0; i < 60; i++) expect(results[60 + i]).toEqual([null, keys[i]!.toUpperCase()]);
    expect(results[120]![0]).toBeInstanceOf(ReplyError); // INCR of a non-integer: the server's error
    expect(results[121]![0]).toBeInstanceOf(CrossSlotError); // only this command fails, before sending
    const owners = new Set(await Promise.all(keys.map((key) => fixture.ownerOf(slotOf(key)).then((node) => node.key))));
    expect(owners.size).toBe(3);
  });

  it('runs multi() on one slot and refuses keys across slots with ioredis\'s messages', async () => {
    const client = cluster();
    expect(await client.multi().set('{t}a', '1').incr('{t}b').get('{t}a').exec()).toEqual([[null, 'OK'], [null, 1], [null, '1']]);
    const crossNode = await client.multi().set('a', '1').set('b', '2').exec().catch((e: unknown) => e);
    expect(crossNode).toBeInstanceOf(CrossSlotError);
    expect((crossNode as Error).message).toBe('All keys in the pipeline should belong to the same slots allocation group');
    // 'a' and 'e' hash to slots of the same master: the server's own CROSSSLOT text.
    const sameNode = await client.multi().set('a', '1').set('e', '2').exec().catch((e: unknown) => e);
    expect((sameNode as Error).message).toBe("CROSSSLOT Keys in request don't hash to the same slot");
    expect(await client.exists('a', 'b', 'e').catch(() => 'cross')).toBe('cross');
    expect(await client.get('a')).toBeNull();
    expect(() => client.multi({ pipeline: false } as never)).toThrow(/not supported by Cluster/);
  });

  it('sends a transaction inside a pipeline to its node, next to other nodes\' commands', async () => {
    const client = cluster();
    // multi()…exec() inside a pipeline returns the pipeline (ioredis's typings say otherwise).
    const inner = client.pipeline().set('a', '1').multi().set('{t}x', '1').get('{t}x').exec() as unknown as ReturnType<Cluster['pipeline']>;
    const results = await inner.get('b').get('a').exec();
    expect(results).toEqual([[null, 'OK'], [null, 'OK'], [null, 'QUEUED'], [null, 'QUEUED'], [null, ['OK', '1']], [null, null], [null, '1']]);
  });

  it('with enableAutoPipelining, commands of one turn are written once per node', async () => {
    const client = cluster({ enableAutoPipelining: true });
    await client.ping();
    const masters = await fixture.masters();
    const before = await Promise.all(masters.map((node) => commandCalls(node, 'set')));
    const replies = await Promise.all(Array.from({ length: 300 }, (_, i) => client.set(`auto:${i}`, String(i))));
    expect(replies.every((reply) => reply === 'OK')).toBe(true);
    const after = await Promise.all(masters.map((node) => commandCalls(node, 'set')));
    expect(after.reduce((a, b) => a + b, 0) - before.reduce((a, b) => a + b, 0)).toBe(300);
  });
});

describe('leases on a node', () => {
  it('BLPOP waits on a lease: other commands to the same node keep flowing', async () => {
    const client = cluster();
    let isPopped = false;
    const popped = client.blpop('{q}list', 0).then((reply) => {
      isPopped = true;
      return reply;
    });
    for (let i = 0; i < 20; i++) expect(await client.incr('{q}counter')).toBe(i + 1);
    // Answered while BLPOP still waits: it does not sit on the node's shared connection.
    expect(isPopped).toBe(false);
    await client.rpush('{q}list', 'job');
    expect(await popped).toEqual(['{q}list', 'job']);
  });

  it('WATCH … multi().exec() in one async flow runs on the WATCH lease (a conflicting write aborts it)', async () => {
    const client = cluster();
    const other = cluster();
    await client.set('{w}balance', '10');
    await client.watch('{w}balance');
    const balance = Number(await client.get('{w}balance'));
    await other.set('{w}balance', '0');
    expect(await client.multi().set('{w}balance', String(balance - 1)).exec()).toBeNull();
    expect(await client.get('{w}balance')).toBe('0');
    await client.watch('{w}balance');
    expect(await client.multi().set('{w}balance', '5').exec()).toEqual([[null, 'OK']]);
    expect(await client.get('{w}balance')).toBe('5');
  });
});

describe('scaleReads', () => {
  it("'slave' sends reads to replicas (cmdstat_get there) and writes to masters", async () => {
    await Promise.all(fixture.nodes.map((node) => fixture.command(node, 'CONFIG', 'RESETSTAT')));
    const client = cluster({ scaleReads: 'slave' });
    await Promise.all(Array.from({ length: 100 }, (_, i) => client.set(`r:${i}`, String(i))));
    // Replication is asynchronous: let the replicas catch up before reading from them.
    await fixture.waitForReplication();
    const values = await Promise.all(Array.from({ length: 100 }, (_, i) => client.get(`r:${i}`)));
    expect(values).toEqual(Array.from({ length: 100 }, (_, i) => String(i)));
    const replicaGets = await Promise.all((await fixture.replicas()).map((node) => commandCalls(node, 'get')));
    const masterGets = await Promise.all((await fixture.masters()).map((node) => commandCalls(node, 'get')));
    expect(replicaGets.reduce((a, b) => a + b, 0)).toBe(100);
    for (const gets of replicaGets) expect(gets).toBeGreaterThan(0);
    expect(masterGets.reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('a scaleReads function chooses among the slot\'s nodes (master first)', async () => {
    const seen: number[] = [];
    const client = cluster({
      scaleReads: (nodes) => {
        seen.push(nodes.length);
        return nodes[nodes.length - 1];
      },
    });
    await client.set('f', '1');
    await fixture.waitForReplication();
    expect(await client.get('f')).toBe('1');
    expect(seen).toEqual([2]);
    expect(() => cluster({ scaleReads: 'replica' as 'slave' })).toThrow('Invalid option scaleReads "replica". Expected "all", "master", "slave" or a custom function');
  });
});

describe('pub/sub', () => {
  it('subscribe and psubscribe on one subscriber connection; messages from any node arrive', async () => {
    const subscriber = cluster();
    const publisher = cluster();
    const messages: string[] = [];
    subscriber.on('message', (channel: string, message: string) => messages.push(`${channel}:${message}`));
    subscriber.on('pmessage', (pattern: string, channel: string, message: string) => messages.push(`${pattern}|${channel}:${message}`));
    expect(await subscriber.subscribe('news', 'sport')).toBe(2);
    expect(await subscriber.psubscribe('n*')).toBe(3);
    await publisher.publish('news', 'a');
    await publisher.publish('sport', 'b');
    await waitFor(() => messages.length >= 3);
    expect(messages.sort()).toEqual(['n*|news:a', 'news:a', 'sport:b']);
    // Ordinary commands keep working on the same cluster client.
    expect(await subscriber.set('still', 'works')).toBe('OK');
  });

  it('ssubscribe goes to the slot\'s master; smessage arrives', async () => {
    const subscriber = cluster();
    const publisher = cluster();
    const messages: string[] = [];
    subscriber.on('smessage', (channel: string, message: string) => messages.push(`${channel}:${message}`));
    expect(await subscriber.ssubscribe('orders')).toBe(1);
    const owner = await fixture.ownerOf(slotOf('orders'));
    const channels = await fixture.command(owner, 'PUBSUB', 'SHARDCHANNELS');
    expect(channels).toEqual(['orders']);
    expect(await publisher.spublish('orders', 'o1')).toBe(1);
    await waitFor(() => messages.length >= 1);
    expect(messages).toEqual(['orders:o1']);
    await expect(subscriber.ssubscribe('a', 'b')).rejects.toBeInstanceOf(CrossSlotError);
    expect(await subscriber.sunsubscribe('orders')).toBe(0);
  });
});

describe('scripts and streams', () => {
  it('defineCommand runs on the key\'s node (EVAL, then EVALSHA), in pipelines too', async () => {
    const client = cluster();
    client.defineCommand('getset2', { numberOfKeys: 1, lua: 'local v = redis.call("GET", KEYS[1]); redis.call("SET", KEYS[1], ARGV[1]); return v' });
    const run = (client as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>).getset2!;
    expect(await run('s1', 'x')).toBeNull();
    expect(await run('s1', 'y')).toBe('x');
    expect(await run('s2', 'z')).toBeNull();
    const pipeline = client.pipeline() as unknown as Record<string, (...a: unknown[]) => unknown> & { exec(): Promise<unknown> };
    pipeline.getset2!('s1', 'w');
    pipeline.getset2!('s3', 'q');
    expect(await pipeline.exec()).toEqual([[null, 'y'], [null, null]]);
  });

  it('hscanStream follows the key; node.scanStream() walks one node', async () => {
    const client = cluster();
    await client.hset('hash', Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}`, String(i)])));
    const fields: string[] = [];
    for await (const batch of client.hscanStream('hash', { count: 10 })) fields.push(...(batch as string[]));
    expect(fields.length).toBe(100);
    await Promise.all(Array.from({ length: 30 }, (_, i) => client.set(`scan:${i}`, '1')));
    const keys = new Set<string>();
    for (const node of client.nodes('master')) {
      for await (const batch of node.scanStream({ match: 'scan:*' })) for (const key of batch as string[]) keys.add(key);
    }
    expect(keys.size).toBe(30);
  });
});

describe('topology refresh', () => {
  it('coalesces concurrent triggers: 200 refresh requests, a handful of CLUSTER SLOTS', async () => {
    const client = cluster();
    await once(client, 'ready');
    const before = client.stats().refreshes;
    const slotCalls = async (): Promise<number> => (await Promise.all(fixture.nodes.map((node) => commandCalls(node, 'cluster|slots')))).reduce((a, b) => a + b, 0);
    const callsBefore = await slotCalls();
    await Promise.all(Array.from({ length: 200 }, () => client.refreshSlotsCache()));
    const runs = client.stats().refreshes - before;
    expect(runs).toBe(1);
    expect(client.stats().refreshesCoalesced).toBeGreaterThanOrEqual(199);
    expect(await slotCalls() - callsBefore).toBe(1);
  });

  it('slotsRefreshInterval refreshes on its own; natMap sees every reported node', async () => {
    const mapped = new Set<string>();
    const client = cluster({
      slotsRefreshInterval: 100,
      natMap: (key: string) => {
        mapped.add(key);
        const [host, port] = key.split(':');
        return { host: host!, port: Number(port) };
      },
    });
    await once(client, 'ready');
    const before = client.stats().refreshes;
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(client.stats().refreshes - before).toBeGreaterThanOrEqual(2);
    expect(mapped).toEqual(new Set(fixture.nodes.map((node) => node.key)));
  });

  it('duplicate() makes an independent client with the same nodes and options', async () => {
    const client = cluster({ keyPrefix: '{dup}:' });
    const copy = client.duplicate();
    clients.push(copy);
    expect(copy).not.toBe(client);
    expect(copy.options.keyPrefix).toBe('{dup}:');
    await copy.set('k', 'v');
    expect(await client.get('k')).toBe('v');
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

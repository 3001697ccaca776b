/**
 * The cluster fixture itself: formation (3 masters, 3 replicas, all slots covered), slot math
 * against the server's CLUSTER KEYSLOT, a stepwise slot migration (ASK while it runs), and a
 * failover after SIGKILL. Raw RESP only: no src/ import, so the client tests can trust it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyInSlot, slotOf, startCluster, stopAllClusters, type RedisCluster } from '../fixtures/redisCluster';
import { RespError } from '../fixtures/resp';

let cluster: RedisCluster;

beforeAll(async () => {
  const started = Date.now();
  cluster = await startCluster();
  console.log(`cluster fixture: 6 nodes formed in ${Date.now() - started} ms`);
});
afterAll(() => stopAllClusters());

describe('redisCluster fixture', () => {
  it('forms 3 masters with one replica each, every slot covered', async () => {
    const masters = await cluster.masters();
    expect(masters).toHaveLength(3);
    for (const master of masters) expect(await cluster.replicasOf(master)).toHaveLength(1);
    const views = await cluster.view();
    const covered = views.flatMap((view) => view.slots).reduce((sum, [from, to]) => sum + (to - from + 1), 0);
    expect(covered).toBe(16384);
    for (const node of cluster.nodes) expect(node.busPort).not.toBe(node.port + 10000);
  });

  it('computes slots as the server does, hash tags included', async () => {
    for (const key of ['a', 'b', 'foo', '{user1}:x', 'x{}y', '{}{a}', 'k:12345', '{a}b']) {
      expect(slotOf(key)).toBe(await cluster.command(cluster.nodes[0]!, 'CLUSTER', 'KEYSLOT', key));
    }
    expect(slotOf(keyInSlot(42))).toBe(42);
  });

  it('migrates a slot step by step (ASK for moved keys, MOVED after)', async () => {
    const slot = 1000;
    const keys = Array.from({ length: 5 }, (_, i) => keyInSlot(slot, `m${i}`));
    const source = await cluster.ownerOf(slot);
    for (const key of keys) await cluster.command(source, 'SET', key, 'v');
    const target = (await cluster.masters()).find((node) => node !== source)!;
    const migration = await cluster.beginMigration(slot, target);
    expect(await migration.moveKeys(2)).toBe(2);
    const migrated = (await cluster.command(target, 'CLUSTER', 'GETKEYSINSLOT', slot, 10)) as string[];
    await expect(cluster.command(source, 'GET', migrated[0]!)).rejects.toThrow(/^ASK 1000 /);
    await migration.finish();
    await expect(cluster.command(source, 'GET', keys[0]!)).rejects.toThrow(/^MOVED 1000 127\.0\.0\.1:/);
    expect(await cluster.command(target, 'CLUSTER', 'COUNTKEYSINSLOT', slot)).toBe(5);
    expect(await cluster.ownerOf(slot)).toBe(target);
  });

  it('fails over to the replica after a master is killed', async () => {
    const master = (await cluster.masters())[0]!;
    const [replica] = await cluster.replicasOf(master);
    const started = Date.now();
    cluster.kill(master);
    const promoted = await cluster.waitForFailover(master);
    console.log(`cluster fixture: failover in ${Date.now() - started} ms`);
    expect(promoted).toBe(replica);
    const error = await cluster.command(master, 'PING').catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(RespError);
  });
});

/**
 * A slot migrated live (CLUSTER SETSLOT IMPORTING/MIGRATING, MIGRATE in small batches, SETSLOT
 * NODE) while clients keep reading and writing it: every command is answered, with the right
 * value, each write runs once, and the client follows ASK while the slot moves and MOVED after.
 * Also: a transaction on the moving slot, TRYAGAIN for multi-key reads split across the two
 * nodes, and a sharded subscription that moves with its slot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/Cluster';
import { startCluster, stopAllClusters, slotOf, type RedisCluster } from '../fixtures/redisCluster';

let fixture: RedisCluster;

beforeAll(async () => {
  fixture = await startCluster();
});
afterAll(() => stopAllClusters());

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('resharding under load', () => {
  it('answers every command while a slot moves; ASK and MOVED are followed', async () => {
    const client = new Cluster(fixture.startupNodes.slice(0, 1));
    client.on('error', () => undefined);
    const tag = '{mig}';
    const slot = slotOf(tag);
    const keys = Array.from({ length: 300 }, (_, i) => `${tag}:k${i}`);
    await Promise.all(keys.map((key) => client.set(key, `v:${key}`)));
    const source = await fixture.ownerOf(slot);
    const target = (await fixture.masters()).find((node) => node !== source)!;

    let running = true;
    let reads = 0;
    let writes = 0;
    let transactions = 0;
    let multiKeyReads = 0;
    const failures: string[] = [];
    const wrongValues: string[] = [];
    let unique = 0;
    const worker = async (id: number): Promise<void> => {
      for (let n = 0; running; n++) {
        const key = keys[(id * 37 + n * 11) % keys.length]!;
        try {
          switch (n % 4) {
            case 0:
            case 1: {
              const value = await client.get(key);
              reads += 1;
              if (value !== `v:${key}`) wrongValues.push(`${key} -> ${String(value)}`);
              break;
            }
            case 2: {
              // A key of its own, incremented once: it must end at exactly 1.
              const reply = await client.incr(`${tag}:u:${unique++}`);
              writes += 1;
              if (reply !== 1) wrongValues.push(`incr -> ${reply}`);
              break;
            }
            default: {
              if (n % 8 === 3) {
                const results = await client.multi().get(key).incr(`${tag}:tx`).exec();
                transactions += 1;
                if (results?.[0]?.[1] !== `v:${key}`) wrongValues.push(`multi get ${key} -> ${JSON.stringify(results)}`);
              } else {
                const other = keys[(id + n) % keys.length]!;
                const values = await client.mget(key, other);
                multiKeyReads += 1;
                if (values[0] !== `v:${key}` || values[1] !== `v:${other}`) wrongValues.push(`mget -> ${JSON.stringify(values)}`);
              }
            }
          }
        } catch (error) {
          failures.push(String(error));
        }
      }
    };
    const workers = Array.from({ length: 8 }, (_, id) => worker(id));
    await sleep(100);
    const before = client.stats();
    const migration = await fixture.beginMigration(slot, target);
    // Small batches with pauses: the load meets the slot half moved for a while (ASK, TRYAGAIN).
    while ((await migration.moveKeys(15)) > 0) await sleep(15);
    await migration.finish();
    await sleep(300);
    running = false;
    await Promise.all(workers);
    const after = client.stats();
    const moved = after.moved - before.moved;
    const ask = after.ask - before.ask;
    const tryAgain = after.tryAgain - before.tryAgain;
    console.log(`resharding: ${reads} GET, ${writes} INCR, ${transactions} MULTI, ${multiKeyReads} MGET during the move of slot ${slot} (${migration.moved} keys); followed ${moved} MOVED, ${ask} ASK, ${tryAgain} TRYAGAIN; ${after.refreshes - before.refreshes} refreshes`);

    expect(failures).toEqual([]);
    expect(wrongValues).toEqual([]);
    expect(ask).toBeGreaterThan(0);
    expect(moved).toBeGreaterThan(0);
    expect(reads).toBeGreaterThan(100);
    // Each INCR ran exactly once.
    const counters = await Promise.all(Array.from({ length: unique }, (_, i) => client.get(`${tag}:u:${i}`)));
    expect(counters.filter((value) => value !== '1')).toEqual([]);
    expect(Number(await client.get(`${tag}:tx`))).toBe(transactions);
    expect(await fixture.ownerOf(slot)).toBe(target);
    expect(Number(await fixture.command(target, 'CLUSTER', 'COUNTKEYSINSLOT', slot))).toBe(keys.length + unique + 1);
    // The map now says so: no more redirections for this slot.
    const settled = client.stats().moved;
    await Promise.all(keys.map((key) => client.get(key)));
    expect(client.stats().moved).toBe(settled);
    client.disconnect();
  });

  it('a sharded subscription moves with its slot', async () => {
    const subscriber = new Cluster(fixture.startupNodes.slice(0, 1));
    const publisher = new Cluster(fixture.startupNodes.slice(0, 1));
    subscriber.on('error', () => undefined);
    publisher.on('error', () => undefined);
    const received: string[] = [];
    subscriber.on('smessage', (channel: string, message: string) => received.push(`${channel}:${message}`));
    const channel = 'shard-news';
    const slot = slotOf(channel);
    expect(await subscriber.ssubscribe(channel)).toBe(1);
    await publisher.spublish(channel, 'before');
    const source = await fixture.ownerOf(slot);
    const target = (await fixture.masters()).find((node) => node !== source)!;
    await fixture.migrateSlot(slot, target);
    // The publisher follows MOVED; the subscriber re-subscribes once its map shows the new owner.
    await subscriber.refreshSlotsCache();
    for (let i = 0; i < 100 && !(await fixture.command(target, 'PUBSUB', 'SHARDCHANNELS') as string[]).includes(channel); i++) await sleep(10);
    expect(await fixture.command(target, 'PUBSUB', 'SHARDCHANNELS')).toEqual([channel]);
    expect(await publisher.spublish(channel, 'after')).toBe(1);
    for (let i = 0; i < 100 && received.length < 2; i++) await sleep(10);
    expect(received).toEqual([`${channel}:before`, `${channel}:after`]);
    subscriber.disconnect();
    publisher.disconnect();
  });
});

/**
 * Bounded memory while connected: when the server stops reading (SIGSTOP), the kernel's socket
 * buffers fill, the socket asks for 'drain', and commands pile up in the connection. Those waiting
 * to be written are bounded by `offlineQueueLimit` like the offline queue; beyond it callers get
 * OfflineQueueFullError (never written: mayHaveExecuted false) instead of unbounded growth.
 * Bytes a stalled socket still holds stay intact while other connections of the process write
 * through the slab they share.
 */
import { afterAll, describe, expect, it } from 'vitest';
import Redis, { OfflineQueueFullError } from '../../src/index';
import { startRedis, stopAll, type RedisServer } from '../fixtures/redisServer';
import { waitFor } from '../fixtures/waitFor';

afterAll(stopAll);

describe('write back-pressure', () => {
  it('bounds commands waiting for the socket to drain; the accepted ones all complete after the stall', async () => {
    const server = await startRedis();
    const client = new Redis({ port: server.port, host: server.host, offlineQueueLimit: 20 });
    await client.ping();
    const value = 'v'.repeat(1024 * 1024);
    server.pause();
    const outcomes: Array<Promise<string>> = [];
    try {
      // 1 MiB SETs until the socket stops taking bytes, then 100 more while it waits for 'drain'.
      for (let i = 0; i < 64 && client.stats().queued === 0; i++) {
        outcomes.push(client.set(`bp:${i}`, value).then(() => 'ok', (error: unknown) => (error instanceof Error ? error.name : 'other')));
        await new Promise((resolveSoon) => setImmediate(resolveSoon));
      }
      await waitFor(() => client.stats().queued > 0, 'the socket to ask for drain');
      const rejected: OfflineQueueFullError[] = [];
      for (let i = 0; i < 100; i++) {
        outcomes.push(client.set(`bp:extra:${i}`, 'x').then(() => 'ok', (error: unknown) => {
          if (error instanceof OfflineQueueFullError) rejected.push(error);
          return error instanceof Error ? error.name : 'other';
        }));
      }
      await new Promise((resolveSoon) => setImmediate(resolveSoon));
      expect(client.stats().queued).toBeLessThanOrEqual(20);
      expect(rejected.length).toBeGreaterThan(0);
      expect(rejected[0]!.context.written).toBe(false);
      expect(rejected[0]!.context.mayHaveExecuted).toBe(false);
    } finally {
      server.resume();
    }
    const results = await Promise.all(outcomes);
    expect(results.every((r) => r === 'ok' || r === 'OfflineQueueFullError')).toBe(true);
    const accepted = results.filter((r) => r === 'ok').length;
    expect(accepted).toBeGreaterThan(0);
    expect(await client.dbsize()).toBe(accepted);
    await client.quit();
  });

  it("a stalled connection's unsent bytes survive other connections writing through the shared slab", async () => {
    const stalled = await startRedis();
    const live = await startRedis();
    const writer = new Redis({ port: stalled.port, host: stalled.host });
    const other = new Redis({ port: live.port, host: live.host });
    try {
      await runStalledBesideLive(writer, other, stalled);
    } finally {
      writer.disconnect();
      other.disconnect();
    }
  });
});

/** Fills the stalled server's socket, then writes through the shared slab on another connection. */
async function runStalledBesideLive(writer: Redis, other: Redis, stalled: RedisServer): Promise<void> {
  await Promise.all([writer.ping(), other.ping()]);
  // Distinct 4 KB strings (strings are always encoded into the slab). Under the socket's 16 KiB
  // high-water mark, so a write asks for 'drain' only once the socket really holds bytes.
  const valueOf = (i: number): string => `${i}:`.padEnd(4_000, String.fromCharCode(97 + (i % 26)));
  stalled.pause();
  const sets: Array<Promise<unknown>> = [];
  try {
    for (let i = 0; i < 20_000 && writer.stats().queued === 0; i++) {
      sets.push(writer.set(`held:${i}`, valueOf(i)));
      await new Promise((resolveSoon) => setImmediate(resolveSoon));
    }
    await waitFor(() => writer.stats().queued > 0, 'the stalled socket to hold bytes');
    // One at a time, writes that reach the kernel at once: each would start an unpinned slab
    // over, and the next 8 KB would land on the stalled socket's unsent bytes.
    for (let i = 0; i < 50; i++) {
      expect(await other.set(`live:${i}`, `${i}-`.repeat(4000))).toBe('OK');
    }
  } finally {
    stalled.resume();
  }
  await Promise.all(sets);
  const keys = sets.map((_, i) => `held:${i}`);
  const stored = await writer.mget(...keys);
  expect(stored.map((value, i) => value === valueOf(i))).toEqual(keys.map(() => true));
  expect(await other.get('live:49')).toBe('49-'.repeat(4000));
}

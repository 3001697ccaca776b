/**
 * Bounded memory while connected: when the server stops reading (SIGSTOP), the kernel's socket
 * buffers fill, the socket asks for 'drain', and commands pile up in the connection. Those waiting
 * to be written are bounded by `offlineQueueLimit` like the offline queue; beyond it callers get
 * OfflineQueueFullError (never written: mayHaveExecuted false) instead of unbounded growth.
 */
import { afterAll, describe, expect, it } from 'vitest';
import Redis, { OfflineQueueFullError } from '../../src/index';
import { startRedis, stopAll } from '../fixtures/redisServer';
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
});

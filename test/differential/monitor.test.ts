/**
 * ioredis's `monitor()` and its unhandled-'error' behaviour, compared with ioredis 6:
 * - monitor() resolves a new client in MONITOR mode that emits 'monitor' (time, args, source,
 *   database) for commands other clients run;
 * - an 'error' event with no listener is printed (once), never thrown.
 */
import IORedis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import Redis from '../../src/index';
import { startRedis, stopAll, type RedisServer } from '../fixtures/redisServer';

let server: RedisServer;

beforeAll(async () => {
  server = await startRedis();
});
afterAll(stopAll);

type MonitorEvent = { time: string; args: string[]; source: string; database: string };

async function monitorRun(kind: 'ours' | 'theirs'): Promise<MonitorEvent[]> {
  const Client = (kind === 'ours' ? Redis : IORedis) as unknown as typeof IORedis;
  const client = new Client({ port: server.port, host: server.host });
  const monitor = await client.monitor();
  const seen: MonitorEvent[] = [];
  monitor.on('monitor', (time: string, args: string[], source: string, database: string) => {
    if (args[0]?.toLowerCase() === 'set') seen.push({ time, args, source, database });
  });
  await client.select(2);
  await client.set(`${kind}:key`, 'value with "quotes" and \\ backslash');
  await new Promise((resolveSoon) => setTimeout(resolveSoon, 100));
  monitor.disconnect();
  await client.quit();
  return seen;
}

describe('monitor()', () => {
  it('emits what other clients run, parsed as ioredis does', async () => {
    const ours = await monitorRun('ours');
    const theirs = await monitorRun('theirs');
    expect(ours).toHaveLength(1);
    expect(theirs).toHaveLength(1);
    expect(ours[0]!.args).toEqual(['set', 'ours:key', 'value with "quotes" and \\ backslash']);
    // Deliberate difference: ioredis leaves MONITOR's backslash escapes in place ("\\\\"); we
    // unescape them, so the argument is the one the other client sent.
    expect(theirs[0]!.args[2]).toBe('value with "quotes" and \\\\ backslash');
    expect(ours[0]!.database).toBe(theirs[0]!.database);
    expect(ours[0]!.database).toBe('2');
    expect(Number(ours[0]!.time)).toBeGreaterThan(0);
    expect(ours[0]!.source).toMatch(/^127\.0\.0\.1:\d+$/);
  });
});

describe("an 'error' event with no listener", () => {
  it('is printed once and never thrown, while the client keeps retrying', async () => {
    const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      // Nothing listens on this port: every dial is refused.
      const client = new Redis({ port: 1, host: '127.0.0.1', retryStrategy: (times) => (times < 5 ? 10 : null) });
      await new Promise<void>((resolveEnd) => client.once('end', () => resolveEnd()));
      const ours = printed.mock.calls.filter((call) => String(call[0]).includes('forksafe-redis'));
      expect(ours).toHaveLength(1);
      expect(String(ours[0]![1])).toMatch(/ECONNREFUSED/);
    } finally {
      printed.mockRestore();
    }
  });
});

/**
 * At most once: a write that was sent and got no reply before its connection died is not sent
 * again; it fails with `context.mayHaveExecuted: true`. Read-only commands are re-sent; writes
 * only with `autoResendUnfulfilledCommands: true`. The fault proxy swallows chosen replies and
 * cuts the connection; the server's own counters say what really ran.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionError, ConnectionLostError, Redis } from '../../src/index';
import { closeAllProxies, startFaultProxy } from '../fixtures/faultProxy';
import { startRedis, stopAll, type RedisServer } from '../fixtures/redisServer';

let server: RedisServer;
const clients: Redis[] = [];

beforeAll(async () => {
  server = await startRedis();
});

afterAll(async () => {
  for (const client of clients) client.disconnect();
  await closeAllProxies();
  await stopAll();
});

function track(client: Redis): Redis {
  clients.push(client);
  client.on('error', () => undefined);
  return client;
}

/** Total INCR calls the server executed, from INFO commandstats. */
async function serverIncrCalls(): Promise<number> {
  const stats = await server.info('commandstats');
  const match = /calls=(\d+)/.exec(stats.cmdstat_incr ?? '');
  return match === null ? 0 : Number(match[1]);
}

interface IncrOutcome {
  key: string;
  ok: boolean;
  value?: unknown;
  error?: Error;
}

describe('500 INCR through a proxy that swallows every 50th reply and cuts the connection', () => {
  for (const variant of [
    { label: 'default options', options: {}, refuseDialAfterCut: false },
    {
      // The first dial after each cut is reset, and maxRetriesPerRequest: 0 fails what waits for it:
      // commands issued during the reconnect fail unwritten.
      label: 'maxRetriesPerRequest: 0, first dial after a cut refused',
      options: { maxRetriesPerRequest: 0 },
      refuseDialAfterCut: true,
    },
  ]) {
    it(`no INCR runs twice; successes ran once; unmarked failures never ran (${variant.label})`, async () => {
      const proxy = await startFaultProxy({ targetPort: server.port });
      const prefix = `amo:${variant.refuseDialAfterCut ? 'refused' : 'default'}:`;
      await server.command('CONFIG', 'RESETSTAT');
      if (variant.refuseDialAfterCut) {
        let refuseNext = false;
        proxy.on('cut', () => {
          refuseNext = true;
        });
        proxy.on('accept', (conn: { reset(): void }) => {
          if (!refuseNext) return;
          refuseNext = false;
          conn.reset();
        });
      }
      proxy.setFault({ swallowReply: { nth: 50, command: 'INCR', repeat: true } });
      const client = track(new Redis({ host: '127.0.0.1', port: proxy.port, retryStrategy: () => 10, ...variant.options }));

      const keys = Array.from({ length: 500 }, (_, i) => `${prefix}${i}`);
      const outcomes: IncrOutcome[] = [];
      // Ten workers, each with its own slice of keys: about ten INCRs in flight at any time.
      await Promise.all(Array.from({ length: 10 }, async (_, worker) => {
        for (let i = worker; i < keys.length; i += 10) {
          const key = keys[i]!;
          try {
            outcomes.push({ key, ok: true, value: await client.incr(key) });
          } catch (error) {
            outcomes.push({ key, ok: false, error: error as Error });
          }
        }
      }));
      proxy.resetAll();

      const values = new Map<string, unknown>();
      const replies = await client.mget(...keys);
      keys.forEach((key, i) => values.set(key, replies[i]));

      const successes = outcomes.filter((o) => o.ok);
      const failures = outcomes.filter((o) => !o.ok);
      const marked = failures.filter((o) => o.error instanceof ConnectionError && o.error.context.mayHaveExecuted);
      const unmarked = failures.filter((o) => !marked.includes(o));
      const executed = [...values.values()].filter((value) => value !== null).length;
      const incrCalls = await serverIncrCalls();

      console.log(
        `[atMostOnce ${variant.label}] 500 INCR, ${proxy.cutCount} cuts: ${successes.length} ok, ${marked.length} marked, ` +
          `${unmarked.length} unmarked; server ran ${incrCalls} INCR, ${executed} keys set`,
      );

      expect(outcomes).toHaveLength(500);
      expect(proxy.cutCount).toBeGreaterThanOrEqual(5);
      expect(proxy.cutCount).toBeLessThanOrEqual(10);
      expect(marked.length).toBeGreaterThanOrEqual(proxy.cutCount);
      // No INCR ran twice: every key is 1 or absent, and the server ran exactly as many INCRs as keys it set.
      for (const value of values.values()) expect(value === null || value === '1').toBe(true);
      expect(incrCalls).toBe(executed);
      // Every success ran exactly once and answered 1.
      for (const o of successes) {
        expect(o.value).toBe(1);
        expect(values.get(o.key)).toBe('1');
      }
      // A failure without mayHaveExecuted never ran.
      for (const o of unmarked) {
        expect(values.get(o.key), `${o.key}: ${o.error?.message}`).toBeNull();
        expect(o.error).toBeInstanceOf(ConnectionError);
        expect((o.error as ConnectionError).context.written).toBe(false);
      }
      // Marked failures: written, no reply; some ran, some may not have.
      for (const o of marked) {
        expect(o.error).toBeInstanceOf(ConnectionLostError);
        const context = (o.error as ConnectionLostError).context;
        expect(context.written).toBe(true);
        expect(context.command).toEqual({ name: 'incr', args: [o.key] });
        expect(context.endpoint).toBe(`127.0.0.1:${proxy.port}`);
      }
      expect(executed).toBeGreaterThanOrEqual(successes.length);
      expect(executed).toBeLessThanOrEqual(successes.length + marked.length);
      if (variant.refuseDialAfterCut) expect(unmarked.length).toBeGreaterThan(0);
      else expect(unmarked).toEqual([]);
    });
  }
});

describe('what is re-sent after a cut', () => {
  it('a written INCR whose reply was lost fails with mayHaveExecuted and is not re-sent (it ran once)', async () => {
    const proxy = await startFaultProxy({ targetPort: server.port });
    const client = track(new Redis({ host: '127.0.0.1', port: proxy.port, retryStrategy: () => 10 }));
    await client.ping();
    await server.command('DEL', 'once:counter');
    proxy.setFault({ swallowReply: { nth: 1, command: 'INCR' } });
    const incrCallsBefore = await serverIncrCalls();
    let failure: unknown;
    try {
      await client.incr('once:counter');
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ConnectionLostError);
    const lost = failure as ConnectionLostError;
    expect(lost.code).toBe('ERR_CONNECTION_LOST');
    expect(lost.context.mayHaveExecuted).toBe(true);
    expect(lost.message).toMatch(/^connection closed by the server from 127\.0\.0\.1:\d+ \(conn \d+, client id \d+, pid \d+\): INCR written \d+ ms ago, no reply; 1 in flight; may have executed: yes$/);
    expect(await client.ping()).toBe('PONG');
    // It ran once and only once: a re-send would have made it 2.
    expect(await server.command('GET', 'once:counter')).toBe('1');
    expect(await serverIncrCalls() - incrCallsBefore).toBe(1);
  });

  it('a read-only GET in flight when the connection is cut is re-sent and succeeds', async () => {
    const proxy = await startFaultProxy({ targetPort: server.port });
    const client = track(new Redis({ host: '127.0.0.1', port: proxy.port, retryStrategy: () => 10 }));
    await client.ping();
    await server.command('SET', 'resend:key', 'resend-value');
    proxy.setFault({ swallowReply: { nth: 1, command: 'GET' } });
    const accepts = proxy.acceptCount;
    expect(await client.get('resend:key')).toBe('resend-value');
    expect(proxy.cutCount).toBe(1);
    expect(proxy.acceptCount).toBe(accepts + 1);
  });

  it('with autoResendUnfulfilledCommands: true a write is re-sent (at least once: here it ran twice)', async () => {
    const proxy = await startFaultProxy({ targetPort: server.port });
    const client = track(new Redis({ host: '127.0.0.1', port: proxy.port, retryStrategy: () => 10, autoResendUnfulfilledCommands: true }));
    await client.ping();
    await server.command('DEL', 'optin:counter');
    proxy.setFault({ swallowReply: { nth: 1, command: 'INCR' } });
    expect(await client.incr('optin:counter')).toBe(2);
    expect(await server.command('GET', 'optin:counter')).toBe('2');
    expect(proxy.cutCount).toBe(1);
  });
});


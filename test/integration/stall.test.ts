/**
 * The stalled server (the second incident): Redis stopped for 1.43 s, clients opened new
 * connections as fast as they could, the accept queue overflowed and everything failed. A stall
 * must open zero new connections: commands wait on the connection they were written to, and
 * every reply still reaches the command it answers.
 *
 * The stall is SIGSTOP / SIGCONT of redis-server. Load: 50 callers, each issuing a SET and a GET of
 * its own key every 50 ms without waiting for earlier ones (open loop, ~2,000 commands/s).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { Redis } from '../../src/index';
import { closeAllProxies, startFaultProxy } from '../fixtures/faultProxy';
import { startRedis, stopAll } from '../fixtures/redisServer';

const clients: Redis[] = [];

afterAll(async () => {
  for (const client of clients) client.disconnect();
  await closeAllProxies();
  await stopAll();
});

const sleep = (ms: number): Promise<void> => new Promise((resolveSleep) => setTimeout(resolveSleep, ms));

describe('a server stalled for 1.5 s under load', () => {
  it('opens no connection, fails no command, and matches every reply to its key (default options)', async () => {
    const server = await startRedis();
    const proxy = await startFaultProxy({ targetPort: server.port });
    const client = new Redis({ host: '127.0.0.1', port: proxy.port });
    clients.push(client);
    const errorEvents: Error[] = [];
    client.on('error', (error: Error) => errorEvents.push(error));
    await client.ping();
    const received = (await server.info('stats')).total_connections_received;

    const CALLERS = 50;
    const PERIOD_MS = 50;
    let running = true;
    let issued = 0;
    let mismatches = 0;
    const failures: unknown[] = [];
    const pending: Array<Promise<void>> = [];
    const caller = async (id: number): Promise<void> => {
      for (let i = 0; running; i++) {
        const key = `stall:${id}:${i}`;
        const value = `${id}-${i}-${Math.random().toString(36).slice(2)}`;
        issued += 2;
        // SET then GET of the same key, back to back, without waiting for the previous pair.
        const set = client.set(key, value);
        const get = client.get(key);
        pending.push(Promise.all([set, get]).then(
          ([setReply, got]) => {
            if (setReply !== 'OK' || got !== value) mismatches += 1;
          },
          (error: unknown) => {
            failures.push(error);
          },
        ));
        await sleep(PERIOD_MS);
      }
    };
    const callers = Array.from({ length: CALLERS }, (_, id) => caller(id));

    await sleep(500);
    let deepestInFlight = 0;
    let issuedDuringStall = 0;
    server.pause();
    try {
      const issuedBefore = issued;
      for (let waited = 0; waited < 1500; waited += 50) {
        await sleep(50);
        deepestInFlight = Math.max(deepestInFlight, client.stats().inFlight);
      }
      issuedDuringStall = issued - issuedBefore;
    } finally {
      server.resume();
    }
    await sleep(1000);
    running = false;
    await Promise.all(callers);
    await Promise.all(pending);

    expect(failures).toEqual([]);
    expect(errorEvents).toEqual([]);
    expect(mismatches).toBe(0);
    expect(issued).toBeGreaterThan(2000);
    // The callers kept issuing during the stall and those commands waited on the one connection.
    expect(issuedDuringStall).toBeGreaterThan(500);
    expect(deepestInFlight).toBeGreaterThan(500);
    // Not one dial: the proxy accepted the one connection, the server counted only our INFOs.
    expect(proxy.acceptCount).toBe(1);
    expect(client.stats().pool).toMatchObject({ dials: 0, total: 1, dialFailures: 0 });
    const receivedAfter = (await server.info('stats')).total_connections_received;
    expect(Number(receivedAfter) - Number(received)).toBe(1);
  });

  it('lease waiters dial one connection at a time during a stall (dialConcurrency 1), and all get served', async () => {
    const server = await startRedis();
    const proxy = await startFaultProxy({ targetPort: server.port });
    const client = new Redis({ host: '127.0.0.1', port: proxy.port });
    clients.push(client);
    client.on('error', () => undefined);
    await client.ping();
    expect(proxy.acceptCount).toBe(1);

    server.pause();
    let acceptsDuringStall = 0;
    let blpops: Array<Promise<unknown>> = [];
    try {
      // Twelve blocking calls want leases (max 10: the shared connection plus nine).
      blpops = Array.from({ length: 12 }, (_, i) => client.blpop(`stall:list:${i}`, 0.1));
      await sleep(1500);
      acceptsDuringStall = proxy.acceptCount - 1;
    } finally {
      server.resume();
    }
    const replies = await Promise.all(blpops);
    expect(replies).toEqual(Array.from({ length: 12 }, () => null));
    // The kernel accepts during a stall; the handshake hangs. One dial in progress at a time.
    expect(acceptsDuringStall).toBe(1);
    expect(client.stats().pool.total).toBeLessThanOrEqual(10);
    expect(client.stats().pool.dialFailures).toBe(0);
  });
});

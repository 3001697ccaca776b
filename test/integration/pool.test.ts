/**
 * The pool against real servers: bounded dialling when the server refuses connections
 * (`maxclients`), lease timeouts, dirty returns (a lease is never handed on with WATCH, MULTI,
 * another db or a subscription left over), lifetime expiry with jitter, the dial breaker opening
 * and closing, and the `stats()` fields. Dials are counted by the fault proxy's accepts and by
 * the server's INFO / commandstats, never by timing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ConnectionError, LeaseTimeoutError, PoolBreakerOpenError, Redis } from '../../src/index';
import { closeAllProxies, startFaultProxy } from '../fixtures/faultProxy';
import { startRedis, stopAll, type RedisServer } from '../fixtures/redisServer';
import { waitFor } from '../fixtures/waitFor';

const clients: Redis[] = [];

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


/** How often the server ran `name` (INFO commandstats). */
async function callsOf(server: RedisServer, name: string): Promise<number> {
  const line = (await server.info('commandstats'))[`cmdstat_${name}`];
  return line === undefined ? 0 : Number(/^calls=(\d+)/.exec(line)![1]);
}

/**
 * The most dials that can have failed within `elapsedMs`: after the n-th failure in a row the
 * pool waits at least half of min(100 ms × 2^(n-1), 10 s) before the next dial (dialConcurrency 1).
 */
function mostFailedDialsWithin(elapsedMs: number): number {
  let failures = 1;
  let earliestNext = 0;
  for (;;) {
    earliestNext += Math.min(100 * 2 ** (failures - 1), 10_000) / 2;
    if (earliestNext > elapsedMs) return failures;
    failures += 1;
  }
}

function messageAndCause(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error; current instanceof Error; current = (current as { cause?: unknown }).cause) parts.push(current.message);
  const context = (error as { context?: { cause?: { message?: string } | null } }).context;
  if (context?.cause?.message !== undefined) parts.push(context.cause.message);
  return parts.join(' <- ');
}

describe('a server that refuses connections (maxclients 3)', () => {
  it('10 lease-hungry callers: dials stay bounded by the breaker, errors say why, everything settles', async () => {
    const BREAKER_THRESHOLD = 3;
    const server = await startRedis({ args: ['--maxclients', '3'] });
    const proxy = await startFaultProxy({ targetPort: server.port });
    const client = track(new Redis({ host: '127.0.0.1', port: proxy.port, pool: { breakerThreshold: BREAKER_THRESHOLD } }));
    await client.ping();

    // The shared connection holds one of the server's 3 slots: two leases fit, the rest are refused.
    const startedAt = performance.now();
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => client.blpop(`pool:refused:${i}`, 1)));
    const served = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const refused = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    // (A lease given back before the breaker opened may serve a third caller on a slow machine.)
    expect(served.length).toBeGreaterThanOrEqual(1);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    for (const { reason } of refused) {
      expect(reason).toBeInstanceOf(PoolBreakerOpenError);
      const error = reason as PoolBreakerOpenError;
      expect(error.code).toBe('ERR_POOL_BREAKER_OPEN');
      expect(messageAndCause(error)).toContain('max number of clients reached');
      expect(error.context).toMatchObject({ endpoint: `127.0.0.1:${proxy.port}`, written: false, mayHaveExecuted: false });
      expect(error.context.attempt).toBeGreaterThanOrEqual(BREAKER_THRESHOLD);
      expect(error.pool).toMatchObject({ breaker: 'open' });
    }
    // Dials: the shared connection, the two leases that fit, and the refused ones, which the
    // back-off spaces at least 50, 100, 200, 400 … ms apart (the breaker opened after
    // BREAKER_THRESHOLD; after that only the prober dials). Not one per caller, not a retry loop.
    const stats = client.stats().pool;
    const elapsedMs = performance.now() - startedAt;
    expect(stats.breakerOpens).toBe(1);
    expect(stats.dialFailures).toBeGreaterThanOrEqual(BREAKER_THRESHOLD);
    expect(stats.dialFailures).toBeLessThanOrEqual(mostFailedDialsWithin(elapsedMs));
    // (A probe may be under way: counted in dials, not yet a success or a failure.)
    expect(stats.dials - stats.dialFailures - stats.dialing).toBe(2);
    expect(proxy.acceptCount).toBeGreaterThanOrEqual(1 + stats.dials - stats.dialing);
    expect(proxy.acceptCount).toBeLessThanOrEqual(1 + stats.dials);

    // Ordinary commands never needed a lease: they kept working on the shared connection.
    expect(await client.set('pool:still', 'fine')).toBe('OK');
    // The server still refuses: the breaker stays open, yet the leases that exist are still lent.
    expect(client.stats().pool.breaker).not.toBe('closed');
    const dialsBefore = client.stats().pool.dials;
    await expect(client.withConnection((connection) => connection.ping())).resolves.toBe('PONG');
    expect(client.stats().pool.dials).toBe(dialsBefore);
  });
});

describe('leases', () => {
  it('acquireTimeout with max reached fails with LeaseTimeoutError carrying the pool state', async () => {
    const server = await startRedis();
    const client = track(new Redis({ host: '127.0.0.1', port: server.port, pool: { max: 2, acquireTimeout: 200 } }));
    await client.ping();
    const holding = client.blpop('pool:slow', 1);
    const error = await client.blpop('pool:other', 1).then(() => null, (reason: unknown) => reason);
    expect(error).toBeInstanceOf(LeaseTimeoutError);
    const timeout = error as LeaseTimeoutError;
    expect(timeout.code).toBe('ERR_LEASE_TIMEOUT');
    expect(timeout.pool).toMatchObject({ total: 2, leased: 1, idle: 0, dialing: 0, breaker: 'closed' });
    expect(timeout.context.elapsedMs).toBeGreaterThan(150);
    expect(timeout.message).toContain(`127.0.0.1:${server.port}`);
    expect(timeout.message).toContain('leased 1');
    expect(await holding).toBeNull();
    expect(client.stats().pool).toMatchObject({ leaseTimeouts: 1, dials: 1, leased: 0, idle: 1 });
  });

  it('a WATCH left by withConnection is UNWATCHed before the next holder gets the connection', async () => {
    const server = await startRedis();
    const client = track(new Redis({ host: '127.0.0.1', port: server.port, pool: { max: 2 } }));
    const firstId = await client.withConnection(async (connection) => {
      await connection.watch('pool:w');
      return connection.client('ID');
    });
    // Someone changes the key the first holder watched.
    await server.command('SET', 'pool:w', 'changed');
    const [secondId, result] = await client.withConnection(async (connection) => {
      const id = await connection.client('ID');
      return [id, await connection.multi().set('pool:w', 'mine').exec()] as const;
    });
    expect(secondId).toBe(firstId);
    expect(result).toEqual([[null, 'OK']]);
    expect(await callsOf(server, 'unwatch')).toBe(1);
    expect(client.stats().pool).toMatchObject({ discarded: 0, dials: 1 });
  });

  it('a MULTI left open is DISCARDed: the next holder runs its commands, not the old queue', async () => {
    const server = await startRedis();
    const client = track(new Redis({ host: '127.0.0.1', port: server.port, pool: { max: 2 } }));
    await client.set('pool:m', 'before');
    const firstId = await client.withConnection(async (connection) => {
      await connection.multi({ pipeline: false });
      expect(await connection.set('pool:m', 'queued')).toBe('QUEUED');
      return connection.serverClientId;
    });
    const [secondId, value] = await client.withConnection(async (connection) => [await connection.client('ID'), await connection.get('pool:m')] as const);
    expect(secondId).toBe(firstId);
    expect(value).toBe('before');
    expect(await callsOf(server, 'discard')).toBe(1);
    expect(await callsOf(server, 'exec')).toBe(0);
  });

  it('a connection left on another db or subscribed is discarded, and the next holder gets a clean one', async () => {
    const server = await startRedis();
    const client = track(new Redis({ host: '127.0.0.1', port: server.port, pool: { max: 2 } }));
    await client.set('pool:db0', 'zero');
    const selectedId = await client.withConnection(async (connection) => {
      await connection.select(5);
      return connection.client('ID');
    });
    const afterSelect = await client.withConnection(async (connection) => [await connection.client('ID'), await connection.get('pool:db0')] as const);
    expect(afterSelect[0]).not.toBe(selectedId);
    expect(afterSelect[1]).toBe('zero');
    expect(client.stats().pool.discarded).toBe(1);

    const subscribedId = await client.withConnection(async (connection) => {
      await connection.subscribe('pool:channel');
      return connection.serverClientId;
    });
    const afterSubscribe = await client.withConnection(async (connection) => [await connection.client('ID'), await connection.get('pool:db0')] as const);
    expect(afterSubscribe[0]).not.toBe(subscribedId);
    expect(afterSubscribe[1]).toBe('zero');
    expect(client.stats().pool.discarded).toBe(2);
    await waitFor(async () => (await server.command('PUBSUB', 'NUMSUB', 'pool:channel') as unknown[])[1] === 0, 'the subscribed lease to be closed');
    // The shared connection was never moved off db 0 either.
    expect(await client.get('pool:db0')).toBe('zero');
  });

  it('maxLifetime replaces connections a few at a time (jitter), never exceeding max', async () => {
    const server = await startRedis();
    const LIFETIME = 1000;
    const client = track(new Redis({ host: '127.0.0.1', port: server.port, pool: { maxLifetime: LIFETIME, max: 10 } }));
    await client.ping();
    /** Six leases held at once: their CLIENT IDs. */
    const holdSix = async (): Promise<number[]> => {
      let arrived = 0;
      let release!: () => void;
      const allHeld = new Promise<void>((resolveHeld) => {
        release = resolveHeld;
      });
      return Promise.all(Array.from({ length: 6 }, () => client.withConnection(async (connection) => {
        const id = await connection.client('ID') as number;
        if (++arrived === 6) release();
        await allHeld;
        return id;
      })));
    };
    const originals = new Set(await holdSix());
    expect(originals.size).toBe(6);
    const remaining: number[] = [];
    const deadline = Date.now() + 4 * LIFETIME;
    while (Date.now() < deadline) {
      const ids = await holdSix();
      expect(new Set(ids).size).toBe(6);
      const left = ids.filter((id) => originals.has(id)).length;
      if (remaining[remaining.length - 1] !== left) remaining.push(left);
      if (left === 0) break;
      expect(client.stats().pool.total).toBeLessThanOrEqual(10);
      await new Promise((resolveSoon) => setTimeout(resolveSoon, 10));
    }
    // From six originals to none, through at least one step in between.
    expect(remaining[0]).toBe(6);
    expect(remaining[remaining.length - 1]).toBe(0);
    expect(remaining.some((left) => left > 0 && left < 6), `originals left per step: ${remaining.join(' -> ')}`).toBe(true);
    expect(client.stats().pool.discarded).toBeGreaterThanOrEqual(6);
  });
});

describe('the dial breaker', () => {
  it('opens after breakerThreshold failed dials (callers fail fast), and closes after the prober reaches the server again', async () => {
    const server = await startRedis();
    const client = track(new Redis({ host: '127.0.0.1', port: server.port, pool: { breakerThreshold: 3 }, retryStrategy: () => 100_000 }));
    await client.ping();
    server.kill('SIGKILL');
    await server.waitForExit();

    const failures = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => client.blpop(`pool:down:${i}`, 0.1)));
    for (const failure of failures) {
      expect(failure.status).toBe('rejected');
      const reason = (failure as PromiseRejectedResult).reason as PoolBreakerOpenError;
      expect(reason).toBeInstanceOf(PoolBreakerOpenError);
      expect(reason.context.cause).toMatchObject({ code: 'ECONNREFUSED' });
    }
    const opened = client.stats().pool;
    expect(opened).toMatchObject({ breaker: 'open', breakerOpens: 1, dialFailures: 3 });
    expect(opened.lastDialError).not.toBeNull();

    // Fail fast: no dial, no waiting for acquireTimeout.
    const dialsBefore = opened.dials;
    const fast = await client.blpop('pool:down', 0.1).then(() => null, (reason: unknown) => reason);
    expect(fast).toBeInstanceOf(PoolBreakerOpenError);
    expect(fast).toBeInstanceOf(ConnectionError);
    expect(client.stats().pool.dials).toBe(dialsBefore);

    await server.restart();
    await waitFor(() => client.stats().pool.breaker === 'closed', 'the prober to close the breaker');
    const closed = client.stats().pool;
    expect(closed).toMatchObject({ breaker: 'closed', breakerOpens: 1, idle: 1 });
    // The prober's connection is the one the next lease gets.
    expect(await client.blpop('pool:up', 0.05)).toBeNull();
    expect(client.stats().pool.dials).toBe(closed.dials);
  });
});

describe('stats()', () => {
  it('reports the shared connection, the subscriber and every pool counter', async () => {
    const server = await startRedis();
    const client = track(new Redis({ host: '127.0.0.1', port: server.port, pool: { max: 3, acquireTimeout: 100 } }));
    await client.ping();
    expect(client.stats()).toEqual({
      status: 'ready',
      inFlight: 0,
      queued: 0,
      subscriber: { connected: false, channels: 0, patterns: 0, shardChannels: 0 },
      pool: {
        endpoint: `127.0.0.1:${server.port}`, total: 1, idle: 0, leased: 0, waiting: 0, dialing: 0, breaker: 'closed', lastDialError: null,
        dials: 0, dialFailures: 0, breakerOpens: 0, inheritedDropped: 0, discarded: 0, leasesGranted: 0, leaseTimeouts: 0,
      },
    });

    await client.subscribe('stats:a', 'stats:b');
    await client.psubscribe('stats:*');
    // The subscriber counts toward max: one lease is left.
    const held = client.blpop('stats:list', 0.3);
    const timedOut = await client.blpop('stats:list2', 0.3).then(() => null, (reason: unknown) => reason);
    expect(timedOut).toBeInstanceOf(LeaseTimeoutError);
    await held;
    await client.withConnection((connection) => connection.select(1));

    server.pause();
    let stalled;
    try {
      const get = client.get('stats:k');
      await waitFor(() => client.stats().inFlight === 1, 'the GET to be written');
      stalled = client.stats();
      server.resume();
      await get;
    } finally {
      server.resume();
    }
    expect(stalled).toMatchObject({ status: 'ready', inFlight: 1, queued: 0 });
    expect(client.stats()).toEqual({
      status: 'ready',
      inFlight: 0,
      queued: 0,
      subscriber: { connected: true, channels: 2, patterns: 1, shardChannels: 0 },
      pool: {
        endpoint: `127.0.0.1:${server.port}`, total: 2, idle: 0, leased: 0, waiting: 0, dialing: 0, breaker: 'closed', lastDialError: null,
        dials: 1, dialFailures: 0, breakerOpens: 0, inheritedDropped: 0, discarded: 1, leasesGranted: 2, leaseTimeouts: 1,
      },
    });
  });
});

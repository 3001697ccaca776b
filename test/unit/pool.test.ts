/**
 * Pool logic with fake connections and a fake clock (no sockets): who gets which connection, when
 * a dial happens, how the back-off and the breaker pace dials, what a dirty or expired connection
 * gets on release. The same behaviours against a real server are in test/integration/pool.test.ts.
 */
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Connection } from '../../src/connection/Connection';
import { ConnectionClosedError, LeaseTimeoutError, PoolBreakerOpenError } from '../../src/errors';
import { DEFAULT_POOL_OPTIONS, Pool, type PoolOptions } from '../../src/pool/Pool';
import { timerFunctions, type TimerFunctions } from '../../src/util/timers';

// ─── a fake clock behind util/timers ──────────────────────────────────────────────────────

interface FakeTimer {
  due: number;
  callback: () => void;
  cleared: boolean;
  unref(): void;
}

class FakeClock {
  time = 1_000;
  readonly timers: FakeTimer[] = [];

  readonly functions: TimerFunctions = {
    setTimeout: (callback, ms) => {
      const timer: FakeTimer = { due: this.time + ms, callback, cleared: false, unref: () => undefined };
      this.timers.push(timer);
      return timer;
    },
    clearTimeout: (handle) => {
      (handle as FakeTimer).cleared = true;
    },
    now: () => this.time,
  };

  /** Move time forward, running due timers in order (and the promise jobs they start). */
  async advance(ms: number): Promise<void> {
    const until = this.time + ms;
    for (;;) {
      const next = this.timers.filter((timer) => !timer.cleared && timer.due <= until).sort((a, b) => a.due - b.due)[0];
      if (next === undefined) break;
      this.time = Math.max(this.time, next.due);
      next.cleared = true;
      next.callback();
      await flush();
    }
    this.time = until;
    await flush();
  }
}

async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

// ─── fake connections ─────────────────────────────────────────────────────────────────────

let nextFakeId = 0;

class FakeConnection extends EventEmitter {
  readonly id = ++nextFakeId;
  state: string = 'idle';
  ownerPid = 0;
  isSubscriber = false;
  isMonitoring = false;
  db = 0;
  transactionState = { watching: false, inMulti: false };
  readonly calls: string[] = [];
  #settle: { resolve(): void; reject(error: Error): void } | null = null;

  constructor(private readonly pid: () => number) {
    super();
  }

  get isDialing(): boolean {
    return this.#settle !== null;
  }

  connect(): Promise<void> {
    this.calls.push('connect');
    this.state = 'connecting';
    return new Promise<void>((resolve, reject) => {
      this.#settle = { resolve, reject };
    });
  }

  succeed(): void {
    this.state = 'ready';
    this.ownerPid = this.pid();
    this.#settle!.resolve();
    this.#settle = null;
  }

  fail(message = 'connect ECONNREFUSED 127.0.0.1:6379'): void {
    const error = Object.assign(new Error(message), { code: 'ECONNREFUSED', syscall: 'connect' });
    this.emit('error', error);
    this.state = 'closed';
    this.#settle!.reject(new Error('Connection is closed.'));
    this.#settle = null;
  }

  disconnect(): void {
    this.calls.push('disconnect');
    this.close();
  }

  close(): void {
    const previous = this.state;
    this.state = 'closed';
    if (previous !== 'closed') this.emit('state', { state: 'closed', previous });
  }

  unwatch(): void {
    this.calls.push('unwatch');
    this.transactionState = { watching: false, inMulti: false };
  }

  discardTransaction(): void {
    this.calls.push('discard');
    this.transactionState = { watching: false, inMulti: false };
  }

  dropIfInherited(): boolean {
    this.calls.push('dropIfInherited');
    return true;
  }
}

// ─── harness ──────────────────────────────────────────────────────────────────────────────

let clock: FakeClock;
let savedTimers: TimerFunctions;

beforeEach(() => {
  clock = new FakeClock();
  savedTimers = { ...timerFunctions };
  Object.assign(timerFunctions, clock.functions);
});

afterEach(() => {
  Object.assign(timerFunctions, savedTimers);
  vi.restoreAllMocks();
});

function makePool(options: PoolOptions = {}, external = 1): { pool: Pool; dialed: FakeConnection[]; setPid(pid: number): void } {
  let pid = 500;
  const dialed: FakeConnection[] = [];
  const pool = new Pool(() => {
    const connection = new FakeConnection(() => pid);
    dialed.push(connection);
    return connection as unknown as Connection;
  }, { ...DEFAULT_POOL_OPTIONS, ...options }, { pidSource: () => pid, endpoint: () => '127.0.0.1:6379', expectedDb: () => 0 });
  pool.on('error', () => undefined);
  for (let i = 0; i < external; i++) pool.reserveExternal(1);
  return { pool, dialed, setPid: (next) => { pid = next; } };
}

const fake = (connection: Connection): FakeConnection => connection as unknown as FakeConnection;

function settleTracker<T>(promise: Promise<T>): { readonly value: T | undefined; readonly error: unknown; readonly settled: boolean } {
  const state = { value: undefined as T | undefined, error: undefined as unknown, settled: false };
  promise.then((value) => {
    state.value = value;
    state.settled = true;
  }, (error: unknown) => {
    state.error = error;
    state.settled = true;
  });
  return state;
}

// ─── tests ────────────────────────────────────────────────────────────────────────────────

describe('acquire and release', () => {
  it('dials for a waiter, then lends the idle connection again without a dial', async () => {
    const { pool, dialed } = makePool();
    const first = settleTracker(pool.acquire());
    await flush();
    expect(dialed).toHaveLength(1);
    dialed[0]!.succeed();
    await flush();
    expect(first.value).toBe(dialed[0]);
    pool.release(first.value!);
    expect(pool.state()).toMatchObject({ idle: 1, leased: 0, total: 2 });
    const second = await pool.acquire();
    expect(second).toBe(dialed[0]);
    expect(dialed).toHaveLength(1);
    expect(pool.stats()).toMatchObject({ dials: 1, leasesGranted: 2 });
  });

  it('never exceeds max (the shared connection counts) and hands released connections to waiters in order', async () => {
    const { pool, dialed } = makePool({ max: 3, dialConcurrency: 5 });
    const callers = Array.from({ length: 5 }, () => settleTracker(pool.acquire()));
    await flush();
    expect(dialed).toHaveLength(2);
    for (const connection of dialed) connection.succeed();
    await flush();
    expect(callers.map((caller) => caller.settled)).toEqual([true, true, false, false, false]);
    expect(pool.state()).toMatchObject({ total: 3, leased: 2, waiting: 3 });
    pool.release(callers[1]!.value!);
    await flush();
    expect(callers[2]!.value).toBe(callers[1]!.value);
    pool.release(callers[0]!.value!);
    await flush();
    expect(callers[3]!.value).toBe(callers[0]!.value);
    expect(callers[4]!.settled).toBe(false);
    expect(dialed).toHaveLength(2);
  });

  it('dials at most dialConcurrency at once, and only for waiters that have no connection coming', async () => {
    const { pool, dialed } = makePool({ dialConcurrency: 2 });
    for (let i = 0; i < 6; i++) void pool.acquire();
    await flush();
    expect(dialed.filter((connection) => connection.isDialing)).toHaveLength(2);
    dialed[0]!.succeed();
    await flush();
    expect(dialed.filter((connection) => connection.isDialing)).toHaveLength(2);
    expect(dialed).toHaveLength(3);
    expect(pool.state()).toMatchObject({ dialing: 2, waiting: 5 });
  });

  it('fails a waiter after acquireTimeout with LeaseTimeoutError carrying the pool state', async () => {
    const { pool, dialed } = makePool({ max: 2, acquireTimeout: 500 });
    const holder = settleTracker(pool.acquire());
    await flush();
    dialed[0]!.succeed();
    await flush();
    expect(holder.settled).toBe(true);
    const waiter = settleTracker(pool.acquire());
    await clock.advance(499);
    expect(waiter.settled).toBe(false);
    await clock.advance(1);
    expect(waiter.error).toBeInstanceOf(LeaseTimeoutError);
    const error = waiter.error as LeaseTimeoutError;
    expect(error.pool).toEqual({ endpoint: '127.0.0.1:6379', total: 2, idle: 0, leased: 1, waiting: 0, dialing: 0, breaker: 'closed', lastDialError: null });
    expect(error.context.elapsedMs).toBe(500);
    expect(pool.stats().leaseTimeouts).toBe(1);
    // The timed-out waiter is gone: a release goes idle.
    pool.release(holder.value!);
    expect(pool.state()).toMatchObject({ idle: 1, waiting: 0 });
  });

  it('close() rejects waiters, disconnects idle connections and refuses later acquires', async () => {
    const { pool, dialed } = makePool({ max: 2 });
    const holder = settleTracker(pool.acquire());
    await flush();
    dialed[0]!.succeed();
    await flush();
    const waiter = settleTracker(pool.acquire());
    pool.close();
    await flush();
    expect(waiter.error).toBeInstanceOf(ConnectionClosedError);
    pool.release(holder.value!);
    expect(dialed[0]!.calls).toContain('disconnect');
    await expect(pool.acquire()).rejects.toBeInstanceOf(ConnectionClosedError);
  });
});

describe('dirty returns', () => {
  async function leaseOne(options: PoolOptions = {}): Promise<{ pool: Pool; connection: FakeConnection; setPid(pid: number): void; dialed: FakeConnection[] }> {
    const made = makePool(options);
    const lease = settleTracker(made.pool.acquire());
    await flush();
    made.dialed[0]!.succeed();
    await flush();
    return { ...made, connection: fake(lease.value!) };
  }

  it('WATCH left armed: UNWATCH is queued and the connection is lent again', async () => {
    const { pool, connection } = await leaseOne();
    connection.transactionState = { watching: true, inMulti: false };
    pool.release(connection as unknown as Connection);
    expect(connection.calls).toEqual(['connect', 'unwatch']);
    expect(await pool.acquire()).toBe(connection);
  });

  it('MULTI left open: DISCARD is queued and the connection is lent again', async () => {
    const { pool, connection } = await leaseOne();
    connection.transactionState = { watching: true, inMulti: true };
    pool.release(connection as unknown as Connection);
    expect(connection.calls).toEqual(['connect', 'discard']);
    expect(await pool.acquire()).toBe(connection);
  });

  it.each([
    ['subscribed', (connection: FakeConnection) => { connection.isSubscriber = true; }],
    ['in MONITOR mode', (connection: FakeConnection) => { connection.isMonitoring = true; }],
    ['on another db', (connection: FakeConnection) => { connection.db = 3; }],
    ['not ready', (connection: FakeConnection) => { connection.state = 'waitingToReconnect'; }],
  ])('%s: discarded, and the next caller gets a new connection', async (_, makeDirty) => {
    const { pool, connection, dialed } = await leaseOne();
    makeDirty(connection);
    pool.release(connection as unknown as Connection);
    expect(connection.calls).toEqual(['connect', 'disconnect']);
    expect(pool.stats()).toMatchObject({ discarded: 1, idle: 0, total: 1 });
    const next = settleTracker(pool.acquire());
    await flush();
    expect(dialed).toHaveLength(2);
    dialed[1]!.succeed();
    await flush();
    expect(next.value).toBe(dialed[1]);
  });

  it('opened by another PID: discarded without a write and without a re-dial, counted as inherited', async () => {
    const { pool, connection, dialed, setPid } = await leaseOne();
    pool.release(connection as unknown as Connection);
    setPid(501);
    const next = settleTracker(pool.acquire());
    await flush();
    // Only disconnect() (destroy-only in Connection): no UNWATCH/DISCARD, no dropIfInherited re-dial.
    expect(connection.calls).toEqual(['connect', 'disconnect']);
    expect(pool.stats()).toMatchObject({ inheritedDropped: 1, discarded: 1 });
    expect(dialed).toHaveLength(2);
    dialed[1]!.succeed();
    await flush();
    expect(next.value).toBe(dialed[1]);
  });

  it('a connection that closes while idle stops being counted', async () => {
    const { pool, connection } = await leaseOne();
    pool.release(connection as unknown as Connection);
    expect(pool.state()).toMatchObject({ idle: 1, total: 2 });
    connection.close();
    expect(pool.state()).toMatchObject({ idle: 0, total: 1 });
  });
});

describe('lifetime and idle timeout', () => {
  it('maxLifetime has ±10 % jitter: connections dialled together expire one by one', async () => {
    const randoms = [0, 0.5, 0.999];
    vi.spyOn(Math, 'random').mockImplementation(() => randoms.shift() ?? 0.5);
    const { pool, dialed } = makePool({ maxLifetime: 1000, dialConcurrency: 3, idleTimeout: 0 });
    const leases = Array.from({ length: 3 }, () => settleTracker(pool.acquire()));
    await flush();
    for (const connection of dialed) connection.succeed();
    await flush();
    for (const lease of leases) pool.release(lease.value!);
    // Lifetimes: 900, 1000 and 1099.8 ms after the dial.
    const holdAll = async (): Promise<Connection[]> => {
      const held = Array.from({ length: 3 }, () => settleTracker(pool.acquire()));
      await flush();
      for (const connection of dialed) if (connection.isDialing) connection.succeed();
      await flush();
      const connections = held.map((lease) => lease.value!);
      for (const connection of connections) pool.release(connection);
      return connections;
    };
    await clock.advance(899);
    expect(new Set(await holdAll())).toEqual(new Set(dialed.slice(0, 3)));
    await clock.advance(2);
    await holdAll();
    expect(dialed).toHaveLength(4);
    expect(dialed[0]!.calls).toContain('disconnect');
    expect(dialed[1]!.calls).not.toContain('disconnect');
    await clock.advance(100);
    await holdAll();
    expect(dialed).toHaveLength(5);
    expect(dialed[1]!.calls).toContain('disconnect');
    expect(dialed[2]!.calls).not.toContain('disconnect');
    await clock.advance(100);
    await holdAll();
    expect(dialed[2]!.calls).toContain('disconnect');
    expect(pool.stats().discarded).toBe(3);
  });

  it('idleTimeout closes idle connections beyond min (the shared connection counts toward min)', async () => {
    const { pool, dialed } = makePool({ idleTimeout: 1000, min: 2, dialConcurrency: 3 });
    const leases = Array.from({ length: 3 }, () => settleTracker(pool.acquire()));
    await flush();
    for (const connection of dialed) connection.succeed();
    await flush();
    for (const lease of leases) pool.release(lease.value!);
    expect(pool.state()).toMatchObject({ total: 4, idle: 3 });
    await clock.advance(999);
    expect(pool.state().idle).toBe(3);
    await clock.advance(1);
    // Shared + one idle = min 2.
    expect(pool.state()).toMatchObject({ total: 2, idle: 1 });
    expect(dialed.filter((connection) => connection.calls.includes('disconnect'))).toHaveLength(2);
  });
});

describe('back-off and breaker', () => {
  it('waits out the jittered back-off before dialling again after a failure', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const { pool, dialed } = makePool();
    void pool.acquire().catch(() => undefined);
    await flush();
    dialed[0]!.fail();
    await flush();
    // First failure: base 100 ms, at least half of it.
    await clock.advance(49);
    expect(dialed).toHaveLength(1);
    await clock.advance(1);
    expect(dialed).toHaveLength(2);
    dialed[1]!.fail();
    await flush();
    await clock.advance(99);
    expect(dialed).toHaveLength(2);
    await clock.advance(1);
    expect(dialed).toHaveLength(3);
    expect(pool.state().lastDialError).toBe('connect ECONNREFUSED 127.0.0.1:6379');
  });

  it('opens after breakerThreshold failures: waiters fail with the last dial error, acquires fail without dialling, one prober closes it', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const { pool, dialed } = makePool({ breakerThreshold: 3 });
    const waiters = Array.from({ length: 4 }, () => settleTracker(pool.acquire()));
    for (let i = 0; i < 3; i++) {
      await clock.advance(1_000);
      dialed[i]!.fail();
      await flush();
    }
    expect(dialed).toHaveLength(3);
    for (const waiter of waiters) {
      expect(waiter.error).toBeInstanceOf(PoolBreakerOpenError);
      const error = waiter.error as PoolBreakerOpenError;
      expect(error.context.cause).toMatchObject({ code: 'ECONNREFUSED', syscall: 'connect' });
      expect(error.context.attempt).toBe(3);
      expect(error.pool.breaker).toBe('open');
    }
    await expect(pool.acquire()).rejects.toBeInstanceOf(PoolBreakerOpenError);
    expect(dialed).toHaveLength(3);

    // The prober: one dial after the back-off (base 400 ms after three failures, half with random 0).
    await clock.advance(199);
    expect(dialed).toHaveLength(3);
    await clock.advance(1);
    expect(dialed).toHaveLength(4);
    expect(pool.state().breaker).toBe('probing');
    await expect(pool.acquire()).rejects.toBeInstanceOf(PoolBreakerOpenError);
    dialed[3]!.fail();
    await flush();
    expect(pool.state().breaker).toBe('open');
    await clock.advance(400);
    expect(dialed).toHaveLength(5);
    dialed[4]!.succeed();
    await flush();
    expect(pool.state()).toMatchObject({ breaker: 'closed', idle: 1 });
    expect(await pool.acquire()).toBe(dialed[4]);
    expect(pool.stats()).toMatchObject({ breakerOpens: 1, dials: 5, dialFailures: 4 });
    // The prober's connection is the pool's like any other: its close is noticed.
    pool.release(dialed[4] as unknown as Connection);
    dialed[4]!.close();
    expect(pool.state()).toMatchObject({ idle: 0, total: 1 });
  });

  it('schedules the prober even when a paced dial was pending as the breaker opened (dialConcurrency 2)', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const { pool, dialed } = makePool({ breakerThreshold: 2, dialConcurrency: 2 });
    const waiters = Array.from({ length: 3 }, () => settleTracker(pool.acquire()));
    await flush();
    expect(dialed).toHaveLength(2);
    // The first failure leaves a paced dial pending for the third waiter…
    dialed[0]!.fail();
    await flush();
    // …and the second opens the breaker before that dial is due.
    dialed[1]!.fail();
    await flush();
    expect(waiters.every((waiter) => waiter.error instanceof PoolBreakerOpenError)).toBe(true);
    await clock.advance(10_000);
    expect(dialed).toHaveLength(3);
    dialed[2]!.succeed();
    await flush();
    expect(pool.state().breaker).toBe('closed');
  });

  it('a successful dial of the shared connection closes the breaker too', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const { pool, dialed } = makePool({ breakerThreshold: 1 });
    void pool.acquire().catch(() => undefined);
    await flush();
    dialed[0]!.fail();
    await flush();
    expect(pool.state().breaker).toBe('open');
    pool.recordExternalDial('success');
    expect(pool.state().breaker).toBe('closed');
    const lease = settleTracker(pool.acquire());
    await flush();
    expect(dialed).toHaveLength(2);
    dialed[1]!.succeed();
    await flush();
    expect(lease.value).toBe(dialed[1]);
  });
});

import { EventEmitter } from 'node:events';
import Denque = require('denque');
import { summarizeArgs } from '../commands/redact';
import type { Connection, StateChange } from '../connection/Connection';
import { ConnectionError, PoolBreakerOpenError, LeaseTimeoutError, ConnectionClosedError, type ErrorContext, type PoolStateSnapshot } from '../errors';
import type { PidSource } from '../process/ownerPid';
import { debugLogger } from '../util/debug';
import { now, startTimer, stopTimer, type TimerHandle } from '../util/timers';

const debug = debugLogger('pool');

/** Options under `pool` (forksafe-redis). */
export interface PoolOptions {
  /** Most connections to the endpoint: the shared one plus leases. Default 10. */
  max?: number;
  /** Connections kept open even when idle (the shared one counts). Default 1. */
  min?: number;
  /** Longest wait (ms) for a lease before it fails with the pool's state. Default 10000. */
  acquireTimeout?: number;
  /** Dials in progress at once. Default 1. */
  dialConcurrency?: number;
  /** Idle leased connections are closed after this many ms. Default 30000; 0 keeps them. */
  idleTimeout?: number;
  /** Connections are replaced after this many ms (±10 % jitter); 0 never. Default 0. */
  maxLifetime?: number;
  /** Consecutive dial failures that open the breaker. Default 5. */
  breakerThreshold?: number;
}

export type ResolvedPoolOptions = Required<PoolOptions>;

export const DEFAULT_POOL_OPTIONS: ResolvedPoolOptions = {
  max: 10,
  min: 1,
  acquireTimeout: 10_000,
  dialConcurrency: 1,
  idleTimeout: 30_000,
  maxLifetime: 0,
  breakerThreshold: 5,
};

export type BreakerState = PoolStateSnapshot['breaker'];

/** A snapshot of the pool, as `client.stats()` and pool errors show it. */
export type PoolState = PoolStateSnapshot;

export interface PoolStats extends PoolState {
  dials: number;
  dialFailures: number;
  breakerOpens: number;
  inheritedDropped: number;
  discarded: number;
  leasesGranted: number;
  leaseTimeouts: number;
}

interface Waiter {
  resolve(connection: Connection): void;
  reject(error: Error): void;
  timer: TimerHandle | undefined;
  since: number;
  settled: boolean;
  command: LeaseFor | undefined;
}

/** The command a lease is wanted for (BLPOP, WATCH, …): pool errors name it in their context. */
export interface LeaseFor {
  name: string;
  args: readonly unknown[];
}

interface PooledConnection {
  connection: Connection;
  /** When the connection must be replaced (maxLifetime with jitter); Infinity when never. */
  expiresAt: number;
  idleTimer: TimerHandle | undefined;
}

/** Builds connections with the client's options; the pool never authenticates itself. */
export type ConnectionFactory = () => Connection;

/**
 * Leased connections to one endpoint: acquire / release / discard, waiters with a timeout, dials
 * paced (`dialConcurrency`, back-off, breaker). Ordinary commands never come here: they multiplex
 * on the client's shared connection, so a slow server is never a reason to dial. The pool never
 * touches a socket; it moves Connection objects.
 */
export class Pool extends EventEmitter {
  readonly #factory: ConnectionFactory;
  readonly #options: ResolvedPoolOptions;
  readonly #pidSource: PidSource;
  readonly #endpoint: () => string;
  /** Wanted db for a lease: the shared connection's current one (run-time SELECT moves it). */
  readonly #expectedDb: () => number;

  readonly #idle: PooledConnection[] = [];
  readonly #leased = new Map<Connection, PooledConnection>();
  readonly #waiters = new Denque<Waiter>();
  #dialing = 0;
  #consecutiveFailures = 0;
  #breaker: BreakerState = 'closed';
  #lastDialError: Error | null = null;
  #nextDialAt = 0;
  #dialTimer: TimerHandle | undefined;
  #closed = false;
  /** Connections outside the pool's lists that count toward `max` (the shared one, a subscriber). */
  #external = 0;

  readonly #counters = { dials: 0, dialFailures: 0, breakerOpens: 0, inheritedDropped: 0, discarded: 0, leasesGranted: 0, leaseTimeouts: 0 };

  constructor(
    factory: ConnectionFactory,
    options: ResolvedPoolOptions,
    context: { pidSource: PidSource; endpoint: () => string; expectedDb: () => number },
  ) {
    super();
    this.#factory = factory;
    this.#options = options;
    this.#pidSource = context.pidSource;
    this.#endpoint = context.endpoint;
    this.#expectedDb = context.expectedDb;
  }

  /** Count a connection the client holds outside the pool (shared, subscriber) toward `max`. */
  reserveExternal(delta: 1 | -1): void {
    this.#external += delta;
  }

  get #total(): number {
    return this.#external + this.#idle.length + this.#leased.size;
  }

  state(): PoolState {
    return {
      endpoint: this.#endpoint(),
      total: this.#total,
      idle: this.#idle.length,
      leased: this.#leased.size,
      waiting: this.#waiters.length,
      dialing: this.#dialing,
      breaker: this.#breaker,
      lastDialError: this.#lastDialError === null ? null : describeDialError(this.#lastDialError),
    };
  }

  stats(): PoolStats {
    return { ...this.state(), ...this.#counters };
  }

  /** A connection for the caller's exclusive use until `release` or `discard`. */
  acquire(command?: LeaseFor): Promise<Connection> {
    if (this.#closed) return Promise.reject(new ConnectionClosedError(this.#errorContext(null, command)));
    const idle = this.#popIdle();
    if (idle !== undefined) return this.#grant(idle);
    if (this.#breaker === 'open' || this.#breaker === 'probing') {
      return Promise.reject(new PoolBreakerOpenError(this.#errorContext(null, command), this.state(), this.#lastDialError));
    }
    return new Promise<Connection>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, timer: undefined, since: now(), settled: false, command };
      const timeout = this.#options.acquireTimeout;
      if (timeout > 0) {
        waiter.timer = startTimer(() => {
          if (waiter.settled) return;
          waiter.settled = true;
          this.#counters.leaseTimeouts += 1;
          this.#removeWaiter(waiter);
          reject(new LeaseTimeoutError(this.#errorContext(now() - waiter.since, waiter.command), this.state(), this.#lastDialError));
        }, timeout);
      }
      this.#waiters.push(waiter);
      this.#maybeDial();
    });
  }

  /**
   * Give a connection back. Dirty ones are cleaned (UNWATCH, DISCARD) or discarded (subscribed,
   * MONITOR, another db, not ready, expired, inherited): never handed to the next caller as is.
   */
  release(connection: Connection): void {
    const pooled = this.#leased.get(connection);
    if (pooled === undefined) return;
    this.#leased.delete(connection);
    const reason = this.#unfitReason(pooled);
    if (reason !== null) {
      this.#discardPooled(pooled, reason);
      this.#maybeDial();
      return;
    }
    const { watching, inMulti } = connection.transactionState;
    // Queued ahead of whatever the next holder sends, so they run first on this socket.
    if (inMulti) connection.discardTransaction();
    else if (watching) connection.unwatch();
    this.#handOver(pooled);
  }

  /** Close a leased connection instead of returning it. */
  discard(connection: Connection, reason = 'discarded by caller'): void {
    const pooled = this.#leased.get(connection);
    if (pooled === undefined) return;
    this.#leased.delete(connection);
    this.#discardPooled(pooled, reason);
    this.#maybeDial();
  }

  /** Every leased and idle connection, for disconnect/quit of the whole client. */
  connections(): Connection[] {
    return [...this.#leased.keys(), ...this.#idle.map((pooled) => pooled.connection)];
  }

  close(): void {
    this.#closed = true;
    this.#dialTimer = stopTimer(this.#dialTimer);
    while (this.#waiters.length > 0) {
      const waiter = this.#waiters.shift()!;
      if (waiter.settled) continue;
      waiter.settled = true;
      stopTimer(waiter.timer);
      waiter.reject(new ConnectionClosedError(this.#errorContext(now() - waiter.since, waiter.command)));
    }
    for (const pooled of this.#idle.splice(0)) {
      stopTimer(pooled.idleTimer);
      pooled.connection.disconnect(false);
    }
  }

  /** Called when the client's shared connection fails or succeeds to dial: one breaker for the endpoint. */
  recordExternalDial(outcome: 'success' | 'failure', error?: Error): void {
    if (outcome === 'success') {
      this.#onDialSuccess();
      this.#maybeDial();
    } else {
      this.#onDialFailure(error ?? new Error('dial failed'));
    }
  }

  // ─── internals ────────────────────────────────────────────────────────────────────────

  #popIdle(): PooledConnection | undefined {
    while (this.#idle.length > 0) {
      const pooled = this.#idle.pop()!;
      pooled.idleTimer = stopTimer(pooled.idleTimer);
      const reason = this.#unfitReason(pooled);
      if (reason === null) return pooled;
      this.#discardPooled(pooled, reason);
    }
    return undefined;
  }

  #unfitReason(pooled: PooledConnection): string | null {
    const connection = pooled.connection;
    if (connection.ownerPid !== 0 && connection.ownerPid !== this.#pidSource()) {
      this.#counters.inheritedDropped += 1;
      // Discarded with disconnect(), which only destroy()s the socket (nothing written, no FIN
      // by shutdown): it belongs to the process that opened it. Not dropIfInherited(), which
      // would dial a replacement the pool does not want.
      return `opened by pid ${connection.ownerPid}, current pid ${this.#pidSource()}`;
    }
    if (connection.state !== 'ready') return `not ready (${connection.state})`;
    if (connection.isSubscriber) return 'subscribed';
    if (connection.isMonitoring) return 'in MONITOR mode';
    if (connection.db !== this.#expectedDb()) return `on db ${connection.db}, expected ${this.#expectedDb()}`;
    if (now() >= pooled.expiresAt) return 'reached maxLifetime';
    return null;
  }

  #grant(pooled: PooledConnection): Promise<Connection> {
    this.#leased.set(pooled.connection, pooled);
    this.#counters.leasesGranted += 1;
    return Promise.resolve(pooled.connection);
  }

  #handOver(pooled: PooledConnection): void {
    while (this.#waiters.length > 0) {
      const waiter = this.#waiters.shift()!;
      if (waiter.settled) continue;
      waiter.settled = true;
      stopTimer(waiter.timer);
      this.#leased.set(pooled.connection, pooled);
      this.#counters.leasesGranted += 1;
      waiter.resolve(pooled.connection);
      return;
    }
    if (this.#closed) {
      pooled.connection.disconnect(false);
      return;
    }
    this.#idle.push(pooled);
    const idleTimeout = this.#options.idleTimeout;
    if (idleTimeout > 0) {
      pooled.idleTimer = startTimer(() => {
        pooled.idleTimer = undefined;
        const at = this.#idle.indexOf(pooled);
        // Keep `min` connections; the shared one already counts.
        if (at !== -1 && this.#total > this.#options.min) {
          this.#idle.splice(at, 1);
          this.#discardPooled(pooled, 'idle timeout');
        }
      }, idleTimeout);
      // Closing an idle connection is no reason to keep a process alive (nor a snapshot build open).
      pooled.idleTimer.unref?.();
    }
  }

  #discardPooled(pooled: PooledConnection, reason: string): void {
    this.#counters.discarded += 1;
    stopTimer(pooled.idleTimer);
    if (debug.enabled) debug('%s: discarding conn %d (%s)', this.#endpoint(), pooled.connection.id, reason);
    pooled.connection.disconnect(false);
  }

  #removeWaiter(waiter: Waiter): void {
    const waiters = this.#waiters;
    for (let i = 0; i < waiters.length; i++) {
      if (waiters.peekAt(i) === waiter) {
        waiters.removeOne(i);
        return;
      }
    }
  }

  #liveWaiters(): number {
    let live = 0;
    const waiters = this.#waiters;
    for (let i = 0; i < waiters.length; i++) if (!waiters.peekAt(i)!.settled) live += 1;
    return live;
  }

  /** Dial only for waiters that have no connection, within max and dialConcurrency, after back-off. */
  #maybeDial(): void {
    // While the breaker is open only the prober dials.
    if (this.#closed || this.#dialTimer !== undefined || this.#breaker !== 'closed') return;
    while (
      this.#dialing < this.#options.dialConcurrency &&
      this.#liveWaiters() > this.#dialing &&
      this.#total + this.#dialing < this.#options.max
    ) {
      const wait = this.#nextDialAt - now();
      if (wait > 0) {
        this.#dialTimer = startTimer(() => {
          this.#dialTimer = undefined;
          this.#maybeDial();
        }, wait);
        return;
      }
      this.#dial();
    }
  }

  #dial(): void {
    this.#dialing += 1;
    this.#counters.dials += 1;
    const connection = this.#factory();
    let dialError: Error | null = null;
    const onError = (error: Error): void => {
      dialError ??= error;
    };
    connection.on('error', onError);
    connection.connect().then(
      () => {
        connection.off('error', onError);
        this.#dialing -= 1;
        this.#onDialSuccess();
        this.#handOver(this.#adopt(connection));
        this.#maybeDial();
      },
      (closed: Error) => {
        connection.off('error', onError);
        this.#dialing -= 1;
        connection.disconnect(false);
        this.#onDialFailure(dialError ?? closed);
        this.#maybeDial();
      },
    );
  }

  /** A dialled connection joins the pool: its lifetime starts (±10 % jitter), its close is noticed. */
  #adopt(connection: Connection): PooledConnection {
    const lifetime = this.#options.maxLifetime;
    // Jitter, so connections dialled together are not all replaced together.
    const expiresAt = lifetime > 0 ? now() + lifetime * (0.9 + Math.random() * 0.2) : Infinity;
    connection.on('error', (error: Error) => this.emit('error', error));
    connection.on('state', (change: StateChange) => {
      if (change.state === 'closed') this.#forget(connection);
    });
    return { connection, expiresAt, idleTimer: undefined };
  }

  /** A pooled connection closed for good (idle or leased): stop counting it. */
  #forget(connection: Connection): void {
    const at = this.#idle.findIndex((pooled) => pooled.connection === connection);
    if (at !== -1) {
      stopTimer(this.#idle[at]!.idleTimer);
      this.#idle.splice(at, 1);
    }
  }

  #onDialSuccess(): void {
    this.#consecutiveFailures = 0;
    this.#nextDialAt = 0;
    // The endpoint answers again: a back-off wait or a probe still pending is moot.
    this.#dialTimer = stopTimer(this.#dialTimer);
    if (this.#breaker !== 'closed') {
      debug('%s: breaker closed', this.#endpoint());
      this.#breaker = 'closed';
    }
  }

  #onDialFailure(error: Error): void {
    this.#counters.dialFailures += 1;
    this.#consecutiveFailures += 1;
    this.#lastDialError = error;
    const exponent = Math.min(this.#consecutiveFailures - 1, 8);
    const base = Math.min(100 * 2 ** exponent, 10_000);
    this.#nextDialAt = now() + base / 2 + Math.random() * (base / 2);
    if (this.#consecutiveFailures >= this.#options.breakerThreshold && this.#breaker === 'closed') {
      this.#breaker = 'open';
      this.#counters.breakerOpens += 1;
      debug('%s: breaker open after %d dial failures', this.#endpoint(), this.#consecutiveFailures);
      // Callers fail fast with the last dial error while one prober tries again after back-off.
      while (this.#waiters.length > 0) {
        const waiter = this.#waiters.shift()!;
        if (waiter.settled) continue;
        waiter.settled = true;
        stopTimer(waiter.timer);
        waiter.reject(new PoolBreakerOpenError(this.#errorContext(now() - waiter.since, waiter.command), this.state(), error));
      }
      this.#scheduleProbe();
    } else if (this.#breaker !== 'closed') {
      this.#breaker = 'open';
      this.#scheduleProbe();
    }
  }

  /** One dial after back-off while the breaker is open; its success closes the breaker. */
  #scheduleProbe(): void {
    if (this.#closed) return;
    // A paced dial still pending would find no waiter (the breaker rejected them) and schedule
    // nothing: the probe takes its place, or the breaker would stay open for good.
    this.#dialTimer = stopTimer(this.#dialTimer);
    this.#dialTimer = startTimer(() => {
      this.#dialTimer = undefined;
      if (this.#breaker === 'closed' || this.#closed) return;
      this.#breaker = 'probing';
      this.#dialing += 1;
      this.#counters.dials += 1;
      const probe = this.#factory();
      let probeError: Error | null = null;
      probe.on('error', (error: Error) => {
        probeError ??= error;
      });
      probe.connect().then(
        () => {
          this.#dialing -= 1;
          this.#onDialSuccess();
          probe.removeAllListeners('error');
          // Adopted like any dialled connection: its lifetime starts, its close is noticed.
          this.#handOver(this.#adopt(probe));
          this.#maybeDial();
        },
        (closed: Error) => {
          this.#dialing -= 1;
          probe.disconnect(false);
          this.#onDialFailure(probeError ?? closed);
        },
      );
    }, Math.max(0, this.#nextDialAt - now()));
  }

  #errorContext(elapsedMs: number | null = null, command?: LeaseFor): ErrorContext {
    return {
      endpoint: this.#endpoint(),
      connectionId: 0,
      serverClientId: null,
      ownerPid: this.#pidSource(),
      pid: this.#pidSource(),
      state: `pool (breaker ${this.#breaker})`,
      command: command === undefined ? null : { name: command.name, args: summarizeArgs(command.name, command.args) },
      written: false,
      mayHaveExecuted: false,
      elapsedMs,
      partialReplyBytes: 0,
      inFlight: 0,
      offlineQueued: this.#waiters.length,
      attempt: this.#consecutiveFailures,
      cause: this.#lastDialError === null ? null : causeFromDialError(this.#lastDialError),
    };
  }
}

/** "Connection is closed. (ERR max number of clients reached)": the message and what caused it. */
function describeDialError(error: Error): string {
  const cause = error instanceof ConnectionError ? error.context.cause?.message : undefined;
  return cause === undefined || cause === error.message ? error.message : `${error.message} (${cause})`;
}

function causeFromDialError(error: Error): ErrorContext['cause'] {
  if (error instanceof ConnectionError && error.context.cause !== null) return error.context.cause;
  const system = error as Error & { code?: string; errno?: number; syscall?: string };
  return { message: error.message, code: system.code, errno: system.errno, syscall: system.syscall };
}

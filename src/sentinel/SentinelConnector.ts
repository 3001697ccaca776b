import { Connection, type ConnectionOptions, type ReconnectOnError, type StateChange } from '../connection/Connection';
import type { ConnectionState } from '../connection/connectionState';
import { describeEndpoint, type Endpoint } from '../connection/connectors/openSocket';
import { RoleMismatchError } from '../connection/handshake';
import { ReplyError } from '../errors';
import type { ResolvedRedisOptions } from '../options';
import { debugLogger } from '../util/debug';
import { now, startTimer } from '../util/timers';
import { FailoverDetector, type SwitchMaster } from './FailoverDetector';
import { describeFailure, describeSentinel, openSentinelConnection, packObject, sendTo } from './sentinelConnection';
import { SentinelError, type SentinelAttempt, type SentinelErrorCode } from './SentinelError';
import type { NatMap, PreferredSlaves, ReplicaAddress, SentinelAddress } from './sentinelOptions';

const debug = debugLogger('sentinel');

/** How the client hears about sentinel events: 'sentinelError', 'failoverSubscribed', 'sentinelReconnecting', 'switchMaster'. */
export type SentinelEventSink = (event: string, ...args: unknown[]) => void;

type HostPort = { host: string; port: number };

/** What asking one sentinel gave: an address, or why not. */
type Answer =
  | { kind: 'address'; address: HostPort }
  | { kind: 'failed'; code: SentinelErrorCode; attempt: SentinelAttempt };

/** States in which a connection holds, or is about to hold, a socket to a data node. */
const liveStates: ReadonlySet<ConnectionState> = new Set(['connecting', 'handshaking', 'ready', 'closing', 'disconnected', 'waitingToReconnect']);

/**
 *   dial ──► resolve() ──► sentinel 1 ──► sentinel 2 ──► … ──► (all failed) sentinelRetryStrategy ──► pass 2 …
 *                │              │ address                                    │ no delay / past connectTimeout
 *                │              ▼                                            ▼
 *                │        socket to the data node ──► handshake: AUTH …, ROLE    SentinelError (the dial fails;
 *                │                                       │ wrong role           retryStrategy decides)
 *   concurrent dials share one resolution                ▼
 *                                              RoleMismatchError: reconnect, ask the next sentinel first
 *
 * Sentinel decides *where* a connection dials; the Connection decides *how* (and re-sends AUTH on
 * every socket). Every connection of a client (shared, leases, subscriber) resolves through one
 * connector, so they all follow a failover. With `failoverDetector`, a `+switch-master`
 * announcement moves every connection off the old master at once.
 */
export class SentinelConnector {
  readonly #options: ResolvedRedisOptions;
  readonly #emit: SentinelEventSink;
  readonly #name: string;
  readonly #role: 'master' | 'slave';
  /** Sentinels in the order they are asked; the last to answer well goes first. */
  readonly #sentinels: SentinelAddress[];
  readonly #connections = new Set<Connection>();
  #pending: Promise<Endpoint> | null = null;
  /** Where the master is, as last learnt (resolution or `+switch-master`), as "host:port". */
  #knownMaster: string | null = null;
  /** Bumped by every `+switch-master`: a resolution that started before it returns the announced address. */
  #switchGeneration = 0;
  #switchedTo: HostPort | null = null;
  /** The sentinel whose answer the latest resolution used. */
  #lastAnswered: string | null = null;
  #detector: FailoverDetector | null = null;

  constructor(options: ResolvedRedisOptions, emit: SentinelEventSink) {
    const sentinels = options.sentinels;
    if (!Array.isArray(sentinels) || sentinels.length === 0) {
      throw new TypeError('Invalid option "sentinels": expected at least one { host, port } to connect to');
    }
    if (typeof options.name !== 'string' || options.name === '') {
      throw new TypeError('Invalid option "name": the master group name is required with "sentinels"');
    }
    this.#options = options;
    this.#emit = emit;
    this.#name = options.name;
    this.#role = options.role ?? 'master';
    this.#sentinels = sentinels.map((address) => ({ ...address }));
  }

  /** The sentinels that will be asked, in order (grows with `updateSentinels`). */
  get sentinels(): readonly SentinelAddress[] {
    return this.#sentinels;
  }

  /**
   * A Connection whose every dial asks the sentinels first and whose handshake checks the node's
   * role. `options` are the client's for this connection; the address, TLS and READONLY handling
   * are Sentinel's.
   */
  newConnection(options: ConnectionOptions): Connection {
    const tls = this.#options.tls;
    const connection = new Connection({
      ...options,
      endpoint: this.resolve,
      // As ioredis: `tls` reaches the data nodes only with enableTLSForSentinelMode.
      tls: this.#options.enableTLSForSentinelMode === true && typeof tls === 'object' ? tls : null,
      reconnectOnError: this.#role === 'master' ? followDemotion(options.reconnectOnError) : options.reconnectOnError,
      handshake: { ...options.handshake, expectedRole: this.#role },
    });
    this.#track(connection);
    return connection;
  }

  /** The EndpointResolver: concurrent dials share one resolution. */
  readonly resolve = (): Promise<Endpoint> => {
    this.#pending ??= this.#resolve().finally(() => {
      this.#pending = null;
    });
    return this.#pending;
  };

  async #resolve(): Promise<Endpoint> {
    const startedAt = now();
    const generation = this.#switchGeneration;
    const timeout = this.#options.connectTimeout;
    const deadline = timeout > 0 ? startedAt + timeout : Infinity;
    const attempts: SentinelAttempt[] = [];
    let code: SentinelErrorCode = 'ERR_SENTINEL_UNREACHABLE';
    for (let pass = 1; ; pass++) {
      for (const address of [...this.#sentinels]) {
        // Every connection was closed meanwhile: nobody wants the address, stop asking.
        if (attempts.length > 0 && !this.#hasLiveConnection()) break;
        const answer = await this.#ask(address);
        if (answer.kind === 'address') {
          let resolved = answer.address;
          // A failover announced while we asked: the sentinel may have answered from before it.
          if (this.#role === 'master' && generation !== this.#switchGeneration && this.#switchedTo !== null) resolved = this.#switchedTo;
          this.#onResolved(address, resolved);
          return { host: resolved.host, port: resolved.port, family: this.#options.family };
        }
        attempts.push(answer.attempt);
        code = moreTelling(code, answer.code);
        this.#emit('sentinelError', new SentinelError(answer.code, {
          masterName: this.#name, role: this.#role, attempts: [answer.attempt], passes: pass, elapsedMs: now() - startedAt,
        }));
      }
      const strategy = this.#options.sentinelRetryStrategy;
      const delay = typeof strategy === 'function' ? strategy(pass) : null;
      if (typeof delay !== 'number' || !Number.isFinite(delay) || now() + delay >= deadline || !this.#hasLiveConnection()) {
        const error = new SentinelError(code, { masterName: this.#name, role: this.#role, attempts, passes: pass, elapsedMs: now() - startedAt });
        debug('%s', error.message);
        throw error;
      }
      await new Promise<void>((resolve) => {
        startTimer(resolve, delay);
      });
    }
  }

  async #ask(address: SentinelAddress): Promise<Answer> {
    const sentinel = describeSentinel(address);
    const connection = openSentinelConnection(address, this.#options, null);
    let firstError: Error | null = null;
    connection.on('error', (error: Error) => {
      firstError ??= error;
    });
    try {
      await connection.connect();
      const answer = this.#role === 'master'
        ? await this.#askForMaster(connection, sentinel)
        : await this.#askForReplica(connection, sentinel);
      if (answer.kind === 'address' && this.#options.updateSentinels !== false) await this.#learnSentinels(connection);
      return answer;
    } catch (error) {
      const { outcome, cause } = describeFailure(firstError ?? error);
      const unknownName = error instanceof ReplyError && /no such master/i.test(error.message);
      return {
        kind: 'failed',
        code: unknownName ? 'ERR_SENTINEL_UNKNOWN_MASTER' : 'ERR_SENTINEL_UNREACHABLE',
        attempt: { sentinel, outcome: unknownName ? 'unknown master name' : outcome, cause },
      };
    } finally {
      connection.disconnect(false);
    }
  }

  async #askForMaster(connection: Connection, sentinel: string): Promise<Answer> {
    const reply = await sendTo(connection, 'sentinel', ['get-master-addr-by-name', this.#name]);
    if (reply === null) {
      return { kind: 'failed', code: 'ERR_SENTINEL_UNKNOWN_MASTER', attempt: { sentinel, outcome: 'unknown master name', cause: null } };
    }
    const address = Array.isArray(reply) && reply.length >= 2 ? { host: String(reply[0]), port: Number(reply[1]) } : null;
    if (address === null || !Number.isInteger(address.port)) {
      return { kind: 'failed', code: 'ERR_SENTINEL_BAD_REPLY', attempt: { sentinel, outcome: 'answered with no address', cause: null } };
    }
    return { kind: 'address', address: natResolve(this.#options.natMap, address) };
  }

  async #askForReplica(connection: Connection, sentinel: string): Promise<Answer> {
    const reply = await sendTo(connection, 'sentinel', ['slaves', this.#name]);
    if (!Array.isArray(reply)) {
      return { kind: 'failed', code: 'ERR_SENTINEL_BAD_REPLY', attempt: { sentinel, outcome: 'answered with no replica list', cause: null } };
    }
    const listed = reply.map(packObject);
    const usable = listed
      .filter((replica) => replica.flags !== undefined && !/(disconnected|s_down|o_down)/.test(replica.flags))
      .map((replica): ReplicaAddress => ({ ip: replica.ip ?? '', port: replica.port ?? '', flags: replica.flags }));
    const chosen = selectReplica(usable, this.#options.preferredSlaves ?? null);
    if (chosen === null) {
      return { kind: 'failed', code: 'ERR_SENTINEL_NO_REPLICA', attempt: { sentinel, outcome: `no usable replica (${listed.length} listed)`, cause: null } };
    }
    return { kind: 'address', address: natResolve(this.#options.natMap, { host: chosen.ip, port: Number(chosen.port) }) };
  }

  /** `updateSentinels`: add the sentinels this one knows of (not flagged disconnected). */
  async #learnSentinels(connection: Connection): Promise<void> {
    let reply: unknown;
    try {
      reply = await sendTo(connection, 'sentinel', ['sentinels', this.#name]);
    } catch (error) {
      debug('SENTINEL SENTINELS failed: %s', error instanceof Error ? error.message : String(error));
      return;
    }
    if (!Array.isArray(reply)) return;
    for (const entry of reply.map(packObject)) {
      const flags = entry.flags?.split(',') ?? [];
      if (flags.includes('disconnected') || entry.ip === undefined || entry.port === undefined) continue;
      const address = natResolve(this.#options.natMap, { host: entry.ip, port: Number(entry.port) });
      const key = describeSentinel(address);
      if (this.#sentinels.some((known) => describeSentinel(known) === key)) continue;
      this.#sentinels.push(address);
      debug('learnt sentinel %s', key);
    }
  }

  #onResolved(answeredBy: SentinelAddress, address: HostPort): void {
    const key = describeSentinel(answeredBy);
    this.#lastAnswered = key;
    // The sentinel that answered goes first next time.
    const index = this.#sentinels.findIndex((known) => describeSentinel(known) === key);
    if (index > 0) this.#sentinels.unshift(...this.#sentinels.splice(index, 1));
    if (this.#role === 'master') this.#knownMaster = describeEndpoint(address);
    debug('%s %s is at %s (from sentinel %s)', this.#role, this.#name, describeEndpoint(address), key);
    if (this.#options.failoverDetector === true && this.#hasLiveConnection()) this.#ensureDetector();
  }

  // ─── connections and failover ─────────────────────────────────────────────────────────

  #track(connection: Connection): void {
    this.#connections.add(connection);
    connection.on('state', (change: StateChange) => {
      if (change.state === 'connecting') this.#connections.add(connection);
      if (change.state === 'handshaking') this.#checkSoon(connection);
      if (change.state === 'closed' || change.state === 'inherited') {
        if (change.state === 'closed') this.#connections.delete(connection);
        if (!this.#hasLiveConnection()) this.#stopDetector();
      }
    });
    connection.on('error', (error: Error) => {
      if (!(error instanceof RoleMismatchError)) return;
      // The sentinel that sent us there is behind; ask another one first next time.
      const stale = this.#lastAnswered;
      const index = stale === null ? -1 : this.#sentinels.findIndex((known) => describeSentinel(known) === stale);
      if (index >= 0 && this.#sentinels.length > 1) this.#sentinels.push(...this.#sentinels.splice(index, 1));
    });
  }

  #hasLiveConnection(): boolean {
    for (const connection of this.#connections) if (liveStates.has(connection.state)) return true;
    return false;
  }

  /** A socket that came up on the old master after a failover was announced: leave it at once. */
  #checkSoon(connection: Connection): void {
    if (this.#knownMaster === null) return;
    // Next tick: the connection is still inside its state change now.
    process.nextTick(() => {
      if (this.#isStale(connection)) {
        debug('conn %d is on %s, %s is at %s: reconnecting', connection.id, connection.endpoint, this.#name, this.#knownMaster);
        connection.disconnect(true);
      }
    });
  }

  #isStale(connection: Connection): boolean {
    const state = connection.state;
    if ((state !== 'handshaking' && state !== 'ready') || this.#knownMaster === null) return false;
    return this.#role === 'master' ? connection.endpoint !== this.#knownMaster : connection.endpoint === this.#knownMaster;
  }

  #onSwitchMaster(event: SwitchMaster): void {
    const to = natResolve(this.#options.natMap, event.to);
    const label = describeEndpoint(to);
    const isRepeat = this.#knownMaster === label && this.#switchedTo !== null && describeEndpoint(this.#switchedTo) === label;
    this.#switchGeneration += 1;
    this.#switchedTo = to;
    this.#knownMaster = label;
    if (isRepeat) return;
    debug('+switch-master %s: %s -> %s (from sentinel %s)', event.name, describeEndpoint(event.from), label, event.sentinel);
    this.#emit('switchMaster', { name: event.name, from: natResolve(this.#options.natMap, event.from), to, sentinel: event.sentinel });
    for (const connection of this.#connections) {
      // Commands written to the old master and unanswered fail with mayHaveExecuted: true; nothing
      // is written there from now on.
      if (this.#isStale(connection)) connection.disconnect(true);
    }
  }

  #ensureDetector(): void {
    if (this.#detector === null) {
      const reconnect = this.#options.sentinelReconnectStrategy;
      this.#detector = new FailoverDetector({
        masterName: this.#name,
        maxSubscriptions: this.#options.sentinelMaxConnections ?? 10,
        open: (address) => openSentinelConnection(address, this.#options, typeof reconnect === 'function' ? reconnect : null),
        onSwitch: (event) => this.#onSwitchMaster(event),
        onSubscribed: () => this.#emit('failoverSubscribed'),
        onReconnecting: (sentinel) => this.#emit('sentinelReconnecting', sentinel),
      });
    }
    this.#detector.watch(this.#sentinels);
  }

  #stopDetector(): void {
    this.#detector?.close();
    this.#detector = null;
  }
}

/**
 * In master mode a READONLY reply means the node was demoted under us. The server refused the
 * command, so it did not run: reconnect (which asks the sentinels again) and send it once more.
 */
function followDemotion(user: ReconnectOnError | null): ReconnectOnError {
  return (error) => {
    if (error.message.startsWith('READONLY')) return 2;
    return user === null ? null : user(error);
  };
}

/** Prefer the reason that tells the user most: a wrong name beats "unreachable". */
function moreTelling(current: SentinelErrorCode, next: SentinelErrorCode): SentinelErrorCode {
  const rank: Record<SentinelErrorCode, number> = {
    ERR_SENTINEL_UNREACHABLE: 0,
    ERR_SENTINEL_BAD_REPLY: 1,
    ERR_SENTINEL_NO_REPLICA: 2,
    ERR_SENTINEL_UNKNOWN_MASTER: 3,
  };
  return rank[next] > rank[current] ? next : current;
}

export function natResolve(natMap: NatMap | null | undefined, address: HostPort): HostPort {
  if (natMap === null || natMap === undefined) return address;
  const key = `${address.host}:${address.port}`;
  const mapped = typeof natMap === 'function' ? natMap(key) : natMap[key];
  return mapped ?? address;
}

/** ioredis `preferredSlaves`: the function's pick, else the first preferred one (by prio) available, else a random one. */
export function selectReplica(usable: ReplicaAddress[], preferred: PreferredSlaves | null): ReplicaAddress | null {
  if (usable.length === 0) return null;
  let chosen: ReplicaAddress | null | undefined = null;
  if (typeof preferred === 'function') {
    chosen = preferred(usable);
  } else if (preferred !== null) {
    const ranked = (Array.isArray(preferred) ? [...preferred] : [preferred]).sort((a, b) => (a.prio ?? 1) - (b.prio ?? 1));
    for (const wanted of ranked) {
      chosen = usable.find((replica) => replica.ip === wanted.ip && String(replica.port) === String(wanted.port));
      if (chosen !== undefined) break;
    }
  }
  return chosen ?? usable[Math.floor(Math.random() * usable.length)]!;
}

import { EventEmitter } from 'node:events';
import type * as net from 'node:net';
import type * as tls from 'node:tls';
import Denque = require('denque');
import { Command, type CommandArgument, type SpecialKind, type WriteQueueWatcher } from '../commands/Command';
import { isValidInSubscriberMode } from '../commands/commandFlags';
import { redactArgs, summarizeArgs } from '../commands/redact';
import {
  CommandTimeoutError,
  ConnectError,
  ConnectionClosedError,
  ConnectionLostError,
  ConnectTimeoutError,
  InheritedConnectionError,
  MaxRetriesPerRequestError,
  OfflineQueueDisabledError,
  OfflineQueueFullError,
  ProtocolError,
  ReplyDesyncError,
  RedisError,
  ReplyError,
  SocketError,
  SocketTimeoutError,
  SubscriberModeError,
  causeOf,
  type ErrorCause,
  type ErrorContext,
} from '../errors';
import type { ForkSafetyPolicy, PidSource } from '../process/ownerPid';
import { isBuildingSnapshot } from '../process/startupSnapshot';
import { appendCommand, type EncodedBatch, sharedBatch } from '../protocol/encodeCommand';
import { ReplyReader } from '../protocol/ReplyReader';
import { debugLogger } from '../util/debug';
import { afterBurst, now, startTimer, stopTimer, type TimerHandle } from '../util/timers';
import { canMove, IllegalStateMoveError, statusOf, type ConnectionState, type RedisStatus } from './connectionState';
import { describeEndpoint, openSocket, type Endpoint, type EndpointResolver } from './connectors/openSocket';
import { RoleMismatchError, runHandshake, type HandshakeSettings, type Subscriptions } from './handshake';

const debug = debugLogger('connection');

/** ioredis-compatible: a number is the delay before the next attempt; anything else stops retrying. */
export type RetryStrategy = (times: number) => number | void | null | undefined;
/** ioredis-compatible: true/1 reconnects; 2 reconnects and re-sends the command that got the error. */
export type ReconnectOnError = (error: Error) => boolean | 1 | 2 | null | undefined;

export interface ConnectionOptions {
  endpoint: Endpoint | EndpointResolver;
  tls: tls.ConnectionOptions | null;
  connectTimeout: number;
  commandTimeout: number | null;
  socketTimeout: number | null;
  keepAlive: number | false;
  noDelay: boolean;
  retryStrategy: RetryStrategy | null;
  reconnectOnError: ReconnectOnError | null;
  maxRetriesPerRequest: number | null;
  enableOfflineQueue: boolean;
  offlineQueueLimit: number;
  autoResendUnfulfilledCommands: boolean;
  autoResubscribe: boolean;
  stringNumbers: boolean;
  maxReplyBytes: number;
  pidSource: PidSource;
  forkSafety: ForkSafetyPolicy;
  /**
   * Integrity mode: every written batch ends with `ECHO <token>`; replies are held until the token
   * comes back in its place, so a shifted reply is caught before any caller sees it.
   */
  integrity: boolean;
  /** Enter MONITOR mode as part of every handshake (ioredis `monitor()`). */
  monitor: boolean;
  handshake: HandshakeSettings;
}

export const defaultRetryStrategy: RetryStrategy = (times) => {
  // Exponential from 50 ms to 5 s, with up to half of it as jitter so a fleet spreads out.
  const base = Math.min(50 * 2 ** Math.min(times - 1, 10), 5000);
  return Math.round(base / 2 + Math.random() * (base / 2));
};

export interface PushMessage {
  kind: 'message' | 'pmessage' | 'smessage';
  pattern: Buffer | null;
  channel: Buffer;
  message: Buffer;
}

export interface StateChange {
  state: ConnectionState;
  previous: ConnectionState;
  status: RedisStatus;
  reason: string;
  /** For waitingToReconnect: the delay before the next dial. */
  delay?: number;
}

/** Bytes per write before the batch is handed to the socket; keeps one write bounded. */
const MAX_BATCH_SIZE = 1 << 20;

/**
 * Commands per write. Once this many wait, they are written at once instead of after the burst
 * that issues them: the server starts on them while the client encodes the rest of a pipeline or
 * runs the callers that issue more. One write per burst left the server idle while the client worked and
 * the client idle while the server did; measured on 2 cores, writing every 32 commands gave
 * +40-70 % with 100 commands in flight and +10-30 % on 100-command pipelines, same CPU per command.
 */
const COMMANDS_PER_WRITE = 32;

/** Digits of the largest integrity token counter (Number.MAX_SAFE_INTEGER has 16). */
const MAX_COUNTER_DIGITS = 16;

let lastConnectionId = 0;

/** Commands already re-sent once after the server refused them (reconnectOnError verdict 2). */
const resentAfterRefusal = new WeakSet<Command>();

const subscriptionKindOf = {
  unsubscribe: 'subscribe',
  punsubscribe: 'psubscribe',
  sunsubscribe: 'ssubscribe',
} as const satisfies Record<string, keyof Subscriptions>;

interface CloseCause {
  reason: string;
  cause: unknown;
  /** The error a command in flight receives; built lazily from the context. */
  kind: 'socket' | 'protocol' | 'timeout' | 'manual' | 'inherited' | 'server';
}

/**
 * The process-wide batch, empty: every connection encodes and writes in one synchronous stretch,
 * and an encode that threw half-way must not hand its bytes to the next connection that writes.
 */
function emptyBatch(): EncodedBatch {
  const batch = sharedBatch();
  if (batch.size !== 0) batch.discardUntaken();
  return batch;
}

/**
 * One logical connection to one endpoint: a socket at a time, its command queues, its reply
 * reader, its handshake, and the state machine that moves between them. The only writer of its
 * own state (through `#moveTo`).
 *
 * Events: 'state' (StateChange), 'error' (Error), 'push' (PushMessage), 'monitor' (line),
 * 'select' (db), 'ready'.
 */
export class Connection extends EventEmitter {
  readonly id = ++lastConnectionId;
  readonly #options: ConnectionOptions;
  /** What every new socket is told; run-time AUTH/SELECT/SETNAME update it. */
  readonly #settings: HandshakeSettings;
  readonly #subscriptions: Subscriptions = { subscribe: new Set(), psubscribe: new Set(), ssubscribe: new Set() };

  #state: ConnectionState = 'idle';
  #socket: net.Socket | null = null;
  #reader: ReplyReader | null = null;
  #endpointLabel: string;
  #ownerPid = 0;
  #serverClientId: number | null = null;

  readonly #awaitingWrite = new Denque<Command>();
  readonly #awaitingReply = new Denque<Command>();
  /**
   * Commands put back in awaitingWrite after their socket died before their reply came (read-only,
   * or re-send opted in) -> bytes of that reply which had arrived. Their errors still say written.
   */
  readonly #unanswered = new WeakMap<Command, number>();
  /** Integrity mode: replies received but not yet proven aligned by their batch's token. */
  readonly #heldReplies: Array<{ command: Command; reply: unknown; isError: boolean }> = [];
  #integrityCounter = 0;
  /** Random per connection, so a token can be told from any value a user stores. */
  readonly #integrityPrefix = `fsr:${Math.random().toString(36).slice(2, 10)}:`;

  /** Reconnect attempts since the last ready (ioredis's `retryAttempts`). */
  #attempt = 0;
  #reconnectTimer: TimerHandle | undefined;
  #connectTimer: TimerHandle | undefined;
  #dialStartedAt = 0;
  /** The user closed the connection: no reconnect after the socket closes. */
  #closeRequested = false;
  /** disconnect(true): in-flight blocking commands are re-issued after the reconnect. */
  #reconnectRequested = false;
  #closeCause: CloseCause | null = null;
  /** Refused with reconnectOnError verdict 2, in reply order: re-queued ahead of all else on close. */
  readonly #refusedForResend: Command[] = [];
  #flushScheduled = false;
  /**
   * The write queue holds a MULTI whose EXEC or DISCARD is not queued yet. Nothing is written
   * early meanwhile: a later part of the transaction may still be refused where it is queued
   * (full queue, subscriber mode), and then none of it may have been written.
   */
  #queuedTransactionOpen = false;
  /**
   * Commands answered while waiting to be written (timed out, or withdrawn with the rest of a
   * transaction that was refused in part). They keep their places until the next write skips
   * them; at the queue's bound they are dropped to make room, so callers answered long ago do
   * not crowd out new ones, and stats() does not count them.
   */
  #settledInWriteQueue = 0;
  readonly #writeQueueWatcher: WriteQueueWatcher = {
    onSettledWhileQueued: () => {
      this.#settledInWriteQueue += 1;
    },
  };
  #waitingForDrain = false;
  #subscriberMode = false;
  #monitoring = false;
  /** WATCH armed on this socket (until EXEC, DISCARD, UNWATCH). */
  #watching = false;
  /** MULTI sent and not yet closed by EXEC or DISCARD. */
  #inMulti = false;
  /**
   * Made while `node --build-snapshot` runs: the builder snapshots only once the event loop is
   * empty, so the socket holds the loop only while a command waits to be written or answered.
   */
  readonly #holdsLoopOnlyWhenBusy = isBuildingSnapshot();
  /** Suspended for a startup snapshot: the restored process dials afresh, whatever forkSafety says. */
  #suspendedForSnapshot = false;
  /** The first error reply to a handshake command on the current socket. */
  #handshakeErrorReply: string | null = null;

  constructor(options: ConnectionOptions) {
    super();
    this.#options = options;
    this.#settings = { ...options.handshake };
    this.#endpointLabel = typeof options.endpoint === 'function' ? '(resolving)' : describeEndpoint(options.endpoint);
  }

  get state(): ConnectionState {
    return this.#state;
  }

  get status(): RedisStatus {
    return statusOf(this.#state);
  }

  get endpoint(): string {
    return this.#endpointLabel;
  }

  get ownerPid(): number {
    return this.#ownerPid;
  }

  get serverClientId(): number | null {
    return this.#serverClientId;
  }

  /** Commands written and awaiting their reply. */
  get inFlight(): number {
    return this.#awaitingReply.length;
  }

  /** Commands waiting to be written (the offline queue while not ready); timed-out ones excluded. */
  get queued(): number {
    const queue = this.#awaitingWrite;
    if (this.#settledInWriteQueue === 0) return queue.length;
    let waiting = 0;
    for (let i = 0; i < queue.length; i++) if (!queue.peekAt(i)!.isSettled) waiting++;
    return waiting;
  }

  get db(): number {
    return this.#settings.db;
  }

  get isSubscriber(): boolean {
    return this.#subscriberMode;
  }

  get isMonitoring(): boolean {
    return this.#monitoring;
  }

  /** WATCH or MULTI left open on this socket: not fit to hand to another caller as is. */
  get transactionState(): { watching: boolean; inMulti: boolean } {
    return { watching: this.#watching, inMulti: this.#inMulti };
  }

  /** True when the socket was opened by another process (the PID compare of the write path). */
  get isInherited(): boolean {
    return this.#socket !== null && this.#options.pidSource() !== this.#ownerPid;
  }

  /**
   * Drop the socket if another process opened it: destroy() only, nothing written. Returns true
   * when it was inherited. With forkSafety 'reconnect' a fresh socket is dialled at once.
   */
  dropIfInherited(): boolean {
    if (!this.isInherited || (this.#state !== 'ready' && this.#state !== 'handshaking' && this.#state !== 'connecting')) return false;
    this.#onInherited();
    return true;
  }

  /** Close a MULTI left open by a lease holder (queued ahead of the next holder's commands). */
  discardTransaction(): void {
    this.#sendCleanup('discard');
  }

  /** Drop a WATCH left armed by a lease holder. */
  unwatch(): void {
    this.#sendCleanup('unwatch');
  }

  #sendCleanup(name: 'discard' | 'unwatch'): void {
    const command = new Command(name, []);
    command.isInternal = true;
    command.promise.catch(() => undefined);
    this.#watching = false;
    this.#inMulti = false;
    void this.send(command);
  }

  /**
   * For Node startup snapshots: destroy the socket without a byte written and forget it, so the
   * restored process (a new PID) dials afresh, with the full handshake, on first use.
   */
  suspendForSnapshot(): void {
    if (this.#socket === null && this.#state !== 'waitingToReconnect') return;
    this.#reconnectTimer = stopTimer(this.#reconnectTimer);
    this.#suspendedForSnapshot = true;
    if (this.#state === 'waitingToReconnect') {
      this.#moveTo('inherited', 'startup snapshot');
      return;
    }
    this.#onInherited(true);
  }

  /** The handshake settings a reconnect will replay (copies; secrets included: internal use only). */
  get settings(): Readonly<HandshakeSettings> {
    return this.#settings;
  }

  subscriptionsOf(kind: keyof Subscriptions): string[] {
    return [...this.#subscriptions[kind]];
  }

  /**
   * Open the connection. Resolves when ready; rejects if the first attempt closes before ready
   * (the connection keeps retrying per retryStrategy either way, as ioredis does).
   */
  connect(): Promise<void> {
    const state = this.#state;
    if (state === 'connecting' || state === 'handshaking' || state === 'ready') {
      return Promise.reject(new Error('Redis is already connecting/connected'));
    }
    const settled = new Promise<void>((resolve, reject) => {
      const onState = (change: StateChange): void => {
        if (change.state === 'ready') {
          this.off('state', onState);
          resolve();
        } else if (change.state === 'disconnected' || change.state === 'closed') {
          this.off('state', onState);
          reject(new ConnectionClosedError(this.#context(null, { cause: this.#closeCause?.cause })));
        }
      };
      this.on('state', onState);
    });
    this.#closeRequested = false;
    if (state === 'waitingToReconnect') this.#reconnectTimer = stopTimer(this.#reconnectTimer);
    this.#dial();
    return settled;
  }

  /**
   * Queue a command. It is written once the current burst is done, together with everything else
   * queued in it (in writes of COMMANDS_PER_WRITE; a full one goes out at once), or held in
   * the offline queue until the connection is ready.
   */
  send(command: Command): Promise<unknown> {
    this.enqueue(command);
    return command.promise;
  }

  /** As `send`, without asking for the promise (pipelines listen on the command instead). */
  enqueue(command: Command): void {
    const state = this.#state;
    if (state === 'ready') {
      if (this.#subscriberMode && !isValidInSubscriberMode(command.name)) {
        command.reject(new SubscriberModeError(this.#context(command)));
        return;
      }
      if (this.#monitoring && command.name !== 'monitor' && command.name !== 'quit') {
        command.reject(new Error("Connection is in monitoring mode, can't process commands."));
        return;
      }
      // The socket's buffer is full (a slow reader): what waits to be written is bounded as offline.
      if (this.#waitingForDrain && !this.#hasRoomToQueue()) {
        command.reject(new OfflineQueueFullError(this.#context(command), this.#options.offlineQueueLimit));
        return;
      }
      this.#armCommandTimeout(command);
      command.waitingIn = this.#writeQueueWatcher;
      this.#awaitingWrite.push(command);
      if (command.inTransaction && command.special !== undefined) this.#noteQueuedTransaction(command.special);
      if (this.#awaitingWrite.length >= COMMANDS_PER_WRITE && !this.#queuedTransactionOpen) {
        this.#writeQueued();
        return;
      }
      if (!this.#flushScheduled) {
        this.#flushScheduled = true;
        // At the burst's end, so the callers resumed by one reply chunk still issue into one write.
        afterBurst(this.#flush);
      }
      return;
    }
    this.#sendWhileNotReady(command);
  }

  /** Room for one more command in the write queue, after dropping the timed-out ones if at the bound. */
  #hasRoomToQueue(): boolean {
    const queue = this.#awaitingWrite;
    const limit = this.#options.offlineQueueLimit;
    if (queue.length < limit) return true;
    if (this.#settledInWriteQueue > 0) {
      // Once per run of timeouts, so refusing a flood of commands at the bound stays cheap.
      this.#settledInWriteQueue = 0;
      for (let i = queue.length; i > 0; i--) {
        const command = queue.shift()!;
        if (!command.isSettled) queue.push(command);
      }
    }
    return queue.length < limit;
  }

  #noteQueuedTransaction(special: SpecialKind): void {
    if (special === 'multi') this.#queuedTransactionOpen = true;
    else if (special === 'exec' || special === 'discard') this.#queuedTransactionOpen = false;
  }

  #sendWhileNotReady(command: Command): void {
    const state = this.#state;
    if (state === 'closing' || state === 'closed' || (state === 'inherited' && this.#options.forkSafety === 'error' && !this.#suspendedForSnapshot)) {
      if (command.special === 'quit' && state === 'closed') {
        command.resolve(command.returnBuffers ? Buffer.from('OK') : 'OK');
        return;
      }
      command.reject(state === 'inherited'
        ? new InheritedConnectionError(this.#context(command))
        : new ConnectionClosedError(this.#context(command, { cause: this.#closeCause?.cause })));
      return;
    }
    if (command.special === 'quit' && this.#awaitingWrite.length === 0) {
      // Nothing waits to be written: quitting an unconnected client is a local close.
      this.disconnect(false);
      command.resolve(command.returnBuffers ? Buffer.from('OK') : 'OK');
      return;
    }
    if (!this.#options.enableOfflineQueue) {
      command.reject(new OfflineQueueDisabledError(this.#context(command)));
      return;
    }
    if (!this.#hasRoomToQueue()) {
      command.reject(new OfflineQueueFullError(this.#context(command), this.#options.offlineQueueLimit));
      return;
    }
    if (command.special === 'quit') this.#closeRequested = true;
    this.#armCommandTimeout(command);
    command.waitingIn = this.#writeQueueWatcher;
    this.#awaitingWrite.push(command);
    if (debug.enabled) debug('conn %d: queued %s while %s (%d queued)', this.id, command.name, state, this.#awaitingWrite.length);
    if (state === 'idle' || state === 'inherited') this.#dial();
    return;
  }

  /**
   * Close the socket now. `reconnect: true` dials again (ioredis `disconnect(true)`); blocking
   * commands in flight are then re-issued on the new socket. The socket is destroyed, never
   * `end()`ed, so a socket shared with another process is not shut down under it.
   */
  disconnect(reconnect = false): void {
    this.#closeRequested = !reconnect;
    this.#reconnectRequested = reconnect;
    switch (this.#state) {
      case 'idle':
        if (!reconnect) this.#moveTo('closed', 'disconnect()');
        return;
      case 'waitingToReconnect':
        this.#reconnectTimer = stopTimer(this.#reconnectTimer);
        if (reconnect) this.#dial();
        else this.#closeForGood('disconnect()');
        return;
      case 'closed':
        if (reconnect) this.#dial();
        return;
      case 'inherited':
        if (!reconnect) this.#closeForGood('disconnect()');
        return;
      default:
        this.#destroySocket({ reason: 'connection closed by disconnect()', cause: undefined, kind: 'manual' });
    }
  }

  // ─── state ────────────────────────────────────────────────────────────────────────────

  #moveTo(next: ConnectionState, reason: string, delay?: number): void {
    const previous = this.#state;
    if (!canMove(previous, next)) throw new IllegalStateMoveError(previous, next, reason);
    this.#state = next;
    if (debug.enabled) debug('conn %d %s: %s -> %s (%s)', this.id, this.#endpointLabel, previous, next, reason);
    const change: StateChange = { state: next, previous, status: statusOf(next), reason };
    if (delay !== undefined) change.delay = delay;
    this.emit('state', change);
  }

  // ─── dialling ─────────────────────────────────────────────────────────────────────────

  #dial(): void {
    this.#moveTo('connecting', this.#attempt === 0 ? 'connect' : `reconnect attempt ${this.#attempt}`);
    this.#suspendedForSnapshot = false;
    this.#dialStartedAt = now();
    this.#closeCause = null;
    const endpoint = this.#options.endpoint;
    if (typeof endpoint === 'function') {
      Promise.resolve()
        .then(endpoint)
        .then(
          (resolved) => {
            if (this.#state === 'connecting' && this.#socket === null) this.#openSocket(resolved);
          },
          (error: unknown) => {
            if (this.#state !== 'connecting' || this.#socket !== null) return;
            // A resolver's own error (Sentinel) already names what it tried: emitted as is.
            const connectError = error instanceof RedisError ? error : new ConnectError(this.#context(null, { cause: error }), error);
            this.#emitError(connectError);
            this.#closeCause = { reason: 'endpoint resolution failed', cause: error, kind: 'socket' };
            this.#afterSocketGone();
          },
        );
      return;
    }
    this.#openSocket(endpoint);
  }

  #openSocket(endpoint: Endpoint): void {
    this.#endpointLabel = describeEndpoint(endpoint);
    const { socket, readyEvent } = openSocket(endpoint, {
      tls: this.#options.tls,
      keepAlive: this.#options.keepAlive,
      noDelay: this.#options.noDelay,
      // The buffer is shared by every socket: the reader must be done with it before returning.
      onRead: (length, buffer) => {
        if (this.#socket !== socket) return;
        reader.feed(buffer, length);
        if (this.#holdsLoopOnlyWhenBusy) this.#releaseLoopIfIdle(socket);
      },
    });
    this.#socket = socket;
    this.#ownerPid = this.#options.pidSource();
    this.#serverClientId = null;
    this.#handshakeErrorReply = null;
    const reader = new ReplyReader(
      {
        onReply: (reply) => this.#onReply(reply),
        onErrorReply: (message) => this.#onErrorReply(message),
        onFatal: (reason, cause) => this.#onProtocolFailure(socket, reason, cause),
      },
      { stringNumbers: this.#options.stringNumbers, maxReplyBytes: this.#options.maxReplyBytes },
    );
    this.#reader = reader;

    if (this.#options.connectTimeout > 0) {
      const timeout = this.#options.connectTimeout;
      this.#connectTimer = startTimer(() => {
        this.#connectTimer = undefined;
        if (this.#socket !== socket) return;
        const error = new ConnectTimeoutError(this.#context(null), timeout);
        this.#emitError(error);
        this.#destroySocket({ reason: `no connection within connectTimeout (${timeout} ms)`, cause: error, kind: 'timeout' });
      }, timeout);
    }

    socket.once(readyEvent, () => {
      if (this.#socket !== socket) return;
      if (this.#options.socketTimeout !== null) socket.setTimeout(this.#options.socketTimeout);
      this.#moveTo('handshaking', 'socket connected');
      this.#handshake(socket);
    });
    socket.on('error', (error: Error) => {
      if (this.#socket !== socket) return;
      if (this.#closeCause === null) {
        const cause = causeOf(error);
        this.#closeCause = { reason: `${cause?.syscall ?? 'socket'} ${cause?.code ?? error.message}`, cause: error, kind: 'socket' };
        const context = this.#context(null, { cause: error });
        this.#emitError(this.#state === 'connecting' ? new ConnectError(context, error) : new SocketError(context, error));
      }
    });
    socket.on('timeout', () => {
      if (this.#socket !== socket || this.#awaitingReply.length === 0) return;
      const timeout = this.#options.socketTimeout ?? 0;
      const error = new SocketTimeoutError(this.#context(this.#awaitingReply.peekFront() ?? null), timeout);
      this.#emitError(error);
      this.#destroySocket({ reason: `socket timeout (${timeout} ms without data)`, cause: error, kind: 'timeout' });
    });
    socket.on('drain', () => {
      if (this.#socket !== socket) return;
      this.#waitingForDrain = false;
      this.#flush();
    });
    socket.once('close', () => {
      if (this.#socket === socket) this.#onSocketClosed();
    });
  }

  #handshake(socket: net.Socket): void {
    const send = (name: string, args: CommandArgument[]): Promise<unknown> => {
      if (this.#socket !== socket) return Promise.reject(new Error('handshake socket replaced'));
      const command = new Command(name, args);
      command.isInternal = true;
      appendCommand(emptyBatch(), name, args);
      this.#markWritten(command, now());
      this.#writeBatch(socket);
      return command.promise;
    };
    runHandshake(send, this.#settings, {
      subscriptions: this.#options.autoResubscribe ? this.#subscriptions : { subscribe: new Set(), psubscribe: new Set(), ssubscribe: new Set() },
      monitoring: this.#monitoring || this.#options.monitor,
    }).then(
      (result) => {
        if (this.#socket !== socket || this.#state !== 'handshaking') return;
        this.#connectTimer = stopTimer(this.#connectTimer);
        this.#serverClientId = result.serverClientId;
        this.#attempt = 0;
        this.#moveTo('ready', 'handshake done');
        this.emit('ready');
        this.#flush();
        if (this.#holdsLoopOnlyWhenBusy) this.#releaseLoopIfIdle(socket);
      },
      (error: unknown) => {
        if (this.#socket !== socket || this.#state !== 'handshaking') return;
        const failure = error instanceof Error ? error : new Error(String(error));
        if ((failure instanceof ReplyError || failure instanceof RoleMismatchError) && failure.context === undefined) failure.context = this.#context(null);
        this.#emitError(failure);
        // Queued callers learn now (a wrong password is not worth waiting for); the socket is
        // closed and the retry strategy decides whether to dial again. A node in the wrong role
        // (mid-failover) is a reason to look again, not to fail the callers.
        if (!(failure instanceof RoleMismatchError)) this.#failQueued(() => failure);
        this.#destroySocket({ reason: `handshake failed: ${failure.message}`, cause: failure, kind: 'socket' });
      },
    );
  }

  // ─── writing ──────────────────────────────────────────────────────────────────────────

  /** At the end of the burst that queued them (afterBurst): write everything queued. */
  readonly #flush = (): void => {
    this.#flushScheduled = false;
    this.#writeQueued();
  };

  /** Write everything queued, COMMANDS_PER_WRITE commands (at most MAX_BATCH_SIZE bytes) per write. */
  #writeQueued(): void {
    const socket = this.#socket;
    // A socket already destroyed (a protocol error in this turn) is not written to: what was issued
    // since waits for the next socket, unwritten, instead of failing as if it had been sent.
    if (this.#state !== 'ready' || socket === null || this.#waitingForDrain || socket.destroyed) return;
    if (this.#options.pidSource() !== this.#ownerPid) {
      this.#onInherited();
      return;
    }
    const queue = this.#awaitingWrite;
    const batch = emptyBatch();
    const writtenAt = now();
    // Everything queued is written now (or held back by the socket): no MULTI waits in the queue.
    this.#queuedTransactionOpen = false;
    let commandsInBatch = 0;
    while (queue.length > 0) {
      const command = queue.shift()!;
      // Timed out or rejected before it was written: the caller has its answer, never send it.
      if (command.isSettled) continue;
      command.waitingIn = undefined;
      // The server closes right after QUIT: prove what came before it while it still answers.
      if (command.special === 'quit' && this.#options.integrity && batch.size > 0) this.#appendIntegrityToken(writtenAt);
      appendCommand(batch, command.name, command.args);
      this.#markWritten(command, writtenAt);
      if (++commandsInBatch >= COMMANDS_PER_WRITE || batch.size > MAX_BATCH_SIZE) {
        commandsInBatch = 0;
        if (this.#options.integrity) this.#appendIntegrityToken(writtenAt);
        if (!this.#writeBatch(socket)) return;
      }
    }
    this.#settledInWriteQueue = 0;
    if (this.#options.integrity && batch.size > 0 && this.#state === 'ready') this.#appendIntegrityToken(writtenAt);
    this.#writeBatch(socket);
  }

  /** ECHO a token unique to this connection and batch; its reply releases the batch's held replies. */
  #appendIntegrityToken(writtenAt: number): void {
    // RESP2 subscriber and MONITOR modes refuse ECHO; integrity covers ordinary command traffic.
    if (this.#subscriberMode || this.#monitoring) return;
    const token = `${this.#integrityPrefix}${++this.#integrityCounter}`;
    const echo = new Command('echo', [token]);
    echo.isInternal = true;
    echo.integrityToken = token;
    echo.promise.catch(() => undefined);
    appendCommand(sharedBatch(), 'echo', echo.args);
    this.#markWritten(echo, writtenAt);
  }

  /** The token's reply: release held replies if it matches, else nobody gets a reply from this socket. */
  #isIntegrityToken(reply: unknown): boolean {
    const prefix = this.#integrityPrefix;
    // A token is the prefix and a counter. Longer replies are not looked into: startsWith on a
    // large string made of several decoded chunks would first copy it into one piece.
    if (typeof reply === 'string') return reply.length <= prefix.length + MAX_COUNTER_DIGITS && reply.startsWith(prefix);
    return Buffer.isBuffer(reply) && reply.length > prefix.length && reply.length <= prefix.length + MAX_COUNTER_DIGITS && reply.toString('latin1', 0, prefix.length) === prefix;
  }

  #checkIntegrityToken(echo: Command, reply: unknown, mismatch?: string): void {
    const held = this.#heldReplies;
    const actual = Buffer.isBuffer(reply) ? reply.toString() : reply;
    if (mismatch !== undefined || actual !== echo.integrityToken) {
      const socket = this.#socket;
      const context = this.#context(held[0]?.command ?? null, { mayHaveExecuted: true });
      context.inFlight = this.#awaitingReply.length + held.length;
      const what = mismatch ?? `expected ${String(echo.integrityToken)} back, got ${describeReply(actual)}`;
      const error = new ReplyDesyncError(context, `${what}; ${held.length} held replies discarded`);
      this.#emitError(error);
      for (const entry of held.splice(0)) {
        if (entry.command.timer !== undefined) entry.command.timer = stopTimer(entry.command.timer as TimerHandle);
        entry.command.reject(new ReplyDesyncError(this.#context(entry.command, { mayHaveExecuted: true }), 'reply alignment could not be proven'));
      }
      if (socket !== null) this.#destroySocket({ reason: 'reply desync', cause: error, kind: 'protocol' });
      return;
    }
    for (const entry of held.splice(0)) {
      if (entry.isError) this.#rejectWithReply(entry.command, entry.reply as string);
      else this.#settle(entry.command, entry.reply);
    }
  }

  #markWritten(command: Command, writtenAt: number): void {
    command.writtenAt = writtenAt;
    const replies = this.#awaitingReply;
    if (replies.length === 0 && this.#reader !== null) {
      this.#reader.returnBuffers = this.#subscriberMode || command.returnBuffers;
    }
    replies.push(command);
    if (command.special !== undefined) this.#onSpecialWritten(command);
  }

  /** Hand the batch to the socket; false when the socket asks us to wait for 'drain'. */
  #writeBatch(socket: net.Socket): boolean {
    const batch = sharedBatch();
    const pieces = batch.take();
    if (pieces.length === 0) return true;
    if (this.#holdsLoopOnlyWhenBusy) socket.ref();
    let flushed = true;
    if (pieces.length === 1) {
      flushed = socket.write(pieces[0]!);
    } else {
      socket.cork();
      for (const piece of pieces) flushed = socket.write(piece);
      socket.uncork();
    }
    if (!flushed) this.#waitingForDrain = true;
    // Bytes still in the socket's buffer pin the slab; bytes in the kernel free it. (write()
    // returns false for any chunk over the high-water mark, even one the kernel took whole.)
    batch.written(socket.writableLength > 0);
    return flushed;
  }

  #onSpecialWritten(command: Command): void {
    switch (command.special) {
      case 'subscribe':
      case 'psubscribe':
      case 'ssubscribe':
        command.expectedReplies = Math.max(1, command.args.length);
        this.#enterSubscriberMode();
        break;
      case 'unsubscribe':
      case 'punsubscribe':
      case 'sunsubscribe': {
        const kind = subscriptionKindOf[command.special];
        command.expectedReplies = command.args.length > 0 ? command.args.length : Math.max(1, this.#subscriptions[kind].size);
        break;
      }
      case 'quit':
        this.#closeRequested = true;
        if (this.#state === 'ready') this.#moveTo('closing', 'QUIT written');
        break;
      case 'multi':
        this.#inMulti = true;
        break;
      default:
        break;
    }
  }

  #enterSubscriberMode(): void {
    this.#subscriberMode = true;
    if (this.#reader !== null) this.#reader.returnBuffers = true;
  }

  // ─── reading ──────────────────────────────────────────────────────────────────────────

  #onReply(reply: unknown): void {
    if (this.#subscriberMode && Array.isArray(reply) && this.#onSubscriberReply(reply)) return;
    if (this.#monitoring && this.#isMonitorLine(reply)) {
      this.emit('monitor', typeof reply === 'string' ? reply : String(reply));
      return;
    }
    const command = this.#awaitingReply.shift();
    if (command === undefined) {
      this.#onProtocolFailure(this.#socket, 'a reply arrived with no command waiting for it');
      return;
    }
    this.#syncReplyMode();
    if (this.#options.integrity && !command.isInternal && command.special !== 'quit') {
      this.#heldReplies.push({ command, reply, isError: false });
      // A token in a command's slot means a reply went missing before it: fail the batch now.
      if (this.#isIntegrityToken(reply)) this.#checkIntegrityToken(command, reply, `a token arrived in the slot of ${command.name.toUpperCase()}`);
      return;
    }
    if (command.integrityToken !== undefined) {
      this.#checkIntegrityToken(command, reply);
      return;
    }
    this.#settle(command, reply);
  }

  #settle(command: Command, reply: unknown): void {
    if (command.timer !== undefined) command.timer = stopTimer(command.timer as TimerHandle);
    if (command.special !== undefined) this.#onSpecialReplied(command, reply);
    command.resolve(reply);
  }

  #onErrorReply(message: string): void {
    const command = this.#awaitingReply.shift();
    if (command === undefined) {
      // Servers say "-ERR max number of clients reached" on accept, before any command.
      const socket = this.#socket;
      const error = new ReplyError(message);
      error.context = this.#context(null);
      this.#emitError(error);
      if (socket !== null) this.#destroySocket({ reason: `server error: ${message}`, cause: error, kind: 'server' });
      return;
    }
    // A server refusing the client ("-ERR max number of clients reached") answers the first
    // handshake command, which may be one the handshake tolerates: keep it as the cause of the close.
    if (command.isInternal && this.#state === 'handshaking') this.#handshakeErrorReply ??= message;
    this.#syncReplyMode();
    if (command.integrityToken !== undefined) {
      this.#checkIntegrityToken(command, new Error(message));
      return;
    }
    if (this.#options.integrity && !command.isInternal) {
      this.#heldReplies.push({ command, reply: message, isError: true });
      return;
    }
    this.#rejectWithReply(command, message);
  }

  #rejectWithReply(command: Command, message: string): void {
    if (command.timer !== undefined) command.timer = stopTimer(command.timer as TimerHandle);
    const error = new ReplyError(message);
    error.command = { name: command.name, args: redactArgs(command.name, command.args) };
    if (command.special === 'exec' || command.special === 'discard') {
      this.#watching = false;
      this.#inMulti = false;
    } else if (command.special === 'multi') {
      this.#inMulti = false;
    }
    if (command.expectedReplies > 1) {
      // The server rejected the whole SUBSCRIBE at once: one error stands for every channel.
      command.expectedReplies = 1;
    }
    const reconnectOnError = this.#options.reconnectOnError;
    if (reconnectOnError !== null && !command.isInternal && command.name !== 'client') {
      const verdict = reconnectOnError(error);
      if (verdict === 2 && !command.isSettled && !command.inTransaction && !resentAfterRefusal.has(command)) {
        // The server refused it, so it did not run: safe to send again after the reconnect, once,
        // in the order the refusals came (a piece of MULTI never goes out on its own).
        resentAfterRefusal.add(command);
        command.writtenAt = 0;
        this.#refusedForResend.push(command);
        this.disconnect(true);
        return;
      }
      if (verdict) this.disconnect(true);
    }
    command.reject(error);
  }

  /** Snapshot build: let the event loop end (and the snapshot be taken) once nothing is pending. */
  #releaseLoopIfIdle(socket: net.Socket): void {
    if (this.#socket === socket && this.#state === 'ready' && this.#awaitingReply.length === 0 && this.#awaitingWrite.length === 0) socket.unref();
  }

  #syncReplyMode(): void {
    const next = this.#awaitingReply.peekFront();
    const reader = this.#reader;
    if (reader !== null) reader.returnBuffers = this.#subscriberMode || (next !== undefined && next.returnBuffers);
  }

  #onSpecialReplied(command: Command, reply: unknown): void {
    if (command.isInternal) {
      if (command.special === 'monitor') this.#monitoring = true;
      return;
    }
    switch (command.special) {
      case 'select': {
        const db = Number(command.args[0]);
        if (Number.isInteger(db)) {
          this.#settings.db = db;
          this.emit('select', db);
          this.emit('settings', this.#settings);
        }
        break;
      }
      case 'auth':
        if (command.args.length === 1) {
          this.#settings.password = String(command.args[0]);
        } else if (command.args.length === 2) {
          this.#settings.username = String(command.args[0]);
          this.#settings.password = String(command.args[1]);
        }
        // A password given at run time replaces the provider for later reconnects.
        this.#settings.credentialsProvider = null;
        this.emit('settings', this.#settings);
        break;
      case 'client': {
        const sub = String(command.args[0] ?? '').toLowerCase();
        if (sub === 'setname') this.#settings.connectionName = String(command.args[1] ?? '');
        break;
      }
      case 'monitor':
        this.#monitoring = true;
        break;
      case 'watch':
        this.#watching = true;
        break;
      case 'unwatch':
        this.#watching = false;
        break;
      case 'exec':
      case 'discard':
        this.#watching = false;
        this.#inMulti = false;
        break;
      case 'reset':
        this.#watching = false;
        this.#inMulti = false;
        this.#settings.db = 0;
        this.#settings.connectionName = null;
        this.#clearSubscriptions();
        this.#monitoring = false;
        break;
      default:
        break;
    }
    void reply;
  }

  /** Returns true when the reply was a push message or a (un)subscribe confirmation. */
  #onSubscriberReply(reply: unknown[]): boolean {
    const head = reply[0];
    if (!Buffer.isBuffer(head)) return false;
    const type = head.toString();
    switch (type) {
      case 'message':
      case 'smessage':
        this.emit('push', { kind: type, pattern: null, channel: reply[1] as Buffer, message: reply[2] as Buffer } satisfies PushMessage);
        return true;
      case 'pmessage':
        this.emit('push', { kind: 'pmessage', pattern: reply[1] as Buffer, channel: reply[2] as Buffer, message: reply[3] as Buffer } satisfies PushMessage);
        return true;
      case 'subscribe':
      case 'psubscribe':
      case 'ssubscribe':
      case 'unsubscribe':
      case 'punsubscribe':
      case 'sunsubscribe': {
        const isUnsubscribe = type in subscriptionKindOf;
        const kind: keyof Subscriptions = isUnsubscribe ? subscriptionKindOf[type as keyof typeof subscriptionKindOf] : (type as keyof Subscriptions);
        const channel = reply[1];
        const count = Number(reply[2]);
        if (Buffer.isBuffer(channel)) {
          if (!isUnsubscribe) this.#subscriptions[kind].add(channel.toString());
          else this.#subscriptions[kind].delete(channel.toString());
        }
        const command = this.#awaitingReply.peekFront();
        if (command !== undefined && command.special === type) {
          command.expectedReplies -= 1;
          if (command.expectedReplies <= 0) {
            this.#awaitingReply.shift();
            if (command.timer !== undefined) command.timer = stopTimer(command.timer as TimerHandle);
            command.resolve(count);
          }
        }
        if (count === 0 && !this.#hasPendingSubscribe()) {
          this.#subscriberMode = false;
          this.#syncReplyMode();
        }
        return true;
      }
      default:
        return false;
    }
  }

  #hasPendingSubscribe(): boolean {
    const replies = this.#awaitingReply;
    for (let i = 0; i < replies.length; i++) {
      const special = replies.peekAt(i)?.special;
      if (special === 'subscribe' || special === 'psubscribe' || special === 'ssubscribe') return true;
    }
    return false;
  }

  #clearSubscriptions(): void {
    this.#subscriptions.subscribe.clear();
    this.#subscriptions.psubscribe.clear();
    this.#subscriptions.ssubscribe.clear();
    this.#subscriberMode = false;
  }

  #isMonitorLine(reply: unknown): boolean {
    if (typeof reply !== 'string') return false;
    const head = this.#awaitingReply.peekFront();
    // A MONITOR line is "<seconds>.<micros> [db addr] …"; anything else answers a command.
    return head === undefined || (/^\d+\.\d+ \[/.test(reply) && reply !== 'OK');
  }

  // ─── failure and close ────────────────────────────────────────────────────────────────

  #onProtocolFailure(socket: net.Socket | null, reason: string, cause?: unknown): void {
    if (socket === null || this.#socket !== socket) return;
    const error = new ProtocolError(this.#context(this.#awaitingReply.peekFront() ?? null, {
      partialReplyBytes: this.#reader?.partialReplyBytes() ?? 0,
    }), reason, cause);
    this.#emitError(error);
    this.#destroySocket({ reason: `protocol error (${reason})`, cause: error, kind: 'protocol' });
  }

  #destroySocket(cause: CloseCause): void {
    if (this.#closeCause === null) this.#closeCause = cause;
    const socket = this.#socket;
    if (socket === null) {
      if (this.#state === 'connecting') this.#afterSocketGone();
      return;
    }
    socket.destroy();
  }

  /**
   * The owner PID is not ours: this socket belongs to another process. Drop it with destroy()
   * (close(2) only: no FIN, no QUIT, nothing written), then reconnect or refuse per policy.
   */
  #onInherited(suspendOnly = false): void {
    const socket = this.#socket!;
    const inheritedContext = this.#context(null);
    debug('conn %d: socket owned by pid %d, current pid %d: dropping it', this.id, this.#ownerPid, inheritedContext.pid);
    socket.removeAllListeners();
    socket.on('error', () => {
      // The socket is no longer ours; errors from its teardown are expected and ignored.
    });
    socket.destroy();
    this.#socket = null;
    this.#reader = null;
    this.#connectTimer = stopTimer(this.#connectTimer);
    // Replies to commands written before the process boundary go to the other process.
    this.#failInFlight({ reason: 'connection inherited from another process', cause: undefined, kind: 'inherited' });
    this.#subscriberMode = false;
    this.#watching = false;
    this.#inMulti = false;
    this.#moveTo('inherited', suspendOnly ? 'startup snapshot' : `owner pid ${this.#ownerPid} is not current pid ${inheritedContext.pid}`);
    if (suspendOnly) return;
    this.emit('inherited', inheritedContext);
    if (this.#options.forkSafety === 'error') {
      this.#failQueued((command) => new InheritedConnectionError(this.#context(command, { ownerPid: inheritedContext.ownerPid })));
      return;
    }
    this.#dial();
  }

  #onSocketClosed(): void {
    this.#connectTimer = stopTimer(this.#connectTimer);
    const refusal = this.#state === 'handshaking' ? this.#handshakeErrorReply : null;
    const cause: CloseCause = this.#closeCause ?? (refusal === null
      ? { reason: 'connection closed by the server', cause: undefined, kind: 'server' }
      : { reason: `connection closed by the server after "${refusal}"`, cause: new ReplyError(refusal), kind: 'server' });
    this.#closeCause = cause;
    this.#failInFlight(cause);
    this.#trimOfflineQueue();
    this.#socket = null;
    this.#reader = null;
    this.#waitingForDrain = false;
    this.#subscriberMode = false;
    this.#watching = false;
    this.#inMulti = false;
    this.#afterSocketGone();
  }

  /**
   * At most once: a written command with no reply is re-sent only if it is read-only (or the user
   * opted into ioredis's re-send, or asked for disconnect(true) during a blocking command); every
   * other one fails with `mayHaveExecuted: true`.
   */
  #failInFlight(cause: CloseCause): void {
    const replies = this.#awaitingReply;
    // Replies held for an integrity check that never came are unproven: back in line, in order.
    const held = this.#heldReplies.splice(0);
    for (let i = held.length - 1; i >= 0; i--) replies.unshift(held[i]!.command);
    if (replies.length === 0 && this.#refusedForResend.length === 0) return;
    // Refused commands were answered before anything still in flight: they go first.
    const resend: Command[] = this.#refusedForResend.splice(0);
    const headReplyBytes = this.#reader?.partialReplyBytes() ?? 0;
    const inFlight = replies.length;
    const maxRetries = this.#options.maxRetriesPerRequest;
    for (let i = 0; replies.length > 0; i++) {
      const command = replies.shift()!;
      // Only the head command can have had bytes of its reply arrive.
      const partialReplyBytes = i === 0 ? headReplyBytes : 0;
      if (command.timer !== undefined && (command.isSettled || command.isInternal)) {
        command.timer = stopTimer(command.timer as TimerHandle);
      }
      if (command.isInternal) {
        command.reject(new Error(`handshake interrupted: ${cause.reason}`));
        continue;
      }
      if (command.isSettled) continue;
      const shouldResend = this.#shouldResend(command, cause);
      // Re-sends are bounded like any wait for a reconnect: a reply that is cut every time fails.
      const retriesLeft = maxRetries === null || maxRetries < 0 || command.reconnectsWaited < maxRetries;
      // And by the offline queue's limit: past it, a re-send fails as lost instead of waiting.
      const hasRoom = this.#awaitingWrite.length + resend.length < this.#options.offlineQueueLimit;
      if (shouldResend && retriesLeft && hasRoom) {
        this.#unanswered.set(command, partialReplyBytes);
        command.writtenAt = 0;
        resend.push(command);
        continue;
      }
      const context = this.#context(command, { cause: cause.cause, partialReplyBytes, mayHaveExecuted: true });
      context.inFlight = inFlight;
      if (command.timer !== undefined) command.timer = stopTimer(command.timer as TimerHandle);
      command.reject(shouldResend && !retriesLeft
        ? new MaxRetriesPerRequestError(context, maxRetries!)
        : new ConnectionLostError(context, shouldResend ? `${cause.reason}; not re-sent, the offline queue is full (${this.#options.offlineQueueLimit})` : cause.reason, cause.cause));
    }
    for (let i = resend.length - 1; i >= 0; i--) {
      resend[i]!.waitingIn = this.#writeQueueWatcher;
      this.#awaitingWrite.unshift(resend[i]!);
    }
    // A transaction cut in half: its unwritten rest must not run outside MULTI on the next socket.
    const queue = this.#awaitingWrite;
    while (queue.length > 0 && queue.peekFront()!.inTransaction && queue.peekFront()!.name !== 'multi') {
      const orphan = queue.shift()!;
      orphan.reject(new ConnectionLostError(this.#context(orphan, { cause: cause.cause }), `${cause.reason} (its transaction was cut)`, cause.cause));
    }
    if (resend.length > 0 && debug.enabled) debug('conn %d: %d unanswered commands will be re-sent', this.id, resend.length);
  }

  /**
   * Commands accepted while ready but not yet written (waiting for 'drain', or issued in the tick
   * the socket died) become the offline queue: it keeps its bound, the newest beyond it fail.
   */
  #trimOfflineQueue(): void {
    const queue = this.#awaitingWrite;
    const limit = this.#options.offlineQueueLimit;
    // A transaction goes whole or not at all: once a piece of one is cut, cut back to its MULTI.
    let inCutTransaction = false;
    while (queue.length > limit || inCutTransaction) {
      const command = queue.pop();
      if (command === undefined) break;
      inCutTransaction = command.inTransaction && command.name !== 'multi';
      if (command.isSettled) continue;
      if (command.timer !== undefined) command.timer = stopTimer(command.timer as TimerHandle);
      command.reject(new OfflineQueueFullError(this.#context(command), limit));
    }
  }

  #shouldResend(command: Command, cause: CloseCause): boolean {
    if (command.inTransaction || command.special === 'quit') return false;
    // Bytes that are not RESP: no reply on this socket can be trusted, and a server that sent them
    // once may again. Every command in flight fails with the cause (DESIGN: reply desync).
    if (cause.kind === 'protocol') return false;
    if (cause.kind === 'manual' && !this.#reconnectRequested) return false;
    if (cause.kind === 'inherited') return command.isReadOnly || this.#options.autoResendUnfulfilledCommands;
    if (this.#options.autoResendUnfulfilledCommands) return true;
    if (command.isReadOnly) return true;
    // disconnect(true) during BLPOP & co.: the worker wants its blocking call back, as with ioredis.
    return this.#reconnectRequested && command.isBlocking;
  }

  /** After a socket is gone (or never came): reconnect, or close for good. */
  #afterSocketGone(): void {
    const reason = this.#closeCause?.reason ?? 'connection closed';
    if (this.#state !== 'disconnected') this.#moveTo('disconnected', reason);
    if (this.#closeRequested) {
      this.#closeForGood(reason);
      return;
    }
    const reconnectRequested = this.#reconnectRequested;
    this.#reconnectRequested = false;
    const strategy = this.#options.retryStrategy;
    const attempt = ++this.#attempt;
    const delay = reconnectRequested ? 0 : strategy === null ? undefined : strategy(attempt);
    if (typeof delay !== 'number' || !Number.isFinite(delay)) {
      this.#closeForGood(`${reason}; retryStrategy gave up after ${attempt - 1} attempts`);
      return;
    }
    this.#moveTo('waitingToReconnect', reason, delay);
    this.#reconnectTimer = startTimer(() => {
      this.#reconnectTimer = undefined;
      if (this.#state === 'waitingToReconnect') this.#dial();
    }, delay);
    const max = this.#options.maxRetriesPerRequest;
    if (max !== null && max >= 0 && attempt % (max + 1) === 0) {
      this.#failQueued((command) => new MaxRetriesPerRequestError(this.#context(command, { cause: this.#closeCause?.cause }), max));
    } else {
      const queue = this.#awaitingWrite;
      for (let i = 0; i < queue.length; i++) queue.peekAt(i)!.reconnectsWaited += 1;
    }
  }

  #closeForGood(reason: string): void {
    this.#reconnectTimer = stopTimer(this.#reconnectTimer);
    if (this.#state !== 'closed') this.#moveTo('closed', reason);
    const cause = this.#closeCause?.cause;
    this.#failQueued((command) => new ConnectionClosedError(this.#context(command, { cause }), cause));
  }

  #failQueued(errorFor: (command: Command) => Error): void {
    const queue = this.#awaitingWrite;
    while (queue.length > 0) {
      const command = queue.shift()!;
      if (command.isSettled) continue;
      if (command.timer !== undefined) command.timer = stopTimer(command.timer as TimerHandle);
      command.reject(errorFor(command));
    }
  }

  #armCommandTimeout(command: Command): void {
    const timeout = this.#options.commandTimeout;
    if (timeout === null || command.isInternal || command.timer !== undefined) return;
    command.timer = startTimer(() => {
      command.timer = undefined;
      if (command.isSettled) return;
      // The command keeps its place in awaitingReply: its late reply is read and dropped.
      const isHead = this.#awaitingReply.peekFront() === command;
      // written/mayHaveExecuted from the context: a re-send waiting in the queue was written on an
      // earlier socket and may have run there (its partial reply bytes are remembered too).
      command.reject(new CommandTimeoutError(this.#context(command, {
        partialReplyBytes: isHead ? this.#reader?.partialReplyBytes() ?? 0 : undefined,
      })));
    }, timeout);
  }

  #emitError(error: Error): void {
    if (debug.enabled) debug('conn %d error: %s', this.id, error.message);
    this.emit('error', error);
  }

  #context(
    command: Command | null,
    extra: { cause?: unknown; partialReplyBytes?: number; mayHaveExecuted?: boolean; ownerPid?: number } = {},
  ): ErrorContext {
    // Waiting to be re-sent: it was written on an earlier socket, and may have run there.
    const lostReplyBytes = command !== null && command.writtenAt === 0 ? this.#unanswered.get(command) : undefined;
    const written = command !== null && (command.writtenAt > 0 || lostReplyBytes !== undefined);
    const causeError = extra.cause;
    let cause: ErrorCause | null = causeOf(causeError);
    if (causeError instanceof Error && 'context' in causeError) {
      const inner = (causeError as { context?: ErrorContext }).context;
      if (inner?.cause) cause = inner.cause;
    }
    return {
      endpoint: this.#endpointLabel,
      connectionId: this.id,
      serverClientId: this.#serverClientId,
      ownerPid: extra.ownerPid ?? this.#ownerPid,
      pid: this.#options.pidSource(),
      state: this.#state,
      command: command === null ? null : { name: command.name, args: summarizeArgs(command.name, command.args) },
      written,
      mayHaveExecuted: extra.mayHaveExecuted ?? written,
      elapsedMs: command === null ? (this.#dialStartedAt > 0 ? now() - this.#dialStartedAt : null) : now() - command.issuedAt,
      partialReplyBytes: extra.partialReplyBytes ?? lostReplyBytes ?? 0,
      inFlight: this.#awaitingReply.length,
      offlineQueued: this.#awaitingWrite.length,
      attempt: this.#attempt,
      cause,
    };
  }
}

function describeReply(reply: unknown): string {
  if (reply instanceof Error) return `error reply "${reply.message.slice(0, 60)}"`;
  if (typeof reply === 'string') return `"${reply.length > 60 ? `${reply.slice(0, 60)}…` : reply}"`;
  if (Array.isArray(reply)) return `an array of ${reply.length}`;
  return String(reply);
}

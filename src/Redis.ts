import { EventEmitter } from 'node:events';
import { Command, observe } from './commands/Command';
import { defineCommandMethods } from './commands/defineCommandMethods';
import { buildCommand, callByName, trailingCallback, withCallback, type BuildOptions, type NodeCallback } from './commands/buildCommand';
import { Connection, type ConnectionOptions, type PushMessage, type StateChange } from './connection/Connection';
import type { HandshakeSettings } from './connection/handshake';
import { ConnectionError } from './errors';
import { DEFAULT_POOL_OPTIONS, Pool, type PoolStats } from './pool/Pool';
import { currentScope, enterScope, type LeaseScope } from './pool/leaseScope';
import { isBuildingSnapshot, joinSnapshot } from './process/startupSnapshot';
import type { RedisStatus } from './connection/connectionState';
import type { Endpoint } from './connection/connectors/openSocket';
import type { RedisCommander } from './types/RedisCommander';
import type { Cluster as ClusterClass } from './cluster/Cluster';
import { debugLogger } from './util/debug';
import { parseConstructorArguments, resolveOptions, type RedisOptions, type ResolvedRedisOptions, type ScriptDefinition } from './options';
import { DefinedScripts } from './DefinedScripts';
import { Pipeline } from './Pipeline';
import { type Script, splitCallback } from './Script';
import { ScanStream, type ScanCommandName, type ScanStreamOptions } from './ScanStream';
import { AutoPipeline, shouldUseAutoPipelining } from './autoPipelining';
import { wrapMultiResult, type ExecResult } from './transaction';
import { SentinelConnector } from './sentinel/SentinelConnector';

const debug = debugLogger('redis');

/** ioredis's constructor forms. */
export type RedisConstructorArgs =
  | []
  | [options: RedisOptions]
  | [port: number]
  | [port: number, options: RedisOptions]
  | [port: number, host: string]
  | [port: number, host: string, options: RedisOptions]
  | [pathOrUrl: string]
  | [pathOrUrl: string, options: RedisOptions];

/** The ioredis event each state change is announced as. */
const eventOfState: Partial<Record<StateChange['state'], string>> = {
  connecting: 'connecting',
  handshaking: 'connect',
  ready: 'ready',
  disconnected: 'close',
  waitingToReconnect: 'reconnecting',
  closed: 'end',
};

/** Commands whose method this class defines itself. */
const ownMethods = new Set(['quit', 'monitor']);

/** Passed as the only constructor argument to build a view bound to one leased connection. */
const leaseBinding = Symbol('forksafe-redis.leaseBinding');
interface LeaseBinding {
  owner: Redis;
  connection: Connection;
}

/** What `client.stats()` reports. */
export interface ClientStats {
  status: RedisStatus;
  /** Commands written on the shared connection and awaiting replies. */
  inFlight: number;
  /** Commands waiting to be written on the shared connection. */
  queued: number;
  subscriber: { connected: boolean; channels: number; patterns: number; shardChannels: number };
  pool: PoolStats;
}

/** Errors that say the connection itself is unusable, not just the command. */
function isConnectionPoisoned(error: unknown): boolean {
  return error instanceof ConnectionError;
}

function endpointOf(options: ResolvedRedisOptions): Endpoint {
  if (options.path !== undefined) return { path: options.path };
  return { host: options.host, port: options.port, family: options.family };
}

/**
 * The client. Same constructor forms, options, status values, events and command methods as
 * ioredis; commands multiplex on one owned connection that rebuilds its handshake on every
 * socket and re-sends nothing that may have run.
 */
// The command methods are defined at run time (the static block below) from the command table;
// their signatures come from the generated RedisCommander interface, except for the methods this
// class writes itself (their own signatures, in the class body).
export interface Redis extends Omit<RedisCommander, 'multi' | 'exec' | 'execBuffer' | 'monitor' | 'quit' | 'call' | 'callBuffer'> {}
export class Redis extends EventEmitter {
  /** ioredis: `new Redis.Cluster(...)`; set by the package entry once Cluster exists. */
  static Cluster: typeof ClusterClass;
  static Command = Command;

  static createClient(...args: RedisConstructorArgs): Redis {
    return new Redis(...args);
  }

  readonly options: ResolvedRedisOptions;
  readonly isCluster = false as const;
  /** The shared connection: ordinary commands multiplex here. For a lease view, the leased one. */
  readonly #connection: Connection;
  /** Leases for blocking commands, WATCH flows and withConnection(); null for a lease view. */
  readonly #pool: Pool | null;
  /** Subscriptions live on their own connection, so ordinary commands keep working. */
  #subscriber: Connection | null = null;
  /** Sentinel mode: every connection asks the sentinels where to dial and follows failovers. */
  readonly #sentinel: SentinelConnector | null = null;
  /** keyPrefix as string and Buffer, made once: every command is built with it. */
  readonly #buildOptions: BuildOptions;
  /** What new connections are told: options first, then run-time AUTH/SELECT on the shared one. */
  #handshakeTemplate!: HandshakeSettings;
  #unhandledErrorReported = false;
  /** Pipeline class with this client's scripts as methods; rebuilt after defineCommand. */
  /** Scripts from defineCommand / the `scripts` option, by method name. */
  readonly #scripts = new DefinedScripts();
  readonly #autoPipeline: AutoPipeline | null = null;
  /** multi({ pipeline: false }) sent MULTI: commands until EXEC/DISCARD are part of it. */
  #isInManualTransaction = false;

  constructor(...args: RedisConstructorArgs) {
    super();
    const binding = (args[0] as { [leaseBinding]?: LeaseBinding } | undefined)?.[leaseBinding];
    if (binding !== undefined) {
      // A view over one leased connection: same methods, no pool, no events of its own.
      this.options = binding.owner.options;
      this.#buildOptions = binding.owner.#buildOptions;
      this.#connection = binding.connection;
      this.#pool = null;
      return;
    }
    this.options = resolveOptions(parseConstructorArguments(args));
    const options = this.options;
    this.#buildOptions = { keyPrefix: options.keyPrefix, keyPrefixBuffer: Buffer.from(options.keyPrefix) };
    this.#handshakeTemplate = {
      username: options.username,
      password: options.password,
      credentialsProvider: options.credentialsProvider,
      db: options.db,
      connectionName: options.connectionName,
      readOnly: options.readOnly,
      enableReadyCheck: options.enableReadyCheck,
      maxLoadingWaitMs: options.maxLoadingRetryTime,
    };
    if (options.sentinels !== null && options.sentinels !== undefined) {
      this.#sentinel = new SentinelConnector(options, (event, ...rest) => this.emit(event, ...rest));
    }
    this.#connection = this.#newConnection('shared');
    const pool = new Pool(() => this.#newConnection('lease'), { ...DEFAULT_POOL_OPTIONS, ...options.pool }, {
      pidSource: options.pidSource,
      endpoint: () => this.#connection.endpoint,
      expectedDb: () => this.#handshakeTemplate.db,
    });
    this.#pool = pool;
    pool.reserveExternal(1);
    pool.on('error', (error: Error) => this.#emitError(error));
    this.#connection.on('settings', (settings: HandshakeSettings) => {
      // Run-time AUTH and SELECT on the shared connection apply to connections opened later.
      this.#handshakeTemplate = {
        ...this.#handshakeTemplate,
        username: settings.username,
        password: settings.password,
        credentialsProvider: settings.credentialsProvider,
        db: settings.db,
      };
    });
    this.#connection.on('state', (change: StateChange) => {
      if (change.state === 'ready') pool.recordExternalDial('success');
    });
    if (isBuildingSnapshot()) joinSnapshot(this);
    this.#wireConnectionEvents(this.#connection);
    // A new socket may face a server that lost its script cache: send scripts' source again.
    this.#connection.on('ready', () => {
      for (const script of this.#scripts.all.values()) script.forgetLoaded();
    });
    if (options.enableAutoPipelining) this.#autoPipeline = new AutoPipeline((commands) => this.sendCommands(commands));
    if (options.scripts !== undefined) {
      for (const [name, definition] of Object.entries(options.scripts)) this.defineCommand(name, definition);
    }
    if (!options.lazyConnect) this.#connection.connect().catch(() => undefined);
  }

  #newConnection(role: 'shared' | 'lease' | 'subscriber'): Connection {
    const options = this.options;
    const connectionOptions: ConnectionOptions = {
      endpoint: endpointOf(options),
      tls: typeof options.tls === 'object' ? options.tls : null,
      connectTimeout: options.connectTimeout,
      commandTimeout: options.commandTimeout ?? null,
      socketTimeout: options.socketTimeout ?? null,
      keepAlive: options.keepAlive,
      noDelay: options.noDelay,
      retryStrategy: options.retryStrategy,
      reconnectOnError: options.reconnectOnError,
      maxRetriesPerRequest: options.maxRetriesPerRequest,
      enableOfflineQueue: options.enableOfflineQueue,
      offlineQueueLimit: options.offlineQueueLimit,
      autoResendUnfulfilledCommands: options.autoResendUnfulfilledCommands,
      autoResubscribe: options.autoResubscribe,
      stringNumbers: options.stringNumbers,
      maxReplyBytes: options.maxReplyBytes,
      pidSource: options.pidSource,
      forkSafety: options.forkSafety,
      integrity: options.integrity,
      monitor: role === 'shared' && options.monitor === true,
      handshake: { ...this.#handshakeTemplate },
    };
    if (role === 'lease') {
      // A lease that dies is discarded by the pool, which paces the next dial.
      connectionOptions.retryStrategy = null;
    }
    return this.#sentinel === null ? new Connection(connectionOptions) : this.#sentinel.newConnection(connectionOptions);
  }

  /** For startup snapshots: drop every socket without writing; the restored process re-dials. */
  suspendForSnapshot(): void {
    this.#connection.suspendForSnapshot();
    this.#subscriber?.suspendForSnapshot();
    for (const connection of this.#pool?.connections() ?? []) connection.suspendForSnapshot();
  }

  /** ioredis status: wait, connecting, connect, ready, close, reconnecting, end. */
  get status(): RedisStatus {
    return this.#connection.status;
  }

  /** 'subscriber' while channels are subscribed, 'monitor' in MONITOR mode, else 'normal'. */
  get mode(): 'normal' | 'subscriber' | 'monitor' {
    if (this.#connection.isMonitoring) return 'monitor';
    return this.#connection.isSubscriber || this.#subscriber?.isSubscriber === true ? 'subscriber' : 'normal';
  }

  /** Connections by role, leases, waiters, dials, breaker, inherited sockets dropped, commands in flight. */
  stats(): ClientStats {
    const subscriber = this.#subscriber;
    return {
      status: this.status,
      inFlight: this.#connection.inFlight,
      queued: this.#connection.queued,
      subscriber: {
        connected: subscriber !== null && subscriber.state === 'ready',
        channels: subscriber?.subscriptionsOf('subscribe').length ?? 0,
        patterns: subscriber?.subscriptionsOf('psubscribe').length ?? 0,
        shardChannels: subscriber?.subscriptionsOf('ssubscribe').length ?? 0,
      },
      pool: this.#pool === null ? emptyPoolStats(this.#connection.endpoint) : this.#pool.stats(),
    };
  }

  /**
   * Run `work` with a connection of its own (leased from the pool): WATCH, MULTI, SELECT, CLIENT
   * commands and blocking calls inside never meet another flow's commands. The lease goes back
   * when `work` settles (cleaned: UNWATCH/DISCARD; discarded if left subscribed or on another db).
   */
  async withConnection<T>(work: (connection: Redis) => Promise<T> | T): Promise<T> {
    const pool = this.#requirePool('withConnection');
    const connection = await pool.acquire();
    const view = new Redis({ [leaseBinding]: { owner: this, connection } } as unknown as RedisOptions);
    for (const [name, script] of this.#scripts.all) view.#scripts.add(name, script);
    let poisoned = false;
    try {
      return await work(view);
    } catch (error) {
      poisoned = isConnectionPoisoned(error);
      throw error;
    } finally {
      if (poisoned) pool.discard(connection, 'connection error during withConnection');
      else pool.release(connection);
    }
  }

  /**
   * Optimistic transaction on a leased connection: `work` WATCHes, reads and returns
   * `tx.multi()…exec()`'s result; a WATCH conflict (null) runs `work` again, up to `retries` times.
   */
  async transaction<T>(work: (tx: Redis) => Promise<T | null>, options: { retries?: number } = {}): Promise<T | null> {
    const retries = options.retries ?? 10;
    for (let attempt = 0; ; attempt++) {
      const result = await this.withConnection(work);
      if (result !== null || attempt >= retries) return result;
    }
  }

  #requirePool(what: string): Pool {
    if (this.#pool === null) throw new TypeError(`${what}() is not available on a leased connection view; call it on the client`);
    return this.#pool;
  }

  /** The connection's server-side `CLIENT ID`, once known. */
  get serverClientId(): number | null {
    return this.#connection.serverClientId;
  }

  connect(callback?: NodeCallback<void>): Promise<void> {
    return withCallback(this.#connection.connect(), callback);
  }

  /** Close now; with `reconnect: true`, dial again at once (blocking commands in flight are re-issued). */
  disconnect(reconnect = false): void {
    this.#connection.disconnect(reconnect);
    this.#subscriber?.disconnect(reconnect);
    const pool = this.#pool;
    if (pool === null) return;
    for (const connection of pool.connections()) connection.disconnect(reconnect);
    if (!reconnect) pool.close();
  }

  /** @deprecated ioredis alias of `disconnect()`. */
  end(): void {
    this.disconnect();
  }

  /** Send QUIT after everything queued; resolves 'OK' and the client ends. */
  quit(callback?: NodeCallback<'OK'>): Promise<'OK'> {
    const pool = this.#pool;
    if (pool !== null) {
      // Leases and the subscriber finish what they were sent, then close with the client.
      const quitQuietly = (connection: Connection): void => {
        const command = new Command('quit', []);
        command.promise.catch(() => undefined);
        void connection.send(command);
      };
      if (this.#subscriber !== null) quitQuietly(this.#subscriber);
      for (const connection of pool.connections()) quitQuietly(connection);
      pool.close();
    }
    return withCallback(this.#connection.send(new Command('quit', [])) as Promise<'OK'>, callback);
  }

  /** A new client with the same options (and `override` on top), connected independently. */
  duplicate(override: Partial<RedisOptions> = {}): Redis {
    return new Redis({ ...this.options, ...override });
  }

  /** ioredis: a new connection in MONITOR mode, emitting 'monitor' (time, args, source, database). */
  monitor(callback?: NodeCallback<Redis>): Promise<Redis> {
    const monitor = this.duplicate({ monitor: true, lazyConnect: false });
    const ready = new Promise<Redis>((resolve, reject) => {
      const onReady = (): void => {
        monitor.off('error', onError);
        resolve(monitor);
      };
      const onError = (error: Error): void => {
        monitor.off('ready', onReady);
        monitor.disconnect();
        reject(error);
      };
      monitor.once('ready', onReady);
      monitor.once('error', onError);
    });
    return withCallback(ready, callback);
  }

  /** Any command by name: `call('set', 'k', 'v')` or `call(['set', 'k', 'v'])`. */
  call(name: string | unknown[], ...args: unknown[]): Promise<unknown> {
    return callByName(name, args, false, (command, rest, asBuffers) => this.#issue(command, rest, asBuffers));
  }

  callBuffer(name: string | unknown[], ...args: unknown[]): Promise<unknown> {
    return callByName(name, args, true, (command, rest, asBuffers) => this.#issue(command, rest, asBuffers));
  }

  /** Send a prepared Command (ioredis `sendCommand`). */
  sendCommand(command: Command): Promise<unknown> {
    return this.#connection.send(command);
  }

  /**
   * Send a prepared Command the way a command method does: blocking commands on a lease, WATCH
   * flows on theirs, (un)subscribe on the subscriber connection. Cluster reaches its nodes here.
   * @internal
   */
  dispatch(command: Command): Promise<unknown> {
    return this.#dispatch(command);
  }

  /**
   * Send commands back to back on one connection (pipelines, transactions).
   * Each command's promise settles on its own.
   * @internal
   */
  sendCommands(commands: readonly Command[]): void {
    const pool = this.#pool;
    if (pool !== null) {
      let scope = currentScope(this);
      // A WATCH in a pipeline takes a lease bound to the flow, as watch() does: the shared
      // connection never holds a WATCH that another flow's EXEC would trip over.
      const watch = commands.find((command) => command.special === 'watch');
      if (watch !== undefined && (scope === undefined || !scope.confirmed)) scope = this.#enterNewScope(pool, watch);
      if (scope !== undefined) {
        for (const command of commands) this.#sendInScope(scope, command);
        return;
      }
    }
    const connection = this.#connection;
    for (const command of commands) connection.enqueue(command);
  }

  /** Commands queue and return the pipeline; `exec()` writes them at once and resolves `[[err, result], …]`. */
  pipeline(commands?: unknown[][]): Pipeline {
    const pipeline = new (this.#scripts.pipelineClass())(this);
    if (Array.isArray(commands)) pipeline.addBatch(commands);
    return pipeline;
  }

  /**
   * A transaction. By default a pipeline wrapped in MULTI … EXEC whose `exec()` resolves
   * `[[err, result], …]` (null after a WATCH conflict); `{ pipeline: false }` sends MULTI now.
   */
  multi(options: { pipeline: false }): Promise<'OK'>;
  multi(options?: { pipeline?: true }): Pipeline;
  multi(commands: unknown[][], options?: { pipeline?: boolean }): Pipeline;
  multi(commandsOrOptions?: unknown[][] | { pipeline?: boolean } | null, maybeOptions?: { pipeline?: boolean }): Pipeline | Promise<'OK'> {
    let commands: unknown[][] | null = null;
    let options = maybeOptions;
    if (Array.isArray(commandsOrOptions)) commands = commandsOrOptions;
    else if (options === undefined && commandsOrOptions !== null) options = commandsOrOptions;
    if (options?.pipeline === false) return this.#issue('multi', [], false) as Promise<'OK'>;
    const pipeline = new (this.#scripts.pipelineClass())(this, { transaction: true });
    if (commands !== null) pipeline.addBatch(commands);
    return pipeline;
  }

  /** MULTI sent now (ioredis `multiBuffer`). */
  multiBuffer(callback?: NodeCallback<Buffer>): Promise<Buffer> {
    return this.#issue('multi', callback === undefined ? [] : [callback], true) as Promise<Buffer>;
  }

  /** EXEC of a multi({ pipeline: false }): `[[err, result], …]`, or null after a WATCH conflict. */
  exec(callback?: NodeCallback<ExecResult | null>): Promise<ExecResult | null> {
    const wrapped = this.#issue('exec', [], false).then(wrapMultiResult);
    return withCallback(wrapped, callback);
  }

  /** EXEC, its reply as Redis sent it (an array of Buffers), as ioredis's `execBuffer`. */
  execBuffer(callback?: NodeCallback<unknown>): Promise<unknown> {
    return this.#issue('exec', callback === undefined ? [] : [callback], true);
  }

  /**
   * Define `name` and `nameBuffer` running a Lua script (EVALSHA, EVAL when the server lacks it).
   * Without `numberOfKeys` the caller passes the number of keys first.
   */
  defineCommand(name: string, definition: ScriptDefinition): void {
    this.#scripts.define(this, name, definition, (script, args, returnBuffers) => this.#runScript(script, args, returnBuffers));
  }

  /** Commands collected by enableAutoPipelining and not yet written. */
  get autoPipelineQueueSize(): number {
    return this.#autoPipeline?.queueSize ?? 0;
  }

  /** Every key, batch by batch, as an object-mode Readable (SCAN). */
  scanStream(options?: ScanStreamOptions): ScanStream {
    return this.#scanStream('scan', undefined, options);
  }

  scanBufferStream(options?: ScanStreamOptions): ScanStream {
    return this.#scanStream('scanBuffer', undefined, options);
  }

  /** Members of a set, batch by batch (SSCAN). */
  sscanStream(key: string | Buffer, options?: ScanStreamOptions): ScanStream {
    return this.#scanStream('sscan', key, options);
  }

  sscanBufferStream(key: string | Buffer, options?: ScanStreamOptions): ScanStream {
    return this.#scanStream('sscanBuffer', key, options);
  }

  /** Fields and values of a hash, batch by batch (HSCAN); `noValues` for fields only. */
  hscanStream(key: string | Buffer, options?: ScanStreamOptions): ScanStream {
    return this.#scanStream('hscan', key, options);
  }

  hscanBufferStream(key: string | Buffer, options?: ScanStreamOptions): ScanStream {
    return this.#scanStream('hscanBuffer', key, options);
  }

  /** Members and scores of a sorted set, batch by batch (ZSCAN). */
  zscanStream(key: string | Buffer, options?: ScanStreamOptions): ScanStream {
    return this.#scanStream('zscan', key, options);
  }

  zscanBufferStream(key: string | Buffer, options?: ScanStreamOptions): ScanStream {
    return this.#scanStream('zscanBuffer', key, options);
  }

  #scanStream(command: ScanCommandName, key: string | Buffer | undefined, options: ScanStreamOptions = {}): ScanStream {
    return new ScanStream({ ...options, redis: this, command, key });
  }

  #runScript(script: Script, rawArgs: unknown[], returnBuffers: boolean): Promise<unknown> {
    const { args, callback } = splitCallback(rawArgs);
    let promise: Promise<unknown>;
    try {
      const command = script.buildCall(args, returnBuffers, this.#buildOptions);
      promise = script.run(command, (next) => this.#dispatch(next));
    } catch (error) {
      promise = Promise.reject(error as Error);
    }
    return withCallback(promise, callback);
  }

  /** The one way a command method reaches the connection. */
  #issue(name: string, args: unknown[], returnBuffers: boolean): Promise<unknown> {
    const callback = trailingCallback(args);
    let command: Command;
    try {
      command = buildCommand(name, callback === undefined ? args : args.slice(0, -1), returnBuffers, this.#buildOptions);
    } catch (error) {
      return withCallback(Promise.reject(error as Error), callback);
    }
    const promise = this.#dispatch(command);
    return callback === undefined ? promise : withCallback(promise, callback);
  }

  /** To the connection, or into the automatic pipeline; marks the pieces of a multi({ pipeline: false }). */
  #dispatch(command: Command): Promise<unknown> {
    const special = command.special;
    if (special === 'multi') this.#isInManualTransaction = true;
    // With a pool, MULTI leases a connection for its async flow: only that flow's commands are in it.
    if (this.#isInManualTransaction && (special === 'multi' || this.#pool === null || currentScope(this) !== undefined)) {
      command.inTransaction = true;
      if (special === 'exec' || special === 'discard') this.#isInManualTransaction = false;
    }
    if (this.#pool !== null) {
      const routed = this.#route(this.#pool, command);
      if (routed !== undefined) return routed;
    }
    const autoPipeline = this.#autoPipeline;
    if (autoPipeline !== null && shouldUseAutoPipelining(command.name, this.options.autoPipeliningIgnoredCommands)) {
      return autoPipeline.enqueue(command);
    }
    return this.#connection.send(command);
  }

  /**
   * Commands that do not belong on the shared connection: anything in a flow holding a WATCH
   * lease; WATCH and MULTI themselves (they open one); blocking commands (a lease each);
   * (un)subscribe (the subscriber connection). Undefined for everything else.
   */
  #route(pool: Pool, command: Command): Promise<unknown> | undefined {
    const special = command.special;
    const scope = currentScope(this);
    // A WATCH issued before the flow's earlier WATCH was answered is another flow's (it started in
    // the same synchronous run): it gets a lease of its own.
    if (scope !== undefined && !(special === 'watch' && !scope.confirmed)) {
      this.#sendInScope(scope, command);
      return command.promise;
    }
    switch (special) {
      case undefined:
        return command.isBlocking ? this.#sendOnLease(pool, command) : undefined;
      case 'watch':
      case 'multi':
        return this.#openScope(pool, command);
      case 'subscribe':
      case 'psubscribe':
      case 'ssubscribe':
        return this.#subscriberConnection().send(command);
      case 'unsubscribe':
      case 'punsubscribe':
      case 'sunsubscribe':
        if (this.#subscriber === null) {
          command.resolve(0);
          return command.promise;
        }
        return this.#subscriber.send(command);
      default:
        return undefined;
    }
  }

  /** A blocking command gets a connection of its own, so it never holds up the shared one. */
  #sendOnLease(pool: Pool, command: Command): Promise<unknown> {
    let leased: Connection | null = null;
    // Given back as the reply settles, before the caller's continuation runs: a worker looping on
    // BLPOP finds its lease idle again instead of making the pool dial a second one.
    onSettled(command, (error) => {
      if (leased === null) return;
      if (error !== null && isConnectionPoisoned(error)) pool.discard(leased, 'connection error');
      else pool.release(leased);
    });
    pool.acquire(command).then(
      (connection) => {
        leased = connection;
        connection.enqueue(command);
      },
      (error: Error) => command.reject(error),
    );
    return command.promise;
  }

  /** WATCH (or MULTI sent on its own): lease a connection and bind it to this async flow. */
  #openScope(pool: Pool, command: Command): Promise<unknown> {
    this.#sendInScope(this.#enterNewScope(pool, command), command);
    return command.promise;
  }

  /** A lease bound to this async flow from now on; `opener` (WATCH, MULTI) confirms it, or ends it by failing. */
  #enterNewScope(pool: Pool, opener: Command): LeaseScope {
    const scope: LeaseScope = { owner: this, ready: pool.acquire(opener), connection: null, active: true, confirmed: false };
    enterScope(scope);
    scope.ready.then(
      (connection) => {
        scope.connection = connection;
      },
      () => {
        scope.active = false;
      },
    );
    onSettled(opener, (error) => {
      if (error === null) scope.confirmed = true;
      else this.#closeScope(scope);
    });
    return scope;
  }

  /** Pipelined commands (which listen without a promise) come here too: no promise is made. */
  #sendInScope(scope: LeaseScope, command: Command): void {
    const special = command.special;
    if (special === 'exec' || special === 'discard' || special === 'unwatch' || special === 'reset') {
      // The lease goes back as the reply settles, before the flow (or its pipeline) continues.
      onSettled(command, () => this.#closeScope(scope));
    }
    const connection = scope.connection;
    if (connection !== null) connection.enqueue(command);
    else scope.ready.then((leased) => leased.enqueue(command), (error: Error) => command.reject(error));
  }

  #closeScope(scope: LeaseScope): void {
    if (!scope.active) return;
    scope.active = false;
    const connection = scope.connection;
    if (connection !== null && this.#pool !== null) this.#pool.release(connection);
  }

  #subscriberConnection(): Connection {
    if (this.#subscriber !== null) return this.#subscriber;
    const subscriber = this.#newConnection('subscriber');
    this.#subscriber = subscriber;
    this.#pool?.reserveExternal(1);
    subscriber.on('error', (error: Error) => this.#emitError(error));
    subscriber.on('push', (push: PushMessage) => this.#emitPush(push));
    subscriber.on('state', (change: StateChange) => {
      if (change.state === 'closed' && this.#subscriber === subscriber) {
        this.#subscriber = null;
        this.#pool?.reserveExternal(-1);
      }
    });
    return subscriber;
  }

  #wireConnectionEvents(connection: Connection): void {
    connection.on('state', (change: StateChange) => {
      const event = eventOfState[change.state];
      if (event === undefined) return;
      if (change.state === 'ready') this.#unhandledErrorReported = false;
      // ioredis announces status changes on the next tick; listeners added right after a call see them.
      if (event === 'reconnecting') process.nextTick(() => this.emit(event, change.delay));
      else process.nextTick(() => this.emit(event));
    });
    connection.on('error', (error: Error) => this.#emitError(error));
    connection.on('select', (db: number) => this.emit('select', db));
    connection.on('push', (push: PushMessage) => this.#emitPush(push));
    connection.on('monitor', (line: string) => this.#emitMonitor(line));
  }

  /** An 'error' with no listener is printed once (until the next ready), never thrown. */
  #emitError(error: Error): void {
    if (this.listenerCount('error') > 0) {
      this.emit('error', error);
      return;
    }
    if (this.#unhandledErrorReported || this.status === 'end') return;
    this.#unhandledErrorReported = true;
    console.error('[forksafe-redis] Unhandled error event (add an "error" listener to handle it):', error.stack ?? error.message);
  }

  #emitPush(push: PushMessage): void {
    const message = push.message ?? Buffer.alloc(0);
    switch (push.kind) {
      case 'message':
        if (this.listenerCount('message') > 0) this.emit('message', push.channel.toString(), message.toString());
        this.emit('messageBuffer', push.channel, message);
        break;
      case 'smessage':
        if (this.listenerCount('smessage') > 0) this.emit('smessage', push.channel.toString(), message.toString());
        this.emit('smessageBuffer', push.channel, message);
        break;
      case 'pmessage': {
        const pattern = String(push.pattern);
        if (this.listenerCount('pmessage') > 0) this.emit('pmessage', pattern, push.channel.toString(), message.toString());
        this.emit('pmessageBuffer', pattern, push.channel, message);
        break;
      }
    }
  }

  #emitMonitor(line: string): void {
    const parsed = parseMonitorLine(line);
    if (parsed === null) {
      debug('unparsable MONITOR line of %d chars', line.length);
      return;
    }
    this.emit('monitor', parsed.time, parsed.args, parsed.source, parsed.database);
  }

  static {
    defineCommandMethods(
      Redis.prototype,
      (name, returnBuffers) =>
        function (this: Redis, ...args: unknown[]) {
          return this.#issue(name, args, returnBuffers);
        },
      ownMethods,
    );
  }
}

/** Run `then` as `command` settles, before its promise's or its pipeline's listeners hear of it. */
function onSettled(command: Command, then: (error: Error | null) => void): void {
  const notify = command.observer;
  const slot = command.slot;
  observe(command, (error, reply) => {
    then(error);
    notify?.onCommandSettled(slot, error, reply);
  });
}

/** An own data property holding a non-function, or a getter/setter anywhere up the prototype chain. */
/** `1339518083.107412 [0 127.0.0.1:60866] "keys" "*"` -> its parts. */
export function parseMonitorLine(line: string): { time: string; args: string[]; source: string; database: string } | null {
  const match = /^(\d+\.\d+) \[(\d+) ([^\]]*)\] (.*)$/s.exec(line);
  if (match === null) return null;
  const args: string[] = [];
  const quoted = /"((?:[^"\\]|\\.)*)"/g;
  let part: RegExpExecArray | null;
  while ((part = quoted.exec(match[4]!)) !== null) {
    args.push(part[1]!.replace(/\\(x[0-9a-fA-F]{2}|.)/g, (_, escape: string) => {
      if (escape.startsWith('x') && escape.length === 3) return String.fromCharCode(parseInt(escape.slice(1), 16));
      return ({ n: '\n', r: '\r', t: '\t', a: '\x07', b: '\b' } as Record<string, string>)[escape] ?? escape;
    }));
  }
  return { time: match[1]!, database: match[2]!, source: match[3]!, args };
}

function emptyPoolStats(endpoint: string): PoolStats {
  return {
    endpoint, total: 1, idle: 0, leased: 1, waiting: 0, dialing: 0, breaker: 'closed', lastDialError: null,
    dials: 0, dialFailures: 0, breakerOpens: 0, inheritedDropped: 0, discarded: 0, leasesGranted: 0, leaseTimeouts: 0,
  };
}

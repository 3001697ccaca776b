import { EventEmitter } from 'node:events';
import { isIP } from 'node:net';
import Denque = require('denque');
import { Command } from '../commands/Command';
import { defineCommandMethods } from '../commands/defineCommandMethods';
import { buildCommand, callByName, trailingCallback, withCallback, type BuildOptions, type NodeCallback } from '../commands/buildCommand';
import { defaultRetryStrategy } from '../connection/Connection';
import {
  ClusterUnavailableError,
  CrossSlotError,
  RedisError,
} from '../errors';
import type { ScriptDefinition } from '../options';
import { Pipeline } from '../Pipeline';
import { Redis } from '../Redis';
import { ScanStream, type ScanCommandName, type ScanStreamOptions } from '../ScanStream';
import { type Script, splitCallback } from '../Script';
import { DefinedScripts } from '../DefinedScripts';
import { AutoPipeline, shouldUseAutoPipelining } from '../autoPipelining';
import type { RedisCommander } from '../types/RedisCommander';
import { debugLogger } from '../util/debug';
import { startTimer, stopTimer, type TimerHandle } from '../util/timers';
import {
  natMapperOf,
  normalizeStartupNodes,
  resolveClusterOptions,
  type ClusterNodeSpec,
  type ClusterOptions,
  type ResolvedClusterOptions,
} from './clusterOptions';
import { ClusterRouter, newWork, type NodeBatch, type RouterStats, type Work } from './ClusterRouter';
import { ClusterSubscriber } from './ClusterSubscriber';
import { NodePools, type NodeRole } from './NodePools';
import { SlotsRefresher } from './SlotsRefresher';
import { slotsOf, SLOT_COUNT, type NodeAddress } from './slotMap';

const debug = debugLogger('cluster');

/** ioredis's cluster status values; each change is also emitted as an event of that name. */
export type ClusterStatus = 'wait' | 'connecting' | 'connect' | 'ready' | 'disconnecting' | 'close' | 'reconnecting' | 'end';

/** The server's text for keys in different slots (and what ioredis users see for it). */
const CROSSSLOT_MESSAGE = "CROSSSLOT Keys in request don't hash to the same slot";
/** ioredis's text for a transaction whose keys live on different nodes. */
const CROSS_NODE_TRANSACTION_MESSAGE = 'All keys in the pipeline should belong to the same slots allocation group';

/** Refresh starts are at least this far apart, however many MOVED replies or failures ask for one. */
const MIN_REFRESH_INTERVAL_MS = 100;

/** Commands this class defines itself, or that make no sense on a cluster connection. */
const ownMethods = new Set(['quit', 'monitor']);

/** What `cluster.stats()` reports. */
export interface ClusterStats extends RouterStats {
  status: ClusterStatus;
  masters: number;
  replicas: number;
  /** Slots without a known owner. */
  unmappedSlots: number;
  /** Topology refreshes run, and triggers that joined a pending one instead of starting another. */
  refreshes: number;
  refreshesCoalesced: number;
  /** Commands waiting for the cluster to be ready, and retries waiting out a delay. */
  offlineQueued: number;
  delayedRetries: number;
}

function noop(): void {}

// The command methods are defined at run time (the static block below) from the command table;
// their signatures come from the generated RedisCommander interface, except for the methods this
// class writes itself.
export interface Cluster extends Omit<RedisCommander, 'multi' | 'multiBuffer' | 'exec' | 'execBuffer' | 'monitor' | 'monitorBuffer' | 'quit' | 'quitBuffer' | 'call' | 'callBuffer'> {}

/**
 * Redis Cluster client, with ioredis's constructor, options, status values, events and command
 * methods. Keys are hashed to slots; each slot's node is known from CLUSTER SLOTS; each node is a
 * standalone client (pools, leases, owner-PID checks). MOVED, ASK, TRYAGAIN, CLUSTERDOWN and node
 * failures are followed up to `maxRedirections` times, and a command that may have run is never
 * sent again unless it is read-only.
 */
export class Cluster extends EventEmitter {
  static Command = Command;

  readonly options: ResolvedClusterOptions;
  readonly isCluster = true as const;
  readonly startupNodes: readonly ClusterNodeSpec[];
  readonly #inputOptions: ClusterOptions;
  #status: ClusterStatus = 'wait';
  readonly #nodes: NodePools;
  readonly #router: ClusterRouter;
  readonly #refresher: SlotsRefresher;
  readonly #subscriber: ClusterSubscriber;
  /** Work waiting for the cluster to be ready. */
  readonly #offline = new Denque<Work>();
  readonly #scripts = new DefinedScripts();
  readonly #buildOptions: BuildOptions;
  readonly #autoPipeline: AutoPipeline | null = null;
  /** Every connect() gets a number; a late answer to an older one is ignored. */
  #epoch = 0;
  #retryAttempts = 0;
  #isManuallyClosing = false;
  #reconnectTimer: TimerHandle | undefined;
  #refreshTimer: TimerHandle | undefined;
  #unhandledErrorReported = false;
  /** The node that answered the last CLUSTER SLOTS (the ready check asks it CLUSTER INFO). */
  #lastRefreshedFrom: string | null = null;

  constructor(startupNodes: readonly ClusterNodeSpec[], options: ClusterOptions = {}) {
    super();
    this.startupNodes = startupNodes;
    this.#inputOptions = options;
    this.options = resolveClusterOptions(options);
    this.#buildOptions = { keyPrefix: this.options.keyPrefix, keyPrefixBuffer: Buffer.from(this.options.keyPrefix) };
    const mapAddress = natMapperOf(this.options.natMap);
    this.#nodes = new NodePools((address, role) => this.#createNode(address, role));
    this.#router = new ClusterRouter(
      {
        options: this.options,
        resubmit: (work) => this.#submit(work),
        refresh: () => this.#refresher.refresh(),
        emit: (event, ...args) => this.emit(event, ...args),
      },
      this.#nodes,
      mapAddress,
    );
    this.#refresher = new SlotsRefresher(() => this.#fetchSlots(), MIN_REFRESH_INTERVAL_MS);
    this.#subscriber = new ClusterSubscriber(
      this.#nodes,
      (address) => this.#createSubscriberClient(address),
      (event, ...args) => this.emit(event, ...args),
      (event) => this.listenerCount(event) > 0,
      () => {
        if (this.#status === 'ready') this.#refresher.refresh().catch(noop);
      },
    );
    this.#nodes.on('+node', (redis: Redis, key: string) => {
      this.#subscriber.watchNode(redis);
      this.emit('+node', redis, key);
    });
    this.#nodes.on('-node', (redis: Redis, key: string) => this.emit('-node', redis, key));
    this.#nodes.on('node error', (error: Error, key: string) => this.emit('node error', error, key));
    if (this.options.enableAutoPipelining) this.#autoPipeline = new AutoPipeline((commands) => this.sendCommands(commands));
    if (this.options.scripts !== undefined) {
      for (const [name, definition] of Object.entries(this.options.scripts)) this.defineCommand(name, definition);
    }
    if (this.options.lazyConnect) this.#setStatus('wait');
    else this.connect().catch((error: unknown) => debug('connect failed: %s', (error as Error).message));
  }

  /** ioredis status: wait, connecting, connect, ready, disconnecting, close, reconnecting, end. */
  get status(): ClusterStatus {
    return this.#status;
  }

  /** Counts of what the cluster did besides sending: redirections followed, refreshes, queues. */
  stats(): ClusterStats {
    return {
      status: this.#status,
      masters: this.#nodes.keys('master').length,
      replicas: this.#nodes.keys('slave').length,
      unmappedSlots: this.#router.slots.isEmpty ? SLOT_COUNT : this.#router.slots.countUnmapped(),
      refreshes: this.#refresher.runs,
      refreshesCoalesced: this.#refresher.coalesced,
      offlineQueued: this.#offline.length,
      delayedRetries: this.#router.delayedCount,
      ...this.#router.stats,
    };
  }

  // ─── lifecycle ─────────────────────────────────────────────────────────────────────────────

  /** Learn the slot map from the startup nodes; resolves once the cluster is ready. */
  connect(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const status = this.#status;
      if (status === 'connecting' || status === 'connect' || status === 'ready') {
        reject(new Error('Redis is already connecting/connected'));
        return;
      }
      const epoch = ++this.#epoch;
      this.#isManuallyClosing = false;
      this.#setStatus('connecting');
      this.#refresher.start();
      this.#connectOnce(epoch).then(resolve, reject);
    });
  }

  async #connectOnce(epoch: number): Promise<void> {
    let addresses: NodeAddress[];
    try {
      addresses = await this.#resolveStartupNodes();
    } catch (error) {
      if (epoch === this.#epoch) this.#closed(error as Error);
      throw error;
    }
    if (epoch !== this.#epoch || this.#status !== 'connecting') throw new RedisError('Connection is aborted');
    this.#nodes.reset(addresses.map((address) => ({ address, role: 'master' as const })));
    let readyCheckNode: string;
    try {
      await this.#refresher.refresh();
      readyCheckNode = this.#lastRefreshedFrom ?? this.#nodes.keys('master')[0] ?? '';
    } catch (error) {
      if (epoch !== this.#epoch) throw new RedisError('Connection is aborted');
      this.#emitError(error as Error);
      void this.#nodes.closeAll('disconnect');
      this.#closed(error as Error);
      throw new ClusterUnavailableError('None of startup nodes is available', 'ERR_CLUSTER_NO_STARTUP_NODE', error);
    }
    if (epoch !== this.#epoch || this.#status !== 'connecting') throw new RedisError('Connection is aborted');
    this.#setStatus('connect');
    if (this.options.enableReadyCheck) {
      const problem = await this.#readyCheck(readyCheckNode);
      if (epoch !== this.#epoch || !this.#isStatus('connect')) throw new RedisError('Connection is aborted');
      if (problem !== null) {
        debug('ready check failed (%s); reconnecting', problem.message);
        void this.#nodes.closeAll('disconnect');
        this.#closed(problem);
        throw problem;
      }
    }
    this.#setStatus('ready');
    this.#unhandledErrorReported = false;
    this.#retryAttempts = 0;
    this.#flushOffline();
    this.#subscriber.restart();
    this.#scheduleRefreshInterval();
  }

  /** CLUSTER INFO on one node: an error, or null when cluster_state is not 'fail'. */
  async #readyCheck(nodeKey: string): Promise<Error | null> {
    const node = this.#nodes.get(nodeKey) ?? this.#nodes.sample('master');
    if (node === undefined) return new RedisError('no node for the ready check');
    try {
      const info = await node.cluster('INFO');
      const state = /cluster_state:(\w+)/.exec(String(info))?.[1];
      return state === 'fail' ? new RedisError(`cluster_state:fail on ${nodeKey}`) : null;
    } catch (error) {
      return error as Error;
    }
  }

  async #resolveStartupNodes(): Promise<NodeAddress[]> {
    const nodes = normalizeStartupNodes(this.startupNodes);
    const lookup = this.options.dnsLookup;
    return Promise.all(nodes.map((node) => {
      if (isIP(node.host) !== 0) return node;
      return new Promise<NodeAddress>((resolve, reject) => {
        lookup(node.host, (error, address) => {
          if (error !== null) reject(error);
          else resolve({ host: address, port: node.port });
        });
      });
    }));
  }

  async #fetchSlots(): Promise<void> {
    const { from } = await this.#router.fetchSlots(() => this.#status === 'end' || this.#status === 'disconnecting' || this.#status === 'close');
    this.#lastRefreshedFrom = from;
    this.emit('refresh');
    this.#subscriber.followShards(this.#router.slots, (channel) => {
      this.#execute(new Command('ssubscribe', [channel])).catch((error: Error) => this.emit('node error', error, null));
    });
  }

  /**
   * Refresh the slot map now (coalesced with any refresh already pending; starts are paced).
   * The callback form is ioredis's.
   */
  refreshSlotsCache(callback?: (error?: Error) => void): Promise<void> {
    const refreshed = this.#refresher.refresh();
    if (callback !== undefined) refreshed.then(() => callback(), (error: Error) => callback(error));
    return refreshed;
  }

  #scheduleRefreshInterval(): void {
    const interval = this.options.slotsRefreshInterval;
    if (interval === undefined || interval <= 0 || this.#refreshTimer !== undefined) return;
    this.#refreshTimer = startTimer(() => {
      this.#refreshTimer = undefined;
      if (this.#status !== 'ready') return;
      const next = (): void => this.#scheduleRefreshInterval();
      this.#refresher.refresh().then(next, next);
    }, interval);
  }

  /** Read through a call: TypeScript would keep a narrowing of the field across awaits. */
  #isStatus(status: ClusterStatus): boolean {
    return this.#status === status;
  }

  #setStatus(status: ClusterStatus): void {
    debug('status: %s -> %s', this.#status, status);
    this.#status = status;
    // ioredis announces status changes on the next tick.
    process.nextTick(() => this.emit(status));
  }

  /** The cluster lost its connection (or never got one): reconnect per clusterRetryStrategy, or end. */
  #closed(reason?: Error): void {
    this.#refreshTimer = stopTimer(this.#refreshTimer);
    this.#setStatus('close');
    let delay: unknown;
    const strategy = this.options.clusterRetryStrategy;
    if (!this.#isManuallyClosing && typeof strategy === 'function') delay = strategy.call(this, ++this.#retryAttempts, reason);
    if (typeof delay === 'number' && Number.isFinite(delay)) {
      this.#setStatus('reconnecting');
      this.#reconnectTimer = startTimer(() => {
        this.#reconnectTimer = undefined;
        this.connect().catch((error: unknown) => debug('reconnect failed: %s', (error as Error).message));
      }, delay);
      return;
    }
    this.#setStatus('end');
    this.#failOffline(new ClusterUnavailableError('None of startup nodes is available', 'ERR_CLUSTER_NO_STARTUP_NODE', reason));
    this.#router.flushDelayed();
  }

  #stopBackground(forgetSubscriptions: boolean): void {
    this.#refreshTimer = stopTimer(this.#refreshTimer);
    this.#subscriber.stop(forgetSubscriptions);
    this.#refresher.stop();
    this.#epoch += 1;
  }

  /** Close every node now; with `reconnect: true`, connect again (per clusterRetryStrategy). */
  disconnect(reconnect = false): void {
    const status = this.#status;
    if (status === 'end' && !reconnect) return;
    this.#setStatus('disconnecting');
    if (!reconnect) {
      this.#isManuallyClosing = true;
      this.#reconnectTimer = stopTimer(this.#reconnectTimer);
    }
    this.#stopBackground(!reconnect);
    if (status !== 'wait') void this.#nodes.closeAll('disconnect');
    this.#closed();
  }

  /** Let every node answer what it was sent, then close; resolves 'OK'. */
  quit(callback?: NodeCallback<'OK'>): Promise<'OK'> {
    const status = this.#status;
    if (status === 'end') return withCallback(Promise.resolve('OK' as const), callback);
    this.#setStatus('disconnecting');
    this.#isManuallyClosing = true;
    this.#reconnectTimer = stopTimer(this.#reconnectTimer);
    this.#stopBackground(true);
    if (status === 'wait') {
      setImmediate(() => this.#closed());
      return withCallback(Promise.resolve('OK' as const), callback);
    }
    const done = this.#nodes.closeAll('quit').then(() => {
      this.#closed();
      return 'OK' as const;
    });
    return withCallback(done, callback);
  }

  /** A new Cluster with the same startup nodes and options (and the overrides on top). */
  duplicate(overrideStartupNodes: readonly ClusterNodeSpec[] = [], overrideOptions: ClusterOptions = {}): Cluster {
    const startupNodes = overrideStartupNodes.length > 0 ? overrideStartupNodes : this.startupNodes.slice();
    const options: ClusterOptions = { ...this.#inputOptions, ...overrideOptions };
    if (this.#inputOptions.redisOptions !== undefined && overrideOptions.redisOptions !== undefined) {
      options.redisOptions = { ...this.#inputOptions.redisOptions, ...overrideOptions.redisOptions };
    }
    return new Cluster(startupNodes, options);
  }

  /** The node clients of a role: each is a standalone client (`node.scanStream()` works). */
  nodes(role: NodeRole | 'all' = 'all'): Redis[] {
    if (role !== 'all' && role !== 'master' && role !== 'slave') {
      throw new Error(`Invalid role "${String(role)}". Expected "all", "master" or "slave"`);
    }
    return this.#nodes.nodes(role);
  }

  #createNode(address: NodeAddress, role: NodeRole): Redis {
    return new Redis({
      ...this.options.redisOptions,
      host: address.host,
      port: address.port,
      readOnly: role === 'slave',
      // Nodes connect on first use; a replica nobody reads from never opens a socket.
      lazyConnect: true,
      enableOfflineQueue: true,
      // A node that loses its connection fails its queued commands at once; the cluster decides
      // where they go next (a refreshed map may name another node).
      maxRetriesPerRequest: 0,
      retryStrategy: this.options.clusterNodeRetryStrategy ?? defaultRetryStrategy,
      keyPrefix: '',
      db: 0,
      enableAutoPipelining: false,
      scripts: undefined,
    });
  }

  #createSubscriberClient(address: NodeAddress): Redis {
    return new Redis({
      ...this.options.redisOptions,
      host: address.host,
      port: address.port,
      readOnly: false,
      lazyConnect: true,
      keyPrefix: '',
      db: 0,
      enableAutoPipelining: false,
      scripts: undefined,
    });
  }

  /** An 'error' with no listener is printed once (until the next ready), never thrown. */
  #emitError(error: Error): void {
    if (this.listenerCount('error') > 0) {
      this.emit('error', error);
      return;
    }
    if (this.#unhandledErrorReported || this.#status === 'end') return;
    this.#unhandledErrorReported = true;
    console.error('[forksafe-redis] Unhandled error event (add an "error" listener to handle it):', error.stack ?? error.message);
  }

  // ─── commands ──────────────────────────────────────────────────────────────────────────────

  /** Any command by name: `call('set', 'k', 'v')` or `call(['set', 'k', 'v'])`. */
  call(name: string | unknown[], ...args: unknown[]): Promise<unknown> {
    return callByName(name, args, false, (command, rest, asBuffers) => this.#issue(command, rest, asBuffers));
  }

  callBuffer(name: string | unknown[], ...args: unknown[]): Promise<unknown> {
    return callByName(name, args, true, (command, rest, asBuffers) => this.#issue(command, rest, asBuffers));
  }

  /** Send a prepared Command (ioredis `sendCommand`): routed by its keys like any method call. */
  sendCommand(command: Command): Promise<unknown> {
    return this.#execute(command);
  }

  /**
   * Route many commands at once (pipelines, auto-pipelining): one write per node. A MULTI … EXEC
   * group goes to one node as a whole. Each command settles on its own.
   * @internal
   */
  sendCommands(commands: readonly Command[]): void {
    const batch: NodeBatch = new Map();
    for (let i = 0; i < commands.length; i++) {
      const command = commands[i]!;
      if (command.inTransaction && command.name === 'multi') {
        let end = i;
        while (end < commands.length - 1 && commands[end]!.name !== 'exec') end += 1;
        this.#routeTransaction(commands.slice(i, end + 1), batch);
        i = end;
        continue;
      }
      this.#route(command, batch);
    }
    for (const [redis, queued] of batch) redis.sendCommands(queued);
  }

  /** Commands queue and return the pipeline; `exec()` sends them, split by node, results in call order. */
  pipeline(commands?: unknown[][]): Pipeline {
    const pipeline = new (this.#scripts.pipelineClass())(this as unknown as Redis);
    if (Array.isArray(commands)) pipeline.addBatch(commands);
    return pipeline;
  }

  /**
   * A transaction (MULTI … EXEC as a pipeline): every key in it must hash to one slot. With
   * `{ pipeline: false }` ioredis sends MULTI to some node; that cannot work on a cluster and is
   * refused here.
   */
  multi(options?: { pipeline?: true }): Pipeline;
  multi(commands: unknown[][], options?: { pipeline?: boolean }): Pipeline;
  multi(commandsOrOptions?: unknown[][] | { pipeline?: boolean } | null, maybeOptions?: { pipeline?: boolean }): Pipeline {
    let commands: unknown[][] | null = null;
    let options = maybeOptions;
    if (Array.isArray(commandsOrOptions)) commands = commandsOrOptions;
    else if (options === undefined && commandsOrOptions !== null) options = commandsOrOptions;
    if (options?.pipeline === false) {
      throw new TypeError('multi({ pipeline: false }) is not supported by Cluster: use cluster.multi()…exec(), whose keys must share one slot');
    }
    const pipeline = new (this.#scripts.pipelineClass())(this as unknown as Redis, { transaction: true });
    if (commands !== null) pipeline.addBatch(commands);
    return pipeline;
  }

  /**
   * Define `name` and `nameBuffer` running a Lua script (EVALSHA, EVAL when the node lacks it).
   * Without `numberOfKeys` the caller passes the number of keys first. Keys must share a slot.
   */
  defineCommand(name: string, definition: ScriptDefinition): void {
    this.#scripts.define(this, name, definition, (script, args, returnBuffers) => this.#runScript(script, args, returnBuffers));
  }

  /** Commands collected by enableAutoPipelining and not yet written. */
  get autoPipelineQueueSize(): number {
    return this.#autoPipeline?.queueSize ?? 0;
  }

  /** Members of a set, batch by batch (SSCAN on the key's node). For SCAN, use `node.scanStream()` per master. */
  sscanStream(key: string | Buffer, options?: ScanStreamOptions): ScanStream {
    return this.#scanStream('sscan', key, options);
  }

  sscanBufferStream(key: string | Buffer, options?: ScanStreamOptions): ScanStream {
    return this.#scanStream('sscanBuffer', key, options);
  }

  hscanStream(key: string | Buffer, options?: ScanStreamOptions): ScanStream {
    return this.#scanStream('hscan', key, options);
  }

  hscanBufferStream(key: string | Buffer, options?: ScanStreamOptions): ScanStream {
    return this.#scanStream('hscanBuffer', key, options);
  }

  zscanStream(key: string | Buffer, options?: ScanStreamOptions): ScanStream {
    return this.#scanStream('zscan', key, options);
  }

  zscanBufferStream(key: string | Buffer, options?: ScanStreamOptions): ScanStream {
    return this.#scanStream('zscanBuffer', key, options);
  }

  #scanStream(command: ScanCommandName, key: string | Buffer, options: ScanStreamOptions = {}): ScanStream {
    return new ScanStream({ ...options, redis: this, command, key });
  }

  #runScript(script: Script, rawArgs: unknown[], returnBuffers: boolean): Promise<unknown> {
    const { args, callback } = splitCallback(rawArgs);
    let promise: Promise<unknown>;
    try {
      const command = script.buildCall(args, returnBuffers, this.#buildOptions);
      promise = script.run(command, (next) => this.#execute(next));
    } catch (error) {
      promise = Promise.reject(error as Error);
    }
    return withCallback(promise, callback);
  }

  /** The one way a command method reaches the router. */
  #issue(name: string, args: unknown[], returnBuffers: boolean): Promise<unknown> {
    if (name === 'quit') return this.quit(typeof args[args.length - 1] === 'function' ? (args[args.length - 1] as NodeCallback<'OK'>) : undefined);
    const callback = trailingCallback(args);
    let command: Command;
    try {
      command = buildCommand(name, callback === undefined ? args : args.slice(0, -1), returnBuffers, this.#buildOptions);
    } catch (error) {
      return withCallback(Promise.reject(error as Error), callback);
    }
    const promise = this.#execute(command);
    return callback === undefined ? promise : withCallback(promise, callback);
  }

  #execute(command: Command): Promise<unknown> {
    const autoPipeline = this.#autoPipeline;
    if (autoPipeline !== null && command.special === undefined && shouldUseAutoPipelining(command.name, this.options.autoPipeliningIgnoredCommands)) {
      return autoPipeline.enqueue(command);
    }
    const promise = command.promise;
    this.#route(command, undefined);
    return promise;
  }

  /** One command (not part of a transaction) to its node; never asks for its promise. */
  #route(command: Command, batch: NodeBatch | undefined): void {
    switch (command.special) {
      case 'subscribe':
      case 'psubscribe':
      case 'unsubscribe':
      case 'punsubscribe':
        this.#whenReady().then(
          () => void this.#subscriber.send(command).catch(noop),
          (error: Error) => command.reject(error),
        );
        return;
      case 'sunsubscribe':
        this.#unsubscribeShards(command);
        return;
      case 'multi':
      case 'exec':
      case 'discard':
        command.reject(new TypeError(`${command.name.toUpperCase()} on its own is not supported by Cluster: use cluster.multi()…exec(), whose keys must share one slot`));
        return;
      case 'monitor':
        command.reject(new TypeError('MONITOR is not supported by Cluster: call monitor() on a node from cluster.nodes()'));
        return;
      default:
        break;
    }
    const slots = slotsOf(command);
    if (slots.length > 1) {
      command.reject(new CrossSlotError(CROSSSLOT_MESSAGE, slots));
      return;
    }
    const work = newWork([command], false, slots.length === 1 ? slots[0]! : null);
    if (command.special === 'ssubscribe') {
      command.promise.then(() => {
        if (work.route.node !== null) this.#subscriber.rememberShard(command.args, work.route.node);
      }, noop);
    }
    this.#submit(work, batch);
  }

  /** MULTI … EXEC: one slot for all of its keys, or nothing is sent. */
  #routeTransaction(commands: Command[], batch: NodeBatch): void {
    const slots: number[] = [];
    for (const command of commands) {
      for (const slot of slotsOf(command)) if (!slots.includes(slot)) slots.push(slot);
    }
    if (slots.length > 1) {
      if (this.#router.slots.isEmpty && this.#status !== 'end') {
        // Which message applies depends on the slot owners: decide once the map is known.
        this.#whenReady().then(() => this.#routeTransaction(commands, new Map()), (error: Error) => {
          for (const command of commands) command.reject(error);
        });
        return;
      }
      const masters = new Set(slots.map((slot) => this.#router.slots.masterOf(slot) ?? `unknown:${slot}`));
      const message = masters.size > 1 ? CROSS_NODE_TRANSACTION_MESSAGE : CROSSSLOT_MESSAGE;
      // One error per command: EXEC's error lists the others as previousErrors.
      for (const command of commands) command.reject(new CrossSlotError(message, slots));
      return;
    }
    this.#submit(newWork(commands, true, slots.length === 1 ? slots[0]! : null), batch);
  }

  /** To the router when ready; else the offline queue (connecting on first use), or an error. */
  #submit(work: Work, batch?: NodeBatch): void {
    const status = this.#status;
    if (status === 'ready') {
      this.#router.send(work, batch);
      return;
    }
    if (status === 'end') {
      this.#router.fail(work, new ClusterUnavailableError('Connection is closed.', 'ERR_CLUSTER_CLOSED'));
      return;
    }
    if (status === 'wait') this.connect().catch(noop);
    if (!this.options.enableOfflineQueue) {
      this.#router.fail(work, new ClusterUnavailableError("Cluster isn't ready and enableOfflineQueue options is false", 'ERR_CLUSTER_NOT_READY'));
      return;
    }
    this.#offline.push(work);
  }

  #flushOffline(): void {
    if (this.#offline.length === 0) return;
    debug('sending %d queued commands', this.#offline.length);
    const batch: NodeBatch = new Map();
    while (this.#offline.length > 0 && this.#status === 'ready') this.#router.send(this.#offline.shift()!, batch);
    for (const [redis, queued] of batch) redis.sendCommands(queued);
  }

  #failOffline(error: Error): void {
    while (this.#offline.length > 0) this.#router.fail(this.#offline.shift()!, error);
  }

  #whenReady(): Promise<void> {
    const status = this.#status;
    if (status === 'ready') return Promise.resolve();
    if (status === 'end') return Promise.reject(new ClusterUnavailableError('Connection is closed.', 'ERR_CLUSTER_CLOSED'));
    if (status === 'wait') this.connect().catch(noop);
    return new Promise<void>((resolve, reject) => {
      const onReady = (): void => {
        this.off('end', onEnd);
        resolve();
      };
      const onEnd = (): void => {
        this.off('ready', onReady);
        reject(new ClusterUnavailableError('None of startup nodes is available', 'ERR_CLUSTER_NO_STARTUP_NODE'));
      };
      this.once('ready', onReady);
      this.once('end', onEnd);
    });
  }

  /** SUNSUBSCRIBE on each node that holds some of the channels (all shard channels when none given). */
  #unsubscribeShards(command: Command): void {
    const byNode = this.#subscriber.shardNodesOf(command.args);
    this.#subscriber.forgetShard(command.args);
    const sent: Array<Promise<unknown>> = [];
    for (const [key, channels] of byNode) {
      const node = this.#nodes.get(key);
      if (node !== undefined) sent.push(node.dispatch(new Command('sunsubscribe', channels, command.returnBuffers)));
    }
    Promise.all(sent).then(
      (replies) => command.resolve(replies.length === 0 ? 0 : replies[replies.length - 1]),
      (error: Error) => command.reject(error),
    );
  }

  static {
    defineCommandMethods(
      Cluster.prototype,
      (name, returnBuffers) =>
        function (this: Cluster, ...args: unknown[]) {
          return this.#issue(name, args, returnBuffers);
        },
      ownMethods,
    );
  }
}

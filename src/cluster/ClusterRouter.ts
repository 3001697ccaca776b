import { Command, observe, type SettleObserver } from '../commands/Command';
import { ClusterAllFailedError, ClusterError, ClusterRedirectionError, type ClusterRedirection, type ClusterRoute } from '../errors';
import { currentScope } from '../pool/leaseScope';
import type { Redis } from '../Redis';
import { debugLogger } from '../util/debug';
import { startTimer, stopTimer } from '../util/timers';
import type { ResolvedClusterOptions } from './clusterOptions';
import { NodePools, type NodeRole } from './NodePools';
import { classify, DelayQueue, mayHaveExecuted, type Verdict } from './redirects';
import { nodeKeyOf, parseClusterSlots, parseNodeKey, SlotMap, type NodeAddress, type SlotRange } from './slotMap';

const debug = debugLogger('cluster:router');

/**
 * One unit of work for the cluster: a single command, or a MULTI … EXEC transaction that must run
 * on one node as a whole. The `commands` are the caller's records and settle exactly once; every
 * attempt sends fresh copies (a Command's promise is single-use).
 */
export interface Work {
  readonly commands: readonly Command[];
  readonly isTransaction: boolean;
  /** The slot of the keys; null for keyless commands (any master, or per scaleReads). */
  readonly slot: number | null;
  readonly route: ClusterRoute;
  /** ASK: the next attempt goes to this node, after ASKING. Consumed by that attempt. */
  asking: string | null;
  /** Sent inside a WATCH flow (its lease holds the WATCH): never re-sent to another connection. */
  isPinned: boolean;
  /** A replica that failed this command: its next attempt reads from the master instead. */
  avoid: string | null;
}

export function newWork(commands: readonly Command[], isTransaction: boolean, slot: number | null): Work {
  return {
    commands,
    isTransaction,
    slot,
    route: { slot, node: null, nodeId: null, redirections: [], mayHaveExecuted: false },
    asking: null,
    isPinned: false,
    avoid: null,
  };
}

/** What the router needs from the Cluster facade. */
export interface RouterHost {
  readonly options: ResolvedClusterOptions;
  /** Send the work again now, queue it until the cluster is ready, or fail it if the cluster ended. */
  resubmit(work: Work): void;
  /** A topology refresh, coalesced and paced. */
  refresh(): Promise<void>;
  emit(event: string | symbol, ...args: unknown[]): boolean;
}

/** Counts for `cluster.stats()`: what the cluster did besides sending. */
export interface RouterStats {
  moved: number;
  ask: number;
  tryAgain: number;
  clusterDown: number;
  failover: number;
  /** Commands that failed with "Too many Cluster redirections". */
  exhausted: number;
}

type Outcome = { error: Error; reply?: undefined } | { error: null; reply: unknown };

/** Collects the outcome of every command of one attempt; calls `done` when the last one is in. */
class AttemptOutcomes implements SettleObserver {
  readonly #outcomes: Outcome[];
  readonly #done: (outcomes: Outcome[]) => void;
  #pending: number;

  constructor(size: number, done: (outcomes: Outcome[]) => void) {
    this.#outcomes = new Array(size);
    this.#pending = size;
    this.#done = done;
  }

  onCommandSettled(slot: number, error: Error | null, reply: unknown): void {
    this.#outcomes[slot] = error === null ? { error: null, reply } : { error };
    if (--this.#pending === 0) this.#done(this.#outcomes);
  }
}

/** Batches being collected: node -> commands to write to it in one go. */
export type NodeBatch = Map<Redis, Command[]>;

function noop(): void {}

/** A fresh copy of a command for one attempt: same bytes, no transformer (the caller's applies once). */
function copyForAttempt(command: Command): Command {
  const copy = new Command(command.name, command.args, command.returnBuffers, command.isReadOnly);
  copy.inTransaction = command.inTransaction;
  return copy;
}

function isExecAbort(error: Error): boolean {
  return error.message.startsWith('EXECABORT');
}

/**
 * Decides where each command goes, sends it, and follows what the nodes answer: MOVED, ASK,
 * TRYAGAIN, CLUSTERDOWN and node failures, up to `maxRedirections` times. Owns the slot map and
 * the node clients.
 */
export class ClusterRouter {
  readonly slots = new SlotMap();
  readonly nodes: NodePools;
  readonly stats: RouterStats = { moved: 0, ask: 0, tryAgain: 0, clusterDown: 0, failover: 0, exhausted: 0 };
  readonly #host: RouterHost;
  readonly #delayed = new DelayQueue();
  readonly #mapAddress: (address: NodeAddress) => NodeAddress;

  constructor(host: RouterHost, nodes: NodePools, mapAddress: (address: NodeAddress) => NodeAddress) {
    this.#host = host;
    this.nodes = nodes;
    this.#mapAddress = mapAddress;
  }

  /** Retries waiting out a delay. */
  get delayedCount(): number {
    return this.#delayed.size;
  }

  /** Run the delayed retries now (the cluster is closing: they fail). */
  flushDelayed(): void {
    this.#delayed.flush();
  }

  // ─── sending ───────────────────────────────────────────────────────────────────────────────

  /** Send one attempt of `work`; with `batch`, commands are collected per node for one write. */
  send(work: Work, batch?: NodeBatch): void {
    const target = this.#pick(work);
    if (target === null) {
      const error = new ClusterError('no cluster node is known to serve this command', snapshot(work.route));
      this.#settle(work, work.commands.map(() => ({ error })), error);
      return;
    }
    const { redis, key } = target;
    work.route.node = key;
    work.route.nodeId = this.slots.nodeIdOf(key);
    const asking = work.asking;
    work.asking = null;
    const copies = work.commands.map(copyForAttempt);
    const attempt = new AttemptOutcomes(copies.length, (outcomes) => this.#onAttemptSettled(work, key, outcomes));
    for (let i = 0; i < copies.length; i++) {
      copies[i]!.observer = attempt;
      copies[i]!.slot = i;
    }
    const first = copies[0]!;
    if (asking !== null && first.isBlocking && !work.isTransaction) {
      // A blocking command after ASKING: both on a lease, so the shared connection never blocks.
      redis.withConnection((view) => {
        const askingCommand = new Command('asking', []);
        observe(askingCommand, noop);
        view.sendCommands([askingCommand, first]);
        return first.promise;
      }).catch(noop);
      return;
    }
    if (!work.isTransaction && (first.special !== undefined || first.isBlocking)) {
      // Leases (blocking, WATCH), the subscriber connection: the node client routes these itself.
      if (first.special === 'watch' || first.special === 'unwatch' || currentScope(redis) !== undefined) work.isPinned = true;
      redis.dispatch(first).catch(noop);
      return;
    }
    if (currentScope(redis) !== undefined) work.isPinned = true;
    if (asking !== null) {
      // ASKING and the command back to back on one connection, in one write: the flag holds for
      // exactly the next command (or, before MULTI, for the whole transaction).
      const askingCommand = new Command('asking', []);
      observe(askingCommand, noop);
      redis.sendCommands([askingCommand, ...copies]);
      return;
    }
    if (batch !== undefined) {
      const queued = batch.get(redis);
      if (queued === undefined) batch.set(redis, copies);
      else for (const copy of copies) queued.push(copy);
      return;
    }
    redis.sendCommands(copies);
  }

  /** The node for this attempt: the ASK target, the slot's node per scaleReads, or any master. */
  #pick(work: Work): { redis: Redis; key: string } | null {
    if (work.asking !== null) return { redis: this.nodes.getOrCreate(parseNodeKey(work.asking)), key: work.asking };
    const command = work.commands[0]!;
    const scaleReads = this.#host.options.scaleReads;
    // A read that failed on a replica goes to the master: that replica may be down for a while.
    const isRead = !work.isTransaction && command.isReadOnly && scaleReads !== 'master' && work.avoid === null;
    const slot = work.slot;
    const owners = slot === null ? undefined : this.slots.nodesOf(slot);
    if (owners !== undefined && owners.length > 0) {
      if (!isRead) return this.#node(owners[0]!, 'master');
      if (typeof scaleReads === 'function') {
        const candidates = owners.map((key, index) => this.#node(key, index === 0 ? 'master' : 'slave').redis);
        let chosen = scaleReads(candidates, command);
        if (Array.isArray(chosen)) chosen = chosen[Math.floor(Math.random() * chosen.length)];
        const redis = chosen ?? candidates[0]!;
        return { redis, key: nodeKeyOf({ host: redis.options.host, port: redis.options.port }) };
      }
      if (scaleReads === 'slave' && owners.length > 1) {
        const index = 1 + Math.floor(Math.random() * (owners.length - 1));
        return this.#node(owners[index]!, 'slave');
      }
      if (scaleReads === 'all') {
        const index = Math.floor(Math.random() * owners.length);
        return this.#node(owners[index]!, index === 0 ? 'master' : 'slave');
      }
      return this.#node(owners[0]!, 'master');
    }
    // No key (or an unmapped slot): any node that can answer.
    const role: NodeRole | 'all' = isRead ? (scaleReads === 'slave' ? 'slave' : 'all') : 'master';
    const redis = this.nodes.sample(role) ?? this.nodes.sample('master') ?? this.nodes.sample('all');
    if (redis === undefined) return null;
    return { redis, key: nodeKeyOf({ host: redis.options.host, port: redis.options.port }) };
  }

  #node(key: string, role: NodeRole): { redis: Redis; key: string } {
    const existing = this.nodes.get(key);
    if (existing !== undefined) return { redis: existing, key };
    return { redis: this.nodes.getOrCreate(parseNodeKey(key), role), key };
  }

  // ─── outcomes ──────────────────────────────────────────────────────────────────────────────

  #onAttemptSettled(work: Work, nodeKey: string, outcomes: Outcome[]): void {
    const verdict = work.isTransaction ? transactionVerdict(outcomes) : singleVerdict(work.commands[0]!, outcomes[0]!);
    for (const outcome of outcomes) {
      if (outcome.error !== null && mayHaveExecuted(outcome.error)) work.route.mayHaveExecuted = true;
    }
    if (verdict === null || work.isPinned) {
      this.#settle(work, outcomes, null);
      return;
    }
    this.#redirect(work, verdict, nodeKey, outcomes);
  }

  #redirect(work: Work, verdict: Exclude<Verdict, { kind: 'final' }>, from: string, outcomes: Outcome[]): void {
    const options = this.#host.options;
    const { kind } = verdict;
    if ((kind === 'CLUSTERDOWN' && options.retryDelayOnClusterDown <= 0) || (kind === 'FAILOVER' && options.retryDelayOnFailover <= 0)) {
      this.#settle(work, outcomes, null);
      return;
    }
    let to: string | null = null;
    let slot = work.slot;
    if (kind === 'MOVED' || kind === 'ASK') {
      const error = verdict.error;
      slot = error.slot;
      // An empty host: the node does not know its peer's endpoint; it is on the replying host.
      const address = this.#mapAddress({ host: error.host === '' ? parseNodeKey(from).host : error.host, port: error.port });
      to = nodeKeyOf(address);
    }
    const step: ClusterRedirection = { kind, from, to, slot };
    if (work.route.redirections.length >= options.maxRedirections) {
      this.stats.exhausted += 1;
      work.route.redirections.push(step);
      const error = new ClusterRedirectionError(verdict.error, snapshot(work.route));
      this.#settle(work, outcomes.map(() => ({ error })), error);
      return;
    }
    work.route.redirections.push(step);
    if (debug.enabled) debug('%s %s -> %s (slot %s), %d redirections', kind, from, to ?? '-', String(slot), work.route.redirections.length);
    const resubmit = (): void => this.#host.resubmit(work);
    const refresh = (): Promise<void> => this.#host.refresh();
    switch (kind) {
      case 'MOVED':
        this.stats.moved += 1;
        this.slots.assign(slot!, to!);
        this.nodes.getOrCreate(parseNodeKey(to!), 'master');
        this.#host.refresh().catch(noop);
        if (options.retryDelayOnMoved > 0) this.#delayed.push('moved', options.retryDelayOnMoved, resubmit);
        else resubmit();
        return;
      case 'ASK':
        this.stats.ask += 1;
        if (!work.isTransaction && work.commands[0]!.special !== undefined) {
          // SSUBSCRIBE and friends live on a node's subscriber connection, where ASKING cannot
          // precede them: wait for the migration to end (then MOVED points to the new owner).
          this.#delayed.push('tryagain', options.retryDelayOnTryAgain, resubmit);
          return;
        }
        work.asking = to;
        resubmit();
        return;
      case 'TRYAGAIN':
        this.stats.tryAgain += 1;
        this.#delayed.push('tryagain', options.retryDelayOnTryAgain, resubmit);
        return;
      case 'CLUSTERDOWN':
        this.stats.clusterDown += 1;
        this.#delayed.push('clusterdown', options.retryDelayOnClusterDown, resubmit, refresh);
        return;
      case 'FAILOVER':
        this.stats.failover += 1;
        if (this.nodes.roleOf(from) === 'slave') work.avoid = from;
        this.#delayed.push('failover', options.retryDelayOnFailover, resubmit, refresh);
        return;
    }
  }

  /** Settle the caller's commands with this attempt's outcomes; errors carry the route. */
  #settle(work: Work, outcomes: readonly Outcome[], shared: Error | null): void {
    const route = snapshot(work.route);
    if (shared !== null) withRoute(shared, route);
    for (let i = 0; i < work.commands.length; i++) {
      const outcome = outcomes[i]!;
      const command = work.commands[i]!;
      if (outcome.error === null) {
        command.resolve(outcome.reply);
      } else {
        if (outcome.error !== shared) withRoute(outcome.error, route);
        command.reject(outcome.error);
      }
    }
  }

  /** Fail every command of `work` with `error` (closed cluster, cross-slot, …). */
  fail(work: Work, error: Error): void {
    if ((error as RoutedError).cluster === undefined) withRoute(error, snapshot(work.route));
    for (const command of work.commands) command.reject(error);
  }

  // ─── topology ──────────────────────────────────────────────────────────────────────────────

  /**
   * Ask nodes for CLUSTER SLOTS until one answers (ready nodes first, each in random order), then
   * replace the map and the node set. Rejects with ClusterAllFailedError when none answers.
   */
  async fetchSlots(isClosing: () => boolean): Promise<{ from: string }> {
    const options = this.#host.options;
    const keys = this.nodes.keys();
    const ready = shuffle(keys.filter((key) => this.nodes.get(key)?.status === 'ready'));
    const others = shuffle(keys.filter((key) => this.nodes.get(key)?.status !== 'ready'));
    const nodeErrors: Array<{ node: string; message: string }> = [];
    let lastError: Error | undefined;
    let emptyAnswer: { key: string } | null = null;
    for (const key of [...ready, ...others]) {
      if (isClosing()) throw new Error('Cluster is disconnected.');
      const redis = this.nodes.get(key);
      if (redis === undefined) continue;
      let ranges: SlotRange[];
      try {
        const reply = await withTimeout(redis.cluster('SLOTS'), options.slotsRefreshTimeout, `CLUSTER SLOTS on ${key} got no answer within ${options.slotsRefreshTimeout} ms`);
        ranges = parseClusterSlots(reply, this.#mapAddress);
      } catch (error) {
        lastError = error instanceof Error ? error : new Error(String(error));
        nodeErrors.push({ node: key, message: lastError.message });
        this.#host.emit('node error', lastError, key);
        continue;
      }
      if (isClosing()) throw new Error('Cluster is disconnected.');
      if (ranges.length === 0) {
        // A node that is not (yet) part of a formed cluster; another may know better.
        emptyAnswer ??= { key };
        continue;
      }
      this.#apply(ranges);
      return { from: key };
    }
    if (emptyAnswer !== null) {
      this.#apply([]);
      return { from: emptyAnswer.key };
    }
    throw new ClusterAllFailedError(lastError, nodeErrors);
  }

  #apply(ranges: SlotRange[]): void {
    this.slots.replace(ranges);
    const nodes: Array<{ address: NodeAddress; role: NodeRole }> = [];
    for (const range of ranges) {
      range.nodes.forEach((node, index) => nodes.push({ address: { host: node.host, port: node.port }, role: index === 0 ? 'master' : 'slave' }));
    }
    if (nodes.length > 0) this.nodes.reset(nodes);
    if (debug.enabled) debug('slot map: %d ranges, %d nodes', ranges.length, nodes.length);
  }
}

function singleVerdict(command: Command, outcome: Outcome): Exclude<Verdict, { kind: 'final' }> | null {
  if (outcome.error === null) return null;
  const verdict = classify(outcome.error, command);
  return verdict.kind === 'final' ? null : verdict;
}

/**
 * A transaction is sent again only when nothing in it ran: EXEC failed and every error in the
 * unit is a redirection (MOVED/ASK/TRYAGAIN/CLUSTERDOWN while queueing, then EXECABORT; or the
 * same at EXEC), or a connection error from before EXEC could have been written.
 */
function transactionVerdict(outcomes: readonly Outcome[]): Exclude<Verdict, { kind: 'final' }> | null {
  const exec = outcomes[outcomes.length - 1];
  if (exec === undefined || exec.error === null) return null;
  let retry: Exclude<Verdict, { kind: 'final' }> | null = null;
  for (const outcome of outcomes) {
    if (outcome.error === null) continue;
    // Written-and-lost means EXEC may have run: never re-sent, whatever the commands are.
    const verdict = classify(outcome.error, { isReadOnly: false });
    if (verdict.kind === 'final') {
      if (isExecAbort(outcome.error)) continue;
      return null;
    }
    retry ??= verdict;
  }
  return retry;
}

type RoutedError = Error & { cluster?: ClusterRoute };

/** Every error a Cluster hands back says where the command went (`err.cluster`). */
function withRoute(error: Error, route: ClusterRoute): void {
  (error as RoutedError).cluster = route;
}

function snapshot(route: ClusterRoute): ClusterRoute {
  return { ...route, redirections: route.redirections.slice() };
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  if (ms <= 0) return promise;
  return new Promise<T>((resolve, reject) => {
    const timer = startTimer(() => reject(new Error(message)), ms);
    promise.then(
      (value) => {
        stopTimer(timer);
        resolve(value);
      },
      (error: unknown) => {
        stopTimer(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * The fault suite's workload and its ledger.
 *
 * Flows run against one client until told to stop, mixing plain commands, pipelines, MULTI/EXEC,
 * Lua (a defined command and raw EVAL), BLPOP on leased connections and pub/sub. Every reply is
 * derived from its command's own arguments, so a reply handed to the wrong command is seen:
 *
 *   ECHO e:<id> -> e:<id>      GET r:<n> -> val:<n>      INCR w:<id> -> 1 (unique key per write)
 *   script(w:<id>, <id>) -> [1, <id>]    BLPOP q:<flow> -> [q:<flow>, q:<flow>:<id>]
 *
 * Every write carries a unique id recorded server-side (`INCR w:<id>`, an item `q:<flow>:<id>`, a
 * message `m:<id>`), so a write executed twice is visible: a counter above 1, an item popped or
 * listed twice, a message delivered twice. `verifyWrites` reads the counters back through an admin
 * connection that bypasses the faults and also checks what failed writes claimed: a write that
 * failed with `mayHaveExecuted: false` must not have run.
 */
import { isDeepStrictEqual } from 'node:util';
import type IORedis from 'ioredis';
import type { Redis } from '../../src/index';
import { ConnectionError, RedisError, ReplyError } from '../../src/errors';

/** The context fields every failed command's error must carry. */
export const CONTEXT_FIELDS = [
  'endpoint', 'connectionId', 'pid', 'ownerPid', 'command', 'written', 'mayHaveExecuted', 'elapsedMs', 'inFlight', 'offlineQueued', 'attempt',
] as const;

const SAMPLES_PER_KIND = 5;
/** Messages published after the run to prove the subscriber is back; not part of the ledger. */
export const FINAL_MESSAGE_PREFIX = 'final:';
export const READ_KEYS = 500;

type WriteState = 'pending' | 'ok' | 'maybe' | 'not';

/** What a failed command claims about itself, read from its error. */
interface FailureClaim {
  mayHaveExecuted: boolean;
}

export interface LedgerFigures {
  repliesChecked: number;
  mismatches: number;
  writesIssued: number;
  writesAcknowledged: number;
  writesFailedMayHaveExecuted: number;
  writesFailedNotExecuted: number;
  /** Of the writes that failed with mayHaveExecuted: true, how many had in fact run (seen at verification). */
  maybeWritesThatRan: number;
  writesVerified: number;
  doubles: number;
  /** A write that failed with mayHaveExecuted: false and ran anyway. */
  falseNotExecuted: number;
  /** A write acknowledged by the server whose record is missing. */
  lostAcknowledged: number;
  itemsPopped: number;
  messagesReceived: number;
  failedCommands: number;
  contextViolations: number;
  unexpectedErrors: number;
  errorsByKind: Record<string, number>;
  /** Deepest queue seen at any status (while ready: what one tick issued, before its write). */
  maxQueuedSeen: number;
  /** Deepest queue seen while the connection was not ready: the offline queue, bounded by offlineQueueLimit. */
  maxOfflineQueued: number;
  maxQueuedByStatus: Record<string, number>;
}

/** Every count and every sample of what went wrong. */
export class Ledger {
  repliesChecked = 0;
  mismatches = 0;
  writesIssued = 0;
  writesAcknowledged = 0;
  writesFailedMayHaveExecuted = 0;
  writesFailedNotExecuted = 0;
  maybeWritesThatRan = 0;
  writesVerified = 0;
  doubles = 0;
  falseNotExecuted = 0;
  lostAcknowledged = 0;
  itemsPopped = 0;
  messagesReceived = 0;
  failedCommands = 0;
  contextViolations = 0;
  unexpectedErrors = 0;
  maxQueuedSeen = 0;
  readonly errorsByKind = new Map<string, number>();
  readonly samples: string[] = [];
  readonly #sampleKinds = new Map<string, number>();
  readonly #maxQueuedByStatus = new Map<string, number>();

  readonly #writes = new Map<string, WriteState>();
  readonly #popped = new Set<string>();
  readonly #messages = new Set<string>();
  /** ReplyErrors a scenario expects from the server (maxclients refusal, …). */
  readonly #allowedReplyErrors: RegExp[];

  /** false: counts only, no per-id memory (for heap measurements; write verification is then off). */
  readonly #remember: boolean;

  constructor(allowedReplyErrors: RegExp[] = [], options: { remember?: boolean } = {}) {
    this.#allowedReplyErrors = allowedReplyErrors;
    this.#remember = options.remember ?? true;
  }

  /** Keeps the first few samples of each kind of problem (the text before the first colon). */
  note(sample: string): void {
    const kind = sample.slice(0, sample.indexOf(':') + 1 || 40);
    const seen = this.#sampleKinds.get(kind) ?? 0;
    this.#sampleKinds.set(kind, seen + 1);
    if (seen < SAMPLES_PER_KIND) this.samples.push(sample);
  }

  check(actual: unknown, expected: unknown, what: string): void {
    this.repliesChecked += 1;
    if (isDeepStrictEqual(actual, expected)) return;
    this.mismatches += 1;
    this.note(`mismatch on ${what}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  }

  /** A unique-key INCR's reply: 1, or a sign it ran before. */
  checkWriteReply(id: string, actual: unknown, what: string): void {
    this.repliesChecked += 1;
    if (actual === 1) {
      this.#settleWrite(id, 'ok');
      return;
    }
    if (typeof actual === 'number' && actual > 1) {
      this.doubles += 1;
      this.note(`double: ${what} w:${id} replied ${actual}`);
    } else {
      this.mismatches += 1;
      this.note(`mismatch on ${what} w:${id}: got ${JSON.stringify(actual)}, expected 1`);
    }
    this.#settleWrite(id, 'ok');
  }

  writeIssued(id: string): void {
    this.writesIssued += 1;
    if (this.#remember) this.#writes.set(id, 'pending');
  }

  writeFailed(id: string, error: unknown, command: string): void {
    const claim = this.failed(error, command);
    this.#settleWrite(id, claim.mayHaveExecuted ? 'maybe' : 'not');
  }

  #settleWrite(id: string, state: Exclude<WriteState, 'pending'>): void {
    if (this.#remember) {
      if (this.#writes.get(id) !== 'pending') return;
      this.#writes.set(id, state);
    }
    if (state === 'ok') this.writesAcknowledged += 1;
    else if (state === 'maybe') this.writesFailedMayHaveExecuted += 1;
    else this.writesFailedNotExecuted += 1;
  }

  /** Classifies a failed command's error and checks its context; returns what it claims. */
  failed(error: unknown, command: string): FailureClaim {
    this.failedCommands += 1;
    const kind = error instanceof Error ? `${error.name}${error instanceof RedisError ? `(${error.code})` : ''}` : typeof error;
    this.errorsByKind.set(kind, (this.errorsByKind.get(kind) ?? 0) + 1);
    if (error instanceof ReplyError && error.context === undefined) {
      // The server's own answer to this command: it was executed (and refused), not lost.
      if (!this.#allowedReplyErrors.some((pattern) => pattern.test(error.message))) {
        this.unexpectedErrors += 1;
        this.note(`unexpected reply error on ${command}: ${error.message}`);
      }
      return { mayHaveExecuted: false };
    }
    if (!(error instanceof ConnectionError) && !(error instanceof ReplyError)) {
      this.unexpectedErrors += 1;
      this.note(`unexpected error on ${command}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return { mayHaveExecuted: true };
    }
    if (error instanceof ReplyError && !this.#allowedReplyErrors.some((pattern) => pattern.test(error.message))) {
      this.unexpectedErrors += 1;
      this.note(`unexpected handshake reply error on ${command}: ${error.message}`);
    }
    const problem = contextProblem(error.context, command);
    if (problem !== null) {
      this.contextViolations += 1;
      this.note(`context of ${kind} on ${command}: ${problem}`);
    }
    return { mayHaveExecuted: error.context?.mayHaveExecuted !== false };
  }

  popped(queue: string, reply: unknown): void {
    this.repliesChecked += 1;
    if (reply === null) return;
    if (!Array.isArray(reply) || reply.length !== 2 || reply[0] !== queue || typeof reply[1] !== 'string' || !reply[1].startsWith(`${queue}:`)) {
      this.mismatches += 1;
      this.note(`mismatch on BLPOP ${queue}: got ${JSON.stringify(reply)}`);
      return;
    }
    this.itemsPopped += 1;
    if (!this.#remember) return;
    if (this.#popped.has(reply[1])) {
      this.doubles += 1;
      this.note(`double: item ${reply[1]} popped twice`);
    }
    this.#popped.add(reply[1]);
  }

  /** Items still in a queue at the end: none may repeat, or repeat one already popped. */
  leftInQueue(items: readonly string[]): void {
    for (const item of items) {
      if (this.#popped.has(item)) {
        this.doubles += 1;
        this.note(`double: item ${item} popped and still listed`);
      }
      this.#popped.add(item);
    }
  }

  message(channel: string, message: string, expectedChannel: string): void {
    if (message.startsWith(FINAL_MESSAGE_PREFIX)) return;
    this.repliesChecked += 1;
    if (channel !== expectedChannel || !/^m:\d+$/.test(message)) {
      this.mismatches += 1;
      this.note(`mismatch on message: ${channel} ${message}`);
      return;
    }
    this.messagesReceived += 1;
    if (!this.#remember) return;
    if (this.#messages.has(message)) {
      this.doubles += 1;
      this.note(`double: message ${message} delivered twice`);
    }
    this.#messages.add(message);
  }

  /** One look at `client.stats()`: the offline queue's depth, by connection status. */
  sampleQueued(stats: { queued: number; status: string }): void {
    const queued = stats.queued;
    if (queued > this.maxQueuedSeen) this.maxQueuedSeen = queued;
    if (queued > (this.#maxQueuedByStatus.get(stats.status) ?? 0)) this.#maxQueuedByStatus.set(stats.status, queued);
  }

  /**
   * Reads `w:<id>` back for every settled write (all of them when `final`) and forgets the ones
   * checked. A write may run late only while its bytes are held somewhere (a proxy in `hold`),
   * so writes that failed with mayHaveExecuted: true are checked at the end only.
   */
  async verifyWrites(admin: IORedis, final: boolean): Promise<void> {
    const ids: string[] = [];
    for (const [id, state] of this.#writes) {
      if (state === 'pending' && !final) continue;
      if (state === 'maybe' && !final) continue;
      ids.push(id);
    }
    for (let at = 0; at < ids.length; at += 1000) {
      const batch = ids.slice(at, at + 1000);
      const values = await admin.mget(batch.map((id) => `w:${id}`));
      batch.forEach((id, i) => {
        const value = values[i] === null ? 0 : Number(values[i]);
        const state = this.#writes.get(id)!;
        this.#writes.delete(id);
        this.writesVerified += 1;
        if (value > 1) {
          this.doubles += 1;
          this.note(`double: w:${id} is ${value} (${state})`);
        }
        if (state === 'ok' && value === 0) {
          this.lostAcknowledged += 1;
          this.note(`lost: acknowledged write w:${id} has no record`);
        } else if (state === 'not' && value > 0) {
          this.falseNotExecuted += 1;
          this.note(`false not-executed: w:${id} failed with mayHaveExecuted: false but ran`);
        } else if (state === 'maybe' && value > 0) {
          this.maybeWritesThatRan += 1;
        } else if (state === 'pending') {
          this.unexpectedErrors += 1;
          this.note(`unsettled: w:${id} never settled`);
        }
      });
    }
  }

  figures(): LedgerFigures {
    return {
      repliesChecked: this.repliesChecked,
      mismatches: this.mismatches,
      writesIssued: this.writesIssued,
      writesAcknowledged: this.writesAcknowledged,
      writesFailedMayHaveExecuted: this.writesFailedMayHaveExecuted,
      writesFailedNotExecuted: this.writesFailedNotExecuted,
      maybeWritesThatRan: this.maybeWritesThatRan,
      writesVerified: this.writesVerified,
      doubles: this.doubles,
      falseNotExecuted: this.falseNotExecuted,
      lostAcknowledged: this.lostAcknowledged,
      itemsPopped: this.itemsPopped,
      messagesReceived: this.messagesReceived,
      failedCommands: this.failedCommands,
      contextViolations: this.contextViolations,
      unexpectedErrors: this.unexpectedErrors,
      errorsByKind: Object.fromEntries([...this.errorsByKind].sort((a, b) => b[1] - a[1])),
      maxQueuedSeen: this.maxQueuedSeen,
      maxOfflineQueued: Math.max(0, ...[...this.#maxQueuedByStatus].filter(([status]) => status !== 'ready').map(([, depth]) => depth)),
      maxQueuedByStatus: Object.fromEntries(this.#maxQueuedByStatus),
    };
  }
}

/** Null when the context has every field with a plausible value, else what is wrong. */
export function contextProblem(context: unknown, command: string | null): string | null {
  if (typeof context !== 'object' || context === null) return 'no context';
  const fields = context as Record<string, unknown>;
  const missing = CONTEXT_FIELDS.filter((field) => !(field in fields));
  if (missing.length > 0) return `missing ${missing.join(', ')}`;
  if (typeof fields.endpoint !== 'string' || fields.endpoint === '') return 'endpoint not a string';
  if (typeof fields.connectionId !== 'number') return 'connectionId not a number';
  if (fields.pid !== process.pid) return `pid ${String(fields.pid)} is not ${process.pid}`;
  if (typeof fields.ownerPid !== 'number') return 'ownerPid not a number';
  if (typeof fields.written !== 'boolean' || typeof fields.mayHaveExecuted !== 'boolean') return 'written/mayHaveExecuted not booleans';
  if (fields.written === true && fields.mayHaveExecuted !== true) return 'written but mayHaveExecuted false';
  if (fields.elapsedMs !== null && typeof fields.elapsedMs !== 'number') return 'elapsedMs not a number';
  if (typeof fields.inFlight !== 'number' || typeof fields.offlineQueued !== 'number' || typeof fields.attempt !== 'number') return 'counts not numbers';
  if (command !== null) {
    const shown = fields.command as { name?: unknown } | null;
    if (shown === null) return 'command is null';
    if (shown.name !== command) return `command is ${String(shown.name)}, expected ${command}`;
  }
  return null;
}

/** The Lua write every script call makes: count the id, return [count, id]. */
export const RECORD_WRITE_LUA = "local n = redis.call('INCR', KEYS[1]) return {n, ARGV[1]}";

interface ScriptedClient {
  recordWrite(key: string, id: string): Promise<unknown>;
}

export interface WorkloadOptions {
  client: Redis;
  ledger: Ledger;
  /** Concurrent plain flows (bursts of single commands). */
  plainFlows?: number;
  burst?: number;
  pipelineFlows?: number;
  pipelineLength?: number;
  multiFlows?: number;
  luaFlows?: number;
  blockingFlows?: number;
  /** BLPOPs a blocking flow has in flight at once (each on its own lease). */
  blockingWidth?: number;
  pubsub?: boolean;
}

/**
 * Runs the flows until `stop()`. Each flow awaits its own batch before the next, so the load
 * adapts to what the faults let through; no flow ever stops on an error.
 */
export class Workload {
  readonly #options: Required<WorkloadOptions>;
  readonly #ledger: Ledger;
  readonly #client: Redis;
  #running = false;
  #flows: Array<Promise<void>> = [];
  #nextId = 0;
  readonly #tag = Math.random().toString(36).slice(2, 8);
  static readonly channel = 'ch:faults';
  #published = 0;

  constructor(options: WorkloadOptions) {
    this.#options = {
      plainFlows: 4, burst: 40, pipelineFlows: 2, pipelineLength: 40, multiFlows: 1, luaFlows: 1, blockingFlows: 2, blockingWidth: 3, pubsub: true,
      ...options,
    };
    this.#ledger = options.ledger;
    this.#client = options.client;
    this.#client.defineCommand('recordWrite', { numberOfKeys: 1, lua: RECORD_WRITE_LUA });
  }

  get published(): number {
    return this.#published;
  }

  /** Seeds the read keys (val:<n> under r:<n>) through the admin connection. */
  static async seed(admin: IORedis): Promise<void> {
    const pipeline = admin.pipeline();
    for (let n = 0; n < READ_KEYS; n++) pipeline.set(`r:${n}`, `val:${n}`);
    await pipeline.exec();
  }

  async start(): Promise<void> {
    const o = this.#options;
    const client = this.#client;
    if (o.pubsub) {
      client.on('message', (channel: string, message: string) => this.#ledger.message(channel, message, Workload.channel));
      await client.subscribe(Workload.channel);
    }
    this.#running = true;
    const flows: Array<Promise<void>> = [];
    for (let i = 0; i < o.plainFlows; i++) flows.push(this.#loop(() => this.#plainBurst()));
    for (let i = 0; i < o.pipelineFlows; i++) flows.push(this.#loop(() => this.#pipeline()));
    for (let i = 0; i < o.multiFlows; i++) flows.push(this.#loop(() => this.#multi()));
    for (let i = 0; i < o.luaFlows; i++) flows.push(this.#loop(() => this.#lua()));
    for (let i = 0; i < o.blockingFlows; i++) flows.push(this.#loop(() => this.#blocking(`q:${this.#tag}:${i}`)));
    if (o.pubsub) flows.push(this.#loop(() => this.#publish()));
    this.#flows = flows;
  }

  /** Stops issuing and waits for every flow's last batch to settle. */
  async stop(): Promise<void> {
    this.#running = false;
    await Promise.all(this.#flows);
  }

  /** Queues every blocking flow used, for the final duplicate check. */
  queues(): string[] {
    return Array.from({ length: this.#options.blockingFlows }, (_, i) => `q:${this.#tag}:${i}`);
  }

  async #loop(step: () => Promise<void>): Promise<void> {
    while (this.#running) {
      await step();
      // Let timers and I/O run between batches even when every command fails synchronously.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /** A unique id; `kind` marks which flow made it, so a problem sample says where it came from. */
  #id(kind = ''): string {
    this.#nextId += 1;
    return `${this.#tag}:${kind}${this.#nextId}`;
  }

  #readKey(): number {
    return Math.floor(Math.random() * READ_KEYS);
  }

  #plainBurst(): Promise<void> {
    const client = this.#client;
    const ledger = this.#ledger;
    const ops: Array<Promise<unknown>> = [];
    for (let i = 0; i < this.#options.burst; i++) {
      const pick = Math.random();
      if (pick < 0.3) {
        const id = this.#id('incr-');
        ledger.writeIssued(id);
        ops.push(client.incr(`w:${id}`).then((v) => ledger.checkWriteReply(id, v, 'INCR'), (e: unknown) => ledger.writeFailed(id, e, 'incr')));
      } else if (pick < 0.55) {
        const n = this.#readKey();
        ops.push(client.get(`r:${n}`).then((v) => ledger.check(v, `val:${n}`, `GET r:${n}`), (e: unknown) => ledger.failed(e, 'get')));
      } else if (pick < 0.8) {
        const token = `e:${this.#id()}`;
        ops.push(client.echo(token).then((v) => ledger.check(v, token, 'ECHO'), (e: unknown) => ledger.failed(e, 'echo')));
      } else {
        const a = this.#readKey();
        const b = this.#readKey();
        ops.push(client.mget(`r:${a}`, `r:${b}`).then((v) => ledger.check(v, [`val:${a}`, `val:${b}`], 'MGET'), (e: unknown) => ledger.failed(e, 'mget')));
      }
    }
    ledger.sampleQueued(client.stats());
    return Promise.all(ops).then(() => undefined);
  }

  async #pipeline(): Promise<void> {
    const ledger = this.#ledger;
    const pipeline = this.#client.pipeline();
    const checks: Array<(result: [Error | null, unknown]) => void> = [];
    const outcome = (name: string, ok: (value: unknown) => void) => (result: [Error | null, unknown]): void => {
      if (result[0] !== null) ledger.failed(result[0], name);
      else ok(result[1]);
    };
    for (let i = 0; i < this.#options.pipelineLength; i++) {
      const pick = Math.random();
      if (pick < 0.3) {
        const id = this.#id('pipe-');
        ledger.writeIssued(id);
        pipeline.incr(`w:${id}`);
        checks.push((result) => {
          if (result[0] !== null) ledger.writeFailed(id, result[0], 'incr');
          else ledger.checkWriteReply(id, result[1], 'pipelined INCR');
        });
      } else if (pick < 0.6) {
        const n = this.#readKey();
        pipeline.get(`r:${n}`);
        checks.push(outcome('get', (v) => ledger.check(v, `val:${n}`, `pipelined GET r:${n}`)));
      } else {
        const token = `p:${this.#id()}`;
        pipeline.ping(token);
        checks.push(outcome('ping', (v) => ledger.check(v, token, 'pipelined PING')));
      }
    }
    ledger.sampleQueued(this.#client.stats());
    const results = await pipeline.exec();
    if (results === null) {
      ledger.note('pipeline exec resolved null');
      ledger.mismatches += 1;
      return;
    }
    results.forEach((result, i) => checks[i]!(result as [Error | null, unknown]));
  }

  async #multi(): Promise<void> {
    const ledger = this.#ledger;
    const a = this.#id('multi-');
    const b = this.#id('multi-');
    const token = `t:${this.#id()}`;
    const n = this.#readKey();
    ledger.writeIssued(a);
    ledger.writeIssued(b);
    try {
      const results = await this.#client.multi().incr(`w:${a}`).ping(token).incr(`w:${b}`).get(`r:${n}`).exec();
      if (results === null) throw new Error('EXEC returned null without WATCH');
      const values = results.map((r) => {
        if (r[0] !== null) throw r[0];
        return r[1];
      });
      ledger.checkWriteReply(a, values[0], 'MULTI INCR');
      ledger.check(values[1], token, 'MULTI PING');
      ledger.checkWriteReply(b, values[2], 'MULTI INCR');
      ledger.check(values[3], `val:${n}`, 'MULTI GET');
    } catch (error) {
      ledger.writeFailed(a, error, 'exec');
      ledger.writeFailed(b, error, 'exec');
    }
  }

  async #lua(): Promise<void> {
    const ledger = this.#ledger;
    const client = this.#client;
    const ops: Array<Promise<void>> = [];
    for (let i = 0; i < 8; i++) {
      const useEval = i % 4 === 3;
      const id = this.#id(useEval ? 'eval-' : 'script-');
      ledger.writeIssued(id);
      // Mostly the defined command (EVALSHA, EVAL after NOSCRIPT), sometimes raw EVAL.
      const call = useEval
        ? client.eval(RECORD_WRITE_LUA, 1, `w:${id}`, id)
        : (client as unknown as ScriptedClient).recordWrite(`w:${id}`, id);
      const name = useEval ? 'eval' : 'evalsha';
      ops.push(call.then(
        (reply) => {
          const pair = reply as [unknown, unknown];
          ledger.check(Array.isArray(reply) ? pair[1] : reply, id, `${name} id`);
          ledger.checkWriteReply(id, Array.isArray(reply) ? pair[0] : reply, name);
        },
        (error: unknown) => {
          // A defined command falls back from EVALSHA to EVAL: either name may be on the error.
          const shown = (error as { context?: { command?: { name?: string } | null } }).context?.command?.name;
          ledger.writeFailed(id, error, shown === 'eval' || shown === 'evalsha' ? shown : name);
        },
      ));
    }
    await Promise.all(ops);
  }

  async #blocking(queue: string): Promise<void> {
    const ledger = this.#ledger;
    const client = this.#client;
    const width = this.#options.blockingWidth;
    const items = Array.from({ length: width }, () => `${queue}:${this.#id()}`);
    try {
      await client.lpush(queue, ...items);
    } catch (error) {
      ledger.failed(error, 'lpush');
    }
    const pops: Array<Promise<void>> = [];
    for (let i = 0; i < width; i++) {
      pops.push(client.blpop(queue, 0.2).then((reply) => ledger.popped(queue, reply), (error: unknown) => {
        ledger.failed(error, 'blpop');
      }));
    }
    await Promise.all(pops);
  }

  async #publish(): Promise<void> {
    const ledger = this.#ledger;
    const ops: Array<Promise<void>> = [];
    for (let i = 0; i < 5; i++) {
      const message = `m:${++this.#published}`;
      ops.push(this.#client.publish(Workload.channel, message).then(
        (receivers) => ledger.check(typeof receivers === 'number' && receivers >= 0 && receivers <= 1, true, 'PUBLISH receivers'),
        (error: unknown) => {
          ledger.failed(error, 'publish');
        },
      ));
    }
    await Promise.all(ops);
    await new Promise<void>((resolve) => setTimeout(resolve, 5));
  }
}

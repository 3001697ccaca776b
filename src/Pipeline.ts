import { Command, observe, type SettleObserver } from './commands/Command';
import { summarizeArgs } from './commands/redact';
import { describeContext, type ErrorContext } from './errors';
import { defineCommandMethods } from './commands/defineCommandMethods';
import { buildCommand, trailingCallback, type BuildOptions, type NodeCallback } from './commands/buildCommand';
import type { ResolvedRedisOptions } from './options';
import type { Redis } from './Redis';
import { splitCallback, type Script } from './Script';
import {
  shapeExecReply,
  withPreviousErrors,
  wrapMultiResult,
  type ExecResult,
  type QueuedReplyShape,
} from './transaction';
import type { ChainableCommander } from './types/RedisCommander';

/**
 * What only some queued calls have. A plain pipeline (no callbacks, scripts, transactions or bad
 * arguments) makes none of these: its commands alone are the queue.
 */
interface EntryExtras {
  /** Set when the call's arguments could not be built; its command slot then holds null. */
  buildError: Error | null;
  callback: NodeCallback | undefined;
  /** The call was a defined script: NOSCRIPT falls back to EVAL (plain pipelines only). */
  script: Script | undefined;
  /** For an EXEC: how each command queued since its MULTI shapes its slot of the reply. */
  queued: QueuedReplyShape[] | null;
  /** Index of the transaction group (MULTI … EXEC) the entry belongs to, or -1. */
  group: number;
}

type Extras = Array<EntryExtras | undefined>;

/** Properties of a pipeline that a script method must not replace (defineCommand refuses them). */
export const pipelinePropertyNames: ReadonlySet<string> = new Set(['redis', 'isPipeline', 'isCluster', 'options', 'promise', 'length']);

/** The pipeline's view of the client it belongs to. */
export interface PipelineHost {
  readonly options: ResolvedRedisOptions;
  sendCommands(commands: readonly Command[]): void;
  sendCommand(command: Command): Promise<unknown>;
}

/**
 * ioredis's `Pipeline`: command methods queue and return the pipeline; `exec()` writes every
 * queued command at once, back to back (32 per write), and resolves `[[error, result], …]` in call
 * order. `multi()` and
 * `exec()` inside the pipeline wrap the commands between them in a transaction (the EXEC slot
 * then holds the array of their results). `client.multi()` is a pipeline that starts with MULTI
 * and whose `exec()` unwraps EXEC's reply.
 *
 * Every command between MULTI and EXEC (both included) is marked `inTransaction`, so the
 * connection never sends a piece of a cut transaction on its own.
 */
export class Pipeline {
  readonly redis: Redis;
  readonly isPipeline = true;
  readonly isCluster = false;
  readonly options: ResolvedRedisOptions;
  /** Settles once with the results of `exec()`. */
  readonly promise: Promise<ExecResult>;

  readonly #host: PipelineHost;
  readonly #buildOptions: BuildOptions;
  /** The queued calls in order; null where the arguments could not be built. */
  readonly #commands: Array<Command | null> = [];
  /** By index, for the calls that have extras; null while none has. */
  #extras: Extras | null = null;
  /** Set by `client.multi()`: exec() closes the transaction and unwraps EXEC's reply. */
  readonly #isTransaction: boolean;
  /** MULTIs opened and not yet closed by exec(). */
  #openTransactions = 0;
  #queuedShapes: QueuedReplyShape[] = [];
  #group = -1;
  #groups = 0;
  #isSent = false;
  #resolve!: (results: ExecResult) => void;
  #unwrapped: Promise<ExecResult | null> | null = null;

  /** @internal use `client.pipeline()` or `client.multi()`. */
  constructor(redis: Redis, options: { transaction?: boolean } = {}) {
    this.redis = redis;
    this.#host = redis as unknown as PipelineHost;
    this.options = redis.options;
    this.#isTransaction = options.transaction === true;
    this.#buildOptions = {
      keyPrefix: this.options.keyPrefix,
      keyPrefixBuffer: Buffer.from(this.options.keyPrefix),
    };
    this.promise = new Promise((resolve) => {
      this.#resolve = resolve;
    });
    if (this.#isTransaction) this.multi();
  }

  /** Commands queued so far (MULTI and EXEC included). */
  get length(): number {
    return this.#commands.length;
  }

  /** Queue `[[name, ...args], …]`, as `client.pipeline(commands)` does. */
  addBatch(commands: readonly unknown[][]): this {
    const methods = this as unknown as Record<string, unknown>;
    for (const call of commands) {
      if (!Array.isArray(call) || typeof call[0] !== 'string') {
        throw new TypeError('pipeline(commands) needs an array of [commandName, ...args] arrays');
      }
      const [name, ...args] = call as [string, ...unknown[]];
      const method = methods[name];
      if (typeof method !== 'function') throw new TypeError(`pipeline(commands): "${name}" is not a command`);
      (method as (...a: unknown[]) => unknown).apply(this, args);
    }
    return this;
  }

  /** Any command by name, queued: `call('set', 'k', 'v')`. */
  call(name: string, ...args: unknown[]): this {
    return this.#addByName(name, args, false);
  }

  callBuffer(name: string, ...args: unknown[]): this {
    return this.#addByName(name, args, true);
  }

  /** Open a transaction inside the pipeline: MULTI is queued and so is everything up to exec(). */
  multi(...args: unknown[]): this {
    const { callback } = splitCallback(args);
    this.#openTransactions += 1;
    if (this.#openTransactions === 1) {
      this.#group = this.#groups++;
      this.#queuedShapes = [];
    }
    this.#queue(new Command('multi', []), callback, undefined);
    return this;
  }

  /**
   * Inside a pipeline with an open MULTI: queue EXEC and return the pipeline. Otherwise send
   * everything and resolve `[[error, result], …]` (for `client.multi()`: EXEC's results,
   * unwrapped; null after a WATCH conflict; EXECABORT rejects with `previousErrors`).
   */
  exec(callback?: NodeCallback<ExecResult | null>): Promise<ExecResult | null> {
    if (this.#isTransaction) {
      if (this.#openTransactions > 0) this.#closeTransaction(undefined);
      if (this.#unwrapped === null) this.#unwrapped = this.#send().then((results) => unwrapTransaction(results));
      return settleWithCallback(this.#unwrapped, callback);
    }
    if (this.#openTransactions > 0) {
      this.#closeTransaction(callback as NodeCallback | undefined);
      return this as unknown as Promise<ExecResult | null>;
    }
    return settleWithCallback(this.#send(), callback);
  }

  /** @deprecated ioredis: use exec(). */
  execBuffer(callback?: NodeCallback<ExecResult | null>): Promise<ExecResult | null> {
    return this.exec(callback);
  }

  #closeTransaction(callback: NodeCallback | undefined): void {
    const queued = this.#queuedShapes;
    this.#queue(new Command('exec', [], true), callback, undefined);
    // An EXEC always belongs to a group, so it has extras.
    this.#extras![this.#commands.length - 1]!.queued = queued;
    this.#openTransactions -= 1;
    if (this.#openTransactions === 0) {
      this.#queuedShapes = [];
      this.#group = -1;
    }
  }

  #addByName(name: unknown, args: unknown[], returnBuffers: boolean): this {
    if (typeof name !== 'string' || name === '') {
      const { callback } = splitCallback(args);
      this.#push(null, new TypeError(`call() needs a command name as its first argument, got ${typeof name}`), callback, undefined);
      return this;
    }
    const lower = name.toLowerCase();
    if (lower === 'multi') return this.multi(...args);
    if (lower === 'exec' && this.#openTransactions > 0 && !this.#isTransaction) {
      return this.exec(splitCallback(args).callback) as unknown as this;
    }
    return this.#add(lower, args, returnBuffers);
  }

  #add(name: string, args: unknown[], returnBuffers: boolean): this {
    const callback = trailingCallback(args);
    let command: Command;
    try {
      command = buildCommand(name, callback === undefined ? args : args.slice(0, -1), returnBuffers, this.#buildOptions);
    } catch (error) {
      this.#push(null, error as Error, callback, undefined);
      return this;
    }
    this.#queue(command, callback, undefined);
    return this;
  }

  #addScript(script: Script, rawArgs: unknown[], returnBuffers: boolean): this {
    const { args, callback } = splitCallback(rawArgs);
    let command: Command;
    try {
      command = script.buildCall(args, returnBuffers, this.#buildOptions);
    } catch (error) {
      this.#push(null, error as Error, callback, script);
      return this;
    }
    this.#queue(command, callback, script);
    return this;
  }

  #queue(command: Command, callback: NodeCallback | undefined, script: Script | undefined): void {
    const isQueuedInMulti = this.#openTransactions > 0 && command.name !== 'multi' && command.name !== 'exec';
    if (this.#openTransactions > 0 || command.name === 'exec') command.inTransaction = true;
    if (isQueuedInMulti) {
      // Its reply now is QUEUED; its real reply arrives inside EXEC's and is shaped there.
      this.#queuedShapes.push({ returnBuffers: command.returnBuffers, replyTransformer: command.replyTransformer, script });
      command.replyTransformer = undefined;
    }
    this.#push(command, null, callback, isQueuedInMulti ? undefined : script);
  }

  #push(command: Command | null, buildError: Error | null, callback: NodeCallback | undefined, script: Script | undefined): void {
    const index = this.#commands.length;
    this.#commands.push(command);
    const group = this.#openTransactions > 0 || command?.name === 'exec' ? this.#group : -1;
    if (buildError !== null || callback !== undefined || script !== undefined || group >= 0) {
      (this.#extras ??= [])[index] = { buildError, callback, script, queued: null, group };
    }
  }

  /** Write every queued command at once; resolve the `[[error, result], …]` of all of them. */
  #send(): Promise<ExecResult> {
    if (this.#isSent) return this.promise;
    this.#isSent = true;
    const commands = this.#commands;
    const extras = this.#extras;
    if (commands.length === 0) {
      this.#resolve([]);
      return this.promise;
    }
    const batch = new PipelineBatch(commands.length, extras, this.#resolve);
    if (extras === null) {
      // The common case: every command has its arguments and nothing else to do; the batch
      // observes them all, with no promise or closure per command.
      for (let i = 0; i < commands.length; i++) {
        const command = commands[i]!;
        command.observer = batch;
        command.slot = i;
      }
      this.#host.sendCommands(commands as Command[]);
      return this.promise;
    }
    this.#sendWithExtras(commands, extras, batch);
    return this.promise;
  }

  #sendWithExtras(commands: ReadonlyArray<Command | null>, extras: Extras, batch: PipelineBatch): void {
    // A transaction with an argument that cannot be sent is not sent at all: MULTI without its
    // command would run the rest of it.
    const brokenGroups = new Map<number, Error>();
    for (const extra of extras) {
      if (extra !== undefined && extra.buildError !== null && extra.group >= 0 && !brokenGroups.has(extra.group)) brokenGroups.set(extra.group, extra.buildError);
    }
    const toSend: Command[] = [];
    const resend = (command: Command): Promise<unknown> => this.#host.sendCommand(command);
    for (let index = 0; index < commands.length; index++) {
      const command = commands[index]!;
      const extra = extras[index];
      const groupError = extra !== undefined && extra.group >= 0 ? brokenGroups.get(extra.group) : undefined;
      if (command === null || groupError !== undefined) {
        const error = extra?.buildError ?? groupError!;
        command?.reject(error);
        queueMicrotask(() => batch.onCommandSettled(index, error, undefined));
        continue;
      }
      toSend.push(command);
      command.slot = index;
      if (extra === undefined || (extra.script === undefined && extra.queued === null)) {
        command.observer = batch;
        continue;
      }
      if (extra.script === undefined) {
        const queued = extra.queued!;
        observe(command, (error, reply) => batch.onCommandSettled(index, error, error === null ? shapeExecReply(reply, queued) : undefined));
        continue;
      }
      let settled = extra.script.settle(command, command.promise, resend);
      if (extra.queued !== null) {
        const queued = extra.queued;
        settled = settled.then((reply) => shapeExecReply(reply, queued));
      }
      settled.then(
        (result) => batch.onCommandSettled(index, null, result),
        (error: unknown) => batch.onCommandSettled(index, error instanceof Error ? error : new Error(String(error)), undefined),
      );
    }
    // Observers are in place before anything is sent: a command may settle while it is queued.
    this.#host.sendCommands(toSend);
    withdrawRefusedTransactions(commands, extras, batch.results);
  }

  /**
   * A Pipeline class whose prototype also has `name` and `nameBuffer` for each defined script.
   * Built once per set of scripts (the client caches it), so a pipeline costs no per-instance
   * method definitions however many scripts a job queue defines.
   */
  static withScripts(scripts: ReadonlyMap<string, Script>): typeof Pipeline {
    if (scripts.size === 0) return Pipeline;
    class ScriptedPipeline extends Pipeline {}
    for (const [name, script] of scripts) {
      Object.defineProperty(ScriptedPipeline.prototype, name, {
        value: function (this: Pipeline, ...args: unknown[]) {
          return this.#addScript(script, args, false);
        },
        writable: true,
        configurable: true,
      });
      Object.defineProperty(ScriptedPipeline.prototype, `${name}Buffer`, {
        value: function (this: Pipeline, ...args: unknown[]) {
          return this.#addScript(script, args, true);
        },
        writable: true,
        configurable: true,
      });
    }
    return ScriptedPipeline;
  }

  static {
    defineCommandMethods(
      Pipeline.prototype,
      (name, returnBuffers) =>
        function (this: Pipeline, ...args: unknown[]) {
          return this.#add(name, args, returnBuffers);
        },
      new Set(['monitor']),
    );
    Object.defineProperty(Pipeline.prototype, 'multiBuffer', {
      value: Pipeline.prototype.multi,
      writable: true,
      configurable: true,
    });
  }
}

/** The command methods a pipeline queues; the class itself defines the ones it treats specially. */
type QueuedCommandMethods = Omit<ChainableCommander, 'multi' | 'multiBuffer' | 'exec' | 'execBuffer' | 'call' | 'callBuffer' | 'length'>;

// Every command method of the client, queued; see RedisCommander for the signatures.
export interface Pipeline extends QueuedCommandMethods {}

/**
 * A transaction the connection refused in part when it was queued (offline queue full, subscriber
 * mode) is not written at all: MULTI without its EXEC would leave the connection inside MULTI and
 * every later command would answer QUEUED. The rest of it is rejected with the same error before
 * the next write, which skips settled commands.
 */
function withdrawRefusedTransactions(commands: ReadonlyArray<Command | null>, extras: Extras, results: ExecResult): void {
  let refused: Map<number, Error> | null = null;
  for (let index = 0; index < commands.length; index++) {
    const command = commands[index];
    const extra = extras[index];
    if (command == null || extra === undefined || extra.group < 0 || !command.isSettled || command.writtenAt !== 0) continue;
    const error = results[index]?.[0];
    if (error === undefined || error === null) continue;
    refused ??= new Map();
    if (!refused.has(extra.group)) refused.set(extra.group, error);
  }
  if (refused === null) return;
  for (let index = 0; index < commands.length; index++) {
    const command = commands[index];
    const extra = extras[index];
    if (command == null || extra === undefined) continue;
    const error = refused.get(extra.group);
    if (error !== undefined && !command.isSettled) command.reject(refusalFor(command, error));
  }
}

/**
 * The refusal of one command of a transaction, as it applies to another one of it: the same class,
 * code and cause, with a context (and message) that name this command, unwritten.
 */
function refusalFor(command: Command, refused: Error): Error {
  const context = (refused as Error & { context?: ErrorContext }).context;
  if (context === undefined) return refused;
  const own: ErrorContext = {
    ...context,
    command: { name: command.name, args: summarizeArgs(command.name, command.args) },
    written: false,
    mayHaveExecuted: false,
  };
  const derived = Object.create(Object.getPrototypeOf(refused) as object) as Error;
  for (const key of Object.getOwnPropertyNames(refused)) {
    Object.defineProperty(derived, key, Object.getOwnPropertyDescriptor(refused, key)!);
  }
  const before = describeContext(context);
  const after = describeContext(own);
  Object.defineProperty(derived, 'context', { value: own, enumerable: true, writable: false, configurable: true });
  Object.defineProperty(derived, 'message', { value: refused.message.replace(before, after), writable: true, configurable: true });
  if (typeof refused.stack === 'string') {
    Object.defineProperty(derived, 'stack', { value: refused.stack.replace(before, after), writable: true, configurable: true });
  }
  return derived;
}

/** One sent pipeline: collects `[error, result]` per slot and resolves when the last one is in. */
class PipelineBatch implements SettleObserver {
  readonly results: ExecResult;
  readonly #extras: Extras | null;
  readonly #resolve: (results: ExecResult) => void;
  #pending: number;

  constructor(size: number, extras: Extras | null, resolve: (results: ExecResult) => void) {
    this.results = new Array(size);
    this.#pending = size;
    this.#extras = extras;
    this.#resolve = resolve;
  }

  onCommandSettled(slot: number, error: Error | null, reply: unknown): void {
    this.results[slot] = error === null ? [null, reply] : ([error] as unknown as [Error, unknown]);
    const callback = this.#extras?.[slot]?.callback;
    if (callback !== undefined) invokeCallback(callback, error, reply);
    if (--this.#pending === 0) this.#resolve(this.results);
  }
}

/**
 * `client.multi()`'s exec: the last slot is EXEC's. Its error (EXECABORT, a lost connection)
 * rejects, carrying the errors of the commands before it; its array becomes the results.
 */
function unwrapTransaction(results: ExecResult): ExecResult | null {
  const last = results[results.length - 1];
  if (last === undefined) return [];
  const [error, reply] = last;
  if (error !== null) {
    const previous: Error[] = [];
    for (let i = 0; i < results.length - 1; i++) {
      const itemError = results[i]![0];
      if (itemError !== null) previous.push(itemError);
    }
    throw withPreviousErrors(error, previous);
  }
  return wrapMultiResult(reply);
}

/** A per-command callback runs before exec() settles; a throw in it surfaces, uncaught, next tick. */
function invokeCallback(callback: NodeCallback, error: Error | null, result: unknown): void {
  try {
    if (error === null) callback(null, result);
    else callback(error);
  } catch (thrown) {
    process.nextTick(() => {
      throw thrown;
    });
  }
}

function settleWithCallback<T>(promise: Promise<T>, callback: NodeCallback<T> | undefined): Promise<T> {
  if (callback !== undefined) {
    promise.then(
      (result) => invokeCallback(callback as NodeCallback, null, result),
      (error: Error) => invokeCallback(callback as NodeCallback, error, undefined),
    );
  }
  return promise;
}

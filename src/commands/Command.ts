import { hasBlockArgument } from './commandFlags';
import { setCustomArgumentTransformer, setCustomReplyTransformer, specOf, type CommandSpec, type SpecialKind } from './commandSpec';
import { burstNow } from '../util/timers';

export type { SpecialKind } from './commandSpec';

/** What a command argument is once flattened: what the encoder writes. */
export type CommandArgument = string | Buffer | number;

export type ReplyTransformer = (reply: unknown) => unknown;

/**
 * Hears a command's outcome without a promise. One observer serves a whole batch (a pipeline,
 * a cluster attempt): the command carries its `slot` in it, so no closure is made per command.
 */
export interface SettleObserver {
  /** Called once, with the transformed reply or the error. */
  onCommandSettled(slot: number, error: Error | null, reply: unknown): void;
}

/** The write queue a command waits in, told when the command settles before it is written. */
export interface WriteQueueWatcher {
  onSettledWhileQueued(): void;
}

/** An observer for one command (rare paths: leases, ASKING); batches implement SettleObserver. */
export function observe(command: Command, listener: (error: Error | null, reply: unknown) => void): void {
  command.observer = { onCommandSettled: (_slot, error, reply) => listener(error, reply) };
}

/**
 * One command on its way: issued -> awaitingWrite -> awaitingReply -> settled. The same record
 * moves from queue to queue; nothing is copied per step.
 */
export class Command {
  /** ioredis: transform the arguments of every later `name` call (e.g. accept an object). */
  static setArgumentTransformer(name: string, transformer: (args: unknown[]) => unknown[]): void {
    setCustomArgumentTransformer(name.toLowerCase(), transformer);
  }

  /** ioredis: transform the reply of every later `name` call. */
  static setReplyTransformer(name: string, transformer: (reply: unknown) => unknown): void {
    setCustomReplyTransformer(name.toLowerCase(), transformer);
  }

  readonly name: string;
  args: CommandArgument[];
  /** true: replies as Buffers (the `…Buffer` methods); false: strings. */
  readonly returnBuffers: boolean;
  readonly isReadOnly: boolean;
  readonly isBlocking: boolean;
  readonly issuedAt: number;
  readonly special: SpecialKind | undefined;
  /** When the command was handed to the socket; 0 while unwritten. */
  writtenAt = 0;
  /** Reconnects this command waited through in the offline queue. */
  reconnectsWaited = 0;
  /** The caller has its answer (reply, error or timeout); a late reply is dropped. */
  isSettled = false;
  /** Part of MULTI … EXEC: never re-sent on its own. */
  inTransaction = false;
  /** Sent by the library itself (handshake); never shown to the user's queue accounting. */
  isInternal = false;
  /** Replies still expected: >1 for SUBSCRIBE a b c, which the server confirms channel by channel. */
  expectedReplies = 1;
  replyTransformer: ReplyTransformer | undefined;
  /** Integrity mode: the token this internal ECHO must get back to prove the batch aligned. */
  integrityToken: string | undefined = undefined;
  /** Command-specific timer (commandTimeout); only present when the caller configured one. */
  timer: unknown = undefined;

  /** Who hears the outcome without a promise, and this command's place in what it observes. */
  observer: SettleObserver | undefined = undefined;
  slot = 0;
  /** Set while the command waits in a connection's write queue; cleared when it is written. */
  waitingIn: WriteQueueWatcher | undefined = undefined;

  // The promise is made on first request: a command nobody awaits costs no promise, and an error
  // nobody asked for is no unhandled rejection.
  #promise: Promise<unknown> | undefined = undefined;
  #resolvePromise: ((value: unknown) => void) | undefined = undefined;
  #rejectPromise: ((reason: Error) => void) | undefined = undefined;
  /** The outcome, kept for a promise requested after settling. */
  #error: Error | null = null;
  #value: unknown = undefined;

  constructor(name: string, args: CommandArgument[], returnBuffers = false, readOnlyHint?: boolean, spec: CommandSpec = specOf(name)) {
    this.name = name;
    this.args = args;
    this.returnBuffers = returnBuffers;
    this.isReadOnly = readOnlyHint ?? spec.isReadOnly;
    this.isBlocking = spec.blocking === 'always' || (spec.blocking === 'withBlockArgument' && hasBlockArgument(args));
    this.issuedAt = burstNow();
    this.special = spec.special;
  }

  get promise(): Promise<unknown> {
    let promise = this.#promise;
    if (promise !== undefined) return promise;
    if (!this.isSettled) {
      promise = new Promise((resolve, reject) => {
        this.#resolvePromise = resolve;
        this.#rejectPromise = reject;
      });
    } else {
      promise = this.#error === null ? Promise.resolve(this.#value) : Promise.reject(this.#error);
    }
    this.#promise = promise;
    return promise;
  }

  resolve(reply: unknown): void {
    if (this.isSettled) return;
    this.isSettled = true;
    let value = reply;
    const transform = this.replyTransformer;
    if (transform !== undefined) {
      try {
        value = transform(reply);
      } catch (error) {
        this.#settle(error instanceof Error ? error : new Error(String(error)), undefined);
        return;
      }
    }
    this.#settle(null, value);
  }

  reject(error: Error): void {
    if (this.isSettled) return;
    this.isSettled = true;
    this.#settle(error, undefined);
  }

  #settle(error: Error | null, value: unknown): void {
    const queue = this.waitingIn;
    if (queue !== undefined) {
      this.waitingIn = undefined;
      queue.onSettledWhileQueued();
    }
    const observer = this.observer;
    if (observer !== undefined) observer.onCommandSettled(this.slot, error, value);
    if (this.#promise !== undefined) {
      if (error === null) this.#resolvePromise!(value);
      else this.#rejectPromise!(error);
    } else {
      this.#error = error;
      this.#value = value;
    }
  }
}

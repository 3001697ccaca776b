import { isBlockingCommand, isReadOnlyCommand } from './commandFlags';
import { now } from '../util/timers';

/** What a command argument is once flattened: what the encoder writes. */
export type CommandArgument = string | Buffer | number;

export type ReplyTransformer = (reply: unknown) => unknown;

/**
 * Commands the connection must notice when written or answered (they change what the socket
 * is: subscriber mode, db, name, credentials, closing). Everything else is `undefined`, so the
 * hot path pays one comparison.
 */
export type SpecialKind =
  | 'subscribe' | 'psubscribe' | 'ssubscribe'
  | 'unsubscribe' | 'punsubscribe' | 'sunsubscribe'
  | 'quit' | 'select' | 'auth' | 'client' | 'monitor' | 'hello' | 'reset'
  | 'watch' | 'unwatch' | 'multi' | 'exec' | 'discard';

const specialKinds = new Map<string, SpecialKind>([
  ['subscribe', 'subscribe'], ['psubscribe', 'psubscribe'], ['ssubscribe', 'ssubscribe'],
  ['unsubscribe', 'unsubscribe'], ['punsubscribe', 'punsubscribe'], ['sunsubscribe', 'sunsubscribe'],
  ['quit', 'quit'], ['select', 'select'], ['auth', 'auth'], ['client', 'client'], ['monitor', 'monitor'],
  ['hello', 'hello'], ['reset', 'reset'],
  ['watch', 'watch'], ['unwatch', 'unwatch'], ['multi', 'multi'], ['exec', 'exec'], ['discard', 'discard'],
]);

/**
 * One command on its way: issued -> awaitingWrite -> awaitingReply -> settled. The same record
 * moves from queue to queue; nothing is copied per step.
 */
export class Command {
  readonly name: string;
  args: CommandArgument[];
  /** true: replies as Buffers (the `…Buffer` methods); false: strings. */
  readonly returnBuffers: boolean;
  readonly promise: Promise<unknown>;
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

  #resolve!: (value: unknown) => void;
  #reject!: (reason: Error) => void;

  constructor(name: string, args: CommandArgument[], returnBuffers = false, readOnlyHint?: boolean) {
    this.name = name;
    this.args = args;
    this.returnBuffers = returnBuffers;
    this.isReadOnly = readOnlyHint ?? isReadOnlyCommand(name);
    this.isBlocking = isBlockingCommand(name, args);
    this.issuedAt = now();
    this.special = specialKinds.get(name);
    this.promise = new Promise((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
  }

  resolve(reply: unknown): void {
    if (this.isSettled) return;
    this.isSettled = true;
    const transform = this.replyTransformer;
    if (transform === undefined) {
      this.#resolve(reply);
      return;
    }
    try {
      this.#resolve(transform(reply));
    } catch (error) {
      this.#reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  reject(error: Error): void {
    if (this.isSettled) return;
    this.isSettled = true;
    this.#reject(error);
  }
}

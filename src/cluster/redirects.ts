import type { Command } from '../commands/Command';
import {
  AskError,
  CommandTimeoutError,
  ConnectionError,
  InheritedConnectionError,
  MovedError,
  OfflineQueueDisabledError,
  OfflineQueueFullError,
  ReplyDesyncError,
  ReplyError,
  SubscriberModeError,
  toRedirectionError,
} from '../errors';
import { startTimer, stopTimer, type TimerHandle } from '../util/timers';

/**
 * What to do with the error a node gave a cluster command.
 *
 * - MOVED / ASK / TRYAGAIN / CLUSTERDOWN are replies: the node did not run the command, so it can
 *   be sent again (to the new owner, with ASKING to the importing node, or after a pause).
 * - FAILOVER: a connection error from before the command could have run (not written, dial failed,
 *   node gone), or any connection error of a read-only command. Sent again after a pause and a
 *   topology refresh, which is how a replica's promotion is found.
 * - final: everything else, including a write whose connection died after it was written
 *   (`context.mayHaveExecuted`): at most once, so it is the caller's to decide.
 */
export type Verdict =
  | { kind: 'MOVED'; error: MovedError }
  | { kind: 'ASK'; error: AskError }
  | { kind: 'TRYAGAIN' | 'CLUSTERDOWN' | 'FAILOVER'; error: Error }
  | { kind: 'final'; error: Error };

/** Connection errors after which the node may come back or be replaced: worth a refresh and a retry. */
function isNodeFailure(error: ConnectionError): boolean {
  return !(
    error instanceof CommandTimeoutError ||
    error instanceof InheritedConnectionError ||
    error instanceof OfflineQueueFullError ||
    error instanceof OfflineQueueDisabledError ||
    error instanceof SubscriberModeError ||
    error instanceof ReplyDesyncError
  );
}

/** True when the error says the command may have run on the server (a reply lost, not refused). */
export function mayHaveExecuted(error: Error): boolean {
  return error instanceof ConnectionError && error.context.mayHaveExecuted;
}

export function classify(rawError: Error, command: Pick<Command, 'isReadOnly'>): Verdict {
  if (rawError instanceof ReplyError) {
    const error = toRedirectionError(rawError);
    if (error instanceof MovedError) return { kind: 'MOVED', error };
    if (error instanceof AskError) return { kind: 'ASK', error };
    const message = error.message;
    if (message.startsWith('TRYAGAIN')) return { kind: 'TRYAGAIN', error };
    if (message.startsWith('CLUSTERDOWN')) return { kind: 'CLUSTERDOWN', error };
    return { kind: 'final', error };
  }
  if (rawError instanceof ConnectionError && isNodeFailure(rawError)) {
    if (!rawError.context.mayHaveExecuted || command.isReadOnly) return { kind: 'FAILOVER', error: rawError };
  }
  return { kind: 'final', error: rawError };
}

/**
 * Retries waiting out a delay, batched per kind (ioredis's DelayQueue): one timer per kind, and
 * when it fires, `before` (a topology refresh) runs once for the whole batch, then each retry.
 */
export class DelayQueue {
  readonly #batches = new Map<string, { timer: TimerHandle; tasks: Array<() => void> }>();

  get size(): number {
    let size = 0;
    for (const batch of this.#batches.values()) size += batch.tasks.length;
    return size;
  }

  push(kind: string, delayMs: number, task: () => void, before?: () => Promise<unknown>): void {
    const batch = this.#batches.get(kind);
    if (batch !== undefined) {
      batch.tasks.push(task);
      return;
    }
    const tasks = [task];
    const timer = startTimer(() => {
      this.#batches.delete(kind);
      const run = (): void => {
        for (const next of tasks) next();
      };
      if (before === undefined) run();
      else before().then(run, run);
    }, delayMs);
    this.#batches.set(kind, { timer, tasks });
  }

  /** Run every waiting retry now (they then find the cluster closed and fail). */
  flush(): void {
    const batches = [...this.#batches.values()];
    this.#batches.clear();
    for (const batch of batches) {
      stopTimer(batch.timer);
      for (const task of batch.tasks) task();
    }
  }
}

import type { Command } from './commands/Command';

/**
 * Commands that never join an automatic pipeline (ioredis's list): they change the
 * connection's mode or state, or must be answered before anything after them is sent.
 */
export const notAllowedAutoPipelineCommands: readonly string[] = [
  'auth', 'info', 'script', 'quit', 'cluster', 'pipeline', 'multi', 'subscribe', 'psubscribe',
  'unsubscribe', 'unpsubscribe', 'select', 'client', 'hello', 'readonly', 'himport',
];

export function shouldUseAutoPipelining(name: string, ignored: readonly string[]): boolean {
  return !notAllowedAutoPipelineCommands.includes(name) && !ignored.includes(name);
}

/**
 * `enableAutoPipelining`, with ioredis's semantics: commands issued during one turn of the event
 * loop (up to `setImmediate`, so also those issued by I/O callbacks of that turn) are written
 * together, and while one such batch waits for its replies the next one collects. Without it the
 * connection already writes everything issued in one tick at once; this widens the window to a
 * turn and bounds the batches in flight to one.
 */
export class AutoPipeline {
  readonly #send: (commands: readonly Command[]) => void;
  #collecting: Command[] = [];
  #isScheduled = false;
  #isRunning = false;

  constructor(send: (commands: readonly Command[]) => void) {
    this.#send = send;
  }

  /** Commands collected and not yet written (ioredis `autoPipelineQueueSize`). */
  get queueSize(): number {
    return this.#collecting.length;
  }

  enqueue(command: Command): Promise<unknown> {
    this.#collecting.push(command);
    if (!this.#isScheduled && !this.#isRunning) {
      this.#isScheduled = true;
      setImmediate(this.#run);
    }
    return command.promise;
  }

  readonly #run = (): void => {
    this.#isScheduled = false;
    if (this.#isRunning || this.#collecting.length === 0) return;
    const batch = this.#collecting;
    this.#collecting = [];
    this.#isRunning = true;
    this.#send(batch);
    let pending = batch.length;
    const settled = (): void => {
      if (--pending > 0) return;
      this.#isRunning = false;
      // Commands that arrived while this batch was out go at once, as ioredis does.
      if (this.#collecting.length > 0) this.#run();
    };
    for (const command of batch) command.promise.then(settled, settled);
  };
}

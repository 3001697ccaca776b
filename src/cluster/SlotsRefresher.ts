import { now, startTimer, stopTimer, type TimerHandle } from '../util/timers';

interface Deferred {
  promise: Promise<void>;
  resolve(): void;
  reject(error: Error): void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Callers that only trigger a refresh never look at its outcome.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/**
 * Topology refreshes without a storm: one runs at a time, starts are at least `minIntervalMs`
 * apart, and every trigger that arrives meanwhile joins the single next run. A trigger during a
 * run waits for the next one, because the running one may have read the topology before the
 * change that caused the trigger (a MOVED seen after CLUSTER SLOTS was answered).
 *
 * ```
 *   trigger ──► next run pending? ── yes ──► join it
 *                    │ no
 *                    ▼
 *              make it pending ──► start when nothing runs and minInterval has passed
 * ```
 */
export class SlotsRefresher {
  readonly #fetch: () => Promise<void>;
  readonly #minIntervalMs: number;
  #running = false;
  #pending: Deferred | null = null;
  #timer: TimerHandle | undefined;
  #lastStartedAt = -Infinity;
  #isStopped = false;
  /** Refreshes started (for stats and tests). */
  runs = 0;
  /** Triggers that joined an already pending refresh. */
  coalesced = 0;

  constructor(fetch: () => Promise<void>, minIntervalMs: number) {
    this.#fetch = fetch;
    this.#minIntervalMs = minIntervalMs;
  }

  get isRefreshing(): boolean {
    return this.#running;
  }

  /** Ask for a refresh; resolves when the run that covers this request has finished. */
  refresh(): Promise<void> {
    if (this.#isStopped) return Promise.reject(new Error('Cluster is disconnected.'));
    if (this.#pending !== null) {
      this.coalesced += 1;
      return this.#pending.promise;
    }
    const next = deferred();
    this.#pending = next;
    this.#schedule();
    return next.promise;
  }

  /** Allow refreshes again after stop() (a reconnect). */
  start(): void {
    this.#isStopped = false;
  }

  /** No more refreshes; a pending request is rejected. */
  stop(): void {
    this.#isStopped = true;
    this.#timer = stopTimer(this.#timer);
    const pending = this.#pending;
    this.#pending = null;
    pending?.reject(new Error('Cluster is disconnected.'));
  }

  #schedule(): void {
    if (this.#running || this.#timer !== undefined || this.#pending === null || this.#isStopped) return;
    const wait = this.#lastStartedAt + this.#minIntervalMs - now();
    if (wait > 0) {
      this.#timer = startTimer(() => {
        this.#timer = undefined;
        this.#schedule();
      }, wait);
      return;
    }
    const current = this.#pending;
    this.#pending = null;
    this.#running = true;
    this.#lastStartedAt = now();
    this.runs += 1;
    let outcome: Promise<void>;
    try {
      outcome = this.#fetch();
    } catch (error) {
      outcome = Promise.reject(error);
    }
    outcome.then(
      () => this.#finish(current, null),
      (error: unknown) => this.#finish(current, error instanceof Error ? error : new Error(String(error))),
    );
  }

  #finish(current: Deferred, error: Error | null): void {
    this.#running = false;
    if (error === null) current.resolve();
    else current.reject(error);
    this.#schedule();
  }
}

/**
 * The only place that touches the global timer functions. Tests swap `timerFunctions`
 * for a fake clock; production code never calls setTimeout directly.
 */
import { performance } from 'node:perf_hooks';

export interface TimerHandle {
  unref?(): unknown;
  ref?(): unknown;
}

export interface TimerFunctions {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
  now(): number;
}

export const timerFunctions: TimerFunctions = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  // The imported object, not the global: globalThis.performance is a lazy accessor in Node 20,
  // so every read of the global runs a getter.
  now: () => performance.now(),
};

export function startTimer(callback: () => void, ms: number): TimerHandle {
  return timerFunctions.setTimeout(callback, ms);
}

export function stopTimer(handle: TimerHandle | undefined): undefined {
  if (handle !== undefined) timerFunctions.clearTimeout(handle);
  return undefined;
}

/** Milliseconds on a monotonic clock; only differences are meaningful. */
export function now(): number {
  return timerFunctions.now();
}

let burstTime = Number.NaN;
const endBurst = (): void => {
  burstTime = Number.NaN;
};
const settled = Promise.resolve();

/**
 * Runs `callback` once the code running now, and the promise callbacks already queued, are done:
 * the end of a burst. A promise reaction, not process.nextTick or queueMicrotask: Node gives each
 * of those async-hooks bookkeeping (queueMicrotask an AsyncResource and a bound function per
 * call, nextTick a tick object and a promise-rejection pass after the tick), which with one
 * command at a time came to ~2,200 machine instructions per command, counted with callgrind.
 */
export function afterBurst(callback: () => void): void {
  void settled.then(callback);
}

/**
 * `now()`, read once per burst: every call until the microtasks queued so far have run returns
 * the same reading. Commands issued together (a pipeline, the continuations of one reply chunk)
 * share one clock read instead of paying one each; the reading is what error contexts report as
 * elapsed time, where a burst's own duration does not matter.
 */
export function burstNow(): number {
  if (Number.isNaN(burstTime)) {
    burstTime = timerFunctions.now();
    afterBurst(endBurst);
  }
  return burstTime;
}

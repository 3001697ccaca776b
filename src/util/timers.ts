/**
 * The only place that touches the global timer functions. Tests swap `timerFunctions`
 * for a fake clock; production code never calls setTimeout directly.
 */
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

/**
 * burstNow(): one clock read per burst of synchronous code and the microtasks queued during it.
 * Commands take their issue time from it; error contexts report elapsed time from that.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { burstNow, timerFunctions, type TimerFunctions } from '../../src/util/timers';

const realTimers: TimerFunctions = { ...timerFunctions };
afterEach(() => {
  Object.assign(timerFunctions, realTimers);
});

function countingClock(): { reads: () => number } {
  let reads = 0;
  timerFunctions.now = () => ++reads * 10;
  return { reads: () => reads };
}

describe('burstNow', () => {
  it('reads the clock once for every call in one synchronous run', async () => {
    await Promise.resolve(); // start from a fresh burst
    const clock = countingClock();
    const readings = Array.from({ length: 100 }, () => burstNow());
    expect(new Set(readings).size).toBe(1);
    expect(clock.reads()).toBe(1);
  });

  it('reads it again once the microtasks queued during the burst have run', async () => {
    await Promise.resolve();
    const clock = countingClock();
    const first = burstNow();
    await Promise.resolve();
    await Promise.resolve();
    const second = burstNow();
    expect(second).toBeGreaterThan(first);
    expect(clock.reads()).toBe(2);
  });
});

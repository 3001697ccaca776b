/**
 * Who opened a connection, and who is calling now. A connection whose owner is another
 * process (startup snapshot restored, socket handed over, process cloned) must never be
 * written to or `end()`ed: see docs/fork-safety.md.
 */
export type PidSource = () => number;

export const processPid: PidSource = () => process.pid;

export type ForkSafetyPolicy = 'reconnect' | 'error';

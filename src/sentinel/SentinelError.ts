import { RedisError, type ErrorCause } from '../errors';

/** What one sentinel said (or why it said nothing) during one resolution. */
export interface SentinelAttempt {
  /** "host:port" of the sentinel. */
  sentinel: string;
  /** One line: "connect ECONNREFUSED", "unknown master name", "no usable replica (2 listed)". */
  outcome: string;
  cause: ErrorCause | null;
}

export interface SentinelErrorContext {
  masterName: string;
  role: 'master' | 'slave';
  /** Every sentinel asked, in order, over every pass of this resolution. */
  attempts: SentinelAttempt[];
  /** Passes over the sentinel list. */
  passes: number;
  /** Milliseconds the resolution took. */
  elapsedMs: number;
}

export type SentinelErrorCode =
  /** No sentinel could be reached (or none answered in time). */
  | 'ERR_SENTINEL_UNREACHABLE'
  /** Sentinels answered, and none knows the master name. */
  | 'ERR_SENTINEL_UNKNOWN_MASTER'
  /** `role: 'slave'`: sentinels answered, and none lists a usable replica. */
  | 'ERR_SENTINEL_NO_REPLICA'
  /** Sentinels answered with something that is not an address. */
  | 'ERR_SENTINEL_BAD_REPLY';

/**
 * No address could be had from the sentinels. The message names the master and every sentinel
 * with what it answered; `context.attempts` has the same as data. Passwords never appear.
 */
export class SentinelError extends RedisError {
  override code: SentinelErrorCode;
  readonly context: SentinelErrorContext;
  constructor(code: SentinelErrorCode, context: SentinelErrorContext) {
    super(`${headline(code, context)}: ${describeAttempts(context.attempts)}`);
    this.code = code;
    this.context = context;
  }
}
Object.defineProperty(SentinelError.prototype, 'name', { value: 'SentinelError', writable: true, configurable: true });

function headline(code: SentinelErrorCode, context: SentinelErrorContext): string {
  const name = context.masterName;
  const passes = context.passes > 1 ? ` (${context.passes} passes in ${Math.round(context.elapsedMs)} ms)` : '';
  switch (code) {
    case 'ERR_SENTINEL_UNREACHABLE':
      return `all sentinels unreachable for ${name}${passes}`;
    case 'ERR_SENTINEL_UNKNOWN_MASTER':
      return `no sentinel knows a master named "${name}"${passes}`;
    case 'ERR_SENTINEL_NO_REPLICA':
      return `no usable replica of ${name}${passes}`;
    case 'ERR_SENTINEL_BAD_REPLY':
      return `no address for ${name} from the sentinels${passes}`;
  }
}

/** "127.0.0.1:26379 connect ECONNREFUSED, 127.0.0.1:26380 unknown master name"; repeats of a pass folded. */
function describeAttempts(attempts: SentinelAttempt[]): string {
  const seen = new Map<string, number>();
  for (const attempt of attempts) {
    const line = `${attempt.sentinel} ${attempt.outcome}`;
    seen.set(line, (seen.get(line) ?? 0) + 1);
  }
  return [...seen].map(([line, count]) => (count > 1 ? `${line} (×${count})` : line)).join(', ');
}

/**
 * Secret-bearing arguments never leave the library: not in error messages, `err.command`,
 * `err.context`, nor debug output. Every place that shows a command goes through here.
 */
export const REDACTED = '(redacted)';

export type ShownArg = string | number | Buffer;

const secretConfigParameters = new Set([
  'requirepass', 'masterauth', 'masteruser', 'tls-key-file-pass', 'tls-client-key-file-pass',
]);

function lower(arg: unknown): string {
  if (typeof arg === 'string') return arg.toLowerCase();
  if (Buffer.isBuffer(arg)) return arg.toString('latin1').toLowerCase();
  return String(arg).toLowerCase();
}

/** Indexes (into args) whose values are secrets. */
export function secretArgumentIndexes(name: string, args: readonly unknown[]): number[] {
  switch (name) {
    case 'auth':
      // AUTH password | AUTH username password: the username is half of the pair, hide both.
      return args.map((_, i) => i);
    case 'hello': {
      const at = args.findIndex((a) => lower(a) === 'auth');
      return at === -1 ? [] : [at + 1, at + 2].filter((i) => i < args.length);
    }
    case 'migrate': {
      const hidden: number[] = [];
      args.forEach((a, i) => {
        const word = lower(a);
        if (word === 'auth') hidden.push(i + 1);
        else if (word === 'auth2') hidden.push(i + 1, i + 2);
      });
      return hidden.filter((i) => i < args.length);
    }
    case 'acl': {
      if (lower(args[0]) !== 'setuser') return [];
      const hidden: number[] = [];
      args.forEach((a, i) => {
        if (i < 2) return;
        const rule = typeof a === 'string' ? a : Buffer.isBuffer(a) ? a.toString('latin1') : '';
        const first = rule.charAt(0);
        if (first === '>' || first === '<' || first === '#' || first === '!') hidden.push(i);
      });
      return hidden;
    }
    case 'config': {
      if (lower(args[0]) !== 'set') return [];
      const hidden: number[] = [];
      for (let i = 1; i + 1 < args.length; i += 2) {
        if (secretConfigParameters.has(lower(args[i]))) hidden.push(i + 1);
      }
      return hidden;
    }
    case 'sentinel': {
      const sub = lower(args[0]);
      const hidden: number[] = [];
      if (sub === 'set' || sub === 'config') {
        for (let i = 1; i + 1 < args.length; i++) {
          const word = lower(args[i]);
          if (word === 'auth-pass' || word === 'sentinel-pass' || word === 'auth-user' || word === 'sentinel-user') {
            hidden.push(i + 1);
          }
        }
      }
      return hidden;
    }
    default:
      return [];
  }
}

/** The full argument list with secrets replaced: what `err.command.args` shows. */
export function redactArgs<T extends ShownArg>(name: string, args: readonly T[]): Array<T | string> {
  const hidden = secretArgumentIndexes(name, args);
  if (hidden.length === 0) return args.slice();
  const shown: Array<T | string> = args.slice();
  for (const i of hidden) shown[i] = REDACTED;
  return shown;
}

const MAX_SHOWN_ARGS = 8;
const MAX_SHOWN_CHARS = 64;

/**
 * A short, printable form for error context and debug lines: secrets redacted, long values
 * and long argument lists cut, Buffers summarised.
 */
export function summarizeArgs(name: string, args: readonly unknown[]): string[] {
  const hidden = new Set(secretArgumentIndexes(name, args));
  const shown: string[] = [];
  const limit = Math.min(args.length, MAX_SHOWN_ARGS);
  for (let i = 0; i < limit; i++) {
    if (hidden.has(i)) {
      shown.push(REDACTED);
      continue;
    }
    const arg = args[i];
    let text = Buffer.isBuffer(arg) ? `<Buffer ${arg.length} bytes>` : String(arg);
    if (text.length > MAX_SHOWN_CHARS) text = `${text.slice(0, MAX_SHOWN_CHARS)}… (${text.length} chars)`;
    shown.push(text);
  }
  if (args.length > limit) shown.push(`… ${args.length - limit} more`);
  return shown;
}

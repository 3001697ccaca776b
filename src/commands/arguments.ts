import { getKeyIndexes, exists as commandExists } from '@ioredis/commands';
import type { CommandArgument } from './Command';

/**
 * User arguments -> what the encoder writes: nested arrays flattened, numbers and booleans kept
 * printable, and everything else refused with a TypeError that names the command and the
 * position, before anything reaches the socket.
 */
export function flattenArgs(name: string, args: readonly unknown[]): CommandArgument[] {
  // Fast path: already flat strings, numbers and Buffers (the overwhelming case).
  let flat = true;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (typeof arg === 'number') {
      // NaN and integers beyond 2^53 take the slow path: refused / printed exactly, as when nested.
      if (Number.isNaN(arg) || (Number.isInteger(arg) && !Number.isSafeInteger(arg))) {
        flat = false;
        break;
      }
    } else if (typeof arg !== 'string' && !Buffer.isBuffer(arg)) {
      flat = false;
      break;
    }
  }
  if (flat) return args as CommandArgument[];
  const out: CommandArgument[] = [];
  appendFlattened(name, args, out, '');
  return out;
}

function appendFlattened(name: string, args: readonly unknown[], out: CommandArgument[], path: string): void {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const position = path === '' ? `${i + 1}` : `${path}.${i + 1}`;
    if (typeof arg === 'string' || Buffer.isBuffer(arg)) {
      out.push(arg);
    } else if (typeof arg === 'number') {
      if (Number.isNaN(arg)) throw invalidArgument(name, position, 'NaN');
      // Beyond 2^53 String() would print an exponent; print the exact integer instead.
      out.push(Number.isInteger(arg) && !Number.isSafeInteger(arg) ? BigInt(arg).toString() : arg);
    } else if (Array.isArray(arg)) {
      appendFlattened(name, arg, out, position);
    } else if (typeof arg === 'bigint' || typeof arg === 'boolean') {
      out.push(String(arg));
    } else if (arg === null) {
      // ioredis sends null as an empty string; kept for compatibility.
      out.push('');
    } else if (arg instanceof Uint8Array) {
      out.push(Buffer.from(arg.buffer, arg.byteOffset, arg.byteLength));
    } else {
      throw invalidArgument(name, position, describeValue(arg));
    }
  }
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'symbol') return 'a symbol';
  if (typeof value === 'function') return 'a function';
  if (value instanceof Map) return 'a Map';
  if (value instanceof Set) return 'a Set';
  if (value instanceof Date) return 'a Date';
  return 'an object';
}

function invalidArgument(name: string, position: string, what: string): TypeError {
  const error = new TypeError(
    `Invalid argument ${position} of ${name.toUpperCase()}: ${what} cannot be sent to Redis (use a string, number, Buffer or array of them)`,
  );
  (error as TypeError & { code: string }).code = 'ERR_INVALID_ARGUMENT';
  return error;
}

export type ArgumentTransformer = (args: unknown[]) => unknown[];

function entriesOf(value: unknown): unknown[] | null {
  if (value instanceof Map) {
    const flat: unknown[] = [];
    for (const [key, item] of value) flat.push(key, item);
    return flat;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value) && !(value instanceof Uint8Array)) {
    const flat: unknown[] = [];
    for (const key of Object.keys(value)) flat.push(key, (value as Record<string, unknown>)[key]);
    return flat;
  }
  return null;
}

/** MSET { a: 1, b: 2 } / MSET Map */
const pairsAsOnlyArgument: ArgumentTransformer = (args) => {
  if (args.length === 1) return entriesOf(args[0]) ?? args;
  return args;
};

/** HSET key { field: value } / HSET key Map */
const pairsAfterKey: ArgumentTransformer = (args) => {
  if (args.length === 2) {
    const pairs = entriesOf(args[1]);
    if (pairs !== null) return [args[0], ...pairs];
  }
  return args;
};

export const argumentTransformers = new Map<string, ArgumentTransformer>([
  ['mset', pairsAsOnlyArgument],
  ['msetnx', pairsAsOnlyArgument],
  ['hset', pairsAfterKey],
  ['hmset', pairsAfterKey],
]);

export type ReplyTransformerFn = (reply: unknown) => unknown;

/** HGETALL's flat [field, value, …] as an object; "__proto__" stays a plain own key. */
export function pairsToObject(reply: unknown): unknown {
  if (!Array.isArray(reply)) return reply;
  const object: Record<string, unknown> = {};
  for (let i = 0; i < reply.length; i += 2) {
    const key = String(reply[i]);
    if (key === '__proto__') {
      Object.defineProperty(object, key, { value: reply[i + 1], enumerable: true, writable: true, configurable: true });
    } else {
      object[key] = reply[i + 1];
    }
  }
  return object;
}

export const replyTransformers = new Map<string, ReplyTransformerFn>([['hgetall', pairsToObject]]);

/** Prefix every key argument (positions from the command table's key specs). */
export function applyKeyPrefix(name: string, args: CommandArgument[], prefix: string, prefixBuffer: Buffer): CommandArgument[] {
  if (!commandExists(name)) return args;
  let indexes: number[];
  try {
    indexes = getKeyIndexes(name, args);
  } catch {
    return args;
  }
  if (indexes.length === 0) return args;
  const prefixed = args.slice();
  for (const index of indexes) {
    const key = prefixed[index];
    if (key === undefined) continue;
    prefixed[index] = Buffer.isBuffer(key) ? Buffer.concat([prefixBuffer, key]) : prefix + String(key);
  }
  return prefixed;
}

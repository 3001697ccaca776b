import type * as tls from 'node:tls';
import type { ReconnectOnError, RetryStrategy } from './connection/Connection';
import { defaultRetryStrategy } from './connection/Connection';
import type { CredentialsProvider } from './connection/handshake';
import type { PoolOptions } from './pool/Pool';
import type { ForkSafetyPolicy, PidSource } from './process/ownerPid';
import { processPid } from './process/ownerPid';
import { SENTINEL_DEFAULTS, sentinelOptionChecks, type SentinelOptions } from './sentinel/sentinelOptions';

/** A Lua script registered as a command (ioredis `defineCommand` / `scripts`). */
export interface ScriptDefinition {
  lua: string;
  numberOfKeys?: number;
  readOnly?: boolean;
}

/**
 * Options of `new Redis(...)`. Names and defaults are ioredis's; the options this library adds
 * are marked "forksafe-redis".
 */
export interface RedisOptions extends SentinelOptions {
  /** Default "localhost". */
  host?: string;
  /** Default 6379. */
  port?: number;
  /** Unix socket path; when set, host and port are ignored. */
  path?: string;
  /** IP family for DNS lookups: 0 (either), 4 or 6. Default 0. */
  family?: number;
  username?: string | null;
  password?: string | null;
  /** Database index selected on every new socket. Default 0. */
  db?: number;
  /** Sent with CLIENT SETNAME on every new socket. */
  connectionName?: string | null;
  /** Milliseconds to connect and finish the handshake before the attempt fails. Default 10000. */
  connectTimeout?: number;
  /** Milliseconds a command may wait for its reply before it is rejected ("Command timed out"). */
  commandTimeout?: number;
  /** Milliseconds without any byte received, while replies are due, before the socket is closed. */
  socketTimeout?: number;
  /** TCP keep-alive initial delay in ms; 0 or false disables. Default 30000. */
  keepAlive?: number | false;
  /** Disable Nagle's algorithm. Default true. */
  noDelay?: boolean;
  /** Delay (ms) before reconnect attempt `times`; a non-number stops reconnecting. */
  retryStrategy?: RetryStrategy | null;
  reconnectOnError?: ReconnectOnError | null;
  /** Reconnect attempts a queued command waits through before it fails; null = no limit. Default 20. */
  maxRetriesPerRequest?: number | null;
  /** Queue commands while not connected. Default true. */
  enableOfflineQueue?: boolean;
  /** Wait until the server has loaded its dataset before "ready". Default true. */
  enableReadyCheck?: boolean;
  /** Connect on the first command (or `connect()`) instead of at construction. Default false. */
  lazyConnect?: boolean;
  /** Prefix applied to every key argument. */
  keyPrefix?: string;
  /** Re-subscribe channels and patterns after a reconnect. Default true. */
  autoResubscribe?: boolean;
  /**
   * Re-send written-but-unanswered commands after a reconnect even if they are writes (ioredis's
   * at-least-once behaviour). Default false here: read-only commands are re-sent, writes fail
   * with `mayHaveExecuted: true`. See docs/connection.md.
   */
  autoResendUnfulfilledCommands?: boolean;
  enableAutoPipelining?: boolean;
  autoPipeliningIgnoredCommands?: string[];
  /** Send READONLY on every new socket (cluster replicas). */
  readOnly?: boolean;
  /** Return integers as strings (for values beyond 2^53). */
  stringNumbers?: boolean;
  /** Lua scripts to define as commands at construction. */
  scripts?: Record<string, ScriptDefinition>;
  /** Options passed to `tls.connect`; `rediss://` URLs set it to `{}`. */
  tls?: tls.ConnectionOptions | boolean;
  /** 2 or 3. Replies keep ioredis's default shapes either way; see DESIGN. */
  protocol?: 2 | 3;
  /** Longest wait (ms) for a server answering LOADING. Default 10000. */
  maxLoadingRetryTime?: number;
  /** forksafe-redis: asked for credentials before every handshake (token rotation). */
  credentialsProvider?: CredentialsProvider | null;
  /** forksafe-redis: most commands the offline queue holds. Default 100000. */
  offlineQueueLimit?: number;
  /** forksafe-redis: largest reply accepted, in bytes. Default 512 MiB (Redis's proto-max-bulk-len). */
  maxReplyBytes?: number;
  /**
   * forksafe-redis: prove every reply belongs to its command. Each written batch ends with an
   * `ECHO <token>`; replies are released only when the token comes back in place, else the
   * connection is destroyed and the batch fails with ReplyDesyncError. Costs one ECHO per batch.
   */
  integrity?: boolean;
  /** forksafe-redis: what to do with a connection opened by another process. Default 'reconnect'. */
  forkSafety?: ForkSafetyPolicy;
  /** forksafe-redis: where the current PID comes from (embedders, tests). Default `process.pid`. */
  pidSource?: PidSource;
  /** forksafe-redis: leased connections for blocking commands, WATCH flows and withConnection(). */
  pool?: PoolOptions;
  /** ioredis: used internally by `monitor()`. */
  monitor?: boolean;
  // Sentinel options (sentinels, name, role, …): see sentinel/sentinelOptions.ts and docs/sentinel.md.
}

/** Options after defaults, as `client.options` shows them. */
export interface ResolvedRedisOptions extends RedisOptions {
  host: string;
  port: number;
  family: number;
  db: number;
  connectTimeout: number;
  keepAlive: number | false;
  noDelay: boolean;
  retryStrategy: RetryStrategy | null;
  reconnectOnError: ReconnectOnError | null;
  maxRetriesPerRequest: number | null;
  enableOfflineQueue: boolean;
  enableReadyCheck: boolean;
  lazyConnect: boolean;
  keyPrefix: string;
  autoResubscribe: boolean;
  autoResendUnfulfilledCommands: boolean;
  enableAutoPipelining: boolean;
  autoPipeliningIgnoredCommands: string[];
  readOnly: boolean;
  stringNumbers: boolean;
  maxLoadingRetryTime: number;
  offlineQueueLimit: number;
  maxReplyBytes: number;
  forkSafety: ForkSafetyPolicy;
  pidSource: PidSource;
  integrity: boolean;
  username: string | null;
  password: string | null;
  connectionName: string | null;
  credentialsProvider: CredentialsProvider | null;
}

export const DEFAULT_OPTIONS = {
  ...SENTINEL_DEFAULTS,
  host: 'localhost',
  port: 6379,
  family: 0,
  db: 0,
  connectTimeout: 10_000,
  keepAlive: 30_000,
  noDelay: true,
  retryStrategy: defaultRetryStrategy,
  reconnectOnError: null,
  maxRetriesPerRequest: 20,
  enableOfflineQueue: true,
  enableReadyCheck: true,
  lazyConnect: false,
  keyPrefix: '',
  autoResubscribe: true,
  autoResendUnfulfilledCommands: false,
  enableAutoPipelining: false,
  autoPipeliningIgnoredCommands: [],
  readOnly: false,
  stringNumbers: false,
  maxLoadingRetryTime: 10_000,
  offlineQueueLimit: 100_000,
  maxReplyBytes: 512 * 1024 * 1024,
  forkSafety: 'reconnect',
  pidSource: processPid,
  integrity: false,
  username: null,
  password: null,
  connectionName: null,
  credentialsProvider: null,
} satisfies Partial<ResolvedRedisOptions>;

function isIntegerString(text: string): boolean {
  return /^\d+$/.test(text);
}

/**
 * `redis://user:pass@host:port/db?option=value`, `rediss://…` (TLS), a bare `host:port`, a
 * unix socket path, or a port number as a string.
 */
export function parseUrl(url: string): RedisOptions {
  if (isIntegerString(url)) return { port: Number(url) };
  if (url.startsWith('/')) return { path: url };
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(url);
  let parsed: URL;
  try {
    parsed = new URL(hasScheme ? url : `redis://${url}`);
  } catch {
    throw new TypeError(`Invalid Redis URL: ${redactUrl(url)}`);
  }
  const scheme = parsed.protocol.toLowerCase();
  if (scheme !== 'redis:' && scheme !== 'rediss:' && scheme !== 'unix:') {
    throw new TypeError(`Invalid Redis URL: unsupported scheme "${scheme}" in ${redactUrl(url)} (use redis://, rediss:// or a socket path)`);
  }
  const options: RedisOptions = {};
  if (parsed.username !== '') options.username = decodeURIComponent(parsed.username);
  if (parsed.password !== '') options.password = decodeURIComponent(parsed.password);
  if (scheme === 'unix:') {
    options.path = decodeURIComponent(parsed.pathname);
  } else {
    if (parsed.hostname !== '') options.host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
    if (parsed.port !== '') options.port = Number(parsed.port);
    const db = parsed.pathname.replace(/^\//, '');
    if (db !== '') {
      if (!isIntegerString(db)) throw new TypeError(`Invalid Redis URL: database "${db}" in ${redactUrl(url)} is not a number`);
      options.db = Number(db);
    }
    if (scheme === 'rediss:') options.tls = {};
  }
  const record = options as Record<string, unknown>;
  for (const [key, value] of parsed.searchParams) {
    // As ioredis: what the URL itself says (userinfo, host, port, /db) wins over the query.
    if (record[key] !== undefined) continue;
    if (key === 'password' || key === 'username') {
      record[key] = value;
    } else if (/^-?\d+(\.\d+)?$/.test(value)) {
      record[key] = Number(value);
    } else if (value === 'true' || value === 'false') {
      record[key] = value === 'true';
    } else {
      record[key] = value;
    }
  }
  return options;
}

/** A URL safe to show: the password replaced. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:@/]*:)[^@/]*@/, '$1(redacted)@').replace(/([?&]password=)[^&]*/i, '$1(redacted)');
}

/** ioredis's constructor forms: (), (port), (port, host), (path), (url), (…, options), (options). */
export function parseConstructorArguments(args: readonly unknown[]): RedisOptions {
  const collected: RedisOptions = {};
  const fill = (source: RedisOptions): void => {
    // Earlier arguments win, as with ioredis (`defaults`).
    for (const [key, value] of Object.entries(source)) {
      const record = collected as Record<string, unknown>;
      if (value === undefined) continue;
      if (record[key] === undefined) {
        record[key] = value;
      } else if (key === 'tls' && fromUrlTls && typeof value === 'object' && value !== null) {
        // rediss:// only says "use TLS"; the options object says how (ca, cert, servername…).
        record.tls = { ...(record.tls as object), ...value };
        fromUrlTls = false;
      }
    }
  };
  let fromUrlTls = false;
  for (const arg of args) {
    if (arg === null || arg === undefined) continue;
    if (typeof arg === 'number') fill({ port: arg });
    else if (typeof arg === 'string') {
      const parsed = parseUrl(arg);
      if (parsed.tls !== undefined && collected.tls === undefined) fromUrlTls = true;
      fill(parsed);
    }
    else if (typeof arg === 'object' && !Array.isArray(arg)) fill(arg as RedisOptions);
    else throw new TypeError(`Invalid argument ${typeof arg === 'function' ? 'function' : String(arg)}: expected a port, a URL, a socket path or an options object`);
  }
  return collected;
}

type Check = (value: unknown) => boolean;

const isNumber: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const isNonNegative: Check = (v) => isNumber(v) && (v as number) >= 0;
const isNonNegativeInt: Check = (v) => Number.isInteger(v) && (v as number) >= 0;
const isPositiveInt: Check = (v) => Number.isInteger(v) && (v as number) > 0;
const isBool: Check = (v) => typeof v === 'boolean';
const isString: Check = (v) => typeof v === 'string';
const isNullableString: Check = (v) => v === null || typeof v === 'string';
const isFunctionOrNull: Check = (v) => v === null || typeof v === 'function';

const checks: Record<string, [Check, string]> = {
  host: [isString, 'a string'],
  port: [(v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) < 65536, 'an integer port from 0 to 65535'],
  path: [isString, 'a string'],
  family: [(v) => v === 0 || v === 4 || v === 6, '0, 4 or 6'],
  username: [isNullableString, 'a string or null'],
  password: [isNullableString, 'a string or null'],
  db: [isNonNegativeInt, 'a non-negative integer'],
  connectionName: [isNullableString, 'a string or null'],
  connectTimeout: [isNonNegative, 'a non-negative number of milliseconds'],
  commandTimeout: [isNonNegative, 'a non-negative number of milliseconds'],
  socketTimeout: [isNonNegative, 'a non-negative number of milliseconds'],
  keepAlive: [(v) => v === false || isNonNegative(v), 'a non-negative number of milliseconds or false'],
  noDelay: [isBool, 'a boolean'],
  retryStrategy: [isFunctionOrNull, 'a function or null'],
  reconnectOnError: [isFunctionOrNull, 'a function or null'],
  maxRetriesPerRequest: [(v) => v === null || Number.isInteger(v), 'an integer or null'],
  enableOfflineQueue: [isBool, 'a boolean'],
  enableReadyCheck: [isBool, 'a boolean'],
  lazyConnect: [isBool, 'a boolean'],
  keyPrefix: [isString, 'a string'],
  autoResubscribe: [isBool, 'a boolean'],
  autoResendUnfulfilledCommands: [isBool, 'a boolean'],
  enableAutoPipelining: [isBool, 'a boolean'],
  autoPipeliningIgnoredCommands: [(v) => Array.isArray(v) && v.every((c) => typeof c === 'string'), 'an array of command names'],
  readOnly: [isBool, 'a boolean'],
  stringNumbers: [isBool, 'a boolean'],
  scripts: [(v) => typeof v === 'object' && v !== null, 'an object of script definitions'],
  tls: [(v) => typeof v === 'boolean' || (typeof v === 'object' && v !== null), 'an object of tls.connect options or a boolean'],
  protocol: [(v) => v === 2 || v === 3, '2 or 3'],
  maxLoadingRetryTime: [isNonNegative, 'a non-negative number of milliseconds'],
  credentialsProvider: [isFunctionOrNull, 'a function or null'],
  offlineQueueLimit: [isPositiveInt, 'a positive integer'],
  maxReplyBytes: [isPositiveInt, 'a positive integer'],
  forkSafety: [(v) => v === 'reconnect' || v === 'error', '"reconnect" or "error"'],
  integrity: [isBool, 'a boolean'],
  pidSource: [(v) => typeof v === 'function', 'a function returning the current PID'],
  role: [(v) => v === 'master' || v === 'slave', '"master" or "slave"'],
  pool: [checkPoolOptions, 'an object of max, min, acquireTimeout, dialConcurrency, idleTimeout, maxLifetime, breakerThreshold (non-negative integers; max, dialConcurrency and breakerThreshold at least 1)'],
  ...sentinelOptionChecks,
};

function checkPoolOptions(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const known = new Set(['max', 'min', 'acquireTimeout', 'dialConcurrency', 'idleTimeout', 'maxLifetime', 'breakerThreshold']);
  for (const [key, item] of Object.entries(value)) {
    if (!known.has(key)) return false;
    if (item === undefined) continue;
    if (!Number.isInteger(item) || (item as number) < 0) return false;
    if ((key === 'max' || key === 'dialConcurrency' || key === 'breakerThreshold') && (item as number) < 1) return false;
  }
  return true;
}

/** Fill defaults and check every known option's type; a bad value throws a TypeError naming it. */
export function resolveOptions(input: RedisOptions): ResolvedRedisOptions {
  for (const [key, value] of Object.entries(input)) {
    const check = checks[key];
    if (check === undefined || value === undefined) continue;
    if (!check[0](value)) {
      const shown = /password|username/i.test(key) ? typeof value : JSON.stringify(value) ?? typeof value;
      throw new TypeError(`Invalid option "${key}": expected ${check[1]}, got ${shown}`);
    }
  }
  const resolved = { ...DEFAULT_OPTIONS } as ResolvedRedisOptions;
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined) (resolved as unknown as Record<string, unknown>)[key] = value;
  }
  if (resolved.tls === true) resolved.tls = {};
  if (resolved.tls === false) delete resolved.tls;
  if (resolved.keepAlive === 0) resolved.keepAlive = false;
  return resolved;
}

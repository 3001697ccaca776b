import type * as tls from 'node:tls';

/** A sentinel to ask. ioredis's defaults: host "localhost", port 26379. */
export interface SentinelAddress {
  host?: string;
  port?: number;
  family?: number;
}

/** An address as Sentinel reports it (`SENTINEL replicas` entries): strings, as on the wire. */
export interface ReplicaAddress {
  ip: string;
  port: string;
  flags?: string;
  prio?: number;
}

/**
 * ioredis `preferredSlaves`: a function picking one of the usable replicas, or replicas in order of
 * preference (`prio`, lowest first, default 1). When none is usable, a random usable one is taken.
 */
export type PreferredSlaves =
  | ((slaves: ReplicaAddress[]) => ReplicaAddress | null | undefined)
  | Array<{ ip: string; port: string; prio?: number }>
  | { ip: string; port: string; prio?: number };

/** Translate "ip:port" as Sentinel reports it into the address this process must dial (NAT, Docker). */
export type NatMap =
  | Record<string, { host: string; port: number }>
  | ((key: string) => { host: string; port: number } | null | undefined);

/** Delay (ms) before the next pass over the sentinels; anything but a number stops the pass. */
export type SentinelRetryStrategy = (retryAttempts: number) => number | void | null | undefined;

/** ioredis's Sentinel options, with ioredis's names and defaults. */
export interface SentinelOptions {
  /** Sentinels to ask, in order. Setting it turns Sentinel mode on; `host`/`port`/`path` are then ignored. */
  sentinels?: SentinelAddress[] | null;
  /** The master group name, as in `sentinel monitor <name> …`. Required with `sentinels`. */
  name?: string | null;
  /** Connect to the master (default) or to a replica. */
  role?: 'master' | 'slave';
  /** AUTH for the sentinels (the data nodes use `username`/`password`). */
  sentinelUsername?: string | null;
  sentinelPassword?: string | null;
  /** Which replica `role: 'slave'` connects to. */
  preferredSlaves?: PreferredSlaves | null;
  /**
   * Delay before another pass once every sentinel failed; default `min(times * 10, 1000)`. Passes of
   * one dial stop after `connectTimeout` in total (forksafe-redis bound), then `retryStrategy` decides.
   */
  sentinelRetryStrategy?: SentinelRetryStrategy | null;
  /** Reconnect delay of the failover detector's sentinel subscriptions; default 60000. */
  sentinelReconnectStrategy?: SentinelRetryStrategy | null;
  /** Use `tls` for the data nodes too (by default `tls` is ignored in Sentinel mode). Default false. */
  enableTLSForSentinelMode?: boolean;
  /** `tls.connect` options for the sentinels themselves. */
  sentinelTLS?: tls.ConnectionOptions | null;
  natMap?: NatMap | null;
  /** Add the sentinels each answering sentinel knows of (`SENTINEL sentinels`). Default true. */
  updateSentinels?: boolean;
  /**
   * Subscribe to `+switch-master` on the sentinels and move every connection to the new master the
   * moment a failover is announced. Default false (as ioredis); see docs/sentinel.md for why to turn it on.
   */
  failoverDetector?: boolean;
  /** Most sentinels the failover detector subscribes to. Default 10. */
  sentinelMaxConnections?: number;
  /** Milliseconds a sentinel may take to answer one query. Default: `connectTimeout`. */
  sentinelCommandTimeout?: number;
}

export const SENTINEL_DEFAULTS = {
  sentinels: null,
  name: null,
  role: 'master',
  sentinelRetryStrategy: (times: number): number => Math.min(times * 10, 1000),
  // Detector subscriptions only: the deployment works with some sentinels down, so retry rarely.
  sentinelReconnectStrategy: (): number => 60_000,
  natMap: null,
  enableTLSForSentinelMode: false,
  updateSentinels: true,
  failoverDetector: false,
  sentinelMaxConnections: 10,
} satisfies SentinelOptions;

type Check = [(value: unknown) => boolean, string];

const isObject = (v: unknown): boolean => typeof v === 'object' && v !== null;

function isSentinelList(value: unknown): boolean {
  if (value === null) return true;
  if (!Array.isArray(value)) return false;
  return value.every((item: unknown) => {
    if (!isObject(item)) return false;
    const { host, port } = item as SentinelAddress;
    return (host === undefined || typeof host === 'string') &&
      (port === undefined || (Number.isInteger(port) && port > 0 && port < 65536));
  });
}

/** Option checks for `resolveOptions`: a bad value throws a TypeError naming the option. */
export const sentinelOptionChecks: Record<string, Check> = {
  sentinels: [isSentinelList, 'an array of { host, port } objects or null'],
  name: [(v) => v === null || typeof v === 'string', 'a string or null'],
  sentinelUsername: [(v) => v === null || typeof v === 'string', 'a string or null'],
  sentinelPassword: [(v) => v === null || typeof v === 'string', 'a string or null'],
  preferredSlaves: [(v) => v === null || typeof v === 'function' || isObject(v), 'a function, an { ip, port, prio } object or an array of them'],
  sentinelRetryStrategy: [(v) => v === null || typeof v === 'function', 'a function or null'],
  sentinelReconnectStrategy: [(v) => v === null || typeof v === 'function', 'a function or null'],
  enableTLSForSentinelMode: [(v) => typeof v === 'boolean', 'a boolean'],
  sentinelTLS: [(v) => v === null || isObject(v), 'an object of tls.connect options'],
  natMap: [(v) => v === null || typeof v === 'function' || isObject(v), 'an object of "ip:port" -> { host, port } or a function'],
  updateSentinels: [(v) => typeof v === 'boolean', 'a boolean'],
  failoverDetector: [(v) => typeof v === 'boolean', 'a boolean'],
  sentinelMaxConnections: [(v) => Number.isInteger(v) && (v as number) > 0, 'a positive integer'],
  sentinelCommandTimeout: [(v) => typeof v === 'number' && Number.isFinite(v) && v >= 0, 'a non-negative number of milliseconds'],
};

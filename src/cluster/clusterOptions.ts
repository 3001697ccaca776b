import { lookup as dnsLookup } from 'node:dns';
import type { Command } from '../commands/Command';
import type { RedisOptions, ScriptDefinition } from '../options';
import type { RetryStrategy } from '../connection/Connection';
import type { Redis } from '../Redis';
import type { NodeAddress } from './slotMap';

/** ioredis's `scaleReads` function: pick among a slot's nodes (master first) for a read-only command. */
export type ScaleReadsFunction = (nodes: Redis[], command: Command) => Redis | Redis[] | null | undefined;

/** Where read-only commands go: the master (default), a replica, any of them, or your choice. */
export type ScaleReads = 'master' | 'slave' | 'all' | ScaleReadsFunction;

/** Addresses the cluster reports -> addresses to dial (containers, NAT): a table or a function. */
export type NatMap = Record<string, NodeAddress> | ((key: string) => NodeAddress | null | undefined);

/** `dns.lookup`'s callback form, used to resolve startup node hostnames (ioredis `dnsLookup`). */
export type DNSLookupFunction = (
  hostname: string,
  callback: (error: NodeJS.ErrnoException | null, address: string, family?: number) => void,
) => void;

/** How often and how long to wait before reconnecting the whole cluster; a non-number gives up. */
export type ClusterRetryStrategy = (times: number, reason?: Error) => number | void | null | undefined;

/** A startup node: `{ host, port }`, a port, or a `redis://host:port` URL. */
export type ClusterNodeSpec = { host?: string; port?: number | string } | number | string;

/**
 * Options of `new Cluster(startupNodes, options)`. Names and defaults are ioredis's; the ones this
 * library adds are marked "forksafe-redis".
 */
export interface ClusterOptions {
  /** Delay before reconnecting after no startup node answered; a non-number ends the client. */
  clusterRetryStrategy?: ClusterRetryStrategy | null;
  /** retryStrategy of each node's connections. Default: the standalone client's jittered back-off. */
  clusterNodeRetryStrategy?: RetryStrategy | null;
  /** Queue commands until the slot map is known. Default true. */
  enableOfflineQueue?: boolean;
  /** Wait for `cluster_state:ok` (CLUSTER INFO) before 'ready'. Default true. */
  enableReadyCheck?: boolean;
  /** Where read-only commands go. Default 'master'. */
  scaleReads?: ScaleReads;
  /** Retries of one command (MOVED, ASK, TRYAGAIN, CLUSTERDOWN, failover) before it fails. Default 16. */
  maxRedirections?: number;
  /** ms before a command that hit a node failure is retried (after a refresh); 0 fails at once. Default 100. */
  retryDelayOnFailover?: number;
  /** ms before a CLUSTERDOWN command is retried (after a refresh); 0 fails at once. Default 100. */
  retryDelayOnClusterDown?: number;
  /** ms before a TRYAGAIN command is retried. Default 100. */
  retryDelayOnTryAgain?: number;
  /** ms before a MOVED command is retried. Default 0. */
  retryDelayOnMoved?: number;
  /** ms one node may take to answer CLUSTER SLOTS before the next is asked. Default 1000. */
  slotsRefreshTimeout?: number;
  /** Refresh the slot map every this many ms; unset: only when redirected or failing. */
  slotsRefreshInterval?: number;
  /** Options of every node's client: password, username, tls, connectTimeout, commandTimeout, … */
  redisOptions?: Omit<RedisOptions, 'host' | 'port' | 'path' | 'db' | 'lazyConnect' | 'readOnly' | 'sentinels'>;
  /** Connect on the first command instead of at construction. Default false. */
  lazyConnect?: boolean;
  /** Prefix of every key (also taken from `redisOptions.keyPrefix`). */
  keyPrefix?: string;
  /** Commands issued in one event-loop turn are written together, one write per node. Default false. */
  enableAutoPipelining?: boolean;
  autoPipeliningIgnoredCommands?: string[];
  /** Lua scripts defined as commands at construction. */
  scripts?: Record<string, ScriptDefinition>;
  natMap?: NatMap;
  /** Resolves startup node hostnames before connecting. Default `dns.lookup`. */
  dnsLookup?: DNSLookupFunction;
  /** ioredis: sharded subscribers in a group; accepted, `ssubscribe` always goes to the slot's owner here. */
  shardedSubscribers?: boolean;
}

export interface ResolvedClusterOptions extends ClusterOptions {
  clusterRetryStrategy: ClusterRetryStrategy | null;
  clusterNodeRetryStrategy: RetryStrategy | null;
  enableOfflineQueue: boolean;
  enableReadyCheck: boolean;
  scaleReads: ScaleReads;
  maxRedirections: number;
  retryDelayOnFailover: number;
  retryDelayOnClusterDown: number;
  retryDelayOnTryAgain: number;
  retryDelayOnMoved: number;
  slotsRefreshTimeout: number;
  redisOptions: NonNullable<ClusterOptions['redisOptions']>;
  lazyConnect: boolean;
  keyPrefix: string;
  enableAutoPipelining: boolean;
  autoPipeliningIgnoredCommands: string[];
  dnsLookup: DNSLookupFunction;
}

export const DEFAULT_CLUSTER_OPTIONS = {
  clusterRetryStrategy: (times: number) => Math.min(100 + times * 2, 2000),
  clusterNodeRetryStrategy: null,
  enableOfflineQueue: true,
  enableReadyCheck: true,
  scaleReads: 'master',
  maxRedirections: 16,
  retryDelayOnFailover: 100,
  retryDelayOnClusterDown: 100,
  retryDelayOnTryAgain: 100,
  retryDelayOnMoved: 0,
  slotsRefreshTimeout: 1000,
  lazyConnect: false,
  keyPrefix: '',
  enableAutoPipelining: false,
  autoPipeliningIgnoredCommands: [],
  dnsLookup: dnsLookup as DNSLookupFunction,
} satisfies Partial<ResolvedClusterOptions>;

type Check = [test: (value: unknown) => boolean, expected: string];

const isNonNegative = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isBoolean = (value: unknown): boolean => typeof value === 'boolean';
const isFunctionOrNull = (value: unknown): boolean => value === null || typeof value === 'function';

const checks: Record<string, Check> = {
  clusterRetryStrategy: [isFunctionOrNull, 'a function or null'],
  clusterNodeRetryStrategy: [isFunctionOrNull, 'a function or null'],
  enableOfflineQueue: [isBoolean, 'a boolean'],
  enableReadyCheck: [isBoolean, 'a boolean'],
  maxRedirections: [(v) => Number.isInteger(v) && (v as number) >= 0, 'a non-negative integer'],
  retryDelayOnFailover: [isNonNegative, 'a non-negative number of milliseconds'],
  retryDelayOnClusterDown: [isNonNegative, 'a non-negative number of milliseconds'],
  retryDelayOnTryAgain: [isNonNegative, 'a non-negative number of milliseconds'],
  retryDelayOnMoved: [isNonNegative, 'a non-negative number of milliseconds'],
  slotsRefreshTimeout: [isNonNegative, 'a non-negative number of milliseconds'],
  slotsRefreshInterval: [isNonNegative, 'a non-negative number of milliseconds'],
  redisOptions: [(v) => typeof v === 'object' && v !== null, 'an object of client options'],
  lazyConnect: [isBoolean, 'a boolean'],
  keyPrefix: [(v) => typeof v === 'string', 'a string'],
  enableAutoPipelining: [isBoolean, 'a boolean'],
  autoPipeliningIgnoredCommands: [(v) => Array.isArray(v) && v.every((c) => typeof c === 'string'), 'an array of command names'],
  scripts: [(v) => typeof v === 'object' && v !== null, 'an object of script definitions'],
  natMap: [(v) => typeof v === 'function' || (typeof v === 'object' && v !== null), 'an object or a function'],
  dnsLookup: [(v) => typeof v === 'function', 'a function'],
};

/** Defaults filled, types checked; a bad value throws a TypeError naming the option. */
export function resolveClusterOptions(input: ClusterOptions): ResolvedClusterOptions {
  for (const [key, value] of Object.entries(input)) {
    const check = checks[key];
    if (check === undefined || value === undefined) continue;
    if (!check[0](value)) throw new TypeError(`Invalid option "${key}": expected ${check[1]}, got ${JSON.stringify(value) ?? typeof value}`);
  }
  const scaleReads = input.scaleReads ?? DEFAULT_CLUSTER_OPTIONS.scaleReads;
  if (typeof scaleReads !== 'function' && scaleReads !== 'master' && scaleReads !== 'slave' && scaleReads !== 'all') {
    // ioredis's text.
    throw new Error(`Invalid option scaleReads "${String(scaleReads)}". Expected "all", "master", "slave" or a custom function`);
  }
  const resolved = { ...DEFAULT_CLUSTER_OPTIONS, redisOptions: {} } as ResolvedClusterOptions;
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined) (resolved as unknown as Record<string, unknown>)[key] = value;
  }
  resolved.redisOptions = { ...resolved.redisOptions };
  // As ioredis: a keyPrefix in redisOptions applies to the cluster's keys (nodes never prefix again).
  if (resolved.keyPrefix === '' && typeof resolved.redisOptions.keyPrefix === 'string') resolved.keyPrefix = resolved.redisOptions.keyPrefix;
  return resolved;
}

/** Startup nodes -> addresses, as ioredis normalizes them (port 6379 and 127.0.0.1 by default; db dropped). */
export function normalizeStartupNodes(nodes: readonly ClusterNodeSpec[]): NodeAddress[] {
  if (!Array.isArray(nodes) || nodes.length === 0) throw new Error('`startupNodes` should contain at least one node.');
  return nodes.map((node): NodeAddress => {
    let host: string | undefined;
    let port: number | undefined;
    if (typeof node === 'number') {
      port = node;
    } else if (typeof node === 'string') {
      const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(node) ? new URL(node) : new URL(`redis://${node}`);
      if (url.hostname !== '') host = url.hostname.replace(/^\[(.*)\]$/, '$1');
      if (url.port !== '') port = Number(url.port);
    } else if (typeof node === 'object' && node !== null) {
      host = node.host;
      port = typeof node.port === 'string' ? parseInt(node.port, 10) : node.port;
    } else {
      throw new Error(`Invalid argument ${String(node)}`);
    }
    return { host: host || '127.0.0.1', port: port || 6379 };
  });
}

/** natMap applied to an address the cluster reported. */
export function natMapperOf(natMap: NatMap | undefined): (address: NodeAddress) => NodeAddress {
  if (natMap === undefined) return (address) => address;
  return (address) => {
    const key = `${address.host}:${address.port}`;
    const mapped = typeof natMap === 'function' ? natMap(key) : natMap[key];
    return mapped === null || mapped === undefined ? address : { host: mapped.host, port: mapped.port };
  };
}

import { Command, type CommandArgument } from '../commands/Command';
import { Connection, type RetryStrategy } from '../connection/Connection';
import type { Endpoint } from '../connection/connectors/openSocket';
import { causeOf, ReplyError, type ErrorCause } from '../errors';
import type { ResolvedRedisOptions } from '../options';
import type { SentinelAddress } from './sentinelOptions';

/** ioredis's defaults for a sentinel given without host or port. */
const DEFAULT_SENTINEL_HOST = 'localhost';
const DEFAULT_SENTINEL_PORT = 26379;

export function sentinelEndpoint(address: SentinelAddress, options: ResolvedRedisOptions): Endpoint & { host: string; port: number } {
  return {
    host: address.host ?? DEFAULT_SENTINEL_HOST,
    port: address.port ?? DEFAULT_SENTINEL_PORT,
    family: address.family ?? options.family,
  };
}

export function describeSentinel(address: SentinelAddress): string {
  return `${address.host ?? DEFAULT_SENTINEL_HOST}:${address.port ?? DEFAULT_SENTINEL_PORT}`;
}

/**
 * A Connection to one sentinel: `sentinelUsername`/`sentinelPassword`, `sentinelTLS`, no ready check
 * (sentinels have no dataset), and every wait bounded by `connectTimeout` unless the user chose
 * `sentinelCommandTimeout`.
 */
export function openSentinelConnection(
  address: SentinelAddress,
  options: ResolvedRedisOptions,
  retryStrategy: RetryStrategy | null,
): Connection {
  const commandTimeout = options.sentinelCommandTimeout ?? (options.connectTimeout > 0 ? options.connectTimeout : null);
  return new Connection({
    endpoint: sentinelEndpoint(address, options),
    tls: options.sentinelTLS ?? null,
    connectTimeout: options.connectTimeout,
    commandTimeout,
    socketTimeout: null,
    keepAlive: options.keepAlive,
    noDelay: true,
    retryStrategy,
    reconnectOnError: null,
    maxRetriesPerRequest: null,
    enableOfflineQueue: true,
    offlineQueueLimit: 16,
    autoResendUnfulfilledCommands: false,
    autoResubscribe: true,
    stringNumbers: false,
    maxReplyBytes: options.maxReplyBytes,
    pidSource: options.pidSource,
    forkSafety: options.forkSafety,
    integrity: false,
    monitor: false,
    handshake: {
      username: options.sentinelUsername ?? null,
      password: options.sentinelPassword ?? null,
      credentialsProvider: null,
      db: 0,
      connectionName: null,
      readOnly: false,
      enableReadyCheck: false,
      maxLoadingWaitMs: 0,
    },
  });
}

export function sendTo(connection: Connection, name: string, args: CommandArgument[]): Promise<unknown> {
  return connection.send(new Command(name, args));
}

/** One short line for what went wrong with a sentinel: "connect ECONNREFUSED", "NOAUTH Authentication required." */
export function describeFailure(error: unknown): { outcome: string; cause: ErrorCause | null } {
  const cause = causeOf(error);
  if (cause === null) return { outcome: String(error), cause: null };
  if (error instanceof ReplyError) return { outcome: cause.message ?? 'error reply', cause };
  if (cause.syscall !== undefined && cause.code !== undefined) return { outcome: `${cause.syscall} ${cause.code}`, cause };
  if (cause.code === 'ERR_COMMAND_TIMEOUT') return { outcome: 'no answer in time (sentinelCommandTimeout)', cause };
  if (cause.code === 'ETIMEDOUT') return { outcome: 'connect ETIMEDOUT', cause };
  return { outcome: cause.message ?? cause.code ?? 'failed', cause };
}

/** `[k1, v1, k2, v2, …]` (how SENTINEL lists an instance) -> `{ k1: v1, … }`. */
export function packObject(flat: unknown): Record<string, string> {
  const record: Record<string, string> = {};
  if (!Array.isArray(flat)) return record;
  for (let i = 0; i + 1 < flat.length; i += 2) record[String(flat[i])] = String(flat[i + 1]);
  return record;
}

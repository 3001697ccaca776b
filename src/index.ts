import { Redis } from './Redis';
import { Command } from './commands/Command';
import { Cluster } from './cluster/Cluster';

// ioredis: `new Redis.Cluster(startupNodes, options)`.
Redis.Cluster = Cluster;

export { Redis, Command, Cluster };
export type { ClusterStatus, ClusterStats } from './cluster/Cluster';
export type { ClusterOptions, ClusterNodeSpec, ScaleReads, ScaleReadsFunction, NatMap, DNSLookupFunction, ClusterRetryStrategy } from './cluster/clusterOptions';
export type { RedisConstructorArgs, ClientStats } from './Redis';
export type { PoolOptions, PoolStats } from './pool/Pool';
export type * from './types';
export type { RedisOptions, ResolvedRedisOptions, ScriptDefinition } from './options';
export type { RedisStatus, ConnectionState } from './connection/connectionState';
export type { Credentials, CredentialsProvider } from './connection/handshake';
export type { RetryStrategy, ReconnectOnError } from './connection/Connection';
export type { PidSource, ForkSafetyPolicy } from './process/ownerPid';
export * from './errors';
export default Redis;
export { SentinelError } from './sentinel/SentinelError';
export { RoleMismatchError } from './connection/handshake';

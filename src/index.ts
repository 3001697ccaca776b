import { Redis } from './Redis';
import { Command } from './commands/Command';

export { Redis, Command };
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

import { Redis } from './Redis';
import { Command } from './commands/Command';
import * as errors from './errors';

export { Redis, Command };
export type { RedisConstructorArgs } from './Redis';
export type { RedisOptions, ResolvedRedisOptions, ScriptDefinition } from './options';
export type { RedisStatus, ConnectionState } from './connection/connectionState';
export type { Credentials, CredentialsProvider } from './connection/handshake';
export type { RetryStrategy, ReconnectOnError } from './connection/Connection';
export type { PidSource, ForkSafetyPolicy } from './process/ownerPid';
export * from './errors';
export default Redis;

/*
 * CommonJS shape of ioredis: `require('forksafe-redis')` is the Redis class itself, with
 * `.default`, `.Redis`, `.Command` and every error class on it. The ESM entry (index.mjs)
 * re-exports these same objects, so both module systems share one class.
 */
declare const module: { exports: unknown };
const entry = Redis as typeof Redis & Record<string, unknown>;
Object.assign(entry, errors, { default: Redis, Redis, Command });
module.exports = entry;

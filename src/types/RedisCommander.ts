// GENERATED FILE, do not edit. Run `node scripts/generate-command-types.mjs` to rebuild it.
// Source: @ioredis/commands 2.1.1 (302 commands); signatures from scripts/command-signatures.mjs
// (230 commands typed precisely, the others take loose arguments and resolve `unknown`).

import type {
  RedisKey,
  RedisValue,
  Callback,
  WithCallback,
  Token,
  Numeric,
  Many,
  Opt,
  AnyOrder2,
  FieldValueMap,
  LimitOption,
  CountOption,
  SetExpiry,
  SetConditionalOptions,
  SetGetOptions,
  GetExOptions,
  ExpireCondition,
  ScanOptions,
  HScanOptions,
  SScanOptions,
  CopyOptions,
  RestoreOptions,
  ListSide,
  LPosOptions,
  LPosCountOptions,
  ZAddFlags,
  ZRangeOptions,
  ZRangeStoreOptions,
  ZRangeByScoreOptions,
  ZSide,
  XReadOptions,
  XReadGroupOptions,
  XTrimOptions,
  XGroupCreateOptions,
  XPendingRangeArgs,
  FlushMode,
  ClientKillFilter,
  ExecReply,
  SlowlogEntry,
  StreamEntry,
} from './commandArgs';

export type { Callback, RedisKey, RedisValue } from './commandArgs';

/** Whether methods send at once (`'default'`: they return a Promise) or queue into a pipeline. */
export interface ClientContext {
  type: 'default' | 'pipeline';
}

/** What a command method returns: a Promise of its reply, or the pipeline itself for chaining. */
export type Result<T, Context extends ClientContext> = Context extends { type: 'pipeline' } ? ChainableCommander : Promise<T>;

/** A pipeline or MULTI transaction: command methods queue and return it; `exec()` sends the batch. */
export interface ChainableCommander extends RedisCommander<{ type: 'pipeline' }> {
  /** How many commands are queued. */
  length: number;
}

/** The subcommands of each container command, as @ioredis/commands lists them. */
export interface Subcommands {
  acl: 'CAT' | 'DELUSER' | 'DRYRUN' | 'GENPASS' | 'GETUSER' | 'HELP' | 'LIST' | 'LOAD' | 'LOG' | 'SAVE' | 'SETUSER' | 'USERS' | 'WHOAMI';
  backup: 'ABORT' | 'CLEANUP' | 'HELP' | 'LIST' | 'SEAL' | 'START' | 'STATUS';
  bless: 'CLEAR' | 'GET' | 'SCAN' | 'SET';
  client: 'CACHING' | 'GETNAME' | 'GETREDIR' | 'HELP' | 'ID' | 'INFO' | 'KILL' | 'LIST' | 'NO-EVICT' | 'NO-TOUCH' | 'PAUSE' | 'REPLY' | 'SETINFO' | 'SETNAME' | 'TRACKING' | 'TRACKINGINFO' | 'UNBLOCK' | 'UNPAUSE';
  cluster: 'ADDSLOTS' | 'ADDSLOTSRANGE' | 'BUMPEPOCH' | 'COUNT-FAILURE-REPORTS' | 'COUNTKEYSINSLOT' | 'DELSLOTS' | 'DELSLOTSRANGE' | 'FAILOVER' | 'FLUSHSLOTS' | 'FORGET' | 'GETKEYSINSLOT' | 'HELP' | 'INFO' | 'KEYSLOT' | 'LINKS' | 'MEET' | 'MIGRATION' | 'MYID' | 'MYSHARDID' | 'NODES' | 'REPLICAS' | 'REPLICATE' | 'RESET' | 'SAVECONFIG' | 'SET-CONFIG-EPOCH' | 'SETSLOT' | 'SHARDS' | 'SLAVES' | 'SLOT-STATS' | 'SLOTS' | 'SYNCSLOTS';
  command: 'COUNT' | 'DOCS' | 'GETKEYS' | 'GETKEYSANDFLAGS' | 'HELP' | 'INFO' | 'LIST';
  config: 'GET' | 'HELP' | 'RESETSTAT' | 'REWRITE' | 'SET';
  function: 'DELETE' | 'DUMP' | 'FLUSH' | 'HELP' | 'KILL' | 'LIST' | 'LOAD' | 'RESTORE' | 'STATS';
  himport: 'DISCARD' | 'DISCARDALL' | 'PREPARE' | 'SET';
  hotkeys: 'GET' | 'HELP' | 'RESET' | 'START' | 'STOP';
  latency: 'DOCTOR' | 'GRAPH' | 'HELP' | 'HISTOGRAM' | 'HISTORY' | 'LATEST' | 'RESET';
  memory: 'DOCTOR' | 'HELP' | 'MALLOC-STATS' | 'PURGE' | 'STATS' | 'USAGE';
  module: 'HELP' | 'LIST' | 'LOAD' | 'LOADEX' | 'UNLOAD';
  object: 'ENCODING' | 'FREQ' | 'HELP' | 'IDLETIME' | 'REFCOUNT';
  pubsub: 'CHANNELS' | 'HELP' | 'NUMPAT' | 'NUMSUB' | 'SHARDCHANNELS' | 'SHARDNUMSUB';
  script: 'DEBUG' | 'EXISTS' | 'FLUSH' | 'HELP' | 'KILL' | 'LOAD';
  slowlog: 'GET' | 'HELP' | 'LEN' | 'RESET';
  xgroup: 'CREATE' | 'CREATECONSUMER' | 'DELCONSUMER' | 'DESTROY' | 'HELP' | 'SETID';
  xinfo: 'CONSUMERS' | 'GROUPS' | 'HELP' | 'STREAM';
}

/**
 * One method per Redis command, named in lower case, plus a `…Buffer` twin that resolves Buffers
 * instead of strings. Arguments are strings, Buffers, numbers or arrays of them (flattened); a
 * Node-style callback may come last. Replies are shaped as ioredis shapes them under RESP2.
 */
export interface RedisCommander<Context extends ClientContext = { type: 'default' }> {
  /** Sends any command, by name: `call('GET', 'key')`. */
  call(...args: WithCallback<[command: string, ...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** Like `call`, resolving Buffers for string replies. */
  callBuffer(...args: WithCallback<[command: string, ...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `ACL` */
  acl(...args: WithCallback<[subcommand: Token<Subcommands['acl']>, ...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `ACL`, resolving Buffers for string replies */
  aclBuffer(...args: WithCallback<[subcommand: Token<Subcommands['acl']>, ...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `APPEND` · flags: write, denyoom, fast */
  append(key: RedisKey, value: RedisValue, callback?: Callback<number>): Result<number, Context>;
  /** `APPEND`, resolving Buffers for string replies · flags: write, denyoom, fast */
  appendBuffer(key: RedisKey, value: RedisValue, callback?: Callback<number>): Result<number, Context>;

  /** `ARCOUNT` · flags: readonly, fast */
  arcount(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `ARCOUNT`, resolving Buffers for string replies · flags: readonly, fast */
  arcountBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `ARDEL` · flags: write, fast */
  ardel(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `ARDEL`, resolving Buffers for string replies · flags: write, fast */
  ardelBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `ARDELRANGE` · flags: write */
  ardelrange(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `ARDELRANGE`, resolving Buffers for string replies · flags: write */
  ardelrangeBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `ARGET` · flags: readonly, fast */
  arget(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `ARGET`, resolving Buffers for string replies · flags: readonly, fast */
  argetBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `ARGETRANGE` · flags: readonly */
  argetrange(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `ARGETRANGE`, resolving Buffers for string replies · flags: readonly */
  argetrangeBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `ARGREP` · flags: readonly */
  argrep(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `ARGREP`, resolving Buffers for string replies · flags: readonly */
  argrepBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `ARINFO` · flags: readonly */
  arinfo(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `ARINFO`, resolving Buffers for string replies · flags: readonly */
  arinfoBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `ARINSERT` · flags: write, denyoom, fast */
  arinsert(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `ARINSERT`, resolving Buffers for string replies · flags: write, denyoom, fast */
  arinsertBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `ARLASTITEMS` · flags: readonly */
  arlastitems(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `ARLASTITEMS`, resolving Buffers for string replies · flags: readonly */
  arlastitemsBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `ARLEN` · flags: readonly, fast */
  arlen(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `ARLEN`, resolving Buffers for string replies · flags: readonly, fast */
  arlenBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `ARMGET` · flags: readonly, fast */
  armget(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `ARMGET`, resolving Buffers for string replies · flags: readonly, fast */
  armgetBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `ARMSET` · flags: write, denyoom, fast */
  armset(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `ARMSET`, resolving Buffers for string replies · flags: write, denyoom, fast */
  armsetBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `ARNEXT` · flags: readonly, fast */
  arnext(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `ARNEXT`, resolving Buffers for string replies · flags: readonly, fast */
  arnextBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `AROP` · flags: readonly */
  arop(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `AROP`, resolving Buffers for string replies · flags: readonly */
  aropBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `ARRING` · flags: write, denyoom */
  arring(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `ARRING`, resolving Buffers for string replies · flags: write, denyoom */
  arringBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `ARSCAN` · flags: readonly */
  arscan(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `ARSCAN`, resolving Buffers for string replies · flags: readonly */
  arscanBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `ARSEEK` · flags: write, fast */
  arseek(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `ARSEEK`, resolving Buffers for string replies · flags: write, fast */
  arseekBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `ARSET` · flags: write, denyoom, fast */
  arset(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `ARSET`, resolving Buffers for string replies · flags: write, denyoom, fast */
  arsetBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `ASKING` · flags: fast */
  asking(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `ASKING`, resolving Buffers for string replies · flags: fast */
  askingBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `AUTH` · flags: noscript, loading, stale, fast, no_auth, allow_busy */
  auth(password: RedisValue, callback?: Callback<'OK'>): Result<'OK', Context>;
  auth(username: RedisValue, password: RedisValue, callback?: Callback<'OK'>): Result<'OK', Context>;
  /** `AUTH`, resolving Buffers for string replies · flags: noscript, loading, stale, fast, no_auth, allow_busy */
  authBuffer(password: RedisValue, callback?: Callback<Buffer>): Result<Buffer, Context>;
  authBuffer(username: RedisValue, password: RedisValue, callback?: Callback<Buffer>): Result<Buffer, Context>;

  /** `BACKUP` */
  backup(...args: WithCallback<[subcommand: Token<Subcommands['backup']>, ...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `BACKUP`, resolving Buffers for string replies */
  backupBuffer(...args: WithCallback<[subcommand: Token<Subcommands['backup']>, ...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `BGREWRITEAOF` · flags: admin, noscript, no_async_loading */
  bgrewriteaof(callback?: Callback<string>): Result<string, Context>;
  /** `BGREWRITEAOF`, resolving Buffers for string replies · flags: admin, noscript, no_async_loading */
  bgrewriteaofBuffer(callback?: Callback<Buffer>): Result<Buffer, Context>;

  /** `BGSAVE` · flags: admin, noscript, no_async_loading */
  bgsave(callback?: Callback<string>): Result<string, Context>;
  bgsave(schedule: Token<'SCHEDULE'>, callback?: Callback<string>): Result<string, Context>;
  /** `BGSAVE`, resolving Buffers for string replies · flags: admin, noscript, no_async_loading */
  bgsaveBuffer(callback?: Callback<Buffer>): Result<Buffer, Context>;
  bgsaveBuffer(schedule: Token<'SCHEDULE'>, callback?: Callback<Buffer>): Result<Buffer, Context>;

  /** `BITCOUNT` · flags: readonly */
  bitcount(...args: WithCallback<[key: RedisKey, ...args: Many<RedisValue>[]], number>): Result<number, Context>;
  /** `BITCOUNT`, resolving Buffers for string replies · flags: readonly */
  bitcountBuffer(...args: WithCallback<[key: RedisKey, ...args: Many<RedisValue>[]], number>): Result<number, Context>;

  /** `BITFIELD` · flags: write, denyoom */
  bitfield(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `BITFIELD`, resolving Buffers for string replies · flags: write, denyoom */
  bitfieldBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `BITFIELD_RO` · flags: readonly, fast */
  bitfield_ro(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `BITFIELD_RO`, resolving Buffers for string replies · flags: readonly, fast */
  bitfield_roBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `BITOP` · flags: write, denyoom */
  bitop(...args: WithCallback<[operation: Token<'AND' | 'OR' | 'XOR' | 'NOT' | 'DIFF' | 'DIFF1' | 'ANDOR' | 'ONE'>, destination: RedisKey, ...keys: Many<RedisKey>[]], number>): Result<number, Context>;
  /** `BITOP`, resolving Buffers for string replies · flags: write, denyoom */
  bitopBuffer(...args: WithCallback<[operation: Token<'AND' | 'OR' | 'XOR' | 'NOT' | 'DIFF' | 'DIFF1' | 'ANDOR' | 'ONE'>, destination: RedisKey, ...keys: Many<RedisKey>[]], number>): Result<number, Context>;

  /** `BITPOS` · flags: readonly */
  bitpos(...args: WithCallback<[key: RedisKey, bit: Numeric, ...args: Many<RedisValue>[]], number>): Result<number, Context>;
  /** `BITPOS`, resolving Buffers for string replies · flags: readonly */
  bitposBuffer(...args: WithCallback<[key: RedisKey, bit: Numeric, ...args: Many<RedisValue>[]], number>): Result<number, Context>;

  /** `BLESS` */
  bless(...args: WithCallback<[subcommand: Token<Subcommands['bless']>, ...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `BLESS`, resolving Buffers for string replies */
  blessBuffer(...args: WithCallback<[subcommand: Token<Subcommands['bless']>, ...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `BLMOVE` · flags: write, denyoom, blocking */
  blmove(source: RedisKey, destination: RedisKey, from: ListSide, to: ListSide, timeout: Numeric, callback?: Callback<string | null>): Result<string | null, Context>;
  /** `BLMOVE`, resolving Buffers for string replies · flags: write, denyoom, blocking */
  blmoveBuffer(source: RedisKey, destination: RedisKey, from: ListSide, to: ListSide, timeout: Numeric, callback?: Callback<Buffer | null>): Result<Buffer | null, Context>;

  /** `BLMOVEM` · flags: write, denyoom, blocking */
  blmovem(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `BLMOVEM`, resolving Buffers for string replies · flags: write, denyoom, blocking */
  blmovemBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `BLMPOP` · flags: write, blocking, movablekeys */
  blmpop(...args: WithCallback<[timeout: Numeric, numkeys: Numeric, ...keys: Many<RedisKey>[], side: ListSide], [key: string, elements: string[]] | null>): Result<[key: string, elements: string[]] | null, Context>;
  blmpop(...args: WithCallback<[timeout: Numeric, numkeys: Numeric, ...keys: Many<RedisKey>[], side: ListSide, count: Token<'COUNT'>, n: Numeric], [key: string, elements: string[]] | null>): Result<[key: string, elements: string[]] | null, Context>;
  /** `BLMPOP`, resolving Buffers for string replies · flags: write, blocking, movablekeys */
  blmpopBuffer(...args: WithCallback<[timeout: Numeric, numkeys: Numeric, ...keys: Many<RedisKey>[], side: ListSide], [key: Buffer, elements: Buffer[]] | null>): Result<[key: Buffer, elements: Buffer[]] | null, Context>;
  blmpopBuffer(...args: WithCallback<[timeout: Numeric, numkeys: Numeric, ...keys: Many<RedisKey>[], side: ListSide, count: Token<'COUNT'>, n: Numeric], [key: Buffer, elements: Buffer[]] | null>): Result<[key: Buffer, elements: Buffer[]] | null, Context>;

  /** `BLPOP` · flags: write, blocking */
  blpop(...args: WithCallback<[...keys: Many<RedisKey>[], timeout: Numeric], [key: string, element: string] | null>): Result<[key: string, element: string] | null, Context>;
  /** `BLPOP`, resolving Buffers for string replies · flags: write, blocking */
  blpopBuffer(...args: WithCallback<[...keys: Many<RedisKey>[], timeout: Numeric], [key: Buffer, element: Buffer] | null>): Result<[key: Buffer, element: Buffer] | null, Context>;

  /** `BRPOP` · flags: write, blocking */
  brpop(...args: WithCallback<[...keys: Many<RedisKey>[], timeout: Numeric], [key: string, element: string] | null>): Result<[key: string, element: string] | null, Context>;
  /** `BRPOP`, resolving Buffers for string replies · flags: write, blocking */
  brpopBuffer(...args: WithCallback<[...keys: Many<RedisKey>[], timeout: Numeric], [key: Buffer, element: Buffer] | null>): Result<[key: Buffer, element: Buffer] | null, Context>;

  /** `BRPOPLPUSH` · flags: write, denyoom, blocking */
  brpoplpush(source: RedisKey, destination: RedisKey, timeout: Numeric, callback?: Callback<string | null>): Result<string | null, Context>;
  /** `BRPOPLPUSH`, resolving Buffers for string replies · flags: write, denyoom, blocking */
  brpoplpushBuffer(source: RedisKey, destination: RedisKey, timeout: Numeric, callback?: Callback<Buffer | null>): Result<Buffer | null, Context>;

  /** `BZMPOP` · flags: write, blocking, movablekeys */
  bzmpop(...args: WithCallback<[timeout: Numeric, numkeys: Numeric, ...keys: Many<RedisKey>[], side: ZSide], [key: string, members: [member: string, score: string][]] | null>): Result<[key: string, members: [member: string, score: string][]] | null, Context>;
  bzmpop(...args: WithCallback<[timeout: Numeric, numkeys: Numeric, ...keys: Many<RedisKey>[], side: ZSide, count: Token<'COUNT'>, n: Numeric], [key: string, members: [member: string, score: string][]] | null>): Result<[key: string, members: [member: string, score: string][]] | null, Context>;
  /** `BZMPOP`, resolving Buffers for string replies · flags: write, blocking, movablekeys */
  bzmpopBuffer(...args: WithCallback<[timeout: Numeric, numkeys: Numeric, ...keys: Many<RedisKey>[], side: ZSide], [key: Buffer, members: [member: Buffer, score: Buffer][]] | null>): Result<[key: Buffer, members: [member: Buffer, score: Buffer][]] | null, Context>;
  bzmpopBuffer(...args: WithCallback<[timeout: Numeric, numkeys: Numeric, ...keys: Many<RedisKey>[], side: ZSide, count: Token<'COUNT'>, n: Numeric], [key: Buffer, members: [member: Buffer, score: Buffer][]] | null>): Result<[key: Buffer, members: [member: Buffer, score: Buffer][]] | null, Context>;

  /** `BZPOPMAX` · flags: write, blocking, fast */
  bzpopmax(...args: WithCallback<[...keys: Many<RedisKey>[], timeout: Numeric], [key: string, member: string, score: string] | null>): Result<[key: string, member: string, score: string] | null, Context>;
  /** `BZPOPMAX`, resolving Buffers for string replies · flags: write, blocking, fast */
  bzpopmaxBuffer(...args: WithCallback<[...keys: Many<RedisKey>[], timeout: Numeric], [key: Buffer, member: Buffer, score: Buffer] | null>): Result<[key: Buffer, member: Buffer, score: Buffer] | null, Context>;

  /** `BZPOPMIN` · flags: write, blocking, fast */
  bzpopmin(...args: WithCallback<[...keys: Many<RedisKey>[], timeout: Numeric], [key: string, member: string, score: string] | null>): Result<[key: string, member: string, score: string] | null, Context>;
  /** `BZPOPMIN`, resolving Buffers for string replies · flags: write, blocking, fast */
  bzpopminBuffer(...args: WithCallback<[...keys: Many<RedisKey>[], timeout: Numeric], [key: Buffer, member: Buffer, score: Buffer] | null>): Result<[key: Buffer, member: Buffer, score: Buffer] | null, Context>;

  /** `CLIENT` */
  client(subcommand: Token<'SETNAME'>, connectionName: RedisValue, callback?: Callback<'OK'>): Result<'OK', Context>;
  client(subcommand: Token<'GETNAME'>, callback?: Callback<string | null>): Result<string | null, Context>;
  client(subcommand: Token<'ID' | 'GETREDIR'>, callback?: Callback<number>): Result<number, Context>;
  client(...args: WithCallback<[subcommand: Token<'LIST'>, ...args: Many<RedisValue>[]], string>): Result<string, Context>;
  client(subcommand: Token<'INFO'>, callback?: Callback<string>): Result<string, Context>;
  client(subcommand: Token<'KILL'>, address: RedisValue, callback?: Callback<'OK'>): Result<'OK', Context>;
  client(...args: WithCallback<[subcommand: Token<'KILL'>, filter: ClientKillFilter, value: RedisValue, ...args: Many<RedisValue>[]], number>): Result<number, Context>;
  client(subcommand: Token<'NO-EVICT' | 'NO-TOUCH'>, mode: Token<'ON' | 'OFF'>, callback?: Callback<'OK'>): Result<'OK', Context>;
  client(subcommand: Token<'PAUSE'>, timeout: Numeric, callback?: Callback<'OK'>): Result<'OK', Context>;
  client(subcommand: Token<'PAUSE'>, timeout: Numeric, mode: Token<'WRITE' | 'ALL'>, callback?: Callback<'OK'>): Result<'OK', Context>;
  client(subcommand: Token<'UNPAUSE'>, callback?: Callback<'OK'>): Result<'OK', Context>;
  client(subcommand: Token<'REPLY'>, mode: Token<'ON' | 'OFF' | 'SKIP'>, callback?: Callback<'OK'>): Result<'OK', Context>;
  client(subcommand: Token<'SETINFO'>, attribute: Token<'LIB-NAME' | 'LIB-VER'>, value: RedisValue, callback?: Callback<'OK'>): Result<'OK', Context>;
  client(...args: WithCallback<[subcommand: Token<'TRACKING'>, mode: Token<'ON' | 'OFF'>, ...args: Many<RedisValue>[]], 'OK'>): Result<'OK', Context>;
  client(subcommand: Token<'TRACKINGINFO'>, callback?: Callback<unknown[]>): Result<unknown[], Context>;
  client(subcommand: Token<'CACHING'>, mode: Token<'YES' | 'NO'>, callback?: Callback<'OK'>): Result<'OK', Context>;
  client(subcommand: Token<'UNBLOCK'>, clientId: Numeric, callback?: Callback<number>): Result<number, Context>;
  client(subcommand: Token<'UNBLOCK'>, clientId: Numeric, mode: Token<'TIMEOUT' | 'ERROR'>, callback?: Callback<number>): Result<number, Context>;
  client(subcommand: Token<'HELP'>, callback?: Callback<string[]>): Result<string[], Context>;
  /** `CLIENT`, resolving Buffers for string replies */
  clientBuffer(subcommand: Token<'SETNAME'>, connectionName: RedisValue, callback?: Callback<Buffer>): Result<Buffer, Context>;
  clientBuffer(subcommand: Token<'GETNAME'>, callback?: Callback<Buffer | null>): Result<Buffer | null, Context>;
  clientBuffer(subcommand: Token<'ID' | 'GETREDIR'>, callback?: Callback<number>): Result<number, Context>;
  clientBuffer(...args: WithCallback<[subcommand: Token<'LIST'>, ...args: Many<RedisValue>[]], Buffer>): Result<Buffer, Context>;
  clientBuffer(subcommand: Token<'INFO'>, callback?: Callback<Buffer>): Result<Buffer, Context>;
  clientBuffer(subcommand: Token<'KILL'>, address: RedisValue, callback?: Callback<Buffer>): Result<Buffer, Context>;
  clientBuffer(...args: WithCallback<[subcommand: Token<'KILL'>, filter: ClientKillFilter, value: RedisValue, ...args: Many<RedisValue>[]], number>): Result<number, Context>;
  clientBuffer(subcommand: Token<'NO-EVICT' | 'NO-TOUCH'>, mode: Token<'ON' | 'OFF'>, callback?: Callback<Buffer>): Result<Buffer, Context>;
  clientBuffer(subcommand: Token<'PAUSE'>, timeout: Numeric, callback?: Callback<Buffer>): Result<Buffer, Context>;
  clientBuffer(subcommand: Token<'PAUSE'>, timeout: Numeric, mode: Token<'WRITE' | 'ALL'>, callback?: Callback<Buffer>): Result<Buffer, Context>;
  clientBuffer(subcommand: Token<'UNPAUSE'>, callback?: Callback<Buffer>): Result<Buffer, Context>;
  clientBuffer(subcommand: Token<'REPLY'>, mode: Token<'ON' | 'OFF' | 'SKIP'>, callback?: Callback<Buffer>): Result<Buffer, Context>;
  clientBuffer(subcommand: Token<'SETINFO'>, attribute: Token<'LIB-NAME' | 'LIB-VER'>, value: RedisValue, callback?: Callback<Buffer>): Result<Buffer, Context>;
  clientBuffer(...args: WithCallback<[subcommand: Token<'TRACKING'>, mode: Token<'ON' | 'OFF'>, ...args: Many<RedisValue>[]], Buffer>): Result<Buffer, Context>;
  clientBuffer(subcommand: Token<'TRACKINGINFO'>, callback?: Callback<unknown[]>): Result<unknown[], Context>;
  clientBuffer(subcommand: Token<'CACHING'>, mode: Token<'YES' | 'NO'>, callback?: Callback<Buffer>): Result<Buffer, Context>;
  clientBuffer(subcommand: Token<'UNBLOCK'>, clientId: Numeric, callback?: Callback<number>): Result<number, Context>;
  clientBuffer(subcommand: Token<'UNBLOCK'>, clientId: Numeric, mode: Token<'TIMEOUT' | 'ERROR'>, callback?: Callback<number>): Result<number, Context>;
  clientBuffer(subcommand: Token<'HELP'>, callback?: Callback<Buffer[]>): Result<Buffer[], Context>;

  /** `CLUSTER` */
  cluster(...args: WithCallback<[subcommand: Token<Subcommands['cluster']>, ...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `CLUSTER`, resolving Buffers for string replies */
  clusterBuffer(...args: WithCallback<[subcommand: Token<Subcommands['cluster']>, ...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `COMMAND` · flags: loading, stale */
  command(callback?: Callback<unknown[]>): Result<unknown[], Context>;
  command(subcommand: Token<'COUNT'>, callback?: Callback<number>): Result<number, Context>;
  command(...args: WithCallback<[subcommand: Token<'DOCS' | 'INFO'>, ...commandNames: Many<RedisValue>[]], unknown[]>): Result<unknown[], Context>;
  command(...args: WithCallback<[subcommand: Token<'GETKEYS'>, command: RedisValue, ...args: Many<RedisValue>[]], string[]>): Result<string[], Context>;
  command(...args: WithCallback<[subcommand: Token<'GETKEYSANDFLAGS'>, command: RedisValue, ...args: Many<RedisValue>[]], unknown[]>): Result<unknown[], Context>;
  command(...args: WithCallback<[subcommand: Token<'LIST'>, ...args: Many<RedisValue>[]], string[]>): Result<string[], Context>;
  command(subcommand: Token<'HELP'>, callback?: Callback<string[]>): Result<string[], Context>;
  /** `COMMAND`, resolving Buffers for string replies · flags: loading, stale */
  commandBuffer(callback?: Callback<unknown[]>): Result<unknown[], Context>;
  commandBuffer(subcommand: Token<'COUNT'>, callback?: Callback<number>): Result<number, Context>;
  commandBuffer(...args: WithCallback<[subcommand: Token<'DOCS' | 'INFO'>, ...commandNames: Many<RedisValue>[]], unknown[]>): Result<unknown[], Context>;
  commandBuffer(...args: WithCallback<[subcommand: Token<'GETKEYS'>, command: RedisValue, ...args: Many<RedisValue>[]], Buffer[]>): Result<Buffer[], Context>;
  commandBuffer(...args: WithCallback<[subcommand: Token<'GETKEYSANDFLAGS'>, command: RedisValue, ...args: Many<RedisValue>[]], unknown[]>): Result<unknown[], Context>;
  commandBuffer(...args: WithCallback<[subcommand: Token<'LIST'>, ...args: Many<RedisValue>[]], Buffer[]>): Result<Buffer[], Context>;
  commandBuffer(subcommand: Token<'HELP'>, callback?: Callback<Buffer[]>): Result<Buffer[], Context>;

  /** `CONFIG` */
  config(...args: WithCallback<[subcommand: Token<'GET'>, ...parameters: Many<RedisValue>[]], string[]>): Result<string[], Context>;
  config(...args: WithCallback<[subcommand: Token<'SET'>, ...parameterValues: Many<RedisValue>[]], 'OK'>): Result<'OK', Context>;
  config(subcommand: Token<'RESETSTAT' | 'REWRITE'>, callback?: Callback<'OK'>): Result<'OK', Context>;
  config(subcommand: Token<'HELP'>, callback?: Callback<string[]>): Result<string[], Context>;
  /** `CONFIG`, resolving Buffers for string replies */
  configBuffer(...args: WithCallback<[subcommand: Token<'GET'>, ...parameters: Many<RedisValue>[]], Buffer[]>): Result<Buffer[], Context>;
  configBuffer(...args: WithCallback<[subcommand: Token<'SET'>, ...parameterValues: Many<RedisValue>[]], Buffer>): Result<Buffer, Context>;
  configBuffer(subcommand: Token<'RESETSTAT' | 'REWRITE'>, callback?: Callback<Buffer>): Result<Buffer, Context>;
  configBuffer(subcommand: Token<'HELP'>, callback?: Callback<Buffer[]>): Result<Buffer[], Context>;

  /** `COPY` · flags: write, denyoom */
  copy(...args: WithCallback<[source: RedisKey, destination: RedisKey, ...options: CopyOptions], number>): Result<number, Context>;
  /** `COPY`, resolving Buffers for string replies · flags: write, denyoom */
  copyBuffer(...args: WithCallback<[source: RedisKey, destination: RedisKey, ...options: CopyOptions], number>): Result<number, Context>;

  /** `DBSIZE` · flags: readonly, fast */
  dbsize(callback?: Callback<number>): Result<number, Context>;
  /** `DBSIZE`, resolving Buffers for string replies · flags: readonly, fast */
  dbsizeBuffer(callback?: Callback<number>): Result<number, Context>;

  /** `DEBUG` · flags: admin, noscript, loading, stale */
  debug(subcommand: Token<'SLEEP'>, seconds: Numeric, callback?: Callback<'OK'>): Result<'OK', Context>;
  debug(subcommand: Token<'OBJECT'>, key: RedisKey, callback?: Callback<string>): Result<string, Context>;
  debug(...args: WithCallback<[subcommand: RedisValue, ...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `DEBUG`, resolving Buffers for string replies · flags: admin, noscript, loading, stale */
  debugBuffer(subcommand: Token<'SLEEP'>, seconds: Numeric, callback?: Callback<Buffer>): Result<Buffer, Context>;
  debugBuffer(subcommand: Token<'OBJECT'>, key: RedisKey, callback?: Callback<Buffer>): Result<Buffer, Context>;
  debugBuffer(...args: WithCallback<[subcommand: RedisValue, ...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `DECR` · flags: write, denyoom, fast */
  decr(key: RedisKey, callback?: Callback<number>): Result<number, Context>;
  /** `DECR`, resolving Buffers for string replies · flags: write, denyoom, fast */
  decrBuffer(key: RedisKey, callback?: Callback<number>): Result<number, Context>;

  /** `DECRBY` · flags: write, denyoom, fast */
  decrby(key: RedisKey, decrement: Numeric, callback?: Callback<number>): Result<number, Context>;
  /** `DECRBY`, resolving Buffers for string replies · flags: write, denyoom, fast */
  decrbyBuffer(key: RedisKey, decrement: Numeric, callback?: Callback<number>): Result<number, Context>;

  /** `DEL` · flags: write */
  del(...args: WithCallback<[...keys: Many<RedisKey>[]], number>): Result<number, Context>;
  /** `DEL`, resolving Buffers for string replies · flags: write */
  delBuffer(...args: WithCallback<[...keys: Many<RedisKey>[]], number>): Result<number, Context>;

  /** `DELEX` · flags: write, fast */
  delex(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `DELEX`, resolving Buffers for string replies · flags: write, fast */
  delexBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `DIGEST` · flags: readonly, fast */
  digest(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `DIGEST`, resolving Buffers for string replies · flags: readonly, fast */
  digestBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `DISCARD` · flags: noscript, loading, stale, fast, allow_busy */
  discard(callback?: Callback<'OK'>): Result<'OK', Context>;
  /** `DISCARD`, resolving Buffers for string replies · flags: noscript, loading, stale, fast, allow_busy */
  discardBuffer(callback?: Callback<Buffer>): Result<Buffer, Context>;

  /** `DUMP` · flags: readonly */
  dump(key: RedisKey, callback?: Callback<string | null>): Result<string | null, Context>;
  /** `DUMP`, resolving Buffers for string replies · flags: readonly */
  dumpBuffer(key: RedisKey, callback?: Callback<Buffer | null>): Result<Buffer | null, Context>;

  /** `ECHO` · flags: loading, stale, fast */
  echo(message: RedisValue, callback?: Callback<string>): Result<string, Context>;
  /** `ECHO`, resolving Buffers for string replies · flags: loading, stale, fast */
  echoBuffer(message: RedisValue, callback?: Callback<Buffer>): Result<Buffer, Context>;

  /** `EVAL` · flags: noscript, stale, skip_monitor, no_mandatory_keys, movablekeys, script_runner */
  eval(...args: WithCallback<[script: RedisValue, numkeys: Numeric, ...keysAndArgs: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `EVAL`, resolving Buffers for string replies · flags: noscript, stale, skip_monitor, no_mandatory_keys, movablekeys, script_runner */
  evalBuffer(...args: WithCallback<[script: RedisValue, numkeys: Numeric, ...keysAndArgs: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `EVAL_RO` · flags: readonly, noscript, stale, skip_monitor, no_mandatory_keys, movablekeys, script_runner */
  eval_ro(...args: WithCallback<[script: RedisValue, numkeys: Numeric, ...keysAndArgs: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `EVAL_RO`, resolving Buffers for string replies · flags: readonly, noscript, stale, skip_monitor, no_mandatory_keys, movablekeys, script_runner */
  eval_roBuffer(...args: WithCallback<[script: RedisValue, numkeys: Numeric, ...keysAndArgs: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `EVALSHA` · flags: noscript, stale, skip_monitor, no_mandatory_keys, movablekeys, script_runner */
  evalsha(...args: WithCallback<[sha1: RedisValue, numkeys: Numeric, ...keysAndArgs: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `EVALSHA`, resolving Buffers for string replies · flags: noscript, stale, skip_monitor, no_mandatory_keys, movablekeys, script_runner */
  evalshaBuffer(...args: WithCallback<[sha1: RedisValue, numkeys: Numeric, ...keysAndArgs: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `EVALSHA_RO` · flags: readonly, noscript, stale, skip_monitor, no_mandatory_keys, movablekeys, script_runner */
  evalsha_ro(...args: WithCallback<[sha1: RedisValue, numkeys: Numeric, ...keysAndArgs: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `EVALSHA_RO`, resolving Buffers for string replies · flags: readonly, noscript, stale, skip_monitor, no_mandatory_keys, movablekeys, script_runner */
  evalsha_roBuffer(...args: WithCallback<[sha1: RedisValue, numkeys: Numeric, ...keysAndArgs: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `EXEC` · flags: noscript, loading, stale, skip_slowlog */
  exec(callback?: Callback<ExecReply | null>): Promise<ExecReply | null>;
  /** `EXEC`, resolving Buffers for string replies · flags: noscript, loading, stale, skip_slowlog */
  execBuffer(callback?: Callback<unknown>): Promise<unknown>;

  /** `EXISTS` · flags: readonly, fast */
  exists(...args: WithCallback<[...keys: Many<RedisKey>[]], number>): Result<number, Context>;
  /** `EXISTS`, resolving Buffers for string replies · flags: readonly, fast */
  existsBuffer(...args: WithCallback<[...keys: Many<RedisKey>[]], number>): Result<number, Context>;

  /** `EXPIRE` · flags: write, fast */
  expire(...args: WithCallback<[key: RedisKey, seconds: Numeric, ...condition: ExpireCondition], number>): Result<number, Context>;
  /** `EXPIRE`, resolving Buffers for string replies · flags: write, fast */
  expireBuffer(...args: WithCallback<[key: RedisKey, seconds: Numeric, ...condition: ExpireCondition], number>): Result<number, Context>;

  /** `EXPIREAT` · flags: write, fast */
  expireat(...args: WithCallback<[key: RedisKey, unixTimeSeconds: Numeric, ...condition: ExpireCondition], number>): Result<number, Context>;
  /** `EXPIREAT`, resolving Buffers for string replies · flags: write, fast */
  expireatBuffer(...args: WithCallback<[key: RedisKey, unixTimeSeconds: Numeric, ...condition: ExpireCondition], number>): Result<number, Context>;

  /** `EXPIRETIME` · flags: readonly, fast */
  expiretime(key: RedisKey, callback?: Callback<number>): Result<number, Context>;
  /** `EXPIRETIME`, resolving Buffers for string replies · flags: readonly, fast */
  expiretimeBuffer(key: RedisKey, callback?: Callback<number>): Result<number, Context>;

  /** `FAILOVER` · flags: admin, noscript, stale */
  failover(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `FAILOVER`, resolving Buffers for string replies · flags: admin, noscript, stale */
  failoverBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `FCALL` · flags: noscript, stale, skip_monitor, no_mandatory_keys, movablekeys, script_runner */
  fcall(...args: WithCallback<[name: RedisValue, numkeys: Numeric, ...keysAndArgs: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `FCALL`, resolving Buffers for string replies · flags: noscript, stale, skip_monitor, no_mandatory_keys, movablekeys, script_runner */
  fcallBuffer(...args: WithCallback<[name: RedisValue, numkeys: Numeric, ...keysAndArgs: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `FCALL_RO` · flags: readonly, noscript, stale, skip_monitor, no_mandatory_keys, movablekeys, script_runner */
  fcall_ro(...args: WithCallback<[name: RedisValue, numkeys: Numeric, ...keysAndArgs: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `FCALL_RO`, resolving Buffers for string replies · flags: readonly, noscript, stale, skip_monitor, no_mandatory_keys, movablekeys, script_runner */
  fcall_roBuffer(...args: WithCallback<[name: RedisValue, numkeys: Numeric, ...keysAndArgs: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `FLUSHALL` · flags: write */
  flushall(...args: WithCallback<[...mode: FlushMode], 'OK'>): Result<'OK', Context>;
  /** `FLUSHALL`, resolving Buffers for string replies · flags: write */
  flushallBuffer(...args: WithCallback<[...mode: FlushMode], Buffer>): Result<Buffer, Context>;

  /** `FLUSHDB` · flags: write */
  flushdb(...args: WithCallback<[...mode: FlushMode], 'OK'>): Result<'OK', Context>;
  /** `FLUSHDB`, resolving Buffers for string replies · flags: write */
  flushdbBuffer(...args: WithCallback<[...mode: FlushMode], Buffer>): Result<Buffer, Context>;

  /** `FUNCTION` */
  function(subcommand: Token<'LOAD'>, code: RedisValue, callback?: Callback<string>): Result<string, Context>;
  function(subcommand: Token<'LOAD'>, replace: Token<'REPLACE'>, code: RedisValue, callback?: Callback<string>): Result<string, Context>;
  function(subcommand: Token<'DELETE'>, libraryName: RedisValue, callback?: Callback<'OK'>): Result<'OK', Context>;
  function(...args: WithCallback<[subcommand: Token<'FLUSH'>, ...mode: FlushMode], 'OK'>): Result<'OK', Context>;
  function(subcommand: Token<'KILL'>, callback?: Callback<'OK'>): Result<'OK', Context>;
  function(...args: WithCallback<[subcommand: Token<'LIST'>, ...options: AnyOrder2<Opt<[libraryName: Token<'LIBRARYNAME'>, pattern: RedisValue]>, Opt<[withCode: Token<'WITHCODE'>]>>], unknown[]>): Result<unknown[], Context>;
  function(subcommand: Token<'DUMP'>, callback?: Callback<string>): Result<string, Context>;
  function(...args: WithCallback<[subcommand: Token<'RESTORE'>, payload: RedisValue, ...policy: Opt<[policy: Token<'FLUSH' | 'APPEND' | 'REPLACE'>]>], 'OK'>): Result<'OK', Context>;
  function(subcommand: Token<'STATS'>, callback?: Callback<unknown[]>): Result<unknown[], Context>;
  function(subcommand: Token<'HELP'>, callback?: Callback<string[]>): Result<string[], Context>;
  /** `FUNCTION`, resolving Buffers for string replies */
  functionBuffer(subcommand: Token<'LOAD'>, code: RedisValue, callback?: Callback<Buffer>): Result<Buffer, Context>;
  functionBuffer(subcommand: Token<'LOAD'>, replace: Token<'REPLACE'>, code: RedisValue, callback?: Callback<Buffer>): Result<Buffer, Context>;
  functionBuffer(subcommand: Token<'DELETE'>, libraryName: RedisValue, callback?: Callback<Buffer>): Result<Buffer, Context>;
  functionBuffer(...args: WithCallback<[subcommand: Token<'FLUSH'>, ...mode: FlushMode], Buffer>): Result<Buffer, Context>;
  functionBuffer(subcommand: Token<'KILL'>, callback?: Callback<Buffer>): Result<Buffer, Context>;
  functionBuffer(...args: WithCallback<[subcommand: Token<'LIST'>, ...options: AnyOrder2<Opt<[libraryName: Token<'LIBRARYNAME'>, pattern: RedisValue]>, Opt<[withCode: Token<'WITHCODE'>]>>], unknown[]>): Result<unknown[], Context>;
  functionBuffer(subcommand: Token<'DUMP'>, callback?: Callback<Buffer>): Result<Buffer, Context>;
  functionBuffer(...args: WithCallback<[subcommand: Token<'RESTORE'>, payload: RedisValue, ...policy: Opt<[policy: Token<'FLUSH' | 'APPEND' | 'REPLACE'>]>], Buffer>): Result<Buffer, Context>;
  functionBuffer(subcommand: Token<'STATS'>, callback?: Callback<unknown[]>): Result<unknown[], Context>;
  functionBuffer(subcommand: Token<'HELP'>, callback?: Callback<Buffer[]>): Result<Buffer[], Context>;

  /** `GEOADD` · flags: write, denyoom */
  geoadd(...args: WithCallback<[key: RedisKey, ...args: Many<RedisValue>[]], number>): Result<number, Context>;
  /** `GEOADD`, resolving Buffers for string replies · flags: write, denyoom */
  geoaddBuffer(...args: WithCallback<[key: RedisKey, ...args: Many<RedisValue>[]], number>): Result<number, Context>;

  /** `GEODIST` · flags: readonly */
  geodist(...args: WithCallback<[key: RedisKey, ...args: Many<RedisValue>[]], string | null>): Result<string | null, Context>;
  /** `GEODIST`, resolving Buffers for string replies · flags: readonly */
  geodistBuffer(...args: WithCallback<[key: RedisKey, ...args: Many<RedisValue>[]], Buffer | null>): Result<Buffer | null, Context>;

  /** `GEOHASH` · flags: readonly */
  geohash(...args: WithCallback<[key: RedisKey, ...members: Many<RedisValue>[]], (string | null)[]>): Result<(string | null)[], Context>;
  /** `GEOHASH`, resolving Buffers for string replies · flags: readonly */
  geohashBuffer(...args: WithCallback<[key: RedisKey, ...members: Many<RedisValue>[]], (Buffer | null)[]>): Result<(Buffer | null)[], Context>;

  /** `GEOPOS` · flags: readonly */
  geopos(...args: WithCallback<[key: RedisKey, ...members: Many<RedisValue>[]], ([longitude: string, latitude: string] | null)[]>): Result<([longitude: string, latitude: string] | null)[], Context>;
  /** `GEOPOS`, resolving Buffers for string replies · flags: readonly */
  geoposBuffer(...args: WithCallback<[key: RedisKey, ...members: Many<RedisValue>[]], ([longitude: Buffer, latitude: Buffer] | null)[]>): Result<([longitude: Buffer, latitude: Buffer] | null)[], Context>;

  /** `GEORADIUS` · flags: write, denyoom, movablekeys */
  georadius(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `GEORADIUS`, resolving Buffers for string replies · flags: write, denyoom, movablekeys */
  georadiusBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `GEORADIUS_RO` · flags: readonly */
  georadius_ro(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `GEORADIUS_RO`, resolving Buffers for string replies · flags: readonly */
  georadius_roBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `GEORADIUSBYMEMBER` · flags: write, denyoom, movablekeys */
  georadiusbymember(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `GEORADIUSBYMEMBER`, resolving Buffers for string replies · flags: write, denyoom, movablekeys */
  georadiusbymemberBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `GEORADIUSBYMEMBER_RO` · flags: readonly */
  georadiusbymember_ro(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `GEORADIUSBYMEMBER_RO`, resolving Buffers for string replies · flags: readonly */
  georadiusbymember_roBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `GEOSEARCH` · flags: readonly */
  geosearch(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `GEOSEARCH`, resolving Buffers for string replies · flags: readonly */
  geosearchBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `GEOSEARCHSTORE` · flags: write, denyoom */
  geosearchstore(...args: WithCallback<[destination: RedisKey, source: RedisKey, ...args: Many<RedisValue>[]], number>): Result<number, Context>;
  /** `GEOSEARCHSTORE`, resolving Buffers for string replies · flags: write, denyoom */
  geosearchstoreBuffer(...args: WithCallback<[destination: RedisKey, source: RedisKey, ...args: Many<RedisValue>[]], number>): Result<number, Context>;

  /** `GET` · flags: readonly, fast */
  get(key: RedisKey, callback?: Callback<string | null>): Result<string | null, Context>;
  /** `GET`, resolving Buffers for string replies · flags: readonly, fast */
  getBuffer(key: RedisKey, callback?: Callback<Buffer | null>): Result<Buffer | null, Context>;

  /** `GETBIT` · flags: readonly, fast */
  getbit(key: RedisKey, offset: Numeric, callback?: Callback<number>): Result<number, Context>;
  /** `GETBIT`, resolving Buffers for string replies · flags: readonly, fast */
  getbitBuffer(key: RedisKey, offset: Numeric, callback?: Callback<number>): Result<number, Context>;

  /** `GETDEL` · flags: write, fast */
  getdel(key: RedisKey, callback?: Callback<string | null>): Result<string | null, Context>;
  /** `GETDEL`, resolving Buffers for string replies · flags: write, fast */
  getdelBuffer(key: RedisKey, callback?: Callback<Buffer | null>): Result<Buffer | null, Context>;

  /** `GETEX` · flags: write, fast */
  getex(...args: WithCallback<[key: RedisKey, ...options: GetExOptions], string | null>): Result<string | null, Context>;
  /** `GETEX`, resolving Buffers for string replies · flags: write, fast */
  getexBuffer(...args: WithCallback<[key: RedisKey, ...options: GetExOptions], Buffer | null>): Result<Buffer | null, Context>;

  /** `GETRANGE` · flags: readonly */
  getrange(key: RedisKey, start: Numeric, end: Numeric, callback?: Callback<string>): Result<string, Context>;
  /** `GETRANGE`, resolving Buffers for string replies · flags: readonly */
  getrangeBuffer(key: RedisKey, start: Numeric, end: Numeric, callback?: Callback<Buffer>): Result<Buffer, Context>;

  /** `GETSET` · flags: write, denyoom, fast */
  getset(key: RedisKey, value: RedisValue, callback?: Callback<string | null>): Result<string | null, Context>;
  /** `GETSET`, resolving Buffers for string replies · flags: write, denyoom, fast */
  getsetBuffer(key: RedisKey, value: RedisValue, callback?: Callback<Buffer | null>): Result<Buffer | null, Context>;

  /** `HDEL` · flags: write, fast */
  hdel(...args: WithCallback<[key: RedisKey, ...fields: Many<RedisValue>[]], number>): Result<number, Context>;
  /** `HDEL`, resolving Buffers for string replies · flags: write, fast */
  hdelBuffer(...args: WithCallback<[key: RedisKey, ...fields: Many<RedisValue>[]], number>): Result<number, Context>;

  /** `HELLO` · flags: noscript, loading, stale, fast, no_auth, allow_busy */
  hello(...args: WithCallback<[...args: Many<RedisValue>[]], unknown[]>): Result<unknown[], Context>;
  /** `HELLO`, resolving Buffers for string replies · flags: noscript, loading, stale, fast, no_auth, allow_busy */
  helloBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown[]>): Result<unknown[], Context>;

  /** `HEXISTS` · flags: readonly, fast */
  hexists(key: RedisKey, field: RedisValue, callback?: Callback<number>): Result<number, Context>;
  /** `HEXISTS`, resolving Buffers for string replies · flags: readonly, fast */
  hexistsBuffer(key: RedisKey, field: RedisValue, callback?: Callback<number>): Result<number, Context>;

  /** `HEXPIRE` · flags: write, fast */
  hexpire(...args: WithCallback<[key: RedisKey, ...args: Many<RedisValue>[]], number[]>): Result<number[], Context>;
  /** `HEXPIRE`, resolving Buffers for string replies · flags: write, fast */
  hexpireBuffer(...args: WithCallback<[key: RedisKey, ...args: Many<RedisValue>[]], number[]>): Result<number[], Context>;

  /** `HEXPIREAT` · flags: write, fast */
  hexpireat(...args: WithCallback<[key: RedisKey, ...args: Many<RedisValue>[]], number[]>): Result<number[], Context>;
  /** `HEXPIREAT`, resolving Buffers for string replies · flags: write, fast */
  hexpireatBuffer(...args: WithCallback<[key: RedisKey, ...args: Many<RedisValue>[]], number[]>): Result<number[], Context>;

  /** `HEXPIRETIME` · flags: readonly, fast */
  hexpiretime(...args: WithCallback<[key: RedisKey, ...args: Many<RedisValue>[]], number[]>): Result<number[], Context>;
  /** `HEXPIRETIME`, resolving Buffers for string replies · flags: readonly, fast */
  hexpiretimeBuffer(...args: WithCallback<[key: RedisKey, ...args: Many<RedisValue>[]], number[]>): Result<number[], Context>;

  /** `HGET` · flags: readonly, fast */
  hget(key: RedisKey, field: RedisValue, callback?: Callback<string | null>): Result<string | null, Context>;
  /** `HGET`, resolving Buffers for string replies · flags: readonly, fast */
  hgetBuffer(key: RedisKey, field: RedisValue, callback?: Callback<Buffer | null>): Result<Buffer | null, Context>;

  /** `HGETALL` · flags: readonly */
  hgetall(key: RedisKey, callback?: Callback<Record<string, string>>): Result<Record<string, string>, Context>;
  /** `HGETALL`, resolving Buffers for string replies · flags: readonly */
  hgetallBuffer(key: RedisKey, callback?: Callback<Record<string, Buffer>>): Result<Record<string, Buffer>, Context>;

  /** `HGETDEL` · flags: write, fast */
  hgetdel(...args: WithCallback<[key: RedisKey, ...args: Many<RedisValue>[]], (string | null)[]>): Result<(string | null)[], Context>;
  /** `HGETDEL`, resolving Buffers for string replies · flags: write, fast */
  hgetdelBuffer(...args: WithCallback<[key: RedisKey, ...args: Many<RedisValue>[]], (Buffer | null)[]>): Result<(Buffer | null)[], Context>;

  /** `HGETEX` · flags: write, fast */
  hgetex(...args: WithCallback<[key: RedisKey, ...args: Many<RedisValue>[]], (string | null)[]>): Result<(string | null)[], Context>;
  /** `HGETEX`, resolving Buffers for string replies · flags: write, fast */
  hgetexBuffer(...args: WithCallback<[key: RedisKey, ...args: Many<RedisValue>[]], (Buffer | null)[]>): Result<(Buffer | null)[], Context>;

  /** `HIMPORT` */
  himport(...args: WithCallback<[subcommand: Token<Subcommands['himport']>, ...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `HIMPORT`, resolving Buffers for string replies */
  himportBuffer(...args: WithCallback<[subcommand: Token<Subcommands['himport']>, ...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `HINCRBY` · flags: write, denyoom, fast */
  hincrby(key: RedisKey, field: RedisValue, increment: Numeric, callback?: Callback<number>): Result<number, Context>;
  /** `HINCRBY`, resolving Buffers for string replies · flags: write, denyoom, fast */
  hincrbyBuffer(key: RedisKey, field: RedisValue, increment: Numeric, callback?: Callback<number>): Result<number, Context>;

  /** `HINCRBYFLOAT` · flags: write, denyoom, fast */
  hincrbyfloat(key: RedisKey, field: RedisValue, increment: Numeric, callback?: Callback<string>): Result<string, Context>;
  /** `HINCRBYFLOAT`, resolving Buffers for string replies · flags: write, denyoom, fast */
  hincrbyfloatBuffer(key: RedisKey, field: RedisValue, increment: Numeric, callback?: Callback<Buffer>): Result<Buffer, Context>;

  /** `HKEYS` · flags: readonly */
  hkeys(key: RedisKey, callback?: Callback<string[]>): Result<string[], Context>;
  /** `HKEYS`, resolving Buffers for string replies · flags: readonly */
  hkeysBuffer(key: RedisKey, callback?: Callback<Buffer[]>): Result<Buffer[], Context>;

  /** `HLEN` · flags: readonly, fast */
  hlen(key: RedisKey, callback?: Callback<number>): Result<number, Context>;
  /** `HLEN`, resolving Buffers for string replies · flags: readonly, fast */
  hlenBuffer(key: RedisKey, callback?: Callback<number>): Result<number, Context>;

  /** `HMGET` · flags: readonly, fast */
  hmget(...args: WithCallback<[key: RedisKey, ...fields: Many<RedisValue>[]], (string | null)[]>): Result<(string | null)[], Context>;
  /** `HMGET`, resolving Buffers for string replies · flags: readonly, fast */
  hmgetBuffer(...args: WithCallback<[key: RedisKey, ...fields: Many<RedisValue>[]], (Buffer | null)[]>): Result<(Buffer | null)[], Context>;

  /** `HMSET` · flags: write, denyoom, fast */
  hmset(key: RedisKey, map: FieldValueMap, callback?: Callback<'OK'>): Result<'OK', Context>;
  hmset(key: RedisKey, object: object, callback?: Callback<'OK'>): Result<'OK', Context>;
  hmset(...args: WithCallback<[key: RedisKey, ...fieldValues: Many<RedisValue>[]], 'OK'>): Result<'OK', Context>;
  /** `HMSET`, resolving Buffers for string replies · flags: write, denyoom, fast */
  hmsetBuffer(key: RedisKey, map: FieldValueMap, callback?: Callback<Buffer>): Result<Buffer, Context>;
  hmsetBuffer(key: RedisKey, object: object, callback?: Callback<Buffer>): Result<Buffer, Context>;
  hmsetBuffer(...args: WithCallback<[key: RedisKey, ...fieldValues: Many<RedisValue>[]], Buffer>): Result<Buffer, Context>;

  /** `HOTKEYS` */
  hotkeys(...args: WithCallback<[subcommand: Token<Subcommands['hotkeys']>, ...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `HOTKEYS`, resolving Buffers for string replies */
  hotkeysBuffer(...args: WithCallback<[subcommand: Token<Subcommands['hotkeys']>, ...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `HPERSIST` · flags: write, fast */
  hpersist(...args: WithCallback<[key: RedisKey, ...args: Many<RedisValue>[]], number[]>): Result<number[], Context>;
  /** `HPERSIST`, resolving Buffers for string replies · flags: write, fast */
  hpersistBuffer(...args: WithCallback<[key: RedisKey, ...args: Many<RedisValue>[]], number[]>): Result<number[], Context>;

  /** `HPEXPIRE` · flags: write, fast */
  hpexpire(...args: WithCallback<[key: RedisKey, ...args: Many<RedisValue>[]], number[]>): Result<number[], Context>;
  /** `HPEXPIRE`, resolving Buffers for string replies · flags: write, fast */
  hpexpireBuffer(...args: WithCallback<[key: RedisKey, ...args: Many<RedisValue>[]], number[]>): Result<number[], Context>;

  /** `HPEXPIREAT` · flags: write, fast */
  hpexpireat(...args: WithCallback<[key: RedisKey, ...args: Many<RedisValue>[]], number[]>): Result<number[], Context>;
  /** `HPEXPIREAT`, resolving Buffers for string replies · flags: write, fast */
  hpexpireatBuffer(...args: WithCallback<[key: RedisKey, ...args: Many<RedisValue>[]], number[]>): Result<number[], Context>;

  /** `HPEXPIRETIME` · flags: readonly, fast */
  hpexpiretime(...args: WithCallback<[key: RedisKey, ...args: Many<RedisValue>[]], number[]>): Result<number[], Context>;
  /** `HPEXPIRETIME`, resolving Buffers for string replies · flags: readonly, fast */
  hpexpiretimeBuffer(...args: WithCallback<[key: RedisKey, ...args: Many<RedisValue>[]], number[]>): Result<number[], Context>;

  /** `HPTTL` · flags: readonly, fast */
  hpttl(...args: WithCallback<[key: RedisKey, ...args: Many<RedisValue>[]], number[]>): Result<number[], Context>;
  /** `HPTTL`, resolving Buffers for string replies · flags: readonly, fast */
  hpttlBuffer(...args: WithCallback<[key: RedisKey, ...args: Many<RedisValue>[]], number[]>): Result<number[], Context>;

  /** `HRANDFIELD` · flags: readonly */
  hrandfield(key: RedisKey, callback?: Callback<string | null>): Result<string | null, Context>;
  hrandfield(key: RedisKey, count: Numeric, callback?: Callback<string[]>): Result<string[], Context>;
  hrandfield(key: RedisKey, count: Numeric, withValues: Token<'WITHVALUES'>, callback?: Callback<string[]>): Result<string[], Context>;
  /** `HRANDFIELD`, resolving Buffers for string replies · flags: readonly */
  hrandfieldBuffer(key: RedisKey, callback?: Callback<Buffer | null>): Result<Buffer | null, Context>;
  hrandfieldBuffer(key: RedisKey, count: Numeric, callback?: Callback<Buffer[]>): Result<Buffer[], Context>;
  hrandfieldBuffer(key: RedisKey, count: Numeric, withValues: Token<'WITHVALUES'>, callback?: Callback<Buffer[]>): Result<Buffer[], Context>;

  /** `HSCAN` · flags: readonly */
  hscan(...args: WithCallback<[key: RedisKey, cursor: Numeric, ...options: HScanOptions], [cursor: string, elements: string[]]>): Result<[cursor: string, elements: string[]], Context>;
  /** `HSCAN`, resolving Buffers for string replies · flags: readonly */
  hscanBuffer(...args: WithCallback<[key: RedisKey, cursor: Numeric, ...options: HScanOptions], [cursor: Buffer, elements: Buffer[]]>): Result<[cursor: Buffer, elements: Buffer[]], Context>;

  /** `HSET` · flags: write, denyoom, fast */
  hset(key: RedisKey, map: FieldValueMap, callback?: Callback<number>): Result<number, Context>;
  hset(key: RedisKey, object: object, callback?: Callback<number>): Result<number, Context>;
  hset(...args: WithCallback<[key: RedisKey, ...fieldValues: Many<RedisValue>[]], number>): Result<number, Context>;
  /** `HSET`, resolving Buffers for string replies · flags: write, denyoom, fast */
  hsetBuffer(key: RedisKey, map: FieldValueMap, callback?: Callback<number>): Result<number, Context>;
  hsetBuffer(key: RedisKey, object: object, callback?: Callback<number>): Result<number, Context>;
  hsetBuffer(...args: WithCallback<[key: RedisKey, ...fieldValues: Many<RedisValue>[]], number>): Result<number, Context>;

  /** `HSETEX` · flags: write, denyoom, fast */
  hsetex(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `HSETEX`, resolving Buffers for string replies · flags: write, denyoom, fast */
  hsetexBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `HSETNX` · flags: write, denyoom, fast */
  hsetnx(key: RedisKey, field: RedisValue, value: RedisValue, callback?: Callback<number>): Result<number, Context>;
  /** `HSETNX`, resolving Buffers for string replies · flags: write, denyoom, fast */
  hsetnxBuffer(key: RedisKey, field: RedisValue, value: RedisValue, callback?: Callback<number>): Result<number, Context>;

  /** `HSTRLEN` · flags: readonly, fast */
  hstrlen(key: RedisKey, field: RedisValue, callback?: Callback<number>): Result<number, Context>;
  /** `HSTRLEN`, resolving Buffers for string replies · flags: readonly, fast */
  hstrlenBuffer(key: RedisKey, field: RedisValue, callback?: Callback<number>): Result<number, Context>;

  /** `HTTL` · flags: readonly, fast */
  httl(...args: WithCallback<[key: RedisKey, ...args: Many<RedisValue>[]], number[]>): Result<number[], Context>;
  /** `HTTL`, resolving Buffers for string replies · flags: readonly, fast */
  httlBuffer(...args: WithCallback<[key: RedisKey, ...args: Many<RedisValue>[]], number[]>): Result<number[], Context>;

  /** `HVALS` · flags: readonly */
  hvals(key: RedisKey, callback?: Callback<string[]>): Result<string[], Context>;
  /** `HVALS`, resolving Buffers for string replies · flags: readonly */
  hvalsBuffer(key: RedisKey, callback?: Callback<Buffer[]>): Result<Buffer[], Context>;

  /** `INCR` · flags: write, denyoom, fast */
  incr(key: RedisKey, callback?: Callback<number>): Result<number, Context>;
  /** `INCR`, resolving Buffers for string replies · flags: write, denyoom, fast */
  incrBuffer(key: RedisKey, callback?: Callback<number>): Result<number, Context>;

  /** `INCRBY` · flags: write, denyoom, fast */
  incrby(key: RedisKey, increment: Numeric, callback?: Callback<number>): Result<number, Context>;
  /** `INCRBY`, resolving Buffers for string replies · flags: write, denyoom, fast */
  incrbyBuffer(key: RedisKey, increment: Numeric, callback?: Callback<number>): Result<number, Context>;

  /** `INCRBYFLOAT` · flags: write, denyoom, fast */
  incrbyfloat(key: RedisKey, increment: Numeric, callback?: Callback<string>): Result<string, Context>;
  /** `INCRBYFLOAT`, resolving Buffers for string replies · flags: write, denyoom, fast */
  incrbyfloatBuffer(key: RedisKey, increment: Numeric, callback?: Callback<Buffer>): Result<Buffer, Context>;

  /** `INCREX` · flags: write, denyoom, fast */
  increx(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `INCREX`, resolving Buffers for string replies · flags: write, denyoom, fast */
  increxBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `INFO` · flags: loading, stale */
  info(...args: WithCallback<[...sections: Many<RedisValue>[]], string>): Result<string, Context>;
  /** `INFO`, resolving Buffers for string replies · flags: loading, stale */
  infoBuffer(...args: WithCallback<[...sections: Many<RedisValue>[]], Buffer>): Result<Buffer, Context>;

  /** `KEYS` · flags: readonly */
  keys(pattern: RedisValue, callback?: Callback<string[]>): Result<string[], Context>;
  /** `KEYS`, resolving Buffers for string replies · flags: readonly */
  keysBuffer(pattern: RedisValue, callback?: Callback<Buffer[]>): Result<Buffer[], Context>;

  /** `LASTSAVE` · flags: loading, stale, fast */
  lastsave(callback?: Callback<number>): Result<number, Context>;
  /** `LASTSAVE`, resolving Buffers for string replies · flags: loading, stale, fast */
  lastsaveBuffer(callback?: Callback<number>): Result<number, Context>;

  /** `LATENCY` */
  latency(...args: WithCallback<[subcommand: Token<Subcommands['latency']>, ...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `LATENCY`, resolving Buffers for string replies */
  latencyBuffer(...args: WithCallback<[subcommand: Token<Subcommands['latency']>, ...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `LCS` · flags: readonly */
  lcs(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `LCS`, resolving Buffers for string replies · flags: readonly */
  lcsBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `LINDEX` · flags: readonly */
  lindex(key: RedisKey, index: Numeric, callback?: Callback<string | null>): Result<string | null, Context>;
  /** `LINDEX`, resolving Buffers for string replies · flags: readonly */
  lindexBuffer(key: RedisKey, index: Numeric, callback?: Callback<Buffer | null>): Result<Buffer | null, Context>;

  /** `LINSERT` · flags: write, denyoom */
  linsert(key: RedisKey, where: Token<'BEFORE' | 'AFTER'>, pivot: RedisValue, element: RedisValue, callback?: Callback<number>): Result<number, Context>;
  /** `LINSERT`, resolving Buffers for string replies · flags: write, denyoom */
  linsertBuffer(key: RedisKey, where: Token<'BEFORE' | 'AFTER'>, pivot: RedisValue, element: RedisValue, callback?: Callback<number>): Result<number, Context>;

  /** `LLEN` · flags: readonly, fast */
  llen(key: RedisKey, callback?: Callback<number>): Result<number, Context>;
  /** `LLEN`, resolving Buffers for string replies · flags: readonly, fast */
  llenBuffer(key: RedisKey, callback?: Callback<number>): Result<number, Context>;

  /** `LMOVE` · flags: write, denyoom */
  lmove(source: RedisKey, destination: RedisKey, from: ListSide, to: ListSide, callback?: Callback<string | null>): Result<string | null, Context>;
  /** `LMOVE`, resolving Buffers for string replies · flags: write, denyoom */
  lmoveBuffer(source: RedisKey, destination: RedisKey, from: ListSide, to: ListSide, callback?: Callback<Buffer | null>): Result<Buffer | null, Context>;

  /** `LMOVEM` · flags: write, denyoom */
  lmovem(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `LMOVEM`, resolving Buffers for string replies · flags: write, denyoom */
  lmovemBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `LMPOP` · flags: write, movablekeys */
  lmpop(...args: WithCallback<[numkeys: Numeric, ...keys: Many<RedisKey>[], side: ListSide], [key: string, elements: string[]] | null>): Result<[key: string, elements: string[]] | null, Context>;
  lmpop(...args: WithCallback<[numkeys: Numeric, ...keys: Many<RedisKey>[], side: ListSide, count: Token<'COUNT'>, n: Numeric], [key: string, elements: string[]] | null>): Result<[key: string, elements: string[]] | null, Context>;
  /** `LMPOP`, resolving Buffers for string replies · flags: write, movablekeys */
  lmpopBuffer(...args: WithCallback<[numkeys: Numeric, ...keys: Many<RedisKey>[], side: ListSide], [key: Buffer, elements: Buffer[]] | null>): Result<[key: Buffer, elements: Buffer[]] | null, Context>;
  lmpopBuffer(...args: WithCallback<[numkeys: Numeric, ...keys: Many<RedisKey>[], side: ListSide, count: Token<'COUNT'>, n: Numeric], [key: Buffer, elements: Buffer[]] | null>): Result<[key: Buffer, elements: Buffer[]] | null, Context>;

  /** `LOLWUT` · flags: readonly, fast */
  lolwut(...args: WithCallback<[...args: Many<RedisValue>[]], string>): Result<string, Context>;
  /** `LOLWUT`, resolving Buffers for string replies · flags: readonly, fast */
  lolwutBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], Buffer>): Result<Buffer, Context>;

  /** `LPOP` · flags: write, fast */
  lpop(key: RedisKey, callback?: Callback<string | null>): Result<string | null, Context>;
  lpop(key: RedisKey, count: Numeric, callback?: Callback<string[] | null>): Result<string[] | null, Context>;
  /** `LPOP`, resolving Buffers for string replies · flags: write, fast */
  lpopBuffer(key: RedisKey, callback?: Callback<Buffer | null>): Result<Buffer | null, Context>;
  lpopBuffer(key: RedisKey, count: Numeric, callback?: Callback<Buffer[] | null>): Result<Buffer[] | null, Context>;

  /** `LPOS` · flags: readonly */
  lpos(...args: WithCallback<[key: RedisKey, element: RedisValue, ...options: LPosOptions], number | null>): Result<number | null, Context>;
  lpos(...args: WithCallback<[key: RedisKey, element: RedisValue, ...options: LPosCountOptions], number[]>): Result<number[], Context>;
  /** `LPOS`, resolving Buffers for string replies · flags: readonly */
  lposBuffer(...args: WithCallback<[key: RedisKey, element: RedisValue, ...options: LPosOptions], number | null>): Result<number | null, Context>;
  lposBuffer(...args: WithCallback<[key: RedisKey, element: RedisValue, ...options: LPosCountOptions], number[]>): Result<number[], Context>;

  /** `LPUSH` · flags: write, denyoom, fast */
  lpush(...args: WithCallback<[key: RedisKey, ...elements: Many<RedisValue>[]], number>): Result<number, Context>;
  /** `LPUSH`, resolving Buffers for string replies · flags: write, denyoom, fast */
  lpushBuffer(...args: WithCallback<[key: RedisKey, ...elements: Many<RedisValue>[]], number>): Result<number, Context>;

  /** `LPUSHX` · flags: write, denyoom, fast */
  lpushx(...args: WithCallback<[key: RedisKey, ...elements: Many<RedisValue>[]], number>): Result<number, Context>;
  /** `LPUSHX`, resolving Buffers for string replies · flags: write, denyoom, fast */
  lpushxBuffer(...args: WithCallback<[key: RedisKey, ...elements: Many<RedisValue>[]], number>): Result<number, Context>;

  /** `LRANGE` · flags: readonly */
  lrange(key: RedisKey, start: Numeric, stop: Numeric, callback?: Callback<string[]>): Result<string[], Context>;
  /** `LRANGE`, resolving Buffers for string replies · flags: readonly */
  lrangeBuffer(key: RedisKey, start: Numeric, stop: Numeric, callback?: Callback<Buffer[]>): Result<Buffer[], Context>;

  /** `LREM` · flags: write */
  lrem(key: RedisKey, count: Numeric, element: RedisValue, callback?: Callback<number>): Result<number, Context>;
  /** `LREM`, resolving Buffers for string replies · flags: write */
  lremBuffer(key: RedisKey, count: Numeric, element: RedisValue, callback?: Callback<number>): Result<number, Context>;

  /** `LSET` · flags: write, denyoom */
  lset(key: RedisKey, index: Numeric, element: RedisValue, callback?: Callback<'OK'>): Result<'OK', Context>;
  /** `LSET`, resolving Buffers for string replies · flags: write, denyoom */
  lsetBuffer(key: RedisKey, index: Numeric, element: RedisValue, callback?: Callback<Buffer>): Result<Buffer, Context>;

  /** `LTRIM` · flags: write */
  ltrim(key: RedisKey, start: Numeric, stop: Numeric, callback?: Callback<'OK'>): Result<'OK', Context>;
  /** `LTRIM`, resolving Buffers for string replies · flags: write */
  ltrimBuffer(key: RedisKey, start: Numeric, stop: Numeric, callback?: Callback<Buffer>): Result<Buffer, Context>;

  /** `MEMORY` */
  memory(subcommand: Token<'USAGE'>, key: RedisKey, callback?: Callback<number | null>): Result<number | null, Context>;
  memory(subcommand: Token<'USAGE'>, key: RedisKey, samples: Token<'SAMPLES'>, count: Numeric, callback?: Callback<number | null>): Result<number | null, Context>;
  memory(subcommand: Token<'STATS'>, callback?: Callback<unknown[]>): Result<unknown[], Context>;
  memory(subcommand: Token<'DOCTOR' | 'MALLOC-STATS'>, callback?: Callback<string>): Result<string, Context>;
  memory(subcommand: Token<'PURGE'>, callback?: Callback<'OK'>): Result<'OK', Context>;
  memory(subcommand: Token<'HELP'>, callback?: Callback<string[]>): Result<string[], Context>;
  /** `MEMORY`, resolving Buffers for string replies */
  memoryBuffer(subcommand: Token<'USAGE'>, key: RedisKey, callback?: Callback<number | null>): Result<number | null, Context>;
  memoryBuffer(subcommand: Token<'USAGE'>, key: RedisKey, samples: Token<'SAMPLES'>, count: Numeric, callback?: Callback<number | null>): Result<number | null, Context>;
  memoryBuffer(subcommand: Token<'STATS'>, callback?: Callback<unknown[]>): Result<unknown[], Context>;
  memoryBuffer(subcommand: Token<'DOCTOR' | 'MALLOC-STATS'>, callback?: Callback<Buffer>): Result<Buffer, Context>;
  memoryBuffer(subcommand: Token<'PURGE'>, callback?: Callback<Buffer>): Result<Buffer, Context>;
  memoryBuffer(subcommand: Token<'HELP'>, callback?: Callback<Buffer[]>): Result<Buffer[], Context>;

  /** `MGET` · flags: readonly, fast */
  mget(...args: WithCallback<[...keys: Many<RedisKey>[]], (string | null)[]>): Result<(string | null)[], Context>;
  /** `MGET`, resolving Buffers for string replies · flags: readonly, fast */
  mgetBuffer(...args: WithCallback<[...keys: Many<RedisKey>[]], (Buffer | null)[]>): Result<(Buffer | null)[], Context>;

  /** `MIGRATE` · flags: write, movablekeys */
  migrate(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `MIGRATE`, resolving Buffers for string replies · flags: write, movablekeys */
  migrateBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `MODULE` */
  module(...args: WithCallback<[subcommand: Token<Subcommands['module']>, ...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `MODULE`, resolving Buffers for string replies */
  moduleBuffer(...args: WithCallback<[subcommand: Token<Subcommands['module']>, ...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `MONITOR` · flags: admin, noscript, loading, stale */
  monitor(callback?: Callback<unknown>): Result<unknown, Context>;
  /** `MONITOR`, resolving Buffers for string replies · flags: admin, noscript, loading, stale */
  monitorBuffer(callback?: Callback<unknown>): Result<unknown, Context>;

  /** `MOVE` · flags: write, fast */
  move(key: RedisKey, db: Numeric, callback?: Callback<number>): Result<number, Context>;
  /** `MOVE`, resolving Buffers for string replies · flags: write, fast */
  moveBuffer(key: RedisKey, db: Numeric, callback?: Callback<number>): Result<number, Context>;

  /** `MSET` · flags: write, denyoom */
  mset(map: FieldValueMap, callback?: Callback<'OK'>): Result<'OK', Context>;
  mset(object: object, callback?: Callback<'OK'>): Result<'OK', Context>;
  mset(...args: WithCallback<[...keyValues: Many<RedisValue>[]], 'OK'>): Result<'OK', Context>;
  /** `MSET`, resolving Buffers for string replies · flags: write, denyoom */
  msetBuffer(map: FieldValueMap, callback?: Callback<Buffer>): Result<Buffer, Context>;
  msetBuffer(object: object, callback?: Callback<Buffer>): Result<Buffer, Context>;
  msetBuffer(...args: WithCallback<[...keyValues: Many<RedisValue>[]], Buffer>): Result<Buffer, Context>;

  /** `MSETEX` · flags: write, denyoom, movablekeys */
  msetex(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `MSETEX`, resolving Buffers for string replies · flags: write, denyoom, movablekeys */
  msetexBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `MSETNX` · flags: write, denyoom */
  msetnx(map: FieldValueMap, callback?: Callback<number>): Result<number, Context>;
  msetnx(object: object, callback?: Callback<number>): Result<number, Context>;
  msetnx(...args: WithCallback<[...keyValues: Many<RedisValue>[]], number>): Result<number, Context>;
  /** `MSETNX`, resolving Buffers for string replies · flags: write, denyoom */
  msetnxBuffer(map: FieldValueMap, callback?: Callback<number>): Result<number, Context>;
  msetnxBuffer(object: object, callback?: Callback<number>): Result<number, Context>;
  msetnxBuffer(...args: WithCallback<[...keyValues: Many<RedisValue>[]], number>): Result<number, Context>;

  /** `MULTI` · flags: noscript, loading, stale, fast, allow_busy */
  multi(options: { pipeline: false }): Promise<'OK'>;
  multi(options?: { pipeline: true }): ChainableCommander;
  multi(commands: unknown[][]): ChainableCommander;
  /** `MULTI`, resolving Buffers for string replies · flags: noscript, loading, stale, fast, allow_busy */
  multiBuffer(callback?: Callback<Buffer>): Result<Buffer, Context>;

  /** `OBJECT` */
  object(subcommand: Token<'ENCODING'>, key: RedisKey, callback?: Callback<string | null>): Result<string | null, Context>;
  object(subcommand: Token<'FREQ' | 'IDLETIME' | 'REFCOUNT'>, key: RedisKey, callback?: Callback<number | null>): Result<number | null, Context>;
  object(subcommand: Token<'HELP'>, callback?: Callback<string[]>): Result<string[], Context>;
  /** `OBJECT`, resolving Buffers for string replies */
  objectBuffer(subcommand: Token<'ENCODING'>, key: RedisKey, callback?: Callback<Buffer | null>): Result<Buffer | null, Context>;
  objectBuffer(subcommand: Token<'FREQ' | 'IDLETIME' | 'REFCOUNT'>, key: RedisKey, callback?: Callback<number | null>): Result<number | null, Context>;
  objectBuffer(subcommand: Token<'HELP'>, callback?: Callback<Buffer[]>): Result<Buffer[], Context>;

  /** `PERSIST` · flags: write, fast */
  persist(key: RedisKey, callback?: Callback<number>): Result<number, Context>;
  /** `PERSIST`, resolving Buffers for string replies · flags: write, fast */
  persistBuffer(key: RedisKey, callback?: Callback<number>): Result<number, Context>;

  /** `PEXPIRE` · flags: write, fast */
  pexpire(...args: WithCallback<[key: RedisKey, milliseconds: Numeric, ...condition: ExpireCondition], number>): Result<number, Context>;
  /** `PEXPIRE`, resolving Buffers for string replies · flags: write, fast */
  pexpireBuffer(...args: WithCallback<[key: RedisKey, milliseconds: Numeric, ...condition: ExpireCondition], number>): Result<number, Context>;

  /** `PEXPIREAT` · flags: write, fast */
  pexpireat(...args: WithCallback<[key: RedisKey, unixTimeMilliseconds: Numeric, ...condition: ExpireCondition], number>): Result<number, Context>;
  /** `PEXPIREAT`, resolving Buffers for string replies · flags: write, fast */
  pexpireatBuffer(...args: WithCallback<[key: RedisKey, unixTimeMilliseconds: Numeric, ...condition: ExpireCondition], number>): Result<number, Context>;

  /** `PEXPIRETIME` · flags: readonly, fast */
  pexpiretime(key: RedisKey, callback?: Callback<number>): Result<number, Context>;
  /** `PEXPIRETIME`, resolving Buffers for string replies · flags: readonly, fast */
  pexpiretimeBuffer(key: RedisKey, callback?: Callback<number>): Result<number, Context>;

  /** `PFADD` · flags: write, denyoom, fast */
  pfadd(...args: WithCallback<[key: RedisKey, ...elements: Many<RedisValue>[]], number>): Result<number, Context>;
  /** `PFADD`, resolving Buffers for string replies · flags: write, denyoom, fast */
  pfaddBuffer(...args: WithCallback<[key: RedisKey, ...elements: Many<RedisValue>[]], number>): Result<number, Context>;

  /** `PFCOUNT` · flags: readonly */
  pfcount(...args: WithCallback<[...keys: Many<RedisKey>[]], number>): Result<number, Context>;
  /** `PFCOUNT`, resolving Buffers for string replies · flags: readonly */
  pfcountBuffer(...args: WithCallback<[...keys: Many<RedisKey>[]], number>): Result<number, Context>;

  /** `PFDEBUG` · flags: write, denyoom, admin */
  pfdebug(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `PFDEBUG`, resolving Buffers for string replies · flags: write, denyoom, admin */
  pfdebugBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `PFMERGE` · flags: write, denyoom */
  pfmerge(...args: WithCallback<[destination: RedisKey, ...sources: Many<RedisKey>[]], 'OK'>): Result<'OK', Context>;
  /** `PFMERGE`, resolving Buffers for string replies · flags: write, denyoom */
  pfmergeBuffer(...args: WithCallback<[destination: RedisKey, ...sources: Many<RedisKey>[]], Buffer>): Result<Buffer, Context>;

  /** `PFSELFTEST` · flags: admin */
  pfselftest(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `PFSELFTEST`, resolving Buffers for string replies · flags: admin */
  pfselftestBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `PING` · flags: fast */
  ping(callback?: Callback<'PONG'>): Result<'PONG', Context>;
  ping(message: RedisValue, callback?: Callback<string>): Result<string, Context>;
  /** `PING`, resolving Buffers for string replies · flags: fast */
  pingBuffer(callback?: Callback<Buffer>): Result<Buffer, Context>;
  pingBuffer(message: RedisValue, callback?: Callback<Buffer>): Result<Buffer, Context>;

  /** `PSETEX` · flags: write, denyoom */
  psetex(key: RedisKey, milliseconds: Numeric, value: RedisValue, callback?: Callback<'OK'>): Result<'OK', Context>;
  /** `PSETEX`, resolving Buffers for string replies · flags: write, denyoom */
  psetexBuffer(key: RedisKey, milliseconds: Numeric, value: RedisValue, callback?: Callback<Buffer>): Result<Buffer, Context>;

  /** `PSUBSCRIBE` · flags: denyoom, pubsub, noscript, loading, stale */
  psubscribe(...args: WithCallback<[...patterns: Many<RedisValue>[]], number>): Result<number, Context>;
  /** `PSUBSCRIBE`, resolving Buffers for string replies · flags: denyoom, pubsub, noscript, loading, stale */
  psubscribeBuffer(...args: WithCallback<[...patterns: Many<RedisValue>[]], number>): Result<number, Context>;

  /** `PSYNC` · flags: admin, noscript, no_async_loading, no_multi */
  psync(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `PSYNC`, resolving Buffers for string replies · flags: admin, noscript, no_async_loading, no_multi */
  psyncBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `PTTL` · flags: readonly, fast */
  pttl(key: RedisKey, callback?: Callback<number>): Result<number, Context>;
  /** `PTTL`, resolving Buffers for string replies · flags: readonly, fast */
  pttlBuffer(key: RedisKey, callback?: Callback<number>): Result<number, Context>;

  /** `PUBLISH` · flags: pubsub, loading, stale, fast */
  publish(channel: RedisValue, message: RedisValue, callback?: Callback<number>): Result<number, Context>;
  /** `PUBLISH`, resolving Buffers for string replies · flags: pubsub, loading, stale, fast */
  publishBuffer(channel: RedisValue, message: RedisValue, callback?: Callback<number>): Result<number, Context>;

  /** `PUBSUB` */
  pubsub(subcommand: Token<'CHANNELS' | 'SHARDCHANNELS'>, callback?: Callback<string[]>): Result<string[], Context>;
  pubsub(subcommand: Token<'CHANNELS' | 'SHARDCHANNELS'>, pattern: RedisValue, callback?: Callback<string[]>): Result<string[], Context>;
  pubsub(...args: WithCallback<[subcommand: Token<'NUMSUB' | 'SHARDNUMSUB'>, ...channels: Many<RedisValue>[]], (string | number)[]>): Result<(string | number)[], Context>;
  pubsub(subcommand: Token<'NUMPAT'>, callback?: Callback<number>): Result<number, Context>;
  pubsub(subcommand: Token<'HELP'>, callback?: Callback<string[]>): Result<string[], Context>;
  /** `PUBSUB`, resolving Buffers for string replies */
  pubsubBuffer(subcommand: Token<'CHANNELS' | 'SHARDCHANNELS'>, callback?: Callback<Buffer[]>): Result<Buffer[], Context>;
  pubsubBuffer(subcommand: Token<'CHANNELS' | 'SHARDCHANNELS'>, pattern: RedisValue, callback?: Callback<Buffer[]>): Result<Buffer[], Context>;
  pubsubBuffer(...args: WithCallback<[subcommand: Token<'NUMSUB' | 'SHARDNUMSUB'>, ...channels: Many<RedisValue>[]], (Buffer | number)[]>): Result<(Buffer | number)[], Context>;
  pubsubBuffer(subcommand: Token<'NUMPAT'>, callback?: Callback<number>): Result<number, Context>;
  pubsubBuffer(subcommand: Token<'HELP'>, callback?: Callback<Buffer[]>): Result<Buffer[], Context>;

  /** `PUNSUBSCRIBE` · flags: pubsub, noscript, loading, stale */
  punsubscribe(...args: WithCallback<[...patterns: Many<RedisValue>[]], number>): Result<number, Context>;
  /** `PUNSUBSCRIBE`, resolving Buffers for string replies · flags: pubsub, noscript, loading, stale */
  punsubscribeBuffer(...args: WithCallback<[...patterns: Many<RedisValue>[]], number>): Result<number, Context>;

  /** `QUIT` · flags: noscript, loading, stale, fast, no_auth, allow_busy */
  quit(callback?: Callback<'OK'>): Result<'OK', Context>;
  /** `QUIT`, resolving Buffers for string replies · flags: noscript, loading, stale, fast, no_auth, allow_busy */
  quitBuffer(callback?: Callback<Buffer>): Result<Buffer, Context>;

  /** `RANDOMKEY` · flags: readonly */
  randomkey(callback?: Callback<string | null>): Result<string | null, Context>;
  /** `RANDOMKEY`, resolving Buffers for string replies · flags: readonly */
  randomkeyBuffer(callback?: Callback<Buffer | null>): Result<Buffer | null, Context>;

  /** `READONLY` · flags: loading, stale, fast */
  readonly(callback?: Callback<'OK'>): Result<'OK', Context>;
  /** `READONLY`, resolving Buffers for string replies · flags: loading, stale, fast */
  readonlyBuffer(callback?: Callback<Buffer>): Result<Buffer, Context>;

  /** `READWRITE` · flags: loading, stale, fast */
  readwrite(callback?: Callback<'OK'>): Result<'OK', Context>;
  /** `READWRITE`, resolving Buffers for string replies · flags: loading, stale, fast */
  readwriteBuffer(callback?: Callback<Buffer>): Result<Buffer, Context>;

  /** `RENAME` · flags: write */
  rename(key: RedisKey, newKey: RedisKey, callback?: Callback<'OK'>): Result<'OK', Context>;
  /** `RENAME`, resolving Buffers for string replies · flags: write */
  renameBuffer(key: RedisKey, newKey: RedisKey, callback?: Callback<Buffer>): Result<Buffer, Context>;

  /** `RENAMENX` · flags: write, fast */
  renamenx(key: RedisKey, newKey: RedisKey, callback?: Callback<number>): Result<number, Context>;
  /** `RENAMENX`, resolving Buffers for string replies · flags: write, fast */
  renamenxBuffer(key: RedisKey, newKey: RedisKey, callback?: Callback<number>): Result<number, Context>;

  /** `REPLCONF` · flags: admin, noscript, loading, stale, allow_busy */
  replconf(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `REPLCONF`, resolving Buffers for string replies · flags: admin, noscript, loading, stale, allow_busy */
  replconfBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `REPLICAOF` · flags: admin, noscript, stale, no_async_loading */
  replicaof(host: RedisValue, port: RedisValue, callback?: Callback<'OK'>): Result<'OK', Context>;
  /** `REPLICAOF`, resolving Buffers for string replies · flags: admin, noscript, stale, no_async_loading */
  replicaofBuffer(host: RedisValue, port: RedisValue, callback?: Callback<Buffer>): Result<Buffer, Context>;

  /** `RESET` · flags: noscript, loading, stale, fast, no_auth, allow_busy */
  reset(callback?: Callback<'RESET'>): Result<'RESET', Context>;
  /** `RESET`, resolving Buffers for string replies · flags: noscript, loading, stale, fast, no_auth, allow_busy */
  resetBuffer(callback?: Callback<Buffer>): Result<Buffer, Context>;

  /** `RESTORE` · flags: write, denyoom */
  restore(...args: WithCallback<[key: RedisKey, ttl: Numeric, serializedValue: RedisValue, ...options: RestoreOptions], 'OK'>): Result<'OK', Context>;
  /** `RESTORE`, resolving Buffers for string replies · flags: write, denyoom */
  restoreBuffer(...args: WithCallback<[key: RedisKey, ttl: Numeric, serializedValue: RedisValue, ...options: RestoreOptions], Buffer>): Result<Buffer, Context>;

  /** `RESTORE-ASKING` · flags: write, denyoom, asking */
  'restore-asking'(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `RESTORE-ASKING`, resolving Buffers for string replies · flags: write, denyoom, asking */
  'restore-askingBuffer'(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `ROLE` · flags: noscript, loading, stale, fast */
  role(callback?: Callback<unknown[]>): Result<unknown[], Context>;
  /** `ROLE`, resolving Buffers for string replies · flags: noscript, loading, stale, fast */
  roleBuffer(callback?: Callback<unknown[]>): Result<unknown[], Context>;

  /** `RPOP` · flags: write, fast */
  rpop(key: RedisKey, callback?: Callback<string | null>): Result<string | null, Context>;
  rpop(key: RedisKey, count: Numeric, callback?: Callback<string[] | null>): Result<string[] | null, Context>;
  /** `RPOP`, resolving Buffers for string replies · flags: write, fast */
  rpopBuffer(key: RedisKey, callback?: Callback<Buffer | null>): Result<Buffer | null, Context>;
  rpopBuffer(key: RedisKey, count: Numeric, callback?: Callback<Buffer[] | null>): Result<Buffer[] | null, Context>;

  /** `RPOPLPUSH` · flags: write, denyoom */
  rpoplpush(source: RedisKey, destination: RedisKey, callback?: Callback<string | null>): Result<string | null, Context>;
  /** `RPOPLPUSH`, resolving Buffers for string replies · flags: write, denyoom */
  rpoplpushBuffer(source: RedisKey, destination: RedisKey, callback?: Callback<Buffer | null>): Result<Buffer | null, Context>;

  /** `RPUSH` · flags: write, denyoom, fast */
  rpush(...args: WithCallback<[key: RedisKey, ...elements: Many<RedisValue>[]], number>): Result<number, Context>;
  /** `RPUSH`, resolving Buffers for string replies · flags: write, denyoom, fast */
  rpushBuffer(...args: WithCallback<[key: RedisKey, ...elements: Many<RedisValue>[]], number>): Result<number, Context>;

  /** `RPUSHX` · flags: write, denyoom, fast */
  rpushx(...args: WithCallback<[key: RedisKey, ...elements: Many<RedisValue>[]], number>): Result<number, Context>;
  /** `RPUSHX`, resolving Buffers for string replies · flags: write, denyoom, fast */
  rpushxBuffer(...args: WithCallback<[key: RedisKey, ...elements: Many<RedisValue>[]], number>): Result<number, Context>;

  /** `SADD` · flags: write, denyoom, fast */
  sadd(...args: WithCallback<[key: RedisKey, ...members: Many<RedisValue>[]], number>): Result<number, Context>;
  /** `SADD`, resolving Buffers for string replies · flags: write, denyoom, fast */
  saddBuffer(...args: WithCallback<[key: RedisKey, ...members: Many<RedisValue>[]], number>): Result<number, Context>;

  /** `SAVE` · flags: admin, noscript, no_async_loading, no_multi */
  save(callback?: Callback<'OK'>): Result<'OK', Context>;
  /** `SAVE`, resolving Buffers for string replies · flags: admin, noscript, no_async_loading, no_multi */
  saveBuffer(callback?: Callback<Buffer>): Result<Buffer, Context>;

  /** `SCAN` · flags: readonly */
  scan(...args: WithCallback<[cursor: Numeric, ...options: ScanOptions], [cursor: string, elements: string[]]>): Result<[cursor: string, elements: string[]], Context>;
  /** `SCAN`, resolving Buffers for string replies · flags: readonly */
  scanBuffer(...args: WithCallback<[cursor: Numeric, ...options: ScanOptions], [cursor: Buffer, elements: Buffer[]]>): Result<[cursor: Buffer, elements: Buffer[]], Context>;

  /** `SCARD` · flags: readonly, fast */
  scard(key: RedisKey, callback?: Callback<number>): Result<number, Context>;
  /** `SCARD`, resolving Buffers for string replies · flags: readonly, fast */
  scardBuffer(key: RedisKey, callback?: Callback<number>): Result<number, Context>;

  /** `SCRIPT` */
  script(subcommand: Token<'LOAD'>, script: RedisValue, callback?: Callback<string>): Result<string, Context>;
  script(...args: WithCallback<[subcommand: Token<'EXISTS'>, ...sha1s: Many<RedisValue>[]], number[]>): Result<number[], Context>;
  script(...args: WithCallback<[subcommand: Token<'FLUSH'>, ...mode: FlushMode], 'OK'>): Result<'OK', Context>;
  script(subcommand: Token<'KILL'>, callback?: Callback<'OK'>): Result<'OK', Context>;
  script(subcommand: Token<'DEBUG'>, mode: Token<'YES' | 'SYNC' | 'NO'>, callback?: Callback<'OK'>): Result<'OK', Context>;
  script(subcommand: Token<'HELP'>, callback?: Callback<string[]>): Result<string[], Context>;
  /** `SCRIPT`, resolving Buffers for string replies */
  scriptBuffer(subcommand: Token<'LOAD'>, script: RedisValue, callback?: Callback<Buffer>): Result<Buffer, Context>;
  scriptBuffer(...args: WithCallback<[subcommand: Token<'EXISTS'>, ...sha1s: Many<RedisValue>[]], number[]>): Result<number[], Context>;
  scriptBuffer(...args: WithCallback<[subcommand: Token<'FLUSH'>, ...mode: FlushMode], Buffer>): Result<Buffer, Context>;
  scriptBuffer(subcommand: Token<'KILL'>, callback?: Callback<Buffer>): Result<Buffer, Context>;
  scriptBuffer(subcommand: Token<'DEBUG'>, mode: Token<'YES' | 'SYNC' | 'NO'>, callback?: Callback<Buffer>): Result<Buffer, Context>;
  scriptBuffer(subcommand: Token<'HELP'>, callback?: Callback<Buffer[]>): Result<Buffer[], Context>;

  /** `SDIFF` · flags: readonly */
  sdiff(...args: WithCallback<[...keys: Many<RedisKey>[]], string[]>): Result<string[], Context>;
  /** `SDIFF`, resolving Buffers for string replies · flags: readonly */
  sdiffBuffer(...args: WithCallback<[...keys: Many<RedisKey>[]], Buffer[]>): Result<Buffer[], Context>;

  /** `SDIFFCARD` · flags: readonly, movablekeys */
  sdiffcard(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `SDIFFCARD`, resolving Buffers for string replies · flags: readonly, movablekeys */
  sdiffcardBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `SDIFFSTORE` · flags: write, denyoom */
  sdiffstore(...args: WithCallback<[destination: RedisKey, ...keys: Many<RedisKey>[]], number>): Result<number, Context>;
  /** `SDIFFSTORE`, resolving Buffers for string replies · flags: write, denyoom */
  sdiffstoreBuffer(...args: WithCallback<[destination: RedisKey, ...keys: Many<RedisKey>[]], number>): Result<number, Context>;

  /** `SELECT` · flags: loading, stale, fast */
  select(db: Numeric, callback?: Callback<'OK'>): Result<'OK', Context>;
  /** `SELECT`, resolving Buffers for string replies · flags: loading, stale, fast */
  selectBuffer(db: Numeric, callback?: Callback<Buffer>): Result<Buffer, Context>;

  /** `SET` · flags: write, denyoom */
  set(...args: WithCallback<[key: RedisKey, value: RedisValue, ...expiry: SetExpiry], 'OK'>): Result<'OK', Context>;
  set(...args: WithCallback<[key: RedisKey, value: RedisValue, ...options: SetConditionalOptions], 'OK' | null>): Result<'OK' | null, Context>;
  set(...args: WithCallback<[key: RedisKey, value: RedisValue, ...options: SetGetOptions], string | null>): Result<string | null, Context>;
  /** `SET`, resolving Buffers for string replies · flags: write, denyoom */
  setBuffer(...args: WithCallback<[key: RedisKey, value: RedisValue, ...expiry: SetExpiry], Buffer>): Result<Buffer, Context>;
  setBuffer(...args: WithCallback<[key: RedisKey, value: RedisValue, ...options: SetConditionalOptions], Buffer | null>): Result<Buffer | null, Context>;
  setBuffer(...args: WithCallback<[key: RedisKey, value: RedisValue, ...options: SetGetOptions], Buffer | null>): Result<Buffer | null, Context>;

  /** `SETBIT` · flags: write, denyoom */
  setbit(key: RedisKey, offset: Numeric, value: Numeric, callback?: Callback<number>): Result<number, Context>;
  /** `SETBIT`, resolving Buffers for string replies · flags: write, denyoom */
  setbitBuffer(key: RedisKey, offset: Numeric, value: Numeric, callback?: Callback<number>): Result<number, Context>;

  /** `SETEX` · flags: write, denyoom */
  setex(key: RedisKey, seconds: Numeric, value: RedisValue, callback?: Callback<'OK'>): Result<'OK', Context>;
  /** `SETEX`, resolving Buffers for string replies · flags: write, denyoom */
  setexBuffer(key: RedisKey, seconds: Numeric, value: RedisValue, callback?: Callback<Buffer>): Result<Buffer, Context>;

  /** `SETNX` · flags: write, denyoom, fast */
  setnx(key: RedisKey, value: RedisValue, callback?: Callback<number>): Result<number, Context>;
  /** `SETNX`, resolving Buffers for string replies · flags: write, denyoom, fast */
  setnxBuffer(key: RedisKey, value: RedisValue, callback?: Callback<number>): Result<number, Context>;

  /** `SETRANGE` · flags: write, denyoom */
  setrange(key: RedisKey, offset: Numeric, value: RedisValue, callback?: Callback<number>): Result<number, Context>;
  /** `SETRANGE`, resolving Buffers for string replies · flags: write, denyoom */
  setrangeBuffer(key: RedisKey, offset: Numeric, value: RedisValue, callback?: Callback<number>): Result<number, Context>;

  /** `SHUTDOWN` · flags: admin, noscript, loading, stale, no_multi, allow_busy */
  shutdown(...args: WithCallback<[...args: Many<RedisValue>[]], 'OK'>): Result<'OK', Context>;
  /** `SHUTDOWN`, resolving Buffers for string replies · flags: admin, noscript, loading, stale, no_multi, allow_busy */
  shutdownBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], Buffer>): Result<Buffer, Context>;

  /** `SINTER` · flags: readonly */
  sinter(...args: WithCallback<[...keys: Many<RedisKey>[]], string[]>): Result<string[], Context>;
  /** `SINTER`, resolving Buffers for string replies · flags: readonly */
  sinterBuffer(...args: WithCallback<[...keys: Many<RedisKey>[]], Buffer[]>): Result<Buffer[], Context>;

  /** `SINTERCARD` · flags: readonly, movablekeys */
  sintercard(...args: WithCallback<[numkeys: Numeric, ...keys: Many<RedisKey>[]], number>): Result<number, Context>;
  sintercard(...args: WithCallback<[numkeys: Numeric, ...keys: Many<RedisKey>[], limit: Token<'LIMIT'>, max: Numeric], number>): Result<number, Context>;
  /** `SINTERCARD`, resolving Buffers for string replies · flags: readonly, movablekeys */
  sintercardBuffer(...args: WithCallback<[numkeys: Numeric, ...keys: Many<RedisKey>[]], number>): Result<number, Context>;
  sintercardBuffer(...args: WithCallback<[numkeys: Numeric, ...keys: Many<RedisKey>[], limit: Token<'LIMIT'>, max: Numeric], number>): Result<number, Context>;

  /** `SINTERSTORE` · flags: write, denyoom */
  sinterstore(...args: WithCallback<[destination: RedisKey, ...keys: Many<RedisKey>[]], number>): Result<number, Context>;
  /** `SINTERSTORE`, resolving Buffers for string replies · flags: write, denyoom */
  sinterstoreBuffer(...args: WithCallback<[destination: RedisKey, ...keys: Many<RedisKey>[]], number>): Result<number, Context>;

  /** `SISMEMBER` · flags: readonly, fast */
  sismember(key: RedisKey, member: RedisValue, callback?: Callback<number>): Result<number, Context>;
  /** `SISMEMBER`, resolving Buffers for string replies · flags: readonly, fast */
  sismemberBuffer(key: RedisKey, member: RedisValue, callback?: Callback<number>): Result<number, Context>;

  /** `SLAVEOF` · flags: admin, noscript, stale, no_async_loading */
  slaveof(host: RedisValue, port: RedisValue, callback?: Callback<'OK'>): Result<'OK', Context>;
  /** `SLAVEOF`, resolving Buffers for string replies · flags: admin, noscript, stale, no_async_loading */
  slaveofBuffer(host: RedisValue, port: RedisValue, callback?: Callback<Buffer>): Result<Buffer, Context>;

  /** `SLOWLOG` */
  slowlog(subcommand: Token<'GET'>, callback?: Callback<SlowlogEntry<string>[]>): Result<SlowlogEntry<string>[], Context>;
  slowlog(subcommand: Token<'GET'>, count: Numeric, callback?: Callback<SlowlogEntry<string>[]>): Result<SlowlogEntry<string>[], Context>;
  slowlog(subcommand: Token<'LEN'>, callback?: Callback<number>): Result<number, Context>;
  slowlog(subcommand: Token<'RESET'>, callback?: Callback<'OK'>): Result<'OK', Context>;
  slowlog(subcommand: Token<'HELP'>, callback?: Callback<string[]>): Result<string[], Context>;
  /** `SLOWLOG`, resolving Buffers for string replies */
  slowlogBuffer(subcommand: Token<'GET'>, callback?: Callback<SlowlogEntry<Buffer>[]>): Result<SlowlogEntry<Buffer>[], Context>;
  slowlogBuffer(subcommand: Token<'GET'>, count: Numeric, callback?: Callback<SlowlogEntry<Buffer>[]>): Result<SlowlogEntry<Buffer>[], Context>;
  slowlogBuffer(subcommand: Token<'LEN'>, callback?: Callback<number>): Result<number, Context>;
  slowlogBuffer(subcommand: Token<'RESET'>, callback?: Callback<Buffer>): Result<Buffer, Context>;
  slowlogBuffer(subcommand: Token<'HELP'>, callback?: Callback<Buffer[]>): Result<Buffer[], Context>;

  /** `SMEMBERS` · flags: readonly */
  smembers(key: RedisKey, callback?: Callback<string[]>): Result<string[], Context>;
  /** `SMEMBERS`, resolving Buffers for string replies · flags: readonly */
  smembersBuffer(key: RedisKey, callback?: Callback<Buffer[]>): Result<Buffer[], Context>;

  /** `SMISMEMBER` · flags: readonly, fast */
  smismember(...args: WithCallback<[key: RedisKey, ...members: Many<RedisValue>[]], number[]>): Result<number[], Context>;
  /** `SMISMEMBER`, resolving Buffers for string replies · flags: readonly, fast */
  smismemberBuffer(...args: WithCallback<[key: RedisKey, ...members: Many<RedisValue>[]], number[]>): Result<number[], Context>;

  /** `SMOVE` · flags: write, fast */
  smove(source: RedisKey, destination: RedisKey, member: RedisValue, callback?: Callback<number>): Result<number, Context>;
  /** `SMOVE`, resolving Buffers for string replies · flags: write, fast */
  smoveBuffer(source: RedisKey, destination: RedisKey, member: RedisValue, callback?: Callback<number>): Result<number, Context>;

  /** `SORT` · flags: write, denyoom, movablekeys */
  sort(...args: WithCallback<[key: RedisKey, ...args: Many<RedisValue>[], store: Token<'STORE'>, destination: RedisKey], number>): Result<number, Context>;
  sort(...args: WithCallback<[key: RedisKey, ...args: Many<RedisValue>[]], string[]>): Result<string[], Context>;
  /** `SORT`, resolving Buffers for string replies · flags: write, denyoom, movablekeys */
  sortBuffer(...args: WithCallback<[key: RedisKey, ...args: Many<RedisValue>[], store: Token<'STORE'>, destination: RedisKey], number>): Result<number, Context>;
  sortBuffer(...args: WithCallback<[key: RedisKey, ...args: Many<RedisValue>[]], Buffer[]>): Result<Buffer[], Context>;

  /** `SORT_RO` · flags: readonly, movablekeys */
  sort_ro(...args: WithCallback<[key: RedisKey, ...args: Many<RedisValue>[]], string[]>): Result<string[], Context>;
  /** `SORT_RO`, resolving Buffers for string replies · flags: readonly, movablekeys */
  sort_roBuffer(...args: WithCallback<[key: RedisKey, ...args: Many<RedisValue>[]], Buffer[]>): Result<Buffer[], Context>;

  /** `SPOP` · flags: write, fast */
  spop(key: RedisKey, callback?: Callback<string | null>): Result<string | null, Context>;
  spop(key: RedisKey, count: Numeric, callback?: Callback<string[]>): Result<string[], Context>;
  /** `SPOP`, resolving Buffers for string replies · flags: write, fast */
  spopBuffer(key: RedisKey, callback?: Callback<Buffer | null>): Result<Buffer | null, Context>;
  spopBuffer(key: RedisKey, count: Numeric, callback?: Callback<Buffer[]>): Result<Buffer[], Context>;

  /** `SPUBLISH` · flags: pubsub, loading, stale, fast */
  spublish(shardChannel: RedisValue, message: RedisValue, callback?: Callback<number>): Result<number, Context>;
  /** `SPUBLISH`, resolving Buffers for string replies · flags: pubsub, loading, stale, fast */
  spublishBuffer(shardChannel: RedisValue, message: RedisValue, callback?: Callback<number>): Result<number, Context>;

  /** `SRANDMEMBER` · flags: readonly */
  srandmember(key: RedisKey, callback?: Callback<string | null>): Result<string | null, Context>;
  srandmember(key: RedisKey, count: Numeric, callback?: Callback<string[]>): Result<string[], Context>;
  /** `SRANDMEMBER`, resolving Buffers for string replies · flags: readonly */
  srandmemberBuffer(key: RedisKey, callback?: Callback<Buffer | null>): Result<Buffer | null, Context>;
  srandmemberBuffer(key: RedisKey, count: Numeric, callback?: Callback<Buffer[]>): Result<Buffer[], Context>;

  /** `SREM` · flags: write, fast */
  srem(...args: WithCallback<[key: RedisKey, ...members: Many<RedisValue>[]], number>): Result<number, Context>;
  /** `SREM`, resolving Buffers for string replies · flags: write, fast */
  sremBuffer(...args: WithCallback<[key: RedisKey, ...members: Many<RedisValue>[]], number>): Result<number, Context>;

  /** `SSCAN` · flags: readonly */
  sscan(...args: WithCallback<[key: RedisKey, cursor: Numeric, ...options: SScanOptions], [cursor: string, elements: string[]]>): Result<[cursor: string, elements: string[]], Context>;
  /** `SSCAN`, resolving Buffers for string replies · flags: readonly */
  sscanBuffer(...args: WithCallback<[key: RedisKey, cursor: Numeric, ...options: SScanOptions], [cursor: Buffer, elements: Buffer[]]>): Result<[cursor: Buffer, elements: Buffer[]], Context>;

  /** `SSUBSCRIBE` · flags: denyoom, pubsub, noscript, loading, stale */
  ssubscribe(...args: WithCallback<[...shardChannels: Many<RedisValue>[]], number>): Result<number, Context>;
  /** `SSUBSCRIBE`, resolving Buffers for string replies · flags: denyoom, pubsub, noscript, loading, stale */
  ssubscribeBuffer(...args: WithCallback<[...shardChannels: Many<RedisValue>[]], number>): Result<number, Context>;

  /** `STRLEN` · flags: readonly, fast */
  strlen(key: RedisKey, callback?: Callback<number>): Result<number, Context>;
  /** `STRLEN`, resolving Buffers for string replies · flags: readonly, fast */
  strlenBuffer(key: RedisKey, callback?: Callback<number>): Result<number, Context>;

  /** `SUBSCRIBE` · flags: denyoom, pubsub, noscript, loading, stale */
  subscribe(...args: WithCallback<[...channels: Many<RedisValue>[]], number>): Result<number, Context>;
  /** `SUBSCRIBE`, resolving Buffers for string replies · flags: denyoom, pubsub, noscript, loading, stale */
  subscribeBuffer(...args: WithCallback<[...channels: Many<RedisValue>[]], number>): Result<number, Context>;

  /** `SUBSTR` · flags: readonly */
  substr(key: RedisKey, start: Numeric, end: Numeric, callback?: Callback<string>): Result<string, Context>;
  /** `SUBSTR`, resolving Buffers for string replies · flags: readonly */
  substrBuffer(key: RedisKey, start: Numeric, end: Numeric, callback?: Callback<Buffer>): Result<Buffer, Context>;

  /** `SUNION` · flags: readonly */
  sunion(...args: WithCallback<[...keys: Many<RedisKey>[]], string[]>): Result<string[], Context>;
  /** `SUNION`, resolving Buffers for string replies · flags: readonly */
  sunionBuffer(...args: WithCallback<[...keys: Many<RedisKey>[]], Buffer[]>): Result<Buffer[], Context>;

  /** `SUNIONCARD` · flags: readonly, movablekeys */
  sunioncard(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `SUNIONCARD`, resolving Buffers for string replies · flags: readonly, movablekeys */
  sunioncardBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `SUNIONSTORE` · flags: write, denyoom */
  sunionstore(...args: WithCallback<[destination: RedisKey, ...keys: Many<RedisKey>[]], number>): Result<number, Context>;
  /** `SUNIONSTORE`, resolving Buffers for string replies · flags: write, denyoom */
  sunionstoreBuffer(...args: WithCallback<[destination: RedisKey, ...keys: Many<RedisKey>[]], number>): Result<number, Context>;

  /** `SUNSUBSCRIBE` · flags: pubsub, noscript, loading, stale */
  sunsubscribe(...args: WithCallback<[...shardChannels: Many<RedisValue>[]], number>): Result<number, Context>;
  /** `SUNSUBSCRIBE`, resolving Buffers for string replies · flags: pubsub, noscript, loading, stale */
  sunsubscribeBuffer(...args: WithCallback<[...shardChannels: Many<RedisValue>[]], number>): Result<number, Context>;

  /** `SWAPDB` · flags: write, fast */
  swapdb(index1: Numeric, index2: Numeric, callback?: Callback<'OK'>): Result<'OK', Context>;
  /** `SWAPDB`, resolving Buffers for string replies · flags: write, fast */
  swapdbBuffer(index1: Numeric, index2: Numeric, callback?: Callback<Buffer>): Result<Buffer, Context>;

  /** `SYNC` · flags: admin, noscript, no_async_loading, no_multi */
  sync(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `SYNC`, resolving Buffers for string replies · flags: admin, noscript, no_async_loading, no_multi */
  syncBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `TIME` · flags: loading, stale, fast */
  time(callback?: Callback<[unixTimeSeconds: string, microseconds: string]>): Result<[unixTimeSeconds: string, microseconds: string], Context>;
  /** `TIME`, resolving Buffers for string replies · flags: loading, stale, fast */
  timeBuffer(callback?: Callback<[unixTimeSeconds: Buffer, microseconds: Buffer]>): Result<[unixTimeSeconds: Buffer, microseconds: Buffer], Context>;

  /** `TOUCH` · flags: readonly, fast */
  touch(...args: WithCallback<[...keys: Many<RedisKey>[]], number>): Result<number, Context>;
  /** `TOUCH`, resolving Buffers for string replies · flags: readonly, fast */
  touchBuffer(...args: WithCallback<[...keys: Many<RedisKey>[]], number>): Result<number, Context>;

  /** `TRIMSLOTS` · flags: write */
  trimslots(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `TRIMSLOTS`, resolving Buffers for string replies · flags: write */
  trimslotsBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `TTL` · flags: readonly, fast */
  ttl(key: RedisKey, callback?: Callback<number>): Result<number, Context>;
  /** `TTL`, resolving Buffers for string replies · flags: readonly, fast */
  ttlBuffer(key: RedisKey, callback?: Callback<number>): Result<number, Context>;

  /** `TYPE` · flags: readonly, fast */
  type(key: RedisKey, callback?: Callback<string>): Result<string, Context>;
  /** `TYPE`, resolving Buffers for string replies · flags: readonly, fast */
  typeBuffer(key: RedisKey, callback?: Callback<Buffer>): Result<Buffer, Context>;

  /** `UNLINK` · flags: write, fast */
  unlink(...args: WithCallback<[...keys: Many<RedisKey>[]], number>): Result<number, Context>;
  /** `UNLINK`, resolving Buffers for string replies · flags: write, fast */
  unlinkBuffer(...args: WithCallback<[...keys: Many<RedisKey>[]], number>): Result<number, Context>;

  /** `UNSUBSCRIBE` · flags: pubsub, noscript, loading, stale */
  unsubscribe(...args: WithCallback<[...channels: Many<RedisValue>[]], number>): Result<number, Context>;
  /** `UNSUBSCRIBE`, resolving Buffers for string replies · flags: pubsub, noscript, loading, stale */
  unsubscribeBuffer(...args: WithCallback<[...channels: Many<RedisValue>[]], number>): Result<number, Context>;

  /** `UNWATCH` · flags: noscript, loading, stale, fast, allow_busy */
  unwatch(callback?: Callback<'OK'>): Result<'OK', Context>;
  /** `UNWATCH`, resolving Buffers for string replies · flags: noscript, loading, stale, fast, allow_busy */
  unwatchBuffer(callback?: Callback<Buffer>): Result<Buffer, Context>;

  /** `VADD` · flags: write, denyoom, module */
  vadd(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `VADD`, resolving Buffers for string replies · flags: write, denyoom, module */
  vaddBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `VCARD` · flags: readonly, module, fast */
  vcard(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `VCARD`, resolving Buffers for string replies · flags: readonly, module, fast */
  vcardBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `VDIM` · flags: readonly, module, fast */
  vdim(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `VDIM`, resolving Buffers for string replies · flags: readonly, module, fast */
  vdimBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `VEMB` · flags: readonly, module, fast */
  vemb(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `VEMB`, resolving Buffers for string replies · flags: readonly, module, fast */
  vembBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `VGETATTR` · flags: readonly, module, fast */
  vgetattr(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `VGETATTR`, resolving Buffers for string replies · flags: readonly, module, fast */
  vgetattrBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `VINFO` · flags: readonly, module, fast */
  vinfo(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `VINFO`, resolving Buffers for string replies · flags: readonly, module, fast */
  vinfoBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `VISMEMBER` · flags: readonly, module */
  vismember(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `VISMEMBER`, resolving Buffers for string replies · flags: readonly, module */
  vismemberBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `VLINKS` · flags: readonly, module, fast */
  vlinks(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `VLINKS`, resolving Buffers for string replies · flags: readonly, module, fast */
  vlinksBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `VRANDMEMBER` · flags: readonly, module */
  vrandmember(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `VRANDMEMBER`, resolving Buffers for string replies · flags: readonly, module */
  vrandmemberBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `VRANGE` · flags: readonly, module */
  vrange(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `VRANGE`, resolving Buffers for string replies · flags: readonly, module */
  vrangeBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `VREM` · flags: write, module */
  vrem(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `VREM`, resolving Buffers for string replies · flags: write, module */
  vremBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `VSETATTR` · flags: write, module, fast */
  vsetattr(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `VSETATTR`, resolving Buffers for string replies · flags: write, module, fast */
  vsetattrBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `VSIM` · flags: readonly, module */
  vsim(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `VSIM`, resolving Buffers for string replies · flags: readonly, module */
  vsimBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `WAIT` · flags: blocking */
  wait(numreplicas: Numeric, timeout: Numeric, callback?: Callback<number>): Result<number, Context>;
  /** `WAIT`, resolving Buffers for string replies · flags: blocking */
  waitBuffer(numreplicas: Numeric, timeout: Numeric, callback?: Callback<number>): Result<number, Context>;

  /** `WAITAOF` · flags: blocking */
  waitaof(numlocal: Numeric, numreplicas: Numeric, timeout: Numeric, callback?: Callback<[local: number, replicas: number]>): Result<[local: number, replicas: number], Context>;
  /** `WAITAOF`, resolving Buffers for string replies · flags: blocking */
  waitaofBuffer(numlocal: Numeric, numreplicas: Numeric, timeout: Numeric, callback?: Callback<[local: number, replicas: number]>): Result<[local: number, replicas: number], Context>;

  /** `WATCH` · flags: noscript, loading, stale, fast, allow_busy */
  watch(...args: WithCallback<[...keys: Many<RedisKey>[]], 'OK'>): Result<'OK', Context>;
  /** `WATCH`, resolving Buffers for string replies · flags: noscript, loading, stale, fast, allow_busy */
  watchBuffer(...args: WithCallback<[...keys: Many<RedisKey>[]], Buffer>): Result<Buffer, Context>;

  /** `XACK` · flags: write, fast */
  xack(...args: WithCallback<[key: RedisKey, group: RedisValue, ...ids: Many<RedisValue>[]], number>): Result<number, Context>;
  /** `XACK`, resolving Buffers for string replies · flags: write, fast */
  xackBuffer(...args: WithCallback<[key: RedisKey, group: RedisValue, ...ids: Many<RedisValue>[]], number>): Result<number, Context>;

  /** `XACKDEL` · flags: write, fast */
  xackdel(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `XACKDEL`, resolving Buffers for string replies · flags: write, fast */
  xackdelBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `XADD` · flags: write, denyoom, fast */
  xadd(...args: WithCallback<[key: RedisKey, ...args: Many<RedisValue>[]], string | null>): Result<string | null, Context>;
  /** `XADD`, resolving Buffers for string replies · flags: write, denyoom, fast */
  xaddBuffer(...args: WithCallback<[key: RedisKey, ...args: Many<RedisValue>[]], Buffer | null>): Result<Buffer | null, Context>;

  /** `XAUTOCLAIM` · flags: write, fast */
  xautoclaim(key: RedisKey, group: RedisValue, consumer: RedisValue, minIdleTime: Numeric, start: RedisValue, callback?: Callback<[nextStart: string, entries: StreamEntry<string>[], deletedIds: string[]]>): Result<[nextStart: string, entries: StreamEntry<string>[], deletedIds: string[]], Context>;
  xautoclaim(...args: WithCallback<[key: RedisKey, group: RedisValue, consumer: RedisValue, minIdleTime: Numeric, start: RedisValue, ...count: CountOption], [nextStart: string, entries: StreamEntry<string>[], deletedIds: string[]]>): Result<[nextStart: string, entries: StreamEntry<string>[], deletedIds: string[]], Context>;
  xautoclaim(key: RedisKey, group: RedisValue, consumer: RedisValue, minIdleTime: Numeric, start: RedisValue, justId: Token<'JUSTID'>, callback?: Callback<[nextStart: string, ids: string[], deletedIds: string[]]>): Result<[nextStart: string, ids: string[], deletedIds: string[]], Context>;
  xautoclaim(...args: WithCallback<[key: RedisKey, group: RedisValue, consumer: RedisValue, minIdleTime: Numeric, start: RedisValue, ...count: CountOption, justId: Token<'JUSTID'>], [nextStart: string, ids: string[], deletedIds: string[]]>): Result<[nextStart: string, ids: string[], deletedIds: string[]], Context>;
  /** `XAUTOCLAIM`, resolving Buffers for string replies · flags: write, fast */
  xautoclaimBuffer(key: RedisKey, group: RedisValue, consumer: RedisValue, minIdleTime: Numeric, start: RedisValue, callback?: Callback<[nextStart: Buffer, entries: StreamEntry<Buffer>[], deletedIds: Buffer[]]>): Result<[nextStart: Buffer, entries: StreamEntry<Buffer>[], deletedIds: Buffer[]], Context>;
  xautoclaimBuffer(...args: WithCallback<[key: RedisKey, group: RedisValue, consumer: RedisValue, minIdleTime: Numeric, start: RedisValue, ...count: CountOption], [nextStart: Buffer, entries: StreamEntry<Buffer>[], deletedIds: Buffer[]]>): Result<[nextStart: Buffer, entries: StreamEntry<Buffer>[], deletedIds: Buffer[]], Context>;
  xautoclaimBuffer(key: RedisKey, group: RedisValue, consumer: RedisValue, minIdleTime: Numeric, start: RedisValue, justId: Token<'JUSTID'>, callback?: Callback<[nextStart: Buffer, ids: Buffer[], deletedIds: Buffer[]]>): Result<[nextStart: Buffer, ids: Buffer[], deletedIds: Buffer[]], Context>;
  xautoclaimBuffer(...args: WithCallback<[key: RedisKey, group: RedisValue, consumer: RedisValue, minIdleTime: Numeric, start: RedisValue, ...count: CountOption, justId: Token<'JUSTID'>], [nextStart: Buffer, ids: Buffer[], deletedIds: Buffer[]]>): Result<[nextStart: Buffer, ids: Buffer[], deletedIds: Buffer[]], Context>;

  /** `XCFGSET` · flags: write, fast */
  xcfgset(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `XCFGSET`, resolving Buffers for string replies · flags: write, fast */
  xcfgsetBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `XCLAIM` · flags: write, fast */
  xclaim(...args: WithCallback<[key: RedisKey, group: RedisValue, consumer: RedisValue, minIdleTime: Numeric, ...idsAndOptions: Many<RedisValue>[], justId: Token<'JUSTID'>], string[]>): Result<string[], Context>;
  xclaim(...args: WithCallback<[key: RedisKey, group: RedisValue, consumer: RedisValue, minIdleTime: Numeric, ...idsAndOptions: Many<RedisValue>[]], StreamEntry<string>[]>): Result<StreamEntry<string>[], Context>;
  /** `XCLAIM`, resolving Buffers for string replies · flags: write, fast */
  xclaimBuffer(...args: WithCallback<[key: RedisKey, group: RedisValue, consumer: RedisValue, minIdleTime: Numeric, ...idsAndOptions: Many<RedisValue>[], justId: Token<'JUSTID'>], Buffer[]>): Result<Buffer[], Context>;
  xclaimBuffer(...args: WithCallback<[key: RedisKey, group: RedisValue, consumer: RedisValue, minIdleTime: Numeric, ...idsAndOptions: Many<RedisValue>[]], StreamEntry<Buffer>[]>): Result<StreamEntry<Buffer>[], Context>;

  /** `XDEL` · flags: write, fast */
  xdel(...args: WithCallback<[key: RedisKey, ...ids: Many<RedisValue>[]], number>): Result<number, Context>;
  /** `XDEL`, resolving Buffers for string replies · flags: write, fast */
  xdelBuffer(...args: WithCallback<[key: RedisKey, ...ids: Many<RedisValue>[]], number>): Result<number, Context>;

  /** `XDELEX` · flags: write, fast */
  xdelex(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `XDELEX`, resolving Buffers for string replies · flags: write, fast */
  xdelexBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `XGROUP` */
  xgroup(...args: WithCallback<[subcommand: Token<'CREATE'>, key: RedisKey, group: RedisValue, id: RedisValue, ...options: XGroupCreateOptions], 'OK'>): Result<'OK', Context>;
  xgroup(subcommand: Token<'CREATECONSUMER' | 'DELCONSUMER'>, key: RedisKey, group: RedisValue, consumer: RedisValue, callback?: Callback<number>): Result<number, Context>;
  xgroup(subcommand: Token<'DESTROY'>, key: RedisKey, group: RedisValue, callback?: Callback<number>): Result<number, Context>;
  xgroup(subcommand: Token<'SETID'>, key: RedisKey, group: RedisValue, id: RedisValue, callback?: Callback<'OK'>): Result<'OK', Context>;
  xgroup(subcommand: Token<'SETID'>, key: RedisKey, group: RedisValue, id: RedisValue, entriesRead: Token<'ENTRIESREAD'>, count: Numeric, callback?: Callback<'OK'>): Result<'OK', Context>;
  xgroup(subcommand: Token<'HELP'>, callback?: Callback<string[]>): Result<string[], Context>;
  /** `XGROUP`, resolving Buffers for string replies */
  xgroupBuffer(...args: WithCallback<[subcommand: Token<'CREATE'>, key: RedisKey, group: RedisValue, id: RedisValue, ...options: XGroupCreateOptions], Buffer>): Result<Buffer, Context>;
  xgroupBuffer(subcommand: Token<'CREATECONSUMER' | 'DELCONSUMER'>, key: RedisKey, group: RedisValue, consumer: RedisValue, callback?: Callback<number>): Result<number, Context>;
  xgroupBuffer(subcommand: Token<'DESTROY'>, key: RedisKey, group: RedisValue, callback?: Callback<number>): Result<number, Context>;
  xgroupBuffer(subcommand: Token<'SETID'>, key: RedisKey, group: RedisValue, id: RedisValue, callback?: Callback<Buffer>): Result<Buffer, Context>;
  xgroupBuffer(subcommand: Token<'SETID'>, key: RedisKey, group: RedisValue, id: RedisValue, entriesRead: Token<'ENTRIESREAD'>, count: Numeric, callback?: Callback<Buffer>): Result<Buffer, Context>;
  xgroupBuffer(subcommand: Token<'HELP'>, callback?: Callback<Buffer[]>): Result<Buffer[], Context>;

  /** `XIDMPRECORD` · flags: write, denyoom, fast */
  xidmprecord(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `XIDMPRECORD`, resolving Buffers for string replies · flags: write, denyoom, fast */
  xidmprecordBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `XINFO` */
  xinfo(subcommand: Token<'STREAM'>, key: RedisKey, callback?: Callback<unknown[]>): Result<unknown[], Context>;
  xinfo(subcommand: Token<'STREAM'>, key: RedisKey, full: Token<'FULL'>, callback?: Callback<unknown[]>): Result<unknown[], Context>;
  xinfo(...args: WithCallback<[subcommand: Token<'STREAM'>, key: RedisKey, full: Token<'FULL'>, ...count: CountOption], unknown[]>): Result<unknown[], Context>;
  xinfo(subcommand: Token<'GROUPS'>, key: RedisKey, callback?: Callback<unknown[][]>): Result<unknown[][], Context>;
  xinfo(subcommand: Token<'CONSUMERS'>, key: RedisKey, group: RedisValue, callback?: Callback<unknown[][]>): Result<unknown[][], Context>;
  xinfo(subcommand: Token<'HELP'>, callback?: Callback<string[]>): Result<string[], Context>;
  /** `XINFO`, resolving Buffers for string replies */
  xinfoBuffer(subcommand: Token<'STREAM'>, key: RedisKey, callback?: Callback<unknown[]>): Result<unknown[], Context>;
  xinfoBuffer(subcommand: Token<'STREAM'>, key: RedisKey, full: Token<'FULL'>, callback?: Callback<unknown[]>): Result<unknown[], Context>;
  xinfoBuffer(...args: WithCallback<[subcommand: Token<'STREAM'>, key: RedisKey, full: Token<'FULL'>, ...count: CountOption], unknown[]>): Result<unknown[], Context>;
  xinfoBuffer(subcommand: Token<'GROUPS'>, key: RedisKey, callback?: Callback<unknown[][]>): Result<unknown[][], Context>;
  xinfoBuffer(subcommand: Token<'CONSUMERS'>, key: RedisKey, group: RedisValue, callback?: Callback<unknown[][]>): Result<unknown[][], Context>;
  xinfoBuffer(subcommand: Token<'HELP'>, callback?: Callback<Buffer[]>): Result<Buffer[], Context>;

  /** `XLEN` · flags: readonly, fast */
  xlen(key: RedisKey, callback?: Callback<number>): Result<number, Context>;
  /** `XLEN`, resolving Buffers for string replies · flags: readonly, fast */
  xlenBuffer(key: RedisKey, callback?: Callback<number>): Result<number, Context>;

  /** `XNACK` · flags: write, fast */
  xnack(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `XNACK`, resolving Buffers for string replies · flags: write, fast */
  xnackBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `XPENDING` · flags: readonly */
  xpending(key: RedisKey, group: RedisValue, callback?: Callback<[count: number, minId: string | null, maxId: string | null, consumers: [name: string, count: string][] | null]>): Result<[count: number, minId: string | null, maxId: string | null, consumers: [name: string, count: string][] | null], Context>;
  xpending(...args: WithCallback<[key: RedisKey, group: RedisValue, ...range: XPendingRangeArgs], [id: string, consumer: string, idleMilliseconds: number, deliveries: number][]>): Result<[id: string, consumer: string, idleMilliseconds: number, deliveries: number][], Context>;
  /** `XPENDING`, resolving Buffers for string replies · flags: readonly */
  xpendingBuffer(key: RedisKey, group: RedisValue, callback?: Callback<[count: number, minId: Buffer | null, maxId: Buffer | null, consumers: [name: Buffer, count: Buffer][] | null]>): Result<[count: number, minId: Buffer | null, maxId: Buffer | null, consumers: [name: Buffer, count: Buffer][] | null], Context>;
  xpendingBuffer(...args: WithCallback<[key: RedisKey, group: RedisValue, ...range: XPendingRangeArgs], [id: Buffer, consumer: Buffer, idleMilliseconds: number, deliveries: number][]>): Result<[id: Buffer, consumer: Buffer, idleMilliseconds: number, deliveries: number][], Context>;

  /** `XRANGE` · flags: readonly */
  xrange(key: RedisKey, start: RedisValue, end: RedisValue, callback?: Callback<StreamEntry<string>[]>): Result<StreamEntry<string>[], Context>;
  xrange(...args: WithCallback<[key: RedisKey, start: RedisValue, end: RedisValue, ...count: CountOption], StreamEntry<string>[]>): Result<StreamEntry<string>[], Context>;
  /** `XRANGE`, resolving Buffers for string replies · flags: readonly */
  xrangeBuffer(key: RedisKey, start: RedisValue, end: RedisValue, callback?: Callback<StreamEntry<Buffer>[]>): Result<StreamEntry<Buffer>[], Context>;
  xrangeBuffer(...args: WithCallback<[key: RedisKey, start: RedisValue, end: RedisValue, ...count: CountOption], StreamEntry<Buffer>[]>): Result<StreamEntry<Buffer>[], Context>;

  /** `XREAD` · flags: readonly, blocking, movablekeys */
  xread(...args: WithCallback<[...options: XReadOptions, streams: Token<'STREAMS'>, ...keysThenIds: Many<RedisValue>[]], [key: string, entries: StreamEntry<string>[]][] | null>): Result<[key: string, entries: StreamEntry<string>[]][] | null, Context>;
  /** `XREAD`, resolving Buffers for string replies · flags: readonly, blocking, movablekeys */
  xreadBuffer(...args: WithCallback<[...options: XReadOptions, streams: Token<'STREAMS'>, ...keysThenIds: Many<RedisValue>[]], [key: Buffer, entries: StreamEntry<Buffer>[]][] | null>): Result<[key: Buffer, entries: StreamEntry<Buffer>[]][] | null, Context>;

  /** `XREADGROUP` · flags: write, blocking, movablekeys */
  xreadgroup(...args: WithCallback<[group: Token<'GROUP'>, groupName: RedisValue, consumer: RedisValue, ...options: XReadGroupOptions, streams: Token<'STREAMS'>, ...keysThenIds: Many<RedisValue>[]], [key: string, entries: [id: string, fields: string[] | null][]][] | null>): Result<[key: string, entries: [id: string, fields: string[] | null][]][] | null, Context>;
  /** `XREADGROUP`, resolving Buffers for string replies · flags: write, blocking, movablekeys */
  xreadgroupBuffer(...args: WithCallback<[group: Token<'GROUP'>, groupName: RedisValue, consumer: RedisValue, ...options: XReadGroupOptions, streams: Token<'STREAMS'>, ...keysThenIds: Many<RedisValue>[]], [key: Buffer, entries: [id: Buffer, fields: Buffer[] | null][]][] | null>): Result<[key: Buffer, entries: [id: Buffer, fields: Buffer[] | null][]][] | null, Context>;

  /** `XREVRANGE` · flags: readonly */
  xrevrange(key: RedisKey, end: RedisValue, start: RedisValue, callback?: Callback<StreamEntry<string>[]>): Result<StreamEntry<string>[], Context>;
  xrevrange(...args: WithCallback<[key: RedisKey, end: RedisValue, start: RedisValue, ...count: CountOption], StreamEntry<string>[]>): Result<StreamEntry<string>[], Context>;
  /** `XREVRANGE`, resolving Buffers for string replies · flags: readonly */
  xrevrangeBuffer(key: RedisKey, end: RedisValue, start: RedisValue, callback?: Callback<StreamEntry<Buffer>[]>): Result<StreamEntry<Buffer>[], Context>;
  xrevrangeBuffer(...args: WithCallback<[key: RedisKey, end: RedisValue, start: RedisValue, ...count: CountOption], StreamEntry<Buffer>[]>): Result<StreamEntry<Buffer>[], Context>;

  /** `XSETID` · flags: write, denyoom, fast */
  xsetid(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;
  /** `XSETID`, resolving Buffers for string replies · flags: write, denyoom, fast */
  xsetidBuffer(...args: WithCallback<[...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;

  /** `XTRIM` · flags: write */
  xtrim(...args: WithCallback<[key: RedisKey, ...options: XTrimOptions], number>): Result<number, Context>;
  /** `XTRIM`, resolving Buffers for string replies · flags: write */
  xtrimBuffer(...args: WithCallback<[key: RedisKey, ...options: XTrimOptions], number>): Result<number, Context>;

  /** `ZADD` · flags: write, denyoom, fast */
  zadd(...args: WithCallback<[key: RedisKey, ...flags: ZAddFlags, incr: Token<'INCR'>, score: Numeric, member: RedisValue], string | null>): Result<string | null, Context>;
  zadd(...args: WithCallback<[key: RedisKey, ...flags: ZAddFlags, ...scoreMembers: Many<RedisValue>[]], number>): Result<number, Context>;
  /** `ZADD`, resolving Buffers for string replies · flags: write, denyoom, fast */
  zaddBuffer(...args: WithCallback<[key: RedisKey, ...flags: ZAddFlags, incr: Token<'INCR'>, score: Numeric, member: RedisValue], Buffer | null>): Result<Buffer | null, Context>;
  zaddBuffer(...args: WithCallback<[key: RedisKey, ...flags: ZAddFlags, ...scoreMembers: Many<RedisValue>[]], number>): Result<number, Context>;

  /** `ZCARD` · flags: readonly, fast */
  zcard(key: RedisKey, callback?: Callback<number>): Result<number, Context>;
  /** `ZCARD`, resolving Buffers for string replies · flags: readonly, fast */
  zcardBuffer(key: RedisKey, callback?: Callback<number>): Result<number, Context>;

  /** `ZCOUNT` · flags: readonly, fast */
  zcount(key: RedisKey, min: Numeric, max: Numeric, callback?: Callback<number>): Result<number, Context>;
  /** `ZCOUNT`, resolving Buffers for string replies · flags: readonly, fast */
  zcountBuffer(key: RedisKey, min: Numeric, max: Numeric, callback?: Callback<number>): Result<number, Context>;

  /** `ZDIFF` · flags: readonly, movablekeys */
  zdiff(...args: WithCallback<[numkeys: Numeric, ...args: Many<RedisValue>[]], string[]>): Result<string[], Context>;
  /** `ZDIFF`, resolving Buffers for string replies · flags: readonly, movablekeys */
  zdiffBuffer(...args: WithCallback<[numkeys: Numeric, ...args: Many<RedisValue>[]], Buffer[]>): Result<Buffer[], Context>;

  /** `ZDIFFSTORE` · flags: write, denyoom, movablekeys */
  zdiffstore(...args: WithCallback<[destination: RedisKey, numkeys: Numeric, ...keys: Many<RedisKey>[]], number>): Result<number, Context>;
  /** `ZDIFFSTORE`, resolving Buffers for string replies · flags: write, denyoom, movablekeys */
  zdiffstoreBuffer(...args: WithCallback<[destination: RedisKey, numkeys: Numeric, ...keys: Many<RedisKey>[]], number>): Result<number, Context>;

  /** `ZINCRBY` · flags: write, denyoom, fast */
  zincrby(key: RedisKey, increment: Numeric, member: RedisValue, callback?: Callback<string>): Result<string, Context>;
  /** `ZINCRBY`, resolving Buffers for string replies · flags: write, denyoom, fast */
  zincrbyBuffer(key: RedisKey, increment: Numeric, member: RedisValue, callback?: Callback<Buffer>): Result<Buffer, Context>;

  /** `ZINTER` · flags: readonly, movablekeys */
  zinter(...args: WithCallback<[numkeys: Numeric, ...args: Many<RedisValue>[]], string[]>): Result<string[], Context>;
  /** `ZINTER`, resolving Buffers for string replies · flags: readonly, movablekeys */
  zinterBuffer(...args: WithCallback<[numkeys: Numeric, ...args: Many<RedisValue>[]], Buffer[]>): Result<Buffer[], Context>;

  /** `ZINTERCARD` · flags: readonly, movablekeys */
  zintercard(...args: WithCallback<[numkeys: Numeric, ...args: Many<RedisValue>[]], number>): Result<number, Context>;
  /** `ZINTERCARD`, resolving Buffers for string replies · flags: readonly, movablekeys */
  zintercardBuffer(...args: WithCallback<[numkeys: Numeric, ...args: Many<RedisValue>[]], number>): Result<number, Context>;

  /** `ZINTERSTORE` · flags: write, denyoom, movablekeys */
  zinterstore(...args: WithCallback<[destination: RedisKey, numkeys: Numeric, ...args: Many<RedisValue>[]], number>): Result<number, Context>;
  /** `ZINTERSTORE`, resolving Buffers for string replies · flags: write, denyoom, movablekeys */
  zinterstoreBuffer(...args: WithCallback<[destination: RedisKey, numkeys: Numeric, ...args: Many<RedisValue>[]], number>): Result<number, Context>;

  /** `ZLEXCOUNT` · flags: readonly, fast */
  zlexcount(key: RedisKey, min: RedisValue, max: RedisValue, callback?: Callback<number>): Result<number, Context>;
  /** `ZLEXCOUNT`, resolving Buffers for string replies · flags: readonly, fast */
  zlexcountBuffer(key: RedisKey, min: RedisValue, max: RedisValue, callback?: Callback<number>): Result<number, Context>;

  /** `ZMPOP` · flags: write, movablekeys */
  zmpop(...args: WithCallback<[numkeys: Numeric, ...keys: Many<RedisKey>[], side: ZSide], [key: string, members: [member: string, score: string][]] | null>): Result<[key: string, members: [member: string, score: string][]] | null, Context>;
  zmpop(...args: WithCallback<[numkeys: Numeric, ...keys: Many<RedisKey>[], side: ZSide, count: Token<'COUNT'>, n: Numeric], [key: string, members: [member: string, score: string][]] | null>): Result<[key: string, members: [member: string, score: string][]] | null, Context>;
  /** `ZMPOP`, resolving Buffers for string replies · flags: write, movablekeys */
  zmpopBuffer(...args: WithCallback<[numkeys: Numeric, ...keys: Many<RedisKey>[], side: ZSide], [key: Buffer, members: [member: Buffer, score: Buffer][]] | null>): Result<[key: Buffer, members: [member: Buffer, score: Buffer][]] | null, Context>;
  zmpopBuffer(...args: WithCallback<[numkeys: Numeric, ...keys: Many<RedisKey>[], side: ZSide, count: Token<'COUNT'>, n: Numeric], [key: Buffer, members: [member: Buffer, score: Buffer][]] | null>): Result<[key: Buffer, members: [member: Buffer, score: Buffer][]] | null, Context>;

  /** `ZMSCORE` · flags: readonly, fast */
  zmscore(...args: WithCallback<[key: RedisKey, ...members: Many<RedisValue>[]], (string | null)[]>): Result<(string | null)[], Context>;
  /** `ZMSCORE`, resolving Buffers for string replies · flags: readonly, fast */
  zmscoreBuffer(...args: WithCallback<[key: RedisKey, ...members: Many<RedisValue>[]], (Buffer | null)[]>): Result<(Buffer | null)[], Context>;

  /** `ZPOPMAX` · flags: write, fast */
  zpopmax(key: RedisKey, callback?: Callback<string[]>): Result<string[], Context>;
  zpopmax(key: RedisKey, count: Numeric, callback?: Callback<string[]>): Result<string[], Context>;
  /** `ZPOPMAX`, resolving Buffers for string replies · flags: write, fast */
  zpopmaxBuffer(key: RedisKey, callback?: Callback<Buffer[]>): Result<Buffer[], Context>;
  zpopmaxBuffer(key: RedisKey, count: Numeric, callback?: Callback<Buffer[]>): Result<Buffer[], Context>;

  /** `ZPOPMIN` · flags: write, fast */
  zpopmin(key: RedisKey, callback?: Callback<string[]>): Result<string[], Context>;
  zpopmin(key: RedisKey, count: Numeric, callback?: Callback<string[]>): Result<string[], Context>;
  /** `ZPOPMIN`, resolving Buffers for string replies · flags: write, fast */
  zpopminBuffer(key: RedisKey, callback?: Callback<Buffer[]>): Result<Buffer[], Context>;
  zpopminBuffer(key: RedisKey, count: Numeric, callback?: Callback<Buffer[]>): Result<Buffer[], Context>;

  /** `ZRANDMEMBER` · flags: readonly */
  zrandmember(key: RedisKey, callback?: Callback<string | null>): Result<string | null, Context>;
  zrandmember(key: RedisKey, count: Numeric, callback?: Callback<string[]>): Result<string[], Context>;
  zrandmember(key: RedisKey, count: Numeric, withScores: Token<'WITHSCORES'>, callback?: Callback<string[]>): Result<string[], Context>;
  /** `ZRANDMEMBER`, resolving Buffers for string replies · flags: readonly */
  zrandmemberBuffer(key: RedisKey, callback?: Callback<Buffer | null>): Result<Buffer | null, Context>;
  zrandmemberBuffer(key: RedisKey, count: Numeric, callback?: Callback<Buffer[]>): Result<Buffer[], Context>;
  zrandmemberBuffer(key: RedisKey, count: Numeric, withScores: Token<'WITHSCORES'>, callback?: Callback<Buffer[]>): Result<Buffer[], Context>;

  /** `ZRANGE` · flags: readonly */
  zrange(...args: WithCallback<[key: RedisKey, start: Numeric, stop: Numeric, ...options: ZRangeOptions], string[]>): Result<string[], Context>;
  /** `ZRANGE`, resolving Buffers for string replies · flags: readonly */
  zrangeBuffer(...args: WithCallback<[key: RedisKey, start: Numeric, stop: Numeric, ...options: ZRangeOptions], Buffer[]>): Result<Buffer[], Context>;

  /** `ZRANGEBYLEX` · flags: readonly */
  zrangebylex(key: RedisKey, min: RedisValue, max: RedisValue, callback?: Callback<string[]>): Result<string[], Context>;
  zrangebylex(...args: WithCallback<[key: RedisKey, min: RedisValue, max: RedisValue, ...limit: LimitOption], string[]>): Result<string[], Context>;
  /** `ZRANGEBYLEX`, resolving Buffers for string replies · flags: readonly */
  zrangebylexBuffer(key: RedisKey, min: RedisValue, max: RedisValue, callback?: Callback<Buffer[]>): Result<Buffer[], Context>;
  zrangebylexBuffer(...args: WithCallback<[key: RedisKey, min: RedisValue, max: RedisValue, ...limit: LimitOption], Buffer[]>): Result<Buffer[], Context>;

  /** `ZRANGEBYSCORE` · flags: readonly */
  zrangebyscore(...args: WithCallback<[key: RedisKey, min: Numeric, max: Numeric, ...options: ZRangeByScoreOptions], string[]>): Result<string[], Context>;
  /** `ZRANGEBYSCORE`, resolving Buffers for string replies · flags: readonly */
  zrangebyscoreBuffer(...args: WithCallback<[key: RedisKey, min: Numeric, max: Numeric, ...options: ZRangeByScoreOptions], Buffer[]>): Result<Buffer[], Context>;

  /** `ZRANGESTORE` · flags: write, denyoom */
  zrangestore(...args: WithCallback<[destination: RedisKey, source: RedisKey, min: Numeric, max: Numeric, ...options: ZRangeStoreOptions], number>): Result<number, Context>;
  /** `ZRANGESTORE`, resolving Buffers for string replies · flags: write, denyoom */
  zrangestoreBuffer(...args: WithCallback<[destination: RedisKey, source: RedisKey, min: Numeric, max: Numeric, ...options: ZRangeStoreOptions], number>): Result<number, Context>;

  /** `ZRANK` · flags: readonly, fast */
  zrank(key: RedisKey, member: RedisValue, callback?: Callback<number | null>): Result<number | null, Context>;
  zrank(key: RedisKey, member: RedisValue, withScore: Token<'WITHSCORE'>, callback?: Callback<[rank: number, score: string] | null>): Result<[rank: number, score: string] | null, Context>;
  /** `ZRANK`, resolving Buffers for string replies · flags: readonly, fast */
  zrankBuffer(key: RedisKey, member: RedisValue, callback?: Callback<number | null>): Result<number | null, Context>;
  zrankBuffer(key: RedisKey, member: RedisValue, withScore: Token<'WITHSCORE'>, callback?: Callback<[rank: number, score: Buffer] | null>): Result<[rank: number, score: Buffer] | null, Context>;

  /** `ZREM` · flags: write, fast */
  zrem(...args: WithCallback<[key: RedisKey, ...members: Many<RedisValue>[]], number>): Result<number, Context>;
  /** `ZREM`, resolving Buffers for string replies · flags: write, fast */
  zremBuffer(...args: WithCallback<[key: RedisKey, ...members: Many<RedisValue>[]], number>): Result<number, Context>;

  /** `ZREMRANGEBYLEX` · flags: write */
  zremrangebylex(key: RedisKey, min: RedisValue, max: RedisValue, callback?: Callback<number>): Result<number, Context>;
  /** `ZREMRANGEBYLEX`, resolving Buffers for string replies · flags: write */
  zremrangebylexBuffer(key: RedisKey, min: RedisValue, max: RedisValue, callback?: Callback<number>): Result<number, Context>;

  /** `ZREMRANGEBYRANK` · flags: write */
  zremrangebyrank(key: RedisKey, start: Numeric, stop: Numeric, callback?: Callback<number>): Result<number, Context>;
  /** `ZREMRANGEBYRANK`, resolving Buffers for string replies · flags: write */
  zremrangebyrankBuffer(key: RedisKey, start: Numeric, stop: Numeric, callback?: Callback<number>): Result<number, Context>;

  /** `ZREMRANGEBYSCORE` · flags: write */
  zremrangebyscore(key: RedisKey, min: Numeric, max: Numeric, callback?: Callback<number>): Result<number, Context>;
  /** `ZREMRANGEBYSCORE`, resolving Buffers for string replies · flags: write */
  zremrangebyscoreBuffer(key: RedisKey, min: Numeric, max: Numeric, callback?: Callback<number>): Result<number, Context>;

  /** `ZREVRANGE` · flags: readonly */
  zrevrange(key: RedisKey, start: Numeric, stop: Numeric, callback?: Callback<string[]>): Result<string[], Context>;
  zrevrange(key: RedisKey, start: Numeric, stop: Numeric, withScores: Token<'WITHSCORES'>, callback?: Callback<string[]>): Result<string[], Context>;
  /** `ZREVRANGE`, resolving Buffers for string replies · flags: readonly */
  zrevrangeBuffer(key: RedisKey, start: Numeric, stop: Numeric, callback?: Callback<Buffer[]>): Result<Buffer[], Context>;
  zrevrangeBuffer(key: RedisKey, start: Numeric, stop: Numeric, withScores: Token<'WITHSCORES'>, callback?: Callback<Buffer[]>): Result<Buffer[], Context>;

  /** `ZREVRANGEBYLEX` · flags: readonly */
  zrevrangebylex(key: RedisKey, max: RedisValue, min: RedisValue, callback?: Callback<string[]>): Result<string[], Context>;
  zrevrangebylex(...args: WithCallback<[key: RedisKey, max: RedisValue, min: RedisValue, ...limit: LimitOption], string[]>): Result<string[], Context>;
  /** `ZREVRANGEBYLEX`, resolving Buffers for string replies · flags: readonly */
  zrevrangebylexBuffer(key: RedisKey, max: RedisValue, min: RedisValue, callback?: Callback<Buffer[]>): Result<Buffer[], Context>;
  zrevrangebylexBuffer(...args: WithCallback<[key: RedisKey, max: RedisValue, min: RedisValue, ...limit: LimitOption], Buffer[]>): Result<Buffer[], Context>;

  /** `ZREVRANGEBYSCORE` · flags: readonly */
  zrevrangebyscore(...args: WithCallback<[key: RedisKey, max: Numeric, min: Numeric, ...options: ZRangeByScoreOptions], string[]>): Result<string[], Context>;
  /** `ZREVRANGEBYSCORE`, resolving Buffers for string replies · flags: readonly */
  zrevrangebyscoreBuffer(...args: WithCallback<[key: RedisKey, max: Numeric, min: Numeric, ...options: ZRangeByScoreOptions], Buffer[]>): Result<Buffer[], Context>;

  /** `ZREVRANK` · flags: readonly, fast */
  zrevrank(key: RedisKey, member: RedisValue, callback?: Callback<number | null>): Result<number | null, Context>;
  zrevrank(key: RedisKey, member: RedisValue, withScore: Token<'WITHSCORE'>, callback?: Callback<[rank: number, score: string] | null>): Result<[rank: number, score: string] | null, Context>;
  /** `ZREVRANK`, resolving Buffers for string replies · flags: readonly, fast */
  zrevrankBuffer(key: RedisKey, member: RedisValue, callback?: Callback<number | null>): Result<number | null, Context>;
  zrevrankBuffer(key: RedisKey, member: RedisValue, withScore: Token<'WITHSCORE'>, callback?: Callback<[rank: number, score: Buffer] | null>): Result<[rank: number, score: Buffer] | null, Context>;

  /** `ZSCAN` · flags: readonly */
  zscan(...args: WithCallback<[key: RedisKey, cursor: Numeric, ...options: SScanOptions], [cursor: string, elements: string[]]>): Result<[cursor: string, elements: string[]], Context>;
  /** `ZSCAN`, resolving Buffers for string replies · flags: readonly */
  zscanBuffer(...args: WithCallback<[key: RedisKey, cursor: Numeric, ...options: SScanOptions], [cursor: Buffer, elements: Buffer[]]>): Result<[cursor: Buffer, elements: Buffer[]], Context>;

  /** `ZSCORE` · flags: readonly, fast */
  zscore(key: RedisKey, member: RedisValue, callback?: Callback<string | null>): Result<string | null, Context>;
  /** `ZSCORE`, resolving Buffers for string replies · flags: readonly, fast */
  zscoreBuffer(key: RedisKey, member: RedisValue, callback?: Callback<Buffer | null>): Result<Buffer | null, Context>;

  /** `ZUNION` · flags: readonly, movablekeys */
  zunion(...args: WithCallback<[numkeys: Numeric, ...args: Many<RedisValue>[]], string[]>): Result<string[], Context>;
  /** `ZUNION`, resolving Buffers for string replies · flags: readonly, movablekeys */
  zunionBuffer(...args: WithCallback<[numkeys: Numeric, ...args: Many<RedisValue>[]], Buffer[]>): Result<Buffer[], Context>;

  /** `ZUNIONSTORE` · flags: write, denyoom, movablekeys */
  zunionstore(...args: WithCallback<[destination: RedisKey, numkeys: Numeric, ...args: Many<RedisValue>[]], number>): Result<number, Context>;
  /** `ZUNIONSTORE`, resolving Buffers for string replies · flags: write, denyoom, movablekeys */
  zunionstoreBuffer(...args: WithCallback<[destination: RedisKey, numkeys: Numeric, ...args: Many<RedisValue>[]], number>): Result<number, Context>;
}

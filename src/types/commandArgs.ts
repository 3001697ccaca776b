/**
 * Hand-written building blocks for the generated command typings (RedisCommander.ts).
 *
 * Option groups are tuples so that one signature can describe every spelling Redis accepts:
 * `Opt<T>` is a group that may be left out, `AnyOrder2`/`AnyOrder3` accept the groups in any order
 * (Redis parses most options that way), and `Token<'EX'>` accepts a keyword in either case.
 */

export type RedisKey = string | Buffer;
export type RedisValue = string | Buffer | number;
export type Callback<T = unknown> = (err?: Error | null, result?: T) => void;

/** The arguments of a variadic command, with or without a Node-style callback at the end. */
export type WithCallback<Args extends unknown[], T> = [...Args, callback: Callback<T>] | Args;

/** A Redis keyword. Redis reads keywords in any case, so `'EX'` and `'ex'` both type-check. */
export type Token<T extends string> = T | Lowercase<T>;
/** A number as Redis parses it from text: `10`, `'10'`, `'+inf'`, `'(1.5'`, `'-'`. */
export type Numeric = number | string;
/** One argument, or an array of arguments that is flattened into separate arguments. */
export type Many<T> = T | readonly T[];
/** An argument group that may be left out. */
export type Opt<T extends unknown[]> = [] | T;
/** Two argument groups, in either order. */
export type AnyOrder2<A extends unknown[], B extends unknown[]> = [...A, ...B] | [...B, ...A];
/** Three argument groups, in any order. */
export type AnyOrder3<A extends unknown[], B extends unknown[], C extends unknown[]> =
  | [...A, ...B, ...C]
  | [...A, ...C, ...B]
  | [...B, ...A, ...C]
  | [...B, ...C, ...A]
  | [...C, ...A, ...B]
  | [...C, ...B, ...A];

/** A plain object (own enumerable keys) or a Map of field to value, as HSET and MSET accept it. */
export type FieldValueMap = Map<RedisValue, RedisValue>;

/** `LIMIT offset count` of the range commands. */
export type LimitOption = [limit: Token<'LIMIT'>, offset: Numeric, count: Numeric];
/** `COUNT n` of the commands that return at most n items. */
export type CountOption = [count: Token<'COUNT'>, n: Numeric];

/** Expiry of SET: `EX s | PX ms | EXAT t | PXAT t | KEEPTTL`, or none. */
export type SetExpiry =
  | []
  | [unit: Token<'EX' | 'PX' | 'EXAT' | 'PXAT'>, time: Numeric]
  | [keepTtl: Token<'KEEPTTL'>];
/** Condition of SET: `NX | XX`, or the compare-and-set forms `IFEQ | IFNE value`, `IFDEQ | IFDNE digest`. */
export type SetCondition =
  | [condition: Token<'NX' | 'XX'>]
  | [condition: Token<'IFEQ' | 'IFNE' | 'IFDEQ' | 'IFDNE'>, comparand: RedisValue];
/** SET options with a condition: the reply is `OK`, or null when the condition failed. */
export type SetConditionalOptions = AnyOrder2<SetExpiry, SetCondition>;
/** SET options with `GET`: the reply is the old value. */
export type SetGetOptions = AnyOrder3<SetExpiry, Opt<SetCondition>, [get: Token<'GET'>]>;

/** Expiry of GETEX: `EX s | PX ms | EXAT t | PXAT t | PERSIST`, or none. */
export type GetExOptions =
  | []
  | [unit: Token<'EX' | 'PX' | 'EXAT' | 'PXAT'>, time: Numeric]
  | [persist: Token<'PERSIST'>];
/** Condition of EXPIRE and friends (Redis 7). */
export type ExpireCondition = Opt<[condition: Token<'NX' | 'XX' | 'GT' | 'LT'>]>;

type MatchOption = [match: Token<'MATCH'>, pattern: RedisValue];
/** `SCAN cursor [MATCH pattern] [COUNT n] [TYPE type]`. */
export type ScanOptions = AnyOrder3<Opt<MatchOption>, Opt<CountOption>, Opt<[type: Token<'TYPE'>, name: RedisValue]>>;
/** `HSCAN key cursor [MATCH pattern] [COUNT n] [NOVALUES]`. */
export type HScanOptions = AnyOrder3<Opt<MatchOption>, Opt<CountOption>, Opt<[noValues: Token<'NOVALUES'>]>>;
/** `SSCAN`/`ZSCAN key cursor [MATCH pattern] [COUNT n]`. */
export type SScanOptions = AnyOrder2<Opt<MatchOption>, Opt<CountOption>>;

/** `COPY source destination [DB db] [REPLACE]`. */
export type CopyOptions = AnyOrder2<Opt<[db: Token<'DB'>, index: Numeric]>, Opt<[replace: Token<'REPLACE'>]>>;
/** `RESTORE key ttl value [REPLACE] [ABSTTL] [IDLETIME s] [FREQ f]`. */
export type RestoreOptions = [
  ...Opt<[replace: Token<'REPLACE'>]>,
  ...Opt<[absTtl: Token<'ABSTTL'>]>,
  ...Opt<[idleTime: Token<'IDLETIME'>, seconds: Numeric]>,
  ...Opt<[freq: Token<'FREQ'>, frequency: Numeric]>,
];

/** `LEFT | RIGHT` of the list-moving commands. */
export type ListSide = Token<'LEFT' | 'RIGHT'>;
type RankOption = [rank: Token<'RANK'>, rank: Numeric];
type MaxLenOption = [maxLen: Token<'MAXLEN'>, len: Numeric];
/** `LPOS key element [RANK r] [MAXLEN n]`: the reply is one index or null. */
export type LPosOptions = AnyOrder2<Opt<RankOption>, Opt<MaxLenOption>>;
/** `LPOS key element [RANK r] COUNT n [MAXLEN n]`: the reply is a list of indexes. */
export type LPosCountOptions = AnyOrder3<Opt<RankOption>, CountOption, Opt<MaxLenOption>>;

/** `ZADD key [NX | XX] [GT | LT] [CH]`. */
export type ZAddFlags = [
  ...Opt<[condition: Token<'NX' | 'XX'>]>,
  ...Opt<[comparison: Token<'GT' | 'LT'>]>,
  ...Opt<[changed: Token<'CH'>]>,
];
/** `ZRANGE key start stop [BYSCORE | BYLEX] [REV] [LIMIT offset count] [WITHSCORES]`. */
export type ZRangeOptions = [
  ...Opt<[by: Token<'BYSCORE' | 'BYLEX'>]>,
  ...Opt<[rev: Token<'REV'>]>,
  ...Opt<LimitOption>,
  ...Opt<[withScores: Token<'WITHSCORES'>]>,
];
/** `ZRANGESTORE dst src min max [BYSCORE | BYLEX] [REV] [LIMIT offset count]`. */
export type ZRangeStoreOptions = [
  ...Opt<[by: Token<'BYSCORE' | 'BYLEX'>]>,
  ...Opt<[rev: Token<'REV'>]>,
  ...Opt<LimitOption>,
];
/** `ZRANGEBYSCORE key min max [WITHSCORES] [LIMIT offset count]`. */
export type ZRangeByScoreOptions = AnyOrder2<Opt<[withScores: Token<'WITHSCORES'>]>, Opt<LimitOption>>;
/** `MIN | MAX` of ZMPOP and BZMPOP. */
export type ZSide = Token<'MIN' | 'MAX'>;

/** `XREAD [COUNT n] [BLOCK ms]`, before `STREAMS`. */
export type XReadOptions = AnyOrder2<Opt<CountOption>, Opt<[block: Token<'BLOCK'>, milliseconds: Numeric]>>;
/** `XREADGROUP GROUP g c [COUNT n] [BLOCK ms] [NOACK]`, before `STREAMS`. */
export type XReadGroupOptions = AnyOrder3<
  Opt<CountOption>,
  Opt<[block: Token<'BLOCK'>, milliseconds: Numeric]>,
  Opt<[noAck: Token<'NOACK'>]>
>;
/** `XTRIM key MAXLEN | MINID [= | ~] threshold [LIMIT n] [KEEPREF | DELREF | ACKED]`. */
export type XTrimOptions = [
  strategy: Token<'MAXLEN' | 'MINID'>,
  ...Opt<[exactness: '=' | '~']>,
  threshold: Numeric,
  ...Opt<[limit: Token<'LIMIT'>, count: Numeric]>,
  ...Opt<[references: Token<'KEEPREF' | 'DELREF' | 'ACKED'>]>,
];
/** `XGROUP CREATE key group id [MKSTREAM] [ENTRIESREAD n]`. */
export type XGroupCreateOptions = [
  ...Opt<[mkStream: Token<'MKSTREAM'>]>,
  ...Opt<[entriesRead: Token<'ENTRIESREAD'>, count: Numeric]>,
];
/** `XPENDING key group [IDLE ms] start end count [consumer]`. */
export type XPendingRangeArgs = [
  ...Opt<[idle: Token<'IDLE'>, minIdleTime: Numeric]>,
  start: RedisValue,
  end: RedisValue,
  count: Numeric,
  ...Opt<[consumer: RedisValue]>,
];

/** `FLUSHALL`/`FLUSHDB`/`SCRIPT FLUSH`/`FUNCTION FLUSH` mode. */
export type FlushMode = Opt<[mode: Token<'ASYNC' | 'SYNC'>]>;
/** Filters of `CLIENT KILL filter value [filter value ...]`. */
export type ClientKillFilter = Token<'ID' | 'TYPE' | 'USER' | 'ADDR' | 'LADDR' | 'SKIPME' | 'MAXAGE'>;

/** Reply of `EXEC` and of a pipeline's `exec()`: one `[error, result]` pair per command, or null when a WATCHed key changed. */
export type ExecReply = [error: Error | null, result: unknown][];
/** One entry of `SLOWLOG GET`. */
export type SlowlogEntry<S> = [
  id: number,
  timestamp: number,
  durationMicros: number,
  args: S[],
  clientAddress: S,
  clientName: S,
];
/** One stream entry: its ID and the flat list of field, value, field, value... */
export type StreamEntry<S> = [id: S, fields: S[]];

// Hand-curated signatures for scripts/generate-command-types.mjs.
//
// Each command maps to its overloads, tried in order. An overload is written `(params) => Reply`:
// - `params` is a TypeScript parameter list without the callback (the generator appends it). It may
//   use the helper types of src/types/commandArgs.ts; a list with a spread (`...`) becomes a tuple rest
//   parameter, so it must not contain optional (`?`) parameters: write one overload per arity instead.
// - `Reply` is the RESP2 reply as ioredis shapes it by default. `Str` stands for a bulk or status
//   string: `string` in the method, `Buffer` in its `…Buffer` twin, where status literals such as
//   `'OK'` also become `Buffer` (the twin hands over the raw reply bytes).
// Containers (CLIENT, CONFIG, ...) take the subcommand as first parameter, named `subcommand`; the
// generator adds a loose overload for every subcommand of @ioredis/commands not covered here.
// A command that is absent here gets the generator's loose fallback signature.
//
// `raw` entries are emitted verbatim (method name first), for the few methods whose reply does not
// follow the client context: they need `raw` for the method and `rawBuffer` for its twin.

const scan = '[cursor: Str, elements: Str[]]';
const entries = 'StreamEntry<Str>[]';
const streams = '[key: Str, entries: StreamEntry<Str>[]][] | null';
const groupStreams = '[key: Str, entries: [id: Str, fields: Str[] | null][]][] | null';
const zmpop = '[key: Str, members: [member: Str, score: Str][]] | null';
const keysThenTimeout = '...keys: Many<RedisKey>[], timeout: Numeric';
const looseArgs = '...args: Many<RedisValue>[]';

export const signatures = {
  // ---- strings ------------------------------------------------------------------------------
  append: ['(key: RedisKey, value: RedisValue) => number'],
  decr: ['(key: RedisKey) => number'],
  decrby: ['(key: RedisKey, decrement: Numeric) => number'],
  get: ['(key: RedisKey) => Str | null'],
  getdel: ['(key: RedisKey) => Str | null'],
  getex: ['(key: RedisKey, ...options: GetExOptions) => Str | null'],
  getrange: ['(key: RedisKey, start: Numeric, end: Numeric) => Str'],
  getset: ['(key: RedisKey, value: RedisValue) => Str | null'],
  incr: ['(key: RedisKey) => number'],
  incrby: ['(key: RedisKey, increment: Numeric) => number'],
  incrbyfloat: ['(key: RedisKey, increment: Numeric) => Str'],
  mget: ['(...keys: Many<RedisKey>[]) => (Str | null)[]'],
  mset: [
    '(map: FieldValueMap) => \'OK\'',
    '(object: object) => \'OK\'',
    '(...keyValues: Many<RedisValue>[]) => \'OK\'',
  ],
  msetnx: [
    '(map: FieldValueMap) => number',
    '(object: object) => number',
    '(...keyValues: Many<RedisValue>[]) => number',
  ],
  psetex: ['(key: RedisKey, milliseconds: Numeric, value: RedisValue) => \'OK\''],
  set: [
    '(key: RedisKey, value: RedisValue, ...expiry: SetExpiry) => \'OK\'',
    '(key: RedisKey, value: RedisValue, ...options: SetConditionalOptions) => \'OK\' | null',
    '(key: RedisKey, value: RedisValue, ...options: SetGetOptions) => Str | null',
  ],
  setex: ['(key: RedisKey, seconds: Numeric, value: RedisValue) => \'OK\''],
  setnx: ['(key: RedisKey, value: RedisValue) => number'],
  setrange: ['(key: RedisKey, offset: Numeric, value: RedisValue) => number'],
  strlen: ['(key: RedisKey) => number'],
  substr: ['(key: RedisKey, start: Numeric, end: Numeric) => Str'],
  // Bit and HyperLogLog commands: replies only, arguments loose.
  bitcount: [`(key: RedisKey, ${looseArgs}) => number`],
  bitop: [`(operation: Token<'AND' | 'OR' | 'XOR' | 'NOT' | 'DIFF' | 'DIFF1' | 'ANDOR' | 'ONE'>, destination: RedisKey, ...keys: Many<RedisKey>[]) => number`],
  bitpos: [`(key: RedisKey, bit: Numeric, ${looseArgs}) => number`],
  getbit: ['(key: RedisKey, offset: Numeric) => number'],
  setbit: ['(key: RedisKey, offset: Numeric, value: Numeric) => number'],
  pfadd: ['(key: RedisKey, ...elements: Many<RedisValue>[]) => number'],
  pfcount: ['(...keys: Many<RedisKey>[]) => number'],
  pfmerge: ['(destination: RedisKey, ...sources: Many<RedisKey>[]) => \'OK\''],

  // ---- keys ---------------------------------------------------------------------------------
  copy: ['(source: RedisKey, destination: RedisKey, ...options: CopyOptions) => number'],
  del: ['(...keys: Many<RedisKey>[]) => number'],
  dump: ['(key: RedisKey) => Str | null'],
  exists: ['(...keys: Many<RedisKey>[]) => number'],
  expire: ['(key: RedisKey, seconds: Numeric, ...condition: ExpireCondition) => number'],
  expireat: ['(key: RedisKey, unixTimeSeconds: Numeric, ...condition: ExpireCondition) => number'],
  expiretime: ['(key: RedisKey) => number'],
  keys: ['(pattern: RedisValue) => Str[]'],
  move: ['(key: RedisKey, db: Numeric) => number'],
  object: [
    '(subcommand: Token<\'ENCODING\'>, key: RedisKey) => Str | null',
    '(subcommand: Token<\'FREQ\' | \'IDLETIME\' | \'REFCOUNT\'>, key: RedisKey) => number | null',
    '(subcommand: Token<\'HELP\'>) => Str[]',
  ],
  persist: ['(key: RedisKey) => number'],
  pexpire: ['(key: RedisKey, milliseconds: Numeric, ...condition: ExpireCondition) => number'],
  pexpireat: ['(key: RedisKey, unixTimeMilliseconds: Numeric, ...condition: ExpireCondition) => number'],
  pexpiretime: ['(key: RedisKey) => number'],
  pttl: ['(key: RedisKey) => number'],
  randomkey: ['() => Str | null'],
  rename: ['(key: RedisKey, newKey: RedisKey) => \'OK\''],
  renamenx: ['(key: RedisKey, newKey: RedisKey) => number'],
  restore: ['(key: RedisKey, ttl: Numeric, serializedValue: RedisValue, ...options: RestoreOptions) => \'OK\''],
  scan: [`(cursor: Numeric, ...options: ScanOptions) => ${scan}`],
  sort: [
    `(key: RedisKey, ${looseArgs}, store: Token<'STORE'>, destination: RedisKey) => number`,
    `(key: RedisKey, ${looseArgs}) => Str[]`,
  ],
  sort_ro: [`(key: RedisKey, ${looseArgs}) => Str[]`],
  touch: ['(...keys: Many<RedisKey>[]) => number'],
  ttl: ['(key: RedisKey) => number'],
  type: ['(key: RedisKey) => Str'],
  unlink: ['(...keys: Many<RedisKey>[]) => number'],

  // ---- hashes -------------------------------------------------------------------------------
  hdel: ['(key: RedisKey, ...fields: Many<RedisValue>[]) => number'],
  hexists: ['(key: RedisKey, field: RedisValue) => number'],
  hget: ['(key: RedisKey, field: RedisValue) => Str | null'],
  hgetall: ['(key: RedisKey) => Record<string, Str>'],
  hincrby: ['(key: RedisKey, field: RedisValue, increment: Numeric) => number'],
  hincrbyfloat: ['(key: RedisKey, field: RedisValue, increment: Numeric) => Str'],
  hkeys: ['(key: RedisKey) => Str[]'],
  hlen: ['(key: RedisKey) => number'],
  hmget: ['(key: RedisKey, ...fields: Many<RedisValue>[]) => (Str | null)[]'],
  hmset: [
    '(key: RedisKey, map: FieldValueMap) => \'OK\'',
    '(key: RedisKey, object: object) => \'OK\'',
    '(key: RedisKey, ...fieldValues: Many<RedisValue>[]) => \'OK\'',
  ],
  hrandfield: [
    '(key: RedisKey) => Str | null',
    '(key: RedisKey, count: Numeric) => Str[]',
    '(key: RedisKey, count: Numeric, withValues: Token<\'WITHVALUES\'>) => Str[]',
  ],
  hscan: [`(key: RedisKey, cursor: Numeric, ...options: HScanOptions) => ${scan}`],
  hset: [
    '(key: RedisKey, map: FieldValueMap) => number',
    '(key: RedisKey, object: object) => number',
    '(key: RedisKey, ...fieldValues: Many<RedisValue>[]) => number',
  ],
  hsetnx: ['(key: RedisKey, field: RedisValue, value: RedisValue) => number'],
  hstrlen: ['(key: RedisKey, field: RedisValue) => number'],
  hvals: ['(key: RedisKey) => Str[]'],
  // Hash-field expiry (Redis 7.4+): replies only, arguments loose.
  hexpire: [`(key: RedisKey, ${looseArgs}) => number[]`],
  hexpireat: [`(key: RedisKey, ${looseArgs}) => number[]`],
  hexpiretime: [`(key: RedisKey, ${looseArgs}) => number[]`],
  hgetdel: [`(key: RedisKey, ${looseArgs}) => (Str | null)[]`],
  hgetex: [`(key: RedisKey, ${looseArgs}) => (Str | null)[]`],
  hpersist: [`(key: RedisKey, ${looseArgs}) => number[]`],
  hpexpire: [`(key: RedisKey, ${looseArgs}) => number[]`],
  hpexpireat: [`(key: RedisKey, ${looseArgs}) => number[]`],
  hpexpiretime: [`(key: RedisKey, ${looseArgs}) => number[]`],
  hpttl: [`(key: RedisKey, ${looseArgs}) => number[]`],
  httl: [`(key: RedisKey, ${looseArgs}) => number[]`],

  // ---- lists --------------------------------------------------------------------------------
  blmove: ['(source: RedisKey, destination: RedisKey, from: ListSide, to: ListSide, timeout: Numeric) => Str | null'],
  blmpop: [
    '(timeout: Numeric, numkeys: Numeric, ...keys: Many<RedisKey>[], side: ListSide) => [key: Str, elements: Str[]] | null',
    '(timeout: Numeric, numkeys: Numeric, ...keys: Many<RedisKey>[], side: ListSide, count: Token<\'COUNT\'>, n: Numeric) => [key: Str, elements: Str[]] | null',
  ],
  blpop: [`(${keysThenTimeout}) => [key: Str, element: Str] | null`],
  brpop: [`(${keysThenTimeout}) => [key: Str, element: Str] | null`],
  brpoplpush: ['(source: RedisKey, destination: RedisKey, timeout: Numeric) => Str | null'],
  lindex: ['(key: RedisKey, index: Numeric) => Str | null'],
  linsert: ['(key: RedisKey, where: Token<\'BEFORE\' | \'AFTER\'>, pivot: RedisValue, element: RedisValue) => number'],
  llen: ['(key: RedisKey) => number'],
  lmove: ['(source: RedisKey, destination: RedisKey, from: ListSide, to: ListSide) => Str | null'],
  lmpop: [
    '(numkeys: Numeric, ...keys: Many<RedisKey>[], side: ListSide) => [key: Str, elements: Str[]] | null',
    '(numkeys: Numeric, ...keys: Many<RedisKey>[], side: ListSide, count: Token<\'COUNT\'>, n: Numeric) => [key: Str, elements: Str[]] | null',
  ],
  lpop: ['(key: RedisKey) => Str | null', '(key: RedisKey, count: Numeric) => Str[] | null'],
  lpos: [
    '(key: RedisKey, element: RedisValue, ...options: LPosOptions) => number | null',
    '(key: RedisKey, element: RedisValue, ...options: LPosCountOptions) => number[]',
  ],
  lpush: ['(key: RedisKey, ...elements: Many<RedisValue>[]) => number'],
  lpushx: ['(key: RedisKey, ...elements: Many<RedisValue>[]) => number'],
  lrange: ['(key: RedisKey, start: Numeric, stop: Numeric) => Str[]'],
  lrem: ['(key: RedisKey, count: Numeric, element: RedisValue) => number'],
  lset: ['(key: RedisKey, index: Numeric, element: RedisValue) => \'OK\''],
  ltrim: ['(key: RedisKey, start: Numeric, stop: Numeric) => \'OK\''],
  rpop: ['(key: RedisKey) => Str | null', '(key: RedisKey, count: Numeric) => Str[] | null'],
  rpoplpush: ['(source: RedisKey, destination: RedisKey) => Str | null'],
  rpush: ['(key: RedisKey, ...elements: Many<RedisValue>[]) => number'],
  rpushx: ['(key: RedisKey, ...elements: Many<RedisValue>[]) => number'],

  // ---- sets ---------------------------------------------------------------------------------
  sadd: ['(key: RedisKey, ...members: Many<RedisValue>[]) => number'],
  scard: ['(key: RedisKey) => number'],
  sdiff: ['(...keys: Many<RedisKey>[]) => Str[]'],
  sdiffstore: ['(destination: RedisKey, ...keys: Many<RedisKey>[]) => number'],
  sinter: ['(...keys: Many<RedisKey>[]) => Str[]'],
  sintercard: [
    '(numkeys: Numeric, ...keys: Many<RedisKey>[]) => number',
    '(numkeys: Numeric, ...keys: Many<RedisKey>[], limit: Token<\'LIMIT\'>, max: Numeric) => number',
  ],
  sinterstore: ['(destination: RedisKey, ...keys: Many<RedisKey>[]) => number'],
  sismember: ['(key: RedisKey, member: RedisValue) => number'],
  smembers: ['(key: RedisKey) => Str[]'],
  smismember: ['(key: RedisKey, ...members: Many<RedisValue>[]) => number[]'],
  smove: ['(source: RedisKey, destination: RedisKey, member: RedisValue) => number'],
  spop: ['(key: RedisKey) => Str | null', '(key: RedisKey, count: Numeric) => Str[]'],
  srandmember: ['(key: RedisKey) => Str | null', '(key: RedisKey, count: Numeric) => Str[]'],
  srem: ['(key: RedisKey, ...members: Many<RedisValue>[]) => number'],
  sscan: [`(key: RedisKey, cursor: Numeric, ...options: SScanOptions) => ${scan}`],
  sunion: ['(...keys: Many<RedisKey>[]) => Str[]'],
  sunionstore: ['(destination: RedisKey, ...keys: Many<RedisKey>[]) => number'],

  // ---- sorted sets --------------------------------------------------------------------------
  bzmpop: [
    `(timeout: Numeric, numkeys: Numeric, ...keys: Many<RedisKey>[], side: ZSide) => ${zmpop}`,
    `(timeout: Numeric, numkeys: Numeric, ...keys: Many<RedisKey>[], side: ZSide, count: Token<'COUNT'>, n: Numeric) => ${zmpop}`,
  ],
  bzpopmax: [`(${keysThenTimeout}) => [key: Str, member: Str, score: Str] | null`],
  bzpopmin: [`(${keysThenTimeout}) => [key: Str, member: Str, score: Str] | null`],
  zadd: [
    '(key: RedisKey, ...flags: ZAddFlags, incr: Token<\'INCR\'>, score: Numeric, member: RedisValue) => Str | null',
    '(key: RedisKey, ...flags: ZAddFlags, ...scoreMembers: Many<RedisValue>[]) => number',
  ],
  zcard: ['(key: RedisKey) => number'],
  zcount: ['(key: RedisKey, min: Numeric, max: Numeric) => number'],
  zdiff: [`(numkeys: Numeric, ${looseArgs}) => Str[]`],
  zdiffstore: [`(destination: RedisKey, numkeys: Numeric, ...keys: Many<RedisKey>[]) => number`],
  zincrby: ['(key: RedisKey, increment: Numeric, member: RedisValue) => Str'],
  zinter: [`(numkeys: Numeric, ${looseArgs}) => Str[]`],
  zintercard: [`(numkeys: Numeric, ${looseArgs}) => number`],
  zinterstore: [`(destination: RedisKey, numkeys: Numeric, ${looseArgs}) => number`],
  zlexcount: ['(key: RedisKey, min: RedisValue, max: RedisValue) => number'],
  zmpop: [
    `(numkeys: Numeric, ...keys: Many<RedisKey>[], side: ZSide) => ${zmpop}`,
    `(numkeys: Numeric, ...keys: Many<RedisKey>[], side: ZSide, count: Token<'COUNT'>, n: Numeric) => ${zmpop}`,
  ],
  zmscore: ['(key: RedisKey, ...members: Many<RedisValue>[]) => (Str | null)[]'],
  zpopmax: ['(key: RedisKey) => Str[]', '(key: RedisKey, count: Numeric) => Str[]'],
  zpopmin: ['(key: RedisKey) => Str[]', '(key: RedisKey, count: Numeric) => Str[]'],
  zrandmember: [
    '(key: RedisKey) => Str | null',
    '(key: RedisKey, count: Numeric) => Str[]',
    '(key: RedisKey, count: Numeric, withScores: Token<\'WITHSCORES\'>) => Str[]',
  ],
  zrange: ['(key: RedisKey, start: Numeric, stop: Numeric, ...options: ZRangeOptions) => Str[]'],
  zrangebylex: [
    '(key: RedisKey, min: RedisValue, max: RedisValue) => Str[]',
    '(key: RedisKey, min: RedisValue, max: RedisValue, ...limit: LimitOption) => Str[]',
  ],
  zrangebyscore: ['(key: RedisKey, min: Numeric, max: Numeric, ...options: ZRangeByScoreOptions) => Str[]'],
  zrangestore: ['(destination: RedisKey, source: RedisKey, min: Numeric, max: Numeric, ...options: ZRangeStoreOptions) => number'],
  zrank: [
    '(key: RedisKey, member: RedisValue) => number | null',
    '(key: RedisKey, member: RedisValue, withScore: Token<\'WITHSCORE\'>) => [rank: number, score: Str] | null',
  ],
  zrem: ['(key: RedisKey, ...members: Many<RedisValue>[]) => number'],
  zremrangebylex: ['(key: RedisKey, min: RedisValue, max: RedisValue) => number'],
  zremrangebyrank: ['(key: RedisKey, start: Numeric, stop: Numeric) => number'],
  zremrangebyscore: ['(key: RedisKey, min: Numeric, max: Numeric) => number'],
  zrevrange: [
    '(key: RedisKey, start: Numeric, stop: Numeric) => Str[]',
    '(key: RedisKey, start: Numeric, stop: Numeric, withScores: Token<\'WITHSCORES\'>) => Str[]',
  ],
  zrevrangebylex: [
    '(key: RedisKey, max: RedisValue, min: RedisValue) => Str[]',
    '(key: RedisKey, max: RedisValue, min: RedisValue, ...limit: LimitOption) => Str[]',
  ],
  zrevrangebyscore: ['(key: RedisKey, max: Numeric, min: Numeric, ...options: ZRangeByScoreOptions) => Str[]'],
  zrevrank: [
    '(key: RedisKey, member: RedisValue) => number | null',
    '(key: RedisKey, member: RedisValue, withScore: Token<\'WITHSCORE\'>) => [rank: number, score: Str] | null',
  ],
  zscan: [`(key: RedisKey, cursor: Numeric, ...options: SScanOptions) => ${scan}`],
  zscore: ['(key: RedisKey, member: RedisValue) => Str | null'],
  zunion: [`(numkeys: Numeric, ${looseArgs}) => Str[]`],
  zunionstore: [`(destination: RedisKey, numkeys: Numeric, ${looseArgs}) => number`],

  // ---- streams ------------------------------------------------------------------------------
  xack: ['(key: RedisKey, group: RedisValue, ...ids: Many<RedisValue>[]) => number'],
  xadd: [`(key: RedisKey, ${looseArgs}) => Str | null`],
  xautoclaim: [
    `(key: RedisKey, group: RedisValue, consumer: RedisValue, minIdleTime: Numeric, start: RedisValue) => [nextStart: Str, entries: ${entries}, deletedIds: Str[]]`,
    `(key: RedisKey, group: RedisValue, consumer: RedisValue, minIdleTime: Numeric, start: RedisValue, ...count: CountOption) => [nextStart: Str, entries: ${entries}, deletedIds: Str[]]`,
    `(key: RedisKey, group: RedisValue, consumer: RedisValue, minIdleTime: Numeric, start: RedisValue, justId: Token<'JUSTID'>) => [nextStart: Str, ids: Str[], deletedIds: Str[]]`,
    `(key: RedisKey, group: RedisValue, consumer: RedisValue, minIdleTime: Numeric, start: RedisValue, ...count: CountOption, justId: Token<'JUSTID'>) => [nextStart: Str, ids: Str[], deletedIds: Str[]]`,
  ],
  xclaim: [
    // JUSTID is typed when it comes last; elsewhere the reply is still IDs at run time.
    `(key: RedisKey, group: RedisValue, consumer: RedisValue, minIdleTime: Numeric, ...idsAndOptions: Many<RedisValue>[], justId: Token<'JUSTID'>) => Str[]`,
    `(key: RedisKey, group: RedisValue, consumer: RedisValue, minIdleTime: Numeric, ...idsAndOptions: Many<RedisValue>[]) => ${entries}`,
  ],
  xdel: ['(key: RedisKey, ...ids: Many<RedisValue>[]) => number'],
  xgroup: [
    '(subcommand: Token<\'CREATE\'>, key: RedisKey, group: RedisValue, id: RedisValue, ...options: XGroupCreateOptions) => \'OK\'',
    '(subcommand: Token<\'CREATECONSUMER\' | \'DELCONSUMER\'>, key: RedisKey, group: RedisValue, consumer: RedisValue) => number',
    '(subcommand: Token<\'DESTROY\'>, key: RedisKey, group: RedisValue) => number',
    '(subcommand: Token<\'SETID\'>, key: RedisKey, group: RedisValue, id: RedisValue) => \'OK\'',
    '(subcommand: Token<\'SETID\'>, key: RedisKey, group: RedisValue, id: RedisValue, entriesRead: Token<\'ENTRIESREAD\'>, count: Numeric) => \'OK\'',
    '(subcommand: Token<\'HELP\'>) => Str[]',
  ],
  xinfo: [
    '(subcommand: Token<\'STREAM\'>, key: RedisKey) => unknown[]',
    '(subcommand: Token<\'STREAM\'>, key: RedisKey, full: Token<\'FULL\'>) => unknown[]',
    '(subcommand: Token<\'STREAM\'>, key: RedisKey, full: Token<\'FULL\'>, ...count: CountOption) => unknown[]',
    '(subcommand: Token<\'GROUPS\'>, key: RedisKey) => unknown[][]',
    '(subcommand: Token<\'CONSUMERS\'>, key: RedisKey, group: RedisValue) => unknown[][]',
    '(subcommand: Token<\'HELP\'>) => Str[]',
  ],
  xlen: ['(key: RedisKey) => number'],
  xpending: [
    '(key: RedisKey, group: RedisValue) => [count: number, minId: Str | null, maxId: Str | null, consumers: [name: Str, count: Str][] | null]',
    '(key: RedisKey, group: RedisValue, ...range: XPendingRangeArgs) => [id: Str, consumer: Str, idleMilliseconds: number, deliveries: number][]',
  ],
  xrange: [
    `(key: RedisKey, start: RedisValue, end: RedisValue) => ${entries}`,
    `(key: RedisKey, start: RedisValue, end: RedisValue, ...count: CountOption) => ${entries}`,
  ],
  xread: [`(...options: XReadOptions, streams: Token<'STREAMS'>, ...keysThenIds: Many<RedisValue>[]) => ${streams}`],
  xreadgroup: [
    `(group: Token<'GROUP'>, groupName: RedisValue, consumer: RedisValue, ...options: XReadGroupOptions, streams: Token<'STREAMS'>, ...keysThenIds: Many<RedisValue>[]) => ${groupStreams}`,
  ],
  xrevrange: [
    `(key: RedisKey, end: RedisValue, start: RedisValue) => ${entries}`,
    `(key: RedisKey, end: RedisValue, start: RedisValue, ...count: CountOption) => ${entries}`,
  ],
  xtrim: ['(key: RedisKey, ...options: XTrimOptions) => number'],

  // ---- scripting and functions --------------------------------------------------------------
  eval: [`(script: RedisValue, numkeys: Numeric, ...keysAndArgs: Many<RedisValue>[]) => unknown`],
  eval_ro: [`(script: RedisValue, numkeys: Numeric, ...keysAndArgs: Many<RedisValue>[]) => unknown`],
  evalsha: [`(sha1: RedisValue, numkeys: Numeric, ...keysAndArgs: Many<RedisValue>[]) => unknown`],
  evalsha_ro: [`(sha1: RedisValue, numkeys: Numeric, ...keysAndArgs: Many<RedisValue>[]) => unknown`],
  fcall: [`(name: RedisValue, numkeys: Numeric, ...keysAndArgs: Many<RedisValue>[]) => unknown`],
  fcall_ro: [`(name: RedisValue, numkeys: Numeric, ...keysAndArgs: Many<RedisValue>[]) => unknown`],
  function: [
    '(subcommand: Token<\'LOAD\'>, code: RedisValue) => Str',
    '(subcommand: Token<\'LOAD\'>, replace: Token<\'REPLACE\'>, code: RedisValue) => Str',
    '(subcommand: Token<\'DELETE\'>, libraryName: RedisValue) => \'OK\'',
    '(subcommand: Token<\'FLUSH\'>, ...mode: FlushMode) => \'OK\'',
    '(subcommand: Token<\'KILL\'>) => \'OK\'',
    `(subcommand: Token<'LIST'>, ...options: AnyOrder2<Opt<[libraryName: Token<'LIBRARYNAME'>, pattern: RedisValue]>, Opt<[withCode: Token<'WITHCODE'>]>>) => unknown[]`,
    '(subcommand: Token<\'DUMP\'>) => Str',
    `(subcommand: Token<'RESTORE'>, payload: RedisValue, ...policy: Opt<[policy: Token<'FLUSH' | 'APPEND' | 'REPLACE'>]>) => 'OK'`,
    '(subcommand: Token<\'STATS\'>) => unknown[]',
    '(subcommand: Token<\'HELP\'>) => Str[]',
  ],
  script: [
    '(subcommand: Token<\'LOAD\'>, script: RedisValue) => Str',
    '(subcommand: Token<\'EXISTS\'>, ...sha1s: Many<RedisValue>[]) => number[]',
    '(subcommand: Token<\'FLUSH\'>, ...mode: FlushMode) => \'OK\'',
    '(subcommand: Token<\'KILL\'>) => \'OK\'',
    '(subcommand: Token<\'DEBUG\'>, mode: Token<\'YES\' | \'SYNC\' | \'NO\'>) => \'OK\'',
    '(subcommand: Token<\'HELP\'>) => Str[]',
  ],

  // ---- pub/sub ------------------------------------------------------------------------------
  // The subscribe family resolves with the number of channels this connection is subscribed to.
  psubscribe: ['(...patterns: Many<RedisValue>[]) => number'],
  publish: ['(channel: RedisValue, message: RedisValue) => number'],
  pubsub: [
    '(subcommand: Token<\'CHANNELS\' | \'SHARDCHANNELS\'>) => Str[]',
    '(subcommand: Token<\'CHANNELS\' | \'SHARDCHANNELS\'>, pattern: RedisValue) => Str[]',
    '(subcommand: Token<\'NUMSUB\' | \'SHARDNUMSUB\'>, ...channels: Many<RedisValue>[]) => (Str | number)[]',
    '(subcommand: Token<\'NUMPAT\'>) => number',
    '(subcommand: Token<\'HELP\'>) => Str[]',
  ],
  punsubscribe: ['(...patterns: Many<RedisValue>[]) => number'],
  spublish: ['(shardChannel: RedisValue, message: RedisValue) => number'],
  ssubscribe: ['(...shardChannels: Many<RedisValue>[]) => number'],
  subscribe: ['(...channels: Many<RedisValue>[]) => number'],
  sunsubscribe: ['(...shardChannels: Many<RedisValue>[]) => number'],
  unsubscribe: ['(...channels: Many<RedisValue>[]) => number'],

  // ---- connection and transactions ----------------------------------------------------------
  auth: ['(password: RedisValue) => \'OK\'', '(username: RedisValue, password: RedisValue) => \'OK\''],
  discard: ['() => \'OK\''],
  echo: ['(message: RedisValue) => Str'],
  // EXEC answers with a Promise even on a pipeline, whose exec() sends the batch.
  exec: {
    raw: ['exec(callback?: Callback<ExecReply | null>): Promise<ExecReply | null>;'],
    rawBuffer: ['execBuffer(callback?: Callback<unknown>): Promise<unknown>;'],
  },
  hello: [`(${looseArgs}) => unknown[]`],
  // The client's multi() starts a transaction pipeline (ioredis); `{ pipeline: false }` sends MULTI now.
  multi: {
    raw: [
      'multi(options: { pipeline: false }): Promise<\'OK\'>;',
      'multi(options?: { pipeline: true }): ChainableCommander;',
      'multi(commands: unknown[][]): ChainableCommander;',
    ],
    rawBuffer: ['multiBuffer(callback?: Callback<Buffer>): Result<Buffer, Context>;'],
  },
  ping: ['() => \'PONG\'', '(message: RedisValue) => Str'],
  quit: ['() => \'OK\''],
  readonly: ['() => \'OK\''],
  readwrite: ['() => \'OK\''],
  reset: ['() => \'RESET\''],
  select: ['(db: Numeric) => \'OK\''],
  unwatch: ['() => \'OK\''],
  watch: ['(...keys: Many<RedisKey>[]) => \'OK\''],

  // ---- server -------------------------------------------------------------------------------
  bgrewriteaof: ['() => Str'],
  bgsave: ['() => Str', '(schedule: Token<\'SCHEDULE\'>) => Str'],
  client: [
    '(subcommand: Token<\'SETNAME\'>, connectionName: RedisValue) => \'OK\'',
    '(subcommand: Token<\'GETNAME\'>) => Str | null',
    '(subcommand: Token<\'ID\' | \'GETREDIR\'>) => number',
    `(subcommand: Token<'LIST'>, ${looseArgs}) => Str`,
    '(subcommand: Token<\'INFO\'>) => Str',
    '(subcommand: Token<\'KILL\'>, address: RedisValue) => \'OK\'',
    `(subcommand: Token<'KILL'>, filter: ClientKillFilter, value: RedisValue, ${looseArgs}) => number`,
    '(subcommand: Token<\'NO-EVICT\' | \'NO-TOUCH\'>, mode: Token<\'ON\' | \'OFF\'>) => \'OK\'',
    '(subcommand: Token<\'PAUSE\'>, timeout: Numeric) => \'OK\'',
    '(subcommand: Token<\'PAUSE\'>, timeout: Numeric, mode: Token<\'WRITE\' | \'ALL\'>) => \'OK\'',
    '(subcommand: Token<\'UNPAUSE\'>) => \'OK\'',
    '(subcommand: Token<\'REPLY\'>, mode: Token<\'ON\' | \'OFF\' | \'SKIP\'>) => \'OK\'',
    '(subcommand: Token<\'SETINFO\'>, attribute: Token<\'LIB-NAME\' | \'LIB-VER\'>, value: RedisValue) => \'OK\'',
    `(subcommand: Token<'TRACKING'>, mode: Token<'ON' | 'OFF'>, ${looseArgs}) => 'OK'`,
    '(subcommand: Token<\'TRACKINGINFO\'>) => unknown[]',
    '(subcommand: Token<\'CACHING\'>, mode: Token<\'YES\' | \'NO\'>) => \'OK\'',
    '(subcommand: Token<\'UNBLOCK\'>, clientId: Numeric) => number',
    '(subcommand: Token<\'UNBLOCK\'>, clientId: Numeric, mode: Token<\'TIMEOUT\' | \'ERROR\'>) => number',
    '(subcommand: Token<\'HELP\'>) => Str[]',
  ],
  command: [
    '() => unknown[]',
    '(subcommand: Token<\'COUNT\'>) => number',
    `(subcommand: Token<'DOCS' | 'INFO'>, ...commandNames: Many<RedisValue>[]) => unknown[]`,
    `(subcommand: Token<'GETKEYS'>, command: RedisValue, ${looseArgs}) => Str[]`,
    `(subcommand: Token<'GETKEYSANDFLAGS'>, command: RedisValue, ${looseArgs}) => unknown[]`,
    `(subcommand: Token<'LIST'>, ${looseArgs}) => Str[]`,
    '(subcommand: Token<\'HELP\'>) => Str[]',
  ],
  config: [
    // CONFIG GET answers under RESP2 with a flat list: name, value, name, value...
    '(subcommand: Token<\'GET\'>, ...parameters: Many<RedisValue>[]) => Str[]',
    '(subcommand: Token<\'SET\'>, ...parameterValues: Many<RedisValue>[]) => \'OK\'',
    '(subcommand: Token<\'RESETSTAT\' | \'REWRITE\'>) => \'OK\'',
    '(subcommand: Token<\'HELP\'>) => Str[]',
  ],
  dbsize: ['() => number'],
  debug: [
    '(subcommand: Token<\'SLEEP\'>, seconds: Numeric) => \'OK\'',
    '(subcommand: Token<\'OBJECT\'>, key: RedisKey) => Str',
    `(subcommand: RedisValue, ${looseArgs}) => unknown`,
  ],
  flushall: ['(...mode: FlushMode) => \'OK\''],
  flushdb: ['(...mode: FlushMode) => \'OK\''],
  info: ['(...sections: Many<RedisValue>[]) => Str'],
  lastsave: ['() => number'],
  lolwut: [`(${looseArgs}) => Str`],
  memory: [
    '(subcommand: Token<\'USAGE\'>, key: RedisKey) => number | null',
    '(subcommand: Token<\'USAGE\'>, key: RedisKey, samples: Token<\'SAMPLES\'>, count: Numeric) => number | null',
    '(subcommand: Token<\'STATS\'>) => unknown[]',
    '(subcommand: Token<\'DOCTOR\' | \'MALLOC-STATS\'>) => Str',
    '(subcommand: Token<\'PURGE\'>) => \'OK\'',
    '(subcommand: Token<\'HELP\'>) => Str[]',
  ],
  // The client narrows this to a Promise of the monitoring connection (ioredis).
  monitor: ['() => unknown'],
  replicaof: ['(host: RedisValue, port: RedisValue) => \'OK\''],
  role: ['() => unknown[]'],
  save: ['() => \'OK\''],
  shutdown: [`(${looseArgs}) => 'OK'`],
  slaveof: ['(host: RedisValue, port: RedisValue) => \'OK\''],
  slowlog: [
    '(subcommand: Token<\'GET\'>) => SlowlogEntry<Str>[]',
    '(subcommand: Token<\'GET\'>, count: Numeric) => SlowlogEntry<Str>[]',
    '(subcommand: Token<\'LEN\'>) => number',
    '(subcommand: Token<\'RESET\'>) => \'OK\'',
    '(subcommand: Token<\'HELP\'>) => Str[]',
  ],
  swapdb: ['(index1: Numeric, index2: Numeric) => \'OK\''],
  // RESP2 sends both numbers as bulk strings.
  time: ['() => [unixTimeSeconds: Str, microseconds: Str]'],
  wait: ['(numreplicas: Numeric, timeout: Numeric) => number'],
  waitaof: ['(numlocal: Numeric, numreplicas: Numeric, timeout: Numeric) => [local: number, replicas: number]'],

  // ---- geo: replies only, arguments loose ----------------------------------------------------
  geoadd: [`(key: RedisKey, ${looseArgs}) => number`],
  geodist: [`(key: RedisKey, ${looseArgs}) => Str | null`],
  geohash: ['(key: RedisKey, ...members: Many<RedisValue>[]) => (Str | null)[]'],
  geopos: ['(key: RedisKey, ...members: Many<RedisValue>[]) => ([longitude: Str, latitude: Str] | null)[]'],
  geosearchstore: [`(destination: RedisKey, source: RedisKey, ${looseArgs}) => number`],
};

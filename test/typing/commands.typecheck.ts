// Compile-time tests of the command typings: checked by `npx tsc -p tsconfig.test.json --noEmit`,
// never run. `expectType(x).is<T>()` compiles only when x's type is exactly T (not merely assignable),
// and every `@ts-expect-error` line must fail to compile, or tsc reports the directive as unused.
import type {
  Callback,
  ChainableCommander,
  ClientContext,
  RedisCommander,
  RedisKey,
  RedisValue,
  Result,
} from '../../src/types';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
declare function expectType<Actual>(actual: Actual): {
  is<Expected>(...exact: Equal<Actual, Expected> extends true ? [] : [mismatch: { actual: Actual; expected: Expected }]): void;
};

declare const client: RedisCommander;
declare const pipe: ChainableCommander;
declare const buf: Buffer;
declare const keys: string[];
declare const pairs: (string | number)[];

// ---- the helper itself rejects near misses ----------------------------------------------------
// @ts-expect-error string | null is not string
expectType(client.get('a')).is<Promise<string>>();
// @ts-expect-error a supertype is not exact either
expectType(client.incr('a')).is<Promise<unknown>>();

// ---- base types -------------------------------------------------------------------------------
expectType<RedisKey>('a').is<string | Buffer>();
expectType<RedisValue>(1).is<string | Buffer | number>();
expectType<Result<number, { type: 'default' }>>(client.incr('a')).is<Promise<number>>();
expectType<Result<number, { type: 'pipeline' }>>(pipe).is<ChainableCommander>();
expectType(pipe.length).is<number>();
const context: ClientContext = { type: 'pipeline' };
void context;

// ---- strings ----------------------------------------------------------------------------------
expectType(client.get('a')).is<Promise<string | null>>();
expectType(client.get(buf)).is<Promise<string | null>>();
expectType(client.getBuffer('a')).is<Promise<Buffer | null>>();
expectType(client.set('a', 'b')).is<Promise<'OK'>>();
expectType(client.set('a', 1)).is<Promise<'OK'>>();
expectType(client.set('a', buf, 'EX', 10)).is<Promise<'OK'>>();
expectType(client.set('a', 'b', 'px', '100')).is<Promise<'OK'>>();
expectType(client.set('a', 'b', 'KEEPTTL')).is<Promise<'OK'>>();
expectType(client.set('a', 'b', 'NX')).is<Promise<'OK' | null>>();
expectType(client.set('a', 'b', 'EX', 10, 'NX')).is<Promise<'OK' | null>>();
expectType(client.set('a', 'b', 'NX', 'PX', 100)).is<Promise<'OK' | null>>();
expectType(client.set('a', 'b', 'XX', 'KEEPTTL')).is<Promise<'OK' | null>>();
expectType(client.set('a', 'b', 'IFEQ', 'old')).is<Promise<'OK' | null>>();
expectType(client.set('a', 'b', 'GET')).is<Promise<string | null>>();
expectType(client.set('a', 'b', 'EX', 10, 'GET')).is<Promise<string | null>>();
expectType(client.set('a', 'b', 'NX', 'GET', 'EX', 5)).is<Promise<string | null>>();
expectType(client.set('a', 'b', 'get', 'xx')).is<Promise<string | null>>();
expectType(client.setBuffer('a', 'b')).is<Promise<Buffer>>();
expectType(client.setBuffer('a', 'b', 'NX')).is<Promise<Buffer | null>>();
expectType(client.setBuffer('a', 'b', 'GET')).is<Promise<Buffer | null>>();
expectType(client.mget('a', 'b')).is<Promise<(string | null)[]>>();
expectType(client.mget(keys)).is<Promise<(string | null)[]>>();
expectType(client.mget(...keys)).is<Promise<(string | null)[]>>();
expectType(client.mset({ a: 1, b: 'x' })).is<Promise<'OK'>>();
expectType(client.mset(new Map([['a', 1]]))).is<Promise<'OK'>>();
expectType(client.mset('a', 1, 'b', 2)).is<Promise<'OK'>>();
expectType(client.mset(...pairs)).is<Promise<'OK'>>();
expectType(client.msetnx({ a: 1 })).is<Promise<number>>();
expectType(client.msetnx('a', 1, 'b', 2)).is<Promise<number>>();
expectType(client.incr('a')).is<Promise<number>>();
expectType(client.incrby('a', 5)).is<Promise<number>>();
expectType(client.decr('a')).is<Promise<number>>();
expectType(client.decrby('a', '5')).is<Promise<number>>();
expectType(client.incrbyfloat('a', 1.5)).is<Promise<string>>();
expectType(client.append('a', 'x')).is<Promise<number>>();
expectType(client.strlen('a')).is<Promise<number>>();
expectType(client.getrange('a', 0, -1)).is<Promise<string>>();
expectType(client.setrange('a', 2, 'x')).is<Promise<number>>();
expectType(client.getdel('a')).is<Promise<string | null>>();
expectType(client.getex('a')).is<Promise<string | null>>();
expectType(client.getex('a', 'EX', 10)).is<Promise<string | null>>();
expectType(client.getex('a', 'PERSIST')).is<Promise<string | null>>();
expectType(client.setex('a', 10, 'v')).is<Promise<'OK'>>();
expectType(client.psetex('a', 100, 'v')).is<Promise<'OK'>>();
expectType(client.setnx('a', 'v')).is<Promise<number>>();
expectType(client.getset('a', 'v')).is<Promise<string | null>>();
// @ts-expect-error undefined is not a key
client.get(undefined);
// @ts-expect-error an object is not a key
client.get({});
// @ts-expect-error a number is not a key
client.get(1);
// @ts-expect-error GET takes one key
client.get('a', 'b');
// @ts-expect-error SET needs a value
client.set('k');
// @ts-expect-error an object is not a value
client.set('k', {});
// @ts-expect-error EX needs a time
client.set('k', 'v', 'EX');
// @ts-expect-error only one expiry
client.set('k', 'v', 'EX', 10, 'PX', 5);
// @ts-expect-error not a SET option
client.set('k', 'v', 'NOPE');
// @ts-expect-error INCR takes a key
client.incr();

// ---- keys -------------------------------------------------------------------------------------
expectType(client.del('a', 'b')).is<Promise<number>>();
expectType(client.del(['a', 'b'])).is<Promise<number>>();
expectType(client.del(['a'] as const)).is<Promise<number>>();
expectType(client.unlink('a')).is<Promise<number>>();
expectType(client.exists('a', buf)).is<Promise<number>>();
expectType(client.expire('a', 10)).is<Promise<number>>();
expectType(client.expire('a', 10, 'NX')).is<Promise<number>>();
expectType(client.pexpire('a', 10, 'gt')).is<Promise<number>>();
expectType(client.expireat('a', 1700000000)).is<Promise<number>>();
expectType(client.pexpireat('a', 1700000000000)).is<Promise<number>>();
expectType(client.ttl('a')).is<Promise<number>>();
expectType(client.pttl('a')).is<Promise<number>>();
expectType(client.persist('a')).is<Promise<number>>();
expectType(client.type('a')).is<Promise<string>>();
expectType(client.rename('a', 'b')).is<Promise<'OK'>>();
expectType(client.renamenx('a', 'b')).is<Promise<number>>();
expectType(client.keys('*')).is<Promise<string[]>>();
expectType(client.keysBuffer('*')).is<Promise<Buffer[]>>();
expectType(client.scan(0)).is<Promise<[cursor: string, elements: string[]]>>();
expectType(client.scan('0', 'MATCH', 'a*', 'COUNT', 100)).is<Promise<[cursor: string, elements: string[]]>>();
expectType(client.scan('0', 'COUNT', 100, 'TYPE', 'hash', 'MATCH', 'a*')).is<Promise<[cursor: string, elements: string[]]>>();
expectType(client.scanBuffer('0')).is<Promise<[cursor: Buffer, elements: Buffer[]]>>();
expectType(client.randomkey()).is<Promise<string | null>>();
expectType(client.copy('a', 'b')).is<Promise<number>>();
expectType(client.copy('a', 'b', 'REPLACE', 'DB', 1)).is<Promise<number>>();
expectType(client.dumpBuffer('a')).is<Promise<Buffer | null>>();
expectType(client.restore('a', 0, buf)).is<Promise<'OK'>>();
expectType(client.restore('a', 0, buf, 'REPLACE', 'IDLETIME', 5)).is<Promise<'OK'>>();
expectType(client.object('ENCODING', 'a')).is<Promise<string | null>>();
expectType(client.object('refcount', 'a')).is<Promise<number | null>>();
// @ts-expect-error EXPIRE needs seconds
client.expire('a');
// @ts-expect-error MATCH needs a pattern
client.scan('0', 'MATCH');
// @ts-expect-error not an OBJECT subcommand
client.object('SIZE', 'a');

// ---- hashes -----------------------------------------------------------------------------------
interface User {
  name: string;
  age: number;
}
declare const user: User;
expectType(client.hset('h', { a: 1, b: 'x' })).is<Promise<number>>();
expectType(client.hset('h', user)).is<Promise<number>>();
expectType(client.hset('h', new Map<string, string>([['a', 'b']]))).is<Promise<number>>();
expectType(client.hset('h', 'a', 1, 'b', buf)).is<Promise<number>>();
expectType(client.hset('h', ...pairs)).is<Promise<number>>();
expectType(client.hmset('h', { a: 1 })).is<Promise<'OK'>>();
expectType(client.hmset('h', 'a', 1)).is<Promise<'OK'>>();
expectType(client.hget('h', 'a')).is<Promise<string | null>>();
expectType(client.hgetBuffer('h', 'a')).is<Promise<Buffer | null>>();
expectType(client.hmget('h', 'a', 'b')).is<Promise<(string | null)[]>>();
expectType(client.hmget('h', ['a', 'b'])).is<Promise<(string | null)[]>>();
expectType(client.hgetall('h')).is<Promise<Record<string, string>>>();
expectType(client.hgetallBuffer('h')).is<Promise<Record<string, Buffer>>>();
expectType(client.hdel('h', 'a', 'b')).is<Promise<number>>();
expectType(client.hexists('h', 'a')).is<Promise<number>>();
expectType(client.hincrby('h', 'a', 1)).is<Promise<number>>();
expectType(client.hincrbyfloat('h', 'a', 0.5)).is<Promise<string>>();
expectType(client.hkeys('h')).is<Promise<string[]>>();
expectType(client.hvals('h')).is<Promise<string[]>>();
expectType(client.hlen('h')).is<Promise<number>>();
expectType(client.hsetnx('h', 'a', 1)).is<Promise<number>>();
expectType(client.hscan('h', 0, 'MATCH', 'a*')).is<Promise<[cursor: string, elements: string[]]>>();
expectType(client.hscan('h', 0, 'NOVALUES')).is<Promise<[cursor: string, elements: string[]]>>();
expectType(client.hrandfield('h')).is<Promise<string | null>>();
expectType(client.hrandfield('h', 2)).is<Promise<string[]>>();
expectType(client.hrandfield('h', 2, 'WITHVALUES')).is<Promise<string[]>>();
expectType(client.hstrlen('h', 'a')).is<Promise<number>>();
expectType(client.httl('h', 'FIELDS', 1, 'a')).is<Promise<number[]>>();
// @ts-expect-error HGET needs a field
client.hget('h');
// @ts-expect-error HGETALL takes one key
client.hgetall('h', 'a');

// ---- lists ------------------------------------------------------------------------------------
expectType(client.lpush('l', 'a', 'b')).is<Promise<number>>();
expectType(client.rpush('l', ['a', 'b'])).is<Promise<number>>();
expectType(client.lpushx('l', 1)).is<Promise<number>>();
expectType(client.rpushx('l', 1)).is<Promise<number>>();
expectType(client.lpop('l')).is<Promise<string | null>>();
expectType(client.lpop('l', 2)).is<Promise<string[] | null>>();
expectType(client.rpop('l')).is<Promise<string | null>>();
expectType(client.rpopBuffer('l', 2)).is<Promise<Buffer[] | null>>();
expectType(client.lrange('l', 0, -1)).is<Promise<string[]>>();
expectType(client.llen('l')).is<Promise<number>>();
expectType(client.lindex('l', 0)).is<Promise<string | null>>();
expectType(client.lset('l', 0, 'x')).is<Promise<'OK'>>();
expectType(client.lrem('l', 0, 'x')).is<Promise<number>>();
expectType(client.ltrim('l', 0, 9)).is<Promise<'OK'>>();
expectType(client.linsert('l', 'BEFORE', 'p', 'x')).is<Promise<number>>();
expectType(client.lmove('a', 'b', 'LEFT', 'right')).is<Promise<string | null>>();
expectType(client.blmove('a', 'b', 'LEFT', 'RIGHT', 0)).is<Promise<string | null>>();
expectType(client.blpop('a', 'b', 0)).is<Promise<[key: string, element: string] | null>>();
expectType(client.blpop(['a', 'b'], 0)).is<Promise<[key: string, element: string] | null>>();
expectType(client.blpop(...keys, 1.5)).is<Promise<[key: string, element: string] | null>>();
expectType(client.brpop('a', 0)).is<Promise<[key: string, element: string] | null>>();
expectType(client.blpopBuffer('a', 0)).is<Promise<[key: Buffer, element: Buffer] | null>>();
expectType(client.brpoplpush('a', 'b', 0)).is<Promise<string | null>>();
expectType(client.rpoplpush('a', 'b')).is<Promise<string | null>>();
expectType(client.lpos('l', 'x')).is<Promise<number | null>>();
expectType(client.lpos('l', 'x', 'RANK', -1)).is<Promise<number | null>>();
expectType(client.lpos('l', 'x', 'COUNT', 0)).is<Promise<number[]>>();
expectType(client.lpos('l', 'x', 'MAXLEN', 10, 'COUNT', 2, 'RANK', 1)).is<Promise<number[]>>();
expectType(client.lmpop(2, 'a', 'b', 'LEFT')).is<Promise<[key: string, elements: string[]] | null>>();
expectType(client.lmpop(1, 'a', 'RIGHT', 'COUNT', 3)).is<Promise<[key: string, elements: string[]] | null>>();
expectType(client.blmpop(0, 1, 'a', 'LEFT')).is<Promise<[key: string, elements: string[]] | null>>();
// @ts-expect-error BLPOP needs keys and a timeout
client.blpop();
// @ts-expect-error LINSERT takes BEFORE or AFTER
client.linsert('l', 'UNDER', 'p', 'x');
// @ts-expect-error LMOVE takes LEFT or RIGHT
client.lmove('a', 'b', 'UP', 'LEFT');

// ---- sets -------------------------------------------------------------------------------------
expectType(client.sadd('s', 'a', 'b')).is<Promise<number>>();
expectType(client.sadd('s', ['a', 1])).is<Promise<number>>();
expectType(client.srem('s', 'a')).is<Promise<number>>();
expectType(client.smembers('s')).is<Promise<string[]>>();
expectType(client.smembersBuffer('s')).is<Promise<Buffer[]>>();
expectType(client.sismember('s', 'a')).is<Promise<number>>();
expectType(client.smismember('s', 'a', 'b')).is<Promise<number[]>>();
expectType(client.scard('s')).is<Promise<number>>();
expectType(client.spop('s')).is<Promise<string | null>>();
expectType(client.spop('s', 2)).is<Promise<string[]>>();
expectType(client.srandmember('s')).is<Promise<string | null>>();
expectType(client.srandmember('s', -2)).is<Promise<string[]>>();
expectType(client.sinter('a', 'b')).is<Promise<string[]>>();
expectType(client.sunion(['a', 'b'])).is<Promise<string[]>>();
expectType(client.sdiff('a', 'b')).is<Promise<string[]>>();
expectType(client.sinterstore('d', 'a', 'b')).is<Promise<number>>();
expectType(client.sunionstore('d', 'a', 'b')).is<Promise<number>>();
expectType(client.sdiffstore('d', 'a', 'b')).is<Promise<number>>();
expectType(client.smove('a', 'b', 'm')).is<Promise<number>>();
expectType(client.sscan('s', 0, 'COUNT', 10)).is<Promise<[cursor: string, elements: string[]]>>();
expectType(client.sintercard(2, 'a', 'b')).is<Promise<number>>();
expectType(client.sintercard(2, 'a', 'b', 'LIMIT', 5)).is<Promise<number>>();

// ---- sorted sets ------------------------------------------------------------------------------
expectType(client.zadd('z', 1, 'a')).is<Promise<number>>();
expectType(client.zadd('z', 1, 'a', '2', 'b')).is<Promise<number>>();
expectType(client.zadd('z', 'NX', 1, 'a')).is<Promise<number>>();
expectType(client.zadd('z', 'XX', 'GT', 'CH', 1, 'a')).is<Promise<number>>();
expectType(client.zadd('z', ...pairs)).is<Promise<number>>();
expectType(client.zadd('z', 'INCR', 1, 'a')).is<Promise<string | null>>();
expectType(client.zadd('z', 'NX', 'INCR', 1, 'a')).is<Promise<string | null>>();
expectType(client.zaddBuffer('z', 'INCR', 1, 'a')).is<Promise<Buffer | null>>();
expectType(client.zrem('z', 'a')).is<Promise<number>>();
expectType(client.zrange('z', 0, -1)).is<Promise<string[]>>();
expectType(client.zrange('z', 0, -1, 'WITHSCORES')).is<Promise<string[]>>();
expectType(client.zrange('z', '-inf', '+inf', 'BYSCORE', 'REV', 'LIMIT', 0, 10, 'WITHSCORES')).is<Promise<string[]>>();
expectType(client.zrange('z', '[a', '(c', 'BYLEX')).is<Promise<string[]>>();
expectType(client.zrangebyscore('z', '-inf', '+inf')).is<Promise<string[]>>();
expectType(client.zrangebyscore('z', 0, 10, 'WITHSCORES', 'LIMIT', 0, 5)).is<Promise<string[]>>();
expectType(client.zrangebyscore('z', 0, 10, 'LIMIT', 0, 5, 'WITHSCORES')).is<Promise<string[]>>();
expectType(client.zrevrangebyscore('z', 10, 0)).is<Promise<string[]>>();
expectType(client.zrevrange('z', 0, -1, 'WITHSCORES')).is<Promise<string[]>>();
expectType(client.zrank('z', 'a')).is<Promise<number | null>>();
expectType(client.zrank('z', 'a', 'WITHSCORE')).is<Promise<[rank: number, score: string] | null>>();
expectType(client.zrevrank('z', 'a')).is<Promise<number | null>>();
expectType(client.zscore('z', 'a')).is<Promise<string | null>>();
expectType(client.zmscore('z', 'a', 'b')).is<Promise<(string | null)[]>>();
expectType(client.zincrby('z', 1, 'a')).is<Promise<string>>();
expectType(client.zcard('z')).is<Promise<number>>();
expectType(client.zcount('z', '-inf', '(5')).is<Promise<number>>();
expectType(client.zpopmin('z')).is<Promise<string[]>>();
expectType(client.zpopmax('z', 2)).is<Promise<string[]>>();
expectType(client.bzpopmin('a', 'b', 0)).is<Promise<[key: string, member: string, score: string] | null>>();
expectType(client.bzpopmax(['a'], 0)).is<Promise<[key: string, member: string, score: string] | null>>();
expectType(client.zscan('z', 0)).is<Promise<[cursor: string, elements: string[]]>>();
expectType(client.zunionstore('d', 2, 'a', 'b', 'WEIGHTS', 1, 2, 'AGGREGATE', 'MAX')).is<Promise<number>>();
expectType(client.zinterstore('d', 2, 'a', 'b')).is<Promise<number>>();
expectType(client.zrangestore('d', 'z', 0, -1)).is<Promise<number>>();
expectType(client.zrangestore('d', 'z', 0, 10, 'BYSCORE', 'LIMIT', 0, 1)).is<Promise<number>>();
expectType(client.zremrangebyscore('z', 0, 10)).is<Promise<number>>();
expectType(client.zremrangebyrank('z', 0, 1)).is<Promise<number>>();
expectType(client.zmpop(1, 'z', 'MIN')).is<Promise<[key: string, members: [member: string, score: string][]] | null>>();
expectType(client.zrandmember('z')).is<Promise<string | null>>();
expectType(client.zrandmember('z', 2, 'WITHSCORES')).is<Promise<string[]>>();
// @ts-expect-error ZRANGE needs start and stop
client.zrange('z', 0);
// @ts-expect-error LIMIT needs offset and count
client.zrange('z', 0, 10, 'BYSCORE', 'LIMIT', 0);
// @ts-expect-error ZSCORE needs a member
client.zscore('z');

// ---- streams ----------------------------------------------------------------------------------
type Entries = [id: string, fields: string[]][];
expectType(client.xadd('s', '*', 'f', 'v')).is<Promise<string | null>>();
expectType(client.xadd('s', 'MAXLEN', '~', 1000, '*', ...pairs)).is<Promise<string | null>>();
expectType(client.xrange('s', '-', '+')).is<Promise<Entries>>();
expectType(client.xrange('s', '-', '+', 'COUNT', 10)).is<Promise<Entries>>();
expectType(client.xrevrange('s', '+', '-', 'COUNT', 10)).is<Promise<Entries>>();
expectType(client.xread('STREAMS', 's', '0')).is<Promise<[key: string, entries: Entries][] | null>>();
expectType(client.xread('COUNT', 10, 'BLOCK', 0, 'STREAMS', 's', 't', '$', '$')).is<
  Promise<[key: string, entries: Entries][] | null>
>();
expectType(client.xread('BLOCK', 5, 'STREAMS', ...keys)).is<Promise<[key: string, entries: Entries][] | null>>();
expectType(client.xreadBuffer('STREAMS', 's', '0')).is<
  Promise<[key: Buffer, entries: [id: Buffer, fields: Buffer[]][]][] | null>
>();
expectType(client.xreadgroup('GROUP', 'g', 'c', 'COUNT', 1, 'NOACK', 'STREAMS', 's', '>')).is<
  Promise<[key: string, entries: [id: string, fields: string[] | null][]][] | null>
>();
expectType(client.xgroup('CREATE', 's', 'g', '$', 'MKSTREAM')).is<Promise<'OK'>>();
expectType(client.xgroup('DESTROY', 's', 'g')).is<Promise<number>>();
expectType(client.xgroup('CREATECONSUMER', 's', 'g', 'c')).is<Promise<number>>();
expectType(client.xack('s', 'g', '1-0', '2-0')).is<Promise<number>>();
expectType(client.xlen('s')).is<Promise<number>>();
expectType(client.xdel('s', '1-0')).is<Promise<number>>();
expectType(client.xtrim('s', 'MAXLEN', 100)).is<Promise<number>>();
expectType(client.xtrim('s', 'MINID', '~', '1-0', 'LIMIT', 10)).is<Promise<number>>();
expectType(client.xpending('s', 'g')).is<
  Promise<[count: number, minId: string | null, maxId: string | null, consumers: [name: string, count: string][] | null]>
>();
expectType(client.xpending('s', 'g', '-', '+', 10)).is<
  Promise<[id: string, consumer: string, idleMilliseconds: number, deliveries: number][]>
>();
expectType(client.xpending('s', 'g', 'IDLE', 1000, '-', '+', 10, 'c')).is<
  Promise<[id: string, consumer: string, idleMilliseconds: number, deliveries: number][]>
>();
expectType(client.xclaim('s', 'g', 'c', 1000, '1-0')).is<Promise<Entries>>();
expectType(client.xclaim('s', 'g', 'c', 1000, '1-0', '2-0', 'JUSTID')).is<Promise<string[]>>();
expectType(client.xautoclaim('s', 'g', 'c', 1000, '0-0', 'COUNT', 10)).is<
  Promise<[nextStart: string, entries: Entries, deletedIds: string[]]>
>();
expectType(client.xautoclaim('s', 'g', 'c', 1000, '0-0', 'JUSTID')).is<
  Promise<[nextStart: string, ids: string[], deletedIds: string[]]>
>();
expectType(client.xinfo('STREAM', 's')).is<Promise<unknown[]>>();
expectType(client.xinfo('GROUPS', 's')).is<Promise<unknown[][]>>();
// @ts-expect-error XREAD needs STREAMS
client.xread('COUNT', 1, 's', '0');
// @ts-expect-error XTRIM needs a strategy
client.xtrim('s', 100);

// ---- scripting --------------------------------------------------------------------------------
expectType(client.eval('return 1', 0)).is<Promise<unknown>>();
expectType(client.eval('return KEYS[1]', 1, 'k', 'arg')).is<Promise<unknown>>();
expectType(client.evalsha('abc', 1, ['k', 'a'])).is<Promise<unknown>>();
expectType(client.evalsha_ro('abc', 0)).is<Promise<unknown>>();
expectType(client.eval_ro('return 1', 0)).is<Promise<unknown>>();
expectType(client.fcall('fn', 1, 'k')).is<Promise<unknown>>();
expectType(client.script('LOAD', 'return 1')).is<Promise<string>>();
expectType(client.script('EXISTS', 'a', 'b')).is<Promise<number[]>>();
expectType(client.script('FLUSH')).is<Promise<'OK'>>();
expectType(client.script('flush', 'ASYNC')).is<Promise<'OK'>>();
expectType(client.function('LOAD', 'REPLACE', '#!lua name=lib')).is<Promise<string>>();
expectType(client.function('LIST', 'WITHCODE')).is<Promise<unknown[]>>();
expectType(client.function('DELETE', 'lib')).is<Promise<'OK'>>();
// @ts-expect-error EVAL needs numkeys
client.eval('return 1');
// @ts-expect-error not a SCRIPT subcommand
client.script('RUN', 'x');

// Spreads of computed arrays, as real code builds its arguments.
declare const fieldsObject: Record<string, string>;
expectType(client.xadd('s', '*', ...Object.entries(fieldsObject).flat())).is<Promise<string | null>>();
expectType(client.eval('return 1', keys.length, ...keys, ...pairs)).is<Promise<unknown>>();
expectType(client.expire('a', 10, (_err, set) => expectType(set).is<number | undefined>())).is<Promise<number>>();

// ---- pub/sub ----------------------------------------------------------------------------------
expectType(client.publish('ch', 'msg')).is<Promise<number>>();
expectType(client.spublish('ch', buf)).is<Promise<number>>();
expectType(client.subscribe('a', 'b')).is<Promise<number>>();
expectType(client.unsubscribe()).is<Promise<number>>();
expectType(client.psubscribe('a*')).is<Promise<number>>();
expectType(client.punsubscribe('a*')).is<Promise<number>>();
expectType(client.ssubscribe('a')).is<Promise<number>>();
expectType(client.sunsubscribe('a')).is<Promise<number>>();
expectType(client.pubsub('CHANNELS')).is<Promise<string[]>>();
expectType(client.pubsub('NUMSUB', 'a', 'b')).is<Promise<(string | number)[]>>();
expectType(client.pubsub('NUMPAT')).is<Promise<number>>();

// ---- server and connection --------------------------------------------------------------------
expectType(client.ping()).is<Promise<'PONG'>>();
expectType(client.ping('hi')).is<Promise<string>>();
expectType(client.pingBuffer()).is<Promise<Buffer>>();
expectType(client.echo('hi')).is<Promise<string>>();
expectType(client.info()).is<Promise<string>>();
expectType(client.info('server', 'clients')).is<Promise<string>>();
expectType(client.dbsize()).is<Promise<number>>();
expectType(client.flushdb()).is<Promise<'OK'>>();
expectType(client.flushall('ASYNC')).is<Promise<'OK'>>();
expectType(client.select(1)).is<Promise<'OK'>>();
expectType(client.client('SETNAME', 'worker-1')).is<Promise<'OK'>>();
expectType(client.client('GETNAME')).is<Promise<string | null>>();
expectType(client.client('ID')).is<Promise<number>>();
expectType(client.client('LIST')).is<Promise<string>>();
expectType(client.client('LIST', 'TYPE', 'normal')).is<Promise<string>>();
expectType(client.client('KILL', '127.0.0.1:5000')).is<Promise<'OK'>>();
expectType(client.client('KILL', 'ID', 12)).is<Promise<number>>();
expectType(client.client('INFO')).is<Promise<string>>();
expectType(client.client('setname', 'x')).is<Promise<'OK'>>();
expectType(client.config('GET', 'maxmemory')).is<Promise<string[]>>();
expectType(client.config('SET', 'maxmemory', '100mb')).is<Promise<'OK'>>();
expectType(client.time()).is<Promise<[unixTimeSeconds: string, microseconds: string]>>();
expectType(client.auth('secret')).is<Promise<'OK'>>();
expectType(client.auth('user', 'secret')).is<Promise<'OK'>>();
expectType(client.quit()).is<Promise<'OK'>>();
expectType(client.watch('a', 'b')).is<Promise<'OK'>>();
expectType(client.unwatch()).is<Promise<'OK'>>();
expectType(client.discard()).is<Promise<'OK'>>();
expectType(client.wait(1, 100)).is<Promise<number>>();
expectType(client.lastsave()).is<Promise<number>>();
expectType(client.memory('USAGE', 'k')).is<Promise<number | null>>();
expectType(client.memory('USAGE', 'k', 'SAMPLES', 5)).is<Promise<number | null>>();
expectType(client.slowlog('GET', 10)).is<
  Promise<[id: number, timestamp: number, durationMicros: number, args: string[], clientAddress: string, clientName: string][]>
>();
expectType(client.slowlog('LEN')).is<Promise<number>>();
expectType(client.command()).is<Promise<unknown[]>>();
expectType(client.command('COUNT')).is<Promise<number>>();
expectType(client.command('GETKEYS', 'SET', 'k', 'v')).is<Promise<string[]>>();
expectType(client.debug('SLEEP', 0)).is<Promise<'OK'>>();
expectType(client.debug('JMAP')).is<Promise<unknown>>();
expectType(client.object('FREQ', 'k')).is<Promise<number | null>>();
expectType(client.exec()).is<Promise<[error: Error | null, result: unknown][] | null>>();
expectType(client.multi()).is<ChainableCommander>();
expectType(client.multi({ pipeline: false })).is<Promise<'OK'>>();
expectType(client.multi([['get', 'a']])).is<ChainableCommander>();
expectType(client.monitor()).is<Promise<unknown>>();
// @ts-expect-error missing the connection name
client.client('SETNAME');
// @ts-expect-error not a CLIENT subcommand
client.client('NOPE');
// @ts-expect-error CONFIG needs a subcommand
client.config();
// @ts-expect-error PING takes at most one message
client.ping('a', 'b');
// @ts-expect-error SELECT needs a database
client.select();

// ---- commands without curated signatures: loose arguments, unknown replies ---------------------
expectType(client.acl('WHOAMI')).is<Promise<unknown>>();
expectType(client.acl('setuser', 'alice', 'on', ['+get'])).is<Promise<unknown>>();
expectType(client.cluster('INFO')).is<Promise<unknown>>();
expectType(client.pfselftest()).is<Promise<unknown>>();
expectType(client.lcs('a', 'b', 'LEN')).is<Promise<unknown>>();
expectType(client['restore-asking']('k', 0, buf)).is<Promise<unknown>>();
expectType(client['restore-askingBuffer']('k', 0, buf)).is<Promise<unknown>>();
expectType(client.call('GET', 'a')).is<Promise<unknown>>();
expectType(client.callBuffer('GET', 'a', (err, value) => void [err, value])).is<Promise<unknown>>();
// @ts-expect-error not an ACL subcommand
client.acl('NOPE');
// @ts-expect-error objects are not arguments
client.lcs('a', {});

// ---- callbacks --------------------------------------------------------------------------------
client.get('a', (err, value) => {
  expectType(err).is<Error | null | undefined>();
  expectType(value).is<string | null | undefined>();
});
client.getBuffer('a', (_err, value) => expectType(value).is<Buffer | null | undefined>());
client.del('a', 'b', (_err, count) => expectType(count).is<number | undefined>());
client.del(...keys, (_err, count) => expectType(count).is<number | undefined>());
client.hgetall('h', (_err, hash) => expectType(hash).is<Record<string, string> | undefined>());
client.set('a', 'b', 'EX', 10, 'NX', (_err, reply) => expectType(reply).is<'OK' | null | undefined>());
client.blpop('a', 0, (_err, popped) => expectType(popped).is<[key: string, element: string] | null | undefined>());
client.zrange('z', 0, -1, 'WITHSCORES', (_err, flat) => expectType(flat).is<string[] | undefined>());
client.exec((_err, results) => expectType(results).is<[error: Error | null, result: unknown][] | null | undefined>());
client.acl('WHOAMI', (_err, reply) => expectType(reply).is<unknown>());
expectType(client.incr('a', () => undefined)).is<Promise<number>>();
const typedCallback: Callback<number> = () => undefined;
client.incr('a', typedCallback);
// @ts-expect-error INCR replies with a number, not a string
client.incr('a', (_err: Error | null | undefined, value: string | undefined) => void value);

// ---- pipelines --------------------------------------------------------------------------------
expectType(pipe.get('a')).is<ChainableCommander>();
expectType(pipe.get('a').set('b', 'c')).is<ChainableCommander>();
expectType(pipe.set('a', 'b', 'EX', 1).incr('n').hgetall('h').getBuffer('x')).is<ChainableCommander>();
expectType(pipe.acl('WHOAMI').del('a', 'b')).is<ChainableCommander>();
expectType(pipe.get('a', (_err, value) => expectType(value).is<string | null | undefined>())).is<ChainableCommander>();
expectType(pipe.multi().incr('a')).is<ChainableCommander>();
expectType(pipe.get('a').exec()).is<Promise<[error: Error | null, result: unknown][] | null>>();
expectType(client.multi().set('a', 'b').get('a').exec()).is<Promise<[error: Error | null, result: unknown][] | null>>();
// @ts-expect-error a queued command is not a Promise
void pipe.get('a').then;
// @ts-expect-error wrong arguments fail in a pipeline too
pipe.get({});

// ---- how a client class picks the typings up ---------------------------------------------------
// Declaration merging: the class's own members win over RedisCommander's, and they must stay
// assignable to them (tsc checks the `extends`), so the client can narrow monitor() and multi().
interface FakeRedis extends RedisCommander {}
declare class FakeRedis {
  monitor(): Promise<FakeRedis>;
  pipeline(commands?: unknown[][]): ChainableCommander;
  multi(options: { pipeline: false }): Promise<'OK'>;
  multi(options?: { pipeline: true }): ChainableCommander;
  multi(commands: unknown[][]): ChainableCommander;
}
declare const fake: FakeRedis;
expectType(fake.get('a')).is<Promise<string | null>>();
expectType(fake.monitor()).is<Promise<FakeRedis>>();
expectType(fake.pipeline().get('a')).is<ChainableCommander>();
const asCommander: RedisCommander = fake;
void asCommander;

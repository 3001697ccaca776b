/**
 * Command methods, ours against ioredis 6: argument and reply transformers, Buffer twins with
 * binary data, keyPrefix on every kind of key position, callbacks, and error replies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RedisOptions } from 'ioredis';
import { stopAll } from '../fixtures/redisServer';
import { expectSame, loose, runBoth, settle, startServers, valueOf, type Scenario, type Servers } from './oracle';

let servers: Servers;
beforeAll(async () => {
  servers = await startServers();
});
afterAll(() => stopAll());

const binary = Buffer.from([0x00, 0xff, 0xfe, 0x0d, 0x0a, 0x80, 0x7f]);
const utf8 = 'héllo wörld ✓ 日本';

type Row = [name: string, scenario: Scenario, options?: RedisOptions];

const transformerRows: Row[] = [
  ['hgetall returns an object', async (r) => {
    await r.hset('h', 'a', '1', 'b', '2');
    return r.hgetall('h');
  }],
  ['hgetall of a missing key is {}', (r) => r.hgetall('missing')],
  ['hgetall keeps __proto__ and constructor as own keys', async (r) => {
    await r.hset('h', '__proto__', 'x', 'constructor', 'y', 'toString', 'z');
    const result = await r.hgetall('h');
    return [Object.keys(result).sort(), Object.getPrototypeOf(result) === Object.prototype, result.toString];
  }],
  ['hgetallBuffer values are Buffers', async (r) => {
    await r.hset('h', 'f', binary);
    return r.hgetallBuffer('h');
  }],
  ['mset with an object', async (r) => [await r.mset({ a: '1', b: 2 }), await r.mget('a', 'b')]],
  ['mset with a Map', async (r) => [await r.mset(new Map<string, string | number>([['a', '1'], ['b', 2]])), await r.mget('a', 'b')]],
  ['msetnx with an object', async (r) => [await r.msetnx({ a: '1' }), await r.msetnx({ a: '2', c: '3' }), await r.mget('a', 'c')]],
  ['hset with an object', async (r) => [await r.hset('h', { a: 1, b: 'two' }), await r.hgetall('h')]],
  ['hset with a Map', async (r) => [await r.hset('h', new Map([['a', '1']])), await r.hget('h', 'a')]],
  ['hmset with an object', async (r) => [await r.hmset('h', { a: 1 }), await r.hgetall('h')]],
  ['hmset with a Map', async (r) => [await r.hmset('h', new Map([['x', 'y']])), await r.hgetall('h')]],
  ['hset with field-value pairs', async (r) => [await r.hset('h', 'a', 1, 'b', 2), await r.hlen('h')]],
  ['one level of nested arrays is flattened', async (r) => [await loose(r).rpush('l', ['a', 'b'], 'c', ['d']), await r.lrange('l', 0, -1)]],
  ['numbers, floats and negatives as arguments', async (r) => [await r.set('n', 1.5), await r.incrbyfloat('n', -0.25), await r.zadd('z', -1e3, 'neg', 1e-3, 'tiny'), await loose(r).zrange('z', 0, -1, 'WITHSCORES')]],
  ['null argument is sent as an empty string', async (r) => [await r.set('k', null as unknown as string), await r.strlen('k')]],
  ['zrange WITHSCORES is flat', async (r) => {
    await r.zadd('z', 1, 'a', 2, 'b');
    return [await loose(r).zrange('z', 0, -1, 'WITHSCORES'), await r.zrevrangebyscore('z', '+inf', '-inf', 'WITHSCORES')];
  }],
  ['zpopmin and zrandmember with scores', async (r) => {
    await r.zadd('z', 1, 'a', 2, 'b');
    return [await r.zpopmin('z'), await r.zrandmember('z', 1, 'WITHSCORES')];
  }],
  ['hrandfield with values', async (r) => {
    await r.hset('h', 'only', 'value');
    return r.hrandfield('h', 1, 'WITHVALUES');
  }],
  ['xrange and xread shapes', async (r) => {
    await r.xadd('s', '1-1', 'a', '1');
    await r.xadd('s', '2-1', 'b', '2');
    return [await r.xrange('s', '-', '+'), await r.xread('COUNT', 10, 'STREAMS', 's', '0')];
  }],
  ['xinfo stream and groups', async (r) => {
    await r.xadd('s', '1-1', 'a', '1');
    await r.xgroup('CREATE', 's', 'g', '0');
    return [await r.xlen('s'), await r.xinfo('GROUPS', 's')];
  }],
  ['scan reply shape', async (r) => {
    await r.set('only', 1);
    return r.scan(0);
  }],
  ['hscan and zscan reply shapes', async (r) => {
    await r.hset('h', 'f', 'v');
    await r.zadd('z', 3, 'm');
    return [await r.hscan('h', 0), await r.zscan('z', 0)];
  }],
  ['info returns a string', async (r) => typeof (await r.info('server'))],
  ['config get pairs', (r) => r.config('GET', 'maxmemory-policy')],
  ['time, dbsize, echo, ping with message', async (r) => [(await r.time()).length, await r.dbsize(), await r.echo('x'), await r.ping('msg')]],
  ['type, exists with several keys, touch', async (r) => {
    await r.set('a', 1);
    return [await r.type('a'), await r.exists('a', 'a', 'b'), await r.touch('a', 'b')];
  }],
  ['getset, getdel, getex, setrange, getrange', async (r) => {
    await r.set('k', 'hello');
    return [await r.getset('k', 'world'), await r.setrange('k', 0, 'W'), await r.getrange('k', 0, 2), await r.getex('k', 'EX', 100), await r.getdel('k'), await r.get('k')];
  }],
  ['set with options', async (r) => [await r.set('k', 'v', 'EX', 100, 'NX'), await r.set('k', 'v2', 'XX', 'GET'), await r.set('k', 'v3', 'NX'), await r.ttl('k')]],
  ['list commands', async (r) => [await r.lpush('l', 'a', 'b'), await r.linsert('l', 'BEFORE', 'a', 'x'), await r.lpos('l', 'a'), await r.lmove('l', 'l2', 'LEFT', 'RIGHT'), await r.lrange('l', 0, -1), await r.lrange('l2', 0, -1)]],
  ['set commands', async (r) => {
    await r.sadd('s1', 'a', 'b', 'c');
    await r.sadd('s2', 'b', 'c', 'd');
    return [(await r.sinter('s1', 's2')).sort(), (await r.sunion('s1', 's2')).sort(), (await r.sdiff('s1', 's2')).sort(), await r.smismember('s1', 'a', 'z')];
  }],
  ['sorted set commands', async (r) => {
    await r.zadd('z', 1, 'a', 2, 'b', 3, 'c');
    return [await r.zrank('z', 'b'), await r.zcount('z', 2, '+inf'), await r.zrangebyscore('z', '(1', 3), await r.zmscore('z', 'a', 'nope'), await r.zremrangebyrank('z', 0, 0)];
  }],
  ['bit and hyperloglog commands', async (r) => [await r.setbit('b', 7, 1), await r.getbit('b', 7), await r.bitcount('b'), await r.pfadd('hll', 'a', 'b', 'c'), await r.pfcount('hll')]],
  ['geo commands', async (r) => [await r.geoadd('g', 13.361389, 38.115556, 'Palermo', 15.087269, 37.502669, 'Catania'), await loose(r).geodist('g', 'Palermo', 'Catania', 'km'), await loose(r).geopos('g', 'Palermo', 'nowhere')]],
  ['object and memory', async (r) => {
    await r.set('k', 'v');
    return [await r.object('ENCODING', 'k'), typeof (await r.memory('USAGE', 'k'))];
  }],
  ['sort with by and get', async (r) => {
    await r.rpush('ids', 3, 1, 2);
    await r.mset('w_1', 30, 'w_2', 20, 'w_3', 10, 'n_1', 'one', 'n_2', 'two', 'n_3', 'three');
    return r.sort('ids', 'BY', 'w_*', 'GET', 'n_*');
  }],
  ['function-style: lcs', async (r) => {
    await r.mset('a', 'ohmytext', 'b', 'mynewtext');
    return r.lcs('a', 'b');
  }],
];

const bufferRows: Row[] = [
  ['binary value round-trip', async (r) => [await r.set('k', binary), await r.getBuffer('k'), await r.strlen('k')]],
  ['binary value read as a string', async (r) => {
    await r.set('k', binary);
    return r.get('k');
  }],
  ['UTF-8 value as string and Buffer', async (r) => [await r.set('k', utf8), await r.get('k'), await r.getBuffer('k')]],
  ['binary keys', async (r) => [await r.set(binary, 'v'), await r.get(binary), await r.exists(binary), await r.keysBuffer('*')]],
  ['mgetBuffer with a missing key', async (r) => {
    await r.set('a', binary);
    return r.mgetBuffer('a', 'missing');
  }],
  ['lrangeBuffer', async (r) => {
    await r.rpush('l', binary, 'text');
    return r.lrangeBuffer('l', 0, -1);
  }],
  ['smembersBuffer', async (r) => {
    await r.sadd('s', binary);
    return r.smembersBuffer('s');
  }],
  ['hgetBuffer and hmgetBuffer', async (r) => {
    await r.hset('h', 'f', binary);
    return [await r.hgetBuffer('h', 'f'), await r.hmgetBuffer('h', 'f', 'nope')];
  }],
  ['integer replies stay numbers in Buffer twins', async (r) => [await loose(r).incrBuffer('n'), await loose(r).strlenBuffer('n')]],
  ['status replies in Buffer twins', async (r) => [await loose(r).setBuffer('k', 'v'), await loose(r).pingBuffer()]],
  ['callBuffer', async (r) => {
    await r.set('k', binary);
    return r.callBuffer('GET', 'k');
  }],
  ['large binary value (256 KiB)', async (r) => {
    const big = Buffer.alloc(256 * 1024);
    for (let i = 0; i < big.length; i++) big[i] = i % 256;
    await r.set('big', big);
    const back = await r.getBuffer('big');
    return back !== null && back.equals(big);
  }],
  ['a value with every byte', async (r) => {
    const every = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    await r.set('every', every);
    return r.getBuffer('every');
  }],
  ['zrangeBuffer WITHSCORES', async (r) => {
    await r.zadd('z', 2, binary);
    return loose(r).zrangeBuffer('z', 0, -1, 'WITHSCORES');
  }],
  ['xrangeBuffer', async (r) => {
    await r.xadd('s', '1-1', 'f', binary);
    return r.xrangeBuffer('s', '-', '+');
  }],
];

const prefixRows: Row[] = [
  ['single key commands', async (r, env) => {
    await r.set('a', 1);
    await r.incr('a');
    await r.lpush('list', 'x');
    return [await r.get('a'), (await env.another({ keyPrefix: '' }).keys('*')).sort()];
  }, { keyPrefix: 'app:' }],
  ['multi-key commands: mset, mget, del, exists', async (r, env) => {
    await r.mset('a', 1, 'b', 2);
    return [await r.mget('a', 'b', 'c'), await r.exists('a', 'b'), await r.del('a'), (await env.another({ keyPrefix: '' }).keys('*')).sort()];
  }, { keyPrefix: 'app:' }],
  ['two-key commands: rename, lmove, smove, copy', async (r, env) => {
    await r.set('a', 1);
    await r.rename('a', 'b');
    await r.rpush('l1', 'x');
    await r.lmove('l1', 'l2', 'LEFT', 'LEFT');
    await r.sadd('s1', 'm');
    await r.smove('s1', 's2', 'm');
    await r.copy('b', 'c');
    return (await env.another({ keyPrefix: '' }).keys('*')).sort();
  }, { keyPrefix: 'p:' }],
  ['store commands: sunionstore, zunionstore', async (r, env) => {
    await r.sadd('s1', 'a');
    await r.sadd('s2', 'b');
    await r.sunionstore('dest', 's1', 's2');
    await r.zadd('z1', 1, 'a');
    await r.zunionstore('zdest', 1, 'z1');
    return [(await r.smembers('dest')).sort(), (await env.another({ keyPrefix: '' }).keys('*')).sort()];
  }, { keyPrefix: 'p:' }],
  ['hash, stream and geo commands', async (r, env) => {
    await r.hset('h', 'f', 'v');
    await r.xadd('s', '*', 'f', 'v');
    await r.geoadd('g', 0, 0, 'm');
    return (await env.another({ keyPrefix: '' }).keys('*')).sort();
  }, { keyPrefix: 'p:' }],
  ['xread with STREAMS keys', async (r) => {
    await r.xadd('s1', '1-1', 'a', '1');
    await r.xadd('s2', '1-1', 'b', '2');
    return r.xread('STREAMS', 's1', 's2', '0', '0');
  }, { keyPrefix: 'p:' }],
  ['keys and scan results carry the prefix, patterns do not get it', async (r) => {
    await r.set('a', 1);
    return [await r.keys('*'), await r.keys('p:*'), await r.scan(0, 'MATCH', '*')];
  }, { keyPrefix: 'p:' }],
  ['Buffer keys get the prefix', async (r, env) => {
    await r.set(binary, 'v');
    return [await r.get(binary), await env.another({ keyPrefix: '' }).keysBuffer('*')];
  }, { keyPrefix: 'p:' }],
  ['call() applies the prefix too', async (r, env) => {
    await r.call('set', 'a', 1);
    return [await r.call('get', 'a'), await env.another({ keyPrefix: '' }).keys('*')];
  }, { keyPrefix: 'p:' }],
  ['sort BY/GET patterns are not prefixed, the key is', async (r) => {
    await r.rpush('ids', 2, 1);
    return r.sort('ids');
  }, { keyPrefix: 'p:' }],
  ['a blocking pop on prefixed keys', async (r) => {
    await r.rpush('q', 'job');
    return r.blpop('q', 'other', 1);
  }, { keyPrefix: 'p:' }],
  ['object encoding, ttl and expire on a prefixed key', async (r) => {
    await r.set('k', 'v');
    await r.expire('k', 100);
    return [await r.ttl('k'), await r.object('ENCODING', 'k')];
  }, { keyPrefix: 'p:' }],
  ['eval with keys', (r) => r.eval('return {KEYS[1], KEYS[2], ARGV[1]}', 2, 'k1', 'k2', 'arg'), { keyPrefix: 'p:' }],
];

const callbackAndErrorRows: Row[] = [
  ['callback receives the result', (r, env) => new Promise((resolve) => {
    void r.set('k', 'v', (err, res) => {
      env.record(err, res);
      void r.get('k', (err2, res2) => {
        env.record(err2, res2);
        resolve(env.recorded);
      });
    });
  })],
  ['callback receives the error reply', (r, env) => new Promise((resolve) => {
    void r.set('k', 'v').then(() => r.incr('k', (err, res) => {
      env.record(err, res);
      resolve(env.recorded);
    })).catch(() => undefined);
  })],
  ['callback and promise give the same result', async (r) => {
    let fromCallback: unknown;
    const fromPromise = await r.incr('n', (_err, res) => {
      fromCallback = res;
    });
    await new Promise((resolve) => setImmediate(resolve));
    return [fromPromise, fromCallback];
  }],
  ['WRONGTYPE error', async (r) => {
    await r.set('k', 'v');
    return settle(r.lpush('k', 'x'));
  }],
  ['wrong number of arguments', (r) => settle(r.call('get'))],
  ['unknown command', (r) => settle(r.call('nosuchcommand', 'x'))],
  ['syntax error', (r) => settle(loose(r).set('k', 'v', 'NOPE'))],
  ['error reply to a Buffer twin is still an error', async (r) => {
    await r.set('k', 'v');
    return settle(loose(r).incrBuffer('k'));
  }],
  ['a Lua runtime error', (r) => settle(r.eval("return redis.call('INCR', 'x', 'y')", 0))],
  ['call() with an array', async (r) => [await r.call('set', ['k', 'v']), await r.call('get', 'k')]],
  ['call() with an upper-case name', async (r) => [await r.call('SET', 'k', 'v'), await r.call('GET', 'k')]],
  ['stringNumbers returns integers as strings', async (r) => [await r.incr('n'), await r.incrby('n', 9007199254740993)], { stringNumbers: true }],
];

describe('transformers and reply shapes (differential)', () => {
  it.each(transformerRows)('%s', async (_name, scenario, options) => {
    await expectSame(servers, scenario, options);
  });
});

describe('Buffer twins and binary data (differential)', () => {
  it.each(bufferRows)('%s', async (_name, scenario, options) => {
    await expectSame(servers, scenario, options);
  });
});

describe('keyPrefix (differential)', () => {
  it.each(prefixRows)('%s', async (_name, scenario, options) => {
    await expectSame(servers, scenario, options);
  });
});

describe('callbacks and error replies (differential)', () => {
  it.each(callbackAndErrorRows)('%s', async (_name, scenario, options) => {
    await expectSame(servers, scenario, options);
  });
});

describe('documented differences', () => {
  it('arrays nested two levels deep: ours flattens them, ioredis sends the inner array as "b,c"', async () => {
    const { ours, theirs } = await runBoth(servers, async (r) => [await loose(r).rpush('l', ['a', ['b', 'c']], 'd'), await r.lrange('l', 0, -1)]);
    expect(valueOf(theirs)).toEqual([3, ['a', 'b,c', 'd']]);
    expect(valueOf(ours)).toEqual([4, ['a', 'b', 'c', 'd']]);
  });

  it('an object argument: ours rejects with a TypeError and writes nothing, ioredis sends "[object Object]"', async () => {
    const { ours, theirs } = await runBoth(servers, async (r) => {
      const sent = await settle(r.set('k', { an: 'object' } as unknown as string));
      return [sent, await r.exists('k')];
    });
    expect(valueOf(theirs)).toEqual([{ ok: 'OK' }, 1]);
    expect(valueOf(ours)).toEqual([
      { err: { error: 'TypeError', message: 'Invalid argument 2 of SET: an object cannot be sent to Redis (use a string, number, Buffer or array of them)' } },
      0,
    ]);
  });

  it('undefined as an argument: ours rejects it, ioredis sends an empty string', async () => {
    const { ours, theirs } = await runBoth(servers, async (r) => {
      const sent = await settle(r.set('k', undefined as unknown as string));
      return [sent, await r.exists('k')];
    });
    expect(valueOf(theirs)).toEqual([{ ok: 'OK' }, 1]);
    expect(valueOf(ours)).toMatchObject([{ err: { error: 'TypeError' } }, 0]);
  });
});

/**
 * Pipelines, MULTI/EXEC and auto-pipelining, ours against ioredis 6: every row runs the same calls
 * through both clients (each on its own fresh server) and compares results, errors and callback
 * arguments.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopAll } from '../fixtures/redisServer';
import { expectSame, loose, runBoth, settle, startServers, valueOf, type Scenario, type Servers } from './oracle';
import type { RedisOptions } from 'ioredis';

let servers: Servers;
beforeAll(async () => {
  servers = await startServers();
});
afterAll(() => stopAll());

const binary = Buffer.from([0x00, 0xff, 0x0d, 0x0a, 0x80, 0x41]);

type Row = [name: string, scenario: Scenario, options?: RedisOptions];

const pipelineRows: Row[] = [
  ['empty pipeline', (r) => r.pipeline().exec()],
  ['set, get, incr', (r) => r.pipeline().set('a', '1').get('a').incr('a').incrby('a', 10).exec()],
  ['an error reply in the middle keeps the rest', (r) => r.pipeline().set('s', 'text').incr('s').get('s').exec()],
  ['wrong number of arguments inside', (r) => loose(r.pipeline()).set('x').get('x').ping().exec()],
  ['unknown command through call', (r) => r.pipeline().call('nosuchcommand', 'a').ping().exec()],
  ['call and callBuffer', (r) => r.pipeline().call('set', 'c', 'v').callBuffer('get', 'c').call('GET', 'c').exec()],
  ['hgetall object in a pipeline', (r) => r.pipeline().hset('h', { f1: 'v1', f2: 2 }).hgetall('h').hgetall('missing').exec()],
  ['mset with an object and a Map', (r) => r.pipeline().mset({ k1: 'a', k2: 'b' }).mset(new Map([['k3', 'c']])).mget('k1', 'k2', 'k3').exec()],
  ['hset with a Map, hmset with an object', (r) => r.pipeline().hset('h', new Map([['a', '1']])).hmset('h', { b: '2' }).hgetall('h').exec()],
  ['Buffer twins with binary values', (r) => r.pipeline().set('bin', binary).getBuffer('bin').get('bin').strlen('bin').exec()],
  ['Buffer keys', (r) => r.pipeline().set(binary, 'v').getBuffer(binary).exists(binary).exec()],
  ['nested array replies', (r) => loose(r.pipeline().rpush('l', 'a', 'b', 'c').lrange('l', 0, -1).zadd('z', 1, 'm1', 2, 'm2')).zrange('z', 0, -1, 'WITHSCORES').exec()],
  ['zrangeBuffer withscores', (r) => loose(r.pipeline().zadd('z', 1.5, binary)).zrangeBuffer('z', 0, -1, 'WITHSCORES').exec()],
  ['pipeline(commands) from an array', (r) => r.pipeline([['set', 'a', 'x'], ['get', 'a'], ['incr', 'n'], ['hgetall', 'none']]).exec()],
  ['pipeline(commands) then more chained', (r) => r.pipeline([['set', 'a', 'x']]).get('a').exec()],
  ['length counts queued commands', (r) => {
    const p = r.pipeline().set('a', 1).get('a');
    const before = p.length;
    p.del('a');
    return [before, p.length];
  }],
  ['length of a pipeline built from an array', (r) => r.pipeline([['set', 'a', 1], ['get', 'a']]).length],
  ['per-command callbacks run before exec resolves', async (r, env) => {
    const results = await r.pipeline()
      .set('a', 'v', (err, res) => env.record('set', err, res))
      .get('a', (err, res) => env.record('get', err, res))
      .incr('a', (err, res) => env.record('incr', err, res))
      .exec();
    env.record('exec', results);
    return env.recorded.length;
  }],
  ['exec callback', (r, env) => new Promise((resolve) => {
    void r.pipeline().set('a', 1).get('a').exec((err, res) => {
      env.record(err, res);
      resolve(env.recorded);
    });
  })],
  ['exec callback of an empty pipeline', (r, env) => new Promise((resolve) => {
    void r.pipeline().exec((err, res) => {
      env.record(err, res);
      resolve(env.recorded);
    });
  })],
  ['a thousand commands', async (r) => {
    const p = r.pipeline();
    for (let i = 0; i < 1000; i++) p.incr('counter');
    const results = await p.exec();
    return [results?.length, results?.[999], await r.get('counter')];
  }],
  ['large values (1 MiB) round-trip', async (r) => {
    const big = 'x'.repeat(1 << 20);
    const results = await r.pipeline().set('big', big).strlen('big').get('big').exec();
    return [results?.[0], results?.[1], (results?.[2]?.[1] as string).length];
  }],
  ['list, set, hash, zset and stream commands', (r) => r.pipeline()
    .sadd('s', 'a', 'b').scard('s').sismember('s', 'a')
    .hincrby('h', 'f', 3).hget('h', 'f')
    .zincrby('z', 2, 'm').zscore('z', 'm')
    .xadd('st', '1-1', 'f', 'v').xlen('st').xrange('st', '-', '+')
    .exec()],
  ['expire, ttl, type, del', (r) => r.pipeline().set('a', 1).expire('a', 100).ttl('a').type('a').del('a').exists('a').exec()],
  ['many keys in one command', (r) => r.pipeline().mset('a', 1, 'b', 2, 'c', 3).del('a', 'b', 'nope').mget('a', 'b', 'c').exec()],
  ['the pipeline of a lazyConnect client connects it', (r) => r.pipeline().set('lazy', 1).get('lazy').exec(), { lazyConnect: true }],
  ['issued right after construction (offline queue)', (r) => r.pipeline().ping().echo('hi').exec()],
  ['with stringNumbers', (r) => r.pipeline().set('n', '9007199254740993').incr('n').incrbyfloat('f', 1.5).exec(), { stringNumbers: true }],
  ['keyPrefix on every key', async (r, env) => {
    const results = await r.pipeline().set('a', 1).mset('b', 2, 'c', 3).mget('a', 'b', 'c').rename('a', 'a2').exec();
    const raw = env.another({ keyPrefix: '' });
    return [results, (await raw.keys('*')).sort()];
  }, { keyPrefix: 'pfx:' }],
  ['keyPrefix with Buffer keys', async (r, env) => {
    const results = await r.pipeline().set(binary, 'v').getBuffer(binary).exec();
    const raw = env.another({ keyPrefix: '' });
    return [results, (await raw.keysBuffer('*')).map((k) => k.toString('hex')).sort()];
  }, { keyPrefix: 'pfx:' }],
  ['keyPrefix in hash and list commands', async (r, env) => {
    const results = await r.pipeline().hset('h', 'f', 'v').lpush('l', 'x').rpoplpush('l', 'l2').hgetall('h').exec();
    const raw = env.another({ keyPrefix: '' });
    return [results, (await raw.keys('*')).sort()];
  }, { keyPrefix: 'app:' }],
];

const inlineTransactionRows: Row[] = [
  ['multi/exec inside a pipeline', (r) => loose(r.pipeline().set('a', 1)).multi().incr('a').get('a').exec().get('a').exec()],
  ['two transactions in one pipeline', (r) => loose(r.pipeline()).multi().set('a', 1).exec().multi().incr('a').incr('a').exec().get('a').exec()],
  ['queue-time error inside an inline transaction (EXECABORT in its slot)', (r) => loose(r.pipeline()).multi().set('a').get('a').exec().ping().exec()],
  ['run-time error inside an inline transaction', (r) => loose(r.pipeline().set('s', 'text')).multi().incr('s').get('s').exec().exec()],
  ['hgetall and a Buffer twin inside an inline transaction', (r) => loose(r.pipeline().hset('h', 'f', 'v')).multi().hgetall('h').getBuffer('nope').hgetallBuffer('h').exec().exec()],
  ['length counts MULTI and EXEC', (r) => (loose(r.pipeline()).multi().set('a', 1).exec() as unknown as { length: number }).length],
];

const multiRows: Row[] = [
  ['multi with commands', (r) => r.multi().set('a', '1').incr('a').get('a').exec()],
  ['empty multi', (r) => r.multi().exec()],
  ['multi(commands)', (r) => r.multi([['set', 'a', 'b'], ['get', 'a'], ['hgetall', 'x']]).exec()],
  ['multi(commands, { pipeline: true })', (r) => loose(r).multi([['set', 'a', 'b'], ['get', 'a']], { pipeline: true }).exec()],
  ['multi({ pipeline: true })', (r) => r.multi({ pipeline: true }).set('a', 'b').get('a').exec()],
  ['length counts MULTI', (r) => {
    const m = r.multi().set('a', 1).get('a');
    return m.length;
  }],
  ['run-time error inside (wrong type)', (r) => r.multi().set('s', 'text').incr('s').get('s').exec()],
  ['EXECABORT rejects with previousErrors', (r) => loose(r.multi().set('a', 'ok')).set('b').get('a').exec()],
  ['EXECABORT with an unknown command', (r) => r.multi().call('nosuchcommand').get('a').exec()],
  ['EXECABORT through the exec callback', (r, env) => new Promise((resolve) => {
    void loose(r.multi()).set('a').exec((err: unknown, res: unknown) => {
      env.record(err, res);
      resolve(env.recorded);
    }).then(undefined, () => undefined);
  })],
  ['queued commands call back with QUEUED', async (r, env) => {
    const result = await r.multi()
      .set('a', 1, (err, res) => env.record('set', err, res))
      .getBuffer('a', (err, res) => env.record('getBuffer', err, res))
      .hgetall('h', (err, res) => env.record('hgetall', err, res))
      .exec();
    return [result, env.recorded];
  }],
  ['exec callback', (r, env) => new Promise((resolve) => {
    void r.multi().set('a', 1).get('a').exec((err, res) => {
      env.record(err, res);
      resolve(env.recorded);
    });
  })],
  ['hgetall object, Buffer twin and binary value inside', (r) => r.multi().hset('h', { a: '1' }).hgetall('h').set('b', binary).getBuffer('b').get('a').exec()],
  ['mset object and mget inside', (r) => r.multi().mset({ a: 'x', b: 'y' }).mget('a', 'b').exec()],
  ['nested arrays inside', (r) => loose(r.multi().rpush('l', 1, 2, 3).lrange('l', 0, -1).zadd('z', 3, 'c')).zrange('z', 0, -1, 'WITHSCORES').exec()],
  ['keyPrefix inside multi', async (r, env) => {
    const results = await r.multi().set('a', 1).incr('a').mget('a', 'b').exec();
    const raw = env.another({ keyPrefix: '' });
    return [results, await raw.keys('*')];
  }, { keyPrefix: 'tx:' }],
  ['WATCH conflict resolves null', async (r, env) => {
    await r.set('w', 'start');
    await r.watch('w');
    await env.another().set('w', 'changed elsewhere');
    const result = await r.multi().set('w', 'mine').get('w').exec();
    return [result, await r.get('w')];
  }],
  ['WATCH without conflict commits', async (r) => {
    await r.set('w', 'start');
    await r.watch('w');
    const current = await r.get('w');
    const result = await r.multi().set('w', `${current}+1`).get('w').exec();
    return [result, await r.get('w')];
  }],
  ['UNWATCH before multi', async (r, env) => {
    await r.watch('w');
    await r.unwatch();
    await env.another().set('w', 'x');
    return r.multi().set('w', 'y').exec();
  }],
  ['multi({ pipeline: false }): QUEUED, then exec unwraps', async (r) => {
    const opened = await r.multi({ pipeline: false });
    const queued = [await r.set('a', 1), await r.incr('a'), await r.hgetall('h')];
    const result = await r.exec();
    return [opened, queued, result];
  }],
  ['multi({ pipeline: false }) with a run-time error', async (r) => {
    await r.set('s', 'text');
    await r.multi({ pipeline: false });
    await r.incr('s');
    await r.get('s');
    return r.exec();
  }],
  ['multi({ pipeline: false }) with a queue-time error', async (r) => {
    await r.multi({ pipeline: false });
    const bad = await settle(loose(r).set('a'));
    const good = await r.get('a');
    const exec = await settle(r.exec());
    return [bad, good, exec];
  }],
  ['multi({ pipeline: false }) then discard', async (r) => {
    await r.multi({ pipeline: false });
    await r.set('a', 1);
    const discarded = await r.discard();
    return [discarded, await r.get('a')];
  }],
  ['exec without multi', (r) => settle(r.exec())],
  ['execBuffer after multi({ pipeline: false })', async (r) => {
    await r.multi({ pipeline: false });
    await r.set('a', 'v');
    await r.get('a');
    return loose(r).execBuffer();
  }],
  ['WATCH conflict with multi({ pipeline: false })', async (r, env) => {
    await r.watch('w');
    await env.another().set('w', 'x');
    await r.multi({ pipeline: false });
    await r.set('w', 'y');
    return [await r.exec(), await r.get('w')];
  }],
];

const autoPipelineRows: Row[] = [
  ['concurrent commands resolve in order', async (r) => {
    const replies = await Promise.all([r.set('a', 1), r.incr('a'), r.get('a'), r.hgetall('none'), r.getBuffer('a')]);
    return replies;
  }, { enableAutoPipelining: true }],
  ['autoPipelineQueueSize counts commands issued this turn', async (r) => {
    await r.ping();
    const pending = [r.set('a', 1), r.get('a'), r.incr('n')];
    const size = r.autoPipelineQueueSize;
    await Promise.all(pending);
    return [size, r.autoPipelineQueueSize];
  }, { enableAutoPipelining: true }],
  ['autoPipeliningIgnoredCommands stay out of the queue', async (r) => {
    await r.ping();
    const pending = [r.set('a', 1), r.get('a'), r.incr('n'), r.info('server').then(() => 'info')];
    const size = r.autoPipelineQueueSize;
    await Promise.all(pending);
    return size;
  }, { enableAutoPipelining: true, autoPipeliningIgnoredCommands: ['get'] }],
  ['errors stay with their command', async (r) => Promise.all([r.set('s', 'x'), settle(r.incr('s')), r.get('s')]), { enableAutoPipelining: true }],
  ['callbacks', (r, env) => new Promise((resolve) => {
    void r.set('a', 1, (err, res) => env.record(err, res));
    void r.get('a', (err, res) => {
      env.record(err, res);
      resolve(env.recorded);
    });
  }), { enableAutoPipelining: true }],
  ['keyPrefix', async (r, env) => {
    await Promise.all([r.set('a', 1), r.set('b', 2)]);
    return [await r.mget('a', 'b'), (await env.another({ keyPrefix: '' }).keys('*')).sort()];
  }, { enableAutoPipelining: true, keyPrefix: 'auto:' }],
  ['a thousand concurrent incr', async (r) => {
    const replies = await Promise.all(Array.from({ length: 1000 }, () => r.incr('c')));
    return [replies[0], replies[999], await r.get('c')];
  }, { enableAutoPipelining: true }],
  ['explicit pipelines and multi still work', async (r) => [
    await r.pipeline().set('a', 1).get('a').exec(),
    await r.multi().incr('a').exec(),
  ], { enableAutoPipelining: true }],
  ['call through the automatic pipeline', async (r) => Promise.all([r.call('set', 'a', 'v'), r.call('get', 'a')]), { enableAutoPipelining: true }],
  ['Buffer twins with binary data', async (r) => Promise.all([r.set('b', binary), r.getBuffer('b')]), { enableAutoPipelining: true }],
];

describe('pipeline() (differential)', () => {
  it.each(pipelineRows)('%s', async (_name, scenario, options) => {
    await expectSame(servers, scenario, options);
  });
});

describe('multi()/exec() inside a pipeline (differential)', () => {
  it.each(inlineTransactionRows)('%s', async (_name, scenario, options) => {
    await expectSame(servers, scenario, options);
  });
});

describe('multi() (differential)', () => {
  it.each(multiRows)('%s', async (_name, scenario, options) => {
    await expectSame(servers, scenario, options);
  });
});

describe('enableAutoPipelining (differential)', () => {
  it.each(autoPipelineRows)('%s', async (_name, scenario, options) => {
    await expectSame(servers, scenario, options);
  });
});

describe('pipelines: checks of the oracle outcomes themselves', () => {
  it('an EXECABORT carries the queue-time errors', async () => {
    const { ours } = await runBoth(servers, (r) => loose(r.multi().set('a', 'ok')).set('b').get('a').exec());
    expect('thrown' in ours).toBe(true);
    expect(ours).toMatchObject({
      thrown: {
        error: 'ReplyError',
        message: 'EXECABORT Transaction discarded because of previous errors.',
        previousErrors: [{ error: 'ReplyError', message: "ERR wrong number of arguments for 'set' command" }],
      },
    });
  });

  it('a WATCH conflict gives null and leaves the other writer\'s value', async () => {
    const { ours } = await runBoth(servers, async (r, env) => {
      await r.watch('w');
      await env.another().set('w', 'theirs');
      return [await r.multi().set('w', 'mine').exec(), await r.get('w')];
    });
    expect(valueOf(ours)).toEqual([null, 'theirs']);
  });
});

describe('documented differences', () => {
  it('exec() twice: ioredis writes the commands again, ours returns the first results', async () => {
    const { ours, theirs } = await runBoth(servers, async (r) => {
      const pipeline = r.pipeline().incr('n');
      const first = await pipeline.exec();
      const second = await pipeline.exec();
      await new Promise((resolve) => setTimeout(resolve, 20));
      return [first, second, await r.get('n')];
    });
    expect(valueOf(theirs)).toEqual([[[null, 1]], [[null, 1]], '2']);
    expect(valueOf(ours)).toEqual([[[null, 1]], [[null, 1]], '1']);
  });
});

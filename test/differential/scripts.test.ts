/**
 * Lua scripts (`defineCommand`, the `scripts` option), ours against ioredis 6: both argument
 * styles (fixed numberOfKeys, or the number of keys passed first), the single-array form job
 * queues use, Buffer twins, keyPrefix, pipelines, transactions and the NOSCRIPT fallback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainableCommander, RedisOptions } from 'ioredis';
import { stopAll } from '../fixtures/redisServer';
import { expectSame, loose, runBoth, settle, startServers, valueOf, type Client, type Scenario, type Servers } from './oracle';

let servers: Servers;
beforeAll(async () => {
  servers = await startServers();
});
afterAll(() => stopAll());

type ScriptFn = (...args: unknown[]) => Promise<unknown>;
type QueuedScriptFn = (...args: unknown[]) => ChainableCommander;

/** A defined script's method on a client (defineCommand adds it at run time). */
function script(client: Client, name: string): ScriptFn {
  const method = (client as unknown as Record<string, ScriptFn | undefined>)[name];
  if (typeof method !== 'function') throw new TypeError(`no script method ${name}`);
  return method.bind(client);
}

function queued(pipeline: ChainableCommander, name: string): QueuedScriptFn {
  const method = (pipeline as unknown as Record<string, QueuedScriptFn | undefined>)[name];
  if (typeof method !== 'function') throw new TypeError(`no script method ${name} on the pipeline`);
  return method.bind(pipeline);
}

const binary = Buffer.from([0x00, 0xff, 0x0d, 0x0a, 0x80]);

const echo = { lua: 'return {KEYS[1], ARGV[1]}', numberOfKeys: 1 };
const keysAndArgs = { lua: 'return {#KEYS, #ARGV, KEYS[1] or false, ARGV[1] or false}' };
const setAndGet = { lua: "redis.call('SET', KEYS[1], ARGV[1]); return redis.call('GET', KEYS[1])", numberOfKeys: 1 };
const incrTwice = { lua: "redis.call('INCR', KEYS[1]); return redis.call('INCR', KEYS[1])", numberOfKeys: 1 };

function define(r: Client, definitions: Record<string, { lua: string; numberOfKeys?: number; readOnly?: boolean }>): void {
  for (const [name, definition] of Object.entries(definitions)) r.defineCommand(name, definition);
}

type Row = [name: string, scenario: Scenario, options?: RedisOptions];

const directRows: Row[] = [
  ['fixed numberOfKeys', (r) => {
    define(r, { echo });
    return script(r, 'echo')('k', 'v');
  }],
  ['numberOfKeys passed first', (r) => {
    define(r, { keysAndArgs });
    return Promise.all([script(r, 'keysAndArgs')(2, 'k1', 'k2', 'a1'), script(r, 'keysAndArgs')(0, 'a1', 'a2')]);
  }],
  ['a single array argument (BullMQ form), numberOfKeys passed inside', (r) => {
    define(r, { keysAndArgs });
    return script(r, 'keysAndArgs')([2, 'k1', 'k2', 'a1', 'a2', 'a3']);
  }],
  ['a single array argument with a fixed numberOfKeys', (r) => {
    define(r, { echo });
    return script(r, 'echo')(['key', 'arg', 'extra']);
  }],
  ['numeric arguments', (r) => {
    define(r, { echo });
    return script(r, 'echo')(42, 3.5);
  }],
  ['writes and reads', async (r) => {
    define(r, { setAndGet });
    return [await script(r, 'setAndGet')('k', 'value'), await r.get('k')];
  }],
  ['the Buffer twin with binary data', async (r) => {
    define(r, { setAndGet });
    return script(r, 'setAndGetBuffer')('k', binary);
  }],
  ['the Buffer twin of a nested reply', (r) => {
    define(r, { echo });
    return script(r, 'echoBuffer')(binary, 'v');
  }],
  ['Lua types: integer, status, nil, booleans, nested tables', (r) => {
    define(r, { types: { lua: "return {1, 'two', {3, {'four'}}, false, true, redis.status_reply('FINE'), 2.9}", numberOfKeys: 0 } });
    return script(r, 'types')();
  }],
  ['a status reply', (r) => {
    define(r, { statusReply: { lua: "return redis.status_reply('DONE')", numberOfKeys: 0 } });
    return script(r, 'statusReply')();
  }],
  ['nil reply', (r) => {
    define(r, { nothing: { lua: 'return nil', numberOfKeys: 0 } });
    return script(r, 'nothing')();
  }],
  ['a script error', (r) => {
    define(r, { fail: { lua: "return redis.error_reply('MYERR custom failure')", numberOfKeys: 0 } });
    return settle(script(r, 'fail')());
  }],
  ['a runtime error from redis.call', async (r) => {
    define(r, { incrTwice });
    await r.set('k', 'not a number');
    return settle(script(r, 'incrTwice')('k'));
  }],
  ['wrong number of keys', (r) => {
    define(r, { keysAndArgs });
    return settle(script(r, 'keysAndArgs')(5, 'only-one'));
  }],
  ['callbacks', (r, env) => new Promise((resolve) => {
    define(r, { echo });
    void script(r, 'echo')('k', 'v', (err: unknown, res: unknown) => {
      env.record(err, res);
      resolve(env.recorded);
    });
  })],
  ['callback with an error', (r, env) => new Promise((resolve) => {
    define(r, { fail: { lua: "return redis.error_reply('ERR nope')", numberOfKeys: 0 } });
    void script(r, 'fail')((err: unknown, res: unknown) => {
      env.record(err, res);
      resolve(env.recorded);
    }).catch(() => undefined);
  })],
  ['called twice (EVAL then EVALSHA)', async (r) => {
    define(r, { incrTwice });
    return [await script(r, 'incrTwice')('c'), await script(r, 'incrTwice')('c'), await r.get('c')];
  }],
  ['after SCRIPT FLUSH (NOSCRIPT fallback)', async (r) => {
    define(r, { incrTwice });
    const first = await script(r, 'incrTwice')('c');
    await r.script('FLUSH');
    const second = await script(r, 'incrTwice')('c');
    return [first, second, await r.get('c')];
  }],
  ['concurrent calls', async (r) => {
    define(r, { incrTwice });
    const replies = await Promise.all(Array.from({ length: 20 }, () => script(r, 'incrTwice')('c')));
    return [replies.sort((a, b) => Number(a) - Number(b)), await r.get('c')];
  }],
  ['keyPrefix applies to script keys, not arguments', async (r, env) => {
    define(r, { setAndGet, echo });
    const replies = [await script(r, 'setAndGet')('k', 'v'), await script(r, 'echo')('key', 'arg')];
    return [replies, await env.another({ keyPrefix: '' }).keys('*')];
  }, { keyPrefix: 'lua:' }],
  ['keyPrefix with keys counted by the caller', (r) => {
    define(r, { keysAndArgs });
    return script(r, 'keysAndArgs')(2, 'a', 'b', 'arg');
  }, { keyPrefix: 'p:' }],
  ['keyPrefix with the single-array form', (r) => {
    define(r, { keysAndArgs });
    return script(r, 'keysAndArgs')([1, 'a', 'arg']);
  }, { keyPrefix: 'p:' }],
  ['scripts option at construction', (r, env) => {
    const client = env.another({ scripts: { echo, keysAndArgs } });
    return Promise.all([script(client, 'echo')('k', 'v'), script(client, 'keysAndArgs')(1, 'k', 'a')]);
  }],
  ['scripts option survives duplicate()', (r, env) => {
    const client = env.another({ scripts: { echo } });
    const copy = client.duplicate();
    return script(copy, 'echo')('dk', 'dv').finally(() => copy.disconnect());
  }],
  ['readOnly script', (r) => {
    define(r, { reader: { lua: "return redis.call('GET', KEYS[1])", numberOfKeys: 1, readOnly: true } });
    return r.set('k', 'v').then(() => script(r, 'reader')('k'));
  }],
  ['redefining a script replaces it', (r) => {
    r.defineCommand('s', { lua: 'return 1', numberOfKeys: 0 });
    r.defineCommand('s', { lua: 'return 2', numberOfKeys: 0 });
    return script(r, 's')();
  }],
  ['a script through the automatic pipeline', async (r) => {
    define(r, { incrTwice });
    return Promise.all([script(r, 'incrTwice')('a'), script(r, 'incrTwice')('a'), r.get('a')]);
  }, { enableAutoPipelining: true }],
];

const pipelineRows: Row[] = [
  ['in a pipeline', (r) => {
    define(r, { echo, incrTwice });
    const p = r.pipeline();
    queued(p, 'echo')('k', 'v');
    queued(p, 'incrTwice')('c');
    queued(p, 'incrTwice')('c');
    return p.get('c').exec();
  }],
  ['in a pipeline, the Buffer twin', (r) => {
    define(r, { echo });
    const p = r.pipeline();
    queued(p, 'echoBuffer')(binary, 'v');
    return p.exec();
  }],
  ['in a pipeline after a direct call loaded it', async (r) => {
    define(r, { incrTwice });
    await script(r, 'incrTwice')('c');
    const p = r.pipeline();
    queued(p, 'incrTwice')('c');
    return p.get('c').exec();
  }],
  ['in a pipeline after SCRIPT FLUSH', async (r) => {
    define(r, { incrTwice });
    await script(r, 'incrTwice')('c');
    await r.script('FLUSH');
    const p = r.pipeline();
    queued(p, 'incrTwice')('c');
    const results = await p.exec();
    return [results, await r.get('c')];
  }],
  ['in a pipeline, with an error', (r) => {
    define(r, { fail: { lua: "return redis.error_reply('ERR in pipeline')", numberOfKeys: 0 } });
    const p = r.pipeline().ping();
    queued(p, 'fail')();
    return p.ping().exec();
  }],
  ['in a pipeline built from an array', (r) => {
    define(r, { echo });
    return r.pipeline([['echo', 'k', 'v'], ['get', 'k']]).exec();
  }],
  ['in a pipeline, the single-array form', (r) => {
    define(r, { keysAndArgs });
    const p = r.pipeline();
    queued(p, 'keysAndArgs')([1, 'k', 'a']);
    return p.exec();
  }],
  ['in a pipeline with keyPrefix', async (r, env) => {
    define(r, { setAndGet });
    const p = r.pipeline();
    queued(p, 'setAndGet')('k', 'v');
    return [await p.exec(), await env.another({ keyPrefix: '' }).keys('*')];
  }, { keyPrefix: 'pl:' }],
  ['in a pipeline, per-call callback', async (r, env) => {
    define(r, { echo });
    const p = r.pipeline();
    queued(p, 'echo')('k', 'v', (err: unknown, res: unknown) => env.record(err, res));
    await p.exec();
    return env.recorded;
  }],
  ['in a multi', (r) => {
    define(r, { echo, incrTwice });
    const m = r.multi();
    queued(m, 'echo')('k', 'v');
    queued(m, 'incrTwice')('c');
    return m.get('c').exec();
  }],
  ['in a multi, twice (second time by sha)', async (r) => {
    define(r, { incrTwice });
    const first = r.multi();
    queued(first, 'incrTwice')('c');
    const second = r.multi();
    queued(second, 'incrTwice')('c');
    return [await first.exec(), await second.exec()];
  }],
  ['in a multi, the Buffer twin', (r) => {
    define(r, { echo });
    const m = r.multi();
    queued(m, 'echoBuffer')(binary, 'v');
    return m.exec();
  }],
  ['in a multi with keyPrefix', async (r, env) => {
    define(r, { setAndGet });
    const m = r.multi();
    queued(m, 'setAndGet')('k', 'v');
    return [await m.exec(), await env.another({ keyPrefix: '' }).keys('*')];
  }, { keyPrefix: 'mx:' }],
  ['in a multi, a script error stays in its slot', (r) => {
    define(r, { fail: { lua: "return redis.error_reply('ERR in multi')", numberOfKeys: 0 } });
    const m = r.multi().set('a', 1);
    queued(m, 'fail')();
    return m.get('a').exec();
  }],
  ['in a multi, queued callback gets QUEUED', async (r, env) => {
    define(r, { echo });
    const m = r.multi();
    queued(m, 'echo')('k', 'v', (err: unknown, res: unknown) => env.record(err, res));
    return [await m.exec(), env.recorded];
  }],
  ['inside an inline transaction of a pipeline', (r) => {
    define(r, { incrTwice });
    const p = loose(r.pipeline()).multi() as unknown as ChainableCommander;
    queued(p, 'incrTwice')('c');
    return loose(p).exec().get('c').exec();
  }],
];

describe('defineCommand (differential)', () => {
  it.each(directRows)('%s', async (_name, scenario, options) => {
    await expectSame(servers, scenario, options);
  });
});

describe('scripts in pipelines and transactions (differential)', () => {
  it.each(pipelineRows)('%s', async (_name, scenario, options) => {
    await expectSame(servers, scenario, options);
  });
});

describe('scripts: checks of the outcomes themselves', () => {
  it('ours refuses a script named like a client property (ioredis would overwrite it)', async () => {
    const { ours } = await runBoth(servers, (r, env) => {
      if (env.kind === 'theirs') return 'skipped';
      r.defineCommand('status', { lua: 'return 1', numberOfKeys: 0 });
      return r.status;
    });
    expect(ours).toMatchObject({ thrown: { error: 'TypeError', message: 'defineCommand: "status" is a property of the client or its pipelines, choose another name' } });
  });

  it('keys are prefixed and arguments are not', async () => {
    const { ours } = await runBoth(servers, async (r, env) => {
      define(r, { echo });
      return [await script(r, 'echo')('key', 'arg'), await env.another({ keyPrefix: '' }).keys('*')];
    }, { keyPrefix: 'lua:' });
    expect(valueOf(ours)).toEqual([['lua:key', 'arg'], []]);
  });

  it('the NOSCRIPT fallback runs the script exactly once', async () => {
    const { ours } = await runBoth(servers, async (r) => {
      define(r, { incrTwice });
      await script(r, 'incrTwice')('c');
      await r.script('FLUSH');
      await script(r, 'incrTwice')('c');
      return r.get('c');
    });
    expect(valueOf(ours)).toBe('4');
  });
});

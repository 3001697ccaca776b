/**
 * The client itself, ours against ioredis 6: constructor forms, lazyConnect, status values and
 * events, duplicate(), quit with queued commands, pub/sub with patterns and binary payloads,
 * disconnect(true) during a blocking command, and the documented differences.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RedisOptions } from 'ioredis';
import { stopAll } from '../fixtures/redisServer';
import { expectSame, runBoth, settle, startServers, valueOf, type Client, type Scenario, type Servers } from './oracle';

let servers: Servers;
beforeAll(async () => {
  servers = await startServers();
});
afterAll(() => stopAll());

const binary = Buffer.from([0x00, 0xff, 0x0d, 0x0a, 0x80]);

function ready(client: Client): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    client.once('ready', () => resolve());
    client.once('end', () => reject(new Error('ended before ready')));
  });
}

/** What a connected client tells about itself, comparable across both. */
async function describeClient(client: Client): Promise<unknown> {
  await ready(client);
  await client.set('probe', 'x');
  return {
    host: client.options.host,
    port: typeof client.options.port,
    db: client.options.db,
    keyPrefix: client.options.keyPrefix ?? '',
    ping: await client.ping(),
    name: await client.client('GETNAME'),
    dbsize: await client.dbsize(),
  };
}

/** Wait until the server shows a client blocked in `command` (CLIENT LIST), polling. */
async function blockedIn(observer: Client, command: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const list = String(await observer.client('LIST'));
    if (list.split('\n').some((line) => line.includes(`cmd=${command}`))) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`no client blocked in ${command}`);
}

type Row = [name: string, scenario: Scenario, options?: RedisOptions];

const constructorRows: Row[] = [
  ['new Redis(port, host)', (_r, env) => describeClient(env.construct(env.server.port, '127.0.0.1'))],
  ['new Redis(port, host, options)', (_r, env) => describeClient(env.construct(env.server.port, '127.0.0.1', { db: 3, connectionName: 'named' }))],
  ['new Redis(options)', (_r, env) => describeClient(env.construct({ port: env.server.port, host: '127.0.0.1', keyPrefix: 'k:' }))],
  ['new Redis(url)', (_r, env) => describeClient(env.construct(`redis://127.0.0.1:${env.server.port}`))],
  ['new Redis(url with db)', (_r, env) => describeClient(env.construct(`redis://127.0.0.1:${env.server.port}/4`))],
  ['new Redis(url, options)', (_r, env) => describeClient(env.construct(`redis://127.0.0.1:${env.server.port}`, { db: 2, connectionName: 'from-options' }))],
  ['new Redis(url with query options)', (_r, env) => describeClient(env.construct(`redis://127.0.0.1:${env.server.port}/1?connectionName=q`))],
  ['new Redis("host:port")', (_r, env) => describeClient(env.construct(`127.0.0.1:${env.server.port}`))],
  ['new Redis(port, options)', (_r, env) => describeClient(env.construct(env.server.port, { host: '127.0.0.1', db: 5 }))],
  ['db option selects the database on connect', async (r, env) => {
    const db7 = env.construct({ port: env.server.port, host: '127.0.0.1', db: 7 });
    await db7.set('in7', 'yes');
    return [await r.exists('in7'), await db7.get('in7')];
  }],
  ['select at run time and back', async (r) => [await r.select(2), await r.set('k', 'db2'), await r.select(0), await r.get('k')]],
  ['connectionName is set on connect', async (_r, env) => env.construct({ port: env.server.port, host: '127.0.0.1', connectionName: 'myname' }).client('GETNAME')],
];

const lifecycleRows: Row[] = [
  ['status right after construction and once ready', async (r) => {
    const first = r.status;
    await ready(r);
    return [first, r.status];
  }],
  ['lazyConnect stays in wait until the first command', async (_r, env) => {
    const lazy = env.construct({ port: env.server.port, host: '127.0.0.1', lazyConnect: true });
    const before = lazy.status;
    const reply = await lazy.ping();
    return [before, reply, lazy.status];
  }],
  ['lazyConnect with connect()', async (_r, env) => {
    const lazy = env.construct({ port: env.server.port, host: '127.0.0.1', lazyConnect: true });
    const before = lazy.status;
    await lazy.connect();
    return [before, lazy.status];
  }],
  ['connect() twice rejects the second time', async (_r, env) => {
    const lazy = env.construct({ port: env.server.port, host: '127.0.0.1', lazyConnect: true });
    await lazy.connect();
    return settle(lazy.connect());
  }],
  ['events from connect to quit', async (_r, env) => {
    const client = env.construct({ port: env.server.port, host: '127.0.0.1', lazyConnect: true });
    const events: string[] = [];
    for (const name of ['connect', 'ready', 'close', 'end']) client.on(name, () => events.push(name));
    await client.connect();
    await client.quit();
    await new Promise((resolve) => setTimeout(resolve, 20));
    return [events, client.status];
  }],
  ['quit with commands queued before connect', async (_r, env) => {
    const client = env.construct({ port: env.server.port, host: '127.0.0.1' });
    const replies = await Promise.all([client.set('a', 1), client.incr('a'), client.get('a'), client.quit()]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    return [replies, client.status];
  }],
  ['commands after quit reject with "Connection is closed."', async (r) => {
    await r.quit();
    const error = await r.get('a').catch((e: Error) => e);
    return (error as Error).message;
  }],
  ['quit on a lazy client that never connected resolves OK', async (_r, env) => {
    const lazy = env.construct({ port: env.server.port, host: '127.0.0.1', lazyConnect: true });
    return lazy.quit();
  }],
  ['duplicate() keeps options and connects on its own', async (r, env) => {
    const dup = r.duplicate();
    await dup.set('d', 1);
    const result = [await r.get('d'), dup.options.keyPrefix, dup.options.db, await env.another({ keyPrefix: '' }).keys('*')];
    dup.disconnect();
    return result;
  }, { keyPrefix: 'dup:', db: 1 }],
  ['duplicate(override)', async (r) => {
    const dup = r.duplicate({ db: 6 });
    await dup.set('only6', 1);
    const result = [dup.options.db, await r.exists('only6'), await dup.exists('only6')];
    dup.disconnect();
    return result;
  }],
  ['disconnect() ends the client', async (r) => {
    await ready(r);
    r.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 20));
    return r.status;
  }],
  ['disconnect(true) during a blocking pop re-issues it after the reconnect', async (r, env) => {
    const observer = env.another();
    const pending = r.blpop('queue', 0);
    await blockedIn(observer, 'blpop');
    r.disconnect(true);
    await ready(r);
    await blockedIn(observer, 'blpop');
    await observer.rpush('queue', 'job');
    return pending;
  }],
  ['a blocking pop with timeout returns null', (r) => r.blpop('empty', 0.1)],
  ['call() with an unknown command', (r) => settle(r.call('definitelynotacommand', 'x'))],
  ['send_command-style call with an array', (r) => r.call('echo', ['hello'])],
];

const pubsubRows: Row[] = [
  ['subscribe, publish, message events', async (r, env) => {
    const publisher = env.another();
    const received = new Promise((resolve) => r.on('message', (channel, message) => resolve([channel, message])));
    const count = await r.subscribe('news', 'sport');
    await publisher.publish('news', 'hello');
    return [count, await received];
  }],
  ['psubscribe patterns and pmessage', async (r, env) => {
    const publisher = env.another();
    const messages: unknown[] = [];
    const done = new Promise((resolve) => r.on('pmessage', (pattern, channel, message) => {
      messages.push([pattern, channel, message]);
      if (messages.length === 2) resolve(messages);
    }));
    const count = await r.psubscribe('news.*', 'alerts.?');
    await publisher.publish('news.tech', 'one');
    await publisher.publish('alerts.x', 'two');
    await publisher.publish('other', 'ignored');
    return [count, await done];
  }],
  ['binary payloads through messageBuffer and pmessageBuffer', async (r, env) => {
    const publisher = env.another();
    const buffers: unknown[] = [];
    const done = new Promise((resolve) => {
      r.on('messageBuffer', (channel: Buffer, message: Buffer) => {
        buffers.push(['message', channel, message]);
        if (buffers.length === 2) resolve(buffers);
      });
      r.on('pmessageBuffer', (pattern: unknown, channel: Buffer, message: Buffer) => {
        buffers.push(['pmessage', String(pattern), channel, message]);
        if (buffers.length === 2) resolve(buffers);
      });
    });
    await r.subscribe('bin');
    await r.psubscribe('pat.*');
    await publisher.publish('bin', binary);
    await publisher.publish('pat.1', binary);
    const got = (await done) as unknown[][];
    return got.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  }],
  ['unsubscribe counts down', async (r) => [await r.subscribe('a', 'b'), await r.unsubscribe('a'), await r.unsubscribe()]],
  ['punsubscribe counts down', async (r) => [await r.psubscribe('x.*', 'y.*'), await r.punsubscribe('x.*'), await r.punsubscribe()]],
  ['subscribe with a callback', (r, env) => new Promise((resolve) => {
    void r.subscribe('c1', 'c2', (err, count) => {
      env.record(err, count);
      resolve(env.recorded);
    });
  })],
  ['publish returns the number of receivers', async (r, env) => {
    const subscriber = env.another();
    await subscriber.subscribe('ch');
    return [await r.publish('ch', 'x'), await r.publish('nobody', 'x')];
  }],
  ['pubsub numsub and channels', async (r, env) => {
    const subscriber = env.another();
    await subscriber.subscribe('ch1', 'ch2');
    return [await r.pubsub('NUMSUB', 'ch1', 'none'), ((await r.pubsub('CHANNELS')) as string[]).sort()];
  }],
  ['other commands still work after SUBSCRIBE (ioredis 6 speaks RESP3 by default)', async (r) => {
    await r.subscribe('ch');
    return settle(r.set('k', 'v'));
  }],
];

describe('constructor forms (differential)', () => {
  it.each(constructorRows)('%s', async (_name, scenario, options) => {
    await expectSame(servers, scenario, options);
  });
});

describe('lifecycle (differential)', () => {
  it.each(lifecycleRows)('%s', async (_name, scenario, options) => {
    await expectSame(servers, scenario, options);
  });
});

describe('pub/sub (differential)', () => {
  it.each(pubsubRows)('%s', async (_name, scenario, options) => {
    await expectSame(servers, scenario, options);
  });
});

describe('documented differences', () => {
  it('with protocol: 2, ioredis refuses other commands after SUBSCRIBE; ours runs them on its shared connection', async () => {
    const { ours, theirs } = await runBoth(servers, async (r) => {
      await r.subscribe('ch');
      return settle(r.set('k', 'v'));
    }, { protocol: 2 });
    expect(valueOf(theirs)).toEqual({ err: { error: 'Error', message: 'Connection in subscriber mode, only subscriber commands may be used' } });
    expect(valueOf(ours)).toEqual({ ok: 'OK' });
  });

  it('mode during a subscription: ioredis 6 (RESP3) stays "normal", ours says "subscriber"', async () => {
    const { ours, theirs } = await runBoth(servers, async (r) => {
      const before = r.mode;
      await r.subscribe('x');
      return [before, r.mode];
    });
    expect(valueOf(theirs)).toEqual(['normal', 'normal']);
    expect(valueOf(ours)).toEqual(['normal', 'subscriber']);
  });

  it('quit on a lazy client that never connected: ioredis starts connecting, ours ends at once', async () => {
    const { ours, theirs } = await runBoth(servers, async (_r, env) => {
      const lazy = env.construct({ port: env.server.port, host: '127.0.0.1', lazyConnect: true });
      return [await lazy.quit(), lazy.status];
    });
    expect(valueOf(theirs)).toEqual(['OK', 'connecting']);
    expect(valueOf(ours)).toEqual(['OK', 'end']);
  });

  it('errors carry context: a closed client\'s command error has the same message plus err.context', async () => {
    const seen: Record<string, unknown> = {};
    await runBoth(servers, async (r, env) => {
      await r.quit();
      const error = (await r.get('a').catch((e: unknown) => e)) as Error & { context?: { command?: { name: string } } };
      seen[env.kind] = { message: error.message, name: error.name, command: error.context?.command?.name };
    });
    expect(seen.theirs).toEqual({ message: 'Connection is closed.', name: 'Error', command: undefined });
    expect(seen.ours).toEqual({ message: 'Connection is closed.', name: 'ConnectionClosedError', command: 'get' });
  });

  it('a refused connection: ioredis says "connect ECONNREFUSED", ours names the endpoint and keeps code ECONNREFUSED', async () => {
    const seen: Record<string, unknown> = {};
    await runBoth(servers, async (_r, env) => {
      const client = env.construct({ port: 1, host: '127.0.0.1', retryStrategy: () => null, lazyConnect: true });
      const error = await new Promise<Error & { code?: string }>((resolve) => {
        client.once('error', resolve);
        client.connect().catch(() => undefined);
      });
      seen[env.kind] = { code: error.code, mentionsPort: error.message.includes('127.0.0.1:1') };
    });
    expect(seen.theirs).toEqual({ code: 'ECONNREFUSED', mentionsPort: true });
    expect(seen.ours).toEqual({ code: 'ECONNREFUSED', mentionsPort: true });
  });
});

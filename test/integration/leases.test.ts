/**
 * Leases (issue 3, the first shape of the threat): stateful commands never share a connection with
 * another flow. A blocking command gets a connection of its own, so ordinary commands on the same
 * client keep flowing; each WATCH flow gets its own connection, bound to its async context, so one
 * flow's EXEC is not aborted (or let through) by another's WATCH; subscriptions live on their own
 * connection. Checked from the server's side with MONITOR and CLIENT LIST.
 */
import * as net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { Redis } from '../../src/index';
import { startRedis, stopAll, type RedisServer } from '../fixtures/redisServer';
import { waitFor } from '../fixtures/waitFor';

const clients: Redis[] = [];

afterAll(async () => {
  for (const client of clients) client.disconnect();
  await stopAll();
});

function track(client: Redis): Redis {
  clients.push(client);
  client.on('error', () => undefined);
  return client;
}


interface MonitoredCommand {
  /** The client's address as the server saw it: one per connection. */
  addr: string;
  args: string[];
}

/** A raw MONITOR connection: every command the server runs, with the address of its connection. */
async function monitor(server: RedisServer): Promise<{ commands: MonitoredCommand[]; stop(): void }> {
  const socket = net.connect(server.port, '127.0.0.1');
  const commands: MonitoredCommand[] = [];
  let pending = '';
  let started!: () => void;
  const ready = new Promise<void>((resolveReady) => {
    started = resolveReady;
  });
  socket.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    let end: number;
    while ((end = pending.indexOf('\r\n')) !== -1) {
      const line = pending.slice(0, end);
      pending = pending.slice(end + 2);
      if (line === '+OK') started();
      const match = /^\+\d+\.\d+ \[\d+ ([^\]]+)\] (.*)$/.exec(line);
      if (match === null) continue;
      const args = [...match[2]!.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((part) => part[1]!);
      commands.push({ addr: match[1]!, args });
    }
  });
  socket.write('MONITOR\r\n');
  await ready;
  return { commands, stop: () => socket.destroy() };
}

/** Resolves once `parties` callers have arrived. */
function barrier(parties: number): () => Promise<void> {
  let arrived = 0;
  let release!: () => void;
  const all = new Promise<void>((resolveAll) => {
    release = resolveAll;
  });
  return () => {
    arrived += 1;
    if (arrived === parties) release();
    return all;
  };
}

describe('blocking commands', () => {
  it('100 GETs issued behind a BLPOP that waits 2 s all resolve before it does', async () => {
    const server = await startRedis();
    const client = track(new Redis({ host: '127.0.0.1', port: server.port }));
    await client.mset(Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`lease:get:${i}`, `v${i}`])));
    const order: string[] = [];
    const blpop = client.blpop('lease:empty', 2).then((reply) => {
      order.push('blpop');
      return reply;
    });
    const gets = Array.from({ length: 100 }, (_, i) => client.get(`lease:get:${i}`).then((value) => {
      order.push('get');
      return value;
    }));
    const values = await Promise.all(gets);
    expect(values).toEqual(Array.from({ length: 100 }, (_, i) => `v${i}`));
    expect(order).toEqual(Array.from({ length: 100 }, () => 'get'));
    // The BLPOP holds (or still waits for) a lease of its own; the GETs used the shared connection.
    const pool = client.stats().pool;
    expect(pool.leased + pool.waiting).toBe(1);
    expect(await blpop).toBeNull();
    expect(order).toHaveLength(101);
    expect(order[100]).toBe('blpop');
  });

  it('a BLPOP is answered by an RPUSH sent later on the same client', async () => {
    const server = await startRedis();
    const client = track(new Redis({ host: '127.0.0.1', port: server.port }));
    const popped = client.blpop('lease:queue', 5);
    // Wait until the server has it blocked, so the push is really later.
    await waitFor(async () => (await server.info('clients')).blocked_clients === '1', 'BLPOP to block');
    expect(await client.rpush('lease:queue', 'job-1')).toBe(1);
    expect(await popped).toEqual(['lease:queue', 'job-1']);
  });

  it('a worker looping on BLPOP keeps one lease', async () => {
    const server = await startRedis();
    const client = track(new Redis({ host: '127.0.0.1', port: server.port }));
    await client.rpush('lease:jobs', ...Array.from({ length: 20 }, (_, i) => `job-${i}`));
    const done: string[] = [];
    for (let i = 0; i < 20; i++) {
      const reply = await client.blpop('lease:jobs', 1);
      done.push(reply![1]);
    }
    expect(done).toEqual(Array.from({ length: 20 }, (_, i) => `job-${i}`));
    expect(client.stats().pool).toMatchObject({ total: 2, idle: 1, dials: 1, leasesGranted: 20 });
  });
});

describe('WAIT', () => {
  it('runs on the connection whose writes it counts: a stopped replica makes it report 0, not 1', async () => {
    const primary = await startRedis();
    const replica = await startRedis({ args: ['--replicaof', '127.0.0.1', String(primary.port)] });
    await waitFor(async () => (await replica.info('replication')).master_link_status === 'up', 'the replica to sync');
    const client = track(new Redis({ host: '127.0.0.1', port: primary.port }));
    await client.set('lease:replicated', '1');
    expect(await client.wait(1, 5000)).toBe(1);
    replica.pause();
    try {
      await client.set('lease:replicated', '2');
      // The replica cannot acknowledge this SET; WAIT on any other connection would see nothing
      // of its own to wait for and answer 1 at once.
      expect(await client.wait(1, 300)).toBe(0);
    } finally {
      replica.resume();
    }
    expect(await client.wait(1, 5000)).toBe(1);
  });
});

describe('WATCH / MULTI / EXEC from concurrent flows on one client', () => {
  async function readModifyWrite(client: Redis, key: string, bothRead: () => Promise<void>): Promise<unknown> {
    await client.watch(key);
    const current = Number(await client.get(key));
    await bothRead();
    return client.multi().set(key, String(current + 1)).exec();
  }

  it('same key: each flow sees only its own WATCH, so exactly one of the two EXECs aborts', async () => {
    const server = await startRedis();
    const client = track(new Redis({ host: '127.0.0.1', port: server.port }));
    await client.set('lease:counter', '0');
    const seen = await monitor(server);
    try {
      const bothRead = barrier(2);
      const results = await Promise.all([readModifyWrite(client, 'lease:counter', bothRead), readModifyWrite(client, 'lease:counter', bothRead)]);
      expect(results.filter((result) => result === null)).toHaveLength(1);
      expect(results.filter((result) => result !== null)).toEqual([[[null, 'OK']]]);
      expect(await client.get('lease:counter')).toBe('1');

      await waitFor(() => seen.commands.filter((command) => command.args[0] === 'exec').length === 2, 'both EXECs in MONITOR');
      const watches = seen.commands.filter((command) => command.args[0] === 'watch');
      expect(watches).toHaveLength(2);
      expect(new Set(watches.map((command) => command.addr)).size).toBe(2);
      // Each flow's GET, MULTI and EXEC went where its WATCH went (after the lease's handshake).
      // MONITOR shows a queued SET only when its EXEC ran it: on the winner's connection alone.
      const perConnection = watches.map(({ addr }) => {
        const names = seen.commands.filter((command) => command.addr === addr).map((command) => command.args[0]);
        return names.slice(names.indexOf('watch')).join(' ');
      });
      expect(perConnection.sort()).toEqual(['watch get multi exec', 'watch get multi set exec']);
    } finally {
      seen.stop();
    }
  });

  it('different keys: both EXECs succeed', async () => {
    const server = await startRedis();
    const client = track(new Redis({ host: '127.0.0.1', port: server.port }));
    await client.mset('lease:a', '10', 'lease:b', '20');
    const bothRead = barrier(2);
    const results = await Promise.all([readModifyWrite(client, 'lease:a', bothRead), readModifyWrite(client, 'lease:b', bothRead)]);
    expect(results).toEqual([[[null, 'OK']], [[null, 'OK']]]);
    expect(await client.mget('lease:a', 'lease:b')).toEqual(['11', '21']);
    // Both leases went back to the pool.
    expect(client.stats().pool).toMatchObject({ leased: 0, idle: 2 });
  });

  it('a write from outside between WATCH and EXEC aborts the flow; ordinary commands of other flows do not', async () => {
    const server = await startRedis();
    const client = track(new Redis({ host: '127.0.0.1', port: server.port }));
    await client.set('lease:x', '1');
    const flow = async (): Promise<unknown> => {
      await client.watch('lease:x');
      await client.get('lease:x');
      await server.command('SET', 'lease:x', 'changed');
      return client.multi().set('lease:x', '2').exec();
    };
    // Meanwhile another flow hammers the shared connection with unrelated reads and writes.
    const other = (async () => {
      for (let i = 0; i < 50; i++) await client.set(`lease:other:${i}`, String(i));
    })();
    const [result] = await Promise.all([flow(), other]);
    expect(result).toBeNull();
    expect(await client.get('lease:x')).toBe('changed');

    // No outside write: the same flow commits, although the shared connection wrote lease:other:*.
    const clean = async (): Promise<unknown> => {
      await client.watch('lease:x');
      await client.get('lease:x');
      return client.multi().set('lease:x', '3').exec();
    };
    const [committed] = await Promise.all([clean(), (async () => {
      for (let i = 0; i < 50; i++) await client.set(`lease:other:${i}`, 'again');
    })()]);
    expect(committed).toEqual([[null, 'OK']]);
  });
});

describe('flows started by separate requests', () => {
  it("a WATCH sent in a pipeline stays on its flow's lease: another request's EXEC on the shared connection is not tripped by it", async () => {
    const server = await startRedis();
    const client = track(new Redis({ host: '127.0.0.1', port: server.port }));
    await client.set('lease:p', '0');
    let aWatched!: () => void;
    const watchedByA = new Promise<void>((resolveWatched) => {
      aWatched = resolveWatched;
    });
    let bDone!: () => void;
    const doneByB = new Promise<void>((resolveDone) => {
      bDone = resolveDone;
    });
    const handlers: Record<string, () => Promise<unknown>> = {
      '/a': async () => {
        await client.pipeline().watch('lease:p').get('lease:p').exec();
        aWatched();
        await doneByB;
        return client.multi().set('lease:p', 'A').exec();
      },
      '/b': async () => {
        await watchedByA;
        await server.command('SET', 'lease:p', 'outside');
        const result = await client.multi().set('lease:q', 'B').exec();
        bDone();
        return result;
      },
    };
    // Each request runs in the async context of its own socket, as in any HTTP service.
    const http = await import('node:http');
    const web = http.createServer((request, response) => {
      handlers[request.url!]!().then((result) => response.end(JSON.stringify(result)), (error: Error) => response.end(JSON.stringify({ error: error.message })));
    });
    await new Promise<void>((resolveListen) => web.listen(0, '127.0.0.1', resolveListen));
    try {
      const port = (web.address() as net.AddressInfo).port;
      const [a, b] = await Promise.all(['/a', '/b'].map(async (path) => (await fetch(`http://127.0.0.1:${port}${path}`)).json()));
      // A's WATCH saw the outside write and aborted A's EXEC; B's EXEC never met A's WATCH.
      expect(a).toBeNull();
      expect(b).toEqual([[null, 'OK']]);
      expect(await client.mget('lease:p', 'lease:q')).toEqual(['outside', 'B']);
      expect(client.stats().pool).toMatchObject({ leased: 0, idle: 1 });
    } finally {
      web.closeAllConnections();
      await new Promise((resolveClose) => web.close(resolveClose));
    }
  });

  it("an error reply inside a WATCH flow's pipeline lands in the pipeline's results (no unhandled rejection)", async () => {
    const server = await startRedis();
    const client = track(new Redis({ host: '127.0.0.1', port: server.port }));
    await client.set('lease:text', 'not a number');
    await client.watch('lease:text');
    const results = await client.pipeline().incr('lease:text').get('lease:text').exec();
    expect(results![0]![0]).toBeInstanceOf(Error);
    expect((results![0]![0] as Error).message).toContain('not an integer');
    expect(results![1]).toEqual([null, 'not a number']);
    expect(await client.multi().set('lease:text', 'replaced').exec()).toEqual([[null, 'OK']]);
    expect(client.stats().pool).toMatchObject({ leased: 0, idle: 1 });
  });
});

describe('withConnection and transaction()', () => {
  it('withConnection gives each concurrent caller a connection of its own', async () => {
    const server = await startRedis();
    const client = track(new Redis({ host: '127.0.0.1', port: server.port }));
    const sharedId = await client.client('ID');
    // No caller lets go before all four hold a lease (else a released lease is rightly reused).
    let holding = 0;
    let allHolding!: () => void;
    const barrier = new Promise<void>((resolveBarrier) => {
      allHolding = resolveBarrier;
    });
    const ids = await Promise.all(Array.from({ length: 4 }, (_, i) => client.withConnection(async (connection) => {
      const id = await connection.client('ID');
      await connection.watch(`lease:wc:${i}`);
      if (++holding === 4) allHolding();
      await barrier;
      // Still the same socket after the pause: the WATCH and the EXEC share it.
      expect(await connection.client('ID')).toBe(id);
      const result = await connection.multi().set(`lease:wc:${i}`, 'done').exec();
      expect(result).toEqual([[null, 'OK']]);
      return id;
    })));
    expect(new Set(ids).size).toBe(4);
    expect(ids).not.toContain(sharedId);
    expect(client.stats().pool).toMatchObject({ leased: 0, idle: 4 });
    expect(await client.mget('lease:wc:0', 'lease:wc:3')).toEqual(['done', 'done']);
  });

  it('transaction() runs the work again after a WATCH conflict, up to `retries` times', async () => {
    const server = await startRedis();
    const client = track(new Redis({ host: '127.0.0.1', port: server.port }));
    await client.set('lease:tx', '0');
    let attempts = 0;
    const result = await client.transaction(async (tx) => {
      attempts += 1;
      await tx.watch('lease:tx');
      const current = Number(await tx.get('lease:tx'));
      // Somebody else writes the key during the first attempt only.
      if (attempts === 1) await server.command('SET', 'lease:tx', '100');
      return tx.multi().set('lease:tx', String(current + 1)).exec();
    }, { retries: 3 });
    expect(attempts).toBe(2);
    expect(result).toEqual([[null, 'OK']]);
    expect(await client.get('lease:tx')).toBe('101');

    let tries = 0;
    const givenUp = await client.transaction(async (tx) => {
      tries += 1;
      await tx.watch('lease:tx');
      await server.command('INCR', 'lease:tx');
      return tx.multi().set('lease:tx', 'never').exec();
    }, { retries: 2 });
    expect(givenUp).toBeNull();
    expect(tries).toBe(3);
    expect(await client.get('lease:tx')).toBe('104');
  });

  it('concurrent transaction() increments lose no update', async () => {
    const server = await startRedis();
    const client = track(new Redis({ host: '127.0.0.1', port: server.port }));
    await client.set('lease:hits', '0');
    const increment = (): Promise<unknown> => client.transaction(async (tx) => {
      await tx.watch('lease:hits');
      const current = Number(await tx.get('lease:hits'));
      return tx.multi().set('lease:hits', String(current + 1)).exec();
    }, { retries: 100 });
    const results = await Promise.all(Array.from({ length: 12 }, increment));
    expect(results.every((result) => result !== null)).toBe(true);
    expect(await client.get('lease:hits')).toBe('12');
    expect(client.stats().pool.total).toBeLessThanOrEqual(10);
  });
});

describe('a subscribed client', () => {
  it('keeps running ordinary commands (the subscription has its own connection) and resubscribes after CLIENT KILL', async () => {
    const server = await startRedis({ preset: 'password' });
    const client = track(new Redis({ host: '127.0.0.1', port: server.port, password: server.password, retryStrategy: () => 20 }));
    const messages: string[] = [];
    client.on('message', (channel: string, message: string) => messages.push(`${channel}:${message}`));
    expect(await client.subscribe('lease:news', 'lease:alerts')).toBe(2);
    expect(client.mode).toBe('subscriber');

    // Ordinary commands, a pipeline and a blocking call, all while subscribed.
    expect(await client.set('lease:k', 'v')).toBe('OK');
    expect(await client.get('lease:k')).toBe('v');
    expect(await client.pipeline().incr('lease:n').incr('lease:n').exec()).toEqual([[null, 1], [null, 2]]);
    expect(await client.blpop('lease:none', 0.05)).toBeNull();
    expect(await client.publish('lease:news', 'one')).toBe(1);
    await waitFor(() => messages.length === 1, 'the first message');
    expect(client.stats().subscriber).toMatchObject({ connected: true, channels: 2 });

    // The server drops the subscriber connection: it comes back, re-authenticated and resubscribed.
    const list = String(await server.command('CLIENT', 'LIST'));
    const subscriberIds = list.split('\n').filter((line) => / sub=2 /.test(line)).map((line) => /^id=(\d+)/.exec(line)![1]!);
    expect(subscriberIds).toHaveLength(1);
    expect(await server.command('CLIENT', 'KILL', 'ID', subscriberIds[0]!)).toBe(1);
    await waitFor(async () => (await server.command('PUBSUB', 'NUMSUB', 'lease:alerts') as unknown[])[1] === 1 &&
      !String(await server.command('CLIENT', 'LIST')).includes(`id=${subscriberIds[0]} `), 'the resubscription');
    expect(await client.get('lease:k')).toBe('v');
    expect(await client.publish('lease:alerts', 'two')).toBe(1);
    expect(await client.publish('lease:news', 'three')).toBe(1);
    await waitFor(() => messages.length === 3, 'messages after the resubscription');
    expect(messages).toEqual(['lease:news:one', 'lease:alerts:two', 'lease:news:three']);

    // Unsubscribing everything leaves the client in normal mode.
    expect(await client.unsubscribe()).toBe(0);
    expect(client.mode).toBe('normal');
  });
});

/**
 * Scan streams, ours against ioredis 6. Each server hashes keys with its own seed, so batches
 * differ between the two servers: rows compare what the batches add up to (sorted), how many
 * there are where that is fixed, and errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RedisOptions } from 'ioredis';
import { stopAll } from '../fixtures/redisServer';
import { drain, expectSame, runBoth, startServers, valueOf, type Client, type Scenario, type Servers } from './oracle';

let servers: Servers;
beforeAll(async () => {
  servers = await startServers();
});
afterAll(() => stopAll());

const binary = Buffer.from([0x00, 0xff, 0x0d, 0x0a, 0x80]);

async function fillKeys(r: Client, count: number, prefix = 'key:'): Promise<void> {
  for (let start = 0; start < count; start += 1000) {
    const args: string[] = [];
    for (let i = start; i < Math.min(count, start + 1000); i++) args.push(`${prefix}${i}`, String(i));
    await r.mset(...args);
  }
}

/** Every batch's items, as sorted strings (hex for Buffers), plus facts about the batches. */
function summarize(batches: unknown[][]): { items: string[]; everyBatchIsAnArray: boolean } {
  const items: string[] = [];
  for (const batch of batches) for (const item of batch) items.push(Buffer.isBuffer(item) ? `0x${item.toString('hex')}` : String(item));
  return { items: items.sort(), everyBatchIsAnArray: batches.every((batch) => Array.isArray(batch)) };
}

/** HSCAN/ZSCAN batches are flat [field, value, …]: pair them up so sorting keeps pairs together. */
function pairs(batches: unknown[][]): string[] {
  const out: string[] = [];
  for (const batch of batches) {
    for (let i = 0; i < batch.length; i += 2) {
      const show = (v: unknown): string => (Buffer.isBuffer(v) ? `0x${v.toString('hex')}` : String(v));
      out.push(`${show(batch[i])}=${show(batch[i + 1])}`);
    }
  }
  return out.sort();
}

type Row = [name: string, scenario: Scenario, options?: RedisOptions];

const rows: Row[] = [
  ['scanStream over 10,000 keys', async (r) => {
    await fillKeys(r, 10_000);
    const summary = summarize(await drain(r.scanStream()));
    return [summary.items.length, new Set(summary.items).size >= 10_000, summary.everyBatchIsAnArray];
  }],
  ['scanStream over 10,000 keys with count 1000', async (r) => {
    await fillKeys(r, 10_000);
    const batches = await drain(r.scanStream({ count: 1000 }));
    return [new Set(summarize(batches).items).size, batches.length < 50];
  }],
  ['scanStream with match', async (r) => {
    await fillKeys(r, 2000);
    await r.set('other', 'x');
    const summary = summarize(await drain(r.scanStream({ match: 'key:1?', count: 500 })));
    return [...new Set(summary.items)].sort();
  }],
  ['scanStream with type', async (r) => {
    await fillKeys(r, 100);
    await r.hset('hash:1', 'f', 'v');
    await r.sadd('set:1', 'm');
    return [...new Set(summarize(await drain(r.scanStream({ type: 'hash' }))).items)];
  }],
  ['scanStream on an empty db', async (r) => drain(r.scanStream())],
  ['scanBufferStream with binary keys', async (r) => {
    await r.set(binary, 'v');
    await r.set('plain', 'v');
    return [...new Set(summarize(await drain(r.scanBufferStream())).items)].sort();
  }],
  ['scanStream with keyPrefix: keys come back prefixed, match is not prefixed', async (r) => {
    await r.set('a', 1);
    await r.set('b', 2);
    const all = [...new Set(summarize(await drain(r.scanStream())).items)].sort();
    const matched = [...new Set(summarize(await drain(r.scanStream({ match: 'pfx:a*' }))).items)].sort();
    return [all, matched];
  }, { keyPrefix: 'pfx:' }],
  ['sscanStream over 10,000 members', async (r) => {
    const members = Array.from({ length: 10_000 }, (_, i) => `m${i}`);
    await r.sadd('set', ...members);
    const items = summarize(await drain(r.sscanStream('set', { count: 500 }))).items;
    return [new Set(items).size, [...new Set(items)].slice(0, 5)];
  }],
  ['sscanStream with match', async (r) => {
    await r.sadd('set', 'apple', 'avocado', 'banana', 'cherry');
    return [...new Set(summarize(await drain(r.sscanStream('set', { match: 'a*' }))).items)].sort();
  }],
  ['sscanBufferStream with binary members', async (r) => {
    await r.sadd('set', binary, 'text');
    return summarize(await drain(r.sscanBufferStream('set'))).items;
  }],
  ['sscanStream with keyPrefix on the key', async (r) => {
    await r.sadd('set', 'a', 'b');
    return summarize(await drain(r.sscanStream('set'))).items;
  }, { keyPrefix: 'pfx:' }],
  ['hscanStream gives field, value pairs', async (r) => {
    await r.hset('h', { a: '1', b: '2', c: '3' });
    return pairs(await drain(r.hscanStream('h')));
  }],
  ['hscanStream over 5,000 fields', async (r) => {
    const fields: Record<string, string> = {};
    for (let i = 0; i < 5000; i++) fields[`f${i}`] = `v${i}`;
    await r.hset('h', fields);
    const all = pairs(await drain(r.hscanStream('h', { count: 200 })));
    return [new Set(all).size, all.includes('f4999=v4999')];
  }],
  ['hscanStream with match', async (r) => {
    await r.hset('h', { alpha: '1', beta: '2', alps: '3' });
    return pairs(await drain(r.hscanStream('h', { match: 'al*' })));
  }],
  ['hscanStream noValues (NOVALUES)', async (r) => {
    await r.hset('h', { a: '1' });
    return new Promise((resolve) => {
      const stream = r.hscanStream('h', { noValues: true });
      const seen: unknown[] = [];
      stream.on('data', (batch: unknown[]) => seen.push(batch));
      stream.on('error', (error: Error) => resolve({ error: error.message }));
      stream.on('end', () => resolve({ batches: seen }));
    });
  }],
  ['hscanBufferStream with binary values', async (r) => {
    await r.hset('h', 'f', binary);
    return pairs(await drain(r.hscanBufferStream('h')));
  }],
  ['zscanStream gives member, score pairs', async (r) => {
    await r.zadd('z', 1, 'one', 2.5, 'two', -3, 'three');
    return pairs(await drain(r.zscanStream('z')));
  }],
  ['zscanStream over 5,000 members with match', async (r) => {
    const args: Array<string | number> = [];
    for (let i = 0; i < 5000; i++) args.push(i, `member:${i}`);
    await r.zadd('z', ...args);
    const all = pairs(await drain(r.zscanStream('z', { match: 'member:4*', count: 300 })));
    return [new Set(all).size, all.includes('member:4999=4999')];
  }],
  ['zscanBufferStream', async (r) => {
    await r.zadd('z', 7, binary);
    return pairs(await drain(r.zscanBufferStream('z')));
  }],
  ['a scan stream on a key of the wrong type emits the error', async (r) => {
    await r.set('str', 'x');
    return new Promise((resolve) => {
      const stream = r.sscanStream('str');
      stream.on('error', (error: Error) => resolve({ name: error.name, message: error.message }));
      stream.on('end', () => resolve('ended'));
      stream.resume();
    });
  }],
  ['close() stops the stream after the batch in flight', async (r) => {
    await fillKeys(r, 3000);
    return new Promise((resolve) => {
      const stream = r.scanStream({ count: 10 });
      let batches = 0;
      stream.on('data', () => {
        batches += 1;
        if (batches === 3) stream.close();
      });
      stream.on('end', () => resolve(batches <= 4));
    });
  }],
  ['paused stream (backpressure) still delivers everything', async (r) => {
    await fillKeys(r, 2000);
    const stream = r.scanStream({ count: 100 });
    const items = new Set<string>();
    for await (const batch of stream as AsyncIterable<string[]>) {
      for (const key of batch) items.add(key);
      await new Promise((resolve) => setImmediate(resolve));
    }
    return items.size;
  }],
  ['scan streams through the automatic pipeline', async (r) => {
    await fillKeys(r, 500);
    return new Set(summarize(await drain(r.scanStream({ count: 50 }))).items).size;
  }, { enableAutoPipelining: true }],
];

describe('scan streams (differential)', () => {
  it.each(rows)('%s', async (_name, scenario, options) => {
    await expectSame(servers, scenario, options);
  });
});

describe('scan streams: checks of the outcomes themselves', () => {
  it('scanStream finds every one of 10,000 keys', async () => {
    const { ours } = await runBoth(servers, async (r) => {
      await fillKeys(r, 10_000);
      return new Set(summarize(await drain(r.scanStream({ count: 250 }))).items).size;
    });
    expect(valueOf(ours)).toBe(10_000);
  });

  it('with keyPrefix the keys come back with it', async () => {
    const { ours } = await runBoth(servers, async (r) => {
      await r.set('a', 1);
      return summarize(await drain(r.scanStream())).items;
    }, { keyPrefix: 'pfx:' });
    expect(valueOf(ours)).toEqual(['pfx:a']);
  });
});

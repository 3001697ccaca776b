/**
 * Scan streams: one SCAN per batch read (backpressure reaches the server), close() stops further
 * calls, errors arrive as 'error', and every key of a 10,000-key db is seen. Comparisons with
 * ioredis are in test/differential/scanStream.test.ts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from '../../src/Redis';
import { ConnectionClosedError } from '../../src/errors';
import { startRedis, stopAll, type RedisServer } from '../fixtures/redisServer';

let server: RedisServer;
const clients: Redis[] = [];

beforeAll(async () => {
  server = await startRedis();
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.disconnect();
  await server.command('FLUSHALL');
  await server.command('CONFIG', 'RESETSTAT');
});
afterAll(() => stopAll());

function client(options: ConstructorParameters<typeof Redis>[0] & object = {}): Redis {
  const redis = new Redis({ host: server.host, port: server.port, ...options });
  redis.on('error', () => undefined);
  clients.push(redis);
  return redis;
}

async function calls(name: string): Promise<number> {
  const line = (await server.info('commandstats'))[`cmdstat_${name}`];
  return line === undefined ? 0 : Number(/calls=(\d+)/.exec(line)?.[1] ?? 0);
}

async function fill(redis: Redis, count: number): Promise<void> {
  const pipeline = redis.pipeline();
  for (let i = 0; i < count; i++) pipeline.set(`key:${i}`, i);
  await pipeline.exec();
}

describe('scanStream', () => {
  it('sees every one of 10,000 keys, one SCAN per batch', async () => {
    const redis = client();
    await fill(redis, 10_000);
    const seen = new Set<string>();
    let batches = 0;
    for await (const batch of redis.scanStream({ count: 500 }) as AsyncIterable<string[]>) {
      batches += 1;
      for (const key of batch) seen.add(key);
    }
    expect(seen.size).toBe(10_000);
    expect(await calls('scan')).toBe(batches);
  });

  it('issues no SCAN while nobody reads (paused stream)', async () => {
    const redis = client();
    await fill(redis, 1000);
    const stream = redis.scanStream({ count: 10 });
    const first = await new Promise<string[]>((resolve) => stream.once('data', (batch: string[]) => {
      stream.pause();
      resolve(batch);
    }));
    expect(Array.isArray(first)).toBe(true);
    // Readable reads ahead up to its highWaterMark (16 objects), then stops asking the server.
    let previous = -1;
    let current = await calls('scan');
    while (current !== previous) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      previous = current;
      current = await calls('scan');
    }
    expect(current).toBeLessThanOrEqual(1 + 16 + 1);
    expect(stream.readableLength).toBeGreaterThan(0);
    stream.destroy();
  });

  it('close() ends the stream after the batch in flight', async () => {
    const redis = client();
    await fill(redis, 2000);
    const stream = redis.scanStream({ count: 10 });
    let batches = 0;
    await new Promise<void>((resolve) => {
      stream.on('data', () => {
        batches += 1;
        if (batches === 2) stream.close();
      });
      stream.on('end', () => resolve());
    });
    expect(batches).toBeLessThanOrEqual(3);
    expect(await calls('scan')).toBe(batches);
  });

  it('a closed client gives an error event with the compatible message', async () => {
    const redis = client();
    await redis.ping();
    await redis.quit();
    const error = await new Promise<unknown>((resolve) => {
      const stream = redis.scanStream();
      stream.on('error', resolve);
      stream.on('end', () => resolve('ended'));
      stream.resume();
    });
    expect(error).toBeInstanceOf(ConnectionClosedError);
    expect((error as Error).message).toBe('Connection is closed.');
  });

  it('hscanStream and zscanStream give flat pairs; keyPrefix applies to the key', async () => {
    const redis = client({ keyPrefix: 'p:' });
    await redis.hset('h', { a: '1', b: '2' });
    await redis.zadd('z', 5, 'm');
    const hashBatches: string[][] = [];
    for await (const batch of redis.hscanStream('h') as AsyncIterable<string[]>) hashBatches.push(batch);
    const zsetBatches: string[][] = [];
    for await (const batch of redis.zscanStream('z') as AsyncIterable<string[]>) zsetBatches.push(batch);
    expect(hashBatches.flat().sort()).toEqual(['1', '2', 'a', 'b']);
    expect(zsetBatches.flat()).toEqual(['m', '5']);
    expect(await server.command('EXISTS', 'p:h')).toBe(1);
  });

  it('Buffer variants return Buffers', async () => {
    const redis = client();
    const key = Buffer.from([0xde, 0xad, 0x00, 0xbe]);
    await redis.sadd('s', key);
    const batches: Buffer[][] = [];
    for await (const batch of redis.sscanBufferStream('s') as AsyncIterable<Buffer[]>) batches.push(batch);
    expect(batches.flat().map((b) => b.toString('hex'))).toEqual(['dead00be']);
  });
});

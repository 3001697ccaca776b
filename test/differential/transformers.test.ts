/**
 * ioredis's public `Command.setArgumentTransformer` / `setReplyTransformer`: libraries register
 * transformers on the Command class (`Redis.Command`) and expect every later call to use them.
 * The same registrations go to ioredis's and our Command class; the results must agree.
 */
import IORedis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Redis from '../../src/index';
import { startRedis, stopAll, type RedisServer } from '../fixtures/redisServer';

let server: RedisServer;

beforeAll(async () => {
  server = await startRedis();
});
afterAll(stopAll);

describe('Command transformers (ioredis API)', () => {
  it('a registered argument transformer and reply transformer apply to later calls, as in ioredis', async () => {
    // A made-up convention: LPUSH accepts a Set; LRANGE replies become upper case.
    const toArgs = (args: unknown[]): unknown[] => (args.length === 2 && args[1] instanceof Set ? [args[0], ...args[1]] : args);
    const upper = (reply: unknown): unknown => (Array.isArray(reply) ? reply.map((item) => String(item).toUpperCase()) : reply);
    IORedis.Command.setArgumentTransformer('lpush', toArgs);
    IORedis.Command.setReplyTransformer('lrange', upper);
    Redis.Command.setArgumentTransformer('lpush', toArgs);
    Redis.Command.setReplyTransformer('lrange', upper);

    const results: Record<string, unknown> = {};
    for (const [kind, client] of [
      ['ours', new Redis({ port: server.port, host: server.host, keyPrefix: 'ours:' })],
      ['theirs', new IORedis({ port: server.port, host: server.host, keyPrefix: 'theirs:' })],
    ] as const) {
      const pushed = await (client as unknown as IORedis).lpush('list', new Set(['a', 'b']) as unknown as string);
      const range = await client.lrange('list', 0, -1);
      results[kind] = { pushed, range };
      await client.quit();
    }
    expect(results.ours).toEqual(results.theirs);
    expect(results.ours).toEqual({ pushed: 2, range: ['B', 'A'] });
  });

  it('a transformer registered after the command was already used applies from the next call on, as in ioredis', async () => {
    const results: Record<string, unknown> = {};
    for (const [kind, client, CommandClass] of [
      ['ours', new Redis({ port: server.port, host: server.host, keyPrefix: 'ours-late:' }), Redis.Command],
      ['theirs', new IORedis({ port: server.port, host: server.host, keyPrefix: 'theirs-late:' }), IORedis.Command],
    ] as const) {
      await client.rpush('list', 'x', 'y', 'z');
      const before = await client.llen('list');
      CommandClass.setReplyTransformer('llen', (reply: unknown) => `length ${String(reply)}`);
      const after = await client.llen('list');
      results[kind] = { before, after };
      await client.quit();
    }
    expect(results.ours).toEqual(results.theirs);
    expect(results.ours).toEqual({ before: 3, after: 'length 3' });
  });
});

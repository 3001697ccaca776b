/**
 * Integrity mode (issue 6): a server (or middlebox) that loses one reply shifts every later reply
 * onto the wrong command. Without integrity the client cannot know; with `integrity: true` the
 * ECHO token closing each batch comes back out of place, the batch's replies are withheld, the
 * connection is destroyed and callers get ReplyDesyncError instead of someone else's value.
 */
import { afterAll, describe, expect, it } from 'vitest';
import Redis, { ReplyDesyncError } from '../../src/index';
import { closeAllFakeServers, handshakeReply, reply, startFakeServer, type FakeServer } from '../fixtures/fakeServer';
import { startRedis, stopAll } from '../fixtures/redisServer';

afterAll(async () => {
  await closeAllFakeServers();
  await stopAll();
});

/** A server that answers GET k with "value-of-k", but silently skips its answer to GET k13. */
async function startLossyServer(): Promise<FakeServer> {
  return startFakeServer({
    onCommand(command, conn) {
      const handshake = handshakeReply(command, conn);
      if (handshake !== undefined) {
        conn.write(handshake);
        return;
      }
      if (command[0]?.toUpperCase() === 'GET') {
        if (command[1] === 'k13') return; // the lost reply
        conn.write(reply.bulk(`value-of-${command[1]}`));
        return;
      }
      conn.write(reply.error('ERR unknown command'));
    },
  });
}

async function getMany(client: Redis, count: number): Promise<Array<{ key: string; value?: unknown; error?: unknown }>> {
  const keys = Array.from({ length: count }, (_, i) => `k${i}`);
  return Promise.all(keys.map((key) => client.get(key).then((value) => ({ key, value }), (error: unknown) => ({ key, error }))));
}

describe('integrity mode', () => {
  it('without it, a lost reply hands later commands the wrong values (the failure integrity prevents)', async () => {
    const server = await startLossyServer();
    const client = new Redis({ port: server.port, host: server.host, commandTimeout: 500, retryStrategy: () => null });
    client.on('error', () => undefined);
    const results = await getMany(client, 30);
    const wrong = results.filter((r) => r.value !== undefined && r.value !== `value-of-${r.key}`);
    expect(wrong.length).toBeGreaterThan(0);
    client.disconnect();
  });

  it('with it, no command receives a reply that is not its own, and the batch fails with ReplyDesyncError', async () => {
    const server = await startLossyServer();
    const client = new Redis({ port: server.port, host: server.host, integrity: true, commandTimeout: 500, retryStrategy: () => null });
    const errors: Error[] = [];
    client.on('error', (error: Error) => errors.push(error));
    const results = await getMany(client, 30);
    const wrong = results.filter((r) => r.value !== undefined && r.value !== `value-of-${r.key}`);
    expect(wrong).toEqual([]);
    const desynced = results.filter((r) => r.error instanceof ReplyDesyncError);
    expect(desynced.length).toBeGreaterThan(0);
    const first = desynced[0]!.error as ReplyDesyncError;
    expect(first.code).toBe('ERR_REPLY_DESYNC');
    expect(first.context.endpoint).toBe(`${server.host}:${server.port}`);
    expect(first.context.mayHaveExecuted).toBe(true);
    expect(errors.some((e) => e instanceof ReplyDesyncError)).toBe(true);
    client.disconnect();
  });

  it('costs nothing in correctness on a healthy server: 5,000 replies all matched, one ECHO per batch', async () => {
    const server = await startRedis();
    const client = new Redis({ port: server.port, host: server.host, integrity: true });
    const before = Number((await server.info('commandstats'))['cmdstat_echo']?.match(/calls=(\d+)/)?.[1] ?? 0);
    await Promise.all(Array.from({ length: 5000 }, (_, i) => client.set(`key:${i}`, `v${i}`)));
    const values = await Promise.all(Array.from({ length: 5000 }, (_, i) => client.get(`key:${i}`)));
    expect(values.filter((v, i) => v !== `v${i}`)).toEqual([]);
    const pipelined = await client.pipeline().set('p', '1').incr('p').get('p').exec();
    expect(pipelined).toEqual([[null, 'OK'], [null, 2], [null, '2']]);
    await expect(client.hget('p', 'x')).rejects.toThrow(/WRONGTYPE/);
    const after = Number((await server.info('commandstats'))['cmdstat_echo']?.match(/calls=(\d+)/)?.[1] ?? 0);
    // Batches, not commands: far fewer ECHOs than the 10,000 commands sent.
    expect(after - before).toBeGreaterThan(0);
    expect(after - before).toBeLessThan(1000);
    expect(await client.quit()).toBe('OK');
  });
});

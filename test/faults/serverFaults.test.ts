/**
 * The fault suite, server half: the same mixed workload straight at a redis-server that is
 * stopped and continued (SIGSTOP/SIGCONT, a stall with sockets open), killed and restarted
 * (SIGKILL, connection refused, a new process on the same port), made to drop its clients
 * (CLIENT KILL normal/pubsub), and made to refuse new ones (`maxclients` 1 while every client
 * is killed). The server keeps an append-only file (written before each reply; a SIGKILL loses
 * no acknowledged write), so the write ledger stays checkable across restarts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type IORedis from 'ioredis';
import { startRedis, stopAll, type RedisServer } from '../fixtures/redisServer';
import { adminFor, expectGuaranteesHeld, runScenario, serverFaults } from './scenario';

const DURATION_MS = Number(process.env.FAULT_SERVER_MS ?? 25_000);
/** Replies checked at least (the soak asks for 1M). */
const MIN_REPLIES = Number(process.env.FAULT_SERVER_MIN_REPLIES ?? 10_000);

let server: RedisServer;
let admin: IORedis;

beforeAll(async () => {
  // 'password', not 'acl': redis 7.0 replays MULTI/EXEC from the AOF as the default user, and with
  // that user off ('acl' preset) every transaction is dropped on load (NOPERM in the server log).
  server = await startRedis({ preset: 'password', args: ['--appendonly', 'yes', '--appendfsync', 'no'] });
  admin = adminFor(server);
});

afterAll(async () => {
  admin?.disconnect();
  await stopAll();
});

describe('fault suite: server signals, restarts, kills and refusals', () => {
  it(`mixed workload for ${DURATION_MS / 1000} s: zero doubles, zero mismatches, full contexts, bounded queue`, async () => {
    const result = await runScenario({
      port: server.port,
      server,
      faults: serverFaults(server, () => admin),
      durationMs: DURATION_MS,
      quietMs: [100, 500],
      allowedReplyErrors: [/^ERR max number of clients reached/],
      verifyEveryMs: 5000,
      heal: async () => {
        if (!server.isRunning) await server.restart();
        server.resume();
        await admin.call('CONFIG', 'SET', 'maxclients', '10000');
      },
    });
    const f = result.figures;
    console.log('[faults] server scenario', JSON.stringify({ ...result, samples: undefined }, null, 1));
    if (result.samples.length > 0) console.log('[faults] samples:\n' + result.samples.join('\n'));

    expect(result.totalFaults).toBeGreaterThan(10);
    expect(f.repliesChecked).toBeGreaterThan(MIN_REPLIES);
    expectGuaranteesHeld(result);
  }, DURATION_MS + 120_000);
});

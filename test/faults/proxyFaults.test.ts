/**
 * The fault suite, network half: a mixed workload (pipelines, MULTI/EXEC, BLPOP on leases,
 * pub/sub, Lua) through a fault-injecting proxy that resets and closes connections, truncates and
 * swallows replies, delays, partitions (held bytes, delivered late) and blackholes (lost bytes,
 * then a reset), while an admin connection runs CLIENT KILL. Counted and asserted: no write ran
 * twice, no reply reached the wrong command, no unhandled rejection, every failed command's error
 * has its context, the offline queue stays within its bound, and the client recovers and quits.
 *
 * A control run with `autoResendUnfulfilledCommands: true` (ioredis's re-send) shows the ledger
 * does catch doubles, so the zero above is a measurement and not a blind spot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type IORedis from 'ioredis';
import { closeAllProxies, startFaultProxy, type FaultProxy } from '../fixtures/faultProxy';
import { startRedis, stopAll, type RedisServer } from '../fixtures/redisServer';
import { adminFor, expectGuaranteesHeld, FAULT_CLIENT_DEFAULTS, proxyFaults, randomInt, runScenario, sleep } from './scenario';

const DURATION_MS = Number(process.env.FAULT_PROXY_MS ?? 25_000);
/** Replies checked at least (the soak asks for 1M). */
const MIN_REPLIES = Number(process.env.FAULT_PROXY_MIN_REPLIES ?? 10_000);

let server: RedisServer;
let proxy: FaultProxy;
let admin: IORedis;

beforeAll(async () => {
  server = await startRedis({ preset: 'password' });
  proxy = await startFaultProxy({ targetPort: server.port });
  admin = adminFor(server);
});

afterAll(async () => {
  admin?.disconnect();
  await closeAllProxies();
  await stopAll();
});

describe('fault suite: network faults through a proxy', () => {
  it(`mixed workload for ${DURATION_MS / 1000} s: zero doubles, zero mismatches, full contexts, bounded queue`, async () => {
    const commandTimeout = FAULT_CLIENT_DEFAULTS.commandTimeout!;
    const result = await runScenario({
      port: proxy.port,
      server,
      faults: proxyFaults(proxy, () => admin, commandTimeout),
      durationMs: DURATION_MS,
      heal: async () => proxy.resetAll(),
      verifyEveryMs: 5000,
    });
    const f = result.figures;
    console.log('[faults] proxy scenario', JSON.stringify({ ...result, samples: undefined }, null, 1));
    if (result.samples.length > 0) console.log('[faults] samples:\n' + result.samples.join('\n'));

    expect(result.totalFaults).toBeGreaterThan(20);
    expect(f.repliesChecked).toBeGreaterThan(MIN_REPLIES);
    expectGuaranteesHeld(result);
  }, DURATION_MS + 120_000);

  it('control: with ioredis-style re-send of written commands, the same ledger finds doubles', async () => {
    // Swallow replies to INCR: the write ran, the reply is lost, the connection is cut.
    const result = await runScenario({
      port: proxy.port,
      server,
      durationMs: 3000,
      clientOptions: { autoResendUnfulfilledCommands: true },
      workload: { plainFlows: 2, pipelineFlows: 1, multiFlows: 0, luaFlows: 0, blockingFlows: 0, pubsub: false },
      faults: [{
        name: 'swallowedIncrReply',
        weight: 1,
        run: async () => {
          proxy.setFault({ swallowReply: { nth: randomInt(1, 20), command: 'INCR' } });
          await sleep(100);
          proxy.setFault({ swallowReply: undefined });
        },
      }],
      quietMs: [20, 60],
      heal: async () => proxy.resetAll(),
    });
    console.log('[faults] control (re-send on)', JSON.stringify({ doubles: result.figures.doubles, faults: result.totalFaults }));
    expect(result.figures.doubles).toBeGreaterThan(0);
    expect(result.figures.mismatches).toBe(0);
  }, 60_000);
});

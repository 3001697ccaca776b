/**
 * The one deliberate difference in delivery, shown against ioredis 6: a write whose reply was lost
 * with the connection. ioredis re-sends it after the reconnect (it runs twice); ours fails it with
 * `mayHaveExecuted: true`, unless `autoResendUnfulfilledCommands: true` asks for ioredis's way.
 * Reads are re-sent by both. Each client reaches its own server through its own fault proxy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAllProxies, startFaultProxy, type FaultProxy } from '../fixtures/faultProxy';
import { stopAll } from '../fixtures/redisServer';
import { normalize, runWith, startServers, valueOf, type ClientKind, type Scenario, type Servers } from './oracle';

let servers: Servers;
const proxies = {} as Record<ClientKind, FaultProxy>;

beforeAll(async () => {
  servers = await startServers();
  proxies.ours = await startFaultProxy({ targetPort: servers.ours.port });
  proxies.theirs = await startFaultProxy({ targetPort: servers.theirs.port });
});
afterAll(async () => {
  await closeAllProxies();
  await stopAll();
});

/** Run `scenario` through each kind's proxy; `lose` arms the proxy to swallow one reply. */
async function throughProxies(
  options: Record<string, unknown>,
  scenario: (client: Parameters<Scenario>[0], lose: (command: string) => void) => Promise<unknown>,
): Promise<Record<ClientKind, unknown>> {
  const out = {} as Record<ClientKind, unknown>;
  for (const kind of ['theirs', 'ours'] as const) {
    const proxy = proxies[kind];
    proxy.resetAll();
    const outcome = await runWith(kind, servers[kind], async (_r, env) => {
      const client = env.construct({ host: proxy.host, port: proxy.port, retryStrategy: () => 20, ...options });
      client.on('error', () => undefined);
      return scenario(client, (command) => proxy.setFault({ swallowReply: { nth: 1, command } }));
    });
    out[kind] = valueOf(outcome);
  }
  return out;
}

async function outcome(promise: Promise<unknown>): Promise<unknown> {
  try {
    return { ok: await promise };
  } catch (error) {
    const context = (error as { context?: { mayHaveExecuted?: boolean } }).context;
    return { error: (error as Error).name, mayHaveExecuted: context?.mayHaveExecuted };
  }
}

describe('a write whose reply was lost', () => {
  it('ioredis runs it twice; ours runs it once and says it may have executed', async () => {
    const seen = await throughProxies({}, async (client, lose) => {
      await client.set('n', 0);
      lose('INCR');
      const result = await outcome(client.incr('n'));
      return [result, await client.get('n')];
    });
    expect(seen.theirs).toEqual([{ ok: 2 }, '2']);
    expect(seen.ours).toEqual([{ error: 'ConnectionLostError', mayHaveExecuted: true }, '1']);
  });

  it('with autoResendUnfulfilledCommands: true ours re-sends it, as ioredis does', async () => {
    const seen = await throughProxies({ autoResendUnfulfilledCommands: true }, async (client, lose) => {
      await client.set('n', 0);
      lose('INCR');
      return [await outcome(client.incr('n')), await client.get('n')];
    });
    expect(seen.ours).toEqual(seen.theirs);
    expect(seen.ours).toEqual([{ ok: 2 }, '2']);
  });

  it('a read whose reply was lost is re-sent by both', async () => {
    const seen = await throughProxies({}, async (client, lose) => {
      await client.set('k', 'v');
      lose('GET');
      return outcome(client.get('k'));
    });
    expect(seen.ours).toEqual(seen.theirs);
    expect(seen.ours).toEqual({ ok: 'v' });
  });

  it('a pipeline: ioredis re-sends the lost INCR; ours fails that slot and re-sends the read', async () => {
    const seen = await throughProxies({}, async (client, lose) => {
      await client.set('n', 0);
      lose('INCR');
      const results = (await client.pipeline().incr('n').get('n').exec()) ?? [];
      return [normalize(results.map(([error, value]) => (error ? error.name : value))), await client.get('n')];
    });
    expect(seen.theirs).toEqual([[2, '2'], '2']);
    expect(seen.ours).toEqual([['ConnectionLostError', '1'], '1']);
  });
});

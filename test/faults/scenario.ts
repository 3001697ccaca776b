/**
 * Fault scenarios shared by the fault suite (`npm test`, bounded) and the soak (`npm run
 * test:soak`, long): a workload on one client while an injector breaks things, then recovery,
 * verification of every write through an admin connection that bypasses the faults, and quit.
 */
import IORedis from 'ioredis';
import { expect } from 'vitest';
import { Redis } from '../../src/index';
import type { RedisOptions } from '../../src/options';
import type { FaultProxy } from '../fixtures/faultProxy';
import type { RedisServer } from '../fixtures/redisServer';
import { FINAL_MESSAGE_PREFIX, Ledger, Workload, type LedgerFigures, type WorkloadOptions } from './workload';

let unhandledRejections = 0;
const unhandledSamples: string[] = [];
process.on('unhandledRejection', (reason: unknown) => {
  unhandledRejections += 1;
  if (unhandledSamples.length < 5) unhandledSamples.push(reason instanceof Error ? (reason.stack ?? reason.message) : String(reason));
});

/** Unhandled rejections seen by this process so far (vitest reports them too; this counts them). */
export function unhandledRejectionCount(): { count: number; samples: string[] } {
  return { count: unhandledRejections, samples: unhandledSamples.slice() };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function randomInt(min: number, max: number): number {
  return min + Math.floor(Math.random() * (max - min + 1));
}

/** A named fault: starts, lasts as long as it lasts, ends with everything restored. */
export interface Fault {
  name: string;
  /** Relative weight when picking at random. */
  weight: number;
  run(): Promise<void>;
}

export interface ScenarioOptions {
  /** The endpoint the client under test dials (a proxy, or the server itself). */
  port: number;
  /** Admin connection to the server itself, bypassing every fault. */
  server: RedisServer;
  faults: Fault[];
  durationMs: number;
  clientOptions?: RedisOptions;
  workload?: Partial<WorkloadOptions>;
  /** Pause between faults (random in [min, max] ms). */
  quietMs?: [number, number];
  allowedReplyErrors?: RegExp[];
  /** Restores a sane world after the run (stop holding, SIGCONT, restore maxclients, …). */
  heal?: () => Promise<void>;
  /** Verify settled writes every this many ms during the run (bounds the ledger's memory). */
  verifyEveryMs?: number;
}

export interface ScenarioResult {
  figures: LedgerFigures;
  faultsInjected: Record<string, number>;
  totalFaults: number;
  durationMs: number;
  /** ms the workload took to settle after the faults stopped. */
  settleMs: number;
  recovered: boolean;
  messagesPublished: number;
  finalMessageDelivered: boolean;
  quitReply: unknown;
  samples: string[];
  offlineQueueLimit: number;
  clientErrorEvents: Record<string, number>;
}

export const FAULT_CLIENT_DEFAULTS: RedisOptions = {
  commandTimeout: 1000,
  offlineQueueLimit: 150,
  maxRetriesPerRequest: 20,
  connectTimeout: 2000,
  retryStrategy: (times: number) => Math.min(10 * times, 200),
  pool: { max: 12, acquireTimeout: 3000, breakerThreshold: 5 },
};

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function adminFor(server: RedisServer): IORedis {
  const admin = new IORedis({
    host: server.host,
    port: server.port,
    password: server.password,
    username: server.username,
    tls: server.endpoint.tls,
    maxRetriesPerRequest: null,
    retryStrategy: () => 50,
    lazyConnect: false,
  });
  admin.on('error', () => undefined);
  return admin;
}

/** Runs one scenario; assertions are the caller's, on the returned figures. */
export async function runScenario(options: ScenarioOptions): Promise<ScenarioResult> {
  const admin = adminFor(options.server);
  const clientOptions: RedisOptions = { ...FAULT_CLIENT_DEFAULTS, ...options.clientOptions };
  const client = new Redis({
    host: '127.0.0.1',
    port: options.port,
    password: options.server.password,
    username: options.server.username,
    ...clientOptions,
  });
  const clientErrorEvents = new Map<string, number>();
  client.on('error', (error: Error) => {
    const key = `${error.name}(${(error as { code?: string }).code ?? ''})`;
    clientErrorEvents.set(key, (clientErrorEvents.get(key) ?? 0) + 1);
  });
  const ledger = new Ledger(options.allowedReplyErrors ?? []);
  const offlineQueueLimit = clientOptions.offlineQueueLimit ?? 100_000;
  const sampler = setInterval(() => ledger.sampleQueued(client.stats()), 2);
  const faultsInjected: Record<string, number> = {};
  let totalFaults = 0;
  const started = Date.now();
  let settleMs = 0;
  let recovered = false;
  let finalMessageDelivered = false;
  let quitReply: unknown;
  let workload: Workload | undefined;
  try {
    await Workload.seed(admin);
    await client.ping();
    workload = new Workload({ client, ledger, ...options.workload });
    await workload.start();

    const deadline = started + options.durationMs;
    const [quietMin, quietMax] = options.quietMs ?? [50, 300];
    const totalWeight = options.faults.reduce((sum, fault) => sum + fault.weight, 0);
    let nextVerify = Date.now() + (options.verifyEveryMs ?? Infinity);
    while (Date.now() < deadline) {
      let pick = Math.random() * totalWeight;
      const fault = options.faults.find((candidate) => (pick -= candidate.weight) < 0) ?? options.faults[0]!;
      await fault.run();
      faultsInjected[fault.name] = (faultsInjected[fault.name] ?? 0) + 1;
      totalFaults += 1;
      await sleep(randomInt(quietMin, quietMax));
      if (Date.now() >= nextVerify) {
        await ledger.verifyWrites(admin, false);
        nextVerify = Date.now() + options.verifyEveryMs!;
      }
    }

    // Faults over: heal, let every command settle, then prove the client works again.
    await options.heal?.();
    const settleStart = Date.now();
    await withTimeout(workload.stop(), 60_000, 'the workload');
    settleMs = Date.now() - settleStart;
    recovered = (await withTimeout(client.ping('recovered'), 15_000, 'a PING after the faults')) === 'recovered';

    // Pub/sub must be back too (resubscribed on every new subscriber socket).
    if (options.workload?.pubsub !== false) finalMessageDelivered = await publishUntilHeard(client);

    await ledger.verifyWrites(admin, true);
    for (const queue of workload.queues()) ledger.leftInQueue(await admin.lrange(queue, 0, -1));
    quitReply = await withTimeout(client.quit(), 10_000, 'quit()');
  } finally {
    clearInterval(sampler);
    await options.heal?.().catch(() => undefined);
    client.disconnect();
    admin.disconnect();
  }
  return {
    figures: ledger.figures(),
    faultsInjected,
    totalFaults,
    durationMs: Date.now() - started,
    settleMs,
    recovered,
    messagesPublished: workload?.published ?? 0,
    finalMessageDelivered,
    quitReply,
    samples: ledger.samples,
    offlineQueueLimit,
    clientErrorEvents: Object.fromEntries(clientErrorEvents),
  };
}

/** Publishes until the client's own subscriber hears it (it may still be resubscribing). */
async function publishUntilHeard(client: Redis): Promise<boolean> {
  const heardMessages = new Set<string>();
  const onMessage = (channel: string, message: string): void => {
    if (channel === Workload.channel) heardMessages.add(message);
  };
  client.on('message', onMessage);
  try {
    for (let tries = 0; tries < 50; tries++) {
      const message = `${FINAL_MESSAGE_PREFIX}${tries}`;
      await client.publish(Workload.channel, message);
      await sleep(100);
      if (heardMessages.size > 0) return true;
    }
    return false;
  } finally {
    client.off('message', onMessage);
  }
}

// ─── fault catalogues ─────────────────────────────────────────────────────────────────

/** Faults a TCP proxy injects between the client and the server. */
export function proxyFaults(proxy: FaultProxy, admin: () => IORedis, commandTimeout: number): Fault[] {
  return [
    { name: 'reset', weight: 3, run: async () => proxy.resetConnections() },
    { name: 'close', weight: 2, run: async () => proxy.closeConnections() },
    {
      name: 'truncatedReply',
      weight: 3,
      run: async () => {
        proxy.setFault({ cutAfterServerBytes: randomInt(0, 400), cutMode: Math.random() < 0.5 ? 'close' : 'reset' });
        await sleep(randomInt(50, 250));
        proxy.setFault({ cutAfterServerBytes: undefined, cutMode: undefined });
      },
    },
    {
      name: 'swallowedReply',
      weight: 3,
      run: async () => {
        proxy.setFault({ swallowReply: { nth: randomInt(1, 60) } });
        await sleep(randomInt(50, 250));
        proxy.setFault({ swallowReply: undefined });
      },
    },
    {
      name: 'delay',
      weight: 2,
      run: async () => {
        proxy.setFault({ delayMs: randomInt(5, 80) });
        await sleep(randomInt(200, 600));
        proxy.setFault({ delayMs: undefined });
      },
    },
    {
      // A partition that heals: TCP delivers late, in order. Commands time out and keep their slots.
      name: 'partition',
      weight: 1,
      run: async () => {
        proxy.setFault({ hold: true });
        await sleep(randomInt(Math.round(commandTimeout * 0.5), Math.round(commandTimeout * 1.5)));
        proxy.setFault({ hold: undefined });
      },
    },
    {
      // A partition that does not heal: bytes vanish until the connection is torn down.
      name: 'blackhole',
      weight: 1,
      run: async () => {
        proxy.setFault({ blackhole: true });
        await sleep(randomInt(Math.round(commandTimeout * 0.8), Math.round(commandTimeout * 1.5)));
        proxy.resetConnections();
        proxy.setFault({ blackhole: undefined });
      },
    },
    {
      name: 'clientKill',
      weight: 2,
      run: async () => {
        await admin().call('CLIENT', 'KILL', 'TYPE', Math.random() < 0.7 ? 'normal' : 'pubsub').catch(() => undefined);
      },
    },
  ];
}

/** Faults done to the server process itself: signals, restarts, CLIENT KILL, maxclients. */
export function serverFaults(server: RedisServer, admin: () => IORedis): Fault[] {
  return [
    {
      name: 'SIGSTOP/SIGCONT',
      weight: 3,
      run: async () => {
        server.pause();
        await sleep(randomInt(100, 1500));
        server.resume();
      },
    },
    {
      name: 'SIGKILL+restart',
      weight: 2,
      run: async () => {
        server.kill('SIGKILL');
        await server.waitForExit();
        await sleep(randomInt(50, 600));
        await server.restart();
      },
    },
    {
      name: 'clientKill',
      weight: 3,
      run: async () => {
        await admin().call('CLIENT', 'KILL', 'TYPE', Math.random() < 0.7 ? 'normal' : 'pubsub').catch(() => undefined);
      },
    },
    {
      name: 'maxclients',
      weight: 2,
      run: async () => {
        // Only the admin connection fits: every reconnect is refused until the limit is raised.
        await admin().call('CONFIG', 'SET', 'maxclients', '1');
        await admin().call('CLIENT', 'KILL', 'TYPE', 'normal').catch(() => undefined);
        await admin().call('CLIENT', 'KILL', 'TYPE', 'pubsub').catch(() => undefined);
        await sleep(randomInt(200, 1200));
        await admin().call('CONFIG', 'SET', 'maxclients', '10000');
      },
    },
  ];
}

/**
 * What every fault run must show, whatever the faults: every write verified on the server, the
 * faults bit (some commands failed), and none of the guarantees broken.
 */
export function expectGuaranteesHeld(result: ScenarioResult): void {
  const f = result.figures;
  expect(f.writesVerified).toBe(f.writesIssued);
  expect(f.failedCommands).toBeGreaterThan(0); // the faults did bite
  expect(f.doubles).toBe(0);
  expect(f.mismatches).toBe(0);
  expect(f.falseNotExecuted).toBe(0);
  expect(f.lostAcknowledged).toBe(0);
  expect(f.contextViolations).toBe(0);
  expect(f.unexpectedErrors).toBe(0);
  expect(f.maxOfflineQueued).toBeLessThanOrEqual(result.offlineQueueLimit);
  expect(result.recovered).toBe(true);
  expect(result.finalMessageDelivered).toBe(true);
  expect(result.quitReply).toBe('OK');
  expect(unhandledRejectionCount()).toEqual({ count: 0, samples: [] });
}

// Scenario definitions. Imported by the parent (titles, client lists, redis-benchmark ceilings,
// parent-side control) and by the child process (run). `run(ctx)` executes inside the child,
// with the client under test; see child.mjs for ctx.

import { readInfo } from './server.mjs';
import { LatencyRecorder } from './stats.mjs';

// ---- data every scenario reads; the parent seeds it once per server --------------------------

/** A printable value of exactly `bytes` bytes that does not compress to a repeated byte. */
export function makeValue(bytes) {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  let s = '';
  let x = 2463534242;
  while (s.length < bytes) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    s += alphabet[(x >>> 0) % alphabet.length];
  }
  return s;
}

export const KEY_COUNT = 1000;
export const KEYS = Array.from({ length: KEY_COUNT }, (_, i) => `bench:k:${i}`);
export const VALUE_100B = makeValue(100);
export const BIG_KEYS = { '100kb': 'bench:big:100kb', '1mb': 'bench:big:1mb' };
export const LIST_KEY = 'bench:list';
export const LIST_LENGTH = 1000;
export const HASH_KEY = 'bench:hash';
export const HASH_FIELDS = 100;
export const FLEET_QUEUES = Array.from({ length: 10 }, (_, i) => `bench:jobs:${i}`);

/** Writes everything the scenarios read. `conn` is a raw connection from server.mjs. */
export async function seed(conn) {
  const commands = KEYS.map((key) => ['SET', key, VALUE_100B]);
  commands.push(['SET', BIG_KEYS['100kb'], makeValue(100 * 1024)]);
  commands.push(['SET', BIG_KEYS['1mb'], makeValue(1024 * 1024)]);
  commands.push(['DEL', LIST_KEY, HASH_KEY, ...FLEET_QUEUES]);
  commands.push(['RPUSH', LIST_KEY, ...Array.from({ length: LIST_LENGTH }, (_, i) => `item:${String(i).padStart(6, '0')}`)]);
  const hash = [];
  for (let i = 0; i < HASH_FIELDS; i++) hash.push(`field:${i}`, makeValue(16));
  commands.push(['HSET', HASH_KEY, ...hash]);
  await conn.callMany(commands);
}

/** Every key seed() writes, for cleaning up a server given with --url. */
export const SEEDED_KEYS = [...KEYS, ...Object.values(BIG_KEYS), LIST_KEY, HASH_KEY, ...FLEET_QUEUES];

// ---- operations ------------------------------------------------------------------------------

/** Alternates SET and GET of 100 B values over KEY_COUNT keys. */
function getSetOp(client) {
  return (_worker, i) => {
    const key = KEYS[(i >> 1) % KEY_COUNT];
    return (i & 1) === 0 ? client.set(key, VALUE_100B) : client.get(key);
  };
}

const PIPELINE_COMMANDS = Array.from({ length: 100 }, (_, i) =>
  i % 2 === 0 ? ['set', KEYS[i >> 1], VALUE_100B] : ['get', KEYS[i >> 1]],
);

async function withClient(ctx, body) {
  const client = await ctx.open();
  try {
    return await body(client);
  } finally {
    await ctx.close(client);
  }
}

/** The load shapes redis-benchmark tries for `n` commands in flight; the best one is the ceiling. */
const inFlight = (n) => (n === 1 ? [{ concurrency: 1, pipeline: 1 }] : [{ concurrency: n, pipeline: 1 }, { concurrency: 1, pipeline: n }]);

const getSetCeiling = (shapes) => ({
  shapes,
  // The scenario is half SET, half GET: its ceiling is the harmonic mean of both rates.
  commands: [
    ['SET', KEYS[0], VALUE_100B],
    ['GET', KEYS[0]],
  ],
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const epochNow = () => performance.timeOrigin + performance.now();

// Clients that take part in every scenario, and those added where many commands are in flight.
const BASE = ['forksafe-redis', 'forksafe-redis-integrity', 'ioredis', 'node-redis'];
const WITH_AUTOPIPELINE = ['forksafe-redis', 'forksafe-redis-integrity', 'ioredis', 'ioredis-autopipeline', 'node-redis'];

export const STALL_MS = 1500;
export const FLEET_CALLERS = 50;

export const SCENARIOS = [
  {
    id: 'seq',
    chartLabel: 'Sequential GET/SET 100 B',
    group: 'sequential',
    title: 'Sequential GET/SET 100 B',
    description: 'One command awaited at a time, alternating SET and GET of 100-byte values. Measures per-command overhead and round-trip latency. bare-node-socket is a reference, not a client: a bare socket read into one reused buffer, a minimal RESP reader and one promise per command, about the fastest an awaited round trip gets in Node.',
    clients: [...BASE, 'bare-node-socket'],
    unit: 'commands',
    ceiling: getSetCeiling(inFlight(1)),
    run: (ctx) => withClient(ctx, (client) => ctx.measure({ concurrency: 1, op: getSetOp(client) })),
  },
  {
    id: 'concurrent',
    chartLabel: '100 concurrent GET/SET',
    group: 'concurrent',
    title: '100 concurrent GET/SET 100 B',
    description: '100 async callers share one client instance, each awaiting its own SET or GET, so about 100 commands are always in flight.',
    clients: WITH_AUTOPIPELINE,
    unit: 'commands',
    ceiling: getSetCeiling(inFlight(100)),
    run: (ctx) => withClient(ctx, (client) => ctx.measure({ concurrency: 100, op: getSetOp(client) })),
  },
  {
    id: 'pipeline',
    chartLabel: 'Pipeline of 100',
    group: 'pipeline',
    title: 'Pipeline of 100 commands',
    description: 'An explicit batch of 50 SET + 50 GET sent together and awaited as one (ioredis API: pipeline().exec(); node-redis: multi().execAsPipeline()). ops/s counts commands; latency is per batch.',
    clients: BASE,
    unit: 'commands',
    ceiling: getSetCeiling([{ concurrency: 1, pipeline: 100 }]),
    run: (ctx) =>
      withClient(ctx, (client) =>
        ctx.measure({ concurrency: 1, opsPerCall: PIPELINE_COMMANDS.length, op: () => client.pipeline(PIPELINE_COMMANDS) }),
      ),
  },
  {
    id: 'get-100kb',
    chartLabel: 'GET 100 KB',
    group: 'large',
    title: 'GET 100 KB value',
    description: 'Sequential GET of one 100 KiB value: reply parsing and buffer handling.',
    clients: [...BASE, 'bare-node-socket'],
    unit: 'commands',
    ceiling: { shapes: inFlight(1), commands: [['GET', BIG_KEYS['100kb']]] },
    run: (ctx) => withClient(ctx, (client) => ctx.measure({ concurrency: 1, op: () => client.get(BIG_KEYS['100kb']) })),
  },
  {
    id: 'get-1mb',
    chartLabel: 'GET 1 MB',
    group: 'large',
    title: 'GET 1 MB value',
    description: 'Sequential GET of one 1 MiB value.',
    clients: [...BASE, 'bare-node-socket'],
    unit: 'commands',
    ceiling: { shapes: inFlight(1), commands: [['GET', BIG_KEYS['1mb']]] },
    run: (ctx) => withClient(ctx, (client) => ctx.measure({ concurrency: 1, op: () => client.get(BIG_KEYS['1mb']) })),
  },
  {
    id: 'lrange-100',
    chartLabel: 'LRANGE 100, 16 in flight',
    group: 'collections',
    title: 'LRANGE 100 elements, 16 in flight',
    description: 'LRANGE of the first 100 elements of a list, 16 callers in flight: array reply decoding.',
    clients: WITH_AUTOPIPELINE,
    unit: 'commands',
    ceiling: { shapes: inFlight(16), commands: [['LRANGE', LIST_KEY, '0', '99']] },
    run: (ctx) => withClient(ctx, (client) => ctx.measure({ concurrency: 16, op: () => client.lrange(LIST_KEY, 0, 99) })),
  },
  {
    id: 'lrange-1000',
    chartLabel: 'LRANGE 1,000, 16 in flight',
    group: 'collections',
    title: 'LRANGE 1,000 elements, 16 in flight',
    description: 'LRANGE of 1,000 elements, 16 callers in flight.',
    clients: WITH_AUTOPIPELINE,
    unit: 'commands',
    ceiling: { shapes: inFlight(16), commands: [['LRANGE', LIST_KEY, '0', '999']] },
    run: (ctx) => withClient(ctx, (client) => ctx.measure({ concurrency: 16, op: () => client.lrange(LIST_KEY, 0, 999) })),
  },
  {
    id: 'hgetall-100',
    chartLabel: 'HGETALL 100, 16 in flight',
    group: 'collections',
    title: 'HGETALL 100 fields, 16 in flight',
    description: 'HGETALL of a 100-field hash, 16 callers in flight: reply decoding into an object.',
    clients: WITH_AUTOPIPELINE,
    unit: 'commands',
    ceiling: { shapes: inFlight(16), commands: [['HGETALL', HASH_KEY]] },
    run: (ctx) => withClient(ctx, (client) => ctx.measure({ concurrency: 16, op: () => client.hgetall(HASH_KEY) })),
  },
  {
    id: 'connect',
    chartLabel: 'Connect+AUTH+PING+QUIT',
    group: 'connect',
    title: 'Connect + AUTH + PING + QUIT',
    description: 'A new client instance per cycle against a server with requirepass: dial, authenticate (plus whatever the client sends while getting ready), PING, QUIT. ops/s counts cycles.',
    clients: BASE,
    unit: 'cycles',
    server: 'auth',
    ceiling: { shapes: inFlight(1), keepAlive: false, commands: [['PING']] },
    run: (ctx) =>
      ctx.measure({
        concurrency: 1,
        op: async () => {
          const client = await ctx.open(ctx.authEndpoint);
          try {
            await client.ping();
            await client.quit();
          } catch (err) {
            client.destroy();
            throw err;
          }
        },
      }),
  },
  {
    id: 'fleet',
    chartLabel: 'GET/SET beside 10 BLPOPs',
    group: 'fleet',
    title: `Worker fleet: ${FLEET_CALLERS} GET/SET callers + 10 BLPOP loops`,
    description: `One client instance serves ${FLEET_CALLERS} callers doing GET/SET while 10 loops wait in BLPOP (1 s timeout) on job queues that a separate producer fills at 1,000 jobs/s. A client that runs BLPOP on the shared connection makes ordinary commands wait behind it. Reported latencies are for ordinary commands; commands still waiting when the window ends count with their age so far.`,
    clients: WITH_AUTOPIPELINE,
    unit: 'commands',
    longWindow: true,
    run: (ctx) => runFleet(ctx),
  },
  {
    id: 'stall',
    chartLabel: 'Stall 1.5 s',
    group: 'stall',
    title: `Server stall of ${STALL_MS / 1000} s under load`,
    description: `Open-loop load of 2,000 GET/SET per second; the harness freezes its redis-server with SIGSTOP for ${STALL_MS / 1000} s, then SIGCONT. Reported: connections the client opened from just before the stall to the end (INFO total_connections_received), failed commands, max latency, recovery time (from SIGCONT until every command issued before it has completed and the last failure, if any, has happened), and p99 latency of the commands issued after SIGCONT.`,
    clients: BASE,
    unit: 'commands',
    needsOwnServer: true,
    run: (ctx) => runStall(ctx),
    control: controlStall,
  },
];

/** Group names and ids accepted by --only. */
export const SCENARIO_GROUPS = [...new Set(SCENARIOS.map((s) => s.group))];

// ---- scenario 7: worker fleet -----------------------------------------------------------------

async function runFleet(ctx) {
  const client = await ctx.open();
  const producer = await ctx.openRaw();
  await producer.call('DEL', ...FLEET_QUEUES);
  const pushes = FLEET_QUEUES.map((queue) => ['RPUSH', queue, 'job']);
  const producerTimer = setInterval(() => {
    producer.callMany(pushes).catch(() => {});
  }, 10);

  let stopping = false;
  let jobsInWindow = 0;
  let blpopErrors = 0;
  const workers = FLEET_QUEUES.map(async (queue) => {
    while (!stopping) {
      try {
        const job = await client.blpop(queue, 1);
        if (job && ctx.phase === 'measure') jobsInWindow++;
      } catch {
        if (ctx.phase === 'measure') blpopErrors++;
        await new Promise((r) => setImmediate(r));
      }
    }
  });

  try {
    const metrics = await ctx.measure({
      concurrency: FLEET_CALLERS,
      op: getSetOp(client),
      censorPending: true,
      drainMs: 0,
      durationMs: ctx.options.fleetMs,
    });
    return {
      ...metrics,
      jobsPerSec: (jobsInWindow * 1000) / metrics.elapsedMs,
      blpopErrors,
    };
  } finally {
    stopping = true;
    clearInterval(producerTimer);
    producer.close();
    // quit() would queue behind the BLPOPs; the window is over, so cut the connections.
    client.destroy();
    await Promise.race([Promise.allSettled(workers), sleep(200)]);
  }
}

// ---- scenario 8: server stall -----------------------------------------------------------------

const STALL_RATE_PER_SEC = 2000;
const STALL_TICK_MS = 5;

async function runStall(ctx) {
  const client = await ctx.open();
  const all = new LatencyRecorder();
  const afterStall = new LatencyRecorder();
  let phase = 'before';
  let issued = 0;
  let completed = 0;
  let errors = 0;
  let outstanding = 0;
  let maxOutstanding = 0;
  let lastBacklogDoneAt = 0;
  let lastErrorAt = 0;
  const errorSamples = new Set();
  const op = getSetOp(client);

  const issue = () => {
    const i = issued++;
    const start = performance.now();
    // Commands issued before the harness says the server is back are the backlog to drain.
    const isBacklog = phase !== 'after';
    outstanding++;
    if (outstanding > maxOutstanding) maxOutstanding = outstanding;
    const settle = (err) => {
      outstanding--;
      completed++;
      const latency = performance.now() - start;
      all.recordMs(latency);
      if (isBacklog) lastBacklogDoneAt = epochNow();
      else afterStall.recordMs(latency);
      if (err) {
        errors++;
        lastErrorAt = epochNow();
        if (errorSamples.size < 3) errorSamples.add(describeError(err));
      }
    };
    let pending;
    try {
      pending = op(0, i);
    } catch (err) {
      pending = Promise.reject(err);
    }
    pending.then(() => settle(null), settle);
  };

  const cpuStart = process.cpuUsage();
  const loadStart = performance.now();
  // Catch up on late ticks, so a busy event loop does not lower the offered load.
  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - loadStart) * STALL_RATE_PER_SEC) / 1000);
    while (issued < due) issue();
  }, STALL_TICK_MS);
  try {
    await sleep(ctx.options.preStallMs);
    phase = 'stall';
    ctx.send({ type: 'ready' });
    const { stopAt, resumeAt } = await ctx.waitFor('resumed', 30_000);
    phase = 'after';
    await sleep(ctx.options.postStallMs);
    clearInterval(timer);
    const windowEnd = epochNow();
    const drainDeadline = Date.now() + 5000;
    while (outstanding > 0 && Date.now() < drainDeadline) await sleep(10);
    const cpu = process.cpuUsage(cpuStart);
    const latency = all.summary();
    return {
      ops: completed,
      issued,
      unfinished: outstanding,
      errors,
      errorSamples: [...errorSamples],
      latency,
      maxLatencyMs: latency.maxMs,
      maxOutstanding,
      stallMs: resumeAt - stopAt,
      recoveryMs: Math.max(0, Math.max(lastBacklogDoneAt, lastErrorAt) - resumeAt),
      afterStall: afterStall.summary(),
      // Commands still unanswered, or failures in the last 500 ms, mean recovery may not be over.
      recoveredInWindow: outstanding === 0 && lastErrorAt < windowEnd - 500,
      cpuUserUs: cpu.user,
      cpuSystemUs: cpu.system,
      cpuUsPerOp: completed > 0 ? (cpu.user + cpu.system) / completed : null,
    };
  } finally {
    clearInterval(timer);
    await ctx.close(client);
  }
}

/** Parent side of the stall scenario: freezes the server once the child's load is steady. */
async function controlStall(channel, env) {
  await channel.waitFor('ready', 30_000);
  const info = await readInfo(env.server.endpoint, 'stats');
  const connectionsBefore = Number(info.total_connections_received);
  const stopAt = epochNow();
  env.server.pause();
  try {
    await sleep(STALL_MS);
  } finally {
    env.server.resume();
  }
  const resumeAt = epochNow();
  channel.send({ type: 'resumed', stopAt, resumeAt });
  await channel.result;
  const after = await readInfo(env.server.endpoint, 'stats');
  // The INFO connection that read `after` is itself counted in it.
  return { connectionsOpened: Number(after.total_connections_received) - connectionsBefore - 1 };
}

export function describeError(err) {
  if (!err) return 'unknown error';
  const name = err.name && err.name !== 'Error' ? `${err.name}: ` : '';
  const code = err.code ? ` [${err.code}]` : '';
  return `${name}${String(err.message ?? err).split('\n')[0]}${code}`.slice(0, 200);
}

// Child process: runs one scenario with one client and reports one result to the parent.
// Running each measurement in its own process makes process.cpuUsage() and the peak RSS belong
// to that client alone, and keeps one client's leftovers (sockets, timers, heap) out of the next.
//
// Protocol over the IPC channel:
//   parent -> child  { type: 'run', spec }      then scenario-specific messages (e.g. 'resumed')
//   child -> parent  scenario-specific messages (e.g. 'ready'), then exactly one of
//                    { type: 'result', result } | { type: 'error', error }

import { loadAdapterModule } from './clients/index.mjs';
import { SCENARIOS, describeError } from './scenarios.mjs';
import { openRaw } from './server.mjs';
import { LatencyRecorder } from './stats.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const yieldToEventLoop = () => new Promise((r) => setImmediate(r));

const inbox = [];
const waiters = [];
process.on('message', (msg) => {
  if (msg?.type === 'run') {
    run(msg.spec);
    return;
  }
  const i = waiters.findIndex((w) => w.type === msg?.type);
  if (i >= 0) waiters.splice(i, 1)[0].resolve(msg);
  else inbox.push(msg);
});

function waitFor(type, timeoutMs) {
  const i = inbox.findIndex((m) => m.type === type);
  if (i >= 0) return Promise.resolve(inbox.splice(i, 1)[0]);
  return new Promise((resolve, reject) => {
    const waiter = { type, resolve };
    waiters.push(waiter);
    setTimeout(() => {
      const at = waiters.indexOf(waiter);
      if (at >= 0) {
        waiters.splice(at, 1);
        reject(new Error(`no '${type}' message from the harness within ${timeoutMs} ms`));
      }
    }, timeoutMs).unref();
  });
}

function makeContext(spec, adapter) {
  const ctx = {
    options: spec.options,
    endpoint: spec.endpoint,
    authEndpoint: spec.authEndpoint,
    /** 'idle' | 'warmup' | 'measure' | 'stopped', set by measure(). */
    phase: 'idle',
    /** Opens a client; a connect that neither resolves nor rejects in 10 s is an error. */
    open(endpoint = spec.endpoint) {
      let timer;
      const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('client did not connect within 10 s')), 10_000);
      });
      return Promise.race([adapter.open(endpoint), timeout]).finally(() => clearTimeout(timer));
    },
    async close(client) {
      // A client that cannot QUIT within a second is cut; the measurement is already taken.
      const quit = client.quit().catch(() => {});
      const finished = await Promise.race([quit.then(() => true), sleep(1000).then(() => false)]);
      if (!finished) client.destroy();
    },
    openRaw: () => openRaw(spec.endpoint),
    send: (msg) => process.send(msg),
    waitFor,
    measure: (params) => measure(ctx, params),
  };
  return ctx;
}

/**
 * Runs `concurrency` loops of `op` for a warm-up, then for the measured window. Only commands
 * that complete inside the window count; CPU time covers exactly the window.
 */
async function measure(ctx, { concurrency, op, opsPerCall = 1, censorPending = false, drainMs = 2000, durationMs }) {
  const { warmupMs } = ctx.options;
  const windowMs = durationMs ?? ctx.options.durationMs;
  const latency = new LatencyRecorder();
  const pendingSince = new Float64Array(concurrency).fill(NaN);
  const errorSamples = new Set();
  let ops = 0;
  let errors = 0;

  ctx.phase = 'warmup';
  const loops = [];
  for (let w = 0; w < concurrency; w++) {
    loops.push(
      (async () => {
        // One clock read per command: a loop's next command starts when its previous one ended
        // (the few operations in between are bookkeeping), so that reading serves as both.
        let start = performance.now();
        for (let i = w; ctx.phase !== 'stopped'; i += concurrency) {
          pendingSince[w] = start;
          let failure = null;
          try {
            await op(w, i);
          } catch (err) {
            failure = err ?? new Error('rejected without a reason');
          }
          const end = performance.now();
          pendingSince[w] = NaN;
          if (ctx.phase === 'measure') {
            if (failure) errors++;
            else {
              ops += opsPerCall;
              latency.recordMs(end - start);
            }
          }
          start = end;
          if (failure) {
            if (errorSamples.size < 3) errorSamples.add(describeError(failure));
            // A client that fails synchronously would otherwise spin on microtasks and starve timers.
            await yieldToEventLoop();
            start = performance.now();
          }
        }
      })(),
    );
  }

  await sleep(warmupMs);
  ctx.phase = 'measure';
  const windowStart = performance.now();
  const cpuStart = process.cpuUsage();
  await sleep(windowMs);
  const cpu = process.cpuUsage(cpuStart);
  const windowEnd = performance.now();
  ctx.phase = 'stopped';
  let pendingAtEnd = 0;
  if (censorPending) {
    for (const since of pendingSince) {
      if (Number.isNaN(since)) continue;
      pendingAtEnd++;
      latency.recordMs(windowEnd - since);
    }
  }
  if (drainMs > 0) await Promise.race([Promise.allSettled(loops), sleep(drainMs)]);

  const elapsedMs = windowEnd - windowStart;
  const cpuUs = cpu.user + cpu.system;
  return {
    ops,
    errors,
    errorSamples: [...errorSamples],
    elapsedMs,
    opsPerSec: (ops * 1000) / elapsedMs,
    latency: latency.summary(),
    pendingAtEnd: censorPending ? pendingAtEnd : undefined,
    cpuUserUs: cpu.user,
    cpuSystemUs: cpu.system,
    cpuUsPerOp: ops > 0 ? cpuUs / ops : null,
  };
}

async function run(spec) {
  let message;
  try {
    const scenario = SCENARIOS.find((s) => s.id === spec.scenario);
    if (!scenario) throw new Error(`unknown scenario ${spec.scenario}`);
    const module = await loadAdapterModule(spec.client);
    const adapter = module.load();
    const result = await scenario.run(makeContext(spec, adapter));
    if (result.ops === 0 && result.errors > 0) {
      throw new Error(`every command failed (${result.errors}), e.g. ${result.errorSamples[0]}`);
    }
    const usage = process.resourceUsage();
    result.peakRssMb = usage.maxRSS / 1024;
    message = { type: 'result', result };
  } catch (err) {
    message = { type: 'error', error: describeError(err) };
  }
  // Exit as soon as the message is out: a client's leftover sockets or timers must not keep the
  // process (and the run) alive.
  process.send(message, () => process.exit(0));
}

process.on('unhandledRejection', (reason) => {
  process.send?.({ type: 'error', error: `unhandled rejection: ${describeError(reason)}` }, () => process.exit(1));
});

#!/usr/bin/env node
// forksafe-redis-bench: compares forksafe-redis, ioredis and node-redis on one Redis.
// Run with --help for the options; docs/benchmarks.md explains the scenarios and the report.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describeCeiling, findRedisBenchmark, measureCeiling } from './ceiling.mjs';
import { CLIENTS, loadAdapterModule } from './clients/index.mjs';
import { Progress } from './progress.mjs';
import { summarise, writeReports } from './report.mjs';
import { killRunningChildren, runInChild } from './runner.mjs';
import { SCENARIO_GROUPS, SCENARIOS, SEEDED_KEYS, seed } from './scenarios.mjs';
import { killStartedServers, openRaw, readInfo, serverFromUrl, startServer } from './server.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const PACKAGE_ROOT = resolve(HERE, '..');

const MODES = {
  quick: { rounds: 3, warmupMs: 100, durationMs: 300, fleetMs: 700, preStallMs: 500, postStallMs: 1500, stallRounds: 1 },
  full: { rounds: 5, warmupMs: 500, durationMs: 2000, fleetMs: 3000, preStallMs: 1000, postStallMs: 3000, stallRounds: 3 },
};

const HELP = `Usage: forksafe-redis-bench [options]        (from the repository: npm run bench -- [options])

Compares forksafe-redis, ioredis and node-redis against one Redis. Each measurement runs in its
own child process; clients are interleaved and rotated over several rounds.

Options:
  --quick             about 2 minutes: ${MODES.quick.rounds} rounds of ${MODES.quick.durationMs} ms windows (default: full mode,
                      ${MODES.full.rounds} rounds of ${MODES.full.durationMs} ms, about 14 minutes on 2 cores)
  --clients a,b       clients to run (default: all): ${CLIENTS.join(', ')}
  --only x,y          scenarios or groups to run (default: all)
                        scenarios: ${SCENARIOS.map((s) => s.id).join(', ')}
                        groups:    ${SCENARIO_GROUPS.join(', ')}
  --rounds N          rounds per scenario (the stall scenario runs at most ${MODES.quick.stallRounds}/${MODES.full.stallRounds} rounds in quick/full mode)
  --duration MS       measured window per measurement (also the fleet window)
  --warmup MS         warm-up before each window
  --url redis://[[user]:pass@]host[:port][/db]   (rediss:// for TLS)
                      use this server instead of starting redis-server. The harness writes
                      bench:* keys in that database (deleted at the end); the stall
                      scenario is skipped
  --tls-ca FILE       with rediss://: verify the server against this CA certificate (PEM)
                      instead of the default ones
  --insecure          with rediss://: do not check the server's certificate
  --out DIR           where to write results (default: benchmarks/results in this package)
  --cpu-prof DIR      also write a V8 CPU profile of every measurement's child process to DIR
                      (<scenario>-<client>-round<N>.cpuprofile; open in Chrome DevTools)
  --help              this text

Without --url the harness starts redis-server on free loopback ports (never 6379) with
--save '' --appendonly no: one open server, one with requirepass for the connect scenario.
redis-benchmark, when installed, measures the ceiling for each scenario on the same server.
Writes <out>/<timestamp>.json, <timestamp>.md, latest.md and latest.svg.
`;

function fail(message) {
  process.stderr.write(`forksafe-redis-bench: ${message}\n`);
  process.exit(2);
}

function parseOptions(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        quick: { type: 'boolean' },
        clients: { type: 'string' },
        only: { type: 'string' },
        rounds: { type: 'string' },
        duration: { type: 'string' },
        warmup: { type: 'string' },
        url: { type: 'string' },
        'tls-ca': { type: 'string' },
        insecure: { type: 'boolean' },
        out: { type: 'string' },
        'cpu-prof': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (err) {
    fail(`${err.message}\n\n${HELP}`);
  }
  if (parsed.help) {
    process.stdout.write(HELP);
    process.exit(0);
  }
  const mode = parsed.quick ? 'quick' : 'full';
  const options = { mode, ...MODES[mode] };
  const positive = (name, text) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n <= 0) fail(`--${name} wants a positive integer, got ${text}`);
    return n;
  };
  if (parsed.rounds !== undefined) {
    options.rounds = positive('rounds', parsed.rounds);
    options.stallRounds = Math.min(options.stallRounds, options.rounds);
  }
  if (parsed.duration !== undefined) {
    options.durationMs = positive('duration', parsed.duration);
    options.fleetMs = options.durationMs;
  }
  if (parsed.warmup !== undefined) options.warmupMs = positive('warmup', parsed.warmup);

  const list = (text) => text.split(',').map((s) => s.trim()).filter(Boolean);
  options.clients = parsed.clients ? list(parsed.clients) : [...CLIENTS];
  for (const c of options.clients) if (!CLIENTS.includes(c)) fail(`unknown client ${c}; known: ${CLIENTS.join(', ')}`);
  options.clients = CLIENTS.filter((c) => options.clients.includes(c));

  let scenarios = SCENARIOS;
  if (parsed.only) {
    const wanted = list(parsed.only);
    for (const w of wanted) {
      if (!SCENARIOS.some((s) => s.id === w || s.group === w)) fail(`unknown scenario ${w}; see --help`);
    }
    scenarios = SCENARIOS.filter((s) => wanted.includes(s.id) || wanted.includes(s.group));
  }
  options.scenarioIds = scenarios.map((s) => s.id);
  options.url = parsed.url;
  options.tlsCaFile = parsed['tls-ca'] === undefined ? undefined : resolve(parsed['tls-ca']);
  options.insecure = parsed.insecure === true;
  if (!options.url && (options.tlsCaFile || options.insecure)) fail('--tls-ca and --insecure go with --url rediss://…');
  options.out = resolve(parsed.out ?? join(HERE, 'results'));
  options.cpuProfDir = parsed['cpu-prof'] === undefined ? null : resolve(parsed['cpu-prof']);
  return options;
}

const rotate = (list, by) => list.map((_, i) => list[(i + by) % list.length]);

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: PACKAGE_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

async function clientVersions(clients) {
  const versions = {};
  for (const name of clients) {
    try {
      const d = (await loadAdapterModule(name)).describe();
      versions[name] = `${d.package === name ? '' : `(${d.package}) `}${d.version}${d.options ? ` ${JSON.stringify(d.options)}` : ''}`;
    } catch (err) {
      versions[name] = `not loadable: ${String(err.message).split('\n')[0]}`;
    }
  }
  return versions;
}

/** Expected duration of one step in ms, used for the progress bar and the child's time limit. */
function expectedMs(scenario, participant, options) {
  if (participant === 'redis-benchmark') {
    return options.durationMs + 100 * scenario.ceiling.commands.length * scenario.ceiling.shapes.length;
  }
  const startup = participant === 'node-redis' ? 450 : 250;
  if (scenario.id === 'stall') return startup + options.preStallMs + 1500 + options.postStallMs + 300;
  if (scenario.id === 'fleet') return startup + options.warmupMs + options.fleetMs + 250;
  return startup + options.warmupMs + options.durationMs + 100;
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const cleanUp = () => {
    killRunningChildren();
    killStartedServers();
  };
  process.on('exit', cleanUp);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      process.stderr.write(`\ninterrupted (${signal}); stopping children and servers\n`);
      cleanUp();
      process.exit(130);
    });
  }

  const notes = [];
  const redisBenchmark = findRedisBenchmark();
  if (!redisBenchmark) notes.push('redis-benchmark is not installed: no ceiling column.');
  if (options.clients.includes('forksafe-redis') && !existsSync(join(PACKAGE_ROOT, 'built', 'index.js'))) {
    notes.push('built/index.js does not exist (run `npm run build`): forksafe-redis cells are errors.');
  }

  let server;
  let authServer;
  if (options.url) {
    try {
      server = serverFromUrl(options.url, { caFile: options.tlsCaFile, insecure: options.insecure });
    } catch (err) {
      fail(err.message);
    }
    authServer = server;
    if (!server.password) notes.push('--url has no password: the connect scenario runs without AUTH.');
    notes.push('--url: the stall scenario needs a server this harness started, so it is skipped.');
  } else {
    server = await startServer();
    const password = `bench-${Math.random().toString(36).slice(2, 12)}`;
    if (options.scenarioIds.includes('connect')) authServer = await startServer({ password });
  }

  // From the first seeding write on, a --url server may hold bench:* keys to delete at the end.
  let mayHoldKeys = false;
  try {
    let seedConn;
    try {
      seedConn = await openRaw(server.endpoint);
    } catch (err) {
      const hint = server.tls && /certificate/i.test(err.message) ? ' (a private CA? --tls-ca FILE, or --insecure)' : '';
      fail(`cannot reach ${server.host}:${server.port}: ${err.message}${hint}`);
    }
    mayHoldKeys = true;
    try {
      await seed(seedConn);
    } finally {
      seedConn.close();
    }
    const info = await readInfo(server.endpoint, 'server');
    const run = {
      schema: 1,
      startedAt: new Date().toISOString(),
      mode: options.mode,
      options: {
        rounds: options.rounds,
        warmupMs: options.warmupMs,
        durationMs: options.durationMs,
        fleetMs: options.fleetMs,
        preStallMs: options.preStallMs,
        postStallMs: options.postStallMs,
        stallRounds: options.stallRounds,
        clients: options.clients,
        scenarios: options.scenarioIds,
      },
      server: {
        kind: options.url ? `--url ${server.host}:${server.port}${server.db ? ` db ${server.db}` : ''}${server.tls ? ' (TLS)' : ''}` : 'own redis-server, --save \'\' --appendonly no',
      },
      machine: {
        cpuCount: os.availableParallelism?.() ?? os.cpus().length,
        cpuModel: os.cpus()[0]?.model?.trim() ?? 'unknown',
        totalMemoryGiB: Math.round(os.totalmem() / 2 ** 30),
        os: `${os.type()} ${os.release()} ${os.arch()}`,
        node: process.version,
        redisVersion: info.redis_version,
        redisBenchmark,
        // Other work on the machine skews results; the 1-minute load average shows how much there was.
        loadAverageAtStart: os.loadavg()[0],
      },
      versions: await clientVersions(options.clients),
      commit: gitCommit(),
      notes,
      scenarios: [],
    };

    // Plan every step first, so the progress bar knows the total.
    const steps = [];
    for (const scenario of SCENARIOS.filter((s) => options.scenarioIds.includes(s.id))) {
      const entry = {
        id: scenario.id,
        title: scenario.title,
        chartLabel: scenario.chartLabel,
        description: scenario.description,
        unit: scenario.unit,
        ceilingCommand: scenario.ceiling && redisBenchmark ? describeCeiling(scenario.ceiling) : undefined,
        rounds: [],
      };
      run.scenarios.push(entry);
      if (scenario.needsOwnServer && !server.isOwn) {
        entry.skipped = 'needs a redis-server started by the harness (not available with --url)';
        continue;
      }
      const participants = scenario.clients.filter((c) => options.clients.includes(c));
      if (scenario.ceiling && redisBenchmark) participants.push('redis-benchmark');
      if (participants.length === 0) {
        entry.skipped = 'none of the selected clients takes part in this scenario';
        continue;
      }
      const rounds = scenario.id === 'stall' ? options.stallRounds : options.rounds;
      for (let r = 0; r < rounds; r++) {
        const round = { round: r + 1, order: rotate(participants, r), results: {} };
        entry.rounds.push(round);
        for (const participant of round.order) {
          steps.push({ scenario, entry, round, participant, weight: expectedMs(scenario, participant, options) });
        }
      }
    }
    // Rounds are the outer loop, so each scenario's rounds are spread over the whole run.
    steps.sort((a, b) => a.round.round - b.round.round);

    const progress = new Progress(steps.reduce((sum, s) => sum + s.weight, 0));
    progress.log(
      `forksafe-redis-bench: ${options.mode} mode, ${steps.length} measurements, server ${server.host}:${server.port}${redisBenchmark ? '' : ', no redis-benchmark'}`,
    );
    const childOptions = {
      warmupMs: options.warmupMs,
      durationMs: options.durationMs,
      fleetMs: options.fleetMs,
      preStallMs: options.preStallMs,
      postStallMs: options.postStallMs,
    };
    for (const step of steps) {
      const { scenario, round, participant } = step;
      progress.start(`round ${round.round}: ${scenario.id} / ${participant}`);
      const endpoint = scenario.server === 'auth' ? authServer.endpoint : server.endpoint;
      if (participant === 'redis-benchmark') {
        try {
          const ceiling = await measureCeiling({
            endpoint,
            scenarioId: scenario.id,
            ceiling: scenario.ceiling,
            durationMs: options.durationMs,
          });
          round.ceiling = { ok: true, ...ceiling };
        } catch (err) {
          round.ceiling = { ok: false, error: err.message };
        }
      } else {
        const result = await runInChild(
          {
            client: participant,
            scenario: scenario.id,
            options: childOptions,
            endpoint: server.endpoint,
            authEndpoint: authServer?.endpoint,
          },
          {
            control: scenario.control,
            env: { server },
            timeoutMs: step.weight * 3 + 30_000,
            execArgv: options.cpuProfDir === null ? [] : ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`, `--cpu-prof-name=${scenario.id}-${participant}-round${round.round}.cpuprofile`],
          },
        );
        round.results[participant] = result;
        if (!result.ok && round.round === 1) progress.log(`  ${scenario.id} / ${participant}: ${result.error}`);
      }
      progress.advance(step.weight);
    }
    progress.finish();

    run.finishedAt = new Date().toISOString();
    run.machine.loadAverageAtEnd = os.loadavg()[0];
    summarise(run);
    mkdirSync(options.out, { recursive: true });
    const paths = writeReports(run, options.out);
    for (const path of Object.values(paths)) process.stderr.write(`wrote ${relative(process.cwd(), path) || path}\n`);
  } finally {
    if (options.url && mayHoldKeys) {
      try {
        const conn = await openRaw(server.endpoint);
        await conn.call('DEL', ...SEEDED_KEYS);
        conn.close();
      } catch (err) {
        process.stderr.write(`could not delete bench:* keys from ${server.host}:${server.port}: ${err.message}\n`);
      }
    }
    await server.stop();
    if (authServer && authServer !== server) await authServer.stop();
  }
}

main().catch((err) => {
  process.stderr.write(`forksafe-redis-bench failed: ${err.stack ?? err}\n`);
  process.exitCode = 1;
});

/**
 * The benchmark harness end to end, shrunk to seconds: `benchmarks/cli.mjs` starts its own
 * redis-server, runs each client in its own child process per round with the order rotated,
 * measures the redis-benchmark ceiling, computes ratios round by round, and writes JSON, Markdown,
 * the SVG chart and (with --cpu-prof) one CPU profile per measurement. Timings are not judged;
 * that every piece is there and consistent is.
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, stopAll } from '../fixtures/redisServer';

const execFileAsync = promisify(execFile);
const repo = join(__dirname, '..', '..');
const CLIENTS = ['forksafe-redis', 'ioredis', 'bare-node-socket'];

interface Measurement {
  ok: boolean;
  ops: number;
  errors: number;
  opsPerSec: number;
}
interface Round {
  round: number;
  order: string[];
  results: Record<string, Measurement>;
  ceiling: { ok: boolean; opsPerSec?: number };
}
interface Spread {
  median: number;
  min: number;
  max: number;
  n: number;
}
interface RunFile {
  scenarios: Array<{ id: string; rounds: Round[]; summary: Record<string, { vsIoredis: Spread; okRounds: number }> }>;
}

let out: string;
let run: RunFile;
let stderr: string;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'forksafe-bench-'));
  const result = await execFileAsync(
    process.execPath,
    [
      join(repo, 'benchmarks', 'cli.mjs'),
      '--quick', '--only', 'seq', '--clients', CLIENTS.join(','), '--rounds', '2',
      '--duration', '100', '--warmup', '50', '--out', out, '--cpu-prof', join(out, 'profiles'),
    ],
    { cwd: repo, timeout: 120_000 },
  );
  stderr = result.stderr;
  const json = readdirSync(out).find((name) => name.endsWith('.json'));
  run = JSON.parse(readFileSync(join(out, json!), 'utf8')) as RunFile;
}, 150_000);

afterAll(async () => {
  if (out !== undefined) rmSync(out, { recursive: true, force: true });
  await stopAll();
});

describe('benchmark harness (npm run bench), shrunk', () => {
  it('measures every client in every round, rotating the order, with the redis-benchmark ceiling beside them', () => {
    const [scenario] = run.scenarios;
    expect(scenario!.id).toBe('seq');
    expect(scenario!.rounds).toHaveLength(2);
    for (const round of scenario!.rounds) {
      expect(Object.keys(round.results).sort()).toEqual([...CLIENTS].sort());
      for (const client of CLIENTS) {
        const measured = round.results[client]!;
        expect(measured.ok).toBe(true);
        expect(measured.errors).toBe(0);
        expect(measured.ops).toBeGreaterThan(0);
      }
      expect(round.ceiling.ok).toBe(true);
      expect(round.ceiling.opsPerSec).toBeGreaterThan(0);
    }
    const [first, second] = scenario!.rounds;
    expect(second!.order).toEqual([...first!.order.slice(1), first!.order[0]]);
  });

  it('computes ratios round by round, not from the medians', () => {
    const [scenario] = run.scenarios;
    const perRound = scenario!.rounds.map((round) => round.results['forksafe-redis']!.opsPerSec / round.results.ioredis!.opsPerSec);
    const summary = scenario!.summary['forksafe-redis']!.vsIoredis;
    expect(summary.n).toBe(2);
    expect(summary.min).toBeCloseTo(Math.min(...perRound), 10);
    expect(summary.max).toBeCloseTo(Math.max(...perRound), 10);
  });

  it('writes the Markdown table, the SVG chart, one CPU profile per measurement, and a progress bar on stderr', () => {
    const markdown = readFileSync(join(out, 'latest.md'), 'utf8');
    for (const client of CLIENTS) expect(markdown).toContain(`| Sequential GET/SET 100 B | ${client} |`);
    expect(markdown).toContain('| Sequential GET/SET 100 B | *redis-benchmark* |');
    expect(readFileSync(join(out, 'latest.svg'), 'utf8')).toMatch(/^(<\?xml[^>]*>\s*)?<svg[\s\S]*<\/svg>\s*$/);
    expect(readdirSync(join(out, 'profiles')).sort()).toEqual(
      CLIENTS.flatMap((client) => [1, 2].map((round) => `seq-${client}-round${round}.cpuprofile`)).sort(),
    );
    expect(stderr).toMatch(/\] +\d+%/);
  });
});

describe('benchmark harness: the redis-benchmark ceiling', () => {
  it('a run too short for redis-benchmark to time ("inf" ops/s) is repeated with ten times the requests', async () => {
    // A stand-in for redis-benchmark on the PATH: "inf" below 4,000 requests, as the real one
    // prints when a run ends within its 1 ms clock (a calibration run of 4 pipelines of 100 can).
    const dir = mkdtempSync(join(tmpdir(), 'forksafe-bench-ceiling-'));
    const log = join(dir, 'requests.log');
    writeFileSync(join(dir, 'redis-benchmark'), [
      '#!/bin/sh',
      'if [ "$1" = "--version" ]; then echo "redis-benchmark 7.0.15 (stand-in)"; exit 0; fi',
      'n=0; while [ $# -gt 0 ]; do if [ "$1" = "-n" ]; then n=$2; fi; shift; done',
      `echo "$n" >> '${log}'`,
      'echo \'"test","rps","avg_latency_ms"\'',
      'if [ "$n" -lt 4000 ]; then echo \'"SET","inf","0.1"\'; else echo \'"SET","250000.00","0.1"\'; fi',
    ].join('\n'));
    chmodSync(join(dir, 'redis-benchmark'), 0o755);
    try {
      await execFileAsync(process.execPath, [
        join(repo, 'benchmarks', 'cli.mjs'), '--quick', '--only', 'concurrent', '--clients', 'forksafe-redis',
        '--rounds', '1', '--duration', '100', '--warmup', '50', '--out', dir,
      ], { cwd: repo, timeout: 120_000, env: { ...process.env, PATH: `${dir}:${process.env.PATH}` } });
      const json = readdirSync(dir).find((name) => name.endsWith('.json'));
      const result = JSON.parse(readFileSync(join(dir, json!), 'utf8')) as RunFile;
      const [round] = result.scenarios[0]!.rounds;
      expect((round!.ceiling as { error?: string }).error).toBeUndefined();
      expect(round!.ceiling.ok).toBe(true);
      expect(round!.ceiling.opsPerSec).toBeCloseTo(250_000, 6);
      // Calibration of -c 100 -P 1 and -c 1 -P 100: 400 requests, "inf", then 4,000.
      expect(readFileSync(log, 'utf8').split('\n').filter(Boolean).slice(0, 2)).toEqual(['400', '4000']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});

describe('benchmark harness against a server given with --url', () => {
  const runCli = (args: string[]) => execFileAsync(process.execPath, [join(repo, 'benchmarks', 'cli.mjs'), ...args], { cwd: repo, timeout: 120_000 });

  it('rediss:// with a CA file and a database number: every client and redis-benchmark use TLS and that database', async () => {
    const server = await startRedis({ preset: 'tls', tlsOnly: true, password: 'bench-secret' });
    // The server has no plain port: a client that skipped TLS could not connect at all. Database 0
    // holds every key the harness uses, with other values: a client writing there would change them.
    const keys = Array.from({ length: 1000 }, (_, i) => `bench:k:${i}`);
    await server.command('MSET', ...keys.flatMap((key) => [key, 'not the harness key']));
    const dir = mkdtempSync(join(tmpdir(), 'forksafe-bench-url-'));
    try {
      const clients = ['forksafe-redis', 'ioredis', 'node-redis', 'bare-node-socket'];
      await runCli([
        '--url', `rediss://:bench-secret@127.0.0.1:${server.port}/3`, '--tls-ca', server.tls!.caFile,
        '--quick', '--only', 'seq,connect', '--clients', clients.join(','), '--rounds', '1',
        '--duration', '100', '--warmup', '50', '--out', dir,
      ]);
      const json = readdirSync(dir).find((name) => name.endsWith('.json'));
      const result = JSON.parse(readFileSync(join(dir, json!), 'utf8')) as RunFile & { server: { kind: string } };
      expect(result.server.kind).toBe(`--url 127.0.0.1:${server.port} db 3 (TLS)`);
      for (const scenario of result.scenarios) {
        const [round] = scenario.rounds;
        // bare-node-socket is a reference for the sequential and large-value scenarios only.
        const expected = scenario.id === 'seq' ? clients : clients.filter((client) => client !== 'bare-node-socket');
        expect(Object.keys(round!.results).sort()).toEqual([...expected].sort());
        for (const client of expected) {
          expect(round!.results[client]!.ok).toBe(true);
          expect(round!.results[client]!.errors).toBe(0);
          expect(round!.results[client]!.ops).toBeGreaterThan(0);
        }
        expect(round!.ceiling.ok).toBe(true);
      }
      // The harness seeded, used and deleted its keys in database 3; database 0 kept its own.
      const untouched = (await server.command('MGET', ...keys)) as string[];
      expect(untouched.filter((value) => value !== 'not the harness key')).toEqual([]);
      const keyspace = await server.info('keyspace');
      expect(keyspace.db3).toBeUndefined();
      expect(keyspace.db0).toMatch(/^keys=1000,/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);

  it('rediss:// checks the certificate unless --insecure: the test CA is unknown to the system', async () => {
    const server = await startRedis({ preset: 'tls', tlsOnly: true });
    const dir = mkdtempSync(join(tmpdir(), 'forksafe-bench-insecure-'));
    const args = (...extra: string[]) => [
      '--url', `rediss://127.0.0.1:${server.port}`, ...extra, '--quick', '--only', 'seq',
      '--clients', 'forksafe-redis,ioredis,node-redis,bare-node-socket', '--rounds', '1', '--duration', '100', '--warmup', '50', '--out', dir,
    ];
    try {
      // Without a CA or --insecure the harness's own first connection fails the check.
      const refused = await runCli(args()).then(() => null, (e: unknown) => e as { code: number; stderr: string });
      expect(refused?.code).toBe(2);
      expect(refused?.stderr).toMatch(/^forksafe-redis-bench: cannot reach 127.0.0.1:\d+: .*certificate.* \(a private CA\? --tls-ca FILE, or --insecure\)\n$/);
      await runCli(args('--insecure'));
      const json = readdirSync(dir).find((name) => name.endsWith('.json'));
      const [round] = (JSON.parse(readFileSync(join(dir, json!), 'utf8')) as RunFile).scenarios[0]!.rounds;
      for (const measured of Object.values(round!.results)) expect(measured).toMatchObject({ ok: true, errors: 0 });
      expect(Object.keys(round!.results)).toHaveLength(4);
      expect(round!.ceiling.ok).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);

  it('refuses TLS options without rediss://, and a path that is not a database number', async () => {
    const refused = async (args: string[]) => {
      const error = await runCli(args).then(() => null, (e: unknown) => e as { code: number; stderr: string });
      expect(error?.code).toBe(2);
      return error!.stderr;
    };
    expect(await refused(['--url', 'redis://127.0.0.1:1', '--insecure'])).toMatch(/--tls-ca and --insecure need a rediss:\/\/ URL/);
    expect(await refused(['--insecure'])).toMatch(/go with --url rediss/);
    expect(await refused(['--url', 'redis://:hunter2@127.0.0.1:1/main'])).toMatch(/the path must be a database number, got \/main/);
    expect(await refused(['--url', 'http://127.0.0.1:1'])).toMatch(/only redis:\/\/ and rediss:\/\/ are supported/);
  });
});

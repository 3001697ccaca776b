/**
 * The benchmark harness end to end, shrunk to seconds: `benchmarks/cli.mjs` starts its own
 * redis-server, runs each client in its own child process per round with the order rotated,
 * measures the redis-benchmark ceiling, computes ratios round by round, and writes JSON, Markdown,
 * the SVG chart and (with --cpu-prof) one CPU profile per measurement. Timings are not judged;
 * that every piece is there and consistent is.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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

afterAll(() => {
  if (out !== undefined) rmSync(out, { recursive: true, force: true });
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

/**
 * What the client costs the process beyond its commands, counted (never timed) in fresh child
 * processes: loading it, and the garbage a steady stream of pipelines leaves.
 *
 * - Loading: ~1,200 command methods added one by one to a class prototype made V8 copy its growing
 *   property table at every step: ~19 MB of garbage at require time, which also grew the young
 *   generation to 32 MB for the life of the process (peak RSS in every benchmark). ioredis, which
 *   does the same for one prototype, is the yardstick.
 * - Pipelines: a closure, an entry record and a tuple per command were short-lived but alive in
 *   bulk at scavenges; V8 then pretenured them (allocation-site pretenuring), every scavenge
 *   promoted megabytes and 3,000 pipelines cost 6-7 full mark-compacts. One observer per batch
 *   leaves nothing to promote.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, stopAll, type RedisServer } from '../fixtures/redisServer';

const execFileAsync = promisify(execFile);
const PIPELINES = 3000;

let server: RedisServer;
let bundleDir: string;
let bundle: string;

beforeAll(async () => {
  server = await startRedis();
  bundleDir = mkdtempSync(join(tmpdir(), 'forksafe-footprint-'));
  bundle = join(bundleDir, 'footprint.cjs');
  buildSync({
    entryPoints: [join(__dirname, 'child', 'footprint.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: bundle,
    external: ['ioredis'],
    logLevel: 'warning',
  });
});

afterAll(async () => {
  await stopAll();
  if (bundleDir !== undefined) rmSync(bundleDir, { recursive: true, force: true });
});

async function measure<T>(...args: string[]): Promise<T> {
  const { stdout } = await execFileAsync(process.execPath, ['--expose-gc', bundle, ...args], {
    cwd: join(__dirname, '..', '..'),
    env: { ...process.env, NODE_PATH: join(__dirname, '..', '..', 'node_modules') },
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as T;
}

interface LoadFootprint {
  youngGenerationBefore: number;
  youngGeneration: number;
  heapUsed: number;
}

describe('footprint', () => {
  it('loading the client grows the young generation less than loading ioredis does, and to at most 8 MB', async () => {
    const ours = await measure<LoadFootprint>('require', 'ours');
    const ioredis = await measure<LoadFootprint>('require', 'ioredis');
    console.log('[footprint] require', JSON.stringify({ ours, ioredis }));
    expect(ours.youngGeneration).toBeLessThanOrEqual(8 * 1024 * 1024);
    expect(ours.youngGeneration).toBeLessThan(ioredis.youngGeneration);
  });

  it(`${PIPELINES} pipelines of 100 commands leave nothing for a full GC to collect`, async () => {
    const counts = await measure<{ major: number; minor: number; replies: number }>('pipelines', String(server.port), String(PIPELINES));
    console.log('[footprint] pipelines', JSON.stringify(counts));
    expect(counts.replies).toBe(PIPELINES * 100);
    expect(counts.minor).toBeGreaterThan(0); // the observer saw the collector at work
    expect(counts.major).toBeLessThanOrEqual(1);
  });
});

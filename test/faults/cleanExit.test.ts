/**
 * After quit() nothing is left: a child process runs the fault suite's workload (pipelines,
 * MULTI/EXEC, Lua, BLPOP on leases, pub/sub) through this process's fault proxy while faults are
 * injected, quits, and must then exit by itself within a bound: no socket, timer or handle of the
 * client keeps it alive, and no process listener was added. The same child measures its heap
 * after GC (--expose-gc) once warmed up and again at the end of the run: it must stay flat.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { buildSync } from 'esbuild';
import type IORedis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAllProxies, startFaultProxy, type FaultProxy } from '../fixtures/faultProxy';
import { startRedis, stopAll, type RedisServer } from '../fixtures/redisServer';
import { adminFor, proxyFaults, randomInt, sleep } from './scenario';

const DURATION_MS = Number(process.env.CLEAN_EXIT_MS ?? 12_000);
const WARMUP_MS = 2_000;
/** How long the child may take to end after it printed its last line. */
const EXIT_BOUND_MS = 5_000;
/** Heap growth allowed between the warmed-up and the final measurement (after GC). */
const HEAP_GROWTH_BOUND = 8 * 1024 * 1024;

let server: RedisServer;
let proxy: FaultProxy;
let admin: IORedis;
let bundleDir: string;
let bundle: string;

beforeAll(async () => {
  server = await startRedis();
  proxy = await startFaultProxy({ targetPort: server.port });
  admin = adminFor(server);
  bundleDir = mkdtempSync(join(tmpdir(), 'forksafe-child-'));
  bundle = join(bundleDir, 'quitUnderFaults.cjs');
  buildSync({ entryPoints: [join(__dirname, 'child', 'quitUnderFaults.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'warning' });
});

afterAll(async () => {
  admin?.disconnect();
  await closeAllProxies();
  await stopAll();
  if (bundleDir !== undefined) rmSync(bundleDir, { recursive: true, force: true });
});

interface ChildLine {
  phase: 'started' | 'stopping' | 'quit' | 'crashed';
  [key: string]: unknown;
}

describe('quit() under faults leaves nothing behind', () => {
  it(`the child exits by itself after quit(), its heap flat over ${DURATION_MS / 1000} s of faults`, async () => {
    const child = spawn(process.execPath, ['--expose-gc', bundle, String(proxy.port), String(DURATION_MS), String(WARMUP_MS)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => {
      child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() }));
    });
    const lines: ChildLine[] = [];
    let lastLineAt = 0;
    const phases = new Map<string, () => void>();
    const reached = (phase: string): Promise<void> => new Promise((resolve) => phases.set(phase, resolve));
    const started = reached('started');
    const stopping = reached('stopping');
    createInterface({ input: child.stdout }).on('line', (text) => {
      const line = JSON.parse(text) as ChildLine;
      lines.push(line);
      lastLineAt = Date.now();
      phases.get(line.phase)?.();
    });

    const faultCounts: Record<string, number> = {};
    try {
      await Promise.race([started, exited.then(() => Promise.reject(new Error(`child ended before starting: ${stderr}`)))]);
      // Faults until the child stops its workload; then a quiet network for quit().
      const faults = proxyFaults(proxy, () => admin, 1000);
      let stop = false;
      void stopping.then(() => {
        stop = true;
      });
      while (!stop) {
        const fault = faults[randomInt(0, faults.length - 1)]!;
        await fault.run();
        faultCounts[fault.name] = (faultCounts[fault.name] ?? 0) + 1;
        await sleep(randomInt(100, 400));
      }
      proxy.resetAll();

      const exit = await Promise.race([exited, sleep(DURATION_MS + 30_000).then(() => null)]);
      expect(exit, 'the child did not end').not.toBeNull();
      const result = lines.find((line) => line.phase === 'quit');
      console.log('[faults] clean exit', JSON.stringify({ faults: faultCounts, exit, result: { ...result, listenersBefore: undefined } }, null, 1));
      expect(lines.find((line) => line.phase === 'crashed'), stderr).toBeUndefined();
      expect(result, stderr).toBeDefined();
      // QUIT is answered, or cut by the last fault (then it says so); the client ends either way.
      expect([JSON.stringify('OK'), JSON.stringify({ error: 'ConnectionLostError' })]).toContain(JSON.stringify(result!.quitReply));
      expect(result!.status).toBe('end');
      expect(result!.unhandled).toBe(0);
      expect(result!.listenersAfter).toEqual(result!.listenersBefore);
      const figures = result!.figures as { mismatches: number; doubles: number; contextViolations: number; unexpectedErrors: number; repliesChecked: number; failedCommands: number };
      expect(figures.repliesChecked).toBeGreaterThan(1000);
      expect(figures.failedCommands).toBeGreaterThan(0);
      expect(figures.mismatches).toBe(0);
      expect(figures.doubles).toBe(0);
      expect(figures.contextViolations).toBe(0);
      expect(figures.unexpectedErrors).toBe(0);
      // Nothing of the client's is left (the child's own stdout pipe may still show).
      expect((result!.activeResources as string[]).filter((kind) => kind !== 'PipeWrap' && kind !== 'TTYWrap')).toEqual([]);
      // It ended on its own, soon after its last line, with code 0.
      expect(exit!.code).toBe(0);
      expect(exit!.at - lastLineAt).toBeLessThan(EXIT_BOUND_MS);
      const growth = (result!.heapEnd as number) - (result!.heapStart as number);
      expect(growth).toBeLessThan(HEAP_GROWTH_BOUND);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, DURATION_MS + 90_000);
});

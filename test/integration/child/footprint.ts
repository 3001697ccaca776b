/**
 * Child process for footprint.test.ts: measures one thing in a fresh V8 heap and prints one JSON
 * line. Run with --expose-gc.
 *
 *   require ours|ioredis   young-generation capacity and heap after loading the client
 *   pipelines PORT N       GCs while N pipelines of 100 commands run against 127.0.0.1:PORT
 */
import { PerformanceObserver, constants, type PerformanceEntry } from 'node:perf_hooks';
import { getHeapSpaceStatistics } from 'node:v8';

declare const gc: () => void;

const youngGenerationBytes = (): number => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? -1;

async function main(): Promise<void> {
  const [mode, arg, count] = process.argv.slice(2);
  if (mode === 'require') {
    const before = youngGenerationBytes();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    if (arg === 'ioredis') require('ioredis');
    else await import('../../../src/main');
    gc();
    console.log(JSON.stringify({ youngGenerationBefore: before, youngGeneration: youngGenerationBytes(), heapUsed: process.memoryUsage().heapUsed }));
    return;
  }
  if (mode === 'pipelines') {
    const { Redis } = await import('../../../src/Redis');
    const client = new Redis({ port: Number(arg), lazyConnect: true });
    await client.connect();
    const value = 'v'.repeat(100);
    const run = async (pipelines: number): Promise<number> => {
      let replies = 0;
      for (let i = 0; i < pipelines; i++) {
        const pipeline = client.pipeline();
        for (let j = 0; j < 50; j++) pipeline.set(`footprint:${j}`, value).get(`footprint:${j}`);
        const results = await pipeline.exec();
        for (const [error, reply] of results ?? []) if (error === null && (reply === 'OK' || reply === value)) replies++;
      }
      return replies;
    };
    await run(300); // warm: the optimizing compiler has settled before counting
    const counts = { major: 0, minor: 0 };
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
        if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) counts.major++;
        else if (kind === constants.NODE_PERFORMANCE_GC_MINOR) counts.minor++;
      }
    });
    observer.observe({ entryTypes: ['gc'] });
    const replies = await run(Number(count));
    await new Promise((resolve) => setTimeout(resolve, 20)); // GC entries are delivered asynchronously
    observer.disconnect();
    await client.quit();
    console.log(JSON.stringify({ ...counts, replies }));
    return;
  }
  throw new Error(`unknown mode ${String(mode)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

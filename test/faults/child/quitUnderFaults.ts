/**
 * Runs in a child process (bundled by cleanExit.test.ts): the fault suite's workload on one client
 * through the parent's fault proxy, then quit(). Prints one JSON line per phase on stdout. After
 * quit() it returns without calling process.exit(): if any socket, timer or handle of the client
 * were left, the process would not end, and the parent's bound would catch it.
 */
import { Redis } from '../../../src/index';
import { Ledger, READ_KEYS, Workload } from '../workload';

declare const gc: (() => void) | undefined;

const [portText, durationText, warmupText] = process.argv.slice(2);
const port = Number(portText);
const durationMs = Number(durationText);
const warmupMs = Number(warmupText);

function say(message: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function heapAfterGc(): number {
  if (typeof gc !== 'function') throw new Error('run with --expose-gc');
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

const watchedProcessEvents = ['exit', 'beforeExit', 'SIGTERM', 'SIGINT', 'uncaughtException', 'unhandledRejection', 'warning'] as const;
function processListeners(): Record<string, number> {
  return Object.fromEntries(watchedProcessEvents.map((event) => [event, process.listenerCount(event)]));
}

async function main(): Promise<void> {
  let unhandled = 0;
  const countUnhandled = (): void => {
    unhandled += 1;
  };
  const listenersBefore = processListeners();
  const client = new Redis({
    host: '127.0.0.1',
    port,
    commandTimeout: 1000,
    offlineQueueLimit: 150,
    connectTimeout: 2000,
    retryStrategy: (times: number) => Math.min(10 * times, 200),
    pool: { max: 12, acquireTimeout: 3000 },
  });
  client.on('error', () => undefined);
  // Connected first: 500 SETs queued while connecting would overflow offlineQueueLimit (150).
  await client.ping();
  const seed = client.pipeline();
  for (let n = 0; n < READ_KEYS; n++) seed.set(`r:${n}`, `val:${n}`);
  await seed.exec();

  process.on('unhandledRejection', countUnhandled);
  // Counts only: a ledger remembering every id would itself grow the heap being measured.
  const ledger = new Ledger([], { remember: false });
  const workload = new Workload({ client, ledger });
  await workload.start();
  await sleep(warmupMs);
  const heapStart = heapAfterGc();
  say({ phase: 'started', heapStart });
  await sleep(durationMs);
  say({ phase: 'stopping' });
  await workload.stop();
  const heapEnd = heapAfterGc();
  // The parent's last fault may still be running: QUIT itself can be cut. Either way the client ends.
  let quitReply: unknown;
  try {
    quitReply = await client.quit();
  } catch (error) {
    quitReply = { error: error instanceof Error ? error.name : String(error) };
  }
  process.off('unhandledRejection', countUnhandled);
  // Let the sockets' close events run before looking at what is left.
  await sleep(200);
  say({
    phase: 'quit',
    quitReply,
    heapStart,
    heapEnd,
    figures: ledger.figures(),
    samples: ledger.samples,
    unhandled,
    status: client.status,
    activeResources: process.getActiveResourcesInfo(),
    listenersBefore,
    listenersAfter: processListeners(),
  });
}

main().catch((error: unknown) => {
  say({ phase: 'crashed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exitCode = 1;
});

/**
 * Property tests (fast-check) for the command/reply matching state machine: random interleavings
 * of commands, replies (whole or in pieces), timeouts, reconnects, disconnects and garbage against
 * a fake server this test drives step by step. Each reply is derived from its command's arguments
 * (GET r:<n> -> "v:<n>", INCR w:<n> -> <n>), so a reply handed to another command is visible.
 *
 * Properties, for every run:
 *   1. no command resolves with a reply that is not its own;
 *   2. every command settles exactly once (callbacks counted), and all have settled once the
 *      client is disconnected;
 *   3. a command the server received and did not answer fails with `mayHaveExecuted: true`;
 *   4. a command that fails with `mayHaveExecuted: false` never reaches the server, then or later;
 *   5. a write (INCR) reaches the server at most once; only reads are re-sent.
 *
 * Command timers and reconnect back-off run on a fake clock (util/timers), advanced by the `tick`
 * step, so "time passes" is a step like any other; bytes travel over real loopback sockets.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionError, ReplyError } from '../../src/errors';
import { Redis } from '../../src/Redis';
import { timerFunctions, type TimerFunctions, type TimerHandle } from '../../src/util/timers';
import { closeAllFakeServers, handshakeReply, reply, startFakeServer, type FakeConnection, type FakeServer } from '../fixtures/fakeServer';

// ─── a fake clock for the library's timers ────────────────────────────────────────────

interface FakeTimer extends TimerHandle {
  due: number;
  seq: number;
  callback: () => void;
  cleared: boolean;
}

class FakeClock {
  time = 1_000;
  #seq = 0;
  readonly #timers = new Set<FakeTimer>();
  readonly functions: TimerFunctions = {
    setTimeout: (callback, ms) => {
      const timer: FakeTimer = { due: this.time + Math.max(0, ms), seq: ++this.#seq, callback, cleared: false };
      this.#timers.add(timer);
      return timer;
    },
    clearTimeout: (handle) => {
      const timer = handle as FakeTimer;
      timer.cleared = true;
      this.#timers.delete(timer);
    },
    now: () => this.time,
  };

  /** Moves time forward, firing due timers in order (timers they set are fired too when due). */
  advance(ms: number): void {
    const target = this.time + ms;
    for (;;) {
      let next: FakeTimer | undefined;
      for (const timer of this.#timers) {
        if (timer.due <= target && (next === undefined || timer.due < next.due || (timer.due === next.due && timer.seq < next.seq))) next = timer;
      }
      if (next === undefined) break;
      this.#timers.delete(next);
      this.time = Math.max(this.time, next.due);
      if (!next.cleared) next.callback();
    }
    this.time = target;
  }
}

const clock = new FakeClock();
const realTimers: TimerFunctions = { ...timerFunctions };

// ─── the fake server, driven step by step ─────────────────────────────────────────────

interface Received {
  conn: FakeConnection;
  id: number;
  bytes: Buffer;
  sent: number;
}

class Controller {
  /** User commands received and not fully answered, in arrival order. */
  pending: Received[] = [];
  /** How many times the server received each command id. */
  readonly received = new Map<number, number>();
  /** Ids whose whole reply the server wrote. */
  readonly answered = new Set<number>();
  totalReceived = 0;

  reset(): void {
    this.pending = [];
    this.received.clear();
    this.answered.clear();
    this.totalReceived = 0;
  }

  onCommand(command: string[], conn: FakeConnection): void {
    const handshake = handshakeReply(command, conn);
    const name = (command[0] ?? '').toUpperCase();
    if (handshake !== undefined && name !== 'QUIT') {
      conn.write(handshake);
      return;
    }
    if (name === 'QUIT') {
      conn.write(reply.simple('OK'));
      conn.close();
      return;
    }
    const key = command[1] ?? '';
    const id = Number(key.slice(2));
    this.totalReceived += 1;
    this.received.set(id, (this.received.get(id) ?? 0) + 1);
    const bytes = name === 'GET' ? reply.bulk(`v:${id}`) : reply.integer(id);
    this.pending.push({ conn, id, bytes, sent: 0 });
  }

  /** The live connection answering now (the newest one), and its unanswered commands. */
  #current(): Received[] {
    this.pending = this.pending.filter((entry) => !entry.conn.isClosed);
    const newest = this.pending.reduce<FakeConnection | undefined>((conn, entry) => (conn === undefined || entry.conn.id > conn.id ? entry.conn : conn), undefined);
    return newest === undefined ? [] : this.pending.filter((entry) => entry.conn === newest);
  }

  replyNext(count: number): void {
    const queue = this.#current();
    for (const entry of queue.slice(0, count)) {
      entry.conn.write(entry.bytes.subarray(entry.sent));
      entry.sent = entry.bytes.length;
      this.answered.add(entry.id);
      this.pending.splice(this.pending.indexOf(entry), 1);
    }
  }

  replyPart(): void {
    const head = this.#current()[0];
    if (head === undefined || head.bytes.length - head.sent < 2) return;
    const upTo = head.sent + Math.max(1, Math.floor((head.bytes.length - head.sent) / 2));
    head.conn.write(head.bytes.subarray(head.sent, upTo));
    head.sent = upTo;
  }

  hangUp(server: FakeServer, how: 'close' | 'reset'): void {
    for (const conn of server.connections) {
      if (how === 'close') conn.close();
      else conn.reset();
    }
  }

  garbage(server: FakeServer): void {
    for (const conn of server.connections) conn.write('!not resp\r\n');
  }
}

const controller = new Controller();
let server: FakeServer;

beforeAll(async () => {
  server = await startFakeServer({ onCommand: (command, conn) => controller.onCommand(command, conn) });
  Object.assign(timerFunctions, clock.functions);
});

afterAll(async () => {
  Object.assign(timerFunctions, realTimers);
  await closeAllFakeServers();
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until bytes stop moving: nothing new reached the server across two short waits. */
async function quiesce(): Promise<void> {
  let seen = -1;
  for (let i = 0; i < 50 && seen !== controller.totalReceived; i++) {
    seen = controller.totalReceived;
    await sleep(2);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

// ─── the model of what the client was asked and told ──────────────────────────────────

type Step =
  | { kind: 'issue'; command: 'get' | 'incr'; count: number; style: 'promise' | 'callback' }
  | { kind: 'reply'; count: number }
  | { kind: 'replyPart' }
  | { kind: 'tick'; ms: number }
  | { kind: 'hangUp'; how: 'close' | 'reset' }
  | { kind: 'garbage' };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('issue' as const), command: fc.constantFrom('get' as const, 'incr' as const), count: fc.integer({ min: 1, max: 5 }), style: fc.constantFrom('promise' as const, 'callback' as const) }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('reply' as const), count: fc.integer({ min: 1, max: 6 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replyPart' as const) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 1, max: 120 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('hangUp' as const), how: fc.constantFrom('close' as const, 'reset' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('garbage' as const) }) },
);

interface Issued {
  id: number;
  command: 'get' | 'incr';
  settled: number;
  value?: unknown;
  error?: unknown;
}

interface RunConfig {
  commandTimeout: number | null;
  maxRetriesPerRequest: number;
  offlineQueueLimit: number;
}

const configArbitrary: fc.Arbitrary<RunConfig> = fc.record({
  commandTimeout: fc.constantFrom(null, 50, 200),
  maxRetriesPerRequest: fc.integer({ min: 0, max: 4 }),
  offlineQueueLimit: fc.constantFrom(3, 1000),
});

let nextId = 0;
const RUNS = Number(process.env.MATCHING_RUNS ?? 120);

/** Over all runs: proof that the interesting paths were taken. */
const totals = { runs: 0, steps: 0, commands: 0, resolved: 0, failedMayHaveExecuted: 0, failedNotExecuted: 0, readsResent: 0, errors: {} as Record<string, number> };

async function run(config: RunConfig, steps: Step[]): Promise<void> {
  controller.reset();
  const client = new Redis({
    host: '127.0.0.1',
    port: server.port,
    commandTimeout: config.commandTimeout ?? undefined,
    maxRetriesPerRequest: config.maxRetriesPerRequest,
    offlineQueueLimit: config.offlineQueueLimit,
    retryStrategy: () => 10,
    lazyConnect: true,
  });
  client.on('error', () => undefined);
  const issued: Issued[] = [];
  try {
    await client.connect();
    for (const step of steps) {
      switch (step.kind) {
        case 'issue':
          for (let i = 0; i < step.count; i++) {
            const record: Issued = { id: ++nextId, command: step.command, settled: 0 };
            issued.push(record);
            const key = `${step.command === 'get' ? 'r' : 'w'}:${record.id}`;
            const settle = (error: unknown, value?: unknown): void => {
              record.settled += 1;
              if (error !== null && error !== undefined) record.error = error;
              else record.value = value;
            };
            if (step.style === 'callback') {
              const withCallback = client[step.command] as unknown as (key: string, callback: (error: Error | null, value?: unknown) => void) => unknown;
              withCallback.call(client, key, settle);
            } else {
              client[step.command](key).then((value) => settle(null, value), (error: unknown) => settle(error));
            }
          }
          break;
        case 'reply':
          controller.replyNext(step.count);
          break;
        case 'replyPart':
          controller.replyPart();
          break;
        case 'tick':
          clock.advance(step.ms);
          break;
        case 'hangUp':
          controller.hangUp(server, step.how);
          break;
        case 'garbage':
          controller.garbage(server);
          break;
      }
      await quiesce();
    }
  } finally {
    client.disconnect();
    await quiesce();
  }

  totals.runs += 1;
  totals.steps += steps.length;
  totals.commands += issued.length;
  for (const record of issued) {
    if ((controller.received.get(record.id) ?? 0) > 1) totals.readsResent += 1;
    if (record.error === undefined) totals.resolved += 1;
    else {
      const name = (record.error as Error).name;
      totals.errors[name] = (totals.errors[name] ?? 0) + 1;
      if ((record.error as ConnectionError).context?.mayHaveExecuted === true) totals.failedMayHaveExecuted += 1;
      else totals.failedNotExecuted += 1;
    }
  }
  for (const record of issued) {
    const expected = record.command === 'get' ? `v:${record.id}` : record.id;
    const label = `${record.command} #${record.id}`;
    // 2. settled exactly once
    expect(record.settled, `${label} settled ${record.settled} times`).toBe(1);
    const timesReceived = controller.received.get(record.id) ?? 0;
    // 5. writes reach the server at most once
    if (record.command === 'incr') expect(timesReceived, `${label} received ${timesReceived} times`).toBeLessThanOrEqual(1);
    if (record.error === undefined) {
      // 1. its own reply, nothing else
      expect(record.value, `${label} resolved with another reply`).toBe(expected);
      continue;
    }
    const error = record.error;
    expect(error instanceof ConnectionError || error instanceof ReplyError, `${label} failed with ${String(error)}`).toBe(true);
    const context = (error as ConnectionError).context;
    expect(context, `${label}: ${(error as Error).name} has no context`).toBeDefined();
    if (timesReceived > 0) {
      // 3. the server got it and the caller got no reply: it may have run
      expect(context.mayHaveExecuted, `${label} was received but ${(error as Error).name} says mayHaveExecuted: false`).toBe(true);
    }
    if (context.mayHaveExecuted === false) {
      // 4. "did not run" is a promise: it was never written, then or later
      expect(timesReceived, `${label} said mayHaveExecuted: false and reached the server`).toBe(0);
    }
  }
}

describe('command/reply matching under random interleavings (fast-check)', () => {
  it('no stolen replies, one settlement each, honest mayHaveExecuted, writes at most once', async () => {
    await fc.assert(
      fc.asyncProperty(configArbitrary, fc.array(stepArbitrary, { minLength: 5, maxLength: 60, size: 'max' }), (config, steps) => run(config, steps)),
      { numRuns: RUNS, endOnFailure: true },
    );
    console.log('[faults] reply matching properties', JSON.stringify(totals));
    // The runs went through the paths the properties are about.
    expect(totals.resolved).toBeGreaterThan(0);
    expect(totals.failedMayHaveExecuted).toBeGreaterThan(0);
    expect(totals.failedNotExecuted).toBeGreaterThan(0);
    expect(totals.readsResent).toBeGreaterThan(0);
  }, Math.max(120_000, RUNS * 500));
});

/**
 * A hostile peer, generated: fast-check builds reply streams from valid RESP2 frames, broken
 * headers, negative and huge lengths, RESP3 types, deep nesting, truncated frames and random
 * bytes, cut into random chunks. (test/integration/hostileServer.test.ts covers each malformed
 * reply by hand; this file throws combinations at the client.)
 *
 * For every stream: the GET settles within a bound (never hangs), with either exactly the value a
 * reference RESP decoder (test/fixtures/resp.ts) reads from the same bytes, or an error of this
 * library with context (never a TypeError, a RangeError or a crash); the client then works on
 * its next socket; the process sees no uncaught exception and no unhandled rejection; memory
 * stays bounded (maxReplyBytes is small here, and announced sizes of gigabytes are refused).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionError, ReplyError } from '../../src/errors';
import { Redis } from '../../src/Redis';
import { closeAllFakeServers, handshakeReply, reply, startFakeServer, type FakeServer } from '../fixtures/fakeServer';
import { parseValue, RespError, type RespValue } from '../fixtures/resp';

const MAX_REPLY_BYTES = 64 * 1024;
const RUNS = Number(process.env.HOSTILE_RUNS ?? 250);

let server: FakeServer;
/** What the next GET of `hostile` gets, in chunks. */
let chunks: Buffer[] = [];
let uncaught = 0;
let unhandled = 0;
const onUncaught = (): void => {
  uncaught += 1;
};
const onUnhandled = (): void => {
  unhandled += 1;
};

beforeAll(async () => {
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUnhandled);
  server = await startFakeServer({
    onCommand(command, conn) {
      const handshake = handshakeReply(command, conn);
      if (handshake !== undefined) {
        conn.write(handshake);
        return;
      }
      if (command[1] === 'then-unsolicited') {
        // One answer and one reply nobody asked for, in a single write.
        conn.write('+first\r\n+unsolicited\r\n');
        return;
      }
      if (command[1] === 'hostile') {
        const parts = chunks;
        // Each chunk in its own write, a turn apart, so the reader meets every boundary.
        const writeNext = (i: number): void => {
          if (i >= parts.length || conn.isClosed) return;
          conn.write(parts[i]!);
          setImmediate(() => writeNext(i + 1));
        };
        writeNext(0);
        return;
      }
      conn.write(reply.bulk(command[1] ?? ''));
    },
  });
});

afterAll(async () => {
  process.off('uncaughtException', onUncaught);
  process.off('unhandledRejection', onUnhandled);
  await closeAllFakeServers();
});

// ─── generators ───────────────────────────────────────────────────────────────────────

const lineText = fc.string({ maxLength: 12 }).map((s) => s.replace(/[\r\n]/g, ''));

/** A well-formed RESP2 reply, nested up to a few levels. */
const validFrame: fc.Arbitrary<string> = fc.letrec<{ frame: string }>((tie) => ({
  frame: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    lineText.map((t) => `+${t}\r\n`),
    lineText.map((t) => `-ERR ${t}\r\n`),
    fc.integer({ min: -1e12, max: 1e12 }).map((n) => `:${n}\r\n`),
    fc.string({ maxLength: 20 }).map((t) => `$${Buffer.byteLength(t)}\r\n${t}\r\n`),
    fc.constant('$-1\r\n'),
    fc.constant('*-1\r\n'),
    fc.array(tie('frame'), { maxLength: 4 }).map((items) => `*${items.length}\r\n${items.join('')}`),
  ),
})).frame;

/** Bytes no RESP2 client may accept as they are. */
const brokenFrame: fc.Arbitrary<string | Buffer> = fc.oneof(
  fc.constantFrom(
    '$-5\r\n', '*-3\r\n', '$-0\r\n', '$\r\n', ':\r\n', ':12x\r\n', '$1x\r\n', '$+3\r\nabc\r\n',
    '$99999999999\r\n', '$5000000000\r\n', '*3000000000\r\n', '*2147483648\r\n', `$${MAX_REPLY_BYTES + 1}\r\n`,
    '$3\r\nabcdef\r\n', '$3\r\nabc\n\n', '+OK\n', '+O\rK\r\n', '\r\n', '_\r\n', '%1\r\n+a\r\n+b\r\n', '#t\r\n', ',1.5\r\n',
    '>2\r\n+a\r\n+b\r\n', '~1\r\n+a\r\n', '(123\r\n', '=5\r\ntxt:a\r\n', 'hello\r\n',
  ),
  fc.integer({ min: 513, max: 5000 }).map((depth) => reply.nested(depth).toString('latin1')),
  fc.uint8Array({ minLength: 1, maxLength: 24 }).map((bytes) => Buffer.from(bytes)),
);

/** A valid frame cut short: the rest never comes. */
const truncatedFrame: fc.Arbitrary<string> = fc.tuple(validFrame, fc.nat()).map(([frame, at]) => frame.slice(0, frame.length > 1 ? at % (frame.length - 1) + 1 : 1));

const stream: fc.Arbitrary<{ bytes: Buffer; cuts: number[] }> = fc
  .array(fc.oneof({ weight: 3, arbitrary: validFrame }, { weight: 2, arbitrary: brokenFrame }, { weight: 1, arbitrary: truncatedFrame }), { minLength: 1, maxLength: 4 })
  .chain((parts) => {
    const bytes = Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : part)));
    return fc.record({ bytes: fc.constant(bytes), cuts: fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, bytes.length - 1) }), { maxLength: 6 }) });
  });

// ─── the reference decoder's view ─────────────────────────────────────────────────────

/** The client's and the reference's values in one shape: errors as { error }, big integers as numbers. */
function normalize(value: unknown): unknown {
  if (value instanceof RespError || value instanceof Error) return { error: value.message };
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(normalize);
  return value;
}

/** The first frame of `bytes` as the reference reads it, or undefined if it cannot. */
function reference(bytes: Buffer): RespValue | undefined {
  try {
    return parseValue(bytes)?.value;
  } catch {
    return undefined;
  }
}

function split(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [...cuts].filter((cut) => cut < bytes.length).sort((a, b) => a - b);
  const out: Buffer[] = [];
  let from = 0;
  for (const point of points) {
    if (point > from) out.push(bytes.subarray(from, point));
    from = point;
  }
  out.push(bytes.subarray(from));
  return out;
}

describe('a protocol error and the commands issued in the same turn', () => {
  it('a command issued while the socket is being destroyed waits for the next socket instead of failing unsent', async () => {
    const client = new Redis({ host: '127.0.0.1', port: server.port, retryStrategy: () => 1 });
    client.on('error', () => undefined);
    try {
      // The continuation runs right after the reader's turn, in which the unsolicited reply already
      // failed the socket: the GET it issues must not be written into (and lost with) that socket.
      const next = await client.get('then-unsolicited').then(() => client.get('next'));
      expect(next).toBe('next');
    } finally {
      client.disconnect();
    }
  });
});

const totals = { streams: 0, resolved: 0, replyErrors: 0, connectionErrors: {} as Record<string, number> };

describe('a generated hostile peer (fast-check)', () => {
  it('every stream: the reference value or a clean error, bounded in time and memory, and the next socket works', async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const client = new Redis({
      host: '127.0.0.1',
      port: server.port,
      commandTimeout: 80,
      maxReplyBytes: MAX_REPLY_BYTES,
      maxRetriesPerRequest: 1,
      retryStrategy: () => 1,
    });
    client.on('error', () => undefined);
    try {
      await fc.assert(
        fc.asyncProperty(stream, async ({ bytes, cuts }) => {
          chunks = split(bytes, cuts);
          totals.streams += 1;
          let timer: NodeJS.Timeout | undefined;
          const hang = new Promise<'hang'>((resolve) => {
            timer = setTimeout(() => resolve('hang'), 3000);
          });
          const outcome = await Promise.race([
            client.get('hostile').then((value) => ({ value }), (error: unknown) => ({ error })),
            hang,
          ]);
          clearTimeout(timer);
          expect(outcome, `GET hung on ${JSON.stringify(bytes.toString('latin1'))}`).not.toBe('hang');
          if (outcome === 'hang') return;
          const expected = reference(bytes);
          if ('error' in outcome) {
            const error = outcome.error;
            if (error instanceof ReplyError) {
              totals.replyErrors += 1;
              // An error reply is the server's answer: only if the reference reads one too.
              expect(normalize(expected)).toEqual({ error: error.message });
            } else {
              expect(error, `not a library error: ${String(error)}`).toBeInstanceOf(ConnectionError);
              const name = (error as Error).name;
              totals.connectionErrors[name] = (totals.connectionErrors[name] ?? 0) + 1;
              expect((error as ConnectionError).context.command?.name).toBe('get');
            }
          } else {
            totals.resolved += 1;
            expect(expected, `resolved ${JSON.stringify(outcome.value)} where the reference reads nothing`).not.toBeUndefined();
            expect(normalize(outcome.value)).toEqual(normalize(expected));
          }
          // Whatever that socket saw, a fresh one works. (Bytes after the first frame are unsolicited:
          // on the same socket they would fail it, or answer the next command; no client can tell.)
          client.disconnect(true);
          expect(await client.get('after')).toBe('after');
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
    } finally {
      client.disconnect();
    }
    console.log('[faults] hostile streams', JSON.stringify(totals));
    expect(uncaught).toBe(0);
    expect(unhandled).toBe(0);
    expect(totals.resolved).toBeGreaterThan(0);
    expect(Object.keys(totals.connectionErrors).length).toBeGreaterThan(0);
    // Gigabyte announcements were refused, not allocated (generous bound for a noisy heap).
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * 1024 * 1024);
  }, Math.max(120_000, RUNS * 200));
});

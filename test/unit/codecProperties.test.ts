/**
 * fast-check properties of the codec: whatever the arguments (binary Buffers, any Unicode, numbers),
 * the encoder's bytes decode back to them; whatever the reply tree, the reader rebuilds it however
 * the stream is split; and no byte sequence makes the reader throw, report twice, or speak after failing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeCommand } from '../../src/protocol/encodeCommand';
import { feedBorrowed } from '../fixtures/borrowedChunk';
import { MAX_REPLY_DEPTH, ReplyReader } from '../../src/protocol/ReplyReader';

type Shown = string | number | null | Shown[] | { error: string };

/** Replies in a comparable form: Buffers as hex, errors as { error }. */
function show(value: unknown): Shown {
  if (value === null) return null;
  if (Buffer.isBuffer(value)) return `hex:${value.toString('hex')}`;
  if (typeof value === 'number') return value;
  if (value instanceof Error) return { error: value.message };
  if (Array.isArray(value)) return value.map(show);
  throw new Error(`unexpected decoded value ${String(value)}`);
}

interface Collected {
  replies: Shown[];
  fatal: string[];
  afterFatal: number;
}

function collect(chunks: Iterable<Buffer>, maxReplyBytes = 1 << 30): Collected {
  const out: Collected = { replies: [], fatal: [], afterFatal: 0 };
  const note = (shown: Shown): void => {
    if (out.fatal.length > 0) out.afterFatal += 1;
    out.replies.push(shown);
  };
  const reader = new ReplyReader(
    {
      onReply: (reply) => note(show(reply)),
      onErrorReply: (message) => note({ error: message }),
      onFatal: (reason) => out.fatal.push(reason),
    },
    { stringNumbers: false, maxReplyBytes },
  );
  reader.returnBuffers = true;
  for (const chunk of chunks) feedBorrowed(reader, chunk);
  return out;
}

/** The stream cut in two at `at`. */
function* splitAt(bytes: Buffer, at: number): Generator<Buffer> {
  yield bytes.subarray(0, at);
  yield bytes.subarray(at);
}

function* byteByByte(bytes: Buffer): Generator<Buffer> {
  for (let i = 0; i < bytes.length; i++) yield bytes.subarray(i, i + 1);
}

// ─── encoder -> reader ───────────────────────────────────────────────────────────────────

const commandArgument = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
  fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

describe('encoder -> reader round trip', () => {
  it('decodes every encoded command back to its arguments, split at every byte boundary', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z.|]{0,11}$/), fc.array(commandArgument, { maxLength: 8 }), (name, args) => {
        const bytes = encodeCommand(name, args);
        const expected = [show([Buffer.from(name), ...args.map((arg) => (Buffer.isBuffer(arg) ? arg : Buffer.from(String(arg))))])];
        for (let at = 0; at <= bytes.length; at++) {
          const result = collect(splitAt(bytes, at));
          expect(result.fatal).toEqual([]);
          expect(result.replies).toEqual(expected);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('decodes a batch of commands byte by byte in order', () => {
    fc.assert(
      fc.property(fc.array(fc.array(commandArgument, { maxLength: 5 }), { minLength: 1, maxLength: 6 }), (commands) => {
        const bytes = Buffer.concat(commands.map((args) => encodeCommand('cmd', args)));
        const result = collect(byteByByte(bytes));
        expect(result.fatal).toEqual([]);
        expect(result.replies).toHaveLength(commands.length);
        result.replies.forEach((reply, i) => {
          expect((reply as Shown[]).slice(1)).toEqual(commands[i]!.map((arg) => show(Buffer.isBuffer(arg) ? arg : Buffer.from(String(arg)))));
        });
      }),
      { numRuns: 100 },
    );
  });
});

// ─── reply trees ─────────────────────────────────────────────────────────────────────────

interface Wire {
  bytes: Buffer;
  shown: Shown;
}

const lineText = fc.string({ unit: 'binary', maxLength: 20 }).filter((text) => !text.includes('\r') && !text.includes('\n'));

const { reply: replyTree } = fc.letrec<{ reply: Wire; leaf: Wire; array: Wire }>((tie) => ({
  reply: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('leaf'), tie('array')),
  leaf: fc.oneof(
    lineText.map((text) => ({ bytes: Buffer.from(`+${text}\r\n`), shown: show(Buffer.from(text)) })),
    lineText.map((text) => ({ bytes: Buffer.from(`-ERR ${text}\r\n`), shown: { error: `ERR ${text}` } })),
    fc.integer({ min: -(2 ** 31), max: 2 ** 31 }).map((n) => ({ bytes: Buffer.from(`:${n}\r\n`), shown: n })),
    fc.uint8Array({ maxLength: 48 }).map((raw) => {
      const payload = Buffer.from(raw);
      return { bytes: Buffer.concat([Buffer.from(`$${payload.length}\r\n`), payload, Buffer.from('\r\n')]), shown: show(payload) };
    }),
    fc.constant({ bytes: Buffer.from('$-1\r\n'), shown: null }),
    fc.constant({ bytes: Buffer.from('*-1\r\n'), shown: null }),
  ),
  array: fc.array(tie('reply'), { maxLength: 5 }).map((items) => ({
    bytes: Buffer.concat([Buffer.from(`*${items.length}\r\n`), ...items.map((item) => item.bytes)]),
    shown: items.map((item) => item.shown),
  })),
}));

describe('reply trees', () => {
  it('rebuilds any sequence of replies however the stream is split in two', () => {
    fc.assert(
      fc.property(fc.array(replyTree, { minLength: 1, maxLength: 4 }), (replies) => {
        const bytes = Buffer.concat(replies.map((reply) => reply.bytes));
        const expected = replies.map((reply) => reply.shown);
        for (let at = 0; at <= bytes.length; at++) {
          const result = collect(splitAt(bytes, at));
          expect(result.fatal).toEqual([]);
          expect(result.replies).toEqual(expected);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('rebuilds them fed byte by byte and in random chunk sizes', () => {
    fc.assert(
      fc.property(fc.array(replyTree, { minLength: 1, maxLength: 4 }), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1 }), (replies, sizes) => {
        const bytes = Buffer.concat(replies.map((reply) => reply.bytes));
        const expected = replies.map((reply) => reply.shown);
        expect(collect(byteByByte(bytes)).replies).toEqual(expected);
        const chunks: Buffer[] = [];
        for (let offset = 0, k = 0; offset < bytes.length; k++) {
          const size = sizes[k % sizes.length]!;
          chunks.push(bytes.subarray(offset, offset + size));
          offset += size;
        }
        expect(collect(chunks).replies).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('with maxReplyBytes at the largest reply’s size, accepts all; one byte less, refuses exactly that reply', () => {
    fc.assert(
      fc.property(fc.array(replyTree, { minLength: 1, maxLength: 4 }), (replies) => {
        const bytes = Buffer.concat(replies.map((reply) => reply.bytes));
        const largest = Math.max(...replies.map((reply) => reply.bytes.length));
        expect(collect([bytes], largest).fatal).toEqual([]);
        if (largest < 4) return; // "+\r\n" sized replies: a limit of 2 bytes is not meaningful
        const first = replies.findIndex((reply) => reply.bytes.length === largest);
        const result = collect(byteByByte(bytes), largest - 1);
        expect(result.replies).toEqual(replies.slice(0, first).map((reply) => reply.shown));
        expect(result.fatal).toHaveLength(1);
      }),
      { numRuns: 200 },
    );
  });
});

// ─── hostile bytes ───────────────────────────────────────────────────────────────────────

describe('arbitrary bytes', () => {
  it('never throw, report at most one failure, and nothing after it', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.integer({ min: 1, max: 16 }), (raw, chunkSize) => {
        const bytes = Buffer.from(raw);
        const chunks: Buffer[] = [];
        for (let offset = 0; offset < bytes.length; offset += chunkSize) chunks.push(bytes.subarray(offset, offset + chunkSize));
        const result = collect(chunks, 1024);
        expect(result.fatal.length).toBeLessThanOrEqual(1);
        expect(result.afterFatal).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('deliver every valid reply that precedes garbage, then fail or go on', () => {
    fc.assert(
      fc.property(fc.array(replyTree, { minLength: 1, maxLength: 3 }), fc.uint8Array({ minLength: 1, maxLength: 30 }), (replies, garbage) => {
        const bytes = Buffer.concat([...replies.map((reply) => reply.bytes), Buffer.from(garbage)]);
        const result = collect(byteByByte(bytes));
        expect(result.replies.slice(0, replies.length)).toEqual(replies.map((reply) => reply.shown));
        expect(result.afterFatal).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('give the same replies, and fail alike, in one chunk (decoded in one pass) as byte by byte (FrameCheck first)', () => {
    // Near-RESP: whole headers and the pieces they are made of, so the cases between valid and
    // malformed come up often. (Which reason a failure gives may depend on where the bytes stop:
    // an over-long reply can be refused for its announced size or for the bytes seen so far.)
    const pieces = ['$', '*', ':', '+', '-', '\r\n', '\r', '\n', '0', '1', '5', 'x', '$-1\r\n', '$-0\r\n', '$-5\r\n', '*-1\r\n', '*-0\r\n', '*-2\r\n',
      '*0\r\n', '*1\r\n', '*2\r\n', ':-\r\n', ':-0\r\n', ':1x\r\n', '$\r\n', '$1\r\nx\r\n', '$1\r\nxy\r\n', '$2\r\nx\r\n', '+ok\r\n', '+o\nk\r\n', '+x\n\n', '-err\r\n', '+ok\rx'];
    const nearResp = fc.array(fc.constantFrom(...pieces), { maxLength: 10 }).map((parts) => Buffer.from(parts.join('')));
    fc.assert(
      fc.property(fc.array(replyTree, { maxLength: 3 }), fc.oneof(nearResp, fc.uint8Array({ maxLength: 30 }).map((raw) => Buffer.from(raw))), fc.integer({ min: 8, max: 400 }), (replies, garbage, maxReplyBytes) => {
        const bytes = Buffer.concat([...replies.map((reply) => reply.bytes), garbage]);
        const whole = collect([bytes], maxReplyBytes);
        const split = collect(byteByByte(bytes), maxReplyBytes);
        expect(whole.replies).toEqual(split.replies);
        expect(whole.fatal.length).toBe(split.fatal.length);
        expect(whole.afterFatal).toBe(0);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuse nesting past the limit at any chunking', () => {
    fc.assert(
      fc.property(fc.integer({ min: MAX_REPLY_DEPTH + 1, max: MAX_REPLY_DEPTH + 50 }), fc.integer({ min: 1, max: 64 }), (depth, chunkSize) => {
        const bytes = Buffer.from('*1\r\n'.repeat(depth) + ':1\r\n');
        const chunks: Buffer[] = [];
        for (let offset = 0; offset < bytes.length; offset += chunkSize) chunks.push(bytes.subarray(offset, offset + chunkSize));
        const result = collect(chunks);
        expect(result.replies).toEqual([]);
        expect(result.fatal).toEqual([`arrays nested deeper than ${MAX_REPLY_DEPTH} levels`]);
      }),
      { numRuns: 30 },
    );
  });
});

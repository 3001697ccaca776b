/**
 * The reply reader: every RESP2 reply type as one chunk and byte by byte, malformed bytes and the
 * reason it gives for them, maxReplyBytes and the nesting limit, and that it stays failed.
 */
import { describe, expect, it } from 'vitest';
import { feedBorrowed } from '../fixtures/borrowedChunk';
import { MAX_REPLY_DEPTH, ReplyReader, type ReplyReaderOptions } from '../../src/protocol/ReplyReader';

type Event = ['reply', unknown] | ['error', string] | ['fatal', string];

interface Harness {
  reader: ReplyReader;
  events: Event[];
}

function harness(options: Partial<ReplyReaderOptions> & { returnBuffers?: boolean } = {}): Harness {
  const events: Event[] = [];
  const reader = new ReplyReader(
    {
      onReply: (reply) => events.push(['reply', reply]),
      onErrorReply: (message) => events.push(['error', message]),
      onFatal: (reason) => events.push(['fatal', reason]),
    },
    { stringNumbers: options.stringNumbers ?? false, maxReplyBytes: options.maxReplyBytes ?? 1024 * 1024 },
  );
  if (options.returnBuffers === true) reader.returnBuffers = true;
  return { reader, events };
}

function asBytes(input: string | Buffer): Buffer {
  return typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
}

/** Feeds `input` in one chunk, and again byte by byte into a fresh reader; both must agree. */
function read(input: string | Buffer, options: Parameters<typeof harness>[0] = {}): Event[] {
  const bytes = asBytes(input);
  const whole = harness(options);
  feedBorrowed(whole.reader, bytes);
  const split = harness(options);
  for (let i = 0; i < bytes.length; i++) feedBorrowed(split.reader, bytes.subarray(i, i + 1));
  expect(split.events).toEqual(whole.events);
  return whole.events;
}

describe('ReplyReader: well-formed replies, one chunk and byte by byte', () => {
  const cases: Array<[string, string | Buffer, Event[], Parameters<typeof harness>[0]?]> = [
    ['status', '+OK\r\n', [['reply', 'OK']]],
    ['empty status', '+\r\n', [['reply', '']]],
    ['error', '-ERR wrong number of arguments\r\n', [['error', 'ERR wrong number of arguments']]],
    ['integer', ':1000\r\n', [['reply', 1000]]],
    ['zero', ':0\r\n', [['reply', 0]]],
    ['negative integer', ':-42\r\n', [['reply', -42]]],
    ['integer beyond 2^53 with stringNumbers', ':9007199254740993\r\n', [['reply', '9007199254740993']], { stringNumbers: true }],
    ['bulk', '$5\r\nhello\r\n', [['reply', 'hello']]],
    ['empty bulk', '$0\r\n\r\n', [['reply', '']]],
    ['null bulk', '$-1\r\n', [['reply', null]]],
    ['bulk holding CRLF', '$6\r\na\r\nb\r\n\r\n', [['reply', 'a\r\nb\r\n']]],
    ['multi-byte UTF-8 bulk (split inside a character byte by byte)', '$6\r\né😀\r\n', [['reply', 'é😀']]],
    ['empty array', '*0\r\n', [['reply', []]]],
    ['null array', '*-1\r\n', [['reply', null]]],
    ['array of mixed values', '*4\r\n:1\r\n$3\r\nfoo\r\n$-1\r\n+OK\r\n', [['reply', [1, 'foo', null, 'OK']]]],
    ['nested arrays', '*2\r\n*2\r\n:1\r\n:2\r\n*1\r\n*0\r\n', [['reply', [[1, 2], [[]]]]]],
    ['several replies in one stream, in order', '+A\r\n:2\r\n$1\r\nC\r\n-ERR D\r\n*1\r\n+E\r\n', [
      ['reply', 'A'], ['reply', 2], ['reply', 'C'], ['error', 'ERR D'], ['reply', ['E']],
    ]],
  ];
  for (const [label, input, expected, options] of cases) {
    it(label, () => {
      expect(read(input, options)).toEqual(expected);
    });
  }

  it('keeps an error inside an array as an Error element (EXEC results)', () => {
    const [event] = read('*2\r\n+OK\r\n-WRONGTYPE Operation against a key\r\n');
    expect(event![0]).toBe('reply');
    const reply = event![1] as unknown[];
    expect(reply[0]).toBe('OK');
    expect(reply[1]).toBeInstanceOf(Error);
    expect((reply[1] as Error).message).toBe('WRONGTYPE Operation against a key');
  });

  it('returns binary bulks byte for byte as Buffers when asked', () => {
    const payload = Buffer.from([0x00, 0xff, 0x0d, 0x0a, 0xc3, 0x28]);
    const input = Buffer.concat([Buffer.from('$6\r\n'), payload, Buffer.from('\r\n')]);
    const [event] = read(input, { returnBuffers: true });
    expect(event![0]).toBe('reply');
    expect(Buffer.isBuffer(event![1])).toBe(true);
    expect(event![1]).toEqual(payload);
  });

  it('switches between strings and Buffers at a reply boundary', () => {
    const { reader, events } = harness();
    feedBorrowed(reader, Buffer.from('$1\r\na\r\n'));
    reader.returnBuffers = true;
    feedBorrowed(reader, Buffer.from('$1\r\nb\r\n'));
    expect(events).toEqual([['reply', 'a'], ['reply', Buffer.from('b')]]);
  });

  it('reads a 1 MiB bulk arriving in odd-sized chunks', () => {
    const payload = Buffer.alloc(1024 * 1024, 'x');
    const input = Buffer.concat([Buffer.from(`$${payload.length}\r\n`), payload, Buffer.from('\r\n')]);
    const { reader, events } = harness({ returnBuffers: true, maxReplyBytes: 2 * 1024 * 1024 });
    for (let offset = 0; offset < input.length; offset += 7919) feedBorrowed(reader, input.subarray(offset, offset + 7919));
    expect(events).toHaveLength(1);
    expect((events[0]![1] as Buffer).equals(payload)).toBe(true);
  });

  it('decodes a bulk over 64 KiB as text exactly as one whole decode would, characters straddling its pieces included', () => {
    let seed = 7;
    const random = Buffer.alloc(300_000);
    for (let i = 0; i < random.length; i++) random[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    const payloads = [Buffer.from('a€😀é'.repeat(30_000)), random]; // UTF-8 with 1- to 4-byte characters; arbitrary bytes
    for (const payload of payloads) {
      const input = Buffer.concat([Buffer.from(`$${payload.length}\r\n`), payload, Buffer.from('\r\n')]);
      for (const chunkSize of [input.length, 65_536, 4093]) {
        const { reader, events } = harness();
        for (let offset = 0; offset < input.length; offset += chunkSize) feedBorrowed(reader, input.subarray(offset, offset + chunkSize));
        expect(events).toHaveLength(1);
        expect(events[0]![1] === payload.toString('utf8')).toBe(true);
      }
    }
  });
});

describe('ReplyReader: partialReplyBytes', () => {
  it('counts the bytes of the reply in progress, and 0 at a boundary', () => {
    const { reader } = harness();
    expect(reader.partialReplyBytes()).toBe(0);
    feedBorrowed(reader, Buffer.from('+OK\r\n$10\r\nhello'));
    expect(reader.partialReplyBytes()).toBe(10); // "$10\r\n" and "hello"
    feedBorrowed(reader, Buffer.from('world'));
    expect(reader.partialReplyBytes()).toBe(15);
    feedBorrowed(reader, Buffer.from('\r\n*2\r\n:1\r\n'));
    expect(reader.partialReplyBytes()).toBe(8);
    feedBorrowed(reader, Buffer.from(':2\r\n'));
    expect(reader.partialReplyBytes()).toBe(0);
  });
});

describe('ReplyReader: malformed bytes fail the reader with a reason', () => {
  const malformed: Array<[string, string, RegExp]> = [
    ['a bad type byte', 'hello\r\n', /unexpected byte "h" where a reply type/],
    ['a RESP3 type byte', '_\r\n', /unexpected byte "_" where a reply type/],
    ['a binary byte where a type must be', '\u0000', /unexpected byte 0x00/],
    ['a negative bulk length other than -1', '$-5\r\n', /bulk reply announced length -5 \(only -1/],
    ['a negative array length other than -1', '*-2\r\n', /array reply announced length -2 \(only -1/],
    ['a minus sign without digits', '$-\r\n', /has no digits/],
    ['an empty length', '$\r\n', /has no digits/],
    ['a non-numeric length', '$abc\r\n', /unexpected byte "a" in the length/],
    ['a length with trailing garbage', '$3x\r\nabc\r\n', /unexpected byte "x" in the length/],
    ['a non-numeric integer', ':12x\r\n', /unexpected byte "x" in the integer/],
    ['an element count with a second minus', '*--1\r\n', /unexpected byte "-" in the element count/],
    ['a bulk longer than announced', '$3\r\nabcXY\r\n', /runs past its announced length/],
    ['a bulk not closed by LF', '$3\r\nabc\rX', /runs past its announced length|not LF/],
    ['a header line ending in CR without LF', '+OK\rX\r\n', /CR followed by "X", not LF/],
    ['a bare LF inside a status line', '+O\nK\r\n', /line feed inside a status reply/],
  ];
  for (const [label, input, reason] of malformed) {
    it(label, () => {
      const events = read(input);
      expect(events).toHaveLength(1);
      expect(events[0]![0]).toBe('fatal');
      expect(events[0]![1]).toMatch(reason);
    });
  }

  it('hands out the replies completed before the bad bytes, then fails once', () => {
    const events = read('+first\r\n:2\r\n*2\r\n:3\r\n$-7\r\n+never\r\n');
    expect(events).toEqual([
      ['reply', 'first'],
      ['reply', 2],
      ['fatal', 'a bulk reply announced length -7 (only -1, the null reply, is valid)'],
    ]);
  });

  it('stays failed: later bytes, even well-formed ones, produce nothing', () => {
    const { reader, events } = harness();
    feedBorrowed(reader, Buffer.from('!garbage'));
    expect(reader.failed).toBe(true);
    feedBorrowed(reader, Buffer.from('+OK\r\n'));
    feedBorrowed(reader, Buffer.from('-ERR x\r\n'));
    expect(events).toHaveLength(1);
    expect(events[0]![0]).toBe('fatal');
  });
});

describe('ReplyReader: limits', () => {
  it('refuses an announced bulk larger than maxReplyBytes before any payload arrives', () => {
    expect(read('$99999999999\r\n', { maxReplyBytes: 1024 })).toEqual([
      ['fatal', 'a bulk reply of 99999999999 bytes was announced, over maxReplyBytes (1024)'],
    ]);
  });

  it('refuses $99999999999 under the default 512 MiB limit too', () => {
    expect(read('$99999999999\r\n', { maxReplyBytes: 512 * 1024 * 1024 })[0]![1]).toMatch(/99999999999 bytes was announced, over maxReplyBytes \(536870912\)/);
  });

  it('refuses an array count that cannot fit in maxReplyBytes', () => {
    expect(read('*99999999999\r\n', { maxReplyBytes: 512 * 1024 * 1024 })[0]![1]).toMatch(/an array of 99999999999 elements was announced/);
    expect(read('*400\r\n', { maxReplyBytes: 1000 })[0]![1]).toMatch(/an array of 400 elements/);
  });

  it('accepts a reply of exactly maxReplyBytes and refuses one byte more', () => {
    const reply = '*2\r\n$5\r\nhello\r\n$5\r\nworld\r\n'; // 26 bytes
    expect(read(reply, { maxReplyBytes: reply.length })).toEqual([['reply', ['hello', 'world']]]);
    const refused = read(reply, { maxReplyBytes: reply.length - 1 });
    expect(refused).toEqual([['fatal', `a reply exceeded maxReplyBytes (${reply.length - 1}) before it was complete`]]);
  });

  it('counts each reply on its own: many small replies never add up to the limit', () => {
    const { reader, events } = harness({ maxReplyBytes: 16 });
    for (let i = 0; i < 1000; i++) feedBorrowed(reader, Buffer.from('$5\r\nhello\r\n'));
    expect(events).toHaveLength(1000);
    expect(events.every((event) => event[0] === 'reply')).toBe(true);
  });

  it(`accepts arrays nested ${MAX_REPLY_DEPTH} deep and refuses one level more`, () => {
    const nested = (depth: number): string => '*1\r\n'.repeat(depth) + ':7\r\n';
    const deepest = read(nested(MAX_REPLY_DEPTH));
    expect(deepest).toHaveLength(1);
    let value: unknown = deepest[0]![1];
    for (let i = 0; i < MAX_REPLY_DEPTH; i++) value = (value as unknown[])[0];
    expect(value).toBe(7);
    expect(read(nested(MAX_REPLY_DEPTH + 1))).toEqual([['fatal', `arrays nested deeper than ${MAX_REPLY_DEPTH} levels`]]);
  });

  it('refuses 100000 levels of nesting without overflowing the stack', () => {
    const { reader, events } = harness();
    feedBorrowed(reader, Buffer.from('*1\r\n'.repeat(100_000) + ':1\r\n'));
    expect(events).toEqual([['fatal', `arrays nested deeper than ${MAX_REPLY_DEPTH} levels`]]);
  });
});

/**
 * The encoder's bytes, checked against RESP written out by hand: strings (multi-byte too), numbers,
 * Buffers passed through untouched, and batches of several commands. Plus what flattenArgs does to
 * user arguments before they reach the encoder: nested arrays flattened, bad values refused with a
 * TypeError that names the command and the position.
 */
import { describe, expect, it } from 'vitest';
import { flattenArgs } from '../../src/commands/arguments';
import { appendCommand, EncodedBatch, encodeCommand } from '../../src/protocol/encodeCommand';

function wire(...parts: Array<string | Buffer>): Buffer {
  return Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : part)));
}

describe('encodeCommand', () => {
  it('encodes a command without arguments', () => {
    expect(encodeCommand('ping', [])).toEqual(wire('*1\r\n$4\r\nping\r\n'));
  });

  it('encodes string arguments with their byte length, not their character length', () => {
    expect(encodeCommand('set', ['key', 'value'])).toEqual(wire('*3\r\n$3\r\nset\r\n$3\r\nkey\r\n$5\r\nvalue\r\n'));
    // "é" is 2 bytes, "😀" is 4 bytes (2 UTF-16 units).
    expect(encodeCommand('set', ['é', '😀'])).toEqual(wire('*3\r\n$3\r\nset\r\n$2\r\né\r\n$4\r\n😀\r\n'));
    expect(encodeCommand('set', ['', ''])).toEqual(wire('*3\r\n$3\r\nset\r\n$0\r\n\r\n$0\r\n\r\n'));
  });

  it('gets the byte length right when it needs more digits than the character count (text written before its header)', () => {
    // ASCII, 2-, 3- and 4-byte characters and a lone surrogate (written as U+FFFD, 3 bytes), at
    // character counts around the 32-character loop limit, the 4,096 guessed-length limit and
    // where the byte count crosses into one more digit than the character count has.
    const pieces = ['a', 'é', '€', '😀', '\ud800'];
    for (const piece of pieces) {
      for (const count of [4, 9, 10, 33, 34, 40, 99, 100, 340, 999, 1000, 1365, 2048, 4095, 4096, 4097, 12_345, 123_457]) {
        const text = piece.repeat(Math.max(1, Math.floor(count / piece.length)));
        const bytes = Buffer.from(text, 'utf8');
        const expected = wire(`*3\r\n$3\r\nset\r\n$1\r\nk\r\n$${bytes.length}\r\n`, bytes, '\r\n');
        expect(encodeCommand('set', ['k', text]).equals(expected)).toBe(true);
      }
    }
  });

  it('writes element counts of any width (1 to 6 digits)', () => {
    for (const argumentCount of [8, 9, 98, 99, 998, 9_998, 99_998, 123_455]) {
      const args = Array.from({ length: argumentCount }, (_, i) => i % 10);
      const expected = wire(`*${argumentCount + 1}\r\n$5\r\nrpush\r\n` + args.map((digit) => `$1\r\n${digit}\r\n`).join(''));
      expect(encodeCommand('rpush', args).equals(expected)).toBe(true);
    }
  });

  it('keeps CR, LF and NUL inside arguments (binary safe)', () => {
    expect(encodeCommand('set', ['a\r\nb', 'x\0y'])).toEqual(wire('*3\r\n$3\r\nset\r\n$4\r\na\r\nb\r\n$3\r\nx\0y\r\n'));
  });

  it('encodes numbers as their decimal text', () => {
    expect(encodeCommand('incrby', ['n', 42])).toEqual(wire('*3\r\n$6\r\nincrby\r\n$1\r\nn\r\n$2\r\n42\r\n'));
    expect(encodeCommand('incrbyfloat', ['n', -1.5])).toEqual(wire('*3\r\n$11\r\nincrbyfloat\r\n$1\r\nn\r\n$4\r\n-1.5\r\n'));
    expect(encodeCommand('expire', ['n', 0])).toEqual(wire('*3\r\n$6\r\nexpire\r\n$1\r\nn\r\n$1\r\n0\r\n'));
  });

  it('passes Buffer arguments through byte for byte', () => {
    const binary = Buffer.from([0x00, 0xff, 0x0d, 0x0a, 0x80, 0xc3]);
    expect(encodeCommand('set', [Buffer.from('k'), binary])).toEqual(
      wire('*3\r\n$3\r\nset\r\n$1\r\n', Buffer.from('k'), '\r\n$6\r\n', binary, '\r\n'),
    );
    expect(encodeCommand('set', ['k', Buffer.alloc(0)])).toEqual(wire('*3\r\n$3\r\nset\r\n$1\r\nk\r\n$0\r\n\r\n'));
  });

  it('does not copy a large Buffer argument into the batch', () => {
    const value = Buffer.alloc(256 * 1024, 7);
    const batch = new EncodedBatch();
    appendCommand(batch, 'set', ['k', value]);
    const pieces = batch.take();
    expect(pieces.some((piece) => piece === value)).toBe(true);
  });

  it('concatenates several commands of one batch in order', () => {
    const batch = new EncodedBatch();
    appendCommand(batch, 'get', ['a']);
    appendCommand(batch, 'set', ['b', Buffer.from('1')]);
    appendCommand(batch, 'incr', ['c']);
    const bytes = Buffer.concat(batch.take().map((piece) => (typeof piece === 'string' ? Buffer.from(piece) : piece)));
    expect(bytes).toEqual(wire(
      '*2\r\n$3\r\nget\r\n$1\r\na\r\n',
      '*3\r\n$3\r\nset\r\n$1\r\nb\r\n$1\r\n1\r\n',
      '*2\r\n$4\r\nincr\r\n$1\r\nc\r\n',
    ));
    // take() empties the batch.
    expect(batch.take()).toEqual([]);
    expect(batch.size).toBe(0);
  });
});

describe('flattenArgs (arguments as the encoder gets them)', () => {
  it('returns already-flat arguments as they are', () => {
    const args = ['a', 1, Buffer.from('b')];
    expect(flattenArgs('set', args)).toBe(args);
  });

  it('flattens nested arrays in order, at any depth', () => {
    expect(flattenArgs('rpush', ['list', ['a', ['b', ['c', 4]]], 'e'])).toEqual(['list', 'a', 'b', 'c', 4, 'e']);
    expect(encodeCommand('rpush', flattenArgs('rpush', ['l', ['x', ['y']]]))).toEqual(
      wire('*4\r\n$5\r\nrpush\r\n$1\r\nl\r\n$1\r\nx\r\n$1\r\ny\r\n'),
    );
  });

  it('prints booleans, bigints and unsafe integers exactly, and null as an empty string (as ioredis)', () => {
    expect(flattenArgs('set', ['k', [true, false]])).toEqual(['k', 'true', 'false']);
    expect(flattenArgs('set', ['k', [12345678901234567890n]])).toEqual(['k', '12345678901234567890']);
    expect(flattenArgs('set', ['k', [2 ** 60]])).toEqual(['k', '1152921504606846976']);
    expect(flattenArgs('set', ['k', null])).toEqual(['k', '']);
  });

  it('treats a top-level number exactly as a nested one', () => {
    // 1e21 would print as "1e+21" with String(); both paths must send the digits.
    expect(flattenArgs('set', ['k', 1e21])).toEqual(flattenArgs('set', ['k', [1e21]]));
    expect(flattenArgs('set', ['k', 1e21])).toEqual(['k', '1000000000000000000000']);
    expect(() => flattenArgs('set', ['k', Number.NaN])).toThrow(TypeError);
    expect(() => flattenArgs('set', ['k', [Number.NaN]])).toThrow(TypeError);
  });

  it('turns a Uint8Array into a Buffer over the same bytes', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const [, out] = flattenArgs('set', ['k', bytes]);
    expect(Buffer.isBuffer(out)).toBe(true);
    expect([...(out as Buffer)]).toEqual([1, 2, 3]);
  });

  const invalid: Array<[string, unknown, RegExp]> = [
    ['undefined', undefined, /undefined/],
    ['a symbol', Symbol('s'), /a symbol/],
    ['a function', () => 1, /a function/],
    ['a plain object', { a: 1 }, /an object/],
    ['a Map', new Map(), /a Map/],
    ['a Date', new Date(0), /a Date/],
    ['NaN', Number.NaN, /NaN/],
  ];

  for (const [label, value, what] of invalid) {
    it(`refuses ${label} with a TypeError naming the command and the position`, () => {
      let thrown: unknown;
      try {
        flattenArgs('set', ['key', value]);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(TypeError);
      const error = thrown as TypeError & { code?: string };
      expect(error.message).toMatch(/^Invalid argument 2 of SET: /);
      expect(error.message).toMatch(what);
      expect(error.code).toBe('ERR_INVALID_ARGUMENT');
    });
  }

  it('names the position inside a nested array as a dotted path', () => {
    expect(() => flattenArgs('rpush', ['list', ['a', ['b', undefined]]])).toThrow(/^Invalid argument 2\.2\.2 of RPUSH: undefined/);
  });
});

describe('EncodedBatch slab rule', () => {
  const text = (pieces: Buffer[]): string => Buffer.concat(pieces).toString();

  it('starts the slab over once the socket took every byte', () => {
    const batch = new EncodedBatch();
    appendCommand(batch, 'set', ['k', 'v'.repeat(3000)]);
    const [first] = batch.take();
    batch.written(false);
    appendCommand(batch, 'get', ['k']);
    const [second] = batch.take();
    expect(second!.toString()).toBe('*2\r\n$3\r\nget\r\n$1\r\nk\r\n');
    expect(second!.buffer).toBe(first!.buffer);
    expect(second!.byteOffset).toBe(first!.byteOffset);
  });

  it('never writes over bytes a socket still holds, even after later writes went through', () => {
    const batch = new EncodedBatch(4096);
    appendCommand(batch, 'set', ['held', 'h'.repeat(500)]);
    const held = batch.take();
    const heldText = text(held);
    batch.written(true);
    // Later batches reach the kernel at once; the held bytes must still not be reused.
    for (let i = 0; i < 50; i++) {
      appendCommand(batch, 'set', [`k${i}`, String(i).repeat(100)]);
      expect(text(batch.take())).toBe(`*3\r\n$3\r\nset\r\n$${`k${i}`.length}\r\nk${i}\r\n$${String(i).repeat(100).length}\r\n${String(i).repeat(100)}\r\n`);
      batch.written(false);
    }
    expect(text(held)).toBe(heldText);
  });

  it('a new slab is not pinned by bytes held in the previous one', () => {
    const batch = new EncodedBatch(1024);
    appendCommand(batch, 'set', ['held', 'h'.repeat(500)]);
    batch.take();
    batch.written(true);
    appendCommand(batch, 'set', ['big', 'b'.repeat(2000)]);
    const pieces = batch.take();
    // The command's head went into the old slab's room; its value opened the new slab.
    const onNewSlab = pieces[pieces.length - 1];
    batch.written(false);
    appendCommand(batch, 'ping', []);
    const [afterReset] = batch.take();
    expect(afterReset!.buffer).toBe(onNewSlab!.buffer);
    expect(afterReset!.byteOffset).toBe(onNewSlab!.byteOffset);
  });

  it('drops bytes encoded but never taken', () => {
    const batch = new EncodedBatch();
    appendCommand(batch, 'set', ['a', '1']);
    appendCommand(batch, 'set', ['b', 'x'.repeat(70_000)]);
    batch.discardUntaken();
    expect(batch.size).toBe(0);
    appendCommand(batch, 'get', ['c']);
    expect(text(batch.take())).toBe('*2\r\n$3\r\nget\r\n$1\r\nc\r\n');
  });

  it('a batch that is never used holds no memory', () => {
    const before = process.memoryUsage().arrayBuffers;
    const batches = Array.from({ length: 500 }, () => new EncodedBatch());
    // 500 slabs taken up front would be 31 MiB.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(1024 * 1024);
    expect(batches).toHaveLength(500);
  });
});

import type { CommandArgument } from '../commands/Command';
import { writeUtf8 } from './nodeBuffer';

/**
 * Commands -> RESP bytes, written straight into a slab Buffer. A batch of commands becomes one
 * Buffer slice in the common case, written with one call; no intermediate strings.
 *
 * Why not build a string: V8 keeps `a + b + …` as a rope, and handing a rope of hundreds of tiny
 * pieces to `socket.write` flattens it first; profiles showed that flattening as the largest cost
 * of a 100-command pipeline.
 *
 * Slab rule: bytes handed out by `take()` are not written again while a socket may still be
 * sending them. After each write the writer calls `written()`: if the socket took everything
 * into the kernel, the slab starts over, so a steady stream of batches allocates nothing; if the
 * socket kept some bytes, the slab is pinned and new bytes go after them until it is full.
 *
 * One batch serves every connection of the process (`sharedBatch()`): a connection encodes and
 * writes in one synchronous stretch, so two connections' bytes never mix, and by the rule above
 * no connection's unsent bytes are overwritten by another's. A process with 200 connections
 * holds one 64 KiB slab, not 200.
 */

const SLAB_SIZE = 64 * 1024;
/** Buffers up to this size are copied into the slab; larger ones are passed through uncopied. */
const COPY_LIMIT = 4 * 1024;
/** Strings up to this length are encoded by a JS loop when ASCII (below ~32 characters the loop beats a native call). */
const INLINE_STRING_LIMIT = 32;
/**
 * Up to this many characters a string is written without measuring it first (room for 3 bytes
 * per character is reserved); longer ones are measured, so a large string never reserves 3x.
 */
const GUESSED_LENGTH_LIMIT = 4096;

const ASTERISK = 42;
const DOLLAR = 36;
const CR = 13;
const LF = 10;
const NO_SLAB = Buffer.alloc(0);

export class EncodedBatch {
  readonly #slabSize: number;
  /** Taken on the first command: a batch that is never used holds no memory. */
  #slab: Buffer = NO_SLAB;
  /** Where the bytes of the current batch begin in the slab. */
  #start = 0;
  #offset = 0;
  /** A socket still holds bytes of this slab: never start it over. */
  #pinned = false;
  /** Completed pieces, in order, when the batch spans slabs or carries large Buffers. */
  #pieces: Buffer[] = [];
  /** Bytes in the batch so far (slab bytes plus pieces). */
  #size = 0;

  constructor(slabSize = SLAB_SIZE) {
    this.#slabSize = slabSize;
  }

  get size(): number {
    return this.#size + (this.#offset - this.#start);
  }

  /** The batch's bytes, in order; the batch starts empty again. */
  take(): Buffer[] {
    const pieces = this.#pieces;
    if (this.#offset > this.#start) pieces.push(this.#slab.subarray(this.#start, this.#offset));
    this.#start = this.#offset;
    this.#pieces = [];
    this.#size = 0;
    return pieces;
  }

  /**
   * The pieces from the last `take()` went to a socket. `heldBySocket`: the socket still buffers
   * some of them (a partial write, or bytes queued behind earlier ones), so they must stay as they
   * are; otherwise they reached the kernel and the slab may start over.
   */
  written(heldBySocket: boolean): void {
    if (heldBySocket) {
      this.#pinned = true;
    } else if (!this.#pinned && this.#pieces.length === 0 && this.#offset === this.#start) {
      this.#start = 0;
      this.#offset = 0;
    }
  }

  /** Drop bytes encoded but never taken (an encode that threw half-way): nobody is sent them. */
  discardUntaken(): void {
    this.#pieces = [];
    this.#size = 0;
    this.#offset = this.#start;
  }

  appendCommand(name: string, args: readonly CommandArgument[]): void {
    this.#reserve(16 + name.length * 3);
    this.#writeCount(ASTERISK, args.length + 1);
    this.#writeString(name);
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      if (typeof arg === 'string') this.#writeString(arg);
      else if (typeof arg === 'number') this.#writeString(String(arg));
      else this.#writeBuffer(arg);
    }
  }

  /** Make room for `bytes` more in the current slab, moving to a new slab if needed. */
  #reserve(bytes: number): void {
    if (this.#offset + bytes <= this.#slab.length) return;
    if (this.#offset > this.#start) {
      const done = this.#slab.subarray(this.#start, this.#offset);
      this.#pieces.push(done);
      this.#size += done.length;
    }
    this.#slab = Buffer.allocUnsafe(Math.max(this.#slabSize, bytes));
    this.#start = 0;
    this.#offset = 0;
    this.#pinned = false;
  }

  /** `*3\r\n` or `$12\r\n`: the caller reserved room. */
  #writeCount(marker: number, count: number): void {
    const slab = this.#slab;
    let offset = this.#offset;
    slab[offset++] = marker;
    if (count < 10) {
      slab[offset++] = 48 + count;
    } else if (count < 100) {
      slab[offset++] = 48 + ((count / 10) | 0);
      slab[offset++] = 48 + (count % 10);
    } else {
      // Digits written backwards from the end: no string made for the number.
      let at = offset + digitCount(count);
      offset = at;
      for (let rest = count; rest > 0; rest = Math.floor(rest / 10)) slab[--at] = 48 + (rest % 10);
    }
    slab[offset++] = CR;
    slab[offset++] = LF;
    this.#offset = offset;
  }

  #writeString(text: string): void {
    const length = text.length;
    if (length <= INLINE_STRING_LIMIT) {
      this.#reserve(length + 8);
      const slab = this.#slab;
      const headerAt = this.#offset;
      this.#writeCount(DOLLAR, length);
      let offset = this.#offset;
      let i = 0;
      for (; i < length; i++) {
        const code = text.charCodeAt(i);
        if (code >= 0x80) break;
        slab[offset++] = code;
      }
      if (i === length) {
        slab[offset++] = CR;
        slab[offset++] = LF;
        this.#offset = offset;
        return;
      }
      // Not ASCII: its byte length differs from its length; rewrite with the real one.
      this.#offset = headerAt;
    }
    if (length <= GUESSED_LENGTH_LIMIT) {
      // One native call instead of two (byteLength, then write): the text goes in first, after
      // room for the header its length would need if it were ASCII, and the header follows.
      this.#reserve(length * 3 + 16);
      const slab = this.#slab;
      const headerAt = this.#offset;
      const guessedDigits = digitCount(length);
      let payloadAt = headerAt + guessedDigits + 3;
      const bytes = writeUtf8(slab, text, payloadAt, length * 3);
      const digits = digitCount(bytes);
      if (digits !== guessedDigits) {
        // More bytes than characters, and enough to need a wider length: move the text over.
        slab.copyWithin(payloadAt + digits - guessedDigits, payloadAt, payloadAt + bytes);
        payloadAt += digits - guessedDigits;
      }
      this.#writeCount(DOLLAR, bytes);
      this.#offset = payloadAt + bytes;
      slab[this.#offset++] = CR;
      slab[this.#offset++] = LF;
      return;
    }
    const bytes = Buffer.byteLength(text);
    this.#reserve(bytes + 16);
    this.#writeCount(DOLLAR, bytes);
    this.#offset += writeUtf8(this.#slab, text, this.#offset, bytes);
    this.#slab[this.#offset++] = CR;
    this.#slab[this.#offset++] = LF;
  }

  #writeBuffer(value: Buffer): void {
    const length = value.length;
    if (length <= COPY_LIMIT) {
      this.#reserve(length + 16);
      this.#writeCount(DOLLAR, length);
      value.copy(this.#slab, this.#offset);
      this.#offset += length;
      this.#slab[this.#offset++] = CR;
      this.#slab[this.#offset++] = LF;
      return;
    }
    // Large: header into the slab, the value itself uncopied, then its CRLF.
    this.#reserve(16);
    this.#writeCount(DOLLAR, length);
    const header = this.#slab.subarray(this.#start, this.#offset);
    this.#pieces.push(header, value);
    this.#size += header.length + length;
    this.#start = this.#offset;
    this.#reserve(2);
    this.#slab[this.#offset++] = CR;
    this.#slab[this.#offset++] = LF;
  }
}

function digitCount(value: number): number {
  if (value < 10) return 1;
  if (value < 100) return 2;
  if (value < 1000) return 3;
  if (value < 10000) return 4;
  let digits = 5;
  for (let rest = Math.floor(value / 100000); rest > 0; rest = Math.floor(rest / 10)) digits++;
  return digits;
}

export function appendCommand(batch: EncodedBatch, name: string, args: readonly CommandArgument[]): void {
  batch.appendCommand(name, args);
}

let processBatch: EncodedBatch | null = null;

/** The batch every connection of the process encodes into; see the slab rule above. */
export function sharedBatch(): EncodedBatch {
  processBatch ??= new EncodedBatch();
  return processBatch;
}

/** One command as a single Buffer: for tests and for callers that need bytes. */
export function encodeCommand(name: string, args: readonly CommandArgument[]): Buffer {
  const batch = new EncodedBatch(1024);
  batch.appendCommand(name, args);
  const pieces = batch.take();
  return pieces.length === 1 ? Buffer.from(pieces[0]!) : Buffer.concat(pieces);
}

import { StringDecoder } from 'node:string_decoder';
import { ReplyError } from '../errors';
import { utf8Text } from './nodeBuffer';

/**
 * Reads RESP2 replies out of the bytes a socket delivers and hands each one out whole.
 *
 * Whole replies in a chunk (nearly all of them) are checked and decoded in one pass: the decoder
 * itself refuses anything FrameCheck would refuse (`$-5`, `:12x`, a bulk that runs past its
 * length, a reply over maxReplyBytes, nesting past the limit), and so does a reply cut off by the
 * chunk's end. From the first such reply on, the chunk goes through FrameCheck: it follows a reply
 * across chunks, knows where each one ends, and names what is wrong with malformed bytes; the
 * replies it accepts are decoded by the same decoder. After the first failure the reader stays
 * failed: the bytes that follow cannot be trusted to line up with any command.
 *
 * The chunk passed to feed() is borrowed: the connection reads every socket into one shared
 * buffer and overwrites it with the next read. Nothing here keeps a reference to it: strings are
 * decoded from it, Buffer replies are copied out, and the head of a reply that continues in the
 * next chunk is copied into a buffer of its own (sized from the announced length, so a 100 KB bulk
 * is copied once, not concatenated chunk by chunk).
 */
export interface ReplyReaderHandlers {
  onReply(reply: unknown): void;
  onErrorReply(message: string): void;
  onFatal(reason: string, cause?: unknown): void;
}

export interface ReplyReaderOptions {
  stringNumbers: boolean;
  /** Largest reply accepted, in bytes; a larger announced or received reply is a protocol error. */
  maxReplyBytes: number;
}

/**
 * Deepest array nesting accepted. The parser recurses once per level; far below where that
 * would exhaust the stack.
 */
export const MAX_REPLY_DEPTH = 512;

const CR = 13;
const LF = 10;

/**
 * Where the check is inside the byte stream: `type` (next byte starts a value: + - : $ *), `line`
 * (inside a header line), `lineEnd` (saw its CR, LF must follow), `payload` (inside a bulk),
 * `payloadCr` / `payloadLf` (the CRLF that must close a bulk).
 */
type Mode = 'type' | 'line' | 'lineEnd' | 'payload' | 'payloadCr' | 'payloadLf';

/**
 * RESP2 framing, checked byte by byte on header lines and skipped over on payloads (so a large
 * bulk costs O(1) per chunk). Knows where each top-level reply ends, hence exactly how many bytes
 * of the current one have arrived.
 */
class FrameCheck {
  #mode: Mode = 'type';
  #type = 0;
  #negative = false;
  #digits = 0;
  #value = 0;
  /** Payload bytes still to skip. */
  #payloadLeft = 0;
  /** Elements still due in each open array, innermost last. */
  readonly #open: number[] = [];
  /** Bytes of the top-level reply in progress that arrived in earlier chunks. */
  #carried = 0;
  /** Bytes of the top-level reply in progress (0 at a reply boundary). */
  frameBytes = 0;
  /** After scan(): offset just past the first top-level reply completed in the chunk, else -1. */
  firstFrameEnd = -1;
  /** After scan(): offset just past the last top-level reply completed in the chunk, else -1. */
  lastFrameEnd = -1;
  readonly #maxReplyBytes: number;

  constructor(maxReplyBytes: number) {
    this.#maxReplyBytes = maxReplyBytes;
  }

  /**
   * Checks `chunk[start, length)` (with `stopAtFirstEnd`, only up to the end of the first reply that
   * ends in it). Returns null when it is well formed so far, else the offset of the bad byte and
   * why; replies that ended before that offset are sound (firstFrameEnd, lastFrameEnd).
   */
  scan(chunk: Buffer, start: number, length: number, stopAtFirstEnd = false): { at: number; reason: string } | null {
    this.firstFrameEnd = -1;
    this.lastFrameEnd = -1;
    const max = this.#maxReplyBytes;
    let i = start;
    let failure: string | null = null;
    // The reply in progress began at `frameStart` in this chunk, after `#carried` bytes of earlier chunks.
    let frameStart = start;
    // Where the value being read began in this chunk: a header refused once complete is cut from there.
    let valueStart = start;
    let ended = false;
    while (i < length) {
      switch (this.#mode) {
        case 'payload': {
          const take = Math.min(this.#payloadLeft, length - i);
          this.#payloadLeft -= take;
          i += take;
          if (this.#payloadLeft > 0) break;
          if (i + 1 < length) {
            // The closing CRLF is here already: check it without two more rounds.
            if (chunk[i] !== CR) {
              failure = `a bulk reply runs past its announced length (${describeByte(chunk[i]!)} where CR must follow)`;
              break;
            }
            if (chunk[i + 1] !== LF) {
              i += 1;
              failure = `a bulk reply ends in CR followed by ${describeByte(chunk[i]!)}, not LF`;
              break;
            }
            i += 2;
            ended = this.#valueDone();
          } else {
            this.#mode = 'payloadCr';
          }
          break;
        }
        case 'type': {
          const byte = chunk[i]!;
          if (byte !== 43 && byte !== 45 && byte !== 58 && byte !== 36 && byte !== 42) {
            failure = `unexpected byte ${describeByte(byte)} where a reply type (+ - : $ *) must start`;
            break;
          }
          valueStart = i;
          i += 1;
          this.#type = byte;
          this.#negative = false;
          this.#digits = 0;
          this.#value = 0;
          this.#mode = 'line';
          break;
        }
        case 'line': {
          const type = this.#type;
          let lineEnd: number;
          if (type === 43 || type === 45) {
            // Status and error lines: any bytes up to CR (found natively), but no bare LF.
            const cr = chunk.indexOf(CR, i);
            const lf = chunk.indexOf(LF, i);
            if (lf !== -1 && (cr === -1 || lf < cr)) {
              i = lf;
              failure = `a line feed inside a ${type === 43 ? 'status' : 'error'} reply`;
              break;
            }
            if (cr === -1) {
              i = length;
              break;
            }
            lineEnd = cr;
          } else {
            let digits = this.#digits;
            let value = this.#value;
            let negative = this.#negative;
            lineEnd = -1;
            for (; i < length; i++) {
              const byte = chunk[i]!;
              if (byte >= 48 && byte <= 57) {
                digits += 1;
                value = value * 10 + (byte - 48);
              } else if (byte === CR) {
                lineEnd = i;
                break;
              } else if (byte === 45 && digits === 0 && !negative) {
                negative = true;
              } else {
                failure = `unexpected byte ${describeByte(byte)} in the ${headerName(type)} of a reply`;
                break;
              }
            }
            this.#digits = digits;
            this.#value = value;
            this.#negative = negative;
            if (failure !== null || lineEnd === -1) break;
          }
          if (lineEnd + 1 < length) {
            if (chunk[lineEnd + 1] !== LF) {
              i = lineEnd + 1;
              failure = `a header line ends in CR followed by ${describeByte(chunk[i]!)}, not LF`;
              break;
            }
            i = lineEnd + 2;
            const done = this.#lineDone();
            if (done === true) {
              ended = true;
            } else if (done !== false) {
              i = valueStart;
              failure = done;
            }
          } else {
            i = lineEnd + 1;
            this.#mode = 'lineEnd';
          }
          break;
        }
        case 'lineEnd': {
          const byte = chunk[i]!;
          if (byte !== LF) {
            failure = `a header line ends in CR followed by ${describeByte(byte)}, not LF`;
            break;
          }
          i += 1;
          const done = this.#lineDone();
          if (done === true) {
            ended = true;
          } else if (done !== false) {
            i = valueStart;
            failure = done;
          }
          break;
        }
        case 'payloadCr': {
          const byte = chunk[i]!;
          if (byte !== CR) {
            failure = `a bulk reply runs past its announced length (${describeByte(byte)} where CR must follow)`;
            break;
          }
          i += 1;
          this.#mode = 'payloadLf';
          break;
        }
        case 'payloadLf': {
          const byte = chunk[i]!;
          if (byte !== LF) {
            failure = `a bulk reply ends in CR followed by ${describeByte(byte)}, not LF`;
            break;
          }
          i += 1;
          ended = this.#valueDone();
          break;
        }
      }
      const size = this.#carried + (i - frameStart);
      if (failure !== null) {
        this.frameBytes = size;
        return { at: i, reason: failure };
      }
      if (size > max) {
        // Cut before the reply's first byte in this chunk, so even its last step never completes it.
        this.frameBytes = size;
        return { at: frameStart, reason: `a reply exceeded maxReplyBytes (${max}) before it was complete` };
      }
      if (ended) {
        // A top-level reply just ended: the next one starts here.
        ended = false;
        if (this.firstFrameEnd === -1) this.firstFrameEnd = i;
        this.lastFrameEnd = i;
        this.#carried = 0;
        frameStart = i;
        if (stopAtFirstEnd) break;
      }
    }
    this.#carried += i - frameStart;
    this.frameBytes = this.#carried;
    return null;
  }

  /**
   * The fewest bytes the reply in progress will span in all: what has arrived, plus the rest of
   * the bulk being read when that is known. Exact for a top-level bulk once its header is in.
   */
  frameSizeAtLeast(): number {
    const mode = this.#mode;
    const due = mode === 'payload' ? this.#payloadLeft + 2 : mode === 'payloadCr' ? 2 : mode === 'payloadLf' ? 1 : 0;
    return this.frameBytes + due;
  }

  /**
   * A header line is complete: check what it announced. Returns the reason it is wrong, or whether
   * a top-level reply ended with it.
   */
  #lineDone(): string | boolean {
    const type = this.#type;
    if (type === 43 || type === 45) return this.#valueDone();
    if (this.#digits === 0) return `the ${headerName(type)} of a reply has no digits`;
    if (type === 58) return this.#valueDone();
    const value = this.#value;
    if (this.#negative) {
      if (value !== 1) return `${type === 36 ? 'a bulk' : 'an array'} reply announced length -${value} (only -1, the null reply, is valid)`;
      return this.#valueDone();
    }
    const max = this.#maxReplyBytes;
    if (type === 36) {
      if (value > max) return `a bulk reply of ${value} bytes was announced, over maxReplyBytes (${max})`;
      if (value === 0) {
        this.#mode = 'payloadCr';
      } else {
        this.#payloadLeft = value;
        this.#mode = 'payload';
      }
      return false;
    }
    // Every element takes 3 bytes at least ("+\r\n"): a count that cannot fit is refused now.
    if (value > max / 3) return `an array of ${value} elements was announced, over what maxReplyBytes (${max}) can hold`;
    if (value === 0) return this.#valueDone();
    if (this.#open.length >= MAX_REPLY_DEPTH) return `arrays nested deeper than ${MAX_REPLY_DEPTH} levels`;
    this.#open.push(value);
    this.#mode = 'type';
    return false;
  }

  /** One value is complete: count it against the open arrays. True when a top-level reply ended. */
  #valueDone(): boolean {
    this.#mode = 'type';
    const open = this.#open;
    while (open.length > 0) {
      const top = open.length - 1;
      open[top]! -= 1;
      if (open[top]! > 0) return false;
      open.pop();
    }
    return true;
  }
}

function headerName(type: number): string {
  return type === 58 ? 'integer' : type === 36 ? 'length' : 'element count';
}

function describeByte(byte: number): string {
  return byte >= 32 && byte < 127 ? JSON.stringify(String.fromCharCode(byte)) : `0x${byte.toString(16).padStart(2, '0')}`;
}

/**
 * Longest bulk decoded into one string. V8 places a string over 128 KiB in large-object space,
 * a fresh mapping per string whose pages fault in one by one: decoding 1 MiB whole took ~5x as
 * long as decoding it in 64 KiB pieces joined into a rope (which is also what the other clients
 * return, their bulks arriving in 64 KiB reads).
 */
const DECODE_PIECE_BYTES = 64 * 1024;

/** UTF-8 text of `source[start, end)` as a rope of 64 KiB pieces; a character split between pieces decodes whole. */
function decodeInPieces(source: Buffer, start: number, end: number): string {
  const decoder = new StringDecoder('utf8');
  let text = '';
  for (let at = start; at < end; at += DECODE_PIECE_BYTES) text += decoder.write(source.subarray(at, Math.min(at + DECODE_PIECE_BYTES, end)));
  return text + decoder.end();
}

/** What a decoder returns for bytes it will not decode (cut off, or malformed). */
const INVALID: unique symbol = Symbol('invalid');

/** Smallest buffer taken for the head of a reply that continues in the next chunk. */
const MIN_PARTIAL_BYTES = 1024;

export class ReplyReader {
  readonly #check: FrameCheck;
  readonly #handlers: ReplyReaderHandlers;
  readonly #stringNumbers: boolean;
  readonly #maxReplyBytes: number;
  #returnBuffers = false;
  #failed = false;
  /**
   * The reply that began in an earlier chunk, copied (the chunk's memory is reused). Buffer
   * replies decoded from it may share its memory: it is dropped once that reply is out.
   */
  #partial: Buffer | null = null;
  #partialLength = 0;
  /** Decoding cursor into the buffer being decoded, and where the decodable bytes end. */
  #at = 0;
  #end = 0;
  /** Non-empty arrays open around the cursor. */
  #depth = 0;
  /** The last header number read: its sign and the value of its digits. */
  #negative = false;
  #numberValue = 0;
  /** Whether the buffer being decoded is #partial (owned) rather than the borrowed chunk. */
  #decodingOwned = false;

  constructor(handlers: ReplyReaderHandlers, options: ReplyReaderOptions) {
    this.#handlers = handlers;
    this.#check = new FrameCheck(options.maxReplyBytes);
    this.#stringNumbers = options.stringNumbers;
    this.#maxReplyBytes = options.maxReplyBytes;
  }

  get failed(): boolean {
    return this.#failed;
  }

  /** Decode the next replies as Buffers (true) or strings (false). Takes effect at a reply boundary. */
  set returnBuffers(value: boolean) {
    this.#returnBuffers = value;
  }

  get returnBuffers(): boolean {
    return this.#returnBuffers;
  }

  /** Reads `chunk[0, length)`. The chunk is only borrowed for the duration of the call. */
  feed(chunk: Buffer, length: number = chunk.length): void {
    if (this.#failed) return;
    let at = 0;
    if (this.#partial !== null) {
      at = this.#finishPartial(chunk, length);
      if (at < 0) return;
    }
    try {
      // The common case: whole, well-formed replies, checked and decoded in one pass. The first
      // one that is cut off by the chunk's end, or anything unusual, goes to FrameCheck instead,
      // which finds the reply's end across chunks and says exactly what is wrong.
      this.#decodingOwned = false;
      this.#end = length;
      while (at < length && !this.#failed) {
        const next = this.#deliver(chunk, at);
        if (next < 0) break;
        at = next;
      }
    } catch (error) {
      this.#failWith(error);
      return;
    }
    if (at < length && !this.#failed) this.#feedChecked(chunk, at, length);
  }

  /**
   * The chunk continues the reply in #partial: FrameCheck finds where it ends (and looks no
   * further), and it is handed out. Returns where the rest of the chunk begins, or -1 when the
   * chunk is used up (the reply goes on) or the reader failed.
   */
  #finishPartial(chunk: Buffer, length: number): number {
    const check = this.#check;
    const bad = check.scan(chunk, 0, length, true);
    const end = check.firstFrameEnd;
    if (end === -1) {
      if (bad === null) this.#keepPartial(chunk, 0, length);
      else this.#fail(bad.reason);
      return -1;
    }
    try {
      this.#keepPartial(chunk, 0, end, true);
      const whole = this.#partial!;
      this.#decodingOwned = true;
      this.#end = this.#partialLength;
      this.#partial = null;
      this.#partialLength = 0;
      this.#deliverChecked(whole, 0);
    } catch (error) {
      this.#failWith(error);
      return -1;
    }
    return this.#failed ? -1 : end;
  }

  /** `chunk[start, length)` through FrameCheck, from a reply the one-pass decoder would not take. */
  #feedChecked(chunk: Buffer, start: number, length: number): void {
    const check = this.#check;
    const bad = check.scan(chunk, start, length);
    // Replies completed before a malformed byte are sound: hand them out, then fail.
    const soundEnd = bad === null ? length : bad.at;
    const lastEnd = check.lastFrameEnd;
    try {
      let at = start;
      if (lastEnd !== -1) {
        this.#decodingOwned = false;
        this.#end = lastEnd;
        while (at < lastEnd && !this.#failed) at = this.#deliverChecked(chunk, at);
      }
      if (bad === null && at < soundEnd && !this.#failed) this.#keepPartial(chunk, at, soundEnd);
    } catch (error) {
      this.#failWith(error);
      return;
    }
    if (bad !== null) this.#fail(bad.reason);
  }

  #failWith(error: unknown): void {
    this.#fail(error instanceof Error ? `${error.name}: ${error.message}` : String(error), error);
  }

  /** Bytes of a reply that has begun but not completed. */
  partialReplyBytes(): number {
    return this.#check.frameBytes;
  }

  /**
   * Appends `chunk[start, end)` to the reply in progress, growing its buffer toward its known size
   * (`completes`: these bytes end it, so exactly what they need).
   */
  #keepPartial(chunk: Buffer, start: number, end: number, completes = false): void {
    const adding = end - start;
    if (adding === 0) return;
    let partial = this.#partial;
    const needed = this.#partialLength + adding;
    if (partial === null || needed > partial.length) {
      const doubled = partial === null ? MIN_PARTIAL_BYTES : partial.length * 2;
      const size = completes ? needed : Math.max(needed, this.#check.frameSizeAtLeast(), Math.min(doubled, this.#maxReplyBytes));
      const grown = Buffer.allocUnsafe(size);
      if (partial !== null) partial.copy(grown, 0, 0, this.#partialLength);
      partial = grown;
      this.#partial = grown;
    }
    chunk.copy(partial, this.#partialLength, start, end);
    this.#partialLength = needed;
  }

  /**
   * Decodes the top-level reply at `at`, if it is whole and well formed within `#end`, and hands
   * it out; returns where the next begins, or -1 (nothing handed out) for FrameCheck to look at.
   */
  #deliver(source: Buffer, at: number): number {
    this.#at = at;
    this.#depth = 0;
    if (source[at] === 45) {
      const message = this.#line(source, false);
      if (message === INVALID || this.#at - at > this.#maxReplyBytes) return -1;
      this.#handlers.onErrorReply(message as string);
    } else {
      const value = this.#value(source);
      if (value === INVALID || this.#at - at > this.#maxReplyBytes) return -1;
      this.#handlers.onReply(value);
    }
    return this.#at;
  }

  /** #deliver for a reply FrameCheck has already accepted: it cannot be refused. */
  #deliverChecked(source: Buffer, at: number): number {
    const next = this.#deliver(source, at);
    if (next < 0) throw new Error('a reply FrameCheck accepted did not decode');
    return next;
  }

  /**
   * One value at the cursor, which moves past it; INVALID when it is cut off by `#end` or breaks
   * any rule FrameCheck enforces (then FrameCheck, given the same bytes, names the rule).
   */
  #value(source: Buffer): unknown {
    if (this.#at >= this.#end) return INVALID;
    switch (source[this.#at]) {
      case 36: {
        if (!this.#number(source) || (this.#negative && this.#numberValue !== 1)) return INVALID;
        if (this.#negative) return null;
        const length = this.#numberValue;
        const start = this.#at;
        const end = start + length;
        if (length > this.#maxReplyBytes || end + 2 > this.#end || source[end] !== 13 || source[end + 1] !== 10) return INVALID;
        this.#at = end + 2;
        if (this.#returnBuffers) return this.#bytes(source, start, end);
        return length > DECODE_PIECE_BYTES ? decodeInPieces(source, start, end) : utf8Text(source, start, end);
      }
      case 42: {
        if (!this.#number(source) || (this.#negative && this.#numberValue !== 1)) return INVALID;
        if (this.#negative) return null;
        const count = this.#numberValue;
        if (count > this.#maxReplyBytes / 3) return INVALID;
        if (count === 0) return [];
        if (this.#depth >= MAX_REPLY_DEPTH) return INVALID;
        this.#depth += 1;
        const items = new Array<unknown>(count);
        for (let i = 0; i < count; i++) {
          const item = this.#value(source);
          if (item === INVALID) return INVALID;
          items[i] = item;
        }
        this.#depth -= 1;
        return items;
      }
      case 58: {
        const digitsFrom = this.#at + 1;
        if (!this.#number(source)) return INVALID;
        if (this.#stringNumbers) return source.toString('latin1', digitsFrom, this.#at - 2);
        return this.#negative ? -this.#numberValue : this.#numberValue;
      }
      case 43:
        return this.#line(source, this.#returnBuffers);
      case 45: {
        // An error inside an array (EXEC results): a value, not a failed command.
        const message = this.#line(source, false);
        return message === INVALID ? INVALID : new ReplyError(message as string);
      }
      default:
        return INVALID;
    }
  }

  /**
   * The number on a header line (`$`, `*`, `:`): an optional minus, at least one digit, CRLF.
   * Sets #negative and #numberValue (the digits' value) and moves the cursor past the CRLF.
   */
  #number(source: Buffer): boolean {
    const end = this.#end;
    let i = this.#at + 1;
    const negative = i < end && source[i] === 45;
    if (negative) i += 1;
    const digitsFrom = i;
    let value = 0;
    for (; i < end; i++) {
      const byte = source[i]!;
      if (byte < 48 || byte > 57) break;
      value = value * 10 + (byte - 48);
    }
    if (i === digitsFrom || i + 1 >= end || source[i] !== 13 || source[i + 1] !== 10) return false;
    this.#at = i + 2;
    this.#negative = negative;
    this.#numberValue = value;
    return true;
  }

  /** The text of a status or error line (no bare LF, CRLF at its end); the cursor moves past it. */
  #line(source: Buffer, asBuffer: boolean): string | Buffer | typeof INVALID {
    const start = this.#at + 1;
    const end = this.#end;
    let i = start;
    for (; i < end; i++) {
      const byte = source[i]!;
      if (byte === 13) break;
      if (byte === 10) return INVALID;
    }
    if (i + 1 >= end || source[i + 1] !== 10) return INVALID;
    this.#at = i + 2;
    return asBuffer ? this.#bytes(source, start, i) : utf8Text(source, start, i);
  }

  /** Bytes for a Buffer reply: shared with #partial (owned), copied out of a borrowed chunk. */
  #bytes(source: Buffer, start: number, end: number): Buffer {
    if (this.#decodingOwned) return source.subarray(start, end);
    const copy = Buffer.allocUnsafe(end - start);
    source.copy(copy, 0, start, end);
    return copy;
  }

  #fail(reason: string, cause?: unknown): void {
    if (this.#failed) return;
    this.#failed = true;
    this.#partial = null;
    this.#partialLength = 0;
    this.#handlers.onFatal(reason, cause);
  }
}

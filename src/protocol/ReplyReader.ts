import RedisParser = require('redis-parser');

/**
 * Wraps redis-parser (RESP2). Feeds chunks, hands out complete replies, and enforces a limit on
 * how many bytes one reply may span. After the first failure it stays failed: the bytes that
 * follow cannot be trusted to line up with any command.
 *
 * redis-parser trusts its input: it reads `$-5` as a null, `:12x` as 192, a length of `abc` as a
 * number and skips the two bytes after a bulk payload without looking at them. A FrameCheck runs
 * over every chunk first and refuses such bytes, so a malformed reply fails the connection
 * instead of becoming a wrong answer (or a wait for bytes that never come).
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

/** The fields of redis-parser's instance that it does not type but we read. */
interface ParserInternals {
  optionReturnBuffers: boolean;
  execute(chunk: Buffer): void;
  reset(): void;
}

/**
 * Deepest array nesting accepted. redis-parser recurses once per level (and again per chunk while
 * a reply is incomplete); far below where its recursion would exhaust the stack.
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
  readonly #maxReplyBytes: number;

  constructor(maxReplyBytes: number) {
    this.#maxReplyBytes = maxReplyBytes;
  }

  /** Returns null when the whole chunk is well formed so far, else the offset of the bad byte and why. */
  scan(chunk: Buffer): { at: number; reason: string } | null {
    const length = chunk.length;
    const max = this.#maxReplyBytes;
    let i = 0;
    let failure: string | null = null;
    // The reply in progress began at `frameStart` in this chunk, after `#carried` bytes of earlier chunks.
    let frameStart = 0;
    // Where the value being read began in this chunk: a header refused once complete is cut from there.
    let valueStart = 0;
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
        this.#carried = 0;
        frameStart = i;
      }
    }
    this.#carried += length - frameStart;
    this.frameBytes = this.#carried;
    return null;
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

export class ReplyReader {
  readonly #parser: ParserInternals;
  readonly #check: FrameCheck;
  readonly #handlers: ReplyReaderHandlers;
  #failed = false;

  constructor(handlers: ReplyReaderHandlers, options: ReplyReaderOptions) {
    this.#handlers = handlers;
    this.#check = new FrameCheck(options.maxReplyBytes);
    this.#parser = new RedisParser({
      returnReply: (reply: unknown) => {
        if (!this.#failed) handlers.onReply(reply);
      },
      returnError: (error: Error) => {
        if (!this.#failed) handlers.onErrorReply(error.message);
      },
      returnFatalError: (error: Error) => this.#fail(error.message, error),
      returnBuffers: false,
      stringNumbers: options.stringNumbers,
    }) as unknown as ParserInternals;
  }

  get failed(): boolean {
    return this.#failed;
  }

  /** Decode the next replies as Buffers (true) or strings (false). Takes effect at a reply boundary. */
  set returnBuffers(value: boolean) {
    this.#parser.optionReturnBuffers = value;
  }

  get returnBuffers(): boolean {
    return this.#parser.optionReturnBuffers;
  }

  feed(chunk: Buffer): void {
    if (this.#failed) return;
    const bad = this.#check.scan(chunk);
    // The replies completed before a malformed byte are sound: hand them out, then fail.
    const sound = bad === null ? chunk : chunk.subarray(0, bad.at);
    if (sound.length > 0) {
      try {
        this.#parser.execute(sound);
      } catch (error) {
        this.#fail(error instanceof Error ? `${error.name}: ${error.message}` : String(error), error);
        return;
      }
    }
    if (bad !== null) this.#fail(bad.reason);
  }

  /** Bytes of a reply that has begun but not completed. */
  partialReplyBytes(): number {
    return this.#check.frameBytes;
  }

  #fail(reason: string, cause?: unknown): void {
    if (this.#failed) return;
    this.#failed = true;
    try {
      this.#parser.reset();
    } catch {
      // reset only drops buffers; nothing to recover from
    }
    this.#handlers.onFatal(reason, cause);
  }
}

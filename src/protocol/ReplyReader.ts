import RedisParser = require('redis-parser');

/**
 * Wraps redis-parser (RESP2). Feeds chunks, hands out complete replies, and enforces a limit on
 * how many bytes one reply may span. After the first failure it stays failed: the bytes that
 * follow cannot be trusted to line up with any command.
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
  buffer: Buffer | null;
  offset: number;
  bigStrSize: number;
  totalChunkSize: number;
  arrayCache: unknown[];
  execute(chunk: Buffer): void;
  reset(): void;
}

export class ReplyReader {
  readonly #parser: ParserInternals;
  readonly #handlers: ReplyReaderHandlers;
  readonly #maxReplyBytes: number;
  #failed = false;
  /** Bytes fed since the last complete reply: bounds memory held for one reply. */
  #bytesSinceReply = 0;

  constructor(handlers: ReplyReaderHandlers, options: ReplyReaderOptions) {
    this.#handlers = handlers;
    this.#maxReplyBytes = options.maxReplyBytes;
    this.#parser = new RedisParser({
      returnReply: (reply: unknown) => {
        this.#bytesSinceReply = 0;
        if (!this.#failed) handlers.onReply(reply);
      },
      returnError: (error: Error) => {
        this.#bytesSinceReply = 0;
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
    this.#bytesSinceReply += chunk.length;
    try {
      this.#parser.execute(chunk);
    } catch (error) {
      // Deep nesting overflows the parser's recursion; malformed lengths can throw RangeError.
      this.#fail(error instanceof Error ? `${error.name}: ${error.message}` : String(error), error);
      return;
    }
    if (this.#failed) return;
    const parser = this.#parser;
    if (parser.bigStrSize > this.#maxReplyBytes) {
      this.#fail(`a bulk reply of ${parser.bigStrSize - 2} bytes was announced, over maxReplyBytes (${this.#maxReplyBytes})`);
    } else if (this.#bytesSinceReply > this.#maxReplyBytes && this.partialReplyBytes() > this.#maxReplyBytes) {
      this.#fail(`a reply exceeded maxReplyBytes (${this.#maxReplyBytes}) before it was complete`);
    }
  }

  /** Bytes of a reply that has begun but not completed. */
  partialReplyBytes(): number {
    const parser = this.#parser;
    if (parser.bigStrSize > 0) return parser.totalChunkSize;
    if (parser.buffer === null) return 0;
    return parser.arrayCache.length > 0 ? this.#bytesSinceReply : parser.buffer.length - parser.offset;
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

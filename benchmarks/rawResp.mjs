// A minimal RESP2 reader for the harness's own raw connection (seeding, INFO) and the
// bare-node-socket reference. Not forksafe-redis's reader: the harness never measures through the
// code it measures. It trusts the server (no checks beyond what finding a reply's end needs) and,
// like the fastest way to read a socket in Node, works on a borrowed chunk: the bytes of a reply
// that continues in the next read are copied out, into a buffer sized from the announced length.

import { StringDecoder } from 'node:string_decoder';

const INCOMPLETE = Symbol('incomplete');
const PIECE = 64 * 1024;

export class RespReader {
  #onReply;
  #onError;
  /** The head of a reply that continues in the next chunk, and how many bytes it holds. */
  #partial = null;
  #partialLength = 0;
  /** Bytes the partial reply needs at least before it is worth parsing again. */
  #needed = 0;
  #at = 0;

  /** onReply(value) for each reply; onError(message) for each top-level error reply. */
  constructor(onReply, onError) {
    this.#onReply = onReply;
    this.#onError = onError;
  }

  /** Reads chunk[0, length); the chunk may be overwritten once this returns. */
  feed(chunk, length = chunk.length) {
    let source = chunk;
    let end = length;
    if (this.#partial !== null) {
      this.#append(chunk, 0, length);
      if (this.#partialLength < this.#needed) return;
      source = this.#partial;
      end = this.#partialLength;
      this.#partial = null;
      this.#partialLength = 0;
    }
    let at = 0;
    while (at < end) {
      this.#at = at;
      const value = this.#value(source, end);
      if (value === INCOMPLETE) {
        this.#needed = Math.max(this.#needed - at, end - at + 1);
        this.#append(source, at, end);
        return;
      }
      if (value instanceof ReplyErrorText) this.#onError(value.message);
      else this.#onReply(value);
      at = this.#at;
    }
  }

  #append(source, start, end) {
    const needed = this.#partialLength + (end - start);
    if (this.#partial === null || needed > this.#partial.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed, this.#needed, (this.#partial?.length ?? 512) * 2));
      if (this.#partial !== null) this.#partial.copy(grown, 0, 0, this.#partialLength);
      this.#partial = grown;
    }
    source.copy(this.#partial, this.#partialLength, start, end);
    this.#partialLength = needed;
  }

  /** The value at this.#at, or INCOMPLETE (with this.#needed = bytes from the source start it needs). */
  #value(source, end) {
    const type = source[this.#at];
    const lineEnd = source.indexOf(13, this.#at + 1);
    if (lineEnd === -1 || lineEnd + 1 >= end) {
      this.#needed = end + 1;
      return INCOMPLETE;
    }
    const line = source.toString('latin1', this.#at + 1, lineEnd);
    this.#at = lineEnd + 2;
    switch (type) {
      case 43: // +
        return line;
      case 45: // -
        return new ReplyErrorText(source.toString('utf8', lineEnd - line.length, lineEnd));
      case 58: // :
        return Number(line);
      case 36: {
        const length = Number(line);
        if (length < 0) return null;
        const start = this.#at;
        if (start + length + 2 > end) {
          this.#needed = start + length + 2;
          return INCOMPLETE;
        }
        this.#at = start + length + 2;
        return decode(source, start, start + length);
      }
      case 42: {
        const count = Number(line);
        if (count < 0) return null;
        const items = [];
        for (let i = 0; i < count; i++) {
          const item = this.#value(source, end);
          if (item === INCOMPLETE) return INCOMPLETE;
          items.push(item instanceof ReplyErrorText ? new Error(item.message) : item);
        }
        return items;
      }
      default:
        throw new Error(`unexpected RESP type byte ${type}`);
    }
  }
}

class ReplyErrorText {
  constructor(message) {
    this.message = message;
  }
}

/** UTF-8 text; over 64 KiB in pieces (V8 puts one large string in large-object space, much slower). */
function decode(source, start, end) {
  if (end - start <= PIECE) return source.toString('utf8', start, end);
  const decoder = new StringDecoder('utf8');
  let text = '';
  for (let at = start; at < end; at += PIECE) text += decoder.write(source.subarray(at, Math.min(at + PIECE, end)));
  return text + decoder.end();
}

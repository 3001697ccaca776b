/**
 * The methods under Buffer's public text ones. `buffer.toString('utf8', start, end)` and
 * `buffer.write(text, offset, length, 'utf8')` check their arguments and look the encoding up on
 * every call before reaching these: in a profile of 100-command pipelines those wrappers cost as
 * much as the decoding and encoding they lead to. Every Node Buffer has them (Node's own modules
 * call them); @types/node does not list them. Callers pass ranges that are already valid.
 */
interface BufferTextMethods {
  utf8Slice(start: number, end: number): string;
  utf8Write(text: string, offset: number, maxBytes: number): number;
}

/** The UTF-8 text of `buffer[start, end)`. */
export function utf8Text(buffer: Buffer, start: number, end: number): string {
  return (buffer as unknown as BufferTextMethods).utf8Slice(start, end);
}

/** Writes `text` as UTF-8 at `offset`, at most `maxBytes` bytes; returns the bytes written. */
export function writeUtf8(buffer: Buffer, text: string, offset: number, maxBytes: number): number {
  return (buffer as unknown as BufferTextMethods).utf8Write(text, offset, maxBytes);
}

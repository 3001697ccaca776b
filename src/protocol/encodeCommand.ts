import type { CommandArgument } from '../commands/Command';

/**
 * Commands -> RESP bytes. Headers and string arguments accumulate in one string (V8 ropes make
 * `+=` cheap); a Buffer argument ends the current string piece and is passed through uncopied.
 * A batch of commands therefore becomes one string in the common case, written with one call.
 */
export class EncodedBatch {
  /** Text not yet pushed into `pieces`. */
  text = '';
  /** Completed pieces, in order; empty when the whole batch is one string. */
  pieces: Array<string | Buffer> = [];
  /** Bytes of Buffers plus characters of text: a cheap size estimate to cap one write. */
  size = 0;

  take(): Array<string | Buffer> {
    const pieces = this.pieces;
    if (this.text.length > 0) pieces.push(this.text);
    this.text = '';
    this.pieces = [];
    this.size = 0;
    return pieces;
  }
}

export function appendCommand(batch: EncodedBatch, name: string, args: readonly CommandArgument[]): void {
  let text = batch.text + '*' + (args.length + 1) + '\r\n$' + Buffer.byteLength(name) + '\r\n' + name + '\r\n';
  let size = batch.size;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (typeof arg === 'string') {
      text += '$' + Buffer.byteLength(arg) + '\r\n' + arg + '\r\n';
      size += arg.length;
    } else if (typeof arg === 'number') {
      const digits = String(arg);
      text += '$' + digits.length + '\r\n' + digits + '\r\n';
    } else {
      batch.pieces.push(text + '$' + arg.length + '\r\n', arg);
      text = '\r\n';
      size += arg.length;
    }
  }
  batch.text = text;
  batch.size = size + 16 * (args.length + 1);
}

/** One command as a single Buffer: for tests and for callers that need bytes. */
export function encodeCommand(name: string, args: readonly CommandArgument[]): Buffer {
  const batch = new EncodedBatch();
  appendCommand(batch, name, args);
  return Buffer.concat(batch.take().map((piece) => (typeof piece === 'string' ? Buffer.from(piece) : piece)));
}

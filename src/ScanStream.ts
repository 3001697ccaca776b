import { Readable, type ReadableOptions } from 'node:stream';
import type { NodeCallback } from './commands/buildCommand';

/** Options of `scanStream()` and its SSCAN/HSCAN/ZSCAN siblings (ioredis's). */
export interface ScanStreamOptions {
  /** MATCH pattern. With a keyPrefix it is sent as given, not prefixed (as ioredis does). */
  match?: string;
  /** COUNT hint: elements the server looks at per call. */
  count?: number;
  /** TYPE filter (SCAN only): 'string', 'hash', … */
  type?: string;
  /** HSCAN only: NOVALUES (Redis 7.4+), fields without their values. */
  noValues?: boolean;
}

export type ScanCommandName = 'scan' | 'sscan' | 'hscan' | 'zscan' | 'scanBuffer' | 'sscanBuffer' | 'hscanBuffer' | 'zscanBuffer';

type ScanMethod = (args: unknown[], callback: NodeCallback<[cursor: string | Buffer, items: unknown[]]>) => unknown;

/** The client as the stream uses it: the scan command methods. */
export type ScanHost = Record<ScanCommandName, ScanMethod>;

interface ScanStreamInit extends ScanStreamOptions, ReadableOptions {
  redis: unknown;
  command: ScanCommandName;
  /** SSCAN / HSCAN / ZSCAN: the key (prefixed like any key argument). */
  key?: string | Buffer;
}

/**
 * SCAN as an object-mode Readable: each 'data' is one batch (the array one SCAN call returned),
 * and the stream ends when the cursor comes back to 0. One call is in flight at a time; the next
 * is issued when the consumer reads again, so backpressure reaches the server.
 */
export class ScanStream extends Readable {
  readonly #redis: ScanHost;
  readonly #command: ScanCommandName;
  readonly #options: ScanStreamOptions & { key?: string | Buffer };
  #cursor = '0';
  #isDrained = false;

  constructor(init: ScanStreamInit) {
    const { redis, command, key, match, count, type, noValues, ...readable } = init;
    super({ ...readable, objectMode: true });
    this.#redis = redis as ScanHost;
    this.#command = command;
    this.#options = { key, match, count, type, noValues };
  }

  override _read(): void {
    if (this.#isDrained) {
      this.push(null);
      return;
    }
    const options = this.#options;
    const args: unknown[] = [this.#cursor];
    if (options.key !== undefined && options.key !== '') args.unshift(options.key);
    if (options.match) args.push('MATCH', options.match);
    if (options.type) args.push('TYPE', options.type);
    if (options.count) args.push('COUNT', String(options.count));
    if (options.noValues) args.push('NOVALUES');
    this.#redis[this.#command](args, (error, reply) => {
      if (error) {
        this.emit('error', error);
        return;
      }
      const [cursor, items] = reply!;
      this.#cursor = Buffer.isBuffer(cursor) ? cursor.toString() : String(cursor);
      if (this.#cursor === '0') this.#isDrained = true;
      this.push(items);
    });
  }

  /** Stop after the batch in flight: the stream then ends. */
  close(): void {
    this.#isDrained = true;
  }
}

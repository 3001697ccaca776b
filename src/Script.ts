import { createHash } from 'node:crypto';
import { Command } from './commands/Command';
import { buildCommand, type BuildOptions, type NodeCallback } from './commands/buildCommand';

/**
 * A Lua script registered as a command (`defineCommand` / the `scripts` option).
 *
 * Sending: EVALSHA once the script is known to be in the server's cache, EVAL (the full source)
 * before that. A NOSCRIPT answer to EVALSHA (server restarted, SCRIPT FLUSH) sends the same
 * arguments once more as EVAL. ioredis 6 tracks "loaded" per socket and sends EVAL on a socket's
 * first use; here it is tracked per client and forgotten on every new socket, which gives the
 * same commands on the wire for the same calls.
 *
 * `readOnly: true` is a hint, as in ioredis 6: the command is still EVALSHA/EVAL (not
 * EVALSHA_RO), but it counts as read-only, so it may be re-sent after a lost reply and (with
 * Cluster) read from replicas.
 */
export class Script {
  readonly lua: string;
  readonly sha: string;
  /** null: the caller passes the number of keys as the first argument. */
  readonly numberOfKeys: number | null;
  readonly readOnly: boolean;
  #isLoaded = false;

  constructor(lua: string, numberOfKeys: number | null = null, readOnly = false) {
    if (typeof lua !== 'string') throw new TypeError(`defineCommand needs "lua" as a string, got ${typeof lua}`);
    if (numberOfKeys !== null && (!Number.isInteger(numberOfKeys) || numberOfKeys < 0)) {
      throw new TypeError(`defineCommand: "numberOfKeys" must be a non-negative integer, got ${String(numberOfKeys)}`);
    }
    this.lua = lua;
    this.sha = createHash('sha1').update(lua).digest('hex');
    this.numberOfKeys = numberOfKeys;
    this.readOnly = readOnly;
  }

  /** The server has the script in its cache, as far as this client knows. */
  get isLoaded(): boolean {
    return this.#isLoaded;
  }

  /** A new socket (or a NOSCRIPT answer): the next call sends the source again. */
  forgetLoaded(): void {
    this.#isLoaded = false;
  }

  markLoaded(): void {
    this.#isLoaded = true;
  }

  /**
   * The command for one call: EVALSHA or EVAL with the number of keys in front when the
   * definition fixes it, key-prefixed, flattened (a single array argument is the BullMQ form).
   * Throws TypeError for arguments that cannot be sent.
   */
  buildCall(args: unknown[], returnBuffers: boolean, options: BuildOptions): Command {
    const useSha = this.#isLoaded;
    const scriptArgs: unknown[] = [useSha ? this.sha : this.lua];
    if (this.numberOfKeys !== null) scriptArgs.push(this.numberOfKeys);
    for (const arg of args) scriptArgs.push(arg);
    return buildCommand(useSha ? 'evalsha' : 'eval', scriptArgs, returnBuffers, options, this.readOnly);
  }

  /** EVAL with the arguments of an EVALSHA that got NOSCRIPT (already prefixed and flat). */
  fallbackFor(command: Command): Command {
    const args = command.args.slice();
    args[0] = this.lua;
    return new Command('eval', args, command.returnBuffers, this.readOnly);
  }

  /**
   * Send one call through `send` (a client's connection), falling back to EVAL on NOSCRIPT.
   * The returned promise settles with the script's answer.
   */
  run(command: Command, send: (command: Command) => Promise<unknown>): Promise<unknown> {
    return this.settle(command, send(command), send);
  }

  /** Follow one sent call: mark the script loaded on success, retry as EVAL on NOSCRIPT. */
  settle(command: Command, sent: Promise<unknown>, send: (command: Command) => Promise<unknown>): Promise<unknown> {
    return sent.then(
      (reply) => {
        this.markLoaded();
        return reply;
      },
      (error: unknown) => {
        if (command.name !== 'evalsha' || !isNoScript(error)) throw error;
        this.forgetLoaded();
        const fallback = this.fallbackFor(command);
        return send(fallback).then((reply) => {
          this.markLoaded();
          return reply;
        });
      },
    );
  }
}

export function isNoScript(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('NOSCRIPT');
}

/** The arguments of a script method call: a trailing callback split off. */
export function splitCallback(args: unknown[]): { args: unknown[]; callback: NodeCallback | undefined } {
  const last = args[args.length - 1];
  if (typeof last === 'function') return { args: args.slice(0, -1), callback: last as NodeCallback };
  return { args, callback: undefined };
}

import type { ReplyTransformer } from './commands/Command';
import { ReplyError } from './errors';
import type { Script } from './Script';
import type { ExecReply } from './types/commandArgs';

/**
 * One `[error, result]` pair per command: what `exec()` resolves to. As in ioredis, a failed
 * command's pair is `[error]` (length 1), a successful one `[null, result]`.
 */
export type ExecResult = ExecReply;

/** What a command queued inside MULTI needs to shape its slot of the EXEC reply. */
export interface QueuedReplyShape {
  returnBuffers: boolean;
  replyTransformer: ReplyTransformer | undefined;
  /** Set for a script call: its slot tells whether the script is now in the server's cache. */
  script: Script | undefined;
}

/** An error among EXEC's results as a ReplyError (the reader's nested errors already are one; a transformer's error is not). */
export function toReplyError(error: Error): ReplyError {
  if (error instanceof ReplyError) return error;
  return new ReplyError(error.message);
}

/** Buffers (at any depth of arrays) as UTF-8 strings; errors and other values untouched. */
export function buffersToStrings(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return value.toString();
  if (!Array.isArray(value)) return value;
  const out = new Array<unknown>(value.length);
  for (let i = 0; i < value.length; i++) out[i] = buffersToStrings(value[i]);
  return out;
}

/**
 * The EXEC reply of a pipelined transaction, read as Buffers, shaped slot by slot as each queued
 * command would have shaped its own reply: strings unless it was a `…Buffer` call, then its
 * reply transformer (HGETALL's object, …). A transformer that throws leaves its error in the slot,
 * as ioredis does. null (a WATCHed key changed) stays null.
 */
export function shapeExecReply(reply: unknown, queued: readonly QueuedReplyShape[]): unknown {
  if (!Array.isArray(reply)) return reply;
  const shaped = new Array<unknown>(reply.length);
  for (let i = 0; i < reply.length; i++) {
    const value: unknown = reply[i];
    const shape = queued[i];
    if (value instanceof Error) {
      if (shape?.script !== undefined && value.message.startsWith('NOSCRIPT')) shape.script.forgetLoaded();
      shaped[i] = toReplyError(value);
      continue;
    }
    if (shape === undefined) {
      shaped[i] = value;
      continue;
    }
    shape.script?.markLoaded();
    let result = shape.returnBuffers ? value : buffersToStrings(value);
    if (shape.replyTransformer !== undefined) {
      try {
        result = shape.replyTransformer(result);
      } catch (error) {
        result = error instanceof Error ? error : new Error(String(error));
      }
    }
    shaped[i] = result;
  }
  return shaped;
}

/** EXEC's array -> `[[null, result] | [error], …]`; null stays null (ioredis `wrapMultiResult`). */
export function wrapMultiResult(reply: unknown): ExecResult | null {
  if (reply === null || reply === undefined) return null;
  if (!Array.isArray(reply)) return [[null, reply]];
  const result: ExecResult = [];
  for (const item of reply) {
    if (item instanceof Error) result.push([toReplyError(item)] as unknown as [Error, unknown]);
    else result.push([null, item]);
  }
  return result;
}

/** ioredis puts the errors of the queued commands on the EXECABORT error. */
export type ExecAbortError = Error & { previousErrors: Error[] };

export function withPreviousErrors(error: Error, previous: Error[]): ExecAbortError {
  const aborted = error as ExecAbortError;
  aborted.previousErrors = previous;
  return aborted;
}

import { Command } from './Command';
import { customArgumentTransformers, customReplyTransformers } from './transformerRegistry';
import { applyKeyPrefix, argumentTransformers, flattenArgs, replyTransformers } from './arguments';

export type NodeCallback<T = unknown> = (error: Error | null, result?: T) => void;

export interface BuiltCommand {
  command: Command;
  callback: NodeCallback | undefined;
}

export interface BuildOptions {
  keyPrefix: string;
  keyPrefixBuffer: Buffer;
  readOnlyHint?: boolean;
}


/**
 * A method call -> a Command ready to send: callback split off, arguments transformed, flattened,
 * validated and key-prefixed, reply transformer attached. Throws TypeError for bad arguments.
 */
export function buildCommand(name: string, rawArgs: unknown[], returnBuffers: boolean, options: BuildOptions): BuiltCommand {
  let callback: NodeCallback | undefined;
  let args = rawArgs;
  const last = args.length > 0 ? args[args.length - 1] : undefined;
  if (typeof last === 'function') {
    callback = last as NodeCallback;
    args = args.slice(0, -1);
  }
  const argumentTransformer = customArgumentTransformers.get(name) ?? argumentTransformers.get(name);
  if (argumentTransformer !== undefined) args = argumentTransformer(args);
  let flat = flattenArgs(name, args);
  if (options.keyPrefix !== '') flat = applyKeyPrefix(name, flat === args ? flat.slice() : flat, options.keyPrefix, options.keyPrefixBuffer);
  const command = new Command(name, flat, returnBuffers, options.readOnlyHint);
  const replyTransformer = customReplyTransformers.get(name) ?? replyTransformers.get(name);
  if (replyTransformer !== undefined) command.replyTransformer = replyTransformer;
  return { command, callback };
}

/** Attach a Node-style callback to a promise (ioredis: "callbacks and promises"). */
export function withCallback<T>(promise: Promise<T>, callback: NodeCallback<T> | undefined): Promise<T> {
  if (callback !== undefined) {
    promise.then(
      (result) => process.nextTick(callback, null, result),
      (error: Error) => process.nextTick(callback, error),
    );
  }
  return promise;
}

import { Command } from './Command';
import { specOf } from './commandSpec';
import { applyKeyPrefix, flattenArgs } from './arguments';

export type NodeCallback<T = unknown> = (error: Error | null, result?: T) => void;

export interface BuildOptions {
  keyPrefix: string;
  keyPrefixBuffer: Buffer;
}

/** The Node-style callback a command method was called with as its last argument, if any. */
export function trailingCallback(args: readonly unknown[]): NodeCallback | undefined {
  const last = args.length > 0 ? args[args.length - 1] : undefined;
  return typeof last === 'function' ? (last as NodeCallback) : undefined;
}

/**
 * A method call's arguments (callback already taken off) -> a Command ready to send: arguments
 * transformed, flattened, validated and key-prefixed, reply transformer attached. Throws
 * TypeError for bad arguments.
 */
export function buildCommand(name: string, args: unknown[], returnBuffers: boolean, options: BuildOptions, readOnlyHint?: boolean): Command {
  const spec = specOf(name);
  const argumentTransformer = spec.argumentTransformer;
  if (argumentTransformer !== undefined) args = argumentTransformer(args);
  let flat = flattenArgs(name, args);
  if (options.keyPrefix !== '') flat = applyKeyPrefix(name, flat === args ? flat.slice() : flat, options.keyPrefix, options.keyPrefixBuffer);
  const command = new Command(name, flat, returnBuffers, readOnlyHint, spec);
  if (spec.replyTransformer !== undefined) command.replyTransformer = spec.replyTransformer;
  return command;
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

/**
 * `call(name, ...args)` / `call([name, ...args])` of Redis and Cluster: checks the name, flattens
 * the array form, and hands the lower-cased name to the client's own `issue`.
 */
export function callByName(
  name: string | unknown[],
  args: unknown[],
  returnBuffers: boolean,
  issue: (name: string, args: unknown[], returnBuffers: boolean) => Promise<unknown>,
): Promise<unknown> {
  if (Array.isArray(name)) {
    const [first, ...rest] = name;
    return callByName(first as string, [...rest, ...args], returnBuffers, issue);
  }
  if (typeof name !== 'string' || name === '') {
    const error = new TypeError(`call() needs a command name as its first argument, got ${typeof name}`);
    const callback = args[args.length - 1];
    return withCallback(Promise.reject(error), typeof callback === 'function' ? (callback as NodeCallback) : undefined);
  }
  return issue(name.toLowerCase(), args, returnBuffers);
}

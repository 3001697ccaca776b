import { blockingOf, isReadOnlyCommand, type Blocking } from './commandFlags';

export type { Blocking } from './commandFlags';
import { argumentTransformers, replyTransformers } from './arguments';

/**
 * Commands the connection must notice when written or answered (they change what the socket
 * is: subscriber mode, db, name, credentials, closing). Everything else is `undefined`, so the
 * hot path pays one comparison.
 */
export type SpecialKind =
  | 'subscribe' | 'psubscribe' | 'ssubscribe'
  | 'unsubscribe' | 'punsubscribe' | 'sunsubscribe'
  | 'quit' | 'select' | 'auth' | 'client' | 'monitor' | 'hello' | 'reset'
  | 'watch' | 'unwatch' | 'multi' | 'exec' | 'discard';

const specialKinds = new Map<string, SpecialKind>([
  ['subscribe', 'subscribe'], ['psubscribe', 'psubscribe'], ['ssubscribe', 'ssubscribe'],
  ['unsubscribe', 'unsubscribe'], ['punsubscribe', 'punsubscribe'], ['sunsubscribe', 'sunsubscribe'],
  ['quit', 'quit'], ['select', 'select'], ['auth', 'auth'], ['client', 'client'], ['monitor', 'monitor'],
  ['hello', 'hello'], ['reset', 'reset'],
  ['watch', 'watch'], ['unwatch', 'unwatch'], ['multi', 'multi'], ['exec', 'exec'], ['discard', 'discard'],
]);

/** Everything the hot path needs to know about a command name, found with one lookup. */
export interface CommandSpec {
  readonly argumentTransformer: ((args: unknown[]) => unknown[]) | undefined;
  readonly replyTransformer: ((reply: unknown) => unknown) | undefined;
  readonly isReadOnly: boolean;
  readonly blocking: Blocking;
  readonly special: SpecialKind | undefined;
}

/**
 * Transformers registered at run time with ioredis's `Command.setArgumentTransformer` /
 * `Command.setReplyTransformer`. They take precedence over the built-in ones (HSET objects,
 * HGETALL to an object) for the command they name.
 */
const customArgumentTransformers = new Map<string, (args: unknown[]) => unknown[]>();
const customReplyTransformers = new Map<string, (reply: unknown) => unknown>();

/** Names are user input (`call('anything')`): the cache stops growing here. */
const MAX_CACHED_SPECS = 2048;
const specs = new Map<string, CommandSpec>();

/** The spec of a lower-case command name. */
export function specOf(name: string): CommandSpec {
  let spec = specs.get(name);
  if (spec === undefined) {
    spec = {
      argumentTransformer: customArgumentTransformers.get(name) ?? argumentTransformers.get(name),
      replyTransformer: customReplyTransformers.get(name) ?? replyTransformers.get(name),
      isReadOnly: isReadOnlyCommand(name),
      blocking: blockingOf(name),
      special: specialKinds.get(name),
    };
    if (specs.size < MAX_CACHED_SPECS) specs.set(name, spec);
  }
  return spec;
}

/** Every later `name` command transforms its arguments with `transformer`. */
export function setCustomArgumentTransformer(name: string, transformer: (args: unknown[]) => unknown[]): void {
  customArgumentTransformers.set(name, transformer);
  specs.delete(name);
}

/** Every later `name` command transforms its reply with `transformer`. */
export function setCustomReplyTransformer(name: string, transformer: (reply: unknown) => unknown): void {
  customReplyTransformers.set(name, transformer);
  specs.delete(name);
}

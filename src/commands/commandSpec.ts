import { isBlockingCommand, isReadOnlyCommand } from './commandFlags';
import { argumentTransformers, replyTransformers } from './arguments';
import { customArgumentTransformers, customReplyTransformers } from './transformerRegistry';

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

/** Whether a command may hold the connection: never, always, or only with a BLOCK argument. */
export type Blocking = 'never' | 'always' | 'withBlockArgument';

/** Everything the hot path needs to know about a command name, found with one lookup. */
export interface CommandSpec {
  readonly argumentTransformer: ((args: unknown[]) => unknown[]) | undefined;
  readonly replyTransformer: ((reply: unknown) => unknown) | undefined;
  readonly isReadOnly: boolean;
  readonly blocking: Blocking;
  readonly special: SpecialKind | undefined;
}

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
      blocking: isBlockingCommand(name, []) ? 'always' : name === 'xread' || name === 'xreadgroup' ? 'withBlockArgument' : 'never',
      special: specialKinds.get(name),
    };
    if (specs.size < MAX_CACHED_SPECS) specs.set(name, spec);
  }
  return spec;
}

/** A transformer was registered for `name` at run time: build its spec again on next use. */
export function forgetSpec(name: string): void {
  specs.delete(name);
}

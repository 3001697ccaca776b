import { list as commandList, hasFlag } from '@ioredis/commands';

/**
 * Command facts from the @ioredis/commands table, computed once into sets so the hot path
 * pays one Set lookup, not a table walk.
 */
const readOnlyCommands = new Set<string>();
for (const name of commandList) {
  if (hasFlag(name, 'readonly')) readOnlyCommands.add(name);
}

/**
 * Commands that may hold the connection until the server answers: they run on a lease of their
 * own. WAIT and WAITAOF also block, but count the acknowledgements of the writes made on the
 * connection they run on; on a lease of their own they would wait for nothing and report success
 * at once, so they stay where the writes ran.
 */
const alwaysBlocking = new Set(['blpop', 'brpop', 'blmove', 'brpoplpush', 'blmpop', 'bzpopmin', 'bzpopmax', 'bzmpop']);

const subscribeCommands = new Set(['subscribe', 'psubscribe', 'ssubscribe']);
const unsubscribeCommands = new Set(['unsubscribe', 'punsubscribe', 'sunsubscribe']);
const validInSubscriberMode = new Set([
  'subscribe', 'psubscribe', 'ssubscribe', 'unsubscribe', 'punsubscribe', 'sunsubscribe', 'ping', 'quit', 'reset',
]);

export function isKnownCommand(name: string): boolean {
  return readOnlyCommands.has(name) || commandList.includes(name);
}

/** Read-only per the server's command table: safe to re-send after a lost reply. */
export function isReadOnlyCommand(name: string): boolean {
  return readOnlyCommands.has(name);
}

/** Whether a command can hold the connection for a while: never, always, or only with a BLOCK argument. */
export type Blocking = 'never' | 'always' | 'withBlockArgument';

/** BLPOP and friends always block; XREAD/XREADGROUP only with a BLOCK argument (see hasBlockArgument). */
export function blockingOf(name: string): Blocking {
  if (alwaysBlocking.has(name)) return 'always';
  return name === 'xread' || name === 'xreadgroup' ? 'withBlockArgument' : 'never';
}

export function hasBlockArgument(args: readonly unknown[]): boolean {
  for (const arg of args) {
    if (typeof arg === 'string' && arg.length === 5 && arg.toLowerCase() === 'block') return true;
    if (Buffer.isBuffer(arg) && arg.length === 5 && arg.toString('latin1').toLowerCase() === 'block') return true;
  }
  return false;
}

export function isSubscribeCommand(name: string): boolean {
  return subscribeCommands.has(name);
}

export function isUnsubscribeCommand(name: string): boolean {
  return unsubscribeCommands.has(name);
}

export function isValidInSubscriberMode(name: string): boolean {
  return validInSubscriberMode.has(name);
}

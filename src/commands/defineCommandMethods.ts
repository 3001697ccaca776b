import { list as commandList } from '@ioredis/commands';

export type CommandMethodFactory = (name: string, returnBuffers: boolean) => (...args: unknown[]) => unknown;

/**
 * One method per command of the @ioredis/commands table, plus its `…Buffer` twin, for instances
 * of `prototype`'s class (the client, a pipeline, the cluster). Names the class or its parents
 * already define are left to them.
 *
 * The methods live on a table object spliced into the prototype chain just above `prototype`.
 * Over a thousand methods do not fit V8's fast property layout, so the object holding them is a
 * hash table in the end anyway; adding them one by one to a class prototype's fast layout copies
 * its growing descriptor table at every step (about 6 MB of garbage per class at require time,
 * which also grows the young generation for the life of the process). `Object.create(null)`
 * starts as a hash table, so filling it costs what the methods cost.
 */
export function defineCommandMethods(prototype: object, makeMethod: CommandMethodFactory, skip: ReadonlySet<string> = new Set()): void {
  const table = Object.create(null) as object;
  for (const name of commandList) {
    if (skip.has(name) || name in prototype) continue;
    Object.defineProperty(table, name, { value: makeMethod(name, false), writable: true, configurable: true });
    Object.defineProperty(table, `${name}Buffer`, { value: makeMethod(name, true), writable: true, configurable: true });
  }
  Object.setPrototypeOf(table, Object.getPrototypeOf(prototype) as object | null);
  Object.setPrototypeOf(prototype, table);
}

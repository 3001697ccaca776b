import { list as commandList } from '@ioredis/commands';

export type CommandMethodFactory = (name: string, returnBuffers: boolean) => (...args: unknown[]) => unknown;

/**
 * One method per command of the @ioredis/commands table, plus its `…Buffer` twin, on `prototype`
 * (the client, a pipeline, the cluster). Names the class already defines are left to it.
 */
export function defineCommandMethods(prototype: object, makeMethod: CommandMethodFactory, skip: ReadonlySet<string> = new Set()): void {
  for (const name of commandList) {
    if (skip.has(name) || name in prototype) continue;
    Object.defineProperty(prototype, name, { value: makeMethod(name, false), writable: true, configurable: true });
    Object.defineProperty(prototype, `${name}Buffer`, { value: makeMethod(name, true), writable: true, configurable: true });
  }
}

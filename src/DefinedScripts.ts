import type { ScriptDefinition } from './options';
import { Pipeline, pipelinePropertyNames } from './Pipeline';
import { Script } from './Script';

/** How a client runs one of its scripts: through its own routing (a connection, or a cluster node). */
export type RunScript = (script: Script, args: unknown[], returnBuffers: boolean) => Promise<unknown>;

/**
 * The Lua scripts a client defined (`defineCommand`, the `scripts` option), and the Pipeline
 * subclass that carries them. One piece of code for Redis and Cluster, so both refuse the same
 * names and both build their pipeline class once per set of scripts, not once per pipeline.
 */
export class DefinedScripts {
  readonly #scripts = new Map<string, Script>();
  #pipelineClass: typeof Pipeline | null = null;

  get all(): ReadonlyMap<string, Script> {
    return this.#scripts;
  }

  /**
   * Define `name` and `nameBuffer` on `client`, running the script with `run`. A name that is a
   * property of the client (status, options, a getter), of its pipelines (promise, length) or one
   * of a pipeline's own methods (exec, multi, addBatch) is refused: the script would replace it
   * and break the client or every pipeline.
   */
  define(client: object, name: string, definition: ScriptDefinition, run: RunScript): void {
    if (typeof name !== 'string' || name === '') throw new TypeError('defineCommand needs a command name');
    if (typeof definition !== 'object' || definition === null) throw new TypeError(`defineCommand("${name}") needs { lua, numberOfKeys?, readOnly? }`);
    for (const method of [name, `${name}Buffer`]) {
      if (isAccessorOrField(client, method) || pipelinePropertyNames.has(method) || pipelineApiNames.has(method)) {
        throw new TypeError(`defineCommand: "${method}" is a property of the client or its pipelines, choose another name`);
      }
    }
    const script = new Script(definition.lua, definition.numberOfKeys ?? null, definition.readOnly === true);
    this.add(name, script);
    defineMethod(client, name, (...args: unknown[]) => run(script, args, false));
    defineMethod(client, `${name}Buffer`, (...args: unknown[]) => run(script, args, true));
  }

  /** Record a script already checked (a connection view copies its client's). */
  add(name: string, script: Script): void {
    this.#scripts.set(name, script);
    this.#pipelineClass = null;
  }

  /** Pipeline, or a subclass with a method per script; rebuilt only after a new definition. */
  pipelineClass(): typeof Pipeline {
    this.#pipelineClass ??= Pipeline.withScripts(this.#scripts);
    return this.#pipelineClass;
  }
}

/**
 * A pipeline's own methods (exec, execBuffer, multi, call, addBatch…), as opposed to its command
 * methods, which live on a table further down the prototype chain: a script may override a
 * command (ioredis allows `defineCommand('incr', …)`), but not the pipeline's machinery.
 */
const pipelineApiNames: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Pipeline.prototype));

function isAccessorOrField(target: object, name: string): boolean {
  for (let object: object | null = target; object !== null; object = Object.getPrototypeOf(object) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(object, name);
    if (descriptor === undefined) continue;
    return descriptor.get !== undefined || descriptor.set !== undefined || typeof descriptor.value !== 'function';
  }
  return false;
}

function defineMethod(target: object, name: string, method: (...args: unknown[]) => unknown): void {
  Object.defineProperty(target, name, { value: method, writable: true, configurable: true, enumerable: false });
}

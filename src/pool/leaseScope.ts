import { AsyncLocalStorage } from 'node:async_hooks';
import type { Connection } from '../connection/Connection';

/**
 * ioredis-style `watch()` … `multi().exec()` without an explicit connection object: WATCH takes a
 * lease and binds it to the caller's async context, so the flow's later commands (and its EXEC)
 * go to the connection that holds its WATCH, and another flow's WATCH lands elsewhere.
 *
 * AsyncLocalStorage is created on first use only: a process that never calls watch() (or
 * multi({ pipeline: false })) pays nothing for async context tracking.
 */
export interface LeaseScope {
  /** The client that opened the scope; other clients ignore it. */
  readonly owner: object;
  readonly ready: Promise<Connection>;
  connection: Connection | null;
  /** False once EXEC, DISCARD, UNWATCH or RESET ended it and the lease went back. */
  active: boolean;
  /** The opening command was answered: the flow has awaited past it. */
  confirmed: boolean;
}

let storage: AsyncLocalStorage<LeaseScope> | null = null;

export function currentScope(owner: object): LeaseScope | undefined {
  if (storage === null) return undefined;
  const scope = storage.getStore();
  return scope !== undefined && scope.active && scope.owner === owner ? scope : undefined;
}

/** Bind `scope` to the rest of the current synchronous run and every continuation created after it. */
export function enterScope(scope: LeaseScope): void {
  storage ??= new AsyncLocalStorage<LeaseScope>();
  storage.enterWith(scope);
}

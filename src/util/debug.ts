import createDebug = require('debug');

/**
 * Namespaced debug loggers under `forksafe-redis:*`. Callers format arguments only when
 * `logger.enabled` is true, and pass commands through `describeCommand` (which redacts),
 * never raw argument arrays.
 */
export type DebugLogger = createDebug.Debugger;

export function debugLogger(namespace: string): DebugLogger {
  return createDebug(`forksafe-redis:${namespace}`);
}

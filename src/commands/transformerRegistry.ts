/**
 * Transformers registered at run time with ioredis's `Command.setArgumentTransformer` /
 * `Command.setReplyTransformer`. They take precedence over the built-in ones (HSET objects,
 * HGETALL to an object) for the command they name.
 */
export const customArgumentTransformers = new Map<string, (args: unknown[]) => unknown[]>();
export const customReplyTransformers = new Map<string, (reply: unknown) => unknown>();

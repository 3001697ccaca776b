/**
 * The Redis class itself (not only the generated interface) exposes typed command methods and
 * its own members: a drop-in for ioredis's typings.
 */
import Redis, { type ClientStats } from '../../src/index';

declare function expectType<T>(value: T): void;
declare const client: Redis;

expectType<Promise<string | null>>(client.get('key'));
expectType<Promise<Buffer | null>>(client.getBuffer('key'));
expectType<Promise<number>>(client.incr('counter'));
expectType<Promise<Record<string, string>>>(client.hgetall('hash'));
expectType<Promise<'OK'>>(client.quit());
expectType<ClientStats>(client.stats());
expectType<Promise<number>>(client.withConnection((c) => c.incr('x')));
expectType<'normal' | 'subscriber' | 'monitor'>(client.mode);
// @ts-expect-error: undefined is not a Redis argument
void client.get(undefined);
// @ts-expect-error: the options object is checked
void new Redis({ port: 'not a port' });

/**
 * Differential testing against ioredis 6 (the behavioural oracle): one scenario function runs once
 * with an ioredis client and once with ours, each against its own redis-server (freshly flushed),
 * and the outcomes are compared after normalising what legitimately differs in representation
 * (Buffers become { buffer: hex }, errors become { error: name, message }).
 *
 * ```ts
 * const servers = await startServers();
 * await expectSame(servers, async (redis) => redis.pipeline().set('a', 1).get('a').exec());
 * ```
 *
 * ioredis 6 speaks RESP3 by default with legacy reply shapes; our client speaks RESP2. Scenarios
 * compare results, never wire details.
 */
import IORedis from 'ioredis';
import type { RedisOptions as IORedisOptions } from 'ioredis';
import { expect } from 'vitest';
import { Redis } from '../../src/Redis';
import { startRedis, type RedisServer, type StartRedisOptions } from '../fixtures/redisServer';

/** Both clients are driven through ioredis's types: the same calls must compile for both. */
export type Client = IORedis;
export type ClientKind = 'ours' | 'theirs';

export interface Servers {
  ours: RedisServer;
  theirs: RedisServer;
}

export interface ScenarioEnv {
  kind: ClientKind;
  server: RedisServer;
  /** Another client of the same kind on the same server (closed after the scenario). */
  another(options?: IORedisOptions): Client;
  /** A client of this kind built from raw constructor arguments (closed after the scenario). */
  construct(...args: unknown[]): Client;
  /** Record a callback's arguments, normalised, in call order. */
  record: (...args: unknown[]) => void;
  /** What `record` collected so far. */
  recorded: unknown[];
}

export type Scenario = (client: Client, env: ScenarioEnv) => Promise<unknown> | unknown;

export type Outcome = { ok: unknown; recorded: unknown[] } | { thrown: unknown; recorded: unknown[] };

export async function startServers(options: StartRedisOptions = {}): Promise<Servers> {
  const [ours, theirs] = await Promise.all([startRedis(options), startRedis(options)]);
  return { ours, theirs };
}

/** Errors as name + message (+ previousErrors), Buffers as hex, Maps and objects recursively. */
export function normalize(value: unknown, seen = new Set<unknown>()): unknown {
  if (Buffer.isBuffer(value)) return { buffer: value.toString('hex') };
  if (value instanceof Error) {
    const shape: Record<string, unknown> = { error: value.name, message: value.message };
    const previous = (value as Error & { previousErrors?: unknown }).previousErrors;
    if (Array.isArray(previous)) shape.previousErrors = previous.map((item) => normalize(item, seen));
    return shape;
  }
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => normalize(item, seen));
    if (value instanceof Map) return { map: [...value].map(([k, v]) => [normalize(k, seen), normalize(v, seen)]) };
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = normalize((value as Record<string, unknown>)[key], seen);
    return out;
  } finally {
    seen.delete(value);
  }
}

function createClient(kind: ClientKind, args: unknown[]): Client {
  if (kind === 'theirs') return new (IORedis as unknown as new (...a: unknown[]) => Client)(...args);
  return new (Redis as unknown as new (...a: unknown[]) => Client)(...args);
}

async function closeQuietly(client: Client): Promise<void> {
  client.on('error', () => undefined);
  if (client.status === 'end') return;
  client.disconnect();
}

/** Run `scenario` with one kind of client on `server` (flushed first). */
export async function runWith(
  kind: ClientKind,
  server: RedisServer,
  scenario: Scenario,
  options: IORedisOptions = {},
): Promise<Outcome> {
  await server.command('FLUSHALL');
  await server.command('SCRIPT', 'FLUSH');
  const clients: Client[] = [];
  const base = { host: server.host, port: server.port, ...(server.password ? { password: server.password } : {}) };
  const make = (args: unknown[]): Client => {
    const client = createClient(kind, args);
    clients.push(client);
    return client;
  };
  const recorded: unknown[] = [];
  const env: ScenarioEnv = {
    kind,
    server,
    another: (extra = {}) => make([{ ...base, ...options, ...extra }]),
    construct: (...args) => make(args),
    record: (...args) => {
      recorded.push(normalize(args));
    },
    recorded,
  };
  const client = make([{ ...base, ...options }]);
  try {
    const ok = await scenario(client, env);
    return { ok: normalize(ok), recorded };
  } catch (thrown) {
    return { thrown: normalize(thrown), recorded };
  } finally {
    await Promise.all(clients.map(closeQuietly));
  }
}

/** Run on both; the outcomes as { ours, theirs }. */
export async function runBoth(servers: Servers, scenario: Scenario, options: IORedisOptions = {}): Promise<{ ours: Outcome; theirs: Outcome }> {
  const theirs = await runWith('theirs', servers.theirs, scenario, options);
  const ours = await runWith('ours', servers.ours, scenario, options);
  return { ours, theirs };
}

/** Assert both clients produce the same outcome; returns ours for further checks. */
export async function expectSame(servers: Servers, scenario: Scenario, options: IORedisOptions = {}): Promise<Outcome> {
  const { ours, theirs } = await runBoth(servers, scenario, options);
  expect(ours).toEqual(theirs);
  return ours;
}

/** A scenario's value, or fail loudly if it threw. */
export function valueOf(outcome: Outcome): unknown {
  if ('thrown' in outcome) throw new Error(`scenario threw: ${JSON.stringify(outcome.thrown)}`);
  return outcome.ok;
}

/**
 * Untyped access, for calls ioredis's typings do not describe: wrong arity on purpose (to get the
 * server's error), multi() inside a pipeline, Buffer twins its typings omit, WITHSCORES forms.
 */
export type Loose = PromiseLike<unknown> & { [method: string]: (...args: unknown[]) => Loose };

export function loose(value: unknown): Loose {
  return value as Loose;
}

/** A promise's settlement as a value: { ok } or { err } — for scenarios that expect a rejection mid-way. */
export async function settle(promise: PromiseLike<unknown>): Promise<unknown> {
  try {
    return { ok: await promise };
  } catch (error) {
    return { err: error };
  }
}

/** Collect every batch of a scan stream. */
export function drain(stream: NodeJS.ReadableStream): Promise<unknown[][]> {
  return new Promise((resolve, reject) => {
    const batches: unknown[][] = [];
    stream.on('data', (batch: unknown[]) => batches.push(batch));
    stream.on('end', () => resolve(batches));
    stream.on('error', reject);
  });
}

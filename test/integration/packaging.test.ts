/**
 * The package as users load it. The sources are compiled with tsc (into a temp copy of the package,
 * so the shared built/ is left alone), and a consumer outside the repo loads it by name in a child
 * `node` process: `require('forksafe-redis')` is the Redis class itself with `.default`, `.Redis`
 * and the error classes on it (ioredis's shape); `import('forksafe-redis')` resolves through the
 * "exports" map to index.mjs and hands out the very same objects, so there is one copy of each class.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as errors from '../../src/errors';

const execFileAsync = promisify(execFile);
const repo = join(__dirname, '..', '..');
const errorClassNames = Object.entries(errors)
  .filter(([, value]) => typeof value === 'function' && (value as { prototype?: unknown }).prototype instanceof Error)
  .map(([name]) => name)
  .sort();

let root: string;
let consumer: string;
let build: { code: number; output: string };

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'forksafe-redis-pack-'));
  const pkg = join(root, 'package');
  mkdirSync(pkg);
  for (const file of ['package.json', 'index.mjs', 'index.d.mts']) cpSync(join(repo, file), join(pkg, file));
  // The package's own dependencies resolve from its real path, as after `npm install`.
  symlinkSync(join(repo, 'node_modules'), join(pkg, 'node_modules'), 'dir');
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(repo, 'tsconfig.json'), '--outDir', join(pkg, 'built')], { cwd: repo });
    build = { code: 0, output: stdout + stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    build = { code: failure.code ?? 1, output: `${failure.stdout ?? ''}${failure.stderr ?? ''}` };
  }
  consumer = join(root, 'consumer');
  mkdirSync(join(consumer, 'node_modules'), { recursive: true });
  symlinkSync(pkg, join(consumer, 'node_modules', 'forksafe-redis'), 'dir');
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
}, 60_000);

afterAll(() => {
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
});

/** Runs `source` as an ES module in the consumer directory and returns what it printed as JSON. */
async function runInConsumer(source: string): Promise<Record<string, unknown>> {
  const file = join(consumer, `probe-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, source);
  const { stdout } = await execFileAsync(process.execPath, [file], { cwd: consumer, timeout: 20_000 });
  return JSON.parse(stdout) as Record<string, unknown>;
}

describe('packaging', () => {
  it('compiles with tsc -p tsconfig.json', () => {
    expect(build.output).toBe('');
    expect(build.code).toBe(0);
  });

  it('require() is the Redis class with .default, .Redis, .Command and every error class', async () => {
    const result = await runInConsumer(`
      import { createRequire } from 'node:module';
      const require = createRequire(import.meta.url);
      const Redis = require('forksafe-redis');
      const names = ${JSON.stringify(errorClassNames)};
      const client = new Redis({ lazyConnect: true });
      const reply = new Redis.ReplyError('WRONGTYPE Operation against a key');
      console.log(JSON.stringify({
        type: typeof Redis,
        name: Redis.name,
        defaultIsClass: Redis.default === Redis,
        redisIsClass: Redis.Redis === Redis,
        command: typeof Redis.Command,
        missingErrors: names.filter((n) => typeof Redis[n] !== 'function'),
        instance: client instanceof Redis,
        status: client.status,
        getIsMethod: typeof client.get,
        replyErrorChain: reply instanceof Redis.RedisError && reply instanceof Error,
        replyCode: reply.code,
        resolved: require.resolve('forksafe-redis').replace(/^.*[\\\\/]package[\\\\/]/, ''),
      }));
      client.disconnect();
    `);
    expect(result).toEqual({
      type: 'function',
      name: 'Redis',
      defaultIsClass: true,
      redisIsClass: true,
      command: 'function',
      missingErrors: [],
      instance: true,
      status: 'wait',
      getIsMethod: 'function',
      replyErrorChain: true,
      replyCode: 'WRONGTYPE',
      resolved: 'built/main.js',
    });
  });

  it('import() gives the same objects as require(): default, Redis and each error class', async () => {
    const result = await runInConsumer(`
      import { createRequire } from 'node:module';
      const require = createRequire(import.meta.url);
      const cjs = require('forksafe-redis');
      const esm = await import('forksafe-redis');
      const direct = await import(new URL('./node_modules/forksafe-redis/index.mjs', import.meta.url).href);
      const names = ${JSON.stringify(errorClassNames)};
      const client = new esm.default({ lazyConnect: true });
      console.log(JSON.stringify({
        defaultSame: esm.default === cjs,
        redisSame: esm.Redis === cjs,
        commandSame: esm.Command === cjs.Command,
        directSame: direct.default === cjs && direct.ReplyError === cjs.ReplyError,
        errorsNotSame: names.filter((n) => esm[n] === undefined || esm[n] !== cjs[n]),
        crossInstance: client instanceof cjs,
        crossError: new esm.ReplyError('ERR x') instanceof cjs.RedisError,
      }));
      client.disconnect();
    `);
    expect(result).toEqual({
      defaultSame: true,
      redisSame: true,
      commandSame: true,
      directSame: true,
      errorsNotSame: [],
      crossInstance: true,
      crossError: true,
    });
  });

  it('ships type declarations that a NodeNext consumer can use from both module systems', async () => {
    writeFileSync(join(consumer, 'esm.mts'), [
      "import Redis, { ReplyError, type RedisOptions } from 'forksafe-redis';",
      'const options: RedisOptions = { lazyConnect: true, offlineQueueLimit: 10 };',
      'const client: Redis = new Redis(options);',
      'const value: Promise<string | null> = client.get("k");',
      'const error: ReplyError = new ReplyError("ERR x");',
      'export { value, error };',
    ].join('\n'));
    writeFileSync(join(consumer, 'cjs.cts'), [
      "import Redis = require('forksafe-redis');",
      'const client = new Redis({ lazyConnect: true });',
      'const value: Promise<string | null> = client.get("k");',
      'const isError: boolean = new Redis.ConnectionClosedError({} as never) instanceof Redis.ConnectionError;',
      'export = { value, isError };',
    ].join('\n'));
    writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: false,
        types: ['node'], typeRoots: [join(repo, 'node_modules', '@types')],
      },
      files: ['esm.mts', 'cjs.cts'],
    }));
    let output = '';
    try {
      await execFileAsync(process.execPath, [join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(consumer, 'tsconfig.json')], { cwd: consumer });
    } catch (error) {
      const failure = error as { stdout?: string; stderr?: string };
      output = `${failure.stdout ?? ''}${failure.stderr ?? ''}`;
    }
    expect(output).toBe('');
  });
});

// The command typings are generated (scripts/generate-command-types.mjs). These tests keep them whole:
// every command of @ioredis/commands has a method and a Buffer twin, and the committed files are
// exactly what the generator makes from the installed command table, so they cannot drift.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { list } from '@ioredis/commands';
import { afterAll, describe, expect, it } from 'vitest';
import { curatedCommandNames, typedCommandNames } from '../../src/types/commandNames';

const root = join(__dirname, '..', '..');
const typesDir = join(root, 'src', 'types');
const generatedFiles = ['RedisCommander.ts', 'commandNames.ts'];

/** Method names declared in the RedisCommander interface, read from the generated source. */
function declaredMethods(source: string): Set<string> {
  const start = source.indexOf('export interface RedisCommander<');
  const body = source.slice(start, source.indexOf('\n}\n', start));
  const names = new Set<string>();
  for (const match of body.matchAll(/^ {2}(?:'([^']+)'|([A-Za-z_$][\w$]*))\(/gm)) {
    names.add(match[1] ?? match[2] ?? '');
  }
  return names;
}

describe('generated command typings', () => {
  const commander = readFileSync(join(typesDir, 'RedisCommander.ts'), 'utf8');

  it('lists every command of @ioredis/commands, and nothing else', () => {
    expect([...typedCommandNames]).toEqual([...list].sort());
    expect(typedCommandNames.length).toBeGreaterThan(200);
  });

  it('declares a method and a Buffer twin for every command', () => {
    const methods = declaredMethods(commander);
    const missing = list.flatMap((name) => [name, `${name}Buffer`]).filter((name) => !methods.has(name));
    expect(missing).toEqual([]);
    // Beyond the commands, only call/callBuffer.
    const extra = [...methods].filter((name) => !list.includes(name.replace(/Buffer$/, '')));
    expect(extra.sort()).toEqual(['call', 'callBuffer']);
  });

  it('types the commands named in the brief precisely, not with the loose fallback', () => {
    const mustBeCurated = [
      'get', 'set', 'mget', 'mset', 'msetnx', 'incr', 'incrby', 'incrbyfloat', 'decr', 'decrby', 'append',
      'strlen', 'getrange', 'setrange', 'getdel', 'getex', 'setex', 'psetex', 'setnx',
      'del', 'unlink', 'exists', 'expire', 'pexpire', 'expireat', 'ttl', 'pttl', 'persist', 'type', 'rename',
      'renamenx', 'keys', 'scan', 'randomkey', 'copy', 'dump', 'restore', 'object',
      'hset', 'hmset', 'hget', 'hmget', 'hgetall', 'hdel', 'hexists', 'hincrby', 'hincrbyfloat', 'hkeys', 'hvals',
      'hlen', 'hsetnx', 'hscan', 'hrandfield', 'hstrlen',
      'lpush', 'rpush', 'lpushx', 'rpushx', 'lpop', 'rpop', 'lrange', 'llen', 'lindex', 'lset', 'lrem', 'ltrim',
      'linsert', 'lmove', 'blpop', 'brpop', 'blmove', 'brpoplpush', 'rpoplpush', 'lpos', 'lmpop', 'blmpop',
      'sadd', 'srem', 'smembers', 'sismember', 'smismember', 'scard', 'spop', 'srandmember', 'sinter', 'sunion',
      'sdiff', 'sinterstore', 'sunionstore', 'sdiffstore', 'smove', 'sscan', 'sintercard',
      'zadd', 'zrem', 'zrange', 'zrangebyscore', 'zrevrange', 'zrank', 'zrevrank', 'zscore', 'zmscore', 'zincrby',
      'zcard', 'zcount', 'zpopmin', 'zpopmax', 'bzpopmin', 'bzpopmax', 'zscan', 'zunionstore', 'zinterstore',
      'zrangestore', 'zremrangebyscore', 'zremrangebyrank',
      'xadd', 'xrange', 'xrevrange', 'xread', 'xreadgroup', 'xgroup', 'xack', 'xlen', 'xdel', 'xtrim', 'xpending',
      'xclaim', 'xautoclaim', 'xinfo',
      'eval', 'evalsha', 'evalsha_ro', 'eval_ro', 'script', 'fcall', 'function',
      'publish', 'spublish', 'subscribe', 'unsubscribe', 'psubscribe', 'punsubscribe', 'ssubscribe',
      'sunsubscribe', 'pubsub',
      'ping', 'echo', 'info', 'dbsize', 'flushdb', 'flushall', 'select', 'client', 'config', 'time', 'auth',
      'quit', 'monitor', 'multi', 'exec', 'watch', 'unwatch', 'discard', 'wait', 'lastsave', 'memory', 'slowlog',
      'command', 'debug',
    ];
    expect(mustBeCurated.filter((name) => !curatedCommandNames.includes(name))).toEqual([]);
    // Spot checks of the emitted lines, so a broken table or emitter shows up here and not only in tsc.
    expect(commander).toMatch(/^ {2}get\(key: RedisKey, callback\?: Callback<string \| null>\): Result<string \| null, Context>;$/m);
    expect(commander).toMatch(/^ {2}hgetall\(key: RedisKey, callback\?: Callback<Record<string, string>>\): Result<Record<string, string>, Context>;$/m);
  });

  it('re-exports every public type from src/types/index.ts', () => {
    const index = readFileSync(join(typesDir, 'index.ts'), 'utf8');
    const exported = (source: string) => [...source.matchAll(/^export (?:type|interface) (\w+)/gm)].map((m) => m[1]);
    const declared = [
      ...exported(commander),
      ...exported(readFileSync(join(typesDir, 'commandArgs.ts'), 'utf8')),
    ];
    expect(declared.length).toBeGreaterThan(30);
    expect(declared.filter((name) => !new RegExp(`^  ${name},$`, 'm').test(index))).toEqual([]);
  });

  describe('regenerating', () => {
    const outDir = mkdtempSync(join(tmpdir(), 'forksafe-command-types-'));
    afterAll(() => rmSync(outDir, { recursive: true, force: true }));

    it('reproduces the committed files byte for byte', () => {
      execFileSync(process.execPath, [join(root, 'scripts', 'generate-command-types.mjs'), '--out', outDir], {
        cwd: root,
        stdio: 'pipe',
      });
      for (const file of generatedFiles) {
        const fresh = readFileSync(join(outDir, file));
        const committed = readFileSync(join(typesDir, file));
        expect({ file, same: fresh.equals(committed) }).toEqual({ file, same: true });
      }
    });
  });
});

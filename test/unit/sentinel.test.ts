/**
 * Sentinel pieces that need no sockets: option checks and defaults (ioredis 6's own defaults are the
 * oracle), replica choice (`preferredSlaves`), `natMap`, `+switch-master` parsing, and how a
 * SentinelError reads. The real topology is in test/integration/sentinel.test.ts.
 */
import { DEFAULT_REDIS_OPTIONS } from 'ioredis/built/redis/RedisOptions';
import { describe, expect, it } from 'vitest';
import { Redis } from '../../src/index';
import { resolveOptions, type RedisOptions } from '../../src/options';
import { parseSwitchMaster } from '../../src/sentinel/FailoverDetector';
import { natResolve, selectReplica } from '../../src/sentinel/SentinelConnector';
import { SentinelError } from '../../src/sentinel/SentinelError';
import type { ReplicaAddress } from '../../src/sentinel/sentinelOptions';

const ioredisDefaults = DEFAULT_REDIS_OPTIONS as unknown as Record<string, unknown>;

describe('Sentinel options', () => {
  it('has ioredis 6’s defaults', () => {
    const resolved = resolveOptions({}) as unknown as Record<string, unknown>;
    for (const key of ['sentinels', 'name', 'role', 'natMap', 'enableTLSForSentinelMode', 'updateSentinels', 'failoverDetector', 'sentinelMaxConnections']) {
      expect(resolved[key], key).toEqual(ioredisDefaults[key]);
    }
    const ours = resolved.sentinelRetryStrategy as (n: number) => number;
    const theirs = ioredisDefaults.sentinelRetryStrategy as (n: number) => number;
    for (const times of [1, 2, 10, 99, 100, 101, 5000]) expect(ours(times)).toBe(theirs(times));
    expect((resolved.sentinelReconnectStrategy as () => number)()).toBe((ioredisDefaults.sentinelReconnectStrategy as () => number)());
  });

  it.each<[string, unknown]>([
    ['sentinels', 'localhost:26379'],
    ['sentinels', [{ host: 'h', port: '26379' }]],
    ['sentinels', [{ host: 1 }]],
    ['name', 42],
    ['role', 'primary'],
    ['sentinelUsername', 7],
    ['preferredSlaves', 'fast-one'],
    ['sentinelRetryStrategy', 100],
    ['sentinelReconnectStrategy', 'never'],
    ['enableTLSForSentinelMode', 1],
    ['sentinelTLS', 'on'],
    ['natMap', 5],
    ['updateSentinels', 'no'],
    ['failoverDetector', 'yes'],
    ['sentinelMaxConnections', 0],
    ['sentinelCommandTimeout', -1],
  ])('rejects %s = %j with a TypeError naming it', (key, value) => {
    expect(() => resolveOptions({ [key]: value } as RedisOptions)).toThrow(new RegExp(`^Invalid option "${key}": expected `));
    expect(() => resolveOptions({ [key]: value } as RedisOptions)).toThrow(TypeError);
  });

  it('never shows a bad sentinelPassword', () => {
    let message = '';
    try {
      resolveOptions({ sentinelPassword: 918273645 } as unknown as RedisOptions);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe('Invalid option "sentinelPassword": expected a string or null, got number');
  });

  it('needs at least one sentinel and a master name', () => {
    expect(() => new Redis({ sentinels: [], name: 'm', lazyConnect: true })).toThrow(/^Invalid option "sentinels": expected at least one/);
    expect(() => new Redis({ sentinels: [{ port: 26379 }], lazyConnect: true })).toThrow(/^Invalid option "name": the master group name is required/);
    expect(() => new Redis({ sentinels: [{ port: 26379 }], name: '', lazyConnect: true })).toThrow(TypeError);
  });

  it('accepts an ioredis Sentinel configuration as is', () => {
    const client = new Redis({
      sentinels: [{ host: 's1', port: 26379 }, { host: 's2' }, {}], name: 'mymaster', role: 'slave',
      sentinelUsername: 'u', sentinelPassword: 'p', preferredSlaves: [{ ip: '10.0.0.2', port: '6379', prio: 1 }],
      sentinelRetryStrategy: () => null, enableTLSForSentinelMode: false, natMap: { '10.0.0.2:6379': { host: 'h', port: 1 } },
      updateSentinels: false, failoverDetector: true, lazyConnect: true,
    });
    expect(client.options.role).toBe('slave');
    expect(client.status).toBe('wait');
    client.disconnect();
  });
});

describe('selectReplica (preferredSlaves)', () => {
  const usable: ReplicaAddress[] = [
    { ip: '10.0.0.1', port: '6379', flags: 'slave' },
    { ip: '10.0.0.2', port: '6379', flags: 'slave' },
    { ip: '10.0.0.3', port: '6380', flags: 'slave' },
  ];

  it('returns null when no replica is usable', () => {
    expect(selectReplica([], null)).toBeNull();
  });

  it('takes the function’s pick', () => {
    expect(selectReplica(usable, (list) => list[2])).toBe(usable[2]);
  });

  it('takes the available preferred replica with the lowest prio', () => {
    const preferred = [
      { ip: '10.0.0.9', port: '6379', prio: 0 },
      { ip: '10.0.0.3', port: '6380', prio: 2 },
      { ip: '10.0.0.2', port: '6379', prio: 1 },
    ];
    expect(selectReplica(usable, preferred)).toBe(usable[1]);
    expect(selectReplica(usable, { ip: '10.0.0.3', port: '6380' })).toBe(usable[2]);
  });

  it('falls back to some usable replica when no preferred one is there (or the function picks none)', () => {
    expect(usable).toContain(selectReplica(usable, [{ ip: '192.168.0.1', port: '1' }]));
    expect(usable).toContain(selectReplica(usable, () => null));
    expect(usable).toContain(selectReplica(usable, null));
  });
});

describe('natResolve', () => {
  it('maps "ip:port" through an object or a function, else keeps the address', () => {
    const address = { host: '172.17.0.2', port: 6379 };
    expect(natResolve(null, address)).toBe(address);
    expect(natResolve({ '172.17.0.2:6379': { host: 'localhost', port: 16379 } }, address)).toEqual({ host: 'localhost', port: 16379 });
    expect(natResolve({ 'other:1': { host: 'x', port: 2 } }, address)).toBe(address);
    expect(natResolve((key) => (key === '172.17.0.2:6379' ? { host: 'h', port: 1 } : null), address)).toEqual({ host: 'h', port: 1 });
    expect(natResolve(() => undefined, address)).toBe(address);
  });
});

describe('parseSwitchMaster', () => {
  it('reads "<name> <old-ip> <old-port> <new-ip> <new-port>"', () => {
    expect(parseSwitchMaster('mymaster 127.0.0.1 6379 127.0.0.1 6380', 's1:26379')).toEqual({
      name: 'mymaster', from: { host: '127.0.0.1', port: 6379 }, to: { host: '127.0.0.1', port: 6380 }, sentinel: 's1:26379',
    });
  });

  it('refuses short or non-numeric messages', () => {
    expect(parseSwitchMaster('mymaster 127.0.0.1 6379', 's')).toBeNull();
    expect(parseSwitchMaster('mymaster a b c d', 's')).toBeNull();
  });
});

describe('SentinelError', () => {
  it('names the master and each sentinel with its outcome, folding repeats of later passes', () => {
    const refused = { code: 'ECONNREFUSED', syscall: 'connect', message: 'connect ECONNREFUSED 10.0.0.1:26379' };
    const error = new SentinelError('ERR_SENTINEL_UNREACHABLE', {
      masterName: 'mymaster', role: 'master', passes: 2, elapsedMs: 31.6,
      attempts: [
        { sentinel: '10.0.0.1:26379', outcome: 'connect ECONNREFUSED', cause: refused },
        { sentinel: '10.0.0.2:26379', outcome: 'connect ETIMEDOUT', cause: null },
        { sentinel: '10.0.0.1:26379', outcome: 'connect ECONNREFUSED', cause: refused },
        { sentinel: '10.0.0.2:26379', outcome: 'NOAUTH Authentication required.', cause: null },
      ],
    });
    expect(error.message).toBe(
      'all sentinels unreachable for mymaster (2 passes in 32 ms): 10.0.0.1:26379 connect ECONNREFUSED (×2), ' +
      '10.0.0.2:26379 connect ETIMEDOUT, 10.0.0.2:26379 NOAUTH Authentication required.',
    );
    expect(error.name).toBe('SentinelError');
    expect(error.code).toBe('ERR_SENTINEL_UNREACHABLE');
    expect(error.stack?.split('\n')[0]).toBe(`SentinelError: ${error.message}`);
  });
});

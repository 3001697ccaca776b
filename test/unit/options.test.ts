/**
 * URL and constructor parsing (ioredis's forms and precedence), option defaults, and the TypeErrors
 * that name a bad option without showing a secret. No sockets: every client here is lazyConnect.
 */
import { describe, expect, it } from 'vitest';
import { Redis } from '../../src/index';
import { DEFAULT_OPTIONS, parseConstructorArguments, parseUrl, redactUrl, resolveOptions, type RedisOptions } from '../../src/options';

describe('parseUrl', () => {
  it('reads user, password, host, port, db and query options from a redis:// URL', () => {
    expect(parseUrl('redis://alice:p%40ss@cache.local:6380/4?connectTimeout=500&lazyConnect=true&connectionName=api')).toEqual({
      username: 'alice',
      password: 'p@ss',
      host: 'cache.local',
      port: 6380,
      db: 4,
      connectTimeout: 500,
      lazyConnect: true,
      connectionName: 'api',
    });
  });

  it('reads a password without a username', () => {
    expect(parseUrl('redis://:only-pw@h')).toEqual({ password: 'only-pw', host: 'h' });
  });

  it('lets the URL’s own parts win over the same names in the query (as ioredis)', () => {
    expect(parseUrl('redis://u:from-userinfo@h:1000/2?password=from-query&db=9&port=7&family=4')).toEqual({
      username: 'u', password: 'from-userinfo', host: 'h', port: 1000, db: 2, family: 4,
    });
    expect(parseUrl('redis://h?password=from-query')).toEqual({ host: 'h', password: 'from-query' });
  });

  it('turns rediss:// into tls: {}', () => {
    expect(parseUrl('rediss://secure.example:6390')).toEqual({ host: 'secure.example', port: 6390, tls: {} });
  });

  it('accepts a port as a string, a bare host:port, a socket path and unix://', () => {
    expect(parseUrl('6380')).toEqual({ port: 6380 });
    expect(parseUrl('10.1.2.3:7000')).toEqual({ host: '10.1.2.3', port: 7000 });
    expect(parseUrl('/var/run/redis.sock')).toEqual({ path: '/var/run/redis.sock' });
    expect(parseUrl('unix:///tmp/r.sock?db=2')).toEqual({ path: '/tmp/r.sock', db: 2 });
  });

  it('strips the brackets of an IPv6 host', () => {
    expect(parseUrl('redis://[::1]:7001')).toEqual({ host: '::1', port: 7001 });
  });

  it('refuses a non-numeric database, an unknown scheme and a bad port, with the password redacted', () => {
    expect(() => parseUrl('redis://u:hunter2@h/abc')).toThrow(TypeError);
    expect(() => parseUrl('redis://u:hunter2@h/abc')).toThrow('database "abc" in redis://u:(redacted)@h/abc is not a number');
    expect(() => parseUrl('http://u:hunter2@h')).toThrow('unsupported scheme "http:"');
    for (const url of ['redis://u:hunter2@h/abc', 'http://u:hunter2@h', 'redis://u:hunter2@h:99999']) {
      let message = '';
      try {
        parseUrl(url);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/^Invalid Redis URL/);
      expect(message).not.toContain('hunter2');
    }
  });
});

describe('redactUrl', () => {
  it('replaces the userinfo password and a password query parameter', () => {
    expect(redactUrl('redis://alice:secret@h:1/0')).toBe('redis://alice:(redacted)@h:1/0');
    expect(redactUrl('redis://h:1?db=1&password=secret&x=1')).toBe('redis://h:1?db=1&password=(redacted)&x=1');
    expect(redactUrl('redis://h:1/0')).toBe('redis://h:1/0');
  });
});

describe('parseConstructorArguments (ioredis constructor forms)', () => {
  it('(port), (port, host), (port, host, options)', () => {
    expect(parseConstructorArguments([6380])).toEqual({ port: 6380 });
    expect(parseConstructorArguments([6380, 'h'])).toEqual({ port: 6380, host: 'h' });
    expect(parseConstructorArguments([6380, 'h', { db: 3 }])).toEqual({ port: 6380, host: 'h', db: 3 });
  });

  it('(url, options) and (path, options)', () => {
    expect(parseConstructorArguments(['redis://h:1/4', { connectionName: 'x' }])).toEqual({ host: 'h', port: 1, db: 4, connectionName: 'x' });
    expect(parseConstructorArguments(['/tmp/s.sock', { db: 1 }])).toEqual({ path: '/tmp/s.sock', db: 1 });
  });

  it('lets earlier arguments win over the options object, as ioredis does', () => {
    expect(parseConstructorArguments([6380, 'h', { port: 1, host: 'other', db: 2 }])).toEqual({ port: 6380, host: 'h', db: 2 });
    expect(parseConstructorArguments(['redis://h:1/4', { db: 2, host: 'x' }])).toEqual({ host: 'h', port: 1, db: 4 });
  });

  it('skips null and undefined, and ignores undefined option values', () => {
    expect(parseConstructorArguments([undefined, null, { port: 7, host: undefined }])).toEqual({ port: 7 });
  });

  it('refuses anything else with a TypeError', () => {
    expect(() => parseConstructorArguments([() => 1])).toThrow(new TypeError('Invalid argument function: expected a port, a URL, a socket path or an options object'));
    expect(() => parseConstructorArguments([true])).toThrow(TypeError);
    expect(() => parseConstructorArguments([[6379]])).toThrow(TypeError);
  });
});

describe('resolveOptions', () => {
  it('fills ioredis defaults plus the library’s own', () => {
    const resolved = resolveOptions({});
    expect(resolved).toMatchObject({
      host: 'localhost', port: 6379, db: 0, connectTimeout: 10_000, maxRetriesPerRequest: 20, enableOfflineQueue: true,
      enableReadyCheck: true, lazyConnect: false, autoResendUnfulfilledCommands: false, offlineQueueLimit: 100_000,
      maxReplyBytes: 512 * 1024 * 1024, forkSafety: 'reconnect', password: null, username: null,
    });
    expect(resolved.retryStrategy).toBe(DEFAULT_OPTIONS.retryStrategy);
  });

  it('normalises tls: true to {} and keepAlive: 0 to false', () => {
    expect(resolveOptions({ tls: true }).tls).toEqual({});
    expect('tls' in resolveOptions({ tls: false })).toBe(false);
    expect(resolveOptions({ keepAlive: 0 }).keepAlive).toBe(false);
  });

  const bad: Array<[keyof RedisOptions, unknown, string]> = [
    ['port', 'x', 'expected an integer port from 0 to 65535, got "x"'],
    ['port', 70000, 'got 70000'],
    ['db', -1, 'expected a non-negative integer, got -1'],
    ['connectTimeout', -5, 'expected a non-negative number of milliseconds'],
    ['commandTimeout', '100', 'got "100"'],
    ['retryStrategy', 5, 'expected a function or null, got 5'],
    ['maxRetriesPerRequest', 1.5, 'expected an integer or null'],
    ['offlineQueueLimit', 0, 'expected a positive integer, got 0'],
    ['maxReplyBytes', 1.5, 'expected a positive integer, got 1.5'],
    ['forkSafety', 'ignore', 'expected "reconnect" or "error"'],
    ['family', 5, 'expected 0, 4 or 6, got 5'],
    ['enableOfflineQueue', 'yes', 'expected a boolean'],
    ['credentialsProvider', {}, 'expected a function or null'],
  ];
  for (const [key, value, text] of bad) {
    it(`refuses ${key}: ${JSON.stringify(value)} with a TypeError naming the option`, () => {
      const attempt = (): unknown => resolveOptions({ [key]: value } as RedisOptions);
      expect(attempt).toThrow(TypeError);
      expect(attempt).toThrow(`Invalid option "${key}": `);
      expect(attempt).toThrow(text);
    });
  }

  it('shows only the type of a bad password or username, never its value', () => {
    const attempt = (): unknown => resolveOptions({ password: 12345678 as unknown as string });
    expect(attempt).toThrow('Invalid option "password": expected a string or null, got number');
    let message = '';
    try {
      resolveOptions({ username: { secret: 'hunter2' } as unknown as string });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe('Invalid option "username": expected a string or null, got object');
  });
});

describe('new Redis(...) (lazyConnect, no socket)', () => {
  it('resolves each constructor form into client.options', () => {
    const clients = [
      new Redis({ lazyConnect: true }),
      new Redis(6390, { lazyConnect: true }),
      new Redis(6391, '10.0.0.1', { lazyConnect: true }),
      new Redis('redis://u:pw@h:6392/5', { lazyConnect: true }),
      new Redis('/tmp/redis.sock', { lazyConnect: true }),
    ];
    expect(clients.map((c) => c.status)).toEqual(['wait', 'wait', 'wait', 'wait', 'wait']);
    expect(clients[0]!.options).toMatchObject({ host: 'localhost', port: 6379 });
    expect(clients[1]!.options).toMatchObject({ host: 'localhost', port: 6390 });
    expect(clients[2]!.options).toMatchObject({ host: '10.0.0.1', port: 6391 });
    expect(clients[3]!.options).toMatchObject({ host: 'h', port: 6392, db: 5, username: 'u', password: 'pw' });
    expect(clients[4]!.options).toMatchObject({ path: '/tmp/redis.sock' });
    for (const client of clients) client.disconnect();
    expect(clients.map((c) => c.status)).toEqual(['end', 'end', 'end', 'end', 'end']);
  });

  it('rejects an argument that cannot be sent before dialling, naming the command and position', async () => {
    const client = new Redis({ lazyConnect: true });
    await expect(client.set('k', undefined as unknown as string)).rejects.toThrow('Invalid argument 2 of SET: undefined cannot be sent');
    await expect(client.call('hset', 'h', 'f', Symbol('s'))).rejects.toThrow('Invalid argument 3 of HSET: a symbol');
    await expect(client.rpush('l', ['a', [() => 1]] as unknown as string[])).rejects.toThrow('Invalid argument 2.2.1 of RPUSH: a function');
    expect(client.status).toBe('wait');
    client.disconnect();
  });

  it('throws the TypeError from the constructor', () => {
    expect(() => new Redis({ lazyConnect: true, db: 'one' as unknown as number })).toThrow('Invalid option "db"');
  });
});

/**
 * Proves the test fixtures do what other tests rely on: real servers per preset, lifecycle control
 * (restart, pause, kill, cleanup), the fault proxy's cuts landing on exact byte/reply boundaries, and the
 * fake server's raw bytes. Everything here talks raw sockets, redis-cli or the fixture's own raw client,
 * never src/.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { closeAllFakeServers, reply, startFakeServer } from '../fixtures/fakeServer';
import { closeAllProxies, startFaultProxy } from '../fixtures/faultProxy';
import { sendCommands } from '../fixtures/rawClient';
import { startRedis, stopAll, type RedisServer } from '../fixtures/redisServer';
import { encodeCommand, parseValue, RespError, RespFrameScanner } from '../fixtures/resp';
import { getTlsCerts } from '../fixtures/tlsCerts';

const execFileAsync = promisify(execFile);

afterAll(async () => {
  await closeAllProxies();
  await closeAllFakeServers();
  await stopAll();
});

interface Exchange {
  data: Buffer;
  /** How the connection ended: the peer closed it, it errored (code), or we stopped waiting. */
  ending: 'end' | 'timeout' | string;
}

/** Connects, writes `payload`, collects bytes until the peer closes, errors, or `waitMs` pass. */
function exchange(port: number, payload: Buffer | string, waitMs = 3_000): Promise<Exchange> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    let done = false;
    const finish = (ending: string): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ data: Buffer.concat(chunks), ending });
    };
    const timer = setTimeout(() => finish('timeout'), waitMs);
    socket.on('connect', () => socket.write(payload));
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => finish('end'));
    socket.on('error', (err: NodeJS.ErrnoException) => finish(err.code ?? err.message));
  });
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const commands = (...cmds: string[][]): Buffer => Buffer.concat(cmds.map((c) => encodeCommand(c)));

describe('redisServer presets', () => {
  it('open: answers, reports its own pid, never uses 6379', async () => {
    const server = await startRedis();
    expect(server.port).not.toBe(6379);
    expect(server.url).toBe(`redis://127.0.0.1:${server.port}`);
    expect(await server.command('SET', 'k', 'v')).toBe('OK');
    expect(await server.command('GET', 'k')).toBe('v');
    const info = await server.info('server');
    expect(Number(info.process_id)).toBe(server.pid);
    expect(info.tcp_port).toBe(String(server.port));
    expect(await server.command('CONFIG', 'GET', 'save')).toEqual(['save', '']);
    expect(await server.command('CONFIG', 'GET', 'enable-debug-command')).toEqual(['enable-debug-command', 'local']);
    await expect(server.command('NOSUCHCOMMAND')).rejects.toBeInstanceOf(RespError);
  });

  it('password: refuses unauthenticated clients, accepts the generated password', async () => {
    const server = await startRedis({ preset: 'password' });
    expect(server.password).toMatch(/^pw-[0-9a-f]{24}$/);
    expect(server.url).toBe(`redis://:${server.password}@127.0.0.1:${server.port}`);
    const [unauth] = await sendCommands(server.endpoint, [['GET', 'x']]);
    expect(unauth).toBeInstanceOf(RespError);
    expect((unauth as RespError).prefix).toBe('NOAUTH');
    const [wrong] = await sendCommands(server.endpoint, [['AUTH', 'not-it']]);
    expect((wrong as RespError).prefix).toBe('WRONGPASS');
    expect(await server.command('PING')).toBe('PONG');
    const cli = await execFileAsync('redis-cli', ['-p', String(server.port), '-a', server.password as string, '--no-auth-warning', 'PING']);
    expect(cli.stdout.trim()).toBe('PONG');
  });

  it('acl: the named user works, the default user is off', async () => {
    const server = await startRedis({ preset: 'acl' });
    expect(server.username).toBe('app');
    expect(server.url).toBe(`redis://app:${server.password}@127.0.0.1:${server.port}`);
    const replies = await sendCommands(server.endpoint, [
      ['PING'],
      ['AUTH', server.password as string],
      ['AUTH', 'app', server.password as string],
      ['ACL', 'WHOAMI'],
    ]);
    expect((replies[0] as RespError).prefix).toBe('NOAUTH');
    expect((replies[1] as RespError).prefix).toBe('WRONGPASS');
    expect(replies.slice(2)).toEqual(['OK', 'app']);
    expect(await server.command('ACL', 'WHOAMI')).toBe('app');
    const cli = await execFileAsync('redis-cli', ['-p', String(server.port), '--user', 'app', '--pass', server.password as string, '--no-auth-warning', 'ACL', 'WHOAMI']);
    expect(cli.stdout.trim()).toBe('app');
  });

  it('tls: verifies with the generated CA, accepts a client cert, rejects an untrusted CA', async () => {
    const server = await startRedis({ preset: 'tls' });
    const t = server.tls;
    if (!t) throw new Error('no tls info');
    expect(t.port).not.toBe(server.port);
    expect(t.url).toBe(`rediss://127.0.0.1:${t.port}`);
    const viaTls = await sendCommands({ host: '127.0.0.1', port: t.port, tls: { ca: t.ca, servername: t.servername } }, [['PING']]);
    expect(viaTls).toEqual(['PONG']);
    // By IP as well: the certificate carries IP:127.0.0.1.
    const byIp = await sendCommands({ host: '127.0.0.1', port: t.port, tls: { ca: t.ca } }, [['PING']]);
    expect(byIp).toEqual(['PONG']);
    const withClientCert = await sendCommands(
      { host: '127.0.0.1', port: t.port, tls: { ca: t.ca, cert: t.clientCert, key: t.clientKey, servername: 'localhost' } },
      [['PING']],
    );
    expect(withClientCert).toEqual(['PONG']);
    const certs = await getTlsCerts();
    await expect(
      sendCommands({ host: '127.0.0.1', port: t.port, tls: { ca: certs.untrustedCert, servername: 'localhost' } }, [['PING']]),
    ).rejects.toMatchObject({ code: expect.stringMatching(/SELF_SIGNED|UNABLE_TO_VERIFY|CERT/) });
    // The plain port stays open for assertions.
    expect(await server.command('PING')).toBe('PONG');
    // A raw tls.connect with the files works too.
    const socket = tls.connect({ host: '127.0.0.1', port: t.port, ca: certs.ca, servername: 'localhost' });
    await new Promise<void>((resolve, reject) => {
      socket.once('secureConnect', resolve);
      socket.once('error', reject);
    });
    expect(socket.authorized).toBe(true);
    socket.destroy();
  });

  it('tls with tlsOnly: port is the TLS port and the plain one is off', async () => {
    const server = await startRedis({ preset: 'tls', tlsOnly: true, password: 'secret' });
    expect(server.port).toBe(server.tls?.port);
    expect(server.url).toBe(`rediss://:secret@127.0.0.1:${server.port}`);
    expect(await server.command('CONFIG', 'GET', 'port')).toEqual(['port', '0']);
    expect(await server.command('PING')).toBe('PONG');
  });

  it('starts several servers at once on distinct ports, and skips a port already in use', async () => {
    const servers = await Promise.all([startRedis(), startRedis(), startRedis({ preset: 'password' })]);
    expect(new Set(servers.map((s) => s.port)).size).toBe(3);

    // Occupy a port of the fixture's range [16000, 32000), then make it the first pick.
    const blocker = net.createServer((socket) => socket.destroy());
    let blocked = 0;
    for (let port = 16_000 + Math.floor(Math.random() * 15_000); blocked === 0; port++) {
      blocked = await new Promise<number>((resolve) => {
        blocker.once('error', () => resolve(0));
        blocker.listen(port, '127.0.0.1', () => resolve(port));
      });
    }
    const random = vi.spyOn(Math, 'random').mockReturnValueOnce((blocked - 16_000 + 0.5) / 16_000);
    try {
      const server = await startRedis();
      expect(random).toHaveBeenCalledTimes(2);
      expect(server.port).not.toBe(blocked);
      expect(await server.command('PING')).toBe('PONG');
    } finally {
      random.mockRestore();
      await new Promise((r) => blocker.close(r));
    }
    await Promise.all(servers.map((s) => s.stop()));
  });
});

describe('redisServer lifecycle', () => {
  it('restart keeps the port and config, starts a new process, drops the data', async () => {
    const server = await startRedis({ preset: 'password' });
    const { port, password } = server;
    const firstPid = server.pid;
    await server.command('SET', 'k', 'v');
    await server.restart();
    expect(server.port).toBe(port);
    expect(server.pid).not.toBe(firstPid);
    expect(isProcessAlive(firstPid)).toBe(false);
    expect(await server.command('GET', 'k')).toBe(null);
    const [unauth] = await sendCommands(server.endpoint, [['PING']]);
    expect((unauth as RespError).prefix).toBe('NOAUTH');
    expect(server.password).toBe(password);
  });

  it('pause stalls the server (connects still succeed), resume answers what waited', async () => {
    const server = await startRedis();
    server.pause();
    try {
      // The stalled server accepts (kernel backlog) but answers nothing.
      await expect(sendCommands(server.endpoint, [['PING']], { timeoutMs: 300 })).rejects.toThrow(/no reply 1 of 1/);
      const waiting = sendCommands(server.endpoint, [['INCR', 'n']], { timeoutMs: 10_000 });
      await new Promise((r) => setTimeout(r, 100));
      server.resume();
      expect(await waiting).toEqual([1]);
    } finally {
      server.resume();
    }
  });

  it('stop removes process and dir; kill + waitForExit + restart works', async () => {
    const server = await startRedis();
    server.kill('SIGKILL');
    expect(await server.waitForExit()).toBe(137);
    expect(server.isRunning).toBe(false);
    await server.restart();
    expect(server.isRunning).toBe(true);
    const { pid, dir } = server;
    expect(existsSync(dir)).toBe(true);
    // stop() on a paused server still ends it (SIGCONT follows SIGTERM).
    server.pause();
    await server.stop();
    expect(isProcessAlive(pid)).toBe(false);
    expect(existsSync(dir)).toBe(false);
    await server.stop();
  });

  it('a test process killed with SIGKILL leaves no redis-server behind', async () => {
    const work = mkdtempSync(join(tmpdir(), 'forksafe-fixture-'));
    try {
      const bundle = join(work, 'start.js');
      writeFileSync(
        join(work, 'entry.ts'),
        `import { startRedis } from ${JSON.stringify(join(__dirname, '../fixtures/redisServer'))};\n` +
          `startRedis().then((s) => { console.log('pid ' + s.pid + ' dir ' + s.dir); setInterval(() => {}, 1000); });\n`,
      );
      await build({ entryPoints: [join(work, 'entry.ts')], bundle: true, platform: 'node', outfile: bundle, logLevel: 'silent' });
      const child = spawn(process.execPath, [bundle], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      await waitUntil(() => /pid \d+ dir \S+\n/.test(out), 10_000, 'the child to start redis');
      const [, pid, dir] = /pid (\d+) dir (\S+)\n/.exec(out) ?? [];
      const redisPid = Number(pid);
      expect(isProcessAlive(redisPid)).toBe(true);
      expect(existsSync(dir as string)).toBe(true);
      child.kill('SIGKILL');
      await waitUntil(() => !isProcessAlive(redisPid), 5_000, `redis pid ${redisPid} to die`);
      await waitUntil(() => !existsSync(dir as string), 5_000, `${dir} to be removed`);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe('RespFrameScanner', () => {
  const stream = Buffer.from(
    '+OK\r\n' +
      '$5\r\nab\r\nc\r\n' + // CRLF inside a bulk
      '*3\r\n:1\r\n*2\r\n$1\r\nx\r\n$-1\r\n%1\r\n+k\r\n_\r\n' +
      '>2\r\n+message\r\n+hi\r\n' +
      '|1\r\n+key\r\n+val\r\n:7\r\n' +
      '*0\r\n-ERR nope\r\n',
  );
  const expectedEnds: number[] = [];
  for (let offset = 0; offset < stream.length; ) {
    const parsed = parseValue(stream, offset);
    if (!parsed) throw new Error('test stream is incomplete');
    offset = parsed.end;
    expectedEnds.push(offset);
  }

  it('finds the same frame ends whole and byte by byte', () => {
    expect(expectedEnds).toHaveLength(7);
    const whole = new RespFrameScanner().feed(stream);
    expect(whole.map((f) => f.end)).toEqual(expectedEnds);
    expect(whole.map((f) => f.isPush)).toEqual([false, false, false, true, false, false, false]);
    const scanner = new RespFrameScanner();
    const ends: number[] = [];
    for (let i = 0; i < stream.length; i++) {
      for (const f of scanner.feed(stream.subarray(i, i + 1))) ends.push(i + f.end);
    }
    expect(ends).toEqual(expectedEnds);
    expect(scanner.isAtBoundary).toBe(true);
  });

  it('names commands, accepts inline commands on the client side, fails for good on garbage', () => {
    const scanner = new RespFrameScanner(true);
    const frames = scanner.feed(Buffer.concat([encodeCommand(['incr', 'k']), Buffer.from('\r\nping\r\n'), encodeCommand(['GET', 'x'])]));
    expect(frames.map((f) => f.name)).toEqual(['INCR', 'PING', 'GET']);
    const bad = new RespFrameScanner();
    expect(bad.feed(Buffer.from('?what\r\n+OK\r\n'))).toEqual([]);
    expect(bad.error).toMatch(/unknown type byte/);
    expect(bad.feed(Buffer.from('+OK\r\n'))).toEqual([]);
  });
});

describe('faultProxy', () => {
  let server: RedisServer;
  const target = async (): Promise<RedisServer> => (server ??= await startRedis());

  it('forwards transparently and counts accepts, bytes, commands, replies', async () => {
    const proxy = await startFaultProxy({ targetPort: (await target()).port });
    const payload = commands(['PING'], ['ECHO', 'hello']);
    const r = await sendCommands({ host: '127.0.0.1', port: proxy.port }, [['PING'], ['ECHO', 'hello']]);
    expect(r).toEqual(['PONG', 'hello']);
    await waitUntil(() => proxy.connections.length === 0, 2_000, 'the connection to close');
    expect(proxy.acceptCount).toBe(1);
    expect(proxy.bytesClientToServer).toBe(payload.length);
    expect(proxy.bytesServerToClient).toBe('+PONG\r\n$5\r\nhello\r\n'.length);
    expect(proxy.commandCount).toBe(2);
    expect(proxy.replyCount).toBe(2);
    await proxy.close();
  });

  it('swallowReply cuts exactly before the nth matching reply, pipelined', async () => {
    const redis = await target();
    await redis.command('DEL', 'sw');
    const proxy = await startFaultProxy({ targetPort: redis.port, faults: { swallowReply: { nth: 3, command: 'incr' } } });
    // PING does not match, so the third INCR is the fourth command.
    const r = await exchange(proxy.port, commands(['PING'], ['INCR', 'sw'], ['INCR', 'sw'], ['INCR', 'sw'], ['INCR', 'sw']));
    expect(r.data.toString()).toBe('+PONG\r\n:1\r\n:2\r\n');
    expect(r.ending).toBe('end');
    expect(proxy.cutCount).toBe(1);
    // The commands reached the server: the swallowed INCR ran.
    expect(Number(await redis.command('GET', 'sw'))).toBeGreaterThanOrEqual(3);
    // Fired once: the next connection passes.
    const again = await exchange(proxy.port, commands(['INCR', 'sw'], ['QUIT']));
    expect(again.data.toString()).toMatch(/^:\d+\r\n\+OK\r\n$/);
    expect(proxy.cutCount).toBe(1);
    await proxy.close();
  });

  it('swallowReply drops a large reply from its first byte, across chunks', async () => {
    const redis = await target();
    const big = 'x'.repeat(300_000);
    await redis.command('SET', 'big', big);
    const proxy = await startFaultProxy({ targetPort: redis.port, faults: { swallowReply: { nth: 2 } } });
    const r = await exchange(proxy.port, commands(['PING'], ['GET', 'big'], ['PING']));
    expect(r.data.toString()).toBe('+PONG\r\n');
    expect(r.ending).toBe('end');
    await proxy.close();
  });

  it('swallowReply with repeat cuts every matching command, on each new connection', async () => {
    const redis = await target();
    const proxy = await startFaultProxy({ targetPort: redis.port, faults: { swallowReply: { nth: 1, command: 'INCR', repeat: true } } });
    for (let i = 0; i < 3; i++) {
      const r = await exchange(proxy.port, commands(['PING'], ['INCR', 'rep']));
      expect(r.data.toString()).toBe('+PONG\r\n');
    }
    expect(proxy.cutCount).toBe(3);
    expect(proxy.acceptCount).toBe(3);
    await proxy.close();
  });

  it('cutAfterServerBytes forwards exactly N bytes then closes', async () => {
    const redis = await target();
    await redis.command('SET', 'big2', 'y'.repeat(100_000));
    const proxy = await startFaultProxy({ targetPort: redis.port });
    proxy.setFault({ cutAfterServerBytes: 1_000 });
    const r = await exchange(proxy.port, commands(['GET', 'big2']));
    expect(r.data.length).toBe(1_000);
    expect(r.data.subarray(0, 9).toString()).toBe('$100000\r\n');
    expect(r.ending).toBe('end');
    // With RST before any reply byte, the client sees a reset.
    proxy.setFault({ cutAfterServerBytes: 0, cutMode: 'reset' });
    const reset = await exchange(proxy.port, commands(['GET', 'big2']));
    expect(reset).toEqual({ data: Buffer.alloc(0), ending: 'ECONNRESET' });
    expect(proxy.cutCount).toBe(2);
    proxy.resetAll();
    const clean = await exchange(proxy.port, commands(['PING'], ['QUIT']));
    expect(clean.data.toString()).toBe('+PONG\r\n+OK\r\n');
    await proxy.close();
  });

  it('blackhole drops, hold keeps and releases, delay keeps order', async () => {
    const redis = await target();
    const proxy = await startFaultProxy({ targetPort: redis.port, faults: { blackhole: true } });
    const dropped = await exchange(proxy.port, commands(['PING']), 300);
    expect(dropped).toEqual({ data: Buffer.alloc(0), ending: 'timeout' });
    expect(proxy.acceptCount).toBe(1);

    proxy.setFault({ blackhole: false, hold: true });
    const held = sendCommands({ host: '127.0.0.1', port: proxy.port }, [['INCR', 'held']], { timeoutMs: 10_000 });
    await proxy.waitForAccepts(2);
    await new Promise((r) => setTimeout(r, 200));
    expect(proxy.bytesClientToServer).toBe(0);
    expect(await redis.command('GET', 'held')).toBe(null);
    proxy.setFault({ hold: false });
    expect(await held).toEqual([1]);

    proxy.setFault({ delayMs: 150 });
    const started = Date.now();
    const many = Array.from({ length: 20 }, (_, i) => ['ECHO', String(i)]);
    const echoed = await sendCommands({ host: '127.0.0.1', port: proxy.port }, many);
    expect(echoed).toEqual(many.map((c) => c[1]));
    // Each direction adds at least the delay; a slow machine only adds more.
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    await proxy.close();
  });

  it('resets live connections and new ones on demand; interceptors rewrite or drop', async () => {
    const redis = await target();
    const proxy = await startFaultProxy({ targetPort: redis.port });
    const socket = net.connect({ host: '127.0.0.1', port: proxy.port });
    const ended = new Promise<string>((resolve) => {
      socket.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
      socket.on('close', () => resolve('close'));
    });
    await proxy.waitForAccepts(1);
    expect(proxy.connections).toHaveLength(1);
    proxy.resetConnections();
    expect(await ended).toBe('ECONNRESET');

    proxy.setFault({ resetOnAccept: true });
    expect((await exchange(proxy.port, commands(['PING']))).ending).toBe('ECONNRESET');
    expect(proxy.acceptCount).toBe(2);

    proxy.resetAll();
    proxy.setFault({ onServerData: (chunk) => Buffer.from(chunk.toString().replace('PONG', 'PANG')) });
    expect(await sendCommands({ host: '127.0.0.1', port: proxy.port }, [['PING']])).toEqual(['PANG']);
    proxy.setFault({ onServerData: undefined, onClientData: (chunk) => (chunk.includes('FLUSHALL') ? null : chunk) });
    expect((await exchange(proxy.port, commands(['FLUSHALL']), 300)).ending).toBe('timeout');
    expect(await sendCommands({ host: '127.0.0.1', port: proxy.port }, [['PING']])).toEqual(['PONG']);
    await proxy.close();
  });
});

describe('fakeServer', () => {
  it('answers the handshake by default and records commands, inline ones included', async () => {
    const fake = await startFakeServer();
    const r = await sendCommands({ host: '127.0.0.1', port: fake.port }, [['AUTH', 'x'], ['SELECT', '2'], ['CLIENT', 'ID'], ['INFO'], ['GET', 'k']]);
    expect(r.slice(0, 3)).toEqual(['OK', 'OK', 1]);
    expect(String(r[3])).toContain('loading:0');
    expect((r[4] as RespError).message).toBe("ERR unknown command 'GET'");
    const inline = await exchange(fake.port, 'PING\r\nECHO hi\r\nQUIT\r\n');
    expect(inline.data.toString()).toBe('+PONG\r\n$2\r\nhi\r\n+OK\r\n');
    expect(fake.connectionCount).toBe(2);
    expect(fake.commands.filter((c) => c.connectionId === 2).map((c) => c.command)).toEqual([['PING'], ['ECHO', 'hi'], ['QUIT']]);
    await fake.close();
  });

  it('writes whatever the script says: garbage, oversized lengths, half replies, deep nesting', async () => {
    const fake = await startFakeServer({
      onCommand(command, conn) {
        switch (command[1]) {
          case 'garbage':
            conn.write(Buffer.from([0x3f, 0x00, 0xff, 0x0d, 0x0a]));
            break;
          case 'oversized':
            conn.write('$999999999999\r\n');
            break;
          case 'half':
            conn.write('$10\r\nhello');
            break;
          case 'deep':
            conn.write(reply.nested(1000));
            break;
          default:
            conn.write(reply.simple('OK'));
        }
      },
    });
    const ask = (what: string): Promise<Exchange> => exchange(fake.port, commands(['GET', what]), 300);
    expect((await ask('garbage')).data).toEqual(Buffer.from([0x3f, 0x00, 0xff, 0x0d, 0x0a]));
    expect((await ask('oversized')).data.toString()).toBe('$999999999999\r\n');
    expect(await ask('half')).toEqual({ data: Buffer.from('$10\r\nhello'), ending: 'timeout' });
    const deep = (await ask('deep')).data;
    expect(deep.length).toBe(1000 * 4 + 4);
    expect(new RespFrameScanner().feed(deep)).toHaveLength(1);
    expect(fake.connectionCount).toBe(4);
    await fake.close();
  });

  it('onConnection can greet with bytes before any command, and hang up', async () => {
    const fake = await startFakeServer({
      onConnection(conn) {
        conn.write('-ERR max number of clients reached\r\n');
        conn.close();
      },
    });
    const r = await exchange(fake.port, '');
    expect(r).toEqual({ data: Buffer.from('-ERR max number of clients reached\r\n'), ending: 'end' });
    await fake.close();
  });
});

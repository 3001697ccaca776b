/**
 * Fork safety (issue 3): one socket must never have two owners.
 *
 * First the seed bug itself, without the library: a Node parent hands its raw socket to a child
 * (`child.send('socket', socket)`), both pipeline ECHOs of their own values, and each reads the
 * other's replies. Then the library in each shape of the threat: a PID change injected with
 * `pidSource` (nothing written on the inherited socket, counted by the fault proxy; the new socket
 * authenticated), policy 'error', pooled leases and the subscriber connection, commands in flight at
 * the boundary; and a real Node startup snapshot (`node --build-snapshot`), built and restored as
 * separate processes against a password-protected server.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import * as vm from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { ConnectionError, InheritedConnectionError, Redis } from '../../src/index';
import { closeAllProxies, startFaultProxy, type FaultProxy, type ProxyConnection } from '../fixtures/faultProxy';
import { startRedis, stopAll, type RedisServer } from '../fixtures/redisServer';
import { waitFor } from '../fixtures/waitFor';

const execFileAsync = promisify(execFile);
const clients: Redis[] = [];
const tempDirs: string[] = [];

afterAll(async () => {
  for (const client of clients) client.disconnect();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  await closeAllProxies();
  await stopAll();
});

function track(client: Redis): Redis {
  clients.push(client);
  client.on('error', () => undefined);
  return client;
}


/** A proxy in front of `server` that keeps every connection it accepted (closed ones too). */
async function proxyTo(server: RedisServer): Promise<{ proxy: FaultProxy; accepted: ProxyConnection[] }> {
  const proxy = await startFaultProxy({ targetPort: server.port });
  const accepted: ProxyConnection[] = [];
  proxy.on('accept', (connection: ProxyConnection) => accepted.push(connection));
  return { proxy, accepted };
}

// ─── the seed bug, without the library ──────────────────────────────────────────────────────

/**
 * Plain JavaScript, run in the test process and in the child: pipeline `rounds` batches of
 * `perRound` ECHOs of `<tag>:<round>-<i>;` on `socket`, read until the socket is quiet, and count
 * the complete tokens of each tag found in what this process read.
 */
const HAMMER_SOURCE = String.raw`(async function hammer(socket, tag, otherTag, rounds, perRound) {
  const chunks = [];
  let lastDataAt = Date.now();
  socket.on('data', (chunk) => { chunks.push(chunk); lastDataAt = Date.now(); });
  for (let round = 0; round < rounds; round++) {
    let batch = '';
    for (let i = 0; i < perRound; i++) {
      const value = tag + ':' + round + '-' + i + ';';
      batch += '*2\r\n$4\r\nECHO\r\n$' + value.length + '\r\n' + value + '\r\n';
    }
    socket.write(batch);
    await new Promise((resolve) => setImmediate(resolve));
  }
  const startedWaiting = Date.now();
  while (Date.now() - lastDataAt < 300 && Date.now() - startedWaiting < 10000) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const text = Buffer.concat(chunks).toString('latin1');
  const count = (t) => (text.match(new RegExp(t + ':\\d+-\\d+;', 'g')) || []).length;
  return { own: count(tag), foreign: count(otherTag), bytes: text.length };
})`;

interface HammerResult {
  own: number;
  foreign: number;
  bytes: number;
}
type Hammer = (socket: net.Socket, tag: string, otherTag: string, rounds: number, perRound: number) => Promise<HammerResult>;

const CHILD_SOURCE = String.raw`
const net = require('node:net');
const hammer = ${HAMMER_SOURCE};
let socket = null;
process.on('message', (message, handle) => {
  if (message.kind === 'socket') {
    socket = handle;
    socket.pause();
    process.send({ kind: 'armed', pid: process.pid });
  } else if (message.kind === 'own-socket') {
    socket = net.connect(message.port, '127.0.0.1', () => process.send({ kind: 'armed', pid: process.pid }));
    socket.pause();
  } else if (message.kind === 'go') {
    socket.resume();
    hammer(socket, 'child', 'parent', message.rounds, message.perRound).then((result) => {
      process.send({ kind: 'result', result }, () => { socket.destroy(); process.disconnect(); });
    });
  }
});
process.send({ kind: 'listening' });
`;

interface ChildMessage {
  kind: 'listening' | 'armed' | 'result';
  pid?: number;
  result?: HammerResult;
}

/** Parent and child each pipeline ECHOs of their own values; `shared` hands the parent's socket to the child. */
async function runParentAndChild(port: number, mode: 'shared' | 'separate'): Promise<{ parent: HammerResult; child: HammerResult; childPid: number }> {
  const ROUNDS = 20;
  const PER_ROUND = 250;
  const hammer = vm.runInThisContext(HAMMER_SOURCE) as Hammer;
  const socket = net.connect(port, '127.0.0.1');
  await new Promise<void>((resolveConnect, reject) => {
    socket.once('connect', resolveConnect);
    socket.once('error', reject);
  });
  const child = spawn(process.execPath, ['-e', CHILD_SOURCE], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const messages: ChildMessage[] = [];
  const waiters: Array<() => void> = [];
  child.on('message', (message: ChildMessage) => {
    messages.push(message);
    for (const wake of waiters.splice(0)) wake();
  });
  const next = async (kind: ChildMessage['kind']): Promise<ChildMessage> => {
    for (;;) {
      const found = messages.find((message) => message.kind === kind);
      if (found !== undefined) return found;
      await new Promise<void>((wake) => waiters.push(wake));
    }
  };
  try {
    await next('listening');
    // keepOpen: the parent goes on using its socket, as a PHP master or a Node parent would.
    if (mode === 'shared') child.send({ kind: 'socket' }, socket, { keepOpen: true });
    else child.send({ kind: 'own-socket', port });
    const armed = await next('armed');
    child.send({ kind: 'go', rounds: ROUNDS, perRound: PER_ROUND });
    const parent = await hammer(socket, 'parent', 'child', ROUNDS, PER_ROUND);
    const { result } = await next('result');
    return { parent, child: result!, childPid: armed.pid! };
  } finally {
    socket.destroy();
    if (child.exitCode === null) child.kill();
  }
}

describe('the seed bug: two processes, one socket', () => {
  it('a parent and its child writing to one inherited socket read each other\'s replies', async () => {
    const server = await startRedis();
    const total = 20 * 250;

    // The counting works: each process on its own socket reads exactly its own replies.
    const separate = await runParentAndChild(server.port, 'separate');
    expect(separate.childPid).not.toBe(process.pid);
    expect(separate.parent).toMatchObject({ own: total, foreign: 0 });
    expect(separate.child).toMatchObject({ own: total, foreign: 0 });

    // One socket, two processes: replies go to whichever process reads first.
    const shared = await runParentAndChild(server.port, 'shared');
    expect(shared.childPid).not.toBe(process.pid);
    const foreign = shared.parent.foreign + shared.child.foreign;
    expect(foreign, `parent ${JSON.stringify(shared.parent)}, child ${JSON.stringify(shared.child)}`).toBeGreaterThan(0);
    // A reply read by the wrong process is lost to the one that asked for it.
    expect(shared.parent.own + shared.child.own).toBeLessThan(2 * total);
  });
});

// ─── the library: an injected PID change ─────────────────────────────────────────────────

describe('a socket whose owner PID is not the current PID', () => {
  it("is never written to: dropped with destroy(), a new connection is dialled and authenticated (forkSafety 'reconnect')", async () => {
    const server = await startRedis({ preset: 'password' });
    const { proxy, accepted } = await proxyTo(server);
    let pid = 70_001;
    const client = track(new Redis({ host: '127.0.0.1', port: proxy.port, password: server.password, pidSource: () => pid }));
    await client.set('fs:k', 'v1');
    const firstId = await client.client('ID');
    expect(accepted).toHaveLength(1);
    const inherited = accepted[0]!;
    const bytesBefore = inherited.bytesClientToServer;
    const commandsBefore = inherited.commands;
    const serverSideBefore = await server.command('CLIENT', 'LIST', 'ID', String(firstId));
    expect(String(serverSideBefore)).toContain(`id=${firstId} `);

    pid = 70_002;
    const [value, secondId] = await Promise.all([client.get('fs:k'), client.client('ID')]);
    expect(value).toBe('v1');
    expect(secondId).not.toBe(firstId);
    expect(accepted).toHaveLength(2);
    // Not one byte on the inherited socket: no GET, no QUIT, no FIN-triggering end().
    expect(inherited.bytesClientToServer).toBe(bytesBefore);
    expect(inherited.commands).toBe(commandsBefore);
    // The new socket did AUTH (the server requires it) before the commands that succeeded.
    await waitFor(() => inherited.isClosed, 'the inherited socket to be closed');
    expect(String(await server.command('CLIENT', 'LIST', 'ID', String(firstId))).trim()).toBe('');
    const serverSide = String(await server.command('CLIENT', 'LIST', 'ID', String(secondId)));
    expect(serverSide).toContain('user=default');
    expect(await client.get('fs:k')).toBe('v1');
  });

  it('fails the written commands of the old owner as may-have-executed and re-sends only read-only ones', async () => {
    const server = await startRedis({ preset: 'password' });
    let pid = 71_001;
    const client = track(new Redis({ host: '127.0.0.1', port: server.port, password: server.password, pidSource: () => pid }));
    await client.mset('fs:n', '0', 'fs:k', 'v1');
    server.pause();
    let incr: Promise<unknown>;
    let getInFlight: Promise<unknown>;
    let after: Promise<unknown>;
    try {
      incr = client.incr('fs:n');
      incr.catch(() => undefined);
      getInFlight = client.get('fs:k');
      await waitFor(() => client.stats().inFlight === 2, 'INCR and GET to be written');
      pid = 71_002;
      after = client.get('fs:k');
    } finally {
      server.resume();
    }
    const error = await incr.then(() => null, (reason: unknown) => reason);
    expect(error).toBeInstanceOf(ConnectionError);
    const context = (error as ConnectionError).context;
    expect(context).toMatchObject({ ownerPid: 71_001, pid: 71_002, written: true, mayHaveExecuted: true, command: { name: 'incr' } });
    expect(await getInFlight).toBe('v1');
    expect(await after).toBe('v1');
    // The INCR reached the server before the socket was dropped: it ran once, and the error said it may have.
    expect(await server.command('GET', 'fs:n')).toBe('1');
  });

  it("policy 'error' rejects with InheritedConnectionError naming both PIDs and the endpoint, writing nothing", async () => {
    const server = await startRedis({ preset: 'password' });
    const { proxy, accepted } = await proxyTo(server);
    let pid = 72_001;
    const client = track(new Redis({ host: '127.0.0.1', port: proxy.port, password: server.password, pidSource: () => pid, forkSafety: 'error' }));
    await client.set('fs:k', 'v1');
    const inherited = accepted[0]!;
    const bytesBefore = inherited.bytesClientToServer;

    pid = 72_002;
    const error = await client.get('fs:k').then(() => null, (reason: unknown) => reason);
    expect(error).toBeInstanceOf(InheritedConnectionError);
    const inheritedError = error as InheritedConnectionError;
    expect(inheritedError.code).toBe('ERR_INHERITED_CONNECTION');
    expect(inheritedError.message).toContain('pid 72001');
    expect(inheritedError.message).toContain('pid 72002');
    expect(inheritedError.message).toContain(`127.0.0.1:${proxy.port}`);
    expect(inheritedError.context).toMatchObject({ ownerPid: 72_001, pid: 72_002, endpoint: `127.0.0.1:${proxy.port}`, written: false, mayHaveExecuted: false });
    // And it stays refused: no new dial, no byte on the old socket.
    await expect(client.set('fs:k', 'v2')).rejects.toBeInstanceOf(InheritedConnectionError);
    expect(accepted).toHaveLength(1);
    expect(inherited.bytesClientToServer).toBe(bytesBefore);
    expect(await server.command('GET', 'fs:k')).toBe('v1');
  });

  it('drops an inherited idle lease unused (counted in stats) and leases a fresh one', async () => {
    const server = await startRedis({ preset: 'password' });
    const { proxy, accepted } = await proxyTo(server);
    let pid = 73_001;
    const client = track(new Redis({ host: '127.0.0.1', port: proxy.port, password: server.password, pidSource: () => pid }));
    await client.ping();
    await client.rpush('fs:list', 'a');
    expect(await client.blpop('fs:list', 1)).toEqual(['fs:list', 'a']);
    expect(accepted).toHaveLength(2);
    const lease = accepted[1]!;
    const leaseBytes = lease.bytesClientToServer;
    expect(client.stats().pool).toMatchObject({ idle: 1, leased: 0, inheritedDropped: 0 });

    pid = 73_002;
    await client.rpush('fs:list', 'b');
    expect(await client.blpop('fs:list', 1)).toEqual(['fs:list', 'b']);
    expect(client.stats().pool).toMatchObject({ idle: 1, inheritedDropped: 1 });
    // shared (re-dialled for RPUSH) and a new lease: four accepts, nothing more on the old lease.
    expect(accepted).toHaveLength(4);
    expect(lease.bytesClientToServer).toBe(leaseBytes);
  });

  it('re-dials the subscriber connection and resubscribes its channels', async () => {
    const server = await startRedis({ preset: 'password' });
    const { proxy, accepted } = await proxyTo(server);
    let pid = 74_001;
    const client = track(new Redis({ host: '127.0.0.1', port: proxy.port, password: server.password, pidSource: () => pid }));
    const received: string[] = [];
    client.on('message', (channel: string, message: string) => received.push(`${channel}=${message}`));
    await client.subscribe('fs:a');
    const subscriberSockets = accepted.filter((connection) => connection.commands > 0);
    expect(subscriberSockets.length).toBeGreaterThan(0);
    const before = accepted.map((connection) => connection.bytesClientToServer);

    pid = 74_002;
    await client.subscribe('fs:b');
    // Every socket of the old owner kept its byte count: the SUBSCRIBE went out on a new one.
    accepted.slice(0, before.length).forEach((connection, i) => expect(connection.bytesClientToServer).toBe(before[i]));
    expect(await server.command('PUBLISH', 'fs:a', '1')).toBe(1);
    expect(await server.command('PUBLISH', 'fs:b', '2')).toBe(1);
    await waitFor(() => received.length === 2, 'both messages');
    expect(received).toEqual(['fs:a=1', 'fs:b=2']);
  });
});

// ─── a real Node startup snapshot ────────────────────────────────────────────────────────

const ESBUILD = resolve(__dirname, '../../node_modules/.bin/esbuild');
const SNAPSHOT_APP = resolve(__dirname, '../fixtures/snapshot/app.ts');

interface SnapshotReport {
  phase: 'build' | 'run';
  pid: number;
  errors: string[];
  clientId?: number;
  failure?: string;
  code?: string;
  builtBy?: string;
  runs?: number;
  statusAtRestore?: string;
  popped?: unknown;
  pool?: { idle: number; leased: number; inheritedDropped: number; dials: number };
}

function reportsOf(stdout: string): SnapshotReport[] {
  return stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as SnapshotReport);
}

async function buildSnapshot(server: RedisServer, forkSafety: 'reconnect' | 'error'): Promise<{ blob: string; build: SnapshotReport }> {
  const dir = mkdtempSync(join(tmpdir(), 'fsr-snapshot-'));
  tempDirs.push(dir);
  const bundle = join(dir, 'bundle.js');
  const blob = join(dir, 'app.blob');
  await execFileAsync(ESBUILD, [SNAPSHOT_APP, '--bundle', '--platform=node', '--format=cjs', `--outfile=${bundle}`, '--log-level=warning']);
  // The builder writes the blob once the event loop is empty: with a socket holding it, it never would.
  const { stdout } = await execFileAsync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', bundle], {
    env: { ...process.env, REDIS_PORT: String(server.port), REDIS_PASSWORD: server.password, FORK_SAFETY: forkSafety },
    timeout: 20_000,
  });
  const build = reportsOf(stdout).find((report) => report.phase === 'build');
  expect(build, stdout).toBeDefined();
  return { blob, build: build! };
}

async function runSnapshot(blob: string): Promise<SnapshotReport> {
  // No password in this environment: it can only come from the client restored from the heap.
  const env = { ...process.env, REDIS_PASSWORD: '', REDIS_PORT: '' };
  const { stdout } = await execFileAsync(process.execPath, ['--snapshot-blob', blob], { env, timeout: 20_000 });
  const run = reportsOf(stdout).find((report) => report.phase === 'run');
  expect(run, stdout).toBeDefined();
  return run!;
}

describe('Node startup snapshot (node --build-snapshot)', () => {
  it.each(['reconnect', 'error'] as const)('a client built into the snapshot works at once in the restored process, re-authenticated (forkSafety %s)', async (forkSafety) => {
    const server = await startRedis({ preset: 'password' });
    const { blob, build } = await buildSnapshot(server, forkSafety);
    expect(build.failure).toBeUndefined();
    expect(build.errors).toEqual([]);
    expect(typeof build.clientId).toBe('number');
    // The build also used a lease (BLPOP): it went idle and did not keep the builder waiting.
    expect(build.popped).toBeNull();
    expect(build.pool).toMatchObject({ idle: 1, dials: 1 });
    // The build's socket was dropped when the heap was written: the server no longer has it.
    await waitFor(async () => !String(await server.command('CLIENT', 'LIST')).includes('name=snapshot-app'), 'the build connection to go away');

    const first = await runSnapshot(blob);
    expect(first.failure).toBeUndefined();
    expect(first.errors).toEqual([]);
    expect(first.pid).not.toBe(build.pid);
    expect(first.statusAtRestore).toBe('close');
    expect(first.clientId).not.toBe(build.clientId);
    expect(first.builtBy).toBe(String(build.pid));
    expect(first.runs).toBe(1);
    // The lease from the build was dropped unused (its owner was the builder) and a new one dialled.
    expect(first.popped).toBeNull();
    expect(first.pool).toMatchObject({ inheritedDropped: 1, idle: 1, leased: 0 });

    // The same blob again: another process, another socket, same heap.
    const second = await runSnapshot(blob);
    expect(second.failure).toBeUndefined();
    expect(second.clientId).not.toBe(first.clientId);
    expect(second.runs).toBe(2);
    // Nothing was ever sent QUIT: sockets were destroyed, never ended with a command.
    const commandStats = await server.info('commandstats');
    expect(commandStats.cmdstat_quit).toBeUndefined();
  });
});

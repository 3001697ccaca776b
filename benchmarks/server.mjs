// The Redis the benchmark talks to: a redis-server started on a free port (never 6379), or
// the server given with --url. Also a minimal raw RESP connection for seeding data and reading
// INFO, so that the harness itself never goes through one of the clients it measures.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { RespReader } from './rawResp.mjs';

const LOCALHOST = '127.0.0.1';

function encode(args) {
  let out = `*${args.length}\r\n`;
  for (const arg of args) {
    const s = String(arg);
    out += `$${Buffer.byteLength(s)}\r\n${s}\r\n`;
  }
  return out;
}

let readBuffer = null;
/** One buffer for every raw socket: each read is consumed before the next can start. */
function sharedReadBuffer() {
  readBuffer ??= Buffer.allocUnsafe(256 * 1024);
  return readBuffer;
}

/**
 * Options for tls.connect from an endpoint's `tls` ({ servername, ca, caFile, insecure }), the same
 * for the harness's raw connection and every client, so they all trust (or skip checking) alike.
 * `ca` is the PEM text, read once when the endpoint is made (a connect cycle must not read a file);
 * `caFile` is for redis-benchmark.
 */
export function tlsConnectOptions(endpoint) {
  const { servername, ca, insecure } = endpoint.tls;
  return { servername, ca: ca ?? undefined, rejectUnauthorized: !insecure };
}

/**
 * One connection (TLS when the endpoint says so) that sends commands and resolves their replies
 * in order. Replies that are Redis errors reject the matching call.
 */
export function openRaw(endpoint, { timeoutMs = 5000 } = {}) {
  const { host, port, password, username, db = 0 } = endpoint;
  return new Promise((resolve, reject) => {
    const waiting = [];
    const reader = new RespReader(
      (reply) => waiting.shift()?.resolve(reply),
      (message) => waiting.shift()?.reject(new Error(message)),
    );
    // Reads into one reused buffer (net's onread): the fastest way Node offers to read a socket.
    const connectOptions = {
      host,
      port,
      onread: {
        buffer: sharedReadBuffer(),
        callback: (length, buffer) => {
          try {
            reader.feed(buffer, length);
          } catch (err) {
            socket.destroy(err);
          }
        },
      },
    };
    const socket = endpoint.tls ? tls.connect({ ...connectOptions, ...tlsConnectOptions(endpoint) }) : net.connect(connectOptions);
    const failAll = (err) => {
      while (waiting.length > 0) waiting.shift().reject(err);
    };
    socket.setNoDelay(true);
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no reply from ${host}:${port} in ${timeoutMs} ms`)));
    socket.on('error', (err) => {
      failAll(err);
      reject(err);
    });
    socket.on('close', () => failAll(new Error(`connection to ${host}:${port} closed`)));
    const conn = {
      call(...args) {
        return new Promise((res, rej) => {
          waiting.push({ resolve: res, reject: rej });
          socket.write(encode(args));
        });
      },
      /** Sends many commands in one write and waits for all replies. */
      callMany(commands) {
        const replies = commands.map(
          () => new Promise((res, rej) => waiting.push({ resolve: res, reject: rej })),
        );
        socket.write(commands.map(encode).join(''));
        return Promise.all(replies);
      },
      close() {
        socket.destroy();
      },
    };
    socket.once(endpoint.tls ? 'secureConnect' : 'connect', async () => {
      try {
        if (password) await (username ? conn.call('AUTH', username, password) : conn.call('AUTH', password));
        if (db !== 0) await conn.call('SELECT', db);
        resolve(conn);
      } catch (err) {
        socket.destroy();
        reject(err);
      }
    });
  });
}

/** Runs one command on a fresh connection and closes it. */
export async function rawCommand(endpoint, ...args) {
  const conn = await openRaw(endpoint);
  try {
    return await conn.call(...args);
  } finally {
    conn.close();
  }
}

/** INFO output as a flat { field: value } map (all sections). */
export async function readInfo(endpoint, section = 'everything') {
  const text = String(await rawCommand(endpoint, 'INFO', section));
  const fields = {};
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0 && !line.startsWith('#')) fields[line.slice(0, colon)] = line.slice(colon + 1);
  }
  return fields;
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, LOCALHOST, () => probe.close(() => resolve(true)));
  });
}

async function pickPort() {
  for (let i = 0; i < 50; i++) {
    const port = 20000 + Math.floor(Math.random() * 30000);
    if (port !== 6379 && (await portIsFree(port))) return port;
  }
  throw new Error('no free port found for redis-server');
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Every server this process started; killed on exit even if the run is interrupted. */
const started = new Set();

/** Synchronous last-resort cleanup, safe to call from an 'exit' handler. */
export function killStartedServers() {
  for (const server of started) server.killNow();
}

/**
 * Starts redis-server on a free loopback port with persistence off, retrying on a port race.
 * Resolves once the server answers PING.
 */
export async function startServer({ password, bin = 'redis-server' } = {}) {
  let lastError;
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await pickPort();
    try {
      return await startOnPort(port, password, bin);
    } catch (err) {
      lastError = err;
      if (!/in use|bind/i.test(String(err.message))) break;
    }
  }
  throw lastError;
}

async function startOnPort(port, password, bin) {
  const dir = mkdtempSync(join(tmpdir(), 'forksafe-bench-'));
  const args = [
    '--port', String(port), '--bind', LOCALHOST, '--save', '', '--appendonly', 'no',
    '--dir', dir, '--logfile', '', '--daemonize', 'no', '--protected-mode', 'yes',
  ];
  if (password) args.push('--requirepass', password);
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keepLog = (chunk) => {
    log = (log + chunk).slice(-4000);
  };
  child.stdout.on('data', keepLog);
  child.stderr.on('data', keepLog);
  let exited = false;
  const exitPromise = new Promise((resolve) => child.once('exit', () => {
    exited = true;
    resolve();
  }));
  const spawnError = new Promise((_, reject) => child.once('error', reject));

  const server = {
    host: LOCALHOST,
    port,
    password,
    pid: child.pid,
    isOwn: true,
    get endpoint() {
      return { host: LOCALHOST, port, password };
    },
    pause() {
      if (!exited) process.kill(child.pid, 'SIGSTOP');
    },
    resume() {
      if (!exited) process.kill(child.pid, 'SIGCONT');
    },
    killNow() {
      if (exited) return;
      try {
        process.kill(child.pid, 'SIGCONT');
        process.kill(child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      rmSync(dir, { recursive: true, force: true });
      started.delete(server);
    },
    async stop() {
      started.delete(server);
      if (!exited) {
        try {
          process.kill(child.pid, 'SIGCONT');
          child.kill('SIGTERM');
        } catch {
          // already gone
        }
        const done = await Promise.race([exitPromise.then(() => true), sleep(3000).then(() => false)]);
        if (!done) {
          child.kill('SIGKILL');
          await exitPromise;
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  started.add(server);

  const deadline = Date.now() + 5000;
  for (;;) {
    if (exited) {
      started.delete(server);
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`redis-server on port ${port} exited: ${log.trim().split('\n').slice(-3).join(' | ')}`);
    }
    try {
      const pong = await Promise.race([rawCommand(server.endpoint, 'PING'), spawnError]);
      if (pong === 'PONG') return server;
    } catch (err) {
      if (err.code === 'ENOENT' && err.syscall?.startsWith('spawn')) {
        started.delete(server);
        throw new Error(`${bin} not found: install redis-server or pass --url`);
      }
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`redis-server on port ${port} did not answer PING within 5 s`);
    }
    await sleep(20);
  }
}

/** A server given by URL (redis://[[user]:password@]host[:port][/db]). Never paused or stopped. */
/**
 * A server given as redis://[[user]:pass@]host[:port][/db] or rediss://… (TLS). `caFile` names the
 * CA to verify against (PEM); `insecure` skips checking the certificate. Both only with rediss.
 */
export function serverFromUrl(url, { caFile, insecure = false } = {}) {
  let u;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`--url: not a URL: ${url.replace(/\/\/[^@/]*@/, '//…@')}`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') {
    throw new Error(`--url: only redis:// and rediss:// are supported, got ${u.protocol}`);
  }
  const isTls = u.protocol === 'rediss:';
  if (!isTls && (caFile || insecure)) throw new Error('--tls-ca and --insecure need a rediss:// URL');
  const dbText = u.pathname.replace(/^\//, '');
  const db = dbText === '' ? 0 : Number(dbText);
  if (!Number.isInteger(db) || db < 0 || !/^\d+$/.test(dbText || '0')) {
    throw new Error(`--url: the path must be a database number, got /${dbText}`);
  }
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1') || LOCALHOST;
  const port = Number(u.port || 6379);
  const password = u.password ? decodeURIComponent(u.password) : undefined;
  const username = u.username ? decodeURIComponent(u.username) : undefined;
  // Read here, once, so a missing file fails now with its name rather than in every child.
  const ca = caFile ? readFileSync(caFile, 'utf8') : null;
  const tlsSettings = isTls ? { servername: net.isIP(host) === 0 ? host : undefined, ca, caFile: caFile ?? null, insecure } : null;
  return {
    host,
    port,
    password,
    username,
    db,
    tls: tlsSettings,
    isOwn: false,
    get endpoint() {
      return { host, port, password, username, db, tls: tlsSettings };
    },
    async stop() {},
    killNow() {},
  };
}

import { createRequire } from 'node:module';
import * as net from 'node:net';
import type * as tls from 'node:tls';

let tlsModule: typeof tls | null = null;

/**
 * node:tls is loaded on the first TLS dial, not at import: on Node 20 a process that has merely
 * loaded it cannot be written as a startup snapshot (`node --build-snapshot` aborts with
 * "Unknown external reference"), see docs/fork-safety.md.
 */
function loadTls(): typeof tls {
  tlsModule ??= process.getBuiltinModule?.('node:tls') ?? (createRequire(`${process.cwd()}/`)('node:tls') as typeof tls);
  return tlsModule;
}

/** Where to connect: TCP host and port, or a unix socket path. */
export type Endpoint = { host: string; port: number; family?: number } | { path: string };

/**
 * Decides *where* to connect, once per dial (Sentinel asks the sentinels; a plain client answers
 * with its fixed address). The Connection decides *how*.
 */
export type EndpointResolver = () => Endpoint | Promise<Endpoint>;

/** Called synchronously for every read with the bytes in `buffer[0, length)`; see sharedReadBuffer. */
export type ReadHandler = (length: number, buffer: Buffer) => void;

/** Size of the one buffer every socket of the process reads into. */
const READ_BUFFER_BYTES = 256 * 1024;

let readBuffer: Buffer | null = null;

/**
 * Every socket reads into this one buffer (net's `onread`), and the bytes are consumed before the
 * read callback returns: libuv reads one socket at a time, so no two sockets can be inside a read
 * at once, and the reply reader copies out whatever must outlive the callback. Compared with a
 * 'data' listener this skips the readable-stream machinery and, above all, the fresh 64 KiB
 * allocation per read (half the CPU of a 100 KB GET). Allocated on the first dial: a process that
 * never connects, or is written as a startup snapshot first, does not carry it.
 */
function sharedReadBuffer(): Buffer {
  readBuffer ??= Buffer.allocUnsafe(READ_BUFFER_BYTES);
  return readBuffer;
}

export interface SocketOptions {
  tls: tls.ConnectionOptions | null;
  /** Milliseconds of idle before TCP keep-alive probes; false disables. */
  keepAlive: number | false;
  noDelay: boolean;
  onRead: ReadHandler;
}

export function describeEndpoint(endpoint: Endpoint): string {
  return 'path' in endpoint ? endpoint.path : `${endpoint.host}:${endpoint.port}`;
}

export interface OpenedSocket {
  socket: net.Socket;
  /** The event that means "ready for bytes": 'secureConnect' for TLS. */
  readyEvent: 'connect' | 'secureConnect';
}

export function openSocket(endpoint: Endpoint, options: SocketOptions): OpenedSocket {
  const keepAlive = options.keepAlive !== false;
  const keepAliveInitialDelay = options.keepAlive === false ? 0 : options.keepAlive;
  const onRead = options.onRead;
  // Returning false would pause the socket; the handler has consumed everything, so never.
  const onread: net.OnReadOpts = { buffer: sharedReadBuffer(), callback: (length, buffer) => (onRead(length, buffer as Buffer), true) };
  if (options.tls !== null) {
    // tls.connect passes onread to its TLSSocket (Node >= 14); @types/node does not list it.
    const tlsOptions: tls.ConnectionOptions & { onread: net.OnReadOpts } = 'path' in endpoint
      ? { ...options.tls, path: endpoint.path, onread }
      : { servername: net.isIP(endpoint.host) === 0 ? endpoint.host : undefined, ...options.tls, host: endpoint.host, port: endpoint.port, onread };
    const socket = loadTls().connect(tlsOptions);
    if (keepAlive) socket.setKeepAlive(true, keepAliveInitialDelay);
    if (options.noDelay) socket.setNoDelay(true);
    return { socket, readyEvent: 'secureConnect' };
  }
  const socket = 'path' in endpoint
    ? net.createConnection({ path: endpoint.path, onread })
    : net.createConnection({ host: endpoint.host, port: endpoint.port, family: endpoint.family ?? 0, keepAlive, keepAliveInitialDelay, noDelay: options.noDelay, onread });
  return { socket, readyEvent: 'connect' };
}

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

export interface SocketOptions {
  tls: tls.ConnectionOptions | null;
  /** Milliseconds of idle before TCP keep-alive probes; false disables. */
  keepAlive: number | false;
  noDelay: boolean;
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
  if (options.tls !== null) {
    const tlsOptions: tls.ConnectionOptions = 'path' in endpoint
      ? { ...options.tls, path: endpoint.path }
      : { servername: net.isIP(endpoint.host) === 0 ? endpoint.host : undefined, ...options.tls, host: endpoint.host, port: endpoint.port };
    const socket = loadTls().connect(tlsOptions);
    if (keepAlive) socket.setKeepAlive(true, keepAliveInitialDelay);
    if (options.noDelay) socket.setNoDelay(true);
    return { socket, readyEvent: 'secureConnect' };
  }
  const socket = 'path' in endpoint
    ? net.createConnection({ path: endpoint.path })
    : net.createConnection({ host: endpoint.host, port: endpoint.port, family: endpoint.family ?? 0, keepAlive, keepAliveInitialDelay, noDelay: options.noDelay });
  return { socket, readyEvent: 'connect' };
}

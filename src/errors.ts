/**
 * Every error class the library throws. Connection-level errors carry `context`, a plain
 * snapshot (never the socket, never raw arguments) that says where, what, how long, and
 * whether the command may have run. Where libraries match on ioredis's exact texts
 * ("Connection is closed.", "Command timed out"), `message` keeps the text and the context
 * goes into `err.context` and the first line of `err.stack`.
 */

/** The part of a system error worth keeping: no live objects. */
export interface ErrorCause {
  code?: string;
  errno?: number;
  syscall?: string;
  message?: string;
}

/** A command as errors show it: the name and its arguments, secrets redacted, long values cut. */
export interface CommandSummary {
  name: string;
  args: string[];
}

export interface ErrorContext {
  /** "host:port" or the unix socket path. */
  endpoint: string;
  /** This library's id for the connection (per process, counting from 1). */
  connectionId: number;
  /** The server's `CLIENT ID` for the socket, once the handshake learned it. */
  serverClientId: number | null;
  /** The process that opened the socket. */
  ownerPid: number;
  /** The process that saw the error. */
  pid: number;
  /** The connection's state when the error was made. */
  state: string;
  command: CommandSummary | null;
  /** Whether any byte of the command was handed to the socket. */
  written: boolean;
  /** True when the server may have run the command (it was written and no reply came). */
  mayHaveExecuted: boolean;
  /** Milliseconds since the command was issued (or since the dial began, for dial errors). */
  elapsedMs: number | null;
  /** Bytes of a reply received before the failure. */
  partialReplyBytes: number;
  /** Commands written and awaiting a reply on this connection. */
  inFlight: number;
  /** Commands waiting to be written (offline queue). */
  offlineQueued: number;
  /** Reconnect attempt number (0 for the first connection). */
  attempt: number;
  cause: ErrorCause | null;
}

export function causeOf(error: unknown): ErrorCause | null {
  if (!(error instanceof Error)) return null;
  const system = error as Error & { code?: unknown; errno?: unknown; syscall?: unknown };
  const cause: ErrorCause = { message: error.message };
  if (typeof system.code === 'string') cause.code = system.code;
  if (typeof system.errno === 'number') cause.errno = system.errno;
  if (typeof system.syscall === 'string') cause.syscall = system.syscall;
  return cause;
}

/** "127.0.0.1:6379 (conn 3, pid 4242): GET written 1502 ms ago, no reply; 4 in flight; may have executed: yes" */
export function describeContext(context: ErrorContext): string {
  let text = `${context.endpoint} (conn ${context.connectionId}`;
  if (context.serverClientId !== null) text += `, client id ${context.serverClientId}`;
  text += `, pid ${context.pid}`;
  if (context.ownerPid !== context.pid) text += `, owner pid ${context.ownerPid}`;
  if (context.attempt > 0) text += `, reconnect attempt ${context.attempt}`;
  text += ')';
  if (context.command !== null) {
    const name = context.command.name.toUpperCase();
    const elapsed = context.elapsedMs === null ? '' : ` ${Math.round(context.elapsedMs)} ms ago`;
    if (context.written) {
      text += `: ${name} written${elapsed}, no reply`;
      if (context.partialReplyBytes > 0) text += ` (${context.partialReplyBytes} bytes of it received)`;
    } else {
      text += `: ${name} issued${elapsed}, not written`;
    }
  }
  text += `; ${context.inFlight} in flight`;
  if (context.offlineQueued > 0) text += `, ${context.offlineQueued} queued`;
  if (context.command !== null) text += `; may have executed: ${context.mayHaveExecuted ? 'yes' : 'no'}`;
  return text;
}

function defineName(errorClass: { prototype: Error }, name: string): void {
  // On the prototype, so the stack header V8 captures inside super() already has it.
  Object.defineProperty(errorClass.prototype, 'name', { value: name, writable: true, configurable: true });
}

/** Base of every error this library creates (server replies included). */
export class RedisError extends Error {
  /** A stable identifier for the kind of failure, or the system error code where one applies. */
  code: string = 'ERR_REDIS';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
defineName(RedisError, 'RedisError');

/** An error reply from the server (`-ERR …`, `-WRONGTYPE …`). The message is the server's, unchanged. */
export class ReplyError extends RedisError {
  /** The command that got the error; secret-bearing arguments are redacted. */
  command?: { name: string; args: Array<string | number | Buffer> };
  /** Set when the reply came during the connection handshake (AUTH, SELECT, …). */
  context?: ErrorContext;
  constructor(message: string) {
    super(message);
    const space = message.indexOf(' ');
    this.code = space > 0 ? message.slice(0, space) : message;
  }
}
defineName(ReplyError, 'ReplyError');

/** Base for failures of the connection rather than of the command; always has `context`. */
export class ConnectionError extends RedisError {
  readonly context: ErrorContext;
  constructor(message: string, context: ErrorContext, options?: { cause?: unknown; compatibleMessage?: boolean }) {
    super(message, options);
    this.context = context;
    if (options?.compatibleMessage === true && typeof this.stack === 'string') {
      // The message is a text users match on; the facts go on the stack's first line.
      const newline = this.stack.indexOf('\n');
      const header = `${this.name}: ${message} [${describeContext(context)}]`;
      this.stack = newline === -1 ? header : header + this.stack.slice(newline);
    }
  }
}
defineName(ConnectionError, 'ConnectionError');

/**
 * "connect ECONNREFUSED"; without a syscall (TLS: certificate, host name, alerts) the code alone
 * says too little, so the reason follows: "connect DEPTH_ZERO_SELF_SIGNED_CERT (self-signed certificate)".
 */
function describeSystemError(system: ErrorCause | null, operation: 'connect' | 'socket'): string {
  if (system?.code === undefined) return `${operation === 'connect' ? 'connect failed' : 'socket error'} (${system?.message ?? 'unknown'})`;
  if (system.syscall !== undefined || system.message === undefined) return `${system.syscall ?? operation} ${system.code}`;
  // OpenSSL texts look like "8060…:error:0A00045C:SSL routines:ssl3_read_bytes:tlsv13 alert certificate required:…".
  const openssl = /:SSL routines:[^:]*:([^:]+):/.exec(system.message);
  const reason = openssl !== null ? openssl[1]! : system.message.split('\n')[0]!.slice(0, 160);
  return `${operation} ${system.code} (${reason})`;
}

function copySystemFields(target: RedisError & Record<string, unknown>, cause: ErrorCause | null): void {
  if (cause === null) return;
  if (cause.code !== undefined) target.code = cause.code;
  if (cause.errno !== undefined) target.errno = cause.errno;
  if (cause.syscall !== undefined) target.syscall = cause.syscall;
}

/**
 * The socket could not be opened (refused, DNS, unreachable). `code`, `errno` and `syscall`
 * are the system error's, as ioredis users expect (`err.code === 'ECONNREFUSED'`).
 */
export class ConnectError extends ConnectionError {
  errno?: number;
  syscall?: string;
  constructor(context: ErrorContext, cause?: unknown) {
    const system = context.cause;
    super(`${describeSystemError(system, 'connect')} to ${describeContext(context)}`, context, { cause });
    copySystemFields(this as unknown as RedisError & Record<string, unknown>, system);
  }
}
defineName(ConnectError, 'ConnectError');

/** The socket did not connect within `connectTimeout`. Message kept as ioredis has it. */
export class ConnectTimeoutError extends ConnectionError {
  errorno = 'ETIMEDOUT';
  syscall = 'connect';
  constructor(context: ErrorContext, timeoutMs: number) {
    super('connect ETIMEDOUT', { ...context, cause: { code: 'ETIMEDOUT', syscall: 'connect', message: `no connection within ${timeoutMs} ms` } }, { compatibleMessage: true });
    this.code = 'ETIMEDOUT';
  }
}
defineName(ConnectTimeoutError, 'ConnectTimeoutError');

/** A read or write on an open socket failed (the `error` event of a live connection). */
export class SocketError extends ConnectionError {
  errno?: number;
  syscall?: string;
  constructor(context: ErrorContext, cause?: unknown) {
    const system = context.cause;
    super(`${describeSystemError(system, 'socket')} from ${describeContext(context)}`, context, { cause });
    copySystemFields(this as unknown as RedisError & Record<string, unknown>, system);
  }
}
defineName(SocketError, 'SocketError');

/**
 * A written command got no reply before its connection died. `context.mayHaveExecuted` is
 * true: the command was not re-sent (at most once), and the caller must decide.
 */
export class ConnectionLostError extends ConnectionError {
  constructor(context: ErrorContext, reason: string, cause?: unknown) {
    super(`${reason} from ${describeContext(context)}`, context, { cause });
    this.code = 'ERR_CONNECTION_LOST';
  }
}
defineName(ConnectionLostError, 'ConnectionLostError');

/** The client was closed (quit, disconnect, or retries given up). Message kept as ioredis has it. */
export class ConnectionClosedError extends ConnectionError {
  constructor(context: ErrorContext, cause?: unknown) {
    super('Connection is closed.', context, { cause, compatibleMessage: true });
    this.code = 'ERR_CONNECTION_CLOSED';
  }
}
defineName(ConnectionClosedError, 'ConnectionClosedError');

/**
 * `commandTimeout` passed with no reply. The command keeps its slot on the connection so the
 * late reply is discarded, never handed to another command. Message kept as ioredis has it.
 */
export class CommandTimeoutError extends ConnectionError {
  constructor(context: ErrorContext) {
    super('Command timed out', context, { compatibleMessage: true });
    this.code = 'ERR_COMMAND_TIMEOUT';
  }
}
defineName(CommandTimeoutError, 'CommandTimeoutError');

/** `socketTimeout` passed with replies outstanding and no byte received. Message kept as ioredis has it. */
export class SocketTimeoutError extends ConnectionError {
  constructor(context: ErrorContext, timeoutMs: number) {
    super(`Socket timeout. Expecting data, but didn't receive any in ${timeoutMs}ms.`, context, { compatibleMessage: true });
    this.code = 'ERR_SOCKET_TIMEOUT';
  }
}
defineName(SocketTimeoutError, 'SocketTimeoutError');

/** A queued command outlived `maxRetriesPerRequest` reconnect attempts. Message kept as ioredis has it. */
export class MaxRetriesPerRequestError extends ConnectionError {
  constructor(context: ErrorContext, maxRetriesPerRequest: number) {
    super(
      `Reached the max retries per request limit (which is ${maxRetriesPerRequest}). Refer to "maxRetriesPerRequest" option for details.`,
      context,
      { compatibleMessage: true },
    );
    this.code = 'ERR_MAX_RETRIES_PER_REQUEST';
  }
}
defineName(MaxRetriesPerRequestError, 'MaxRetriesPerRequestError');

/** `offlineQueueLimit` commands already wait to be written (not ready yet, or the socket waits for drain). */
export class OfflineQueueFullError extends ConnectionError {
  constructor(context: ErrorContext, limit: number) {
    super(`offline queue full (${limit} commands) at ${describeContext(context)}`, context);
    this.code = 'ERR_OFFLINE_QUEUE_FULL';
  }
}
defineName(OfflineQueueFullError, 'OfflineQueueFullError');

/** `enableOfflineQueue: false` and the connection is not ready. Message kept as ioredis has it. */
export class OfflineQueueDisabledError extends ConnectionError {
  constructor(context: ErrorContext) {
    super("Stream isn't writeable and enableOfflineQueue options is false", context, { compatibleMessage: true });
    this.code = 'ERR_OFFLINE_QUEUE_DISABLED';
  }
}
defineName(OfflineQueueDisabledError, 'OfflineQueueDisabledError');

/** A non-subscriber command on a connection in RESP2 subscriber mode. Message kept as ioredis has it. */
export class SubscriberModeError extends ConnectionError {
  constructor(context: ErrorContext) {
    super('Connection in subscriber mode, only subscriber commands may be used', context, { compatibleMessage: true });
    this.code = 'ERR_SUBSCRIBER_MODE';
  }
}
defineName(SubscriberModeError, 'SubscriberModeError');

/** The server sent bytes that are not RESP, or a reply beyond the configured limits. */
export class ProtocolError extends ConnectionError {
  constructor(context: ErrorContext, reason: string, cause?: unknown) {
    super(`protocol error from ${describeContext(context)}: ${reason}`, context, { cause });
    this.code = 'ERR_PROTOCOL';
  }
}
defineName(ProtocolError, 'ProtocolError');

/** A connection opened by another process was about to be used (policy `forkSafety: 'error'`). */
export class InheritedConnectionError extends ConnectionError {
  constructor(context: ErrorContext) {
    super(
      `connection to ${context.endpoint} was opened by pid ${context.ownerPid}, now used by pid ${context.pid}: ` +
        'not written to; create the client in this process or use forkSafety: "reconnect"',
      context,
    );
    this.code = 'ERR_INHERITED_CONNECTION';
  }
}
defineName(InheritedConnectionError, 'InheritedConnectionError');

/** A reply did not belong to its command (integrity mode). */
export class ReplyDesyncError extends ConnectionError {
  constructor(context: ErrorContext, reason: string) {
    super(`reply desync from ${describeContext(context)}: ${reason}`, context);
    this.code = 'ERR_REPLY_DESYNC';
  }
}
defineName(ReplyDesyncError, 'ReplyDesyncError');

/** The pool's state when a lease could not be had (also `client.stats()`). */
export interface PoolStateSnapshot {
  endpoint: string;
  total: number;
  idle: number;
  leased: number;
  waiting: number;
  dialing: number;
  breaker: 'closed' | 'open' | 'probing';
  lastDialError: string | null;
}

function describePool(pool: PoolStateSnapshot): string {
  return `total ${pool.total}, idle ${pool.idle}, leased ${pool.leased}, waiting ${pool.waiting}, dialing ${pool.dialing}, breaker ${pool.breaker}` +
    (pool.lastDialError === null ? '' : `; last dial error: ${pool.lastDialError}`);
}

/** No connection could be leased within `pool.acquireTimeout`. */
export class LeaseTimeoutError extends ConnectionError {
  readonly pool: PoolStateSnapshot;
  constructor(context: ErrorContext, pool: PoolStateSnapshot, lastDialError: Error | null) {
    super(`no connection to ${pool.endpoint} could be leased within ${Math.round(context.elapsedMs ?? 0)} ms (${describePool(pool)})`, context, { cause: lastDialError ?? undefined });
    this.code = 'ERR_LEASE_TIMEOUT';
    this.pool = pool;
  }
}
defineName(LeaseTimeoutError, 'LeaseTimeoutError');

/**
 * Dials to the endpoint failed repeatedly: callers fail fast with the last dial error while one
 * prober keeps trying. The breaker closes on the prober's first success.
 */
export class PoolBreakerOpenError extends ConnectionError {
  readonly pool: PoolStateSnapshot;
  constructor(context: ErrorContext, pool: PoolStateSnapshot, lastDialError: Error | null) {
    super(`${pool.endpoint}: failing fast after ${context.attempt} failed dials in a row (${describePool(pool)})`, context, { cause: lastDialError ?? undefined });
    this.code = 'ERR_POOL_BREAKER_OPEN';
    this.pool = pool;
  }
}
defineName(PoolBreakerOpenError, 'PoolBreakerOpenError');

// ─── Redis Cluster ──────────────────────────────────────────────────────────────────────────────

/** One step a cluster command took after its first send. */
export interface ClusterRedirection {
  /** FAILOVER: a connection error before the command could have run; the map is refreshed. */
  kind: 'MOVED' | 'ASK' | 'TRYAGAIN' | 'CLUSTERDOWN' | 'FAILOVER';
  /** The node that answered ("host:port"). */
  from: string;
  /** MOVED/ASK: where the reply pointed ("host:port", NAT-mapped). */
  to: string | null;
  slot: number | null;
}

/** Where a Cluster sent a command: `err.cluster` on every error a Cluster hands back for one. */
export interface ClusterRoute {
  /** The command's slot; null for a command without keys (sent to any node). */
  slot: number | null;
  /** The last node it was sent to ("host:port"), null if it was never sent. */
  node: string | null;
  /** That node's id from CLUSTER SLOTS, when known. */
  nodeId: string | null;
  redirections: ClusterRedirection[];
  /**
   * True when an attempt may have run on a node (its reply was lost). Only read-only commands
   * are retried after such an attempt; for any other command that error is the final one.
   */
  mayHaveExecuted: boolean;
}

// Every error may carry the route of the cluster command that got it.
export interface RedisError {
  cluster?: ClusterRoute;
}

/** "MOVED 3999 127.0.0.1:6381" / "ASK …" -> its parts; null for any other message. */
export function parseRedirectionReply(message: string): { kind: 'MOVED' | 'ASK'; slot: number; host: string; port: number } | null {
  const match = /^(MOVED|ASK) (\d+) (\S*):(\d+)\s*$/.exec(message);
  if (match === null) return null;
  const slot = Number(match[2]);
  const port = Number(match[4]);
  if (!Number.isInteger(slot) || slot < 0 || slot >= 16384 || !Number.isInteger(port) || port <= 0 || port > 65535) return null;
  return { kind: match[1] as 'MOVED' | 'ASK', slot, host: match[3]!, port };
}

/** `-MOVED slot host:port`: the slot has a new owner; the command did not run. */
export class MovedError extends ReplyError {
  readonly slot: number;
  /** Empty when the server does not know its peer's endpoint (then: the replying node's host). */
  readonly host: string;
  readonly port: number;
  constructor(message: string, parsed: { slot: number; host: string; port: number }) {
    super(message);
    this.slot = parsed.slot;
    this.host = parsed.host;
    this.port = parsed.port;
  }
}
defineName(MovedError, 'MovedError');

/** `-ASK slot host:port`: the slot is migrating; send ASKING then the command to the target. */
export class AskError extends ReplyError {
  readonly slot: number;
  readonly host: string;
  readonly port: number;
  constructor(message: string, parsed: { slot: number; host: string; port: number }) {
    super(message);
    this.slot = parsed.slot;
    this.host = parsed.host;
    this.port = parsed.port;
  }
}
defineName(AskError, 'AskError');

/** A server error reply as MovedError / AskError when it is one; otherwise the same error. */
export function toRedirectionError(error: Error): Error {
  if (error instanceof MovedError || error instanceof AskError || !(error instanceof ReplyError)) return error;
  const parsed = parseRedirectionReply(error.message);
  if (parsed === null) return error;
  const typed = parsed.kind === 'MOVED' ? new MovedError(error.message, parsed) : new AskError(error.message, parsed);
  if (error.command !== undefined) typed.command = error.command;
  return typed;
}

function describeRoute(route: ClusterRoute): string {
  let text = route.node === null ? 'never sent' : `last sent to ${route.node}`;
  if (route.nodeId !== null) text += ` (node ${route.nodeId.slice(0, 12)})`;
  text += route.slot === null ? ', no slot' : `, slot ${route.slot}`;
  if (route.redirections.length > 0) {
    text += `; ${route.redirections.length} redirections: ` +
      route.redirections.map((step) => (step.to === null ? `${step.kind} from ${step.from}` : `${step.kind} ${step.from} -> ${step.to}`)).join(', ');
  }
  return text;
}

/** Base of the errors a Cluster makes itself (not a node's reply or connection failure). */
export class ClusterError extends RedisError {
  constructor(message: string, route: ClusterRoute | undefined, options?: { cause?: unknown; compatibleMessage?: boolean }) {
    super(message, options);
    if (route !== undefined) this.cluster = route;
    if (options?.compatibleMessage === true && route !== undefined && typeof this.stack === 'string') {
      // The message is ioredis's text; the route goes on the stack's first line.
      const newline = this.stack.indexOf('\n');
      const header = `${this.name}: ${message} [${describeRoute(route)}]`;
      this.stack = newline === -1 ? header : header + this.stack.slice(newline);
    }
  }
}
defineName(ClusterError, 'ClusterError');

/** A command was redirected or retried `maxRedirections` times. Message kept as ioredis has it. */
export class ClusterRedirectionError extends ClusterError {
  /** The error of the last attempt. */
  readonly lastError: Error;
  constructor(lastError: Error, route: ClusterRoute) {
    // ioredis's text; MOVED/ASK replies are named ReplyError in it, as ioredis names them.
    const last = lastError instanceof ReplyError ? `ReplyError: ${lastError.message}` : String(lastError);
    super(`Too many Cluster redirections. Last error: ${last}`, route, { cause: lastError, compatibleMessage: true });
    this.code = 'ERR_CLUSTER_MAX_REDIRECTIONS';
    this.lastError = lastError;
  }
}
defineName(ClusterRedirectionError, 'ClusterRedirectionError');

/** No node answered CLUSTER SLOTS. Message kept as ioredis has it ("Failed to refresh slots cache."). */
export class ClusterAllFailedError extends ClusterError {
  static readonly defaultMessage = 'Failed to refresh slots cache.';
  readonly lastNodeError: Error | undefined;
  /** Each node asked, with what went wrong there. */
  readonly nodeErrors: Array<{ node: string; message: string }>;
  constructor(lastNodeError: Error | undefined, nodeErrors: Array<{ node: string; message: string }>) {
    super(ClusterAllFailedError.defaultMessage, undefined, { cause: lastNodeError });
    this.code = 'ERR_CLUSTER_ALL_FAILED';
    this.lastNodeError = lastNodeError;
    this.nodeErrors = nodeErrors;
    if (typeof this.stack === 'string' && nodeErrors.length > 0) {
      const newline = this.stack.indexOf('\n');
      const header = `${this.name}: ${this.message} [${nodeErrors.map((item) => `${item.node}: ${item.message}`).join('; ')}]`;
      this.stack = newline === -1 ? header : header + this.stack.slice(newline);
    }
  }
}
defineName(ClusterAllFailedError, 'ClusterAllFailedError');

/**
 * Keys of one command (or of one transaction) in different slots, found before anything was sent.
 * The message is the text ioredis users see for the same call: the server's CROSSSLOT reply for a
 * command, ioredis's own text for a transaction spanning nodes. `slots` lists the slots involved.
 */
export class CrossSlotError extends ReplyError {
  readonly slots: number[];
  constructor(message: string, slots: number[], route?: ClusterRoute) {
    super(message);
    this.code = 'CROSSSLOT';
    this.slots = slots;
    if (route !== undefined) this.cluster = route;
    if (typeof this.stack === 'string') {
      const newline = this.stack.indexOf('\n');
      const header = `${this.name}: ${message} [keys in slots ${slots.join(', ')}; not sent]`;
      this.stack = newline === -1 ? header : header + this.stack.slice(newline);
    }
  }
}
defineName(CrossSlotError, 'CrossSlotError');

/**
 * The Cluster cannot take the command: not ready with `enableOfflineQueue: false`, ended, or no
 * startup node answered. Messages kept as ioredis has them ("Connection is closed.", "Cluster isn't
 * ready and enableOfflineQueue options is false", "None of startup nodes is available").
 */
export class ClusterUnavailableError extends ClusterError {
  constructor(message: string, code: 'ERR_CLUSTER_CLOSED' | 'ERR_CLUSTER_NOT_READY' | 'ERR_CLUSTER_NO_STARTUP_NODE', cause?: unknown) {
    super(message, undefined, { cause });
    this.code = code;
  }
}
defineName(ClusterUnavailableError, 'ClusterUnavailableError');

import { EventEmitter } from 'node:events';
import { list as commandList } from '@ioredis/commands';
import { Command } from './commands/Command';
import { buildCommand, withCallback, type NodeCallback } from './commands/buildCommand';
import { Connection, type PushMessage, type StateChange } from './connection/Connection';
import type { RedisStatus } from './connection/connectionState';
import type { Endpoint } from './connection/connectors/openSocket';
import { debugLogger } from './util/debug';
import { parseConstructorArguments, resolveOptions, type RedisOptions, type ResolvedRedisOptions } from './options';

const debug = debugLogger('redis');

/** ioredis's constructor forms. */
export type RedisConstructorArgs =
  | []
  | [options: RedisOptions]
  | [port: number]
  | [port: number, options: RedisOptions]
  | [port: number, host: string]
  | [port: number, host: string, options: RedisOptions]
  | [pathOrUrl: string]
  | [pathOrUrl: string, options: RedisOptions];

/** The ioredis event each state change is announced as. */
const eventOfState: Partial<Record<StateChange['state'], string>> = {
  connecting: 'connecting',
  handshaking: 'connect',
  ready: 'ready',
  disconnected: 'close',
  waitingToReconnect: 'reconnecting',
  closed: 'end',
};

/** Commands whose method this class defines itself. */
const ownMethods = new Set(['quit', 'monitor']);

function endpointOf(options: ResolvedRedisOptions): Endpoint {
  if (options.path !== undefined) return { path: options.path };
  return { host: options.host, port: options.port, family: options.family };
}

/**
 * The client. Same constructor forms, options, status values, events and command methods as
 * ioredis; commands multiplex on one owned connection that rebuilds its handshake on every
 * socket and re-sends nothing that may have run.
 */
export class Redis extends EventEmitter {
  /** ioredis: `new Redis.Cluster(...)`; set by the package entry once Cluster exists. */
  static Cluster: unknown;
  static Command = Command;

  static createClient(...args: RedisConstructorArgs): Redis {
    return new Redis(...args);
  }

  readonly options: ResolvedRedisOptions;
  readonly isCluster = false as const;
  readonly #connection: Connection;
  readonly #keyPrefixBuffer: Buffer;
  #unhandledErrorReported = false;

  constructor(...args: RedisConstructorArgs) {
    super();
    this.options = resolveOptions(parseConstructorArguments(args));
    const options = this.options;
    this.#keyPrefixBuffer = Buffer.from(options.keyPrefix);
    this.#connection = new Connection({
      endpoint: endpointOf(options),
      tls: typeof options.tls === 'object' ? options.tls : null,
      connectTimeout: options.connectTimeout,
      commandTimeout: options.commandTimeout ?? null,
      socketTimeout: options.socketTimeout ?? null,
      keepAlive: options.keepAlive,
      noDelay: options.noDelay,
      retryStrategy: options.retryStrategy,
      reconnectOnError: options.reconnectOnError,
      maxRetriesPerRequest: options.maxRetriesPerRequest,
      enableOfflineQueue: options.enableOfflineQueue,
      offlineQueueLimit: options.offlineQueueLimit,
      autoResendUnfulfilledCommands: options.autoResendUnfulfilledCommands,
      autoResubscribe: options.autoResubscribe,
      stringNumbers: options.stringNumbers,
      maxReplyBytes: options.maxReplyBytes,
      pidSource: options.pidSource,
      forkSafety: options.forkSafety,
      monitor: options.monitor === true,
      handshake: {
        username: options.username,
        password: options.password,
        credentialsProvider: options.credentialsProvider,
        db: options.db,
        connectionName: options.connectionName,
        readOnly: options.readOnly,
        enableReadyCheck: options.enableReadyCheck,
        maxLoadingWaitMs: options.maxLoadingRetryTime,
      },
    });
    this.#wireConnectionEvents(this.#connection);
    if (!options.lazyConnect) this.#connection.connect().catch(() => undefined);
  }

  /** ioredis status: wait, connecting, connect, ready, close, reconnecting, end. */
  get status(): RedisStatus {
    return this.#connection.status;
  }

  /** 'subscriber' while channels are subscribed, 'monitor' in MONITOR mode, else 'normal'. */
  get mode(): 'normal' | 'subscriber' | 'monitor' {
    if (this.#connection.isMonitoring) return 'monitor';
    return this.#connection.isSubscriber ? 'subscriber' : 'normal';
  }

  /** The connection's server-side `CLIENT ID`, once known. */
  get serverClientId(): number | null {
    return this.#connection.serverClientId;
  }

  connect(callback?: NodeCallback<void>): Promise<void> {
    return withCallback(this.#connection.connect(), callback);
  }

  /** Close now; with `reconnect: true`, dial again at once (blocking commands in flight are re-issued). */
  disconnect(reconnect = false): void {
    this.#connection.disconnect(reconnect);
  }

  /** @deprecated ioredis alias of `disconnect()`. */
  end(): void {
    this.disconnect();
  }

  /** Send QUIT after everything queued; resolves 'OK' and the client ends. */
  quit(callback?: NodeCallback<'OK'>): Promise<'OK'> {
    return this.#issue('quit', callback === undefined ? [] : [callback], false) as Promise<'OK'>;
  }

  /** A new client with the same options (and `override` on top), connected independently. */
  duplicate(override: Partial<RedisOptions> = {}): Redis {
    return new Redis({ ...this.options, ...override });
  }

  /** ioredis: a new connection in MONITOR mode, emitting 'monitor' (time, args, source, database). */
  monitor(callback?: NodeCallback<Redis>): Promise<Redis> {
    const monitor = this.duplicate({ monitor: true, lazyConnect: false });
    const ready = new Promise<Redis>((resolve, reject) => {
      const onReady = (): void => {
        monitor.off('error', onError);
        resolve(monitor);
      };
      const onError = (error: Error): void => {
        monitor.off('ready', onReady);
        monitor.disconnect();
        reject(error);
      };
      monitor.once('ready', onReady);
      monitor.once('error', onError);
    });
    return withCallback(ready, callback);
  }

  /** Any command by name: `call('set', 'k', 'v')` or `call(['set', 'k', 'v'])`. */
  call(name: string | unknown[], ...args: unknown[]): Promise<unknown> {
    return this.#callByName(name, args, false);
  }

  callBuffer(name: string | unknown[], ...args: unknown[]): Promise<unknown> {
    return this.#callByName(name, args, true);
  }

  /** Send a prepared Command (ioredis `sendCommand`). */
  sendCommand(command: Command): Promise<unknown> {
    return this.#connection.send(command);
  }

  /**
   * Send commands back to back on one connection, in one write (pipelines, transactions).
   * Each command's promise settles on its own.
   * @internal
   */
  sendCommands(commands: readonly Command[]): void {
    for (const command of commands) void this.#connection.send(command);
  }

  #callByName(name: string | unknown[], args: unknown[], returnBuffers: boolean): Promise<unknown> {
    if (Array.isArray(name)) {
      const [first, ...rest] = name;
      return this.#callByName(first as string, [...rest, ...args], returnBuffers);
    }
    if (typeof name !== 'string' || name === '') {
      const error = new TypeError(`call() needs a command name as its first argument, got ${typeof name}`);
      const callback = args[args.length - 1];
      return withCallback(Promise.reject(error), typeof callback === 'function' ? (callback as NodeCallback) : undefined);
    }
    return this.#issue(name.toLowerCase(), args, returnBuffers);
  }

  /** The one way a command method reaches the connection. */
  #issue(name: string, args: unknown[], returnBuffers: boolean): Promise<unknown> {
    let built;
    try {
      built = buildCommand(name, args, returnBuffers, { keyPrefix: this.options.keyPrefix, keyPrefixBuffer: this.#keyPrefixBuffer });
    } catch (error) {
      const callback = args[args.length - 1];
      return withCallback(Promise.reject(error as Error), typeof callback === 'function' ? (callback as NodeCallback) : undefined);
    }
    const promise = this.#connection.send(built.command);
    return built.callback === undefined ? promise : withCallback(promise, built.callback);
  }

  #wireConnectionEvents(connection: Connection): void {
    connection.on('state', (change: StateChange) => {
      const event = eventOfState[change.state];
      if (event === undefined) return;
      if (change.state === 'ready') this.#unhandledErrorReported = false;
      // ioredis announces status changes on the next tick; listeners added right after a call see them.
      if (event === 'reconnecting') process.nextTick(() => this.emit(event, change.delay));
      else process.nextTick(() => this.emit(event));
    });
    connection.on('error', (error: Error) => this.#emitError(error));
    connection.on('select', (db: number) => this.emit('select', db));
    connection.on('push', (push: PushMessage) => this.#emitPush(push));
    connection.on('monitor', (line: string) => this.#emitMonitor(line));
  }

  /** An 'error' with no listener is printed once (until the next ready), never thrown. */
  #emitError(error: Error): void {
    if (this.listenerCount('error') > 0) {
      this.emit('error', error);
      return;
    }
    if (this.#unhandledErrorReported || this.status === 'end') return;
    this.#unhandledErrorReported = true;
    console.error('[forksafe-redis] Unhandled error event (add an "error" listener to handle it):', error.stack ?? error.message);
  }

  #emitPush(push: PushMessage): void {
    const message = push.message ?? Buffer.alloc(0);
    switch (push.kind) {
      case 'message':
        if (this.listenerCount('message') > 0) this.emit('message', push.channel.toString(), message.toString());
        this.emit('messageBuffer', push.channel, message);
        break;
      case 'smessage':
        if (this.listenerCount('smessage') > 0) this.emit('smessage', push.channel.toString(), message.toString());
        this.emit('smessageBuffer', push.channel, message);
        break;
      case 'pmessage': {
        const pattern = String(push.pattern);
        if (this.listenerCount('pmessage') > 0) this.emit('pmessage', pattern, push.channel.toString(), message.toString());
        this.emit('pmessageBuffer', pattern, push.channel, message);
        break;
      }
    }
  }

  #emitMonitor(line: string): void {
    const parsed = parseMonitorLine(line);
    if (parsed === null) {
      debug('unparsable MONITOR line of %d chars', line.length);
      return;
    }
    this.emit('monitor', parsed.time, parsed.args, parsed.source, parsed.database);
  }

  static {
    // One method per command of the table, plus its …Buffer twin.
    for (const name of commandList) {
      if (ownMethods.has(name) || name in Redis.prototype) continue;
      Object.defineProperty(Redis.prototype, name, {
        value: function (this: Redis, ...args: unknown[]) {
          return this.#issue(name, args, false);
        },
        writable: true,
        configurable: true,
      });
      Object.defineProperty(Redis.prototype, `${name}Buffer`, {
        value: function (this: Redis, ...args: unknown[]) {
          return this.#issue(name, args, true);
        },
        writable: true,
        configurable: true,
      });
    }
  }
}

/** `1339518083.107412 [0 127.0.0.1:60866] "keys" "*"` -> its parts. */
export function parseMonitorLine(line: string): { time: string; args: string[]; source: string; database: string } | null {
  const match = /^(\d+\.\d+) \[(\d+) ([^\]]*)\] (.*)$/s.exec(line);
  if (match === null) return null;
  const args: string[] = [];
  const quoted = /"((?:[^"\\]|\\.)*)"/g;
  let part: RegExpExecArray | null;
  while ((part = quoted.exec(match[4]!)) !== null) {
    args.push(part[1]!.replace(/\\(x[0-9a-fA-F]{2}|.)/g, (_, escape: string) => {
      if (escape.startsWith('x') && escape.length === 3) return String.fromCharCode(parseInt(escape.slice(1), 16));
      return ({ n: '\n', r: '\r', t: '\t', a: '\x07', b: '\b' } as Record<string, string>)[escape] ?? escape;
    }));
  }
  return { time: match[1]!, database: match[2]!, source: match[3]!, args };
}

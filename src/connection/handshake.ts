import type { CommandArgument } from '../commands/Command';
import { RedisError, ReplyError, type ErrorContext } from '../errors';
import { debugLogger } from '../util/debug';
import { startTimer } from '../util/timers';

const debug = debugLogger('handshake');

export interface Credentials {
  username?: string | null;
  password?: string | null;
}

/** Called before every new socket's handshake: rotate tokens without recreating the client. */
export type CredentialsProvider = () => Credentials | Promise<Credentials>;

/**
 * Everything a new socket must be told before user commands may use it. Options seed it; run-time
 * AUTH, SELECT and CLIENT SETNAME update it, so every reconnect replays what the user set last.
 */
export interface HandshakeSettings {
  username: string | null;
  password: string | null;
  credentialsProvider: CredentialsProvider | null;
  db: number;
  connectionName: string | null;
  readOnly: boolean;
  enableReadyCheck: boolean;
  /** Longest total wait for a server that answers LOADING. */
  maxLoadingWaitMs: number;
  /** Sentinel: the node must answer ROLE with this, else the socket is closed and the address asked again. */
  expectedRole?: 'master' | 'slave' | null;
}

/**
 * The node is not in the role the client wants (Sentinel answered from before a failover, or the
 * node was demoted since). Not final: the connection closes this socket and resolves again.
 */
export class RoleMismatchError extends RedisError {
  readonly expected: 'master' | 'slave';
  readonly actual: string;
  /** Filled by the connection: which node, which socket. */
  context?: ErrorContext;
  constructor(expected: 'master' | 'slave', actual: string) {
    super(`node answered ROLE ${actual}, expected ${expected} (a failover is under way or the sentinel was behind); resolving again`);
    this.code = 'ERR_ROLE_MISMATCH';
    this.expected = expected;
    this.actual = actual;
  }
}
Object.defineProperty(RoleMismatchError.prototype, 'name', { value: 'RoleMismatchError', writable: true, configurable: true });

export interface Subscriptions {
  subscribe: Set<string>;
  psubscribe: Set<string>;
  ssubscribe: Set<string>;
}

/** Sends one command on the socket being set up, ahead of (never among) user commands. */
export type HandshakeSend = (name: string, args: CommandArgument[]) => Promise<unknown>;

export interface HandshakeResult {
  serverClientId: number | null;
}

function isIgnorableAuthError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  // A password given to a server that has none: ioredis warns and goes on; so do we.
  return message.includes('no password is set') || message.includes('without any password configured');
}

/**
 * AUTH, SELECT, CLIENT SETNAME, READONLY and CLIENT ID go out pipelined in one write; then the
 * ready check waits out LOADING; then subscriptions and MONITOR are replayed.
 */
export async function runHandshake(
  send: HandshakeSend,
  settings: HandshakeSettings,
  replay: { subscriptions: Subscriptions; monitoring: boolean },
): Promise<HandshakeResult> {
  let username = settings.username;
  let password = settings.password;
  if (settings.credentialsProvider !== null) {
    const credentials = await settings.credentialsProvider();
    username = credentials.username ?? null;
    password = credentials.password ?? null;
  }

  const steps: Array<Promise<unknown>> = [];
  if (password !== null && password !== '') {
    const args = username !== null && username !== '' ? [username, password] : [password];
    steps.push(send('auth', args).catch((error: unknown) => {
      if (isIgnorableAuthError(error)) {
        debug('server has no password; AUTH ignored');
        return 'OK';
      }
      throw error;
    }));
  }
  if (settings.db !== 0) steps.push(send('select', [settings.db]));
  if (settings.connectionName !== null && settings.connectionName !== '') {
    steps.push(send('client', ['SETNAME', settings.connectionName]));
  }
  if (settings.readOnly) steps.push(send('readonly', []));
  const expectedRole = settings.expectedRole ?? null;
  if (expectedRole !== null) steps.push(send('role', []).then((reply) => checkRole(reply, expectedRole)));
  const clientId = send('client', ['ID']).catch(() => null);

  // Wait for every step before deciding, so no handshake reply is left unconsumed.
  const outcomes = await Promise.allSettled(steps);
  const serverClientId = await clientId;
  for (const outcome of outcomes) {
    if (outcome.status === 'rejected') throw outcome.reason;
  }

  if (settings.enableReadyCheck) await waitUntilLoaded(send, settings.maxLoadingWaitMs);

  for (const [kind, names] of Object.entries(replay.subscriptions) as Array<[keyof Subscriptions, Set<string>]>) {
    if (names.size > 0) {
      debug('resubscribing %d with %s', names.size, kind);
      await send(kind, [...names]);
    }
  }
  if (replay.monitoring) await send('monitor', []);
  return { serverClientId: typeof serverClientId === 'number' ? serverClientId : null };
}

function checkRole(reply: unknown, expected: 'master' | 'slave'): void {
  const head = Array.isArray(reply) ? reply[0] : undefined;
  const actual = Buffer.isBuffer(head) ? head.toString() : String(head);
  if (actual !== expected) throw new RoleMismatchError(expected, actual);
}

async function waitUntilLoaded(send: HandshakeSend, maxLoadingWaitMs: number): Promise<void> {
  let waited = 0;
  for (;;) {
    let info: unknown;
    try {
      info = await send('info', ['persistence']);
    } catch (error) {
      // Servers that forbid INFO (ACL) still serve commands; the ready check is advisory there.
      if (error instanceof ReplyError && /NOPERM|unknown command/i.test(error.message)) return;
      throw error;
    }
    const text = typeof info === 'string' ? info : Buffer.isBuffer(info) ? info.toString() : '';
    const loading = /^loading:(\d)/m.exec(text);
    if (loading === null || loading[1] !== '1') return;
    const eta = /^loading_eta_seconds:(\d+)/m.exec(text);
    const delay = Math.min(1000, eta === null ? 1000 : Math.max(100, Number(eta[1]) * 1000));
    if (waited + delay > maxLoadingWaitMs) {
      throw new ReplyError(`LOADING Redis is still loading the dataset after ${waited} ms of waiting`);
    }
    debug('server loading; next ready check in %d ms', delay);
    await new Promise<void>((resolve) => {
      startTimer(resolve, delay);
    });
    waited += delay;
  }
}

import type { Connection, PushMessage, StateChange } from '../connection/Connection';
import { Command } from '../commands/Command';
import { debugLogger } from '../util/debug';
import { describeSentinel } from './sentinelConnection';
import type { SentinelAddress } from './sentinelOptions';

const debug = debugLogger('sentinel:failover');

const SWITCH_MASTER = '+switch-master';

/** `+switch-master <name> <old-ip> <old-port> <new-ip> <new-port>`, parsed. */
export interface SwitchMaster {
  name: string;
  from: { host: string; port: number };
  to: { host: string; port: number };
  /** The sentinel whose announcement this was. */
  sentinel: string;
}

export interface FailoverDetectorHooks {
  masterName: string;
  /** Most sentinels to subscribe to at once (`sentinelMaxConnections`). */
  maxSubscriptions: number;
  open(address: SentinelAddress): Connection;
  onSwitch(event: SwitchMaster): void;
  onSubscribed(): void;
  onReconnecting(sentinel: string): void;
}

/**
 * Subscriptions to `+switch-master` on the sentinels. Every sentinel announces a failover, so the
 * first announcement to arrive wins and repeats are the connector's to ignore. A sentinel that is
 * down reconnects on `sentinelReconnectStrategy`; the others keep watching meanwhile.
 */
export class FailoverDetector {
  readonly #hooks: FailoverDetectorHooks;
  readonly #subscriptions = new Map<string, Connection>();
  #isClosed = false;

  constructor(hooks: FailoverDetectorHooks) {
    this.#hooks = hooks;
  }

  get subscriptionCount(): number {
    return this.#subscriptions.size;
  }

  /** Subscribe on every sentinel of `addresses` not watched yet, up to the limit. */
  watch(addresses: readonly SentinelAddress[]): void {
    if (this.#isClosed) return;
    const started: Array<Promise<unknown>> = [];
    for (const address of addresses) {
      if (this.#subscriptions.size >= this.#hooks.maxSubscriptions) break;
      const key = describeSentinel(address);
      if (this.#subscriptions.has(key)) continue;
      started.push(this.#subscribe(key, address));
    }
    if (started.length > 0) {
      void Promise.all(started).then(() => {
        if (!this.#isClosed) this.#hooks.onSubscribed();
      });
    }
  }

  #subscribe(key: string, address: SentinelAddress): Promise<unknown> {
    const connection = this.#hooks.open(address);
    this.#subscriptions.set(key, connection);
    connection.on('error', (error: Error) => {
      debug('sentinel %s: %s', key, error.message);
    });
    connection.on('state', (change: StateChange) => {
      if (change.state === 'waitingToReconnect') this.#hooks.onReconnecting(key);
      if (change.state === 'closed' && this.#subscriptions.get(key) === connection) this.#subscriptions.delete(key);
    });
    connection.on('push', (push: PushMessage) => {
      if (this.#isClosed || push.channel.toString() !== SWITCH_MASTER) return;
      const event = parseSwitchMaster(push.message.toString(), key);
      if (event === null) {
        debug('sentinel %s: unparsable %s message', key, SWITCH_MASTER);
        return;
      }
      if (event.name === this.#hooks.masterName) this.#hooks.onSwitch(event);
    });
    const command = new Command('subscribe', [SWITCH_MASTER]);
    // A sentinel that is down now is retried by its connection; the others still watch.
    return connection.send(command).catch((error: unknown) => {
      debug('sentinel %s: subscribe failed: %s', key, error instanceof Error ? error.message : String(error));
    });
  }

  close(): void {
    this.#isClosed = true;
    for (const connection of this.#subscriptions.values()) connection.disconnect(false);
    this.#subscriptions.clear();
  }
}

export function parseSwitchMaster(message: string, sentinel: string): SwitchMaster | null {
  const parts = message.trim().split(/\s+/);
  if (parts.length < 5) return null;
  const [name, fromHost, fromPort, toHost, toPort] = parts as [string, string, string, string, string];
  const from = { host: fromHost, port: Number(fromPort) };
  const to = { host: toHost, port: Number(toPort) };
  if (!Number.isInteger(from.port) || !Number.isInteger(to.port)) return null;
  return { name, from, to, sentinel };
}

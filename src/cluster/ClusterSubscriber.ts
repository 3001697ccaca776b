import { Command, type CommandArgument } from '../commands/Command';
import type { Redis } from '../Redis';
import { debugLogger } from '../util/debug';
import type { NodePools } from './NodePools';
import { nodeKeyOf, slotOfKey, type NodeAddress, type SlotMap } from './slotMap';

const debug = debugLogger('cluster:subscriber');

/** A channel as the map key (a string and a Buffer naming the same bytes are one channel). */
function channelKey(channel: CommandArgument): string {
  return Buffer.isBuffer(channel) ? channel.toString('latin1') : Buffer.from(String(channel)).toString('latin1');
}

type Emit = (event: string, ...args: unknown[]) => void;

/**
 * Cluster pub/sub.
 *
 * - SUBSCRIBE / PSUBSCRIBE: messages reach every node, so one subscriber client on any node is
 *   enough. When that node leaves the topology, a client on another node takes over and the
 *   channels and patterns are subscribed again there.
 * - SSUBSCRIBE: a shard channel lives in its slot's master. Each node client subscribes on its own
 *   subscriber connection; this class remembers which node holds each channel and moves it when
 *   a topology refresh shows that the slot has a new owner.
 */
export class ClusterSubscriber {
  readonly #nodes: NodePools;
  readonly #createClient: (address: NodeAddress) => Redis;
  readonly #emit: Emit;
  readonly #hasListeners: (event: string) => boolean;
  #client: Redis | null = null;
  #clientNode: string | null = null;
  readonly #channels = new Map<string, CommandArgument>();
  readonly #patterns = new Map<string, CommandArgument>();
  /** Shard channel -> the node key its SSUBSCRIBE succeeded on, and the name as given. */
  readonly #shardChannels = new Map<string, { channel: CommandArgument; node: string }>();

  readonly #onTrouble: () => void;

  /** `onTrouble`: the subscriber connection failed; a topology refresh tells whether its node is gone. */
  constructor(nodes: NodePools, createClient: (address: NodeAddress) => Redis, emit: Emit, hasListeners: (event: string) => boolean, onTrouble: () => void) {
    this.#onTrouble = onTrouble;
    this.#nodes = nodes;
    this.#createClient = createClient;
    this.#emit = emit;
    this.#hasListeners = hasListeners;
    nodes.on('-node', (_redis: Redis, key: string) => {
      if (key === this.#clientNode) this.#moveToAnotherNode('its node left the cluster topology');
    });
  }

  /** SUBSCRIBE, PSUBSCRIBE, UNSUBSCRIBE or PUNSUBSCRIBE on the subscriber client. */
  send(command: Command): Promise<unknown> {
    const isUnsubscribe = command.special === 'unsubscribe' || command.special === 'punsubscribe';
    if (isUnsubscribe && this.#client === null) {
      this.#forget(command);
      command.resolve(0);
      return command.promise;
    }
    const client = this.#ensureClient();
    if (client === null) {
      command.reject(new Error('No subscriber for the cluster'));
      return command.promise;
    }
    const sent = client.dispatch(command);
    sent.then(
      () => (isUnsubscribe ? this.#forget(command) : this.#remember(command)),
      () => undefined,
    );
    return sent;
  }

  /** SSUBSCRIBE succeeded on `node`. */
  rememberShard(channels: readonly CommandArgument[], node: string): void {
    for (const channel of channels) this.#shardChannels.set(channelKey(channel), { channel, node });
  }

  /** The nodes holding shard subscriptions for `channels` (all of them when empty). */
  shardNodesOf(channels: readonly CommandArgument[]): Map<string, CommandArgument[]> {
    const byNode = new Map<string, CommandArgument[]>();
    const keys = channels.length === 0 ? [...this.#shardChannels.keys()] : channels.map(channelKey);
    for (const key of keys) {
      const entry = this.#shardChannels.get(key);
      if (entry === undefined) continue;
      const list = byNode.get(entry.node);
      if (list === undefined) byNode.set(entry.node, [entry.channel]);
      else list.push(entry.channel);
    }
    return byNode;
  }

  forgetShard(channels: readonly CommandArgument[]): void {
    if (channels.length === 0) this.#shardChannels.clear();
    for (const channel of channels) this.#shardChannels.delete(channelKey(channel));
  }

  /**
   * After a topology refresh: shard channels whose slot has another master now are unsubscribed
   * on the old node (if it is still there) and subscribed through `resubscribe` (which follows
   * MOVED like any command).
   */
  followShards(slots: SlotMap, resubscribe: (channel: CommandArgument) => void): void {
    for (const [key, entry] of this.#shardChannels) {
      const owner = slots.masterOf(slotOfKey(entry.channel as string | Buffer));
      if (owner === undefined || owner === entry.node) continue;
      debug('shard channel moves %s -> %s', entry.node, owner);
      const old = this.#nodes.get(entry.node);
      if (old !== undefined) {
        const unsubscribe = new Command('sunsubscribe', [entry.channel]);
        old.dispatch(unsubscribe).catch(() => undefined);
      }
      this.#shardChannels.delete(key);
      resubscribe(entry.channel);
    }
  }

  /** Forward a node client's shard messages as the cluster's events. */
  watchNode(redis: Redis): void {
    redis.on('smessageBuffer', (channel: Buffer, message: Buffer) => {
      if (this.#hasListeners('smessage')) this.#emit('smessage', channel.toString(), message.toString());
      this.#emit('smessageBuffer', channel, message);
    });
  }

  get channelCount(): number {
    return this.#channels.size + this.#patterns.size + this.#shardChannels.size;
  }

  /** Close the subscriber client; `forget` also drops what it was subscribed to. */
  stop(forget: boolean): void {
    const client = this.#client;
    this.#client = null;
    this.#clientNode = null;
    client?.disconnect();
    if (forget) {
      this.#channels.clear();
      this.#patterns.clear();
      this.#shardChannels.clear();
    }
  }

  /** After a reconnect of the whole cluster: subscribe again to what was subscribed. */
  restart(): void {
    if (this.#channels.size + this.#patterns.size > 0) this.#moveToAnotherNode('the cluster reconnected');
  }

  #remember(command: Command): void {
    const target = command.special === 'psubscribe' ? this.#patterns : this.#channels;
    for (const channel of command.args) target.set(channelKey(channel), channel);
  }

  #forget(command: Command): void {
    const target = command.special === 'punsubscribe' ? this.#patterns : this.#channels;
    if (command.args.length === 0) target.clear();
    for (const channel of command.args) target.delete(channelKey(channel));
  }

  #ensureClient(avoid: string | null = null): Redis | null {
    if (this.#client !== null) return this.#client;
    const candidates = this.#nodes.nodes('all').filter((node) => nodeKeyOf({ host: node.options.host, port: node.options.port }) !== avoid);
    const node = candidates.length > 0 ? candidates[Math.floor(Math.random() * candidates.length)] : this.#nodes.sample('all');
    if (node === undefined) return null;
    const address = { host: node.options.host, port: node.options.port };
    const client = this.#createClient(address);
    this.#client = client;
    this.#clientNode = nodeKeyOf(address);
    debug('subscriber on %s', this.#clientNode);
    // Any node serves SUBSCRIBE, so a failing connection is not waited for (its node may be dead
    // for good, e.g. a master without a replica): move now, and let a refresh update the topology.
    client.on('error', () => {
      if (this.#client !== client) return;
      this.#onTrouble();
      this.#moveToAnotherNode('its connection failed', this.#clientNode);
    });
    client.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      if (this.#hasListeners('message')) this.#emit('message', channel.toString(), message.toString());
      this.#emit('messageBuffer', channel, message);
    });
    client.on('pmessageBuffer', (pattern: string, channel: Buffer, message: Buffer) => {
      if (this.#hasListeners('pmessage')) this.#emit('pmessage', String(pattern), channel.toString(), message.toString());
      this.#emit('pmessageBuffer', pattern, channel, message);
    });
    return client;
  }

  #moveToAnotherNode(reason: string, avoid: string | null = null): void {
    const old = this.#client;
    this.#client = null;
    this.#clientNode = null;
    old?.disconnect();
    if (this.#channels.size + this.#patterns.size === 0) return;
    const client = this.#ensureClient(avoid);
    if (client === null) {
      debug('no node to subscribe on after %s; waiting for one', reason);
      this.#nodes.once('+node', () => this.restart());
      return;
    }
    debug('subscriber moved (%s): %d channels, %d patterns', reason, this.#channels.size, this.#patterns.size);
    if (this.#channels.size > 0) client.dispatch(new Command('subscribe', [...this.#channels.values()])).catch(() => undefined);
    if (this.#patterns.size > 0) client.dispatch(new Command('psubscribe', [...this.#patterns.values()])).catch(() => undefined);
  }
}



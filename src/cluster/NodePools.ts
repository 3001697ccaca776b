import { EventEmitter } from 'node:events';
import type { Redis } from '../Redis';
import { debugLogger } from '../util/debug';
import { nodeKeyOf, type NodeAddress } from './slotMap';

const debug = debugLogger('cluster:nodes');

export type NodeRole = 'master' | 'slave';

/** Builds the client for one node; replicas get `readOnly` (READONLY in every handshake). */
export type NodeFactory = (address: NodeAddress, role: NodeRole) => Redis;

interface NodeEntry {
  redis: Redis;
  role: NodeRole;
  address: NodeAddress;
}

/**
 * One standalone client per cluster node, by "host:port". Each client brings what a standalone
 * client has: its shared connection, leases for blocking commands and WATCH flows, paced dials,
 * the breaker and owner-PID checks. This class only decides which nodes exist and in what role.
 *
 * Events: '+node' (redis, key), '-node' (redis, key), 'node error' (error, key).
 */
export class NodePools extends EventEmitter {
  readonly #createNode: NodeFactory;
  readonly #nodes = new Map<string, NodeEntry>();

  constructor(createNode: NodeFactory) {
    super();
    this.#createNode = createNode;
  }

  get size(): number {
    return this.#nodes.size;
  }

  get(key: string): Redis | undefined {
    return this.#nodes.get(key)?.redis;
  }

  roleOf(key: string): NodeRole | undefined {
    return this.#nodes.get(key)?.role;
  }

  keys(role: NodeRole | 'all' = 'all'): string[] {
    const keys: string[] = [];
    for (const [key, entry] of this.#nodes) if (role === 'all' || entry.role === role) keys.push(key);
    return keys;
  }

  nodes(role: NodeRole | 'all' = 'all'): Redis[] {
    const nodes: Redis[] = [];
    for (const entry of this.#nodes.values()) if (role === 'all' || entry.role === role) nodes.push(entry.redis);
    return nodes;
  }

  /** A random node of the role, or undefined when there is none. */
  sample(role: NodeRole | 'all' = 'all'): Redis | undefined {
    const nodes = this.nodes(role);
    return nodes.length === 0 ? undefined : nodes[Math.floor(Math.random() * nodes.length)];
  }

  /** The node's client, created on first use (MOVED/ASK to a node the map did not list yet). */
  getOrCreate(address: NodeAddress, role: NodeRole = 'master'): Redis {
    const key = nodeKeyOf(address);
    const entry = this.#nodes.get(key);
    if (entry === undefined) return this.#add(key, address, role);
    if (entry.role !== role) {
      // A promoted replica or a demoted master: READONLY lives in the handshake, so the node gets
      // a new client with the right one; the old client finishes what it was sent, then closes.
      debug('%s changes role %s -> %s', key, entry.role, role);
      this.#remove(key, entry);
      return this.#add(key, address, role);
    }
    return entry.redis;
  }

  /**
   * Make the pool hold exactly `nodes`: new ones are created (they connect on first use), missing
   * ones are closed. A key listed twice keeps its master role.
   */
  reset(nodes: ReadonlyArray<{ address: NodeAddress; role: NodeRole }>): void {
    const wanted = new Map<string, { address: NodeAddress; role: NodeRole }>();
    for (const node of nodes) {
      const key = nodeKeyOf(node.address);
      const previous = wanted.get(key);
      if (previous === undefined || previous.role === 'slave') wanted.set(key, node);
    }
    for (const [key, entry] of [...this.#nodes]) {
      if (!wanted.has(key)) {
        debug('%s serves no slot any more: removed', key);
        this.#remove(key, entry);
      }
    }
    for (const node of wanted.values()) this.getOrCreate(node.address, node.role);
  }

  /** Close every node client: `quit` lets replies in flight arrive first. */
  async closeAll(mode: 'quit' | 'disconnect'): Promise<void> {
    const entries = [...this.#nodes];
    this.#nodes.clear();
    const closing: Array<Promise<unknown>> = [];
    for (const [key, entry] of entries) {
      if (mode === 'quit') closing.push(entry.redis.quit().catch(() => 'OK'));
      else entry.redis.disconnect();
      this.emit('-node', entry.redis, key);
    }
    await Promise.all(closing);
  }

  #add(key: string, address: NodeAddress, role: NodeRole): Redis {
    const redis = this.#createNode(address, role);
    const entry: NodeEntry = { redis, role, address };
    this.#nodes.set(key, entry);
    redis.on('error', (error: Error) => this.emit('node error', error, key));
    debug('%s added as %s', key, role);
    this.emit('+node', redis, key);
    return redis;
  }

  #remove(key: string, entry: NodeEntry): void {
    this.#nodes.delete(key);
    const redis = entry.redis;
    // A ready node finishes the replies in flight (QUIT queues behind them); one that is not ready
    // (dead, reconnecting) is closed at once so its queued commands fail now and are re-routed.
    if (redis.status === 'ready') redis.quit().catch(() => redis.disconnect());
    else redis.disconnect();
    this.emit('-node', redis, key);
  }
}

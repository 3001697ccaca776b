import { getKeyIndexes, exists as commandExists } from '@ioredis/commands';
import calculateSlot = require('cluster-key-slot');
import type { Command, CommandArgument } from '../commands/Command';

/** Redis Cluster splits the key space into this many hash slots. */
export const SLOT_COUNT = 16384;

/** A node as the cluster reports it, after NAT mapping. */
export interface NodeAddress {
  host: string;
  port: number;
}

/** "host:port": how nodes are named throughout (pools, slot map, errors). */
export function nodeKeyOf(address: NodeAddress): string {
  return `${address.host}:${address.port}`;
}

/** "host:port" (also "[::1]:port" and bare IPv6 "::1:port") -> its parts. */
export function parseNodeKey(key: string): NodeAddress {
  const colon = key.lastIndexOf(':');
  if (colon <= 0) throw new TypeError(`Invalid node key "${key}": expected host:port`);
  const host = key.slice(0, colon).replace(/^\[(.*)\]$/, '$1');
  const port = Number(key.slice(colon + 1));
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new TypeError(`Invalid node key "${key}": bad port`);
  return { host, port };
}

/** One range of CLUSTER SLOTS: its master first, then its replicas. */
export interface SlotRange {
  start: number;
  end: number;
  nodes: Array<NodeAddress & { id: string | null }>;
}

/** NAT mapping of addresses the cluster reports (ioredis `natMap`). */
export type NatMapper = (address: NodeAddress) => NodeAddress;

/**
 * CLUSTER SLOTS' reply -> ranges. Nodes without a usable endpoint (empty or "?" host: the server
 * does not know how to reach them) are skipped; a range whose master is one of them is left out,
 * so its slots stay unmapped rather than point at a replica.
 */
export function parseClusterSlots(reply: unknown, mapAddress: NatMapper): SlotRange[] {
  if (!Array.isArray(reply)) throw new TypeError(`CLUSTER SLOTS answered ${typeof reply}, not an array`);
  const ranges: SlotRange[] = [];
  for (const entry of reply) {
    if (!Array.isArray(entry) || entry.length < 3) continue;
    const start = Number(entry[0]);
    const end = Number(entry[1]);
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end >= SLOT_COUNT || start > end) continue;
    const nodes: SlotRange['nodes'] = [];
    for (let i = 2; i < entry.length; i++) {
      const node: unknown = entry[i];
      const host = Array.isArray(node) ? String(node[0]) : '';
      const port = Array.isArray(node) ? Number(node[1]) : 0;
      if (host === '' || host === '?' || !Number.isInteger(port) || port <= 0) {
        if (i === 2) break;
        continue;
      }
      const mapped = mapAddress({ host, port });
      const id: unknown = (node as unknown[])[2];
      nodes.push({ host: mapped.host, port: mapped.port, id: typeof id === 'string' || Buffer.isBuffer(id) ? String(id) : null });
    }
    if (nodes.length > 0) ranges.push({ start, end, nodes });
  }
  return ranges;
}

/**
 * Which nodes serve each slot: `[master, ...replicas]` as node keys. Filled from CLUSTER SLOTS,
 * patched by MOVED (the slot's owner becomes the named node until the next refresh).
 */
export class SlotMap {
  /** Per slot: the node keys serving it, master first; undefined while unknown. */
  readonly #owners: Array<readonly string[] | undefined> = new Array(SLOT_COUNT);
  readonly #nodeIds = new Map<string, string>();
  #isEmpty = true;

  get isEmpty(): boolean {
    return this.#isEmpty;
  }

  /** The nodes serving `slot`, master first. */
  nodesOf(slot: number): readonly string[] | undefined {
    return this.#owners[slot];
  }

  masterOf(slot: number): string | undefined {
    return this.#owners[slot]?.[0];
  }

  nodeIdOf(key: string): string | null {
    return this.#nodeIds.get(key) ?? null;
  }

  /** MOVED: the slot now belongs to `key` (its replicas are unknown until the next refresh). */
  assign(slot: number, key: string): void {
    const current = this.#owners[slot];
    if (current !== undefined && current.length === 1 && current[0] === key) return;
    this.#owners[slot] = [key];
    this.#isEmpty = false;
  }

  /** Replace everything with a fresh CLUSTER SLOTS answer. */
  replace(ranges: readonly SlotRange[]): void {
    this.#owners.fill(undefined);
    this.#nodeIds.clear();
    for (const range of ranges) {
      const keys = range.nodes.map(nodeKeyOf);
      for (const node of range.nodes) if (node.id !== null) this.#nodeIds.set(nodeKeyOf(node), node.id);
      for (let slot = range.start; slot <= range.end; slot++) this.#owners[slot] = keys;
    }
    this.#isEmpty = ranges.length === 0;
  }

  /** Slots not served by anyone (a refresh during a failover may leave some). */
  countUnmapped(): number {
    let count = 0;
    for (let slot = 0; slot < SLOT_COUNT; slot++) if (this.#owners[slot] === undefined) count += 1;
    return count;
  }
}

/** The slot of one key (hash tags honoured). */
export function slotOfKey(key: string | Buffer): number {
  return calculateSlot(key);
}

/** The key arguments of a built command (prefixed, flat), per the command table's key specs. */
export function keysOf(name: string, args: readonly CommandArgument[]): Array<string | Buffer> {
  if (!commandExists(name)) return [];
  let indexes: number[];
  try {
    indexes = getKeyIndexes(name, args as Array<string | Buffer | number>);
  } catch {
    return [];
  }
  const keys: Array<string | Buffer> = [];
  for (const index of indexes) {
    const key = args[index];
    if (key === undefined) continue;
    keys.push(typeof key === 'number' ? String(key) : key);
  }
  return keys;
}

/** The slots of a command's keys: empty for a command without keys; more than one means CROSSSLOT. */
export function slotsOf(command: Command): number[] {
  const keys = keysOf(command.name, command.args);
  if (keys.length === 0) return [];
  const first = slotOfKey(keys[0]!);
  let slots: number[] | null = null;
  for (let i = 1; i < keys.length; i++) {
    const slot = slotOfKey(keys[i]!);
    if (slot === first && slots === null) continue;
    slots ??= [first];
    if (!slots.includes(slot)) slots.push(slot);
  }
  return slots ?? [first];
}

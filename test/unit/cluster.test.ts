/**
 * Cluster's pure logic, no sockets: CLUSTER SLOTS parsing and NAT mapping, key -> slot extraction
 * (hash tags, multi-key, scripts), MOVED/ASK parsing (with its guard against bogus slots), what
 * each error means for a retry (at most once), the refresher's coalescing and pacing on a fake
 * clock, the delay queue, and option handling.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Command } from '../../src/commands/Command';
import { buildCommand } from '../../src/commands/buildCommand';
import { normalizeStartupNodes, natMapperOf, resolveClusterOptions } from '../../src/cluster/clusterOptions';
import { classify, DelayQueue } from '../../src/cluster/redirects';
import { SlotsRefresher } from '../../src/cluster/SlotsRefresher';
import { parseClusterSlots, parseNodeKey, SlotMap, slotOfKey, slotsOf } from '../../src/cluster/slotMap';
import {
  AskError,
  CommandTimeoutError,
  ConnectionClosedError,
  ConnectionLostError,
  MaxRetriesPerRequestError,
  MovedError,
  parseRedirectionReply,
  ReplyError,
  toRedirectionError,
  type ErrorContext,
} from '../../src/errors';
import { timerFunctions, type TimerFunctions } from '../../src/util/timers';

const identity = (address: { host: string; port: number }): { host: string; port: number } => address;

describe('CLUSTER SLOTS', () => {
  const reply = [
    [0, 5460, ['10.0.0.1', 7000, 'id-a'], ['10.0.0.4', 7003, 'id-d']],
    [5461, 10922, ['10.0.0.2', 7001, 'id-b'], ['?', 7004, 'id-e']],
    [10923, 16383, ['?', 7002, 'id-c'], ['10.0.0.6', 7005, 'id-f']],
    [1, 0, ['10.0.0.9', 7009]],
    'garbage',
  ];

  it('keeps masters first, skips unknown endpoints, drops a range whose master has none', () => {
    const ranges = parseClusterSlots(reply, identity);
    expect(ranges).toEqual([
      { start: 0, end: 5460, nodes: [{ host: '10.0.0.1', port: 7000, id: 'id-a' }, { host: '10.0.0.4', port: 7003, id: 'id-d' }] },
      { start: 5461, end: 10922, nodes: [{ host: '10.0.0.2', port: 7001, id: 'id-b' }] },
    ]);
    expect(() => parseClusterSlots('ERR', identity)).toThrow(TypeError);
  });

  it('applies natMap, as a table or a function', () => {
    const table = natMapperOf({ '10.0.0.1:7000': { host: '127.0.0.1', port: 30001 } });
    expect(parseClusterSlots(reply, table)[0]!.nodes[0]).toEqual({ host: '127.0.0.1', port: 30001, id: 'id-a' });
    const fn = natMapperOf((key) => (key.startsWith('10.0.0.4') ? { host: 'localhost', port: 1 } : null));
    expect(parseClusterSlots(reply, fn)[0]!.nodes.map((node) => `${node.host}:${node.port}`)).toEqual(['10.0.0.1:7000', 'localhost:1']);
  });

  it('fills a SlotMap; MOVED replaces one slot; node ids are kept', () => {
    const map = new SlotMap();
    expect(map.isEmpty).toBe(true);
    map.replace(parseClusterSlots(reply, identity));
    expect(map.nodesOf(0)).toEqual(['10.0.0.1:7000', '10.0.0.4:7003']);
    expect(map.masterOf(10922)).toBe('10.0.0.2:7001');
    expect(map.masterOf(10923)).toBeUndefined();
    expect(map.countUnmapped()).toBe(16384 - 10923);
    expect(map.nodeIdOf('10.0.0.4:7003')).toBe('id-d');
    map.assign(3, '10.0.0.2:7001');
    expect(map.nodesOf(3)).toEqual(['10.0.0.2:7001']);
    expect(map.nodesOf(4)).toEqual(['10.0.0.1:7000', '10.0.0.4:7003']);
  });

  it('parses node keys, IPv6 included', () => {
    expect(parseNodeKey('127.0.0.1:7000')).toEqual({ host: '127.0.0.1', port: 7000 });
    expect(parseNodeKey('[::1]:7000')).toEqual({ host: '::1', port: 7000 });
    expect(() => parseNodeKey('nohost')).toThrow(TypeError);
  });
});

describe('slots of a command', () => {
  const built = (name: string, ...args: unknown[]): Command => buildCommand(name, args, false, { keyPrefix: '', keyPrefixBuffer: Buffer.alloc(0) });

  it('hashes keys as Redis does, hash tags included', () => {
    expect(slotOfKey('foo')).toBe(12182);
    expect(slotOfKey('{user1000}.following')).toBe(slotOfKey('{user1000}.followers'));
    expect(slotOfKey('foo{}{bar}')).toBe(slotOfKey('foo{}{bar}'));
    expect(slotOfKey(Buffer.from('foo'))).toBe(12182);
    expect(slotsOf(built('get', 'foo'))).toEqual([12182]);
  });

  it('returns every slot of a multi-key command, none for a keyless one', () => {
    expect(slotsOf(built('mget', '{a}1', '{a}2'))).toEqual([slotOfKey('a')]);
    expect(slotsOf(built('mget', 'a', 'b', 'a'))).toEqual([slotOfKey('a'), slotOfKey('b')]);
    expect(slotsOf(built('mset', { '{x}1': 1, '{x}2': 2 }))).toEqual([slotOfKey('x')]);
    expect(slotsOf(built('ping'))).toEqual([]);
    expect(slotsOf(built('eval', 'return 1', 2, 'a', 'b', 'not-a-key'))).toEqual([slotOfKey('a'), slotOfKey('b')]);
    expect(slotsOf(built('ssubscribe', 'chan'))).toEqual([slotOfKey('chan')]);
    expect(slotsOf(built('xread', 'COUNT', 1, 'STREAMS', '{s}1', '{s}2', '0', '0'))).toEqual([slotOfKey('s')]);
    expect(slotsOf(new Command('nosuchcommand', ['k']))).toEqual([]);
  });

  it('hashes prefixed keys (the prefix is applied before routing)', () => {
    const command = buildCommand('get', ['k'], false, { keyPrefix: '{app}:', keyPrefixBuffer: Buffer.from('{app}:') });
    expect(slotsOf(command)).toEqual([slotOfKey('app')]);
  });
});

describe('MOVED and ASK', () => {
  it('parses the reply; refuses slots outside the cluster range and bad ports', () => {
    expect(parseRedirectionReply('MOVED 3999 127.0.0.1:6381')).toEqual({ kind: 'MOVED', slot: 3999, host: '127.0.0.1', port: 6381 });
    expect(parseRedirectionReply('ASK 1 ::1:7000')).toEqual({ kind: 'ASK', slot: 1, host: '::1', port: 7000 });
    expect(parseRedirectionReply('MOVED 12 :7000')).toEqual({ kind: 'MOVED', slot: 12, host: '', port: 7000 });
    expect(parseRedirectionReply('MOVED 16384 127.0.0.1:1')).toBeNull();
    expect(parseRedirectionReply('MOVED __proto__ 127.0.0.1:1')).toBeNull();
    expect(parseRedirectionReply('MOVED 1 127.0.0.1:0')).toBeNull();
    expect(parseRedirectionReply('ERR MOVED 1 127.0.0.1:1')).toBeNull();
  });

  it('turns a ReplyError into MovedError / AskError, keeping message and command', () => {
    const reply = new ReplyError('MOVED 7 10.0.0.2:7001');
    reply.command = { name: 'get', args: ['k'] };
    const moved = toRedirectionError(reply) as MovedError;
    expect(moved).toBeInstanceOf(MovedError);
    expect(moved).toBeInstanceOf(ReplyError);
    expect([moved.slot, moved.host, moved.port, moved.message, moved.code, moved.command]).toEqual([7, '10.0.0.2', 7001, 'MOVED 7 10.0.0.2:7001', 'MOVED', { name: 'get', args: ['k'] }]);
    expect(toRedirectionError(new ReplyError('ASK 7 h:1'))).toBeInstanceOf(AskError);
    const other = new ReplyError('WRONGTYPE x');
    expect(toRedirectionError(other)).toBe(other);
  });
});

function context(overrides: Partial<ErrorContext> = {}): ErrorContext {
  return {
    endpoint: '127.0.0.1:7000', connectionId: 1, serverClientId: null, ownerPid: 1, pid: 1, state: 'ready',
    command: { name: 'incr', args: ['k'] }, written: true, mayHaveExecuted: true, elapsedMs: 1, partialReplyBytes: 0,
    inFlight: 1, offlineQueued: 0, attempt: 0, cause: null, ...overrides,
  };
}

describe('what an error means for a retry', () => {
  const write = { isReadOnly: false };
  const read = { isReadOnly: true };

  it('redirection replies: the command did not run, send it again', () => {
    expect(classify(new ReplyError('MOVED 1 h:1'), write).kind).toBe('MOVED');
    expect(classify(new ReplyError('ASK 1 h:1'), write).kind).toBe('ASK');
    expect(classify(new ReplyError('TRYAGAIN Multiple keys request during rehashing of slot'), write).kind).toBe('TRYAGAIN');
    expect(classify(new ReplyError('CLUSTERDOWN The cluster is down'), write).kind).toBe('CLUSTERDOWN');
    expect(classify(new ReplyError('WRONGTYPE Operation against a key'), write).kind).toBe('final');
    expect(classify(new ReplyError('MOVED 99999 h:1'), write).kind).toBe('final');
  });

  it('a written write whose reply was lost is final (at most once); a read is retried', () => {
    const lost = new ConnectionLostError(context(), 'read ECONNRESET');
    expect(classify(lost, write)).toEqual({ kind: 'final', error: lost });
    expect(classify(lost, read).kind).toBe('FAILOVER');
  });

  it('connection errors from before the write are retried, policy errors are not', () => {
    const unwritten = context({ written: false, mayHaveExecuted: false });
    expect(classify(new ConnectionClosedError(unwritten), write).kind).toBe('FAILOVER');
    expect(classify(new MaxRetriesPerRequestError(unwritten, 0), write).kind).toBe('FAILOVER');
    expect(classify(new CommandTimeoutError(context({ written: true, mayHaveExecuted: true })), read).kind).toBe('final');
    expect(classify(new TypeError('bad argument'), read).kind).toBe('final');
  });
});

// ─── fake clock ─────────────────────────────────────────────────────────────────────────────

interface FakeTimer { due: number; callback: () => void; cleared: boolean; unref(): void }
let time = 0;
let timers: FakeTimer[] = [];
let saved: TimerFunctions;

beforeEach(() => {
  time = 1_000;
  timers = [];
  saved = { ...timerFunctions };
  Object.assign(timerFunctions, {
    setTimeout: (callback: () => void, ms: number) => {
      const timer: FakeTimer = { due: time + ms, callback, cleared: false, unref: () => undefined };
      timers.push(timer);
      return timer;
    },
    clearTimeout: (handle: unknown) => {
      (handle as FakeTimer).cleared = true;
    },
    now: () => time,
  } satisfies TimerFunctions);
});
afterEach(() => {
  Object.assign(timerFunctions, saved);
});

async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

async function advance(ms: number): Promise<void> {
  const until = time + ms;
  for (;;) {
    const next = timers.filter((timer) => !timer.cleared && timer.due <= until).sort((a, b) => a.due - b.due)[0];
    if (next === undefined) break;
    time = Math.max(time, next.due);
    next.cleared = true;
    next.callback();
    await flush();
  }
  time = until;
  await flush();
}

describe('SlotsRefresher', () => {
  function harness(): { refresher: SlotsRefresher; starts: number[]; finish(error?: Error): void } {
    const starts: number[] = [];
    const pending: Array<{ resolve(): void; reject(error: Error): void }> = [];
    const refresher = new SlotsRefresher(() => {
      starts.push(time);
      return new Promise<void>((resolve, reject) => pending.push({ resolve, reject }));
    }, 100);
    return {
      refresher,
      starts,
      finish: (error) => {
        const next = pending.shift()!;
        if (error === undefined) next.resolve();
        else next.reject(error);
      },
    };
  }

  it('runs one refresh at a time; triggers meanwhile join one next run', async () => {
    const { refresher, starts, finish } = harness();
    const first = refresher.refresh();
    expect(starts).toEqual([1000]);
    const during = Array.from({ length: 50 }, () => refresher.refresh());
    expect(refresher.coalesced).toBe(49);
    await advance(500);
    expect(starts).toEqual([1000]);
    finish();
    await first;
    await flush();
    // The next run starts at once: 100 ms have passed since the first started.
    expect(starts).toEqual([1000, 1500]);
    finish();
    await Promise.all(during);
    expect(refresher.runs).toBe(2);
  });

  it('paces starts at least minInterval apart and shares a failure with every waiter', async () => {
    const { refresher, starts, finish } = harness();
    const first = refresher.refresh();
    finish();
    await first;
    const second = refresher.refresh();
    const third = refresher.refresh();
    expect(starts).toEqual([1000]);
    await advance(99);
    expect(starts).toEqual([1000]);
    await advance(1);
    expect(starts).toEqual([1000, 1100]);
    finish(new Error('all nodes failed'));
    await expect(second).rejects.toThrow('all nodes failed');
    await expect(third).rejects.toThrow('all nodes failed');
  });

  it('stop() rejects a pending refresh and refuses new ones until start()', async () => {
    const { refresher, starts, finish } = harness();
    void refresher.refresh();
    const pending = refresher.refresh();
    refresher.stop();
    await expect(pending).rejects.toThrow('Cluster is disconnected.');
    await expect(refresher.refresh()).rejects.toThrow('Cluster is disconnected.');
    finish();
    refresher.start();
    await advance(100);
    void refresher.refresh();
    expect(starts).toHaveLength(2);
  });
});

describe('DelayQueue', () => {
  it('one timer per kind; `before` runs once per batch, then every retry', async () => {
    const queue = new DelayQueue();
    const log: string[] = [];
    let refreshes = 0;
    const before = async (): Promise<void> => {
      refreshes += 1;
      log.push('refresh');
    };
    queue.push('failover', 100, () => log.push('a'), before);
    queue.push('failover', 100, () => log.push('b'), before);
    queue.push('tryagain', 50, () => log.push('t'));
    expect(queue.size).toBe(3);
    expect(timers.filter((timer) => !timer.cleared)).toHaveLength(2);
    await advance(50);
    expect(log).toEqual(['t']);
    await advance(50);
    expect(log).toEqual(['t', 'refresh', 'a', 'b']);
    expect(refreshes).toBe(1);
    queue.push('moved', 1000, () => log.push('m'));
    queue.flush();
    expect(log.at(-1)).toBe('m');
    expect(queue.size).toBe(0);
  });
});

describe('options', () => {
  it("fills ioredis's defaults and takes keyPrefix from redisOptions", () => {
    const options = resolveClusterOptions({ redisOptions: { keyPrefix: 'p:' } });
    expect(options).toMatchObject({
      maxRedirections: 16, retryDelayOnFailover: 100, retryDelayOnClusterDown: 100, retryDelayOnTryAgain: 100,
      retryDelayOnMoved: 0, slotsRefreshTimeout: 1000, scaleReads: 'master', enableOfflineQueue: true,
      enableReadyCheck: true, lazyConnect: false, keyPrefix: 'p:',
    });
    expect(options.clusterRetryStrategy?.(1)).toBe(102);
    expect(options.clusterRetryStrategy?.(1000)).toBe(2000);
  });

  it('refuses bad values with a TypeError naming the option', () => {
    expect(() => resolveClusterOptions({ maxRedirections: -1 })).toThrow('Invalid option "maxRedirections": expected a non-negative integer, got -1');
    expect(() => resolveClusterOptions({ retryDelayOnFailover: 'soon' as unknown as number })).toThrow(TypeError);
    expect(() => resolveClusterOptions({ scaleReads: 'replica' as 'slave' })).toThrow('Invalid option scaleReads "replica". Expected "all", "master", "slave" or a custom function');
  });

  it('normalizes startup nodes as ioredis does', () => {
    expect(normalizeStartupNodes([7000, '127.0.0.2:7001', 'redis://h:7002', { host: 'x' }, { port: '7003' }, {}])).toEqual([
      { host: '127.0.0.1', port: 7000 },
      { host: '127.0.0.2', port: 7001 },
      { host: 'h', port: 7002 },
      { host: 'x', port: 6379 },
      { host: '127.0.0.1', port: 7003 },
      { host: '127.0.0.1', port: 6379 },
    ]);
    expect(() => normalizeStartupNodes([])).toThrow('`startupNodes` should contain at least one node.');
  });
});

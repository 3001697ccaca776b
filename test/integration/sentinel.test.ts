/**
 * Sentinel (issue 5) against a real topology: 1 master, 1 replica, 3 sentinels, all with passwords.
 * The tests run in order on one topology: plain connects and errors first, then a SENTINEL FAILOVER
 * under load, a demoted node answering READONLY, and last a SIGKILLed master under load.
 *
 * What must hold across a failover: every connection (shared, lease, subscriber) asks the sentinels
 * again before it dials, so it reaches the new master and authenticates there; no write issued
 * after `+switch-master` runs on the old master; a write that may have run on the old master fails
 * with `mayHaveExecuted: true` and is never re-sent.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Redis, { MaxRetriesPerRequestError } from '../../src/index';
import { RoleMismatchError } from '../../src/connection/handshake';
import { SentinelError } from '../../src/sentinel/SentinelError';
import { closeAllFakeServers, handshakeReply, reply, startFakeServer } from '../fixtures/fakeServer';
import { parseInfo, startRedis, stopAll, type RedisServer } from '../fixtures/redisServer';
import { monitorServer, startSentinelTopology, type SentinelTopology } from '../fixtures/sentinel';

let topo: SentinelTopology;
const clients: Redis[] = [];

beforeAll(async () => {
  topo = await startSentinelTopology();
});

afterAll(async () => {
  for (const client of clients) client.disconnect();
  await topo?.stop();
  await closeAllFakeServers();
  await stopAll();
});

function track(client: Redis): Redis {
  clients.push(client);
  return client;
}

async function tcpPortOf(client: Redis | { info(section: string): Promise<string> }): Promise<number> {
  return Number(parseInfo(await client.info('server')).tcp_port);
}

async function statOf(server: RedisServer, command: string): Promise<number> {
  const line = (await server.info('commandstats'))[`cmdstat_${command}`] ?? 'calls=0';
  return Number(/calls=(\d+)/.exec(line)?.[1] ?? 0);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A port nobody listens on (bound by the OS, then released). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface WriteRecord {
  seq: number;
  issuedAfterSwitch: boolean;
  issuedAt: number;
  settledAt: number;
  ok: boolean;
  error?: Error;
  mayHaveExecuted?: boolean;
}

/**
 * `workers` loops of `SET <prefix><seq> <seq>` until `done()` says stop (checked after each write).
 * `afterSwitch()` is read when each write is issued.
 */
function runLoad(client: Redis, prefix: string, options: { workers: number; afterSwitch: () => boolean; done: (records: WriteRecord[]) => boolean }): { records: WriteRecord[]; finished: Promise<void> } {
  const records: WriteRecord[] = [];
  let seq = 0;
  let stop = false;
  const worker = async (): Promise<void> => {
    while (!stop) {
      const record: WriteRecord = { seq: ++seq, issuedAfterSwitch: options.afterSwitch(), issuedAt: Date.now(), settledAt: 0, ok: false };
      records.push(record);
      try {
        await client.set(`${prefix}${record.seq}`, String(record.seq));
        record.ok = true;
      } catch (error) {
        record.error = error as Error;
        record.mayHaveExecuted = (error as { context?: { mayHaveExecuted?: boolean } }).context?.mayHaveExecuted;
        // A failed write is not retried by the load: the caller decides, and here it moves on.
        await sleep(5);
      }
      record.settledAt = Date.now();
      if (options.done(records)) stop = true;
    }
  };
  const finished = Promise.all(Array.from({ length: options.workers }, worker)).then(() => undefined);
  return { records, finished };
}

function summarize(records: WriteRecord[]): { ok: number; failed: number; mayHaveExecuted: number; notExecuted: number; errorNames: Record<string, number> } {
  const failed = records.filter((r) => !r.ok);
  const errorNames: Record<string, number> = {};
  for (const record of failed) errorNames[record.error!.name] = (errorNames[record.error!.name] ?? 0) + 1;
  return {
    ok: records.length - failed.length,
    failed: failed.length,
    mayHaveExecuted: failed.filter((r) => r.mayHaveExecuted === true).length,
    notExecuted: failed.filter((r) => r.mayHaveExecuted === false).length,
    errorNames,
  };
}

/** Sequence numbers of `SET <prefix>N` lines a MONITOR saw, except those replicated from `replicatedFrom`. */
function executedSeqs(lines: readonly string[], prefix: string, replicatedFrom: string): Set<number> {
  const seqs = new Set<number>();
  const pattern = new RegExp(`^[\\d.]+ \\[\\d+ ([^\\]]+)\\] "set" "${prefix}(\\d+)"`, 'i');
  for (const line of lines) {
    const match = pattern.exec(line);
    if (match !== null && match[1] !== replicatedFrom) seqs.add(Number(match[2]));
  }
  return seqs;
}

/** From the first acknowledged write the new master lacks to the switch: writes there were lost with the old master. */
function lostWindow(acked: WriteRecord[], values: Array<string | null>, switchedAt: number): number {
  const lost = acked.filter((_, i) => values[i] === null).map((r) => r.settledAt);
  return lost.length === 0 ? 0 : switchedAt - Math.min(...lost);
}

describe('Sentinel', () => {
  it('connects through the sentinels: shared, lease and subscriber connections all reach the master', async () => {
    const client = track(new Redis({ sentinels: topo.sentinelAddresses, name: topo.name, password: topo.password, connectionName: 'st-basic' }));
    expect(await client.set('basic:k', 'v')).toBe('OK');
    expect(await tcpPortOf(client)).toBe(topo.master.port);
    expect(((await client.call('role')) as unknown[])[0]).toBe('master');
    expect(await client.withConnection((lease) => tcpPortOf(lease))).toBe(topo.master.port);
    await client.subscribe('basic:news');
    const names = String(await topo.master.command('CLIENT', 'LIST')).split('\n').filter((line) => / name=st-basic /.test(line));
    // shared + lease + subscriber, each authenticated on its own socket
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect(await topo.replica.command('CLIENT', 'LIST')).not.toMatch(/ name=st-basic /);
    expect(client.options.role).toBe('master');
    await client.quit();
  });

  it("role: 'slave' connects to the replica, where a write is refused and not retried", async () => {
    const client = track(new Redis({ sentinels: topo.sentinelAddresses, name: topo.name, password: topo.password, role: 'slave' }));
    expect(await tcpPortOf(client)).toBe(topo.replica.port);
    expect(((await client.call('role')) as unknown[])[0]).toBe('slave');
    await expect(client.set('replica:k', 'v')).rejects.toThrow(/^READONLY/);
    expect(client.status).toBe('ready');
    expect(await tcpPortOf(client)).toBe(topo.replica.port);
    await client.quit();
  });

  it('an unknown master name fails with a SentinelError naming the name and every sentinel, no password', async () => {
    const sentinelPassword = 'sentinel-secret-4f9a';
    const client = track(new Redis({
      sentinels: topo.sentinelAddresses, name: 'nope', password: 'data-secret-77c1', sentinelPassword,
      lazyConnect: true, retryStrategy: () => null, sentinelRetryStrategy: null,
    }));
    const errors: Error[] = [];
    client.on('error', (error: Error) => errors.push(error));
    const connectError = await client.connect().then(() => null, (error: Error) => error);
    expect(connectError?.message).toBe('Connection is closed.');
    const error = errors.find((e) => e instanceof SentinelError) as SentinelError;
    expect(error).toBeInstanceOf(SentinelError);
    expect(error.code).toBe('ERR_SENTINEL_UNKNOWN_MASTER');
    expect(error.message).toMatch(/^no sentinel knows a master named "nope": /);
    for (const sentinel of topo.sentinelAddresses) expect(error.message).toContain(`${sentinel.host}:${sentinel.port} unknown master name`);
    expect(error.context).toMatchObject({ masterName: 'nope', role: 'master', passes: 1 });
    expect(error.context.attempts).toHaveLength(3);
    expect((connectError as Error & { context?: { cause?: unknown } }).context?.cause).toMatchObject({ code: 'ERR_SENTINEL_UNKNOWN_MASTER', message: error.message });
    const everything = JSON.stringify([error.message, error.stack, error.context, connectError?.stack, (connectError as { context?: unknown }).context]);
    expect(everything).not.toContain(sentinelPassword);
    expect(everything).not.toContain('data-secret-77c1');
  });

  it('a queued command that outlives maxRetriesPerRequest carries the sentinel error as its cause', async () => {
    const client = track(new Redis({
      sentinels: topo.sentinelAddresses, name: 'nope', password: topo.password,
      maxRetriesPerRequest: 1, retryStrategy: () => 20, sentinelRetryStrategy: null,
    }));
    client.on('error', () => undefined);
    const error = await client.get('x').then(() => null, (e: Error) => e);
    expect(error).toBeInstanceOf(MaxRetriesPerRequestError);
    expect((error as MaxRetriesPerRequestError).context.cause).toMatchObject({ code: 'ERR_SENTINEL_UNKNOWN_MASTER' });
    expect((error as MaxRetriesPerRequestError).context.cause?.message).toContain('"nope"');
    client.disconnect();
  });

  it('all sentinels down: one error lists each sentinel with its cause, over every pass', async () => {
    const down = [await closedPort(), await closedPort()].map((port) => ({ host: '127.0.0.1', port }));
    const client = track(new Redis({
      sentinels: down, name: topo.name, password: topo.password, lazyConnect: true, retryStrategy: () => null,
      sentinelRetryStrategy: (times) => (times < 3 ? 10 : null),
    }));
    const errors: Error[] = [];
    const perSentinel: SentinelError[] = [];
    client.on('error', (error: Error) => errors.push(error));
    client.on('sentinelError', (error: SentinelError) => perSentinel.push(error));
    await expect(client.connect()).rejects.toThrow('Connection is closed.');
    const error = errors[0] as SentinelError;
    expect(error).toBeInstanceOf(SentinelError);
    expect(error.code).toBe('ERR_SENTINEL_UNREACHABLE');
    expect(error.message).toBe(
      `all sentinels unreachable for ${topo.name} (3 passes in ${Math.round(error.context.elapsedMs)} ms): ` +
      down.map((s) => `127.0.0.1:${s.port} connect ECONNREFUSED (×3)`).join(', '),
    );
    expect(error.context.attempts).toHaveLength(6);
    expect(error.context.attempts[0]!.cause).toMatchObject({ code: 'ECONNREFUSED', syscall: 'connect' });
    expect(perSentinel).toHaveLength(6);
    // A later command says why the client closed.
    const closed = await client.get('x').then(() => null, (e: Error & { context?: { cause?: { code?: string } } }) => e);
    expect(closed?.context?.cause?.code).toBe('ERR_SENTINEL_UNREACHABLE');
  });

  it('sentinelUsername/sentinelPassword reach the sentinel; natMap translates the address it reports', async () => {
    const seen: string[][] = [];
    const fakeSentinel = await startFakeServer({
      onCommand(command, conn) {
        seen.push(command);
        const name = command[0]!.toUpperCase();
        if (name === 'SENTINEL' && command[1]!.toLowerCase() === 'get-master-addr-by-name') {
          const authed = conn.commands.some((c) => c[0]!.toUpperCase() === 'AUTH' && c[1] === 'watcher' && c[2] === 'sentinel-pw');
          conn.write(authed ? reply.array([reply.bulk('10.255.0.1'), reply.bulk('6379')]) : reply.error('NOAUTH Authentication required.'));
        } else if (name === 'SENTINEL') {
          conn.write(reply.array([]));
        } else {
          conn.write(handshakeReply(command, conn) ?? reply.error('ERR unknown command'));
        }
      },
    });
    const client = track(new Redis({
      sentinels: [{ host: fakeSentinel.host, port: fakeSentinel.port }], name: topo.name, password: topo.password,
      sentinelUsername: 'watcher', sentinelPassword: 'sentinel-pw',
      natMap: { '10.255.0.1:6379': { host: topo.master.host, port: topo.master.port } },
    }));
    expect(await tcpPortOf(client)).toBe(topo.master.port);
    expect(seen.find((c) => c[0]!.toUpperCase() === 'AUTH')?.slice(1)).toEqual(['watcher', 'sentinel-pw']);
    await client.quit();
  });

  it('tls reaches the data node only with enableTLSForSentinelMode (as ioredis)', async () => {
    const node = await startRedis({ preset: 'tls', tlsOnly: true, password: 'tls-node-pw' });
    const fakeSentinel = await startFakeServer({
      onCommand(command, conn) {
        if (command[0]!.toUpperCase() !== 'SENTINEL') conn.write(handshakeReply(command, conn) ?? reply.error('ERR unknown command'));
        else if (command[1]!.toLowerCase() === 'get-master-addr-by-name') conn.write(reply.array([reply.bulk(node.host), reply.bulk(String(node.port))]));
        else conn.write(reply.array([]));
      },
    });
    const common = {
      sentinels: [{ host: fakeSentinel.host, port: fakeSentinel.port }], name: 'tlsmaster', password: 'tls-node-pw',
      tls: { ca: node.tls!.ca }, role: 'master' as const,
    };
    const withTls = track(new Redis({ ...common, enableTLSForSentinelMode: true }));
    expect(await withTls.ping()).toBe('PONG');
    expect(await withTls.call('role')).toEqual(expect.arrayContaining(['master']));
    await withTls.quit();
    const plain = track(new Redis({ ...common, lazyConnect: true, connectTimeout: 1000, retryStrategy: () => null }));
    plain.on('error', () => undefined);
    await expect(plain.connect()).rejects.toThrow('Connection is closed.');
    await node.stop();
  });

  it('SENTINEL FAILOVER under load (failoverDetector): the client follows at once, AUTH re-sent, nothing issued after +switch-master runs on the old master', async () => {
    const oldMaster = topo.master;
    const newMaster = topo.replica;
    const client = track(new Redis({ sentinels: topo.sentinelAddresses, name: topo.name, password: topo.password, failoverDetector: true, connectionName: 'st-load' }));
    const subscribed = new Promise<void>((resolve) => client.once('failoverSubscribed', () => resolve()));
    client.on('error', () => undefined);
    await client.ping();
    await subscribed;
    const tap = await monitorServer(oldMaster);
    const authBefore = await statOf(newMaster, 'auth');

    let switchedAt = 0;
    let switchEvent: { from: { port: number }; to: { port: number } } | null = null;
    client.on('switchMaster', (event: typeof switchEvent) => {
      switchEvent = event;
      switchedAt = Date.now();
    });
    const load = runLoad(client, 'load1:', {
      workers: 8,
      afterSwitch: () => switchedAt > 0,
      done: (records) => records.filter((r) => r.ok && r.issuedAfterSwitch).length >= 300 || (switchedAt === 0 && Date.now() - records[0]!.issuedAt > 20_000),
    });
    while (load.records.filter((r) => r.ok).length < 100) await sleep(10);
    const failoverStartedAt = Date.now();
    await topo.failover();
    await load.finished;
    tap.stop();

    expect(switchEvent).toMatchObject({ from: { port: oldMaster.port }, to: { port: newMaster.port } });
    expect(await tcpPortOf(client)).toBe(newMaster.port);
    expect(await statOf(newMaster, 'auth')).toBeGreaterThan(authBefore);
    expect(String(await newMaster.command('CLIENT', 'LIST'))).toMatch(/ name=st-load /);

    const records = load.records;
    const afterSwitch = records.filter((r) => r.issuedAfterSwitch);
    const onOld = executedSeqs(tap.lines, 'load1:', `${newMaster.host}:${newMaster.port}`);
    const afterSwitchOnOld = afterSwitch.filter((r) => onOld.has(r.seq));
    expect(afterSwitchOnOld).toEqual([]);
    // Every write acknowledged after the switch is on the new master.
    const okAfter = afterSwitch.filter((r) => r.ok);
    const values = (await client.mget(okAfter.map((r) => `load1:${r.seq}`))) as Array<string | null>;
    expect(values.filter((v, i) => v !== String(okAfter[i]!.seq))).toEqual([]);
    // Failures are connection errors that say whether the write may have run; none is re-sent.
    for (const record of records.filter((r) => !r.ok)) expect(typeof record.mayHaveExecuted).toBe('boolean');

    const before = records.filter((r) => !r.issuedAfterSwitch);
    const okBefore = before.filter((r) => r.ok);
    const survived = (await client.mget(okBefore.map((r) => `load1:${r.seq}`))) as Array<string | null>;
    const firstOkOnNew = Math.min(...okAfter.map((r) => r.settledAt));
    console.log('[sentinel figures] SENTINEL FAILOVER under load', JSON.stringify({
      failoverToSwitchMs: switchedAt - failoverStartedAt,
      switchToFirstOkOnNewMs: firstOkOnNew - switchedAt,
      issued: records.length,
      beforeSwitch: summarize(before),
      afterSwitch: summarize(afterSwitch),
      ackedBeforeSwitchLost: survived.filter((v) => v === null).length,
      ackedBeforeFailoverCommandLost: survived.filter((v, i) => v === null && okBefore[i]!.settledAt < failoverStartedAt).length,
      lostWindowMs: lostWindow(okBefore, survived, switchedAt),
      executedOnOldMaster: onOld.size,
    }));
    await client.quit();
  }, 40_000);

  it('a demoted node answering READONLY: the client asks the sentinels again and re-sends the refused writes once, in order', async () => {
    // A node the sentinels do not watch, demoted under the client: what a master turned replica does.
    const demoted = await startRedis({ password: topo.password, args: ['--masterauth', topo.password] });
    const upstream = await startRedis({ password: topo.password });
    const current = await topo.currentMaster();
    const currentNode = topo.nodeAt(current.port);
    let redirect = true;
    const client = track(new Redis({
      sentinels: topo.sentinelAddresses, name: topo.name, password: topo.password,
      // The first resolution lands on `demoted`, later ones on the real master.
      natMap: (key) => (redirect && key === `${current.host}:${current.port}` ? { host: demoted.host, port: demoted.port } : null),
    }));
    client.on('error', () => undefined);
    expect(await tcpPortOf(client)).toBe(demoted.port);
    redirect = false;
    await demoted.command('REPLICAOF', upstream.host, upstream.port);
    const tap = await monitorServer(demoted);
    const [first, second, counter] = await Promise.all([client.set('ro:k', '1'), client.set('ro:k', '2'), client.incr('ro:n')]);
    tap.stop();
    expect([first, second, counter]).toEqual(['OK', 'OK', 1]);
    expect(await tcpPortOf(client)).toBe(current.port);
    expect(await currentNode.command('GET', 'ro:k')).toBe('2');
    expect(await currentNode.command('GET', 'ro:n')).toBe('1');
    const errorstats = await demoted.info('errorstats');
    expect(errorstats.errorstat_READONLY).toMatch(/^count=3$/);
    expect(tap.lines.filter((line) => /"(set|incr)" "ro:/i.test(line))).toEqual([]);
    await client.quit();
    await demoted.stop();
    await upstream.stop();
  });

  it('a node in the wrong role is left and the address asked again, without failing queued commands', async () => {
    const current = await topo.currentMaster();
    const replicaNode = [topo.master, topo.replica].find((node) => node.port !== current.port)!;
    // Make sure the old master is a replica now (Sentinel does this ~10 s after a failover).
    await topo.reattach(replicaNode);
    let lies = 2;
    const client = track(new Redis({
      sentinels: topo.sentinelAddresses, name: topo.name, password: topo.password, retryStrategy: () => 10,
      // The first two answers point at the replica, as a sentinel behind a failover would.
      natMap: (key) => (key === `${current.host}:${current.port}` && lies-- > 0 ? { host: replicaNode.host, port: replicaNode.port } : null),
    }));
    const mismatches: RoleMismatchError[] = [];
    client.on('error', (error: Error) => {
      if (error instanceof RoleMismatchError) mismatches.push(error);
    });
    expect(await client.set('role:k', 'v')).toBe('OK');
    expect(mismatches).toHaveLength(2);
    expect(mismatches[0]!).toMatchObject({ expected: 'master', actual: 'slave', code: 'ERR_ROLE_MISMATCH' });
    expect(mismatches[0]!.context?.endpoint).toBe(`${replicaNode.host}:${replicaNode.port}`);
    expect(await tcpPortOf(client)).toBe(current.port);
    await client.quit();
  });

  it('SIGKILL of the master under load: sentinels promote the replica; shared, lease and subscriber connections follow with AUTH', async () => {
    const current = await topo.currentMaster();
    const doomed = topo.nodeAt(current.port);
    const heir = [topo.master, topo.replica].find((node) => node.port !== current.port)!;
    const client = track(new Redis({ sentinels: topo.sentinelAddresses, name: topo.name, password: topo.password, failoverDetector: true }));
    const errorNames: Record<string, number> = {};
    client.on('error', (error: Error) => {
      errorNames[error.name] = (errorNames[error.name] ?? 0) + 1;
    });
    const messages: string[] = [];
    client.on('message', (_channel: string, message: string) => messages.push(message));
    await client.subscribe('kill:news');
    expect(await client.withConnection((lease) => tcpPortOf(lease))).toBe(doomed.port);
    const authBefore = await statOf(heir, 'auth');

    let killedAt = 0;
    let promotedAt = 0;
    const load = runLoad(client, 'load2:', {
      workers: 8,
      afterSwitch: () => killedAt > 0,
      done: (records) => (promotedAt > 0 && records.filter((r) => r.ok && r.issuedAt > promotedAt).length >= 200) || (killedAt > 0 && Date.now() - killedAt > 25_000),
    });
    while (load.records.filter((r) => r.ok).length < 100) await sleep(10);
    doomed.kill('SIGKILL');
    killedAt = Date.now();
    await topo.waitForMaster(heir.port);
    promotedAt = Date.now();
    await load.finished;

    expect(await tcpPortOf(client)).toBe(heir.port);
    expect(await client.withConnection((lease) => tcpPortOf(lease))).toBe(heir.port);
    expect(await statOf(heir, 'auth')).toBeGreaterThan(authBefore);
    // The subscriber re-subscribed on the new master.
    for (let i = 0; i < 100 && messages.length === 0; i++) {
      await heir.command('PUBLISH', 'kill:news', 'after-failover');
      await sleep(50);
    }
    expect(messages).toContain('after-failover');

    const records = load.records;
    const afterKill = records.filter((r) => r.issuedAfterSwitch);
    const okAfterKill = afterKill.filter((r) => r.ok);
    expect(okAfterKill.length).toBeGreaterThanOrEqual(200);
    const values = (await client.mget(okAfterKill.map((r) => `load2:${r.seq}`))) as Array<string | null>;
    expect(values.filter((v, i) => v !== String(okAfterKill[i]!.seq))).toEqual([]);
    for (const record of records.filter((r) => !r.ok)) expect(typeof record.mayHaveExecuted).toBe('boolean');
    const firstOkOnHeir = Math.min(...okAfterKill.map((r) => r.settledAt));
    console.log('[sentinel figures] SIGKILL of the master under load', JSON.stringify({
      killToSentinelsAgreeMs: promotedAt - killedAt,
      killToFirstOkOnNewMs: firstOkOnHeir - killedAt,
      issued: records.length,
      beforeKill: summarize(records.filter((r) => !r.issuedAfterSwitch)),
      afterKill: summarize(afterKill),
      clientErrorEvents: errorNames,
    }));
    await client.quit();
  }, 45_000);
});

// redis-benchmark (the C benchmark shipped with Redis) on the same server and the same commands:
// the ceiling a client could reach with this load shape on this machine.

import { spawn, spawnSync } from 'node:child_process';

/** redis-benchmark's version line, or null when it is not installed. */
export function findRedisBenchmark(bin = 'redis-benchmark') {
  const probe = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return null;
  return probe.stdout.trim();
}

function runOnce({ bin, endpoint, concurrency, pipeline, keepAlive, command, requests }) {
  const args = ['-h', endpoint.host, '-p', String(endpoint.port), '-c', String(concurrency), '-P', String(pipeline)];
  args.push('-n', String(requests), '--csv');
  if (keepAlive === false) args.push('-k', '0');
  if (endpoint.password) args.push('-a', endpoint.password);
  if (endpoint.username) args.push('--user', endpoint.username);
  if (endpoint.db) args.push('--dbnum', String(endpoint.db));
  if (endpoint.tls) {
    args.push('--tls');
    if (endpoint.tls.servername) args.push('--sni', endpoint.tls.servername);
    if (endpoint.tls.caFile) args.push('--cacert', endpoint.tls.caFile);
    if (endpoint.tls.insecure) args.push('--insecure');
  }
  args.push(...command);
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err = (err + c).slice(-1000)));
    child.on('error', reject);
    // 'close', not 'exit': 'exit' can come before the last of stdout has been read.
    child.on('close', (code) => {
      // The last CSV row is "command","rps",...; warnings about -a or keep-alive go to stderr.
      // A run shorter than redis-benchmark's 1 ms clock reports rps "inf": too short, not an error.
      const rows = out.trim().split('\n').filter((l) => l.startsWith('"') && !l.startsWith('"test"'));
      const rpsText = rows.length > 0 ? rows.at(-1).split('","')[1] : undefined;
      if (code === 0 && rpsText === 'inf') {
        resolve(Infinity);
        return;
      }
      const rps = Number(rpsText);
      if (code !== 0 || !Number.isFinite(rps) || rps <= 0) {
        reject(new Error(`redis-benchmark ${command[0]} failed (exit ${code}): ${(err || out).trim().slice(-200)}`));
      } else resolve(rps);
    });
  });
}

/** Runs `requests` requests, ten times as many while the run is too short to time (at most 4 times). */
async function timedRun(base, requests) {
  let rps = await runOnce({ ...base, requests });
  for (let tries = 0; rps === Infinity && tries < 4; tries++) {
    requests *= 10;
    rps = await runOnce({ ...base, requests });
  }
  if (rps === Infinity) throw new Error(`redis-benchmark ${base.command[0]}: ${requests} requests took under 1 ms`);
  return rps;
}

/** Remembered rates per scenario, command and shape, so later rounds need no calibration run. */
const lastRate = new Map();

/**
 * Measures the scenario's ceiling in commands (or cycles) per second. With several load shapes
 * (e.g. 100 connections x 1 in flight, and 1 connection x 100 pipelined) the best one counts:
 * small commands go fastest pipelined, large replies over several connections. A scenario with
 * several commands (SET and GET) is a 50/50 mix, so its rate is the harmonic mean of theirs.
 * The request count is sized from a short calibration run so each run lasts about durationMs.
 */
export async function measureCeiling({ bin = 'redis-benchmark', endpoint, scenarioId, ceiling, durationMs }) {
  const perCommand = {};
  const runs = ceiling.commands.length * ceiling.shapes.length;
  for (const command of ceiling.commands) {
    let best = 0;
    for (const { concurrency, pipeline } of ceiling.shapes) {
      const key = `${scenarioId}:${command[0]}:${concurrency}x${pipeline}`;
      const base = { bin, endpoint, concurrency, pipeline, keepAlive: ceiling.keepAlive, command };
      let estimate = lastRate.get(key);
      if (estimate === undefined) {
        estimate = await timedRun(base, Math.max(200, concurrency * pipeline * 4));
      }
      const requests = Math.max(concurrency * pipeline, Math.round((estimate * durationMs) / runs / 1000));
      const rps = await timedRun(base, requests);
      lastRate.set(key, rps);
      perCommand[`${command[0]} -c ${concurrency} -P ${pipeline}`] = rps;
      best = Math.max(best, rps);
    }
    perCommand[command[0]] = best;
  }
  const best = ceiling.commands.map((c) => perCommand[c[0]]);
  const opsPerSec = best.length / best.reduce((sum, r) => sum + 1 / r, 0);
  return { opsPerSec, perCommand };
}

/** A one-line description of the redis-benchmark runs, for the report. */
export function describeCeiling(ceiling) {
  const shapes = ceiling.shapes.map((s) => `-c ${s.concurrency} -P ${s.pipeline}${ceiling.keepAlive === false ? ' -k 0' : ''}`);
  const commands = ceiling.commands.map((c) => c.map((a) => (a.length > 24 ? `<${a.length} B>` : a)).join(' '));
  const shapeText = shapes.length === 1 ? shapes[0] : `best of (${shapes.join(') and (')})`;
  return `redis-benchmark ${shapeText}: ${commands.join(' / ')}`;
}

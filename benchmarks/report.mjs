// Turns the per-round results into summaries, and writes them as JSON, Markdown and an SVG chart.
//
// Ratios are taken pair by pair inside a round (client / ioredis in round r), then summarised
// over rounds, so a slow moment of the machine affects both sides of a ratio alike.

import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLIENTS } from './clients/index.mjs';
import { spread } from './stats.mjs';

const BASELINES = { vsIoredis: 'ioredis', vsNodeRedis: 'node-redis' };

/** Adds `summary` (per client) and `ceilingSummary` to each scenario of the run. */
export function summarise(run) {
  for (const scenario of run.scenarios) {
    if (scenario.skipped) continue;
    const present = new Set(scenario.rounds.flatMap((r) => Object.keys(r.results)));
    const clients = CLIENTS.filter((c) => present.has(c));
    scenario.summary = {};
    for (const client of clients) {
      const cells = scenario.rounds.map((r) => r.results[client]).filter(Boolean);
      const ok = cells.filter((c) => c.ok);
      const pick = (f) => spread(ok.map(f));
      const summary = {
        rounds: cells.length,
        okRounds: ok.length,
        failures: [...new Set(cells.filter((c) => !c.ok).map((c) => c.error))],
        opsPerSec: pick((c) => c.opsPerSec),
        p50Ms: pick((c) => c.latency?.p50Ms),
        p99Ms: pick((c) => c.latency?.p99Ms),
        maxMs: pick((c) => c.latency?.maxMs),
        cpuUsPerOp: pick((c) => c.cpuUsPerOp),
        peakRssMb: pick((c) => c.peakRssMb),
        commandErrors: ok.reduce((n, c) => n + (c.errors ?? 0), 0),
        errorSamples: [...new Set(ok.flatMap((c) => c.errorSamples ?? []))].slice(0, 3),
      };
      for (const [field, baseline] of Object.entries(BASELINES)) {
        summary[field] = spread(
          scenario.rounds.map((r) => {
            const mine = r.results[client];
            const theirs = r.results[baseline];
            return mine?.ok && theirs?.ok && theirs.opsPerSec > 0 ? mine.opsPerSec / theirs.opsPerSec : NaN;
          }),
        );
      }
      summary.ofCeiling = spread(
        scenario.rounds.map((r) => {
          const mine = r.results[client];
          return mine?.ok && r.ceiling?.ok ? mine.opsPerSec / r.ceiling.opsPerSec : NaN;
        }),
      );
      if (scenario.id === 'fleet') {
        summary.jobsPerSec = pick((c) => c.jobsPerSec);
        summary.pendingAtEnd = pick((c) => c.pendingAtEnd);
      }
      if (scenario.id === 'stall') {
        summary.connectionsOpened = pick((c) => c.connectionsOpened);
        summary.maxLatencyMs = pick((c) => c.maxLatencyMs);
        summary.recoveryMs = pick((c) => c.recoveryMs);
        summary.afterStallP99Ms = pick((c) => c.afterStall?.p99Ms);
        summary.unfinished = pick((c) => c.unfinished);
        summary.issued = pick((c) => c.issued);
        summary.completed = pick((c) => c.ops);
        summary.recoveredInWindow = ok.every((c) => c.recoveredInWindow);
      }
      scenario.summary[client] = summary;
    }
    const ceilings = scenario.rounds.map((r) => r.ceiling).filter(Boolean);
    if (ceilings.length > 0) {
      scenario.ceilingSummary = {
        opsPerSec: spread(ceilings.filter((c) => c.ok).map((c) => c.opsPerSec)),
        failures: [...new Set(ceilings.filter((c) => !c.ok).map((c) => c.error))],
      };
    }
  }
  return run;
}

// ---- formatting -------------------------------------------------------------------------------

function num(x, digits) {
  if (x === null || x === undefined || !Number.isFinite(x)) return 'n/a';
  if (digits !== undefined) return x.toFixed(digits);
  const abs = Math.abs(x);
  if (abs >= 100) return Math.round(x).toLocaleString('en-US');
  if (abs >= 10) return x.toFixed(1);
  if (abs >= 1) return x.toFixed(2);
  return x.toPrecision(2);
}

/** "median (min–max)", or just the median when there was one round. */
function range(s, format = num) {
  if (!s) return 'n/a';
  if (s.n === 1 || s.min === s.max) return format(s.median);
  return `${format(s.median)} (${format(s.min)}–${format(s.max)})`;
}

const ratio = (s) => range(s, (x) => `${x.toFixed(2)}×`);
const percent = (s) => range(s, (x) => `${Math.round(x * 100)}%`);
const median = (s, format = num) => (s ? format(s.median) : 'n/a');

function failureNote(summary) {
  if (summary.okRounds === 0) return 'error';
  if (summary.failures.length > 0) return `${summary.rounds - summary.okRounds}/${summary.rounds} rounds failed`;
  return '';
}

export function toMarkdown(run) {
  const lines = [];
  const date = run.startedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  lines.push(`# forksafe-redis benchmarks: ${date}${run.mode === 'quick' ? ' (quick run)' : ''}`, '');
  const m = run.machine;
  lines.push(
    `- Machine: ${m.cpuCount} × ${m.cpuModel}, ${m.totalMemoryGiB} GiB, ${m.os}; 1-minute load average ${num(m.loadAverageAtStart, 2)} at start, ${num(m.loadAverageAtEnd, 2)} at end`,
    `- Node ${m.node}; Redis ${m.redisVersion} (${run.server.kind}); ${m.redisBenchmark ?? 'redis-benchmark not installed'}`,
    `- Clients: ${Object.entries(run.versions).map(([name, v]) => `${name} ${v}`).join(', ')}`,
    `- Mode: ${run.mode}, ${run.options.rounds} round${run.options.rounds === 1 ? '' : 's'}, ${run.options.durationMs} ms window after ${run.options.warmupMs} ms warm-up (fleet window ${run.options.fleetMs} ms, stall rounds ${run.options.stallRounds}); commit ${run.commit ?? 'unknown'}`,
    '',
    'Each cell: median over rounds, then (min–max). Every client runs in its own child process per measurement;',
    'clients are interleaved and their order rotates each round. Ratios are computed pair by pair within a round',
    '(ops/s of the row / ops/s of the baseline in the same round). "of ceiling" is ops/s as a fraction of',
    'redis-benchmark on the same server with the same commands and concurrency.',
    '',
  );
  for (const note of run.notes) lines.push(`> ${note}`, '');

  const main = run.scenarios.filter((s) => !['fleet', 'stall'].includes(s.id));
  if (main.length > 0) {
    lines.push('## Throughput, latency, cost', '');
    lines.push('| Scenario | Client | ops/s | p50 ms | p99 ms | CPU µs/op | peak RSS MB | × ioredis | × node-redis | of ceiling |');
    lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const s of main) {
      if (s.skipped) {
        lines.push(`| ${s.title} | skipped: ${s.skipped} | | | | | | | | |`);
        continue;
      }
      for (const [client, c] of Object.entries(s.summary)) {
        const failed = failureNote(c);
        if (c.okRounds === 0) {
          lines.push(`| ${s.title} | ${client} | error | | | | | | | |`);
          continue;
        }
        lines.push(
          `| ${s.title} | ${client}${failed ? ` (${failed})` : ''} | ${range(c.opsPerSec)} | ${median(c.p50Ms, (x) => num(x, 3))} | ${median(c.p99Ms, (x) => num(x, 3))} | ${median(c.cpuUsPerOp)} | ${median(c.peakRssMb, (x) => num(x, 0))} | ${client === 'ioredis' ? '—' : ratio(c.vsIoredis)} | ${client === 'node-redis' ? '—' : ratio(c.vsNodeRedis)} | ${percent(c.ofCeiling)} |`,
        );
      }
      if (s.ceilingSummary) {
        const cs = s.ceilingSummary;
        lines.push(`| ${s.title} | *redis-benchmark* | ${cs.opsPerSec ? range(cs.opsPerSec) : 'error'} | | | | | | | 100% |`);
      }
    }
    lines.push('');
  }

  const fleet = run.scenarios.find((s) => s.id === 'fleet');
  if (fleet && !fleet.skipped) {
    lines.push(`## ${fleet.title}`, '', fleet.description, '');
    lines.push('| Client | GET/SET ops/s | p50 ms | p99 ms | max ms | BLPOP jobs/s | CPU µs/op | peak RSS MB | × ioredis | × node-redis |');
    lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const [client, c] of Object.entries(fleet.summary)) {
      if (c.okRounds === 0) {
        lines.push(`| ${client} | error | | | | | | | | |`);
        continue;
      }
      lines.push(
        `| ${client} | ${range(c.opsPerSec)} | ${median(c.p50Ms, (x) => num(x, 2))} | ${median(c.p99Ms, (x) => num(x, 1))} | ${median(c.maxMs, (x) => num(x, 1))} | ${median(c.jobsPerSec, (x) => num(x, 0))} | ${median(c.cpuUsPerOp)} | ${median(c.peakRssMb, (x) => num(x, 0))} | ${client === 'ioredis' ? '—' : ratio(c.vsIoredis)} | ${client === 'node-redis' ? '—' : ratio(c.vsNodeRedis)} |`,
      );
    }
    lines.push('');
  }

  const stall = run.scenarios.find((s) => s.id === 'stall');
  if (stall) {
    lines.push(`## ${stall.title}`, '');
    if (stall.skipped) lines.push(`Skipped: ${stall.skipped}`, '');
    else {
      lines.push(stall.description, '');
      lines.push('| Client | connections opened | failed commands | max latency ms | recovery ms | p99 after SIGCONT ms | completed / issued | unfinished | peak RSS MB |');
      lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
      for (const [client, c] of Object.entries(stall.summary)) {
        if (c.okRounds === 0) {
          lines.push(`| ${client} | error | | | | | | | |`);
          continue;
        }
        const recovery = `${range(c.recoveryMs, (x) => num(x, 0))}${c.recoveredInWindow ? '' : ' (not settled by the end of the window)'}`;
        lines.push(
          `| ${client} | ${range(c.connectionsOpened, (x) => num(x, 0))} | ${c.commandErrors} | ${range(c.maxLatencyMs, (x) => num(x, 0))} | ${recovery} | ${range(c.afterStallP99Ms, (x) => num(x, 1))} | ${median(c.completed, (x) => num(x, 0))} / ${median(c.issued, (x) => num(x, 0))} | ${median(c.unfinished, (x) => num(x, 0))} | ${median(c.peakRssMb, (x) => num(x, 0))} |`,
        );
      }
      lines.push('');
    }
  }

  const problems = [];
  for (const s of run.scenarios) {
    if (s.skipped) continue;
    for (const [client, c] of Object.entries(s.summary)) {
      for (const f of c.failures) problems.push(`- ${s.id} / ${client}: ${f} (${c.rounds - c.okRounds} of ${c.rounds} rounds)`);
      if (c.commandErrors > 0) {
        problems.push(`- ${s.id} / ${client}: ${c.commandErrors} failed commands, e.g. ${c.errorSamples.join('; ') || 'no message'}`);
      }
    }
    for (const f of s.ceilingSummary?.failures ?? []) problems.push(`- ${s.id} / redis-benchmark: ${f}`);
  }
  if (problems.length > 0) lines.push('## Errors', '', ...problems, '');

  lines.push('## Scenarios', '');
  for (const s of run.scenarios) {
    lines.push(`- **${s.id}**: ${s.title}. ${s.description}${s.ceilingCommand ? ` Ceiling: \`${s.ceilingCommand}\`.` : ''}`);
  }
  lines.push('');
  return lines.join('\n');
}

// ---- SVG chart --------------------------------------------------------------------------------

const COLORS = {
  'forksafe-redis': '#1b7f3b',
  ioredis: '#3465a4',
  'ioredis-autopipeline': '#729fcf',
  'forksafe-redis-integrity': '#8ae234',
  'node-redis': '#c4531d',
  'bare-node-socket': '#888a85',
};

function escapeXml(s) {
  return String(s).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]);
}

/**
 * One group of horizontal bars per scenario, one bar per client: median ops/s relative to
 * ioredis in the same round (ioredis = 1), whiskers for min–max over rounds.
 */
export function toSvg(run) {
  const scenarios = run.scenarios.filter((s) => !s.skipped && s.id !== 'stall' && s.summary);
  const clients = CLIENTS.filter((c) => scenarios.some((s) => s.summary[c]));
  const medians = scenarios.flatMap((s) => Object.values(s.summary).map((c) => c.vsIoredis?.median ?? 0));
  const xMax = Math.min(4, Math.max(1.5, Math.ceil(Math.max(...medians, 1) * 2) / 2));

  const width = 920;
  const left = 220;
  const right = 90;
  const plotWidth = width - left - right;
  const barHeight = 13;
  const barGap = 3;
  const groupGap = 14;
  const top = 64;
  const x = (v) => left + (Math.min(v, xMax) / xMax) * plotWidth;

  const parts = [];
  let y = top;
  for (const s of scenarios) {
    const entries = clients.filter((c) => s.summary[c]);
    const groupHeight = entries.length * (barHeight + barGap);
    parts.push(
      `<text x="${left - 10}" y="${y + groupHeight / 2 + 4}" text-anchor="end" class="label">${escapeXml(s.chartLabel ?? s.title)}</text>`,
    );
    for (const client of entries) {
      const c = s.summary[client];
      const color = COLORS[client] ?? '#777';
      const r = c.vsIoredis;
      if (c.okRounds === 0) {
        parts.push(`<text x="${left + 4}" y="${y + barHeight - 3}" class="error">${escapeXml(client)}: error</text>`);
      } else if (!r) {
        parts.push(`<text x="${left + 4}" y="${y + barHeight - 3}" class="note">${escapeXml(client)}: no ioredis baseline</text>`);
      } else {
        const barEnd = x(r.median);
        parts.push(
          `<rect x="${left}" y="${y}" width="${(barEnd - left).toFixed(1)}" height="${barHeight}" fill="${color}"><title>${escapeXml(`${client}, ${s.title}: ${r.median.toFixed(2)}× ioredis (min ${r.min.toFixed(2)}, max ${r.max.toFixed(2)})`)}</title></rect>`,
        );
        if (r.n > 1) {
          const wy = y + barHeight / 2;
          parts.push(
            `<line x1="${x(r.min).toFixed(1)}" x2="${x(r.max).toFixed(1)}" y1="${wy}" y2="${wy}" class="whisker"/>`,
            `<line x1="${x(r.min).toFixed(1)}" x2="${x(r.min).toFixed(1)}" y1="${wy - 4}" y2="${wy + 4}" class="whisker"/>`,
            `<line x1="${x(r.max).toFixed(1)}" x2="${x(r.max).toFixed(1)}" y1="${wy - 4}" y2="${wy + 4}" class="whisker"/>`,
          );
        }
        const clipped = r.median > xMax ? ' ▸' : '';
        parts.push(
          `<text x="${Math.max(barEnd, x(r.max)) + 5}" y="${y + barHeight - 3}" class="value">${r.median.toFixed(2)}×${clipped}</text>`,
        );
      }
      y += barHeight + barGap;
    }
    y += groupGap;
  }
  const bottom = y;

  const axis = [];
  for (let v = 0; v <= xMax + 1e-9; v += 0.5) {
    const px = x(v).toFixed(1);
    axis.push(`<line x1="${px}" x2="${px}" y1="${top - 6}" y2="${bottom - groupGap}" class="${v === 1 ? 'one' : 'grid'}"/>`);
    axis.push(`<text x="${px}" y="${bottom + 4}" text-anchor="middle" class="tick">${v.toFixed(1)}×</text>`);
  }

  const legend = clients.map((client, i) => {
    const lx = left + i * 160;
    return `<rect x="${lx}" y="${top - 30}" width="12" height="12" fill="${COLORS[client] ?? '#777'}"/><text x="${lx + 17}" y="${top - 20}" class="label">${escapeXml(client)}</text>`;
  });

  const height = bottom + 40;
  const title = `ops/s relative to ioredis (median over rounds, whiskers min–max), ${run.startedAt.slice(0, 10)}${run.mode === 'quick' ? ', quick run' : ''}`;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
    `<style>.label{fill:#222}.value{fill:#222;font-size:11px}.tick{fill:#555;font-size:11px}.note{fill:#777;font-style:italic}.error{fill:#b00020}.grid{stroke:#ddd}.one{stroke:#333;stroke-dasharray:4 3}.whisker{stroke:#111;stroke-width:1}</style>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${left}" y="20" class="label" font-weight="bold">${escapeXml(title)}</text>`,
    ...legend,
    ...axis,
    ...parts,
    `<text x="${left}" y="${height - 10}" class="tick">Higher is better. Bars past ${xMax}× are cut (marked ▸); the label gives the true value.</text>`,
    `</svg>`,
    '',
  ].join('\n');
}

function writeAtomically(path, text) {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

/** Writes <stamp>.json, <stamp>.md, latest.md and latest.svg; returns the paths. */
export function writeReports(run, dir) {
  const stamp = `${run.startedAt.replace(/:/g, '-').replace(/\.\d+Z$/, 'Z')}${run.mode === 'quick' ? '-quick' : ''}`;
  const markdown = toMarkdown(run);
  const paths = {
    json: join(dir, `${stamp}.json`),
    markdown: join(dir, `${stamp}.md`),
    latestMarkdown: join(dir, 'latest.md'),
    svg: join(dir, 'latest.svg'),
  };
  writeAtomically(paths.json, `${JSON.stringify(run, null, 2)}\n`);
  writeAtomically(paths.markdown, markdown);
  writeAtomically(paths.latestMarkdown, markdown);
  writeAtomically(paths.svg, toSvg(run));
  return paths;
}

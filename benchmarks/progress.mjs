// A progress bar on stderr. Steps carry a weight (their expected duration), so the bar and the
// ETA move with time rather than with the number of steps. Without a TTY it prints one line per
// step instead of redrawing.

export class Progress {
  #total;
  #done = 0;
  #startedAt = Date.now();
  #stream;
  #isTTY;
  #label = '';

  constructor(totalWeight, stream = process.stderr) {
    this.#total = Math.max(totalWeight, 1);
    this.#stream = stream;
    this.#isTTY = Boolean(stream.isTTY);
  }

  start(label) {
    this.#label = label;
    if (this.#isTTY) this.#draw();
    else this.#stream.write(`${this.#prefix()} ${label}\n`);
  }

  advance(weight) {
    this.#done = Math.min(this.#total, this.#done + weight);
    if (this.#isTTY) this.#draw();
  }

  /** Prints a line above the bar. */
  log(line) {
    if (this.#isTTY) this.#stream.write('\r\x1b[2K');
    this.#stream.write(`${line}\n`);
    if (this.#isTTY) this.#draw();
  }

  finish() {
    if (this.#isTTY) this.#stream.write('\r\x1b[2K');
    this.#stream.write(`done in ${formatSeconds((Date.now() - this.#startedAt) / 1000)}\n`);
  }

  #prefix() {
    const fraction = this.#done / this.#total;
    const elapsed = (Date.now() - this.#startedAt) / 1000;
    const eta = fraction > 0.02 ? (elapsed / fraction) * (1 - fraction) : NaN;
    const width = 24;
    const filled = Math.round(fraction * width);
    const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
    const etaText = Number.isFinite(eta) ? ` ETA ${formatSeconds(eta)}` : '';
    return `[${bar}] ${String(Math.floor(fraction * 100)).padStart(3)}%${etaText}`;
  }

  #draw() {
    const columns = this.#stream.columns ?? 100;
    const line = `${this.#prefix()} ${this.#label}`;
    this.#stream.write(`\r\x1b[2K${line.slice(0, columns - 1)}`);
  }
}

function formatSeconds(s) {
  if (s < 60) return `${Math.round(s)}s`;
  return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
}

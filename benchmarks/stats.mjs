// Latency recording and summaries.
//
// LatencyRecorder keeps HDR-style log-linear buckets in one preallocated array, so recording a
// sample allocates nothing and costs a few integer operations, whatever the run length.
// Values are whole microseconds. Below 128 µs every microsecond has its own bucket; above that,
// each power of two is split into 64 buckets, so a reported percentile is within 1/64 (1.6 %)
// of the true sample. min, max, count and sum are exact.

const EXACT_LIMIT = 128; // 2^7: values below this are stored exactly
const SUB_BUCKETS = 64; // buckets per power of two above EXACT_LIMIT
const MAX_EXPONENT = 30; // 2^31 µs is about 36 minutes: anything longer is clamped
const BUCKET_COUNT = EXACT_LIMIT + (MAX_EXPONENT - 7 + 1) * SUB_BUCKETS;
const MAX_VALUE = 2 ** 31 - 1;

function bucketIndex(us) {
  if (us < EXACT_LIMIT) return us;
  const exponent = 31 - Math.clz32(us); // floor(log2(us)), 7..30
  const shift = exponent - 6;
  return EXACT_LIMIT + (exponent - 7) * SUB_BUCKETS + ((us >>> shift) - SUB_BUCKETS);
}

/** Lowest value of a bucket and its width, the inverse of bucketIndex. */
function bucketRange(index) {
  if (index < EXACT_LIMIT) return [index, 1];
  const offset = index - EXACT_LIMIT;
  const exponent = Math.floor(offset / SUB_BUCKETS) + 7;
  const shift = exponent - 6;
  const sub = (offset % SUB_BUCKETS) + SUB_BUCKETS;
  return [sub * 2 ** shift, 2 ** shift];
}

export class LatencyRecorder {
  #counts = new Uint32Array(BUCKET_COUNT);
  count = 0;
  sumUs = 0;
  minUs = Infinity;
  maxUs = 0;

  /** Records one latency given in milliseconds (as performance.now() differences are). */
  recordMs(ms) {
    let us = Math.round(ms * 1000);
    if (!(us >= 0)) us = 0; // also catches NaN
    if (us > MAX_VALUE) us = MAX_VALUE;
    this.#counts[bucketIndex(us)]++;
    this.count++;
    this.sumUs += us;
    if (us < this.minUs) this.minUs = us;
    if (us > this.maxUs) this.maxUs = us;
  }

  reset() {
    this.#counts.fill(0);
    this.count = 0;
    this.sumUs = 0;
    this.minUs = Infinity;
    this.maxUs = 0;
  }

  /** The latency (ms) at or below which a fraction q of samples fall; NaN when empty. */
  quantileMs(q) {
    if (this.count === 0) return NaN;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let i = 0; i < BUCKET_COUNT; i++) {
      seen += this.#counts[i];
      if (seen >= rank) {
        const [low, width] = bucketRange(i);
        const mid = width === 1 ? low : low + width / 2;
        return Math.min(Math.max(mid, this.minUs), this.maxUs) / 1000;
      }
    }
    return this.maxUs / 1000;
  }

  summary() {
    if (this.count === 0) return { count: 0 };
    return {
      count: this.count,
      meanMs: this.sumUs / this.count / 1000,
      minMs: this.minUs / 1000,
      p50Ms: this.quantileMs(0.5),
      p90Ms: this.quantileMs(0.9),
      p99Ms: this.quantileMs(0.99),
      p999Ms: this.quantileMs(0.999),
      maxMs: this.maxUs / 1000,
    };
  }
}

/** Median, min and max of the finite numbers in `values`; null when there are none. */
export function spread(values) {
  const xs = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = xs.length >> 1;
  const median = xs.length % 2 === 1 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
  return { median, min: xs[0], max: xs[xs.length - 1], n: xs.length };
}

export function median(values) {
  return spread(values)?.median ?? null;
}

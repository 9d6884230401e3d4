/**
 * A growable column of numbers for charts: amortized O(1) appends into a Float64Array, and a view of
 * the filled part that uPlot can draw without copying. Lives outside React state, so 100,000 updates
 * never cause 100,000 renders.
 */
export class Series {
  private data: Float64Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Float64Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  /** The filled values (a view: valid until the next push that grows the buffer). */
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }

  at(i: number): number {
    return this.data[i] as number;
  }

  last(): number | undefined {
    return this.length ? this.data[this.length - 1] : undefined;
  }
}

/** v_t = β v_{t−1} + (1 − β) θ_t over a whole column, bias-corrected or not (spec §7). */
export function smoothColumn(values: Float64Array, beta: number, biasCorrection: boolean): Float64Array {
  const out = new Float64Array(values.length);
  let v = 0;
  let power = 1;
  for (let i = 0; i < values.length; i++) {
    v = beta * v + (1 - beta) * (values[i] as number);
    power *= beta;
    out[i] = biasCorrection ? v / (1 - power) : v;
  }
  return out;
}

/**
 * The oscillation figure shown beside the cost chart: the standard deviation of (raw − smoothed)
 * over the last `window` updates. Large for stochastic descent, near 0 for batch descent.
 */
export function oscillation(raw: Float64Array, smoothed: Float64Array, window = 200): number {
  const n = Math.min(window, raw.length);
  if (n < 2) return 0;
  let sum = 0;
  let sq = 0;
  for (let i = raw.length - n; i < raw.length; i++) {
    const d = (raw[i] as number) - (smoothed[i] as number);
    sum += d;
    sq += d * d;
  }
  const mean = sum / n;
  return Math.sqrt(Math.max(0, sq / n - mean * mean));
}

interface SmoothedState {
  key: string;
  out: Series;
  v: number;
  power: number;
}
const smoothedCache = new WeakMap<Series, SmoothedState>();

/**
 * `smoothColumn` of a growing series, kept up to date as values arrive: a redraw smooths only the
 * values added since the last one (O(new), not O(all) every frame), and starts over when β or the
 * correction changes.
 */
export function smoothedSeries(values: Series, beta: number, biasCorrection: boolean): Float64Array {
  const key = `${beta}|${biasCorrection}`;
  let s = smoothedCache.get(values);
  if (!s || s.key !== key || s.out.length > values.length) {
    s = { key, out: new Series(Math.max(1024, values.length)), v: 0, power: 1 };
    smoothedCache.set(values, s);
  }
  for (let i = s.out.length; i < values.length; i++) {
    s.v = beta * s.v + (1 - beta) * values.at(i);
    s.power *= beta;
    s.out.push(biasCorrection ? s.v / (1 - s.power) : s.v);
  }
  return s.out.view();
}

/**
 * At most `maxPoints` rows of chart columns (x first, then the series), for drawing: each of
 * maxPoints/2 runs of rows keeps the rows where column `key` is lowest and highest, so the band of
 * a noisy cost keeps its full height however many updates there are. Fewer rows pass unchanged.
 */
export function decimate(
  columns: readonly ArrayLike<number | null>[],
  maxPoints: number,
  key = 1,
): ArrayLike<number | null>[] {
  const n = columns[0]?.length ?? 0;
  const values = columns[key];
  if (n <= maxPoints || !values) return [...columns];
  const buckets = Math.max(1, Math.floor(maxPoints / 2));
  const rows: number[] = [];
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor((b * n) / buckets);
    const to = Math.floor(((b + 1) * n) / buckets);
    const [lo, hi] = extremes((i) => values[i], from, to);
    if (lo < 0)
      rows.push(from); // nothing finite here (padding of a shorter run): keep the gap
    else if (lo === hi) rows.push(lo);
    else rows.push(Math.min(lo, hi), Math.max(lo, hi));
  }
  return columns.map((c) => rows.map((i) => c[i] ?? null));
}

/** Rows a chart draws at most: two per pixel column of a wide chart; more are decimated (min and max kept). */
export const MAX_DRAWN_ROWS = 4000;

/** Rows summarized per block by `decimatedRows`. */
const BLOCK = 64;
interface BlockSummary {
  lo: number[];
  hi: number[];
}
const blockCache = new WeakMap<Series, BlockSummary>();

/**
 * The rows `decimate` would keep for a growing series, without reading every row each frame: the
 * lowest and highest row of each finished block of 64 are kept as the series grows (O(new rows)), and
 * each bucket picks among its blocks' (O(rows / 64)). The unfinished last block is read as is.
 */
export function decimatedRows(values: Series, maxPoints: number): number[] {
  const n = values.length;
  if (n <= maxPoints) return Array.from({ length: n }, (_, i) => i);
  let s = blockCache.get(values);
  if (!s || s.lo.length * BLOCK > n) {
    s = { lo: [], hi: [] };
    blockCache.set(values, s);
  }
  const at = (i: number) => values.at(i);
  const finished = Math.floor(n / BLOCK);
  for (let b = s.lo.length; b < finished; b++) {
    const [lo, hi] = extremes(at, b * BLOCK, (b + 1) * BLOCK);
    s.lo.push(lo);
    s.hi.push(hi);
  }
  const units = finished + (n % BLOCK ? 1 : 0);
  const buckets = Math.max(1, Math.floor(maxPoints / 2));
  const rows: number[] = [];
  for (let k = 0; k < buckets; k++) {
    const from = Math.floor((k * units) / buckets);
    const to = Math.floor(((k + 1) * units) / buckets);
    let lo = -1;
    let hi = -1;
    for (let b = from; b < to; b++) {
      const [l, h] = b < finished ? [s.lo[b] as number, s.hi[b] as number] : extremes(at, b * BLOCK, n);
      if (l >= 0 && (lo < 0 || values.at(l) < values.at(lo))) lo = l;
      if (h >= 0 && (hi < 0 || values.at(h) > values.at(hi))) hi = h;
    }
    if (lo < 0) continue;
    if (lo === hi) rows.push(lo);
    else rows.push(Math.min(lo, hi), Math.max(lo, hi));
  }
  return rows;
}

/** Rows of the lowest and highest finite value in [from, to), or −1 where there is none. */
function extremes(
  value: (i: number) => number | null | undefined,
  from: number,
  to: number,
): [number, number] {
  let lo = -1;
  let hi = -1;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = from; i < to; i++) {
    const v = value(i);
    if (v === null || v === undefined || !Number.isFinite(v)) continue;
    if (v < min) {
      lo = i;
      min = v;
    }
    if (v > max) {
      hi = i;
      max = v;
    }
  }
  return [lo, hi];
}

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

import { coordinateInterval, type Scale, toCoordinate } from '../../engine/search';

/** An axis of the scatter plot: where a value sits (0 at the left, 1 at the right) and its ticks. */
export interface ScatterAxis {
  /** True where the scale is logarithmic (log10, 1 − 10^r, powers of two). */
  log: boolean;
  position(value: number): number;
  ticks: { at: number; label: string }[];
}

const label = (v: number): string => {
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e4 || a < 1e-3 ? v.toExponential(0).replace('e+', 'e') : String(Number(v.toPrecision(3)));
};

/** Round steps (1, 2, 5 × 10^k) across [lo, hi], about `count` of them. */
export function niceTicks(lo: number, hi: number, count = 4): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
    ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/**
 * The x axis of "dev metric against a searched param", in the param's own scale, so samples drawn
 * uniformly on that scale spread evenly: α on log10 has a tick per decade, β on 1 − 10^r has 0.9,
 * 0.99, 0.999 evenly spaced (growing to the right), batch sizes a tick per power of two. The range
 * covers [min, max] and any value outside it (an own value the baseline trained).
 */
export function scatterAxis(
  scale: Scale,
  min: number,
  max: number,
  values: readonly number[] = [],
): ScatterAxis {
  // β on 1 − 10^r: plot −r, so 0.9 (r = −1) sits left of 0.999 (r = −3).
  const flip = scale === 'oneMinusLog10';
  const coordinate = (v: number) => (flip ? -toCoordinate(scale, v) : toCoordinate(scale, v));
  const range = coordinateInterval(scale, min, max);
  const ends = [flip ? -range.hi : range.lo, flip ? -range.lo : range.hi];
  const all = [...ends, ...values.map(coordinate)].filter(Number.isFinite);
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (hi - lo < 1e-9) {
    lo -= 0.5;
    hi += 0.5;
  }
  const pad = (hi - lo) * 0.06;
  const [a, b] = [lo - pad, hi + pad];
  const position = (v: number) => (coordinate(v) - a) / (b - a);
  const log = scale === 'log10' || scale === 'oneMinusLog10' || scale === 'pow2';
  let ticks: { at: number; label: string }[];
  if (log) {
    const rs: number[] = [];
    for (let r = Math.ceil(lo - 1e-9); r <= Math.floor(hi + 1e-9); r++) rs.push(r);
    const value = (r: number) => (scale === 'log10' ? 10 ** r : scale === 'pow2' ? 2 ** r : 1 - 10 ** -r);
    // Under three decades: 2× and 5× ticks too (α from 0.01 to 0.1 reads 0.01, 0.02, 0.05, 0.1).
    if (scale === 'log10' && rs.length < 3) {
      const steps: number[] = [];
      for (let k = Math.floor(lo); k <= Math.ceil(hi); k++) {
        for (const m of [1, 2, 5]) {
          const r = k + Math.log10(m);
          if (r >= lo - 1e-9 && r <= hi + 1e-9) steps.push(r);
        }
      }
      if (steps.length >= 2) rs.splice(0, rs.length, ...steps);
    }
    // Too few whole decades inside: label the ends instead.
    const shown = rs.length >= 2 ? rs : [lo, hi];
    const stride = Math.ceil(shown.length / 6);
    ticks = shown
      .filter((_, i) => i % stride === 0)
      .map((r) => ({ at: (r - a) / (b - a), label: label(Number(value(r).toPrecision(4))) }));
  } else {
    ticks = niceTicks(lo, hi).map((v) => ({ at: (v - a) / (b - a), label: label(v) }));
  }
  return { log, position, ticks };
}

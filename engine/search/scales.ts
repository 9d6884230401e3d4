/**
 * The scales of spec §11. Each maps a searched value v to a coordinate r that is sampled uniformly,
 * so "uniform at random" means uniform where it matters: α = 10^r spends as many samples on
 * [0.0001, 0.001] as on [0.1, 1], and β = 1 − 10^r as many on [0.99, 0.999] as on [0.9, 0.99].
 */

export const SCALES = ['log10', 'oneMinusLog10', 'int', 'pow2', 'linear'] as const;
export type Scale = (typeof SCALES)[number];

/** A range of coordinates r, both ends included. */
export interface Interval {
  lo: number;
  hi: number;
}

interface ScaleRule {
  /** v → r. */
  toCoordinate(v: number): number;
  /** r → v. */
  fromCoordinate(r: number): number;
  /** r takes whole numbers only (int, pow2). */
  discrete: boolean;
  /** Why [min, max] cannot be searched on this scale, or null. */
  rangeProblem(min: number, max: number): string | null;
  /** Rounds a sampled value so it reads well in a document; stays on the scale. */
  tidy(v: number): number;
  /** How r relates to v, for messages and docs. */
  formula: string;
}

const SIGNIFICANT = 4;
const significant = (v: number): number => Number(v.toPrecision(SIGNIFICANT));
/** Drops float noise such as 0.9991199999999999 → 0.99912. */
const clean = (v: number): number => Number(v.toPrecision(12));

const RULES: Record<Scale, ScaleRule> = {
  log10: {
    toCoordinate: Math.log10,
    fromCoordinate: (r) => 10 ** r,
    discrete: false,
    rangeProblem: (min) => (min > 0 ? null : 'a log10 scale needs min > 0 (10^r is never 0).'),
    tidy: significant,
    formula: 'v = 10^r',
  },
  oneMinusLog10: {
    toCoordinate: (v) => Math.log10(1 - v),
    fromCoordinate: (r) => clean(1 - 10 ** r),
    discrete: false,
    rangeProblem: (min, max) =>
      min >= 0 && max < 1 ? null : 'a oneMinusLog10 scale needs 0 ≤ min and max < 1 (v = 1 − 10^r).',
    // Round 1 − v, the part that carries the information, not v itself.
    tidy: (v) => clean(1 - significant(1 - v)),
    formula: 'v = 1 − 10^r',
  },
  int: {
    toCoordinate: (v) => v,
    fromCoordinate: (r) => r,
    discrete: true,
    rangeProblem: (min, max) =>
      Math.ceil(min) <= Math.floor(max) ? null : 'an int scale needs a whole number between min and max.',
    tidy: Math.round,
    formula: 'v = r, r a whole number',
  },
  pow2: {
    toCoordinate: Math.log2,
    fromCoordinate: (r) => 2 ** r,
    discrete: true,
    rangeProblem: (min, max) =>
      min > 0 && Math.ceil(Math.log2(min)) <= Math.floor(Math.log2(max))
        ? null
        : 'a pow2 scale needs min > 0 and a power of two between min and max.',
    tidy: (v) => 2 ** Math.round(Math.log2(v)),
    formula: 'v = 2^r, r a whole number',
  },
  linear: {
    toCoordinate: (v) => v,
    fromCoordinate: (r) => r,
    discrete: false,
    rangeProblem: () => null,
    tidy: significant,
    formula: 'v = r',
  },
};

/** Why [min, max] is not a usable range on `scale`, or null when it is. */
export function rangeProblem(scale: Scale, min: number, max: number): string | null {
  if (!(min <= max)) return `min (${min}) must not be above max (${max}).`;
  return RULES[scale].rangeProblem(min, max);
}

export const scaleFormula = (scale: Scale): string => RULES[scale].formula;
export const isDiscrete = (scale: Scale): boolean => RULES[scale].discrete;

/** v → r on `scale` (e.g. 0.001 → −3 on log10, 0.999 → −3 on oneMinusLog10, 64 → 6 on pow2). */
export const toCoordinate = (scale: Scale, v: number): number => RULES[scale].toCoordinate(v);

/**
 * The coordinates [min, max] covers, low end first (oneMinusLog10 reverses: [0.9, 0.999] → [−3, −1]).
 * Discrete scales keep the whole numbers inside: int [1.5, 4] → [2, 4], pow2 [48, 512] → [6, 9].
 */
export function coordinateInterval(scale: Scale, min: number, max: number): Interval {
  const a = toCoordinate(scale, min);
  const b = toCoordinate(scale, max);
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  // The 1e-9 absorbs log rounding, e.g. Math.log2 of an exact power of two read back from text.
  return RULES[scale].discrete ? { lo: Math.ceil(lo - 1e-9), hi: Math.floor(hi + 1e-9) } : { lo, hi };
}

/**
 * The value at coordinate r, tidied (4 significant digits; 1 − v to 4 digits on oneMinusLog10) and
 * kept inside [min, max]: 10^−2.51 → 0.00309 on log10.
 */
export function valueAt(scale: Scale, r: number, min: number, max: number): number {
  const rule = RULES[scale];
  const v = rule.tidy(rule.fromCoordinate(r));
  return Math.min(max, Math.max(min, v));
}

/**
 * Draws one value of [min, max] on `scale` from u, uniform in [0, 1): r = lo + u·(hi − lo), or for a
 * discrete scale one of the hi − lo + 1 whole coordinates with equal chance.
 */
export function sampleOnScale(scale: Scale, min: number, max: number, u: number): number {
  const { lo, hi } = coordinateInterval(scale, min, max);
  const r = RULES[scale].discrete
    ? lo + Math.min(hi - lo, Math.floor(u * (hi - lo + 1)))
    : lo + u * (hi - lo);
  return valueAt(scale, r, min, max);
}

import type { FieldDesc } from './describe';

type NumberDesc = Extract<FieldDesc, { type: 'number' }>;

/** Slider positions: 0 … LOG_STEPS. */
export const LOG_STEPS = 1000;
const LOW_EXPONENT = -5;

/**
 * The decades a log-scale slider spans: 1e-5 up to the field's max (at most 10). A field that allows
 * 0 (λ) keeps 0 at the far left, since a log scale cannot reach it.
 */
export function logRange(desc: NumberDesc): { low: number; high: number; zero: boolean } {
  const high = Math.min(Math.log10(desc.max ?? 10), 1);
  return { low: LOW_EXPONENT, high, zero: desc.min === 0 && desc.minInclusive };
}

/** α = 0.01 on 1e-5 … 10 sits half-way: (−2 − (−5)) / (1 − (−5)) = 0.5 → 500. */
export function sliderPosition(value: number, desc: NumberDesc): number {
  const { low, high, zero } = logRange(desc);
  if (value <= 0) return 0;
  const p = ((Math.log10(value) - low) / (high - low)) * LOG_STEPS;
  return Math.max(zero ? 1 : 0, Math.min(LOG_STEPS, Math.round(p)));
}

/** The value at a slider position, rounded to two significant digits (0.0031, not 0.00309…). */
export function sliderValue(position: number, desc: NumberDesc): number {
  const { low, high, zero } = logRange(desc);
  if (zero && position === 0) return 0;
  const v = 10 ** (low + ((high - low) * position) / LOG_STEPS);
  return Number(v.toPrecision(2));
}

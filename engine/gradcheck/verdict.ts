/**
 * The notes' reading of a gradient-check difference (spec §5), plus 'rounding': above 1e-7, but the
 * two gradients are no further apart than float64 rounding of J explains (a tensor whose gradient
 * is tiny, e.g. near a minimum), so the figure says nothing either way.
 */
export type Verdict = 'correct' | 'rounding' | 'look closer' | 'bug';

/** At or below: backpropagation is correct. */
export const CORRECT_AT_MOST = 1e-7;
/** At or above: almost surely a bug. Between the two (around 1e-5): look closer. */
export const BUG_AT_LEAST = 1e-3;

/**
 * The verdict on a relative difference; `gap` = ‖dθ_approx − dθ‖₂ and `roundingBound` what rounding
 * of J can put there (check.ts).
 */
export function verdictFor(difference: number, gap = Number.POSITIVE_INFINITY, roundingBound = 0): Verdict {
  if (!Number.isFinite(difference)) return 'bug';
  if (difference <= CORRECT_AT_MOST) return 'correct';
  if (gap <= roundingBound) return 'rounding';
  return difference >= BUG_AT_LEAST ? 'bug' : 'look closer';
}

/** Verdicts that pass the check. */
export const isPassing = (v: Verdict): boolean => v === 'correct' || v === 'rounding';

/** ‖a − b‖₂. [n], [n] → scalar. */
export function distance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < a.length; k++) sum += ((a[k] as number) - (b[k] as number)) ** 2;
  return Math.sqrt(sum);
}

/**
 * How closely tf.js's float32 autodiff gradient (what the trainer applies) must match the float64
 * numerical gradient to count as agreeing. float32 carries about 7 digits; on the test graphs the
 * difference measured 1e-8–2e-7 (docs/gradcheck.md), so 1e-5 leaves room for larger networks.
 */
export const FLOAT32_TOLERANCE = 1e-5;

/** tf.js against the numerical gradient: float32 rounding (agrees), unclear, or a real difference. */
export type AutodiffVerdict = 'agrees' | 'look closer' | 'bug';

export function autodiffVerdictFor(difference: number): AutodiffVerdict {
  if (!Number.isFinite(difference) || difference >= BUG_AT_LEAST) return 'bug';
  return difference <= FLOAT32_TOLERANCE ? 'agrees' : 'look closer';
}

/** ‖a − b‖₂ / (‖a‖₂ + ‖b‖₂) (spec §5); 0 when both are zero vectors. [n], [n] → scalar. */
export function relativeDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let diff = 0;
  let normA = 0;
  let normB = 0;
  for (let k = 0; k < a.length; k++) {
    const u = a[k] as number;
    const v = b[k] as number;
    diff += (u - v) ** 2;
    normA += u * u;
    normB += v * v;
  }
  const denominator = Math.sqrt(normA) + Math.sqrt(normB);
  return denominator === 0 ? 0 : Math.sqrt(diff) / denominator;
}

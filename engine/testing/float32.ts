/**
 * Helpers for tests of float32 kernels against tf.js: seeded inputs and one error measure.
 * Test-only: imported by *.test.ts files.
 */
import { createRandom } from '../random.js';

/** `length` seeded values, uniform in [−1, 1). */
export function randomFloats(length: number, seed: number): Float32Array {
  const random = createRandom(seed);
  return Float32Array.from({ length }, () => 2 * random.next() - 1);
}

/**
 * The largest |ours − theirs| over the first theirs.length values, relative to the largest |theirs|
 * (an elementwise ratio would blow up on sums that land near 0). Infinity for NaN or a short `ours`.
 */
export function worstRelativeError(ours: ArrayLike<number>, theirs: ArrayLike<number>): number {
  if (ours.length < theirs.length) return Number.POSITIVE_INFINITY;
  let scale = 0;
  for (let i = 0; i < theirs.length; i++) scale = Math.max(scale, Math.abs(theirs[i] as number));
  let worst = 0;
  for (let i = 0; i < theirs.length; i++) {
    const e = Math.abs((ours[i] as number) - (theirs[i] as number));
    if (Number.isNaN(e)) return Number.POSITIVE_INFINITY;
    worst = Math.max(worst, e);
  }
  return worst / Math.max(scale, Number.MIN_VALUE);
}

import { createRandom } from '../random.js';
import type { ReferenceParameter } from './parameters.js';
import type { GradCheckBatch, ReferenceNetwork } from './reference.js';

/** ε of the two-sided difference (spec §5). */
export const GRADCHECK_EPSILON = 1e-7;

/** u = 2⁻⁵³, float64's unit roundoff. */
const UNIT_ROUNDOFF = 2 ** -53;

/**
 * How far float64 rounding can move one dθ_approx entry: J is good to a few ulps of the numbers it is
 * made of (ReferenceNetwork.costScale), and the difference divides that by 2ε: about 4·u·scale/ε.
 * Measured on every test graph and preset, trained or not (382 tensors), the gaps stayed below
 * 0.61·u·scale/ε per entry, so the factor 4 leaves a margin of 6.
 */
export function roundingPerEntry(costScale: number, epsilon = GRADCHECK_EPSILON): number {
  return (4 * UNIT_ROUNDOFF * costScale) / epsilon;
}

/** Entries of a tensor of `size` to check: all, or `cap` of them drawn without replacement (seeded), sorted. */
export function entriesToCheck(size: number, cap: number, seed: number): Int32Array {
  if (size <= cap) return Int32Array.from({ length: size }, (_, i) => i);
  const random = createRandom(seed);
  const chosen = new Set<number>();
  while (chosen.size < cap) chosen.add(random.int(size));
  return Int32Array.from(chosen).sort();
}

/**
 * dθ_approx[i] = (J(θ + ε·eᵢ) − J(θ − ε·eᵢ)) / (2ε) for the chosen entries of one parameter, in float64.
 * Divides by the step actually taken, (θᵢ + ε) − (θᵢ − ε), which rounding can make differ from 2ε in
 * the last bits. Each entry costs two forward passes.
 */
export function numericalGradient(
  reference: ReferenceNetwork,
  batch: GradCheckBatch,
  parameter: ReferenceParameter,
  entries: ArrayLike<number>,
  epsilon = GRADCHECK_EPSILON,
): Float64Array {
  const out = new Float64Array(entries.length);
  const values = parameter.values;
  for (let k = 0; k < entries.length; k++) {
    const i = entries[k] as number;
    const theta = values[i] as number;
    const plus = theta + epsilon;
    const minus = theta - epsilon;
    values[i] = plus;
    const jPlus = reference.cost(batch);
    values[i] = minus;
    const jMinus = reference.cost(batch);
    values[i] = theta;
    out[k] = (jPlus - jMinus) / (plus - minus);
  }
  return out;
}

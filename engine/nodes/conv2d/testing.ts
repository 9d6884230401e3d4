/** Helpers shared by the convolution and pooling reference tests (no tf.js here: engine code). */
import type { Random } from '../../random.js';

/** `length` standard-normal draws. */
export function randomArray(length: number, random: Random): Float64Array {
  return Float64Array.from({ length }, () => random.normal());
}

/**
 * The same values after a round trip through float32: what tf.js actually computes with, so the
 * float64 reference and tf.js differ only by tf.js's float32 arithmetic.
 */
export const asFloat32 = (values: Float64Array): Float64Array => Float64Array.from(Float32Array.from(values));

/** Σ a·b. [n], [n] → scalar. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += (a[k] as number) * (b[k] as number);
  return s;
}

/**
 * Two-sided differences (J(v + ε·eᵢ) − J(v − ε·eᵢ)) / (step actually taken) for every entry of v, in
 * float64; v is changed in place and restored.
 */
export function numericalGradient(cost: () => number, v: Float64Array, epsilon = 1e-6): Float64Array {
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const theta = v[i] as number;
    const plus = theta + epsilon;
    const minus = theta - epsilon;
    v[i] = plus;
    const jPlus = cost();
    v[i] = minus;
    const jMinus = cost();
    v[i] = theta;
    out[i] = (jPlus - jMinus) / (plus - minus);
  }
  return out;
}

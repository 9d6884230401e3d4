import { type Matrix, mapEntries } from '../../gradcheck/matrix.js';
import type { ActivationName } from '../../model/activations.js';

/** σ(z) = 1/(1 + e^{−z}), written so that neither branch overflows. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** g(z) for one entry. */
export function activate(fn: ActivationName, z: number, alpha: number): number {
  switch (fn) {
    case 'linear':
      return z;
    case 'relu':
      return Math.max(z, 0);
    case 'leakyRelu':
      return z > 0 ? z : alpha * z;
    case 'tanh':
      return Math.tanh(z);
    case 'sigmoid':
      return sigmoid(z);
  }
}

/**
 * g'(z) for one entry, given z and a = g(z): linear' = 1; relu' = 1 if z > 0 else 0 (0 at the kink,
 * as tf.js); leakyRelu' = 1 if z > 0 else α; tanh' = 1 − a²; σ' = a(1 − a).
 */
export function derivative(fn: ActivationName, z: number, a: number, alpha: number): number {
  switch (fn) {
    case 'linear':
      return 1;
    case 'relu':
      return z > 0 ? 1 : 0;
    case 'leakyRelu':
      return z > 0 ? 1 : alpha;
    case 'tanh':
      return 1 - a * a;
    case 'sigmoid':
      return a * (1 - a);
  }
}

/** The element-wise non-linearity a = g(z), of a Dense layer or an Activation node. */
export interface ActivationRule {
  /** A = g(Z), element-wise. [m_b, n] → [m_b, n]. */
  forward(fn: ActivationName, z: Matrix, alpha: number): Matrix;
  /** dZ = dA ⊙ g'(Z), element-wise (⊙: entry by entry). [m_b, n] → [m_b, n]. */
  backward(fn: ActivationName, dA: Matrix, z: Matrix, a: Matrix, alpha: number): Matrix;
}

export const activationRule: ActivationRule = {
  forward: (fn, z, alpha) => mapEntries(z, (v) => activate(fn, v, alpha)),
  backward: (fn, dA, z, a, alpha) =>
    mapEntries(dA, (d, k) => d * derivative(fn, z.data[k] as number, a.data[k] as number, alpha)),
};

import { accumulator } from './sum.js';

/**
 * The regularization terms of spec §3, with m the training-set size (not m_b). Only weights carry a
 * λ: biases, γ and β have λ = 0.
 */
export interface PenaltyRule {
  /** L2: (λ/2m) ‖W‖²_F = (λ/2m) Σ w². */
  l2Cost(w: Float64Array, lambda: number, m: number): number;
  /** L2's share of dW: (λ/m) W ("weight decay"). */
  l2Gradient(w: Float64Array, lambda: number, m: number): Float64Array;
  /** L1: (λ/m) Σ |w|. */
  l1Cost(w: Float64Array, lambda: number, m: number): number;
  /** L1's share of dW: (λ/m) sign(W), with sign(0) = 0 (as tf.js takes |w|'s slope at 0). */
  l1Gradient(w: Float64Array, lambda: number, m: number): Float64Array;
}

export const penaltyRule: PenaltyRule = {
  l2Cost(w, lambda, m) {
    const sum = accumulator();
    for (const v of w) sum.add(v * v);
    return (lambda / (2 * m)) * sum.value;
  },
  l2Gradient: (w, lambda, m) => w.map((v) => (lambda / m) * v),
  l1Cost(w, lambda, m) {
    const sum = accumulator();
    for (const v of w) sum.add(Math.abs(v));
    return (lambda / m) * sum.value;
  },
  l1Gradient: (w, lambda, m) => w.map((v) => (lambda / m) * Math.sign(v)),
};

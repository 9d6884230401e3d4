import type { FastParameterSlot } from './lowering.js';

/**
 * The cost's penalty (spec §3): Σ λ₂/(2m)·‖W‖² + λ₁/m·‖W‖₁ over the tensors that carry λ (m: the
 * training examples). With `addGradients`, λ₂/m·W + λ₁/m·sign(W) is also added to each gradient
 * (tf.js's |w|′ is +1 for w > 0 and −1 otherwise). The penalty is of the weights before the step.
 */
export function penalty(slots: readonly FastParameterSlot[], m: number, addGradients = false): number {
  let total = 0;
  for (const { values: w, gradient: dw, l2, l1 } of slots) {
    if (l2 === 0 && l1 === 0) continue;
    const l2m = l2 / m;
    const l1m = l1 / m;
    let sq = 0;
    let abs = 0;
    for (let e = 0; e < w.length; e++) {
      const v = w[e] as number;
      sq += v * v;
      abs += Math.abs(v);
      if (addGradients) dw[e]! += l2m * v + (l1m > 0 ? (v > 0 ? l1m : -l1m) : 0);
    }
    total += (l2 / (2 * m)) * sq + l1m * abs;
  }
  return total;
}

import type { OptimizerParams } from '../nodes/optimizer.js';
import type { FastParameterSlot } from './lowering.js';

/**
 * The spec's four optimizers (§5–§8) on float32 parameter buffers, as train/optimizers.ts runs them
 * with tf.js: plain gradient descent, momentum v := βv + (1 − β)dW, RMSprop s := β₂s + (1 − β₂)dW²
 * with W −= α dW/√(s + ε), and Adam with bias-corrected v and s. Its slots are made once.
 */
export class FastOptimizer {
  private readonly v: (Float32Array | null)[];
  private readonly s: (Float32Array | null)[];
  /** Updates taken so far (Adam's t). */
  t = 0;

  constructor(
    private readonly params: OptimizerParams,
    private readonly slots: readonly FastParameterSlot[],
  ) {
    const count = { gd: 0, momentum: 1, rmsprop: 1, adam: 2 }[params.algorithm];
    this.v = slots.map((p) => (count >= 1 ? new Float32Array(p.values.length) : null));
    this.s = slots.map((p) => (count >= 2 ? new Float32Array(p.values.length) : null));
  }

  /** One step of every parameter along its gradient, at learning rate `lr`. */
  step(lr: number): void {
    this.t += 1;
    for (const [i, slot] of this.slots.entries()) {
      const w = slot.values;
      const dw = slot.gradient;
      const v = this.v[i] as Float32Array;
      switch (this.params.algorithm) {
        case 'gd':
          for (let e = 0; e < w.length; e++) w[e]! -= lr * (dw[e] as number);
          break;
        case 'momentum':
          momentum(w, dw, v, this.params.beta, lr);
          break;
        case 'rmsprop':
          rmsprop(w, dw, v, this.params.beta2, this.params.epsilon, lr);
          break;
        case 'adam':
          adam(w, dw, v, this.s[i] as Float32Array, this.params, lr, this.t);
          break;
      }
    }
  }
}

function momentum(w: Float32Array, dw: Float32Array, v: Float32Array, beta: number, lr: number): void {
  for (let e = 0; e < w.length; e++) {
    const ve = beta * (v[e] as number) + (1 - beta) * (dw[e] as number);
    v[e] = ve;
    w[e]! -= lr * ve;
  }
}

function rmsprop(
  w: Float32Array,
  dw: Float32Array,
  s: Float32Array,
  beta2: number,
  epsilon: number,
  lr: number,
): void {
  for (let e = 0; e < w.length; e++) {
    const g = dw[e] as number;
    const se = beta2 * (s[e] as number) + (1 - beta2) * g * g;
    s[e] = se;
    w[e]! -= (lr * g) / Math.sqrt(se + epsilon);
  }
}

function adam(
  w: Float32Array,
  dw: Float32Array,
  v: Float32Array,
  s: Float32Array,
  params: { beta1: number; beta2: number; epsilon: number },
  lr: number,
  t: number,
): void {
  const { beta1, beta2, epsilon } = params;
  const c1 = 1 - beta1 ** t;
  const c2 = 1 - beta2 ** t;
  for (let e = 0; e < w.length; e++) {
    const g = dw[e] as number;
    const ve = beta1 * (v[e] as number) + (1 - beta1) * g;
    const se = beta2 * (s[e] as number) + (1 - beta2) * g * g;
    v[e] = ve;
    s[e] = se;
    w[e]! -= (lr * (ve / c1)) / Math.sqrt(se / c2 + epsilon);
  }
}

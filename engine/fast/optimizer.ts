import type { OptimizerParams } from '../nodes/optimizer.js';
import type { FastParameterSlot } from './lowering.js';
import type { StepKernels } from './steps.js';

/**
 * The spec's four optimizers (§5–§8) on float32 parameter buffers, as train/optimizers.ts runs them
 * with tf.js: plain gradient descent, momentum v := βv + (1 − β)dW, RMSprop s := β₂s + (1 − β₂)dW²
 * with W −= α dW/√(s + ε), and Adam with bias-corrected v and s (steps.ts). Its slots are made once,
 * before the kernels are bound: `v` and `s` are holders whose buffers bindKernels moves.
 */
export class FastOptimizer {
  /** Per parameter: momentum's and Adam's v, RMSprop's s; null for gradient descent. */
  readonly v: (Float32Array | null)[];
  /** Per parameter: Adam's s; null for the others. */
  readonly s: (Float32Array | null)[];
  /** Updates taken so far (Adam's t). */
  t = 0;

  /** Slots for parameters of `lengths` values each (in the executor's slot order). */
  constructor(
    private readonly params: OptimizerParams,
    lengths: readonly number[],
  ) {
    const count = { gd: 0, momentum: 1, rmsprop: 1, adam: 2 }[params.algorithm];
    this.v = lengths.map((n) => (count >= 1 ? new Float32Array(n) : null));
    this.s = lengths.map((n) => (count >= 2 ? new Float32Array(n) : null));
  }

  /** One step of every parameter in `slots` along its gradient, at learning rate `lr`. */
  step(slots: readonly FastParameterSlot[], steps: StepKernels, lr: number): void {
    this.t += 1;
    const params = this.params;
    for (const [i, slot] of slots.entries()) {
      const w = slot.values;
      const dw = slot.gradient;
      const v = this.v[i] as Float32Array;
      switch (params.algorithm) {
        case 'gd':
          steps.gd(w, dw, lr);
          break;
        case 'momentum':
          steps.momentum(w, dw, v, params.beta, lr);
          break;
        case 'rmsprop':
          steps.rmsprop(w, dw, v, params.beta2, params.epsilon, lr);
          break;
        case 'adam':
          steps.adam(w, dw, v, this.s[i] as Float32Array, params, lr, this.t);
          break;
      }
    }
  }
}

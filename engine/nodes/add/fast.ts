import { type FastLoweringContext, type FastPass, StatelessLowering } from '../../fast/lowering.js';
import type { AddParams } from './index.js';

/**
 * Add on the fast executor: a = x₁ + x₂ + … element-wise, summed in input order with float32
 * rounding after each term (as tf.addN); each dxₖ = da.
 */
class AddLowering extends StatelessLowering {
  constructor(private readonly n: number) {
    super();
  }

  forward(inputs: readonly Float32Array[], out: Float32Array, { rows }: FastPass): void {
    const n = rows * this.n;
    out.set((inputs[0] as Float32Array).subarray(0, n));
    for (let k = 1; k < inputs.length; k++) {
      const x = inputs[k] as Float32Array;
      for (let e = 0; e < n; e++) out[e] = (out[e] as number) + (x[e] as number);
    }
  }

  backward(
    _inputs: readonly Float32Array[],
    _out: Float32Array,
    d: Float32Array,
    dInputs: readonly (Float32Array | null)[],
    { rows }: FastPass,
  ): void {
    const gradient = d.subarray(0, rows * this.n);
    for (const dx of dInputs) dx?.set(gradient);
  }
}

export const addFast = (_params: AddParams, ctx: FastLoweringContext) =>
  new AddLowering(ctx.layer.outputFeatures);

import { type FastLoweringContext, type FastPass, StatelessLowering } from '../../fast/lowering.js';
import type { FlattenParams } from './index.js';

/** Flatten on the fast executor: channels-last memory is already one row per example, so a copy. */
class FlattenLowering extends StatelessLowering {
  constructor(private readonly n: number) {
    super();
  }

  forward([x]: readonly Float32Array[], out: Float32Array, { rows }: FastPass): void {
    out.set((x as Float32Array).subarray(0, rows * this.n));
  }

  backward(
    _inputs: readonly Float32Array[],
    _out: Float32Array,
    d: Float32Array,
    [dx]: readonly (Float32Array | null)[],
    { rows }: FastPass,
  ): void {
    dx?.set(d.subarray(0, rows * this.n));
  }
}

export const flattenFast = (_params: FlattenParams, ctx: FastLoweringContext) =>
  new FlattenLowering(ctx.layer.outputFeatures);

import { type FastLoweringContext, type FastPass, StatelessLowering } from '../../fast/lowering.js';
import { imageDims } from '../shape.js';
import type { AugmentParams } from './index.js';
import { augmentSources } from './sources.js';

/**
 * Augment on the fast executor: in training each image is mirrored and shifted by the draws the
 * tf.js layer makes for the same update (sources.ts), a copy from x with zeros shifted in; backward
 * adds each ∂J/∂a back to the input value it came from. A copy at evaluation.
 */
class AugmentLowering extends StatelessLowering {
  /** Where each output value of this update came from (−1: a zero shifted in). */
  private readonly sources: Int32Array;
  private readonly dims: [number, number, number];
  private readonly n: number;
  private augmenting = false;

  constructor(
    private readonly params: AugmentParams,
    private readonly nodeId: string,
    ctx: FastLoweringContext,
  ) {
    super();
    this.n = ctx.layer.outputFeatures;
    this.dims = imageDims({ dims: ctx.layer.inputShapes[0] ?? null }) ?? [1, this.n, 1];
    this.sources = new Int32Array(ctx.batchSize * this.n);
  }

  forward([x]: readonly Float32Array[], out: Float32Array, pass: FastPass): void {
    const input = x as Float32Array;
    const n = pass.rows * this.n;
    const { params, sources } = this;
    this.augmenting = pass.training && (params.maxShift > 0 || params.flipHorizontal);
    if (!this.augmenting) {
      out.set(input.subarray(0, n));
      return;
    }
    augmentSources(sources, pass.rows, this.dims, params, pass.stepSeed, this.nodeId);
    for (let e = 0; e < n; e++) {
      const from = sources[e] as number;
      out[e] = from < 0 ? 0 : (input[from] as number);
    }
  }

  backward(
    _inputs: readonly Float32Array[],
    _out: Float32Array,
    d: Float32Array,
    [dx]: readonly (Float32Array | null)[],
    { rows }: FastPass,
  ): void {
    if (!dx) return;
    const n = rows * this.n;
    if (!this.augmenting) {
      dx.set(d.subarray(0, n));
      return;
    }
    dx.fill(0, 0, n);
    const sources = this.sources;
    for (let e = 0; e < n; e++) {
      const from = sources[e] as number;
      if (from >= 0) dx[from] = (dx[from] as number) + (d[e] as number);
    }
  }
}

export const augmentFast = (params: AugmentParams, ctx: FastLoweringContext) =>
  new AugmentLowering(params, ctx.layer.nodeId, ctx);

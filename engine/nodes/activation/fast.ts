import { type FastLoweringContext, type FastPass, StatelessLowering } from '../../fast/lowering.js';
import type { ActivationName } from '../../model/activations.js';
import type { OutputActivation } from '../../model/losses.js';
import type { ActivationParams } from './index.js';

/**
 * Activation on the fast executor: a = g(x) element-wise, dx = da·g′ from a. As the output ending in
 * sigmoid, it passes x through and leaves σ to the loss.
 */
class ActivationLowering extends StatelessLowering {
  override readonly outputActivation: OutputActivation;
  private readonly g: ActivationName;
  private readonly n: number;

  constructor(
    private readonly params: ActivationParams,
    ctx: FastLoweringContext,
  ) {
    super();
    this.n = ctx.layer.outputFeatures;
    this.g = ctx.isOutput && params.fn === 'sigmoid' ? 'linear' : params.fn;
    this.outputActivation = params.fn === 'sigmoid' ? 'sigmoid' : null;
  }

  forward([x]: readonly Float32Array[], out: Float32Array, pass: FastPass): void {
    pass.kernels.activate(this.g, this.params.alpha, x as Float32Array, out, pass.rows * this.n);
  }

  backward(
    _inputs: readonly Float32Array[],
    out: Float32Array,
    d: Float32Array,
    [dx]: readonly (Float32Array | null)[],
    pass: FastPass,
  ): void {
    if (!dx) return;
    const n = pass.rows * this.n;
    pass.kernels.activationBackward(this.g, this.params.alpha, out, d, n);
    dx.set(d.subarray(0, n));
  }
}

export const activationFast = (params: ActivationParams, ctx: FastLoweringContext) =>
  new ActivationLowering(params, ctx);

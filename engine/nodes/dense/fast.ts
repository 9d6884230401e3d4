import type { FastLowering, FastLoweringContext, FastParameterSlot, FastPass } from '../../fast/lowering.js';
import type { ActivationName } from '../../model/activations.js';
import { weightSlots } from '../weighted.js';
import type { DenseParams } from './index.js';

/**
 * Dense on the fast executor: Z = X·W + b as one product, a = g(Z) in place, [rows, nIn] → [rows,
 * nOut] (an image input is already flat in memory). Backward: dZ = dA·g′, dW = Xᵀ·dZ, db = Σ dZ,
 * dX = dZ·Wᵀ. As the output ending in sigmoid, it leaves σ to the loss (its output is z).
 */
class DenseLowering implements FastLowering {
  w: Float32Array;
  dw: Float32Array;
  b: Float32Array | null;
  db: Float32Array | null;
  readonly outputActivation;
  private readonly nIn: number;
  private readonly nOut: number;
  private readonly g: ActivationName;

  constructor(
    private readonly params: DenseParams,
    ctx: FastLoweringContext,
  ) {
    this.nIn = ctx.layer.inputFeatures;
    this.nOut = params.units;
    this.w = ctx.parameter('W', this.nIn * this.nOut);
    this.dw = new Float32Array(this.w.length);
    const hasBias = params.useBias && !ctx.layer.dropBias;
    this.b = hasBias ? ctx.parameter('b', this.nOut) : null;
    this.db = hasBias ? new Float32Array(this.nOut) : null;
    this.g = ctx.isOutput && params.activation === 'sigmoid' ? 'linear' : params.activation;
    this.outputActivation = params.activation === 'sigmoid' ? ('sigmoid' as const) : null;
  }

  forward([x]: readonly Float32Array[], out: Float32Array, { kernels, rows }: FastPass): void {
    kernels.matmulBias(x as Float32Array, this.w, this.b, out, rows, this.nIn, this.nOut);
    kernels.activate(this.g, this.params.leakyAlpha, out, out, rows * this.nOut);
  }

  backward(
    [x]: readonly Float32Array[],
    out: Float32Array,
    d: Float32Array,
    [dx]: readonly (Float32Array | null)[],
    { kernels, rows }: FastPass,
  ): void {
    const { nIn, nOut, db } = this;
    kernels.activationBackward(this.g, this.params.leakyAlpha, out, d, rows * nOut);
    kernels.matmulTransA(x as Float32Array, d, this.dw, rows, nIn, nOut);
    if (db) {
      db.fill(0);
      for (let i = 0; i < rows; i++) {
        const o = i * nOut;
        for (let j = 0; j < nOut; j++) db[j]! += d[o + j] as number;
      }
    }
    if (dx) kernels.matmulTransB(d, this.w, dx, rows, nIn, nOut);
  }

  parameters(): FastParameterSlot[] {
    return weightSlots(this.w, this.dw, this.b, this.db, this.params);
  }

  state(): Float32Array[] {
    return [];
  }
}

export const denseFast = (params: DenseParams, ctx: FastLoweringContext): FastLowering =>
  new DenseLowering(params, ctx);

import type { FastLowering, FastLoweringContext, FastParameterSlot, FastPass } from '../../fast/lowering.js';
import { weightSlots } from '../weighted.js';
import { Conv2dKernel } from './fast-kernels.js';
import type { Conv2DParams } from './index.js';

/**
 * Conv2D on the fast executor: z = conv(x, W) + b by im2col onto the matrix products
 * (fast-kernels.ts), a = g(z) in place; backward dz = da·g′, then dW, db and dx from the kernel.
 * [rows, h, w, cIn] → [rows, h', w', filters], W [k, k, cIn, filters] as tf.js lays it out.
 */
class Conv2DLowering implements FastLowering {
  readonly outputActivation = null;
  w: Float32Array;
  dw: Float32Array;
  b: Float32Array | null;
  db: Float32Array | null;
  /** The kernel's im2col workspace moves into the SIMD memory with the lowering's own buffers. */
  readonly holders: readonly object[];
  private readonly kernel: Conv2dKernel;
  private readonly n: number;

  constructor(
    private readonly params: Conv2DParams,
    ctx: FastLoweringContext,
  ) {
    const [h = 1, w = 1, cIn = 1] = ctx.layer.inputShapes[0] ?? [];
    const { kernelSize: k, stride, padding, filters } = params;
    this.kernel = new Conv2dKernel(
      { h, w, kh: k, kw: k, strideH: stride, strideW: stride, padding, cIn, cOut: filters },
      ctx.batchSize,
    );
    this.holders = [this.kernel];
    this.n = ctx.layer.outputFeatures;
    this.w = ctx.parameter('W', k * k * cIn * filters);
    this.dw = new Float32Array(this.w.length);
    const hasBias = params.useBias && !ctx.layer.dropBias;
    this.b = hasBias ? ctx.parameter('b', filters) : null;
    this.db = hasBias ? new Float32Array(filters) : null;
  }

  forward([x]: readonly Float32Array[], out: Float32Array, { kernels, rows }: FastPass): void {
    this.kernel.forward(x as Float32Array, this.w, this.b, out, rows, kernels);
    kernels.activate(this.params.activation, this.params.leakyAlpha, out, out, rows * this.n);
  }

  backward(
    [x]: readonly Float32Array[],
    out: Float32Array,
    d: Float32Array,
    [dx]: readonly (Float32Array | null)[],
    { kernels, rows }: FastPass,
  ): void {
    kernels.activationBackward(this.params.activation, this.params.leakyAlpha, out, d, rows * this.n);
    this.kernel.backward(d, x as Float32Array, this.w, dx ?? null, this.dw, this.db, rows, kernels);
  }

  parameters(): FastParameterSlot[] {
    return weightSlots(this.w, this.dw, this.b, this.db, this.params);
  }

  state(): Float32Array[] {
    return [];
  }
}

export const conv2dFast = (params: Conv2DParams, ctx: FastLoweringContext): FastLowering =>
  new Conv2DLowering(params, ctx);

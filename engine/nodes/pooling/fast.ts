import { type FastLoweringContext, type FastPass, StatelessLowering } from '../../fast/lowering.js';
import { AvgPool2dKernel, MaxPool2dKernel, type Pool2dShape } from './fast-kernels.js';
import type { PoolParams } from './index.js';

/** The pooling window of this node over its input image [h, w, c]. */
function poolShape(params: PoolParams, ctx: FastLoweringContext): Pool2dShape {
  const [h = 1, w = 1, c = 1] = ctx.layer.inputShapes[0] ?? [];
  const { poolSize: k, stride, padding } = params;
  return { h, w, c, kh: k, kw: k, strideH: stride, strideW: stride, padding };
}

/**
 * MaxPool2D or AveragePool2D on the fast executor (fast-kernels.ts): [rows, h, w, c] →
 * [rows, h', w', c]; max pooling sends each gradient to the cell it took, average pooling spreads it
 * over the window's real cells.
 */
class PoolLowering extends StatelessLowering {
  constructor(private readonly kernel: MaxPool2dKernel | AvgPool2dKernel) {
    super();
  }

  forward([x]: readonly Float32Array[], out: Float32Array, { rows }: FastPass): void {
    this.kernel.forward(x as Float32Array, out, rows);
  }

  backward(
    _inputs: readonly Float32Array[],
    _out: Float32Array,
    d: Float32Array,
    [dx]: readonly (Float32Array | null)[],
    { rows }: FastPass,
  ): void {
    if (dx) this.kernel.backward(d, dx, rows);
  }
}

export const maxPoolFast = (params: PoolParams, ctx: FastLoweringContext) =>
  new PoolLowering(new MaxPool2dKernel(poolShape(params, ctx), ctx.batchSize));

export const averagePoolFast = (params: PoolParams, ctx: FastLoweringContext) =>
  new PoolLowering(new AvgPool2dKernel(poolShape(params, ctx), ctx.batchSize));

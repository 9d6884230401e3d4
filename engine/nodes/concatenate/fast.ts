import { type FastLoweringContext, type FastPass, StatelessLowering } from '../../fast/lowering.js';
import type { ConcatenateParams } from './index.js';

/**
 * Concatenate on the fast executor, along the last axis: at each position (an example's row, or a
 * pixel of an image) the inputs' last-axis values are laid side by side, [m, 8, 8, 4] ‖ [m, 8, 8, 2]
 * → [m, 8, 8, 6]; backward cuts ∂J/∂a back into the inputs' pieces.
 */
class ConcatenateLowering extends StatelessLowering {
  /** Last-axis length of each input, and of the output. */
  private readonly widths: number[];
  private readonly width: number;
  /** Positions per example (h·w for an image, 1 for a row). */
  private readonly positions: number;

  constructor(ctx: FastLoweringContext) {
    super();
    const shape = ctx.layer.outputShape;
    this.width = shape[shape.length - 1] as number;
    this.positions = ctx.layer.outputFeatures / this.width;
    this.widths = ctx.layer.inputShapes.map((s) => s[s.length - 1] as number);
  }

  forward(inputs: readonly Float32Array[], out: Float32Array, { rows }: FastPass): void {
    const cells = rows * this.positions;
    let offset = 0;
    for (const [k, x] of inputs.entries()) {
      const c = this.widths[k] as number;
      for (let p = 0; p < cells; p++) {
        const to = p * this.width + offset;
        const from = p * c;
        for (let j = 0; j < c; j++) out[to + j] = x[from + j] as number;
      }
      offset += c;
    }
  }

  backward(
    _inputs: readonly Float32Array[],
    _out: Float32Array,
    d: Float32Array,
    dInputs: readonly (Float32Array | null)[],
    { rows }: FastPass,
  ): void {
    const cells = rows * this.positions;
    let offset = 0;
    for (const [k, dx] of dInputs.entries()) {
      const c = this.widths[k] as number;
      if (dx) {
        for (let p = 0; p < cells; p++) {
          const from = p * this.width + offset;
          const to = p * c;
          for (let j = 0; j < c; j++) dx[to + j] = d[from + j] as number;
        }
      }
      offset += c;
    }
  }
}

export const concatenateFast = (_params: ConcatenateParams, ctx: FastLoweringContext) =>
  new ConcatenateLowering(ctx);

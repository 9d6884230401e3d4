import type { ReferenceLowering } from '../../gradcheck/lowering.js';
import type { ConcatenateParams } from './index.js';

/**
 * Concatenate in float64 along the last axis, in input order: at each position (each example of
 * [m_b, n], each pixel of [m_b, h, w, c]) the output's last axis is the inputs' last axes end to end.
 * [m_b, 8, 8, 4] ‖ [m_b, 8, 8, 2] → [m_b, 8, 8, 6]. Backward cuts ∂J/∂out into the same pieces.
 */
export const concatenateReference: ReferenceLowering<ConcatenateParams> = {
  forward(inputs, _params, ctx) {
    const widths = ctx.layer.inputShapes.map((shape) => shape[shape.length - 1] ?? 1);
    const total = widths.reduce((a, b) => a + b, 0);
    const positions = (inputs[0] as Float64Array).length / (widths[0] ?? 1);
    const output = new Float64Array(positions * total);
    /** Calls visit(input i, offset in input i, offset in the output) for every piece. */
    const pieces = (visit: (i: number, from: number, to: number) => void) => {
      for (let p = 0; p < positions; p++) {
        let to = p * total;
        widths.forEach((c, i) => {
          visit(i, p * c, to);
          to += c;
        });
      }
    };
    pieces((i, from, to) => {
      const x = inputs[i] as Float64Array;
      output.set(x.subarray(from, from + (widths[i] as number)), to);
    });
    return {
      output,
      backward(d) {
        const dx = widths.map((c) => new Float64Array(positions * c));
        pieces((i, from, to) => {
          dx[i]!.set(d.subarray(to, to + (widths[i] as number)), from);
        });
        return { inputs: dx, parameters: [] };
      },
    };
  },
};

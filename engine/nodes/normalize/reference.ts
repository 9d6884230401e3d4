import type { ReferenceLowering } from '../../gradcheck/lowering.js';
import { asMatrix } from '../../gradcheck/matrix.js';
import type { NormalizeParams } from './index.js';

/**
 * Normalize in float64: (x − μ)/σ per value of the flattened example with the training split's
 * constants, through the rule `normalize`. [m_b, …] → [m_b, …].
 */
export const normalizeReference: ReferenceLowering<NormalizeParams> = {
  forward([input], _params, ctx) {
    const { normalize } = ctx.rules;
    const stats = ctx.inputStatistics;
    if (!stats) throw new Error('The plan has a Normalize layer: pass the training split’s inputStatistics.');
    const x = asMatrix(input as Float64Array, ctx.layer.inputFeatures);
    return {
      output: normalize.forward(x, stats.mean, stats.std).data,
      backward: (dA) => ({
        inputs: [normalize.backward(asMatrix(dA, x.cols), stats.std).data],
        parameters: [],
      }),
    };
  },
};

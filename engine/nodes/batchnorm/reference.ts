import { type ReferenceLowering, requiredParameter } from '../../gradcheck/lowering.js';
import { asMatrix } from '../../gradcheck/matrix.js';
import type { BatchNormParams } from './index.js';

/**
 * BatchNorm in float64, training mode (the batch's own μ and σ², as the trainer differentiates), through
 * the rule `batchNorm`. Per channel, the last axis: [m_b, n] normalizes each unit over m_b rows;
 * [m_b, h, w, c] each channel over all m_b·h·w positions, which is the same rule on m_b·h·w rows of c.
 */
export const batchNormReference: ReferenceLowering<BatchNormParams> = {
  forward([input], { epsilon }, ctx) {
    const { batchNorm } = ctx.rules;
    const gamma = requiredParameter(ctx, 'gamma');
    const beta = requiredParameter(ctx, 'beta');
    const channels = gamma.values.length;
    const { out, cache } = batchNorm.forward(
      asMatrix(input as Float64Array, channels),
      gamma.values,
      beta.values,
      epsilon,
    );
    return {
      output: out.data,
      backward(dOut) {
        const { dZ, dGamma, dBeta } = batchNorm.backward(asMatrix(dOut, channels), cache, gamma.values);
        return {
          inputs: [dZ.data],
          parameters: [
            { parameter: gamma, gradient: dGamma },
            { parameter: beta, gradient: dBeta },
          ],
        };
      },
    };
  },
  note: (_params, nodeId) =>
    `BatchNorm "${nodeId}" normalizes with the batch's own μ and σ² (training mode).`,
};

import type { ReferenceLowering } from '../../gradcheck/lowering.js';
import { asMatrix } from '../../gradcheck/matrix.js';
import type { SoftmaxParams } from './index.js';

/**
 * Softmax in float64 over the C values of each example, through the rule `softmax`; its input is the
 * logits a categorical cross-entropy reads. [m_b, C] → [m_b, C].
 */
export const softmaxReference: ReferenceLowering<SoftmaxParams> = {
  forward([input], _params, ctx) {
    const { softmax } = ctx.rules;
    const z = asMatrix(input as Float64Array, ctx.layer.outputFeatures);
    const a = softmax.forward(z);
    return {
      output: a.data,
      logits: { values: z.data, activation: 'softmax' },
      // Under MSE, dA goes back through the full Jacobian; under cross-entropy the loss hands dZ.
      backward: (dA, atLogits) => ({
        inputs: [atLogits ? dA : softmax.backward(asMatrix(dA, z.cols), a).data],
        parameters: [],
      }),
    };
  },
};

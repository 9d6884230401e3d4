import type { ReferenceLowering } from '../../gradcheck/lowering.js';
import { asMatrix } from '../../gradcheck/matrix.js';
import type { ActivationParams } from './index.js';

/**
 * An Activation node in float64: a = g(z) entry by entry through the rule `activation`, any shape.
 * A sigmoid hands its input to a cross-entropy loss as the logits. [m_b, …] → [m_b, …].
 */
export const activationReference: ReferenceLowering<ActivationParams> = {
  forward([input], { fn, alpha }, ctx) {
    const { activation } = ctx.rules;
    const z = asMatrix(input as Float64Array, ctx.layer.outputFeatures);
    const a = activation.forward(fn, z, alpha);
    return {
      output: a.data,
      ...(fn === 'sigmoid' ? { logits: { values: z.data, activation: 'sigmoid' } } : {}),
      backward: (dA, atLogits) => ({
        inputs: [atLogits ? dA : activation.backward(fn, asMatrix(dA, z.cols), z, a, alpha).data],
        parameters: [],
      }),
    };
  },
};

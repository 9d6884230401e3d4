import { type ReferenceLowering, requiredParameter } from '../../gradcheck/lowering.js';
import { asMatrix } from '../../gradcheck/matrix.js';
import type { DenseParams } from './index.js';

/**
 * Dense in float64: z = a_prev W + b, a = g(z), through the rules `dense` and `activation`. An input of
 * rank > 1 is flattened first, which costs nothing here: [m_b, h, w, c] is already m_b rows of h·w·c.
 * [m_b, n[l−1]] → [m_b, n[l]]. With BatchNorm next the plan drops b (β replaces it, spec §12).
 */
export const denseReference: ReferenceLowering<DenseParams> = {
  forward([x], params, ctx) {
    const { dense, activation } = ctx.rules;
    const w = requiredParameter(ctx, 'W');
    const b = ctx.parameter('b');
    const [nIn = 0, nOut = 0] = w.shape;
    const aPrev = asMatrix(x as Float64Array, nIn);
    const weights = { rows: nIn, cols: nOut, data: w.values };
    const z = dense.forward(aPrev, weights, b?.values ?? null);
    const a = activation.forward(params.activation, z, params.leakyAlpha);
    return {
      output: a.data,
      ...(params.activation === 'sigmoid' ? { logits: { values: z.data, activation: 'sigmoid' } } : {}),
      backward(dA, atLogits) {
        // dZ = dA ⊙ g'(Z), or the loss's dZ[L] itself when it took the sigmoid along.
        const dZ = atLogits
          ? asMatrix(dA, nOut)
          : activation.backward(params.activation, asMatrix(dA, nOut), z, a, params.leakyAlpha);
        const { dW, db, dAPrev } = dense.backward(dZ, aPrev, weights);
        const parameters = [{ parameter: w, gradient: dW.data }];
        if (b) parameters.push({ parameter: b, gradient: db });
        return { inputs: [dAPrev.data], parameters };
      },
    };
  },
};

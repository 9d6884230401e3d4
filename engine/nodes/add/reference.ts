import type { ReferenceLowering } from '../../gradcheck/lowering.js';
import type { AddParams } from './index.js';

/**
 * Add in float64: out = x₁ + x₂ + ⋯ entry by entry, so ∂out/∂xᵢ = 1 and every input receives ∂J/∂out
 * unchanged (the skip path of a residual block gets the whole gradient). [m_b, …] × k → [m_b, …].
 */
export const addReference: ReferenceLowering<AddParams> = {
  forward(inputs) {
    const output = new Float64Array((inputs[0] as Float64Array).length);
    for (const x of inputs) for (let k = 0; k < output.length; k++) output[k]! += x[k] as number;
    return { output, backward: (d) => ({ inputs: inputs.map(() => d), parameters: [] }) };
  },
};

import { passThrough, type ReferenceLowering } from '../../gradcheck/lowering.js';
import type { FlattenParams } from './index.js';

/**
 * Flatten in float64 moves nothing: [m_b, h, w, c] row-major is already m_b rows of h·w·c, channels
 * fastest, which is [m_b, h·w·c]; ∂J/∂x is ∂J/∂out read with the input's shape.
 */
export const flattenReference: ReferenceLowering<FlattenParams> = {
  forward: ([input]) => passThrough(input as Float64Array),
};

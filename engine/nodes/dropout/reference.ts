import { passThrough, type ReferenceLowering } from '../../gradcheck/lowering.js';
import type { DropoutParams } from './index.js';

/**
 * Dropout is off for the check (spec §5: with it on, J is not well defined): the identity, as the
 * trainer's layer is at keep_prob 1. [m_b, …] → [m_b, …].
 */
export const dropoutReference: ReferenceLowering<DropoutParams> = {
  forward: ([input]) => passThrough(input as Float64Array),
  paramsForCheck: (params) => ({ ...params, keepProb: 1 }),
  note: ({ keepProb }, nodeId) =>
    `Dropout "${nodeId}" (keep_prob ${keepProb}) is off for the check (identity).`,
};

import { passThrough, type ReferenceLowering } from '../../gradcheck/lowering.js';
import type { AugmentParams } from './index.js';

/**
 * Augment is off for the check, like dropout (a random shift makes J a different function on every
 * call): the identity, as the trainer's layer is without shifts or flips. [m_b, h, w, c] → the same.
 */
export const augmentReference: ReferenceLowering<AugmentParams> = {
  forward: ([input]) => passThrough(input as Float64Array),
  paramsForCheck: (params) => ({ ...params, maxShift: 0, flipHorizontal: false }),
  note: (_params, nodeId) => `Augment "${nodeId}" is off for the check (identity).`,
};

import type { LossFunction } from '../nodes/loss.js';
import { type ActivationRule, activationRule } from './activation.js';
import { type BatchNormRule, batchNormRule } from './batchnorm.js';
import { type DenseRule, denseRule } from './dense.js';
import { type LossRule, lossRules } from './loss.js';
import { type NormalizeRule, normalizeRule } from './normalize.js';
import { type PenaltyRule, penaltyRule } from './penalty.js';
import { type SoftmaxRule, softmaxRule } from './softmax.js';

/**
 * Every forward and backward rule the reference network uses, one entry per layer kind. A test (or a
 * lesson) swaps one rule for a broken copy — `{ ...REFERENCE_RULES, penalty: { ...penaltyRule,
 * l2Gradient: wrong } }` — and watches the gradient check catch it.
 */
export interface BackpropRules {
  dense: DenseRule;
  activation: ActivationRule;
  batchNorm: BatchNormRule;
  softmax: SoftmaxRule;
  normalize: NormalizeRule;
  losses: Record<LossFunction, LossRule>;
  penalty: PenaltyRule;
}

/** The correct rules. Dropout and Augment have none: the check runs with them off (identity). */
export const REFERENCE_RULES: BackpropRules = {
  dense: denseRule,
  activation: activationRule,
  batchNorm: batchNormRule,
  softmax: softmaxRule,
  normalize: normalizeRule,
  losses: lossRules,
  penalty: penaltyRule,
};

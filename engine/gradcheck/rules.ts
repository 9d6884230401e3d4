import { type ActivationRule, activationRule } from '../nodes/activation/reference-math.js';
import { type BatchNormRule, batchNormRule } from '../nodes/batchnorm/reference-math.js';
import { type Conv2DRule, conv2dRule } from '../nodes/conv2d/reference-math.js';
import { type DenseRule, denseRule } from '../nodes/dense/reference-math.js';
import type { LossFunction } from '../nodes/loss.js';
import { type NormalizeRule, normalizeRule } from '../nodes/normalize/reference-math.js';
import { averagePoolRule, maxPoolRule, type PoolRule } from '../nodes/pooling/reference-math.js';
import { type SoftmaxRule, softmaxRule } from '../nodes/softmax/reference-math.js';
import { type LossRule, lossRules } from './loss.js';
import { type PenaltyRule, penaltyRule } from './penalty.js';

/**
 * Every forward and backward rule the reference network uses, handed to each kind's reference
 * lowering (engine/nodes/<kind>/reference.ts). A test (or a lesson) swaps one rule for a broken copy —
 * `{ ...REFERENCE_RULES, penalty: { ...penaltyRule, l2Gradient: wrong } }` — and watches the gradient
 * check catch it. The maths of each layer kind lives in its folder (reference-math.ts).
 */
export interface BackpropRules {
  dense: DenseRule;
  activation: ActivationRule;
  batchNorm: BatchNormRule;
  softmax: SoftmaxRule;
  normalize: NormalizeRule;
  conv2d: Conv2DRule;
  maxPool: PoolRule;
  averagePool: PoolRule;
  losses: Record<LossFunction, LossRule>;
  penalty: PenaltyRule;
}

/**
 * The correct rules. Flatten, Add and Concatenate only move values, and Dropout and Augment are off
 * for the check (identity): their lowerings need no rule.
 */
export const REFERENCE_RULES: BackpropRules = {
  dense: denseRule,
  activation: activationRule,
  batchNorm: batchNormRule,
  softmax: softmaxRule,
  normalize: normalizeRule,
  conv2d: conv2dRule,
  maxPool: maxPoolRule,
  averagePool: averagePoolRule,
  losses: lossRules,
  penalty: penaltyRule,
};

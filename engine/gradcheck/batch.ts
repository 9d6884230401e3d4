import type { TrainingPlan } from '../compile/plan.js';
import type { LabeledData } from '../data/types.js';
import { labelMatrix } from '../model/losses.js';
import type { GradCheckBatch } from './reference.js';

/**
 * The first `examples` rows of the training split (already a seeded shuffle) as a check batch, labels
 * as the plan's loss reads them; m is the whole training split's size. [m, n] → [m_b, n], [m_b, k].
 */
export function checkBatch(plan: TrainingPlan, train: LabeledData, examples: number): GradCheckBatch {
  const mb = Math.max(0, Math.min(examples, train.m));
  const labels = labelMatrix(plan.loss, train);
  return {
    x: train.x.slice(0, mb * train.features),
    y: labels.values.slice(0, mb * labels.columns),
    examples: mb,
    m: train.m,
  };
}

import type { TrainingPlan } from '../compile/plan.js';

/**
 * Why a cost became NaN or infinite, naming the likely causes this plan actually has (spec: a run
 * never goes on charting NaNs).
 */
export function nanMessage(plan: TrainingPlan, at: { t: number; epoch: number; lr: number }): string {
  const causes: string[] = [];
  const alpha = at.lr;
  if (alpha >= 0.1 || (plan.optimizer.algorithm === 'gd' && alpha >= 0.05)) {
    causes.push(`the learning rate α = ${alpha} is probably too large: try ${alpha / 10}`);
  }
  const big = plan.layers.filter((l) => {
    const p = l.params as { initializer?: string; initScale?: number };
    return p.initializer === 'random' && (p.initScale ?? 0) >= 1;
  });
  if (big.length)
    causes.push(
      `initialization scale: ${big.map((l) => l.nodeId).join(', ')} start with large random weights (random×scale); use He`,
    );
  if (!plan.needsInputStatistics)
    causes.push('the inputs are not normalized: add a Normalize node after the data set');
  if (!causes.length) causes.push(`the learning rate α = ${alpha} may still be too large for this network`);
  return `The cost became NaN or infinite at update ${at.t} (epoch ${at.epoch}), so training stopped. Likely causes: ${causes.join('; ')}.`;
}

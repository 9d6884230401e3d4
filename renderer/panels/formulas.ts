import { ACTIVATION_FORMULAS, type ActivationName } from '../../engine/model/activations';
import { INITIALIZER_FORMULAS, type Initializer } from '../../engine/model/initializers';
import { LOSS_FORMULAS, type LossFunction } from '../../engine/nodes/loss';
import { OPTIMIZER_FORMULAS, type OptimizerParams } from '../../engine/nodes/optimizer';
import { SCHEDULE_FORMULAS, type ScheduleParams } from '../../engine/nodes/schedule';
import type { AnyNodeKind } from '../../engine/nodes/types';

/**
 * The formula for this node as set: the optimizer's update for its algorithm, the chosen loss,
 * activation and initialization. Falls back to the kind's own formula.
 */
export function formulaFor(kind: AnyNodeKind, params: unknown): string {
  const parsed = kind.params.safeParse(params);
  if (!parsed.success) return kind.formula;
  const p = parsed.data as Record<string, unknown>;
  switch (kind.kind) {
    case 'Optimizer':
      return OPTIMIZER_FORMULAS[p.algorithm as OptimizerParams['algorithm']] ?? kind.formula;
    case 'Schedule':
      return SCHEDULE_FORMULAS[p.kind as ScheduleParams['kind']] ?? kind.formula;
    case 'Activation':
      return ACTIVATION_FORMULAS[p.fn as ActivationName] ?? kind.formula;
    case 'Loss': {
      const cost = kind.formula.split(';\\quad ')[0];
      return `${cost};\\quad ${LOSS_FORMULAS[p.fn as LossFunction]}`;
    }
    case 'Dense': {
      const [forward] = kind.formula.split(';\\quad W');
      const act = ACTIVATION_FORMULAS[p.activation as ActivationName];
      const init = INITIALIZER_FORMULAS[p.initializer as Initializer];
      return `${forward};\\quad ${act};\\quad ${init}`;
    }
    default:
      return kind.formula;
  }
}

/** The parts the engine joins with ";\quad" (or ",\;", ";\ "…), one per line, to fit the panel. */
export function splitFormula(tex: string): string[] {
  return tex.split(/[;,]\\quad\s*|[;,]\\[; ]\s*/).filter((line) => line.trim() !== '');
}

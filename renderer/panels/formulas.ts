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
    case 'Conv2D': {
      const [z] = kind.formula.split(',\\quad ');
      const act = ACTIVATION_FORMULAS[p.activation as ActivationName];
      const size = outputSize(p.padding as Padding, p.kernelSize as number, p.stride as number);
      return `${z};\\quad a = g(z);\\quad ${act};\\quad ${size}`;
    }
    case 'MaxPool2D':
    case 'AveragePool2D':
      return `${kind.formula};\\quad ${outputSize(p.padding as Padding, p.poolSize as number, p.stride as number)}`;
    default:
      return kind.formula;
  }
}

type Padding = 'same' | 'valid';

/**
 * The output height of a window of f with stride s, as set (the width follows the same rule):
 * same → n_H = ⌈n_H[l−1] / s⌉; valid → n_H = ⌊(n_H[l−1] − f) / s⌋ + 1; with s = 1 these are
 * n_H[l−1] and n_H[l−1] − f + 1.
 */
export function outputSize(padding: Padding, f: number, s: number): string {
  const before = 'n^{[l-1]}_H';
  const size =
    padding === 'same'
      ? s === 1
        ? before
        : `\\left\\lceil \\frac{${before}}{${s}} \\right\\rceil`
      : s === 1
        ? `${before} - ${f} + 1`
        : `\\left\\lfloor \\frac{${before} - ${f}}{${s}} \\right\\rfloor + 1`;
  return `n^{[l]}_H = ${size}`;
}

/** The parts the engine joins with ";\quad" (or ",\qquad", ",\;", ";\ "…), one per line, to fit the panel. */
export function splitFormula(tex: string): string[] {
  return tex.split(/[;,]\\q?quad\s*|[;,]\\[; ]\s*/).filter((line) => line.trim() !== '');
}

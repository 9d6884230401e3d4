import type { AnyNodeKind } from '../../engine/nodes/types';

/**
 * The formula for this node as set (the kind's `formulaFor`): the optimizer's update for its
 * algorithm, the chosen loss, activation and initialization. Falls back to the kind's own formula.
 */
export function formulaFor(kind: AnyNodeKind, params: unknown): string {
  const parsed = kind.params.safeParse(params);
  if (!parsed.success) return kind.formula;
  return kind.formulaFor?.(parsed.data) ?? kind.formula;
}

/** The parts the engine joins with ";\quad" (or ",\qquad", ",\;", ";\ "…), one per line, to fit the panel. */
export function splitFormula(tex: string): string[] {
  return tex.split(/[;,]\\q?quad\s*|[;,]\\[; ]\s*/).filter((line) => line.trim() !== '');
}

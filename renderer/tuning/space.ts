import type { GraphDocument } from '../../engine/document/schema';
import { hasRole, nodeKind } from '../../engine/nodes/registry';
import type { TrainingParams } from '../../engine/nodes/training';
import { fail, ok, type Result } from '../../engine/problems';
import {
  applyValues,
  defaultSpace,
  type ParamValues,
  type SearchParam,
  suggestParam,
} from '../../engine/search';
import type { GraphChange } from '../store/changes';

/** A param the user can mark for the search: a numeric param the notes suggest a range for. */
export interface SearchCandidate {
  nodeId: string;
  path: string;
  /** The node's kind, for grouping ("Optimizer"). */
  kind: string;
  /** The value the graph has now. */
  current: number;
  /** The range the notes suggest (`suggestParam`). */
  suggestion: SearchParam;
}

/** Trials and epochs a search starts with: 20 trials, the Training node's epochs up to 100. */
export const DEFAULT_TRIALS = 20;
export const MAX_DEFAULT_EPOCHS = 100;

/**
 * Every param of the graph the search can take, in node order: each numeric field of a node's
 * params (defaults filled in) for which `suggestParam` has the notes' range — α, β, β₁, β₂, ε, units,
 * λ, keep_prob, the mini-batch size, a schedule's decay rate.
 */
export function searchCandidates(doc: GraphDocument): SearchCandidate[] {
  return doc.nodes.flatMap((node) => {
    const kind = nodeKind(node.kind);
    const parsed = kind?.params.safeParse(node.params);
    if (!parsed?.success || typeof parsed.data !== 'object' || parsed.data === null) return [];
    return Object.entries(parsed.data as Record<string, unknown>).flatMap(([path, value]) => {
      if (typeof value !== 'number') return [];
      const suggestion = suggestParam(doc, node.id, path);
      return suggestion.ok
        ? [{ nodeId: node.id, path, kind: node.kind, current: value, suggestion: suggestion.value }]
        : [];
    });
  });
}

/** The params a new search starts with: the default search (α, and β or β₁), or none. */
export function initialParams(doc: GraphDocument): SearchParam[] {
  const space = defaultSpace(doc, { trials: DEFAULT_TRIALS, epochsPerTrial: 1, seed: 1 });
  return space.ok ? space.value.params : [];
}

/** The epoch budget a new search offers: the Training node's epochs, at most 100. */
export function initialEpochs(doc: GraphDocument): number {
  const training = doc.nodes.find((n) => hasRole(n.kind, 'training'));
  const epochs = (training?.params as Partial<TrainingParams> | undefined)?.epochs;
  return typeof epochs === 'number' && epochs > 0 ? Math.min(epochs, MAX_DEFAULT_EPOCHS) : MAX_DEFAULT_EPOCHS;
}

/**
 * A trial's values as edits of `doc`: one `setParams` per node whose params change, so writing them
 * is one `applyChanges` call, one undo step. Problems when a value no longer fits (the node was
 * deleted, or its schema refuses the value).
 */
export function valuesAsChanges(
  doc: GraphDocument,
  params: readonly SearchParam[],
  values: Readonly<ParamValues>,
): Result<GraphChange[]> {
  const applied = applyValues(doc, params, values);
  if (!applied.ok) return fail(applied.problems);
  const before = new Map(doc.nodes.map((n) => [n.id, n]));
  const changes: GraphChange[] = applied.value.nodes.flatMap((n) =>
    before.get(n.id)?.params === n.params ? [] : [{ type: 'setParams' as const, id: n.id, params: n.params }],
  );
  return ok(changes);
}

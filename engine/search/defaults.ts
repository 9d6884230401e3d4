import type { GraphDocument } from '../document/schema.js';
import { type OptimizerParams, OptimizerParamsWithDefault } from '../nodes/optimizer.js';
import { hasRole, nodeKind } from '../nodes/registry.js';
import { detailed, error, fail, ok, type Result } from '../problems.js';
import { readParam } from './params.js';
import type { SearchParam, SearchSpace } from './space.js';

/**
 * The suggested search range of one param: `suggestParam(doc, 'hidden1', 'units')` with 5 units →
 * { scale: 'int', min: 2, max: 10 }. A problem when the param does not exist or has no suggestion.
 */
export function suggestParam(doc: GraphDocument, nodeId: string, path: string): Result<SearchParam> {
  const current = readParam(doc, nodeId, path);
  if (!current.ok) return fail(current.problems);
  const kind = doc.nodes.find((n) => n.id === nodeId)!.kind;
  const suggest = nodeKind(kind)?.suggestedRanges?.[path];
  if (!suggest) {
    return fail([
      detailed(
        error(
          'INVALID_PARAM',
          nodeId,
          `Search: no suggested range for ${kind} ${path}; give scale:min:max.`,
          path,
        ),
        'searchNoRange',
        { kind, path },
      ),
    ]);
  }
  return ok({ nodeId, path, ...suggest(current.value) });
}

/**
 * The search to run when the user names no params: α on log10 [1e-4, 1e-1] (above 0.1 a network
 * mostly diverges, below 1e-4 it barely moves), plus momentum's β or Adam's β₁ as 1 − 10^r on
 * [0.9, 0.999] when the optimizer has one (the next tier of spec §11).
 */
export function defaultSpace(
  doc: GraphDocument,
  budget: Pick<SearchSpace, 'trials' | 'epochsPerTrial' | 'seed'>,
): Result<SearchSpace> {
  const optimizers = doc.nodes.filter((n) => hasRole(n.kind, 'optimizer'));
  const [node] = optimizers;
  if (!node || optimizers.length > 1) {
    const code = node ? 'TOO_MANY' : 'MISSING_NODE';
    return fail([
      detailed(
        error(
          code,
          null,
          'Search: the default search needs exactly one Optimizer node; name params with --param.',
        ),
        'searchOneOptimizer',
        {},
      ),
    ]);
  }
  const parsed = OptimizerParamsWithDefault.safeParse(node.params);
  if (!parsed.success) {
    const problem = error('INVALID_PARAM', node.id, `Search: Optimizer "${node.id}" has invalid params.`);
    return fail([detailed(problem, 'searchInvalidParams', { kind: 'Optimizer', id: node.id })]);
  }
  const algorithm = (parsed.data as OptimizerParams).algorithm;
  const params: SearchParam[] = [
    { nodeId: node.id, path: 'learningRate', scale: 'log10', min: 1e-4, max: 1e-1 },
  ];
  const beta = algorithm === 'momentum' ? 'beta' : algorithm === 'adam' ? 'beta1' : null;
  if (beta) params.push({ nodeId: node.id, path: beta, scale: 'oneMinusLog10', min: 0.9, max: 0.999 });
  return ok({ params, ...budget });
}

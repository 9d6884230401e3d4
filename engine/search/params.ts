import type { GraphDocument, GraphNode } from '../document/schema.js';
import { nodeKind } from '../nodes/registry.js';
import type { AnyNodeKind } from '../nodes/types.js';
import { detailed, error, fail, ok, type Problem, type ProblemDetail, type Result } from '../problems.js';
import { type ParamValues, paramKey, type SearchParam } from './space.js';

/**
 * The one place that knows how a searched value gets into a document: a dotted path into one node's
 * params, checked against that node kind's schema. Everything here is pure: documents in, new
 * documents (or problems) out.
 */

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function getIn(value: unknown, keys: readonly string[]): unknown {
  let at = value;
  for (const key of keys) at = isObject(at) ? at[key] : undefined;
  return at;
}

/** A copy of `obj` with `keys` set to `value`, copying only the objects on the way. */
function setIn(obj: Json, keys: readonly string[], value: unknown): Json {
  const [head, ...rest] = keys as [string, ...string[]];
  if (!rest.length) return { ...obj, [head]: value };
  const inner = obj[head];
  return { ...obj, [head]: setIn(isObject(inner) ? inner : {}, rest, value) };
}

/** INVALID_PARAM on a searched param, with its message key and values (see `Problem.detail`). */
const paramProblem = (
  nodeId: string,
  path: string,
  message: string,
  key: string,
  params: ProblemDetail['params'],
): Problem => detailed(error('INVALID_PARAM', nodeId, message, path), key, params);

/** The node has no number at `path` to search. */
const notNumeric = (kind: string, nodeId: string, path: string): Problem =>
  paramProblem(
    nodeId,
    path,
    `Search: ${kind} "${nodeId}" has no numeric param "${path}".`,
    'searchNotNumeric',
    {
      kind,
      id: nodeId,
      path,
    },
  );

/** The node and its kind, or the problem that there is none. */
function findNode(
  doc: GraphDocument,
  nodeId: string,
  path: string,
): { problem: Problem } | { index: number; node: GraphNode; kind: AnyNodeKind } {
  const index = doc.nodes.findIndex((n) => n.id === nodeId);
  const node = doc.nodes[index];
  if (!node)
    return {
      problem: paramProblem(nodeId, path, `Search: the graph has no node "${nodeId}".`, 'searchNoNode', {
        id: nodeId,
      }),
    };
  const kind = nodeKind(node.kind);
  if (!kind) {
    return {
      problem: detailed(
        error('UNKNOWN_KIND', nodeId, `Search: node "${nodeId}" has the unknown kind "${node.kind}".`),
        'searchUnknownKind',
        { id: nodeId, kind: node.kind },
      ),
    };
  }
  return { index, node, kind };
}

/**
 * The value a node's param has now, defaults filled in: `readParam(doc, 'optimizer', 'learningRate')`
 * → 0.0007. A problem when the node is missing, its params are invalid, or the field is not a number
 * (e.g. `beta` on an Adam optimizer, which has beta1 and beta2).
 */
export function readParam(doc: GraphDocument, nodeId: string, path: string): Result<number> {
  const found = findNode(doc, nodeId, path);
  if ('problem' in found) return fail([found.problem]);
  const { node, kind } = found;
  const parsed = kind.params.safeParse(node.params);
  if (!parsed.success) {
    return fail([
      paramProblem(
        nodeId,
        path,
        `Search: ${kind.kind} "${nodeId}" has invalid params.`,
        'searchInvalidParams',
        {
          kind: kind.kind,
          id: nodeId,
        },
      ),
    ]);
  }
  const value = getIn(parsed.data, path.split('.'));
  if (typeof value !== 'number') {
    return fail([notNumeric(kind.kind, nodeId, path)]);
  }
  return ok(value);
}

/**
 * A new document with `path` of node `nodeId` set to `value`; the node's other params stay as the
 * user wrote them. The result must pass the kind's schema and keep the value (a field the kind does
 * not have would be dropped by the schema: that is a problem too).
 */
export function writeParam(
  doc: GraphDocument,
  nodeId: string,
  path: string,
  value: number,
): Result<GraphDocument> {
  const found = findNode(doc, nodeId, path);
  if ('problem' in found) return fail([found.problem]);
  const { index, node, kind } = found;
  const keys = path.split('.');
  const params = setIn(node.params, keys, value);
  const parsed = kind.params.safeParse(params);
  if (!parsed.success) {
    return fail(
      parsed.error.issues.map((issue) => {
        const field = issue.path.map(String).join('.') || path;
        const message = `Search: ${kind.kind} "${nodeId}", ${field} = ${value}: ${issue.message}`;
        return paramProblem(nodeId, path, message, 'searchValueRefused', {
          kind: kind.kind,
          id: nodeId,
          field,
          value,
          reason: issue.message,
        });
      }),
    );
  }
  if (getIn(parsed.data, keys) !== value) {
    return fail([notNumeric(kind.kind, nodeId, path)]);
  }
  const nodes = doc.nodes.slice();
  nodes[index] = { ...node, params };
  return ok({ ...doc, nodes });
}

/**
 * Writes one trial's values into a document: `{ "optimizer.learningRate": 0.003 }` → a new document
 * whose optimizer has α = 0.003. Every problem is collected; the document comes back only when all
 * values fit.
 */
export function applyValues(
  doc: GraphDocument,
  params: readonly SearchParam[],
  values: Readonly<ParamValues>,
): Result<GraphDocument> {
  let current = doc;
  const problems: Problem[] = [];
  for (const p of params) {
    const value = values[paramKey(p)];
    if (value === undefined) {
      problems.push(
        paramProblem(p.nodeId, p.path, `Search: no value for ${paramKey(p)}.`, 'searchNoValue', {
          param: paramKey(p),
        }),
      );
      continue;
    }
    const written = writeParam(current, p.nodeId, p.path, value);
    if (written.ok) current = written.value;
    else problems.push(...written.problems);
  }
  return problems.length ? fail(problems) : ok(current);
}

/** The values the document has now for the searched params (the baseline a search is measured against). */
export function readValues(doc: GraphDocument, params: readonly SearchParam[]): Result<ParamValues> {
  const values: ParamValues = {};
  const problems: Problem[] = [];
  for (const p of params) {
    const read = readParam(doc, p.nodeId, p.path);
    if (read.ok) values[paramKey(p)] = read.value;
    else problems.push(...read.problems);
  }
  return problems.length ? fail(problems) : ok(values);
}

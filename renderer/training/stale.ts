import type { GraphDocument } from '../../engine/document/schema';
import type { RunRecord } from './runRecord';

/** JSON with object keys sorted, so the same params written in another order compare equal. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const keys = new WeakMap<GraphDocument, string>();

/**
 * What a run trains, as a string: every node's id, kind and params and every edge's ends, in a fixed
 * order. Positions, labels, the name and the saved runs are left out: moving a card or renaming the
 * project does not change what training would do.
 */
export function trainedGraphKey(doc: GraphDocument): string {
  let key = keys.get(doc);
  if (key === undefined) {
    const nodes = doc.nodes.map((n) => stableJson([n.id, n.kind, n.params])).sort();
    const edges = doc.edges.map((e) => stableJson([e.source, e.sourcePort, e.target, e.targetPort])).sort();
    key = `${nodes.join('\n')}\n--\n${edges.join('\n')}`;
    keys.set(doc, key);
  }
  return key;
}

/** The run was trained on another graph than the canvas's now (after New, Open or an edit). */
export const isStale = (run: RunRecord, doc: GraphDocument): boolean =>
  trainedGraphKey(run.document) !== trainedGraphKey(doc);

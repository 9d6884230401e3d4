import type { GraphDocument } from '../../engine/document/schema';

/** Every leaf param of a document as "nodeId.path" → value, and the layers as a "network" row. */
export function flattenSettings(doc: GraphDocument): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (prefix: string, value: unknown) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) walk(`${prefix}.${k}`, v);
    } else {
      out.set(prefix, JSON.stringify(value));
    }
  };
  for (const node of doc.nodes) walk(node.id, node.params);
  out.set(
    'network',
    doc.nodes
      .filter((n) => !['Dataset', 'Loss', 'Optimizer', 'Schedule', 'Training'].includes(n.kind))
      .map((n) => n.kind)
      .join(' → '),
  );
  return out;
}

/** The settings whose values differ between the documents, each with one value per document. */
export function differingSettings(
  docs: readonly GraphDocument[],
): { key: string; values: (string | undefined)[] }[] {
  const flat = docs.map(flattenSettings);
  const keys = [...new Set(flat.flatMap((f) => [...f.keys()]))].sort();
  return keys
    .map((key) => ({ key, values: flat.map((f) => f.get(key)) }))
    .filter((row) => new Set(row.values).size > 1);
}

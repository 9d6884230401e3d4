import type { DatasetSource } from '../data/source-schemas.js';
import type { GraphDocument } from '../document/schema.js';
import { hasRole, nodeKind } from '../nodes/registry.js';

/** What a trained graph already does, so the verdict recommends only what it does not. */
export interface TrainingTraits {
  /** The Optimizer's algorithm ("adam"), or null without one. */
  optimizer: string | null;
  /** Regularizers in use: "l2" (some λ > 0), "earlyStopping", and the regularization layers' kinds in lower case ("dropout", "augment"). */
  regularizers: ReadonlySet<string>;
  /** The Dataset's source, for its default base error. */
  source: DatasetSource | undefined;
}

const params = (node: GraphDocument['nodes'][number]) => node.params as Record<string, unknown>;

/**
 * Reads the traits off a document. Moons → Dense(l2 0.01) → Dropout → … with Adam and early stopping
 * → {optimizer: 'adam', regularizers: {l2, dropout, earlyStopping}, source: moons}.
 */
export function trainingTraits(doc: GraphDocument): TrainingTraits {
  const regularizers = new Set<string>();
  let optimizer: string | null = null;
  let source: DatasetSource | undefined;
  for (const node of doc.nodes) {
    const p = params(node);
    if (nodeKind(node.kind)?.category === 'Regularization') regularizers.add(node.kind.toLowerCase());
    if (typeof p.l2 === 'number' && p.l2 > 0) regularizers.add('l2');
    if (hasRole(node.kind, 'optimizer') && typeof p.algorithm === 'string') optimizer = p.algorithm;
    if (hasRole(node.kind, 'training') && (p.earlyStopping as { enabled?: boolean } | undefined)?.enabled)
      regularizers.add('earlyStopping');
    if (hasRole(node.kind, 'dataset')) source = p.source as DatasetSource | undefined;
  }
  return { optimizer, regularizers, source };
}

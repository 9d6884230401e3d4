import { describeDataset } from '../data/sources.js';
import type { DataDescription } from '../data/types.js';
import type { GraphDocument } from '../document/schema.js';
import type { DatasetParams } from '../nodes/dataset.js';
import { nodeKind } from '../nodes/registry.js';
import type { AnyNodeKind, TensorShape } from '../nodes/types.js';
import type { Problem } from '../problems.js';
import { type ResolvedNode, resolveNodes } from './resolve.js';
import { checkResources } from './resources.js';
import { checkLoss, checkTraining } from './semantics.js';
import { inferShapes } from './shapes.js';
import { checkEdges, findCycles } from './structure.js';
import { type RunTopology, traceTopology } from './topology.js';

/** Everything the editor and the compiler learn from a document without training it. */
export interface GraphAnalysis {
  /** Every problem at once, errors and warnings, in stage order. */
  problems: Problem[];
  resolved: Map<string, ResolvedNode>;
  topology: RunTopology | null;
  data: DataDescription | null;
  nodeShapes: Map<string, TensorShape>;
  /** Edge id → "[m, 20]" for the canvas. */
  edgeShapes: Record<string, string>;
}

/**
 * The validation pipeline: resolve params → check edges → find cycles → trace the run → infer shapes
 * → check loss, training and the memory the run needs. Pure: the same document gives the same analysis. `data` overrides the
 * description worked out from the Dataset node (e.g. once a CSV file has been read).
 */
export function analyzeGraph(doc: GraphDocument, data?: DataDescription | null): GraphAnalysis {
  const problems: Problem[] = [];
  const { resolved, problems: paramProblems } = resolveNodes(doc);
  problems.push(...paramProblems);
  const { edges, problems: edgeProblems } = checkEdges(doc);
  problems.push(...edgeProblems);
  const cycles = findCycles(
    doc.nodes.map((n) => n.id),
    edges,
  );
  problems.push(...cycles);
  const empty = { resolved, topology: null, data: data ?? null, nodeShapes: new Map(), edgeShapes: {} };
  if (cycles.length) return { problems, ...empty };

  const kinds = new Map<string, AnyNodeKind>();
  for (const node of doc.nodes) {
    const kind = nodeKind(node.kind);
    if (kind) kinds.set(node.id, kind);
  }
  const { topology, problems: topologyProblems } = traceTopology(kinds, edges);
  problems.push(...topologyProblems);
  const datasetNode = topology
    ? resolved.get(topology.datasetId)
    : [...resolved.values()].find((r) => r.kind.role === 'dataset');
  const description =
    data !== undefined
      ? data
      : datasetNode
        ? describeDataset((datasetNode.params as DatasetParams).source)
        : null;
  const shapes = inferShapes(resolved, edges, datasetNode?.node.id ?? null, description);
  problems.push(...shapes.problems);
  if (topology) {
    const output = topology.outputId ? (shapes.nodeShapes.get(topology.outputId) ?? null) : null;
    problems.push(...checkLoss(topology, resolved, output, description));
    problems.push(...checkTraining(topology, resolved, description));
    problems.push(...checkResources(topology, resolved, shapes.nodeShapes, description));
  }
  return {
    problems,
    resolved,
    topology,
    data: description,
    nodeShapes: shapes.nodeShapes,
    edgeShapes: shapes.edgeShapes,
  };
}

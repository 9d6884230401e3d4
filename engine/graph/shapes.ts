import type { DataDescription } from '../data/types.js';
import type { GraphEdge } from '../document/schema.js';
import type { AnyLayerKind, LabelShape, TensorShape } from '../nodes/types.js';
import type { Problem } from '../problems.js';
import type { ResolvedNode } from './resolve.js';

/** "[m, 20]", or "[m, ?]" while the feature count is unknown. */
export function formatTensorShape(shape: TensorShape): string {
  return `[m, ${shape.features ?? '?'}]`;
}

/** "[m, 1]" for two classes, "[m, C] one-hot" for more, "[m, k]" for regression targets. */
export function formatLabelShape(shape: LabelShape): string {
  if (shape.classes === null) return `[m, ${shape.targets}]`;
  return shape.classes <= 2 ? '[m, 1]' : `[m, ${shape.classes}] one-hot`;
}

export interface ShapeInference {
  /** Output shape of every layer whose input shape could be worked out. */
  nodeShapes: Map<string, TensorShape>;
  /** Display shape of every edge, keyed by edge id. */
  edgeShapes: Record<string, string>;
  problems: Problem[];
}

/**
 * Stage 5: propagate [m, n] from the data set through every layer (dead branches too, so the canvas
 * shows shapes everywhere). Each kind's pure shape rule gives its output and its problems.
 */
export function inferShapes(
  resolved: Map<string, ResolvedNode>,
  edges: readonly GraphEdge[],
  datasetId: string | null,
  data: DataDescription | null,
): ShapeInference {
  const nodeShapes = new Map<string, TensorShape>();
  const problems: Problem[] = [];
  const edgeShapes: Record<string, string> = {};
  // Which layers sit right after the input (only data-side layers before them).
  const firstLayer = new Map<string, boolean>();
  const inputOf = new Map(edges.filter((e) => e.targetPort === 'in').map((e) => [e.target, e]));
  const start: TensorShape = data
    ? { features: data.features, ...(data.imageShape ? { imageShape: data.imageShape } : {}) }
    : { features: null };

  const shapeOf = (id: string, depth: number): TensorShape | null => {
    if (id === datasetId) return start;
    const done = nodeShapes.get(id);
    if (done) return done;
    const node = resolved.get(id);
    const edge = inputOf.get(id);
    if (!edge || depth > 10_000) return null;
    // A layer whose params are invalid passes an unknown width on, so later layers are still checked.
    if (!node) return { features: null };
    if (node.kind.role !== 'layer') return null;
    const input = shapeOf(edge.source, depth + 1);
    if (!input) return null;
    const before = resolved.get(edge.source)?.kind.kind;
    const isFirst =
      edge.source === datasetId ||
      ((before === 'Augment' || before === 'Normalize') && firstLayer.get(edge.source) === true);
    firstLayer.set(id, isFirst);
    const kind = node.kind as AnyLayerKind;
    const result = kind.inferShape(input, node.params, { nodeId: id, data, isFirstLayer: isFirst });
    problems.push(...result.problems);
    nodeShapes.set(id, result.shape);
    return result.shape;
  };

  for (const id of resolved.keys()) shapeOf(id, 0);
  const labels: LabelShape | null = data ? { classes: data.classes, targets: data.targets } : null;
  for (const edge of edges) {
    if (edge.sourcePort === 'y') {
      edgeShapes[edge.id] = labels ? formatLabelShape(labels) : '[m, ?]';
    } else {
      const shape = edge.source === datasetId ? start : nodeShapes.get(edge.source);
      if (shape) edgeShapes[edge.id] = formatTensorShape(shape);
    }
  }
  return { nodeShapes, edgeShapes, problems };
}

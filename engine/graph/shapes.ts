import type { DataDescription } from '../data/types.js';
import type { GraphEdge } from '../document/schema.js';
import { formatTensorShape, UNKNOWN_SHAPE } from '../nodes/shape.js';
import type { AnyLayerKind, LabelShape, TensorShape } from '../nodes/types.js';
import type { Problem } from '../problems.js';
import type { ResolvedNode } from './resolve.js';

export { formatTensorShape } from '../nodes/shape.js';

/** "[m, 1]" for two classes, "[m, C] one-hot" for more, "[m, k]" for regression targets. */
export function formatLabelShape(shape: LabelShape): string {
  if (shape.classes === null) return `[m, ${shape.targets}]`;
  return shape.classes <= 2 ? '[m, 1]' : `[m, ${shape.classes}] one-hot`;
}

export interface ShapeInference {
  /** Output shape of every layer whose input shapes could be worked out. */
  nodeShapes: Map<string, TensorShape>;
  /** Display shape of every edge, keyed by edge id. */
  edgeShapes: Record<string, string>;
  problems: Problem[];
}

/** The per-example shape of the data set's x: [h, w, c] for images, else [features]. */
export function inputShapeOf(data: DataDescription | null): TensorShape {
  if (!data) return UNKNOWN_SHAPE;
  return { dims: data.imageShape ? [...data.imageShape] : [data.features] };
}

/**
 * Stage 5: propagate per-example shapes from the data set through every layer, dead branches too
 * (so the canvas shows shapes everywhere), in any order the edges allow (the graph is acyclic here).
 * Each kind's pure shape rule gives its output and its problems; a layer whose params are invalid
 * passes an unknown shape on, so later layers are still checked.
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
  const firstLayer = new Map<string, boolean>();
  const inputsOf = new Map<string, GraphEdge[]>();
  for (const e of edges) {
    if (e.targetPort === 'in') inputsOf.set(e.target, [...(inputsOf.get(e.target) ?? []), e]);
  }
  const start = inputShapeOf(data);
  const visiting = new Set<string>();

  const shapeOf = (id: string): TensorShape | null => {
    if (id === datasetId) return start;
    const done = nodeShapes.get(id);
    if (done) return done;
    const node = resolved.get(id);
    const into = inputsOf.get(id);
    if (!into?.length || visiting.has(id)) return null;
    if (!node) return UNKNOWN_SHAPE;
    if (node.kind.role !== 'layer') return null;
    visiting.add(id);
    const inputs: TensorShape[] = [];
    for (const edge of into) {
      const shape = iterativeShapeOf(edge.source);
      if (!shape) {
        visiting.delete(id);
        return null;
      }
      inputs.push(shape);
    }
    visiting.delete(id);
    const isFirst = into.every(
      (e) =>
        e.source === datasetId ||
        ((resolved.get(e.source)?.kind as AnyLayerKind | undefined)?.preprocessing === true &&
          firstLayer.get(e.source) === true),
    );
    firstLayer.set(id, isFirst);
    const kind = node.kind as AnyLayerKind;
    // Rules see unknown inputs too: a Dense after a CSV not yet read still outputs [units].
    const result = kind.inferShape(inputs, node.params, {
      nodeId: id,
      inputIds: into.map((e) => e.source),
      data,
      isFirstLayer: isFirst,
    });
    problems.push(...result.problems);
    nodeShapes.set(id, result.shape);
    return result.shape;
  };

  // Depth-first from each node would recurse as deep as the graph is long; walk the producers of a
  // node first, deepest first, so each recursive call finds its inputs already done.
  const iterativeShapeOf = (id: string): TensorShape | null => {
    const order: string[] = [];
    const seen = new Set<string>();
    const stack = [id];
    while (stack.length) {
      const top = stack.pop() as string;
      if (seen.has(top) || top === datasetId || nodeShapes.has(top)) continue;
      seen.add(top);
      order.push(top);
      for (const e of inputsOf.get(top) ?? []) stack.push(e.source);
    }
    for (let i = order.length - 1; i > 0; i--) shapeOf(order[i] as string);
    return shapeOf(id);
  };

  for (const id of resolved.keys()) iterativeShapeOf(id);
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

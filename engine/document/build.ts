import type { GraphDocument, GraphEdge, GraphNode } from './schema.js';
import { CURRENT_VERSION } from './schema.js';

/** A layer in a `sequentialDocument` description: its kind and params (defaults fill the rest). */
export interface LayerSpec {
  kind: string;
  id?: string;
  params?: Record<string, unknown>;
  /**
   * Producers of a branching graph, by id ('data' for the data set's x); default the layer before.
   * A merge (Add, Concatenate) names two or more.
   */
  inputs?: string[];
  /** Row on the canvas (0 is the main line), to draw a branch beside it. */
  row?: number;
}

export interface SequentialSpec {
  name?: string;
  description?: string;
  dataset?: Record<string, unknown>;
  layers: LayerSpec[];
  loss?: Record<string, unknown>;
  optimizer?: Record<string, unknown>;
  schedule?: Record<string, unknown>;
  training?: Record<string, unknown>;
}

/**
 * Writes the graph document of a feed-forward network: Dataset → layers → Loss, with the Optimizer
 * (and Schedule) and Training wired up, laid out left to right. Layers form a chain unless they name
 * their inputs (branches, skip connections, merges); the last one feeds the loss. Used for presets,
 * tests and "new project".
 */
export function sequentialDocument(spec: SequentialSpec): GraphDocument {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const add = (id: string, kind: string, params: Record<string, unknown>, x: number, y: number): string => {
    nodes.push({ id, kind, params, position: { x, y } });
    return id;
  };
  const connect = (source: string, sourcePort: string, target: string, targetPort: string): void => {
    edges.push({
      id: `${source}.${sourcePort}->${target}.${targetPort}`,
      source,
      sourcePort,
      target,
      targetPort,
    });
  };
  const data = add('data', 'Dataset', spec.dataset ?? {}, 0, 0);
  let previous = data;
  let previousPort = 'x';
  const counts = new Map<string, number>();
  spec.layers.forEach((layer, i) => {
    const n = (counts.get(layer.kind) ?? 0) + 1;
    counts.set(layer.kind, n);
    const id = layer.id ?? `${layer.kind.toLowerCase()}${n}`;
    add(id, layer.kind, layer.params ?? {}, 240 * (i + 1), 160 * (layer.row ?? 0));
    for (const from of layer.inputs ?? [previous]) connect(from, from === data ? 'x' : 'out', id, 'in');
    previous = id;
    previousPort = 'out';
  });
  const right = 240 * (spec.layers.length + 1);
  const loss = add('loss', 'Loss', spec.loss ?? {}, right, 0);
  connect(previous, previousPort, loss, 'pred');
  connect(data, 'y', loss, 'labels');
  const optimizer = add('optimizer', 'Optimizer', spec.optimizer ?? { algorithm: 'adam' }, right, 200);
  if (spec.schedule) {
    const schedule = add('schedule', 'Schedule', spec.schedule, right - 240, 200);
    connect(schedule, 'schedule', optimizer, 'schedule');
  }
  const training = add('training', 'Training', spec.training ?? {}, right + 240, 100);
  connect(loss, 'loss', training, 'loss');
  connect(optimizer, 'optimizer', training, 'optimizer');
  return {
    format: 'netcanvas',
    version: CURRENT_VERSION,
    name: spec.name ?? 'Untitled',
    description: spec.description ?? '',
    nodes,
    edges,
    runs: [],
  };
}

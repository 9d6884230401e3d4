import type { GraphEdge } from '../document/schema.js';
import type { AnyNodeKind } from '../nodes/types.js';
import { detailed, error, type Problem, warning } from '../problems.js';

/** A layer of the network and the nodes feeding it, in its input port's edge order. */
export interface TopologyLayer {
  id: string;
  /** Producer ids: other layers, or the data set's id for its x output. */
  inputs: string[];
}

/** The run's skeleton: one node of each settings role, and the layers from the data to the loss. */
export interface RunTopology {
  datasetId: string;
  lossId: string;
  optimizerId: string;
  trainingId: string;
  scheduleId: string | null;
  /**
   * Every layer on a path from the data set's x to the loss's pred, in topological order (each
   * after all of its inputs; ties in document order). A directed acyclic graph: an output may feed
   * several layers, a merge layer takes several inputs.
   */
  layers: TopologyLayer[];
  /** The layer feeding the loss's pred (the network's output), or null with no layers. */
  outputId: string | null;
}

const REQUIRED = [
  ['dataset', 'Dataset', 'Add a Dataset node: it supplies x and y.'],
  ['loss', 'Loss', 'Add a Loss node and connect the network output and the labels to it.'],
  ['optimizer', 'Optimizer', 'Add an Optimizer node and connect it to the Training node.'],
  ['training', 'Training', 'Add a Training node: it sets the mini-batch size, epochs and seed.'],
] as const;

function incoming(edges: readonly GraphEdge[], target: string, port: string): GraphEdge | undefined {
  return edges.find((e) => e.target === target && e.targetPort === port);
}

/** Exactly one of each settings role; reports what is missing or doubled. */
function findRoles(kinds: Map<string, AnyNodeKind>, problems: Problem[]): Record<string, string | null> {
  const ids: Record<string, string | null> = {};
  for (const role of ['dataset', 'loss', 'optimizer', 'training', 'schedule']) {
    const found = [...kinds].filter(([, k]) => k.role === role).map(([id]) => id);
    ids[role] = found[0] ?? null;
    if (found.length > 1) {
      const kind = kinds.get(found[0]!)!.kind;
      for (const extra of found.slice(1)) {
        problems.push(
          detailed(
            error(
              'TOO_MANY',
              extra,
              `A graph has one ${kind} node; "${found[0]}" and "${extra}" are both ${kind}.`,
            ),
            'tooMany',
            { kind, first: found[0]!, extra },
          ),
        );
      }
    }
  }
  for (const [role, kind, advice] of REQUIRED) {
    if (!ids[role]) {
      const problem = error('MISSING_NODE', null, `No ${kind} node. ${advice}`);
      problems.push(detailed(problem, `missing${kind}`, { kind }));
    }
  }
  return ids;
}

/** The settings wiring: labels into the loss, loss and optimizer into Training, the schedule. */
function checkSettingsWiring(
  ids: Record<string, string | null>,
  edges: readonly GraphEdge[],
  problems: Problem[],
): boolean {
  const { dataset, loss, optimizer, training, schedule } = ids;
  const need = (target: string, port: string, from: string | null, kind: string): void => {
    const edge = incoming(edges, target, port);
    const what = `The ${port} input of ${kind} "${target}"`;
    if (!edge) {
      problems.push(
        detailed(error('UNCONNECTED_PORT', target, `${what} is not connected.`), 'inputUnconnected', {
          port,
          kind,
          id: target,
        }),
      );
    } else if (from && edge.source !== from) {
      problems.push(
        detailed(
          error('UNCONNECTED_PORT', target, `${what} must come from "${from}", not "${edge.source}".`),
          'inputWrongSource',
          { port, kind, id: target, from, source: edge.source },
        ),
      );
    }
  };
  if (loss) need(loss, 'labels', dataset ?? null, 'Loss');
  if (training) {
    need(training, 'loss', loss ?? null, 'Training');
    need(training, 'optimizer', optimizer ?? null, 'Training');
  }
  const scheduleUsed = !!schedule && edges.some((e) => e.source === schedule && e.target === optimizer);
  if (schedule && !scheduleUsed) {
    problems.push(
      detailed(
        warning(
          'UNUSED_NODE',
          schedule,
          `Schedule "${schedule}" is not connected to the optimizer, so α stays constant.`,
        ),
        'scheduleUnused',
        { id: schedule },
      ),
    );
  }
  return scheduleUsed;
}

/** Tensor inputs of every layer, in edge order (a merge's several edges keep the document's order). */
function tensorInputs(
  kinds: Map<string, AnyNodeKind>,
  edges: readonly GraphEdge[],
): Map<string, GraphEdge[]> {
  const inputs = new Map<string, GraphEdge[]>();
  for (const e of edges) {
    if (kinds.get(e.target)?.role !== 'layer' || e.targetPort !== 'in') continue;
    inputs.set(e.target, [...(inputs.get(e.target) ?? []), e]);
  }
  return inputs;
}

/**
 * Walks back from the loss's pred through every layer input to the data set's x: the layers that
 * reach the loss ("live"). Reports inputs left unconnected and tensors that do not come from a layer
 * or from x. Returns null when the network cannot be traced.
 */
function traceBack(
  kinds: Map<string, AnyNodeKind>,
  inputs: Map<string, GraphEdge[]>,
  predEdge: GraphEdge,
  dataset: string,
  problems: Problem[],
): Set<string> | null {
  const live = new Set<string>();
  const stack: GraphEdge[] = [predEdge];
  let sound = true;
  while (stack.length) {
    const edge = stack.pop() as GraphEdge;
    if (edge.source === dataset) {
      if (edge.sourcePort !== 'x') {
        problems.push(
          detailed(
            error('PORT_TYPE_MISMATCH', edge.target, "The network must start at the data set's x output."),
            'startAtX',
            {},
          ),
        );
        sound = false;
      }
      continue;
    }
    const kind = kinds.get(edge.source);
    if (!kind) return null; // reported as UNKNOWN_KIND
    if (kind.role !== 'layer') {
      problems.push(
        detailed(
          error('PORT_TYPE_MISMATCH', edge.source, `${kind.kind} "${edge.source}" does not output a tensor.`),
          'notATensor',
          { kind: kind.kind, id: edge.source },
        ),
      );
      sound = false;
      continue;
    }
    if (live.has(edge.source)) continue;
    live.add(edge.source);
    const into = inputs.get(edge.source) ?? [];
    if (!into.length) {
      problems.push(
        detailed(
          error(
            'UNCONNECTED_PORT',
            edge.source,
            `${kind.kind} "${edge.source}" has no input: connect it to the layer before it or to the data set's x.`,
          ),
          'noInput',
          { kind: kind.kind, id: edge.source },
        ),
      );
      sound = false;
    }
    stack.push(...into);
  }
  return sound ? live : null;
}

/** Kahn's algorithm over the live layers; ties in document order, so the result is stable. */
function orderLayers(
  live: Set<string>,
  order: readonly string[],
  inputs: Map<string, GraphEdge[]>,
): TopologyLayer[] {
  const position = new Map(order.map((id, i) => [id, i]));
  const pending = new Map<string, number>();
  const consumers = new Map<string, string[]>();
  for (const id of live) {
    const sources = (inputs.get(id) ?? []).map((e) => e.source).filter((s) => live.has(s));
    pending.set(id, new Set(sources).size);
    for (const s of new Set(sources)) consumers.set(s, [...(consumers.get(s) ?? []), id]);
  }
  const ready = [...live].filter((id) => pending.get(id) === 0);
  const out: TopologyLayer[] = [];
  while (ready.length) {
    ready.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
    const id = ready.shift() as string;
    out.push({ id, inputs: (inputs.get(id) ?? []).map((e) => e.source) });
    for (const c of consumers.get(id) ?? []) {
      const left = (pending.get(c) as number) - 1;
      pending.set(c, left);
      if (left === 0) ready.push(c);
    }
  }
  return out;
}

/** Layers that reach the loss from nowhere, or lead nowhere from the data: do-nothing warnings. */
function reportUnused(
  kinds: Map<string, AnyNodeKind>,
  edges: readonly GraphEdge[],
  live: Set<string>,
  problems: Problem[],
): void {
  const fed = new Set(edges.filter((e) => kinds.get(e.target)?.role === 'layer').map((e) => e.target));
  for (const [id, kind] of kinds) {
    if (kind.role !== 'layer' || live.has(id)) continue;
    const message = fed.has(id)
      ? `${kind.kind} "${id}" leads nowhere: its output does not reach the loss, so it does nothing.`
      : `${kind.kind} "${id}" is not on the path from the data set to the loss, so it does nothing.`;
    const key = fed.has(id) ? 'deadEnd' : 'unused';
    problems.push(
      detailed(warning(fed.has(id) ? 'DEAD_END' : 'UNUSED_NODE', id, message), key, { kind: kind.kind, id }),
    );
  }
}

/**
 * Stage 4: from the loss's `pred` input walk back through every layer input to the data set's x,
 * then order the layers that reach the loss. Also checks the settings wiring (labels, loss →
 * training, optimizer → training, schedule). Works on node kinds alone (`kinds`: every node whose
 * kind is known, bad params or not), so one bad parameter does not hide the problems further on.
 */
export function traceTopology(
  kinds: Map<string, AnyNodeKind>,
  edges: readonly GraphEdge[],
): { topology: RunTopology | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const ids = findRoles(kinds, problems);
  const scheduleUsed = checkSettingsWiring(ids, edges, problems);
  const { dataset, loss, optimizer, training, schedule } = ids;
  if (!dataset || !loss || !optimizer || !training) return { topology: null, problems };

  const predEdge = incoming(edges, loss, 'pred');
  if (!predEdge) {
    problems.push(
      detailed(
        error(
          'UNCONNECTED_PORT',
          loss,
          `The pred input of Loss "${loss}" is not connected to the network's output.`,
        ),
        'predUnconnected',
        { id: loss },
      ),
    );
  }
  const inputs = tensorInputs(kinds, edges);
  const live = predEdge ? traceBack(kinds, inputs, predEdge, dataset, problems) : null;
  reportUnused(kinds, edges, live ?? new Set(), problems);
  if (!predEdge || !live) return { topology: null, problems };
  const layers = orderLayers(live, [...kinds.keys()], inputs);
  const topology: RunTopology = {
    datasetId: dataset,
    lossId: loss,
    optimizerId: optimizer,
    trainingId: training,
    scheduleId: scheduleUsed ? (schedule ?? null) : null,
    layers,
    outputId: predEdge.source === dataset ? null : predEdge.source,
  };
  return { topology, problems };
}

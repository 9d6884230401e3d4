import type { GraphEdge } from '../document/schema.js';
import type { AnyNodeKind } from '../nodes/types.js';
import { error, type Problem, warning } from '../problems.js';

/** The run's skeleton: one node of each settings role, and the layers from the data to the loss. */
export interface RunTopology {
  datasetId: string;
  lossId: string;
  optimizerId: string;
  trainingId: string;
  scheduleId: string | null;
  /** Layer node ids in forward order, from the one after the data set to the one before the loss. */
  chain: string[];
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
          error(
            'TOO_MANY',
            extra,
            `A graph has one ${kind} node; "${found[0]}" and "${extra}" are both ${kind}.`,
          ),
        );
      }
    }
  }
  for (const [role, kind, advice] of REQUIRED) {
    if (!ids[role]) problems.push(error('MISSING_NODE', null, `No ${kind} node. ${advice}`));
  }
  return ids;
}

/**
 * Stage 4: from the loss's `pred` input walk back through single-input layers to the data set's x.
 * Also checks the settings wiring (labels, loss → training, optimizer → training, schedule).
 * Works on node kinds alone (`kinds`: every node whose kind is known, bad params or not), so one bad
 * parameter does not hide the problems further on.
 */
export function traceTopology(
  kinds: Map<string, AnyNodeKind>,
  edges: readonly GraphEdge[],
): { topology: RunTopology | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const ids = findRoles(kinds, problems);
  const { dataset, loss, optimizer, training, schedule } = ids;
  const need = (target: string, port: string, from: string | null, what: string): void => {
    const edge = incoming(edges, target, port);
    if (!edge) {
      problems.push(error('UNCONNECTED_PORT', target, `${what} is not connected.`));
    } else if (from && edge.source !== from) {
      problems.push(
        error('UNCONNECTED_PORT', target, `${what} must come from "${from}", not "${edge.source}".`),
      );
    }
  };
  if (loss) need(loss, 'labels', dataset ?? null, `The labels input of Loss "${loss}"`);
  if (training) {
    need(training, 'loss', loss ?? null, `The loss input of Training "${training}"`);
    need(training, 'optimizer', optimizer ?? null, `The optimizer input of Training "${training}"`);
  }
  const scheduleUsed = !!schedule && edges.some((e) => e.source === schedule && e.target === optimizer);
  if (schedule) {
    if (!scheduleUsed)
      problems.push(
        warning(
          'UNUSED_NODE',
          schedule,
          `Schedule "${schedule}" is not connected to the optimizer, so α stays constant.`,
        ),
      );
  }
  if (!dataset || !loss || !optimizer || !training) return { topology: null, problems };

  const chain: string[] = [];
  const seen = new Set<string>();
  let edge = incoming(edges, loss, 'pred');
  if (!edge)
    problems.push(
      error(
        'UNCONNECTED_PORT',
        loss,
        `The pred input of Loss "${loss}" is not connected to the network's output.`,
      ),
    );
  while (edge && edge.source !== dataset) {
    const kind = kinds.get(edge.source);
    if (!kind || seen.has(edge.source)) return { topology: null, problems }; // reported elsewhere
    if (kind.role !== 'layer') {
      problems.push(
        error('PORT_TYPE_MISMATCH', edge.source, `${kind.kind} "${edge.source}" does not output a tensor.`),
      );
      return { topology: null, problems };
    }
    seen.add(edge.source);
    chain.unshift(edge.source);
    const next = incoming(edges, edge.source, 'in');
    if (!next) {
      problems.push(
        error(
          'UNCONNECTED_PORT',
          edge.source,
          `${kind.kind} "${edge.source}" has no input: connect it to the layer before it or to the data set's x.`,
        ),
      );
      return { topology: null, problems };
    }
    edge = next;
  }
  if (edge && edge.sourcePort !== 'x') {
    problems.push(
      error('PORT_TYPE_MISMATCH', chain[0] ?? loss, "The network must start at the data set's x output."),
    );
  }
  for (const [id, kind] of kinds) {
    if (kind.role === 'layer' && !seen.has(id)) {
      problems.push(
        warning(
          'UNUSED_NODE',
          id,
          `${kind.kind} "${id}" is not on the path from the data set to the loss, so it does nothing.`,
        ),
      );
    }
  }
  const topology = edge
    ? {
        datasetId: dataset,
        lossId: loss,
        optimizerId: optimizer,
        trainingId: training,
        scheduleId: scheduleUsed ? schedule : null,
        chain,
      }
    : null;
  return { topology, problems };
}

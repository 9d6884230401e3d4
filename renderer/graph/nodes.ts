import type { GraphDocument, GraphEdge, GraphNode } from '../../engine/document/schema';
import { nodeKind } from '../../engine/nodes/registry';
import type { AnyNodeKind, PortSpec } from '../../engine/nodes/types';
import type { GraphChange } from '../store/changes';
import { edgeIdFor, nextNodeId } from './ids';

/** Default params of a kind, nested defaults included (zod does not parse a default value itself). */
export function defaultParams(kind: AnyNodeKind): Record<string, unknown> {
  const once = kind.params.parse({});
  return kind.params.parse(once) as Record<string, unknown>;
}

/** A new node of `kindName` with every param at its default and the next free id. */
export function createNode(
  doc: GraphDocument,
  kindName: string,
  position: GraphNode['position'],
): GraphNode | null {
  const kind = nodeKind(kindName);
  if (!kind) return null;
  const id = nextNodeId(kind.kind, new Set(doc.nodes.map((n) => n.id)));
  return { id, kind: kind.kind, params: defaultParams(kind), position };
}

const portType = (node: GraphNode | undefined, port: string, side: 'inputs' | 'outputs') =>
  node ? nodeKind(node.kind)?.[side].find((p) => p.name === port)?.type : undefined;

/** The port type an edge carries (its source port's type). */
export function edgePortType(doc: GraphDocument, edge: GraphEdge): PortSpec['type'] | undefined {
  return portType(
    doc.nodes.find((n) => n.id === edge.source),
    edge.sourcePort,
    'outputs',
  );
}

/**
 * When `source.port` feeds exactly one tensor edge (A → B) and the new kind has a tensor output,
 * moves that edge's target onto the new node: the caller wires A → new, this adds new → B, so
 * A → B becomes A → new → B. Several edges leaving the port (a skip connection) are left alone.
 */
function spliceInto(
  doc: GraphDocument,
  source: string,
  sourcePort: string,
  kind: AnyNodeKind,
  changes: GraphChange[],
): void {
  const leaving = doc.edges.filter((e) => e.source === source && e.sourcePort === sourcePort);
  const output = kind.outputs.find((o) => o.type === 'tensor');
  const node = changes[0]?.type === 'addNode' ? changes[0].node : undefined;
  if (leaving.length !== 1 || !output || !node) return;
  const old = leaving[0]!;
  changes.push(
    { type: 'removeEdge', id: old.id },
    {
      type: 'addEdge',
      edge: {
        id: edgeIdFor(node.id, output.name, old.target, old.targetPort),
        source: node.id,
        sourcePort: output.name,
        target: old.target,
        targetPort: old.targetPort,
      },
    },
  );
}

/**
 * Changes that add a node and wire what is obvious: the tensor output of `after` into the new node's
 * first tensor input (taking over the edge that left that output, so A → B becomes A → new → B), and
 * each settings port (labels, loss, optimizer, schedule) whose partner is the
 * only free one of its type in the graph. So adding a Loss after the output layer also takes the
 * Dataset's labels, and adding Training takes the loss and the optimizer.
 */
export function addNodeChanges(
  doc: GraphDocument,
  kindName: string,
  position: GraphNode['position'],
  after?: string,
): { changes: GraphChange[]; nodeId: string } | null {
  const node = createNode(doc, kindName, position);
  const kind = node && nodeKind(node.kind);
  if (!node || !kind) return null;
  const changes: GraphChange[] = [{ type: 'addNode', node }];
  const connect = (source: string, sourcePort: string, target: string, targetPort: string) =>
    changes.push({
      type: 'addEdge',
      edge: { id: edgeIdFor(source, sourcePort, target, targetPort), source, sourcePort, target, targetPort },
    });
  const used = new Set<string>();

  const from = after ? doc.nodes.find((n) => n.id === after) : undefined;
  const fromKind = from && nodeKind(from.kind);
  if (from && fromKind) {
    for (const input of kind.inputs) {
      const output = fromKind.outputs.find((o) => o.type === input.type && o.type === 'tensor');
      if (output) {
        spliceInto(doc, from.id, output.name, kind, changes);
        connect(from.id, output.name, node.id, input.name);
        used.add(input.name);
        break;
      }
    }
  }

  const connectedOut = new Set(doc.edges.map((e) => `${e.source}.${e.sourcePort}`));
  const connectedIn = new Set(doc.edges.map((e) => `${e.target}.${e.targetPort}`));
  for (const input of kind.inputs) {
    if (input.type === 'tensor' || input.optional || used.has(input.name)) continue;
    const free = doc.nodes.flatMap((n) =>
      (nodeKind(n.kind)?.outputs ?? [])
        .filter((o) => o.type === input.type && !connectedOut.has(`${n.id}.${o.name}`))
        .map((o) => [n.id, o.name] as const),
    );
    if (free.length === 1) connect(free[0]![0], free[0]![1], node.id, input.name);
  }
  for (const output of kind.outputs) {
    if (output.type === 'tensor') continue;
    const free = doc.nodes.flatMap((n) =>
      (nodeKind(n.kind)?.inputs ?? [])
        .filter((i) => i.type === output.type && !connectedIn.has(`${n.id}.${i.name}`))
        .map((i) => [n.id, i.name] as const),
    );
    if (free.length === 1) connect(node.id, output.name, free[0]![0], free[0]![1]);
  }
  return { changes, nodeId: node.id };
}

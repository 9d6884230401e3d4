import dagre from '@dagrejs/dagre';
import type { GraphDocument } from '../../engine/document/schema';
import { nodeKind } from '../../engine/nodes/registry';
import type { GraphChange } from '../store/changes';

export interface Size {
  width: number;
  height: number;
}

/** A node card's size before the browser has measured it. */
export const DEFAULT_NODE_SIZE: Size = { width: 150, height: 56 };

/** A card's size estimated from its kind (a row per port pair under the summary), before measuring. */
export function estimateCardSize(kindName: string): Size {
  const kind = nodeKind(kindName);
  if (!kind) return DEFAULT_NODE_SIZE;
  const plain = [...kind.inputs, ...kind.outputs].every((p) => p.name === 'in' || p.name === 'out');
  const rows = plain ? 0 : Math.max(kind.inputs.length, kind.outputs.length);
  return { width: DEFAULT_NODE_SIZE.width, height: DEFAULT_NODE_SIZE.height + (rows ? 8 + rows * 20 : 0) };
}

/**
 * Lays the graph out left to right with dagre (data on the left, Training on the right) and returns
 * the moves, one change per node that moved. Positions are the cards' top-left corners.
 */
export function layoutChanges(doc: GraphDocument, sizes: ReadonlyMap<string, Size>): GraphChange[] {
  const g = new dagre.graphlib.Graph();
  // ranksep leaves room for an edge's shape label ("[m, 20]") between two cards.
  g.setGraph({ rankdir: 'LR', nodesep: 28, ranksep: 64, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of doc.nodes) {
    const size = sizes.get(node.id) ?? estimateCardSize(node.kind);
    g.setNode(node.id, { width: size.width, height: size.height });
  }
  const ids = new Set(doc.nodes.map((n) => n.id));
  for (const edge of doc.edges) {
    if (ids.has(edge.source) && ids.has(edge.target)) g.setEdge(edge.source, edge.target);
  }
  dagre.layout(g);
  const changes: GraphChange[] = [];
  for (const node of doc.nodes) {
    const laid = g.node(node.id) as { x: number; y: number } | undefined;
    if (!laid) continue;
    const size = sizes.get(node.id) ?? estimateCardSize(node.kind);
    const position = { x: Math.round(laid.x - size.width / 2), y: Math.round(laid.y - size.height / 2) };
    if (position.x !== node.position.x || position.y !== node.position.y) {
      changes.push({ type: 'moveNode', id: node.id, position });
    }
  }
  return changes;
}

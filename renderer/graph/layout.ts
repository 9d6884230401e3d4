import dagre from '@dagrejs/dagre';
import type { GraphDocument } from '../../engine/document/schema';
import { nodeKind } from '../../engine/nodes/registry';
import type { GraphChange } from '../store/changes';
import { widestCardWidth } from './cardWidth';

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

/** Space between a card and the shape label of a wire leaving or entering it. */
export const LABEL_CLEARANCE = 10;
/** The least room a wire gets between two ranks, label or not. */
const MIN_WIRE = 40;

/**
 * The width a shape label takes on the canvas: 11 px monospace (about 6.7 px a character) plus its
 * padding and border. "[m, 8, 8, 1]" (12 characters) → 99.
 */
export function shapeLabelWidth(shape: string): number {
  return Math.ceil(shape.length * 6.7 + 19);
}

/**
 * Lays the graph out left to right with dagre (data on the left, Training on the right) and returns
 * the moves, one change per node that moved. Positions are the cards' top-left corners. Each wire's
 * shape label (`shapes`, edge id → "[m, 8, 8, 1]") is a label of the dagre edge, so the gap between
 * two ranks is as wide as the widest label crossing it, and a skip connection's label gets room
 * beside the block it jumps.
 */
export function layoutChanges(
  doc: GraphDocument,
  sizes: ReadonlyMap<string, Size>,
  shapes: Readonly<Record<string, string>> = {},
): GraphChange[] {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  // With edge labels dagre puts each label in a rank of its own between the cards' ranks, half a
  // ranksep from each.
  g.setGraph({ rankdir: 'LR', nodesep: 28, ranksep: 2 * LABEL_CLEARANCE, marginx: 0, marginy: 0 });
  // Each card gets the room it needs in the widest language, so a switch of language cannot push
  // it into a shape label; it sits at the left of that room.
  const room = new Map<string, Size>();
  for (const node of doc.nodes) {
    const size = sizes.get(node.id) ?? estimateCardSize(node.kind);
    room.set(node.id, { width: Math.max(size.width, widestCardWidth(node)), height: size.height });
    g.setNode(node.id, room.get(node.id));
  }
  const ids = new Set(doc.nodes.map((n) => n.id));
  for (const edge of doc.edges) {
    if (!ids.has(edge.source) || !ids.has(edge.target)) continue;
    const shape = shapes[edge.id];
    const width = Math.max(MIN_WIRE, shape ? shapeLabelWidth(shape) : 0);
    // dagre makes room only for labels with both a width and a height.
    g.setEdge(edge.source, edge.target, { width, height: shape ? 22 : 1, labelpos: 'c' }, edge.id);
  }
  dagre.layout(g);
  const centres = new Map<string, Point>();
  for (const node of doc.nodes) {
    const laid = g.node(node.id) as Point | undefined;
    if (laid) centres.set(node.id, { x: laid.x, y: laid.y });
  }
  stackBranchesInInputOrder(doc, centres, (id) => room.get(id)!);
  const changes: GraphChange[] = [];
  for (const node of doc.nodes) {
    const laid = centres.get(node.id);
    if (!laid) continue;
    const size = room.get(node.id)!;
    const position = { x: Math.round(laid.x - size.width / 2), y: Math.round(laid.y - size.height / 2) };
    if (position.x !== node.position.x || position.y !== node.position.y) {
      changes.push({ type: 'moveNode', id: node.id, position });
    }
  }
  return changes;
}

interface Point {
  x: number;
  y: number;
}

/**
 * dagre stacks parallel branches in whatever order crosses fewest wires, often not the order a
 * merge takes them. Where a merge's inputs are branches of one fork (same rank, same height, one
 * edge in from the same node, feeding only the merge), this puts them top to bottom in input order,
 * so Concatenate's x₁ is drawn on top. It only permutes their places, so nothing comes to overlap.
 */
function stackBranchesInInputOrder(
  doc: GraphDocument,
  centres: Map<string, Point>,
  sizeOf: (id: string) => Size,
): void {
  const into = (id: string) => doc.edges.filter((e) => e.target === id);
  const outOf = (id: string) => doc.edges.filter((e) => e.source === id);
  for (const merge of doc.nodes) {
    const port = nodeKind(merge.kind)?.inputs.find((p) => p.multiple);
    if (!port) continue;
    const sources = doc.edges
      .filter((e) => e.target === merge.id && e.targetPort === port.name)
      .map((e) => e.source);
    const branches = sources.filter((id) => {
      const inputs = into(id);
      return inputs.length === 1 && outOf(id).length === 1 && centres.has(id);
    });
    // Group by fork and rank; only same-sized cards trade places.
    const groups = new Map<string, string[]>();
    for (const id of branches) {
      const size = sizeOf(id);
      const key = `${into(id)[0]?.source}|${Math.round(centres.get(id)!.x)}|${size.height}`;
      groups.set(key, [...(groups.get(key) ?? []), id]);
    }
    for (const group of groups.values()) {
      const ys = group.map((id) => centres.get(id)!.y).sort((a, b) => a - b);
      group.forEach((id, i) => {
        centres.set(id, { x: centres.get(id)!.x, y: ys[i]! });
      });
    }
  }
}

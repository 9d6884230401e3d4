import type { GraphDocument, GraphEdge } from '../../engine/document/schema';
import { nodeKind } from '../../engine/nodes/registry';
import type { GraphChange } from '../store/changes';

/** Where an edge ends on a port that takes several: its place among that port's edges. */
export interface InputSlot {
  index: number;
  count: number;
}

/** Whether `port` of a node of `kind` takes several edges (the `in` of Add and Concatenate). */
export function takesSeveral(kind: string | undefined, port: string): boolean {
  if (!kind) return false;
  return nodeKind(kind)?.inputs.find((p) => p.name === port)?.multiple === true;
}

/**
 * The edges into one input port, in the document's edge order: the order a merge takes its inputs
 * in (Concatenate [m, 20] ‖ [m, 10] puts the 20 columns first).
 */
export function incomingEdges(edges: readonly GraphEdge[], nodeId: string, port: string): GraphEdge[] {
  return edges.filter((e) => e.target === nodeId && e.targetPort === port);
}

/**
 * The slot of every edge that ends on a port taking several, by edge id, top to bottom in the order
 * of their sources' heights on the canvas (`yOf`, so wires into the port never cross there), ties in
 * document order: `dense2 → add.in` above `dense1 → add.in` gives { index: 0, count: 2 } and
 * { index: 1, count: 2 }.
 */
export function inputSlots(
  edges: readonly GraphEdge[],
  kinds: ReadonlyMap<string, string>,
  yOf: (nodeId: string) => number = () => 0,
): Map<string, InputSlot> {
  const byPort = new Map<string, GraphEdge[]>();
  for (const e of edges) {
    if (!takesSeveral(kinds.get(e.target), e.targetPort)) continue;
    const key = `${e.target}.${e.targetPort}`;
    const list = byPort.get(key);
    if (list) list.push(e);
    else byPort.set(key, [e]);
  }
  const slots = new Map<string, InputSlot>();
  for (const list of byPort.values()) {
    const ordered = [...list].sort((a, b) => yOf(a.source) - yOf(b.source));
    for (const [index, e] of ordered.entries()) slots.set(e.id, { index, count: list.length });
  }
  return slots;
}

/** How many edges each node's several-taking input has, by node id (nodes without one are absent). */
export function severalInputCounts(
  edges: readonly GraphEdge[],
  kinds: ReadonlyMap<string, string>,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [id, kind] of kinds) {
    if (nodeKind(kind)?.inputs.some((p) => p.multiple)) counts.set(id, 0);
  }
  for (const e of edges) {
    if (takesSeveral(kinds.get(e.target), e.targetPort))
      counts.set(e.target, (counts.get(e.target) ?? 0) + 1);
  }
  return counts;
}

/**
 * Changes that move one input of a merge a place earlier (`by` = −1) or later (+1) among the edges
 * into its port, by moving the edge in the document's edge list: a remove and an add at the new
 * index, applied together as one undo step. Empty when the edge cannot move that way.
 */
export function moveInputChanges(doc: GraphDocument, edgeId: string, by: -1 | 1): GraphChange[] {
  const edge = doc.edges.find((e) => e.id === edgeId);
  if (!edge) return [];
  const siblings = incomingEdges(doc.edges, edge.target, edge.targetPort);
  const at = siblings.findIndex((e) => e.id === edgeId);
  const other = siblings[at + by];
  if (!other) return [];
  // Moving earlier: take the edge out and put it where the one before it is. Moving later is the
  // one after it moving earlier, which keeps the rest of the edge list in place.
  const [moving, before] = by < 0 ? [edge, other] : [other, edge];
  const index = doc.edges.findIndex((e) => e.id === before.id);
  return [
    { type: 'removeEdge', id: moving.id },
    { type: 'addEdge', edge: moving, index },
  ];
}

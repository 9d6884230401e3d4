import type { Edge, Node } from '@xyflow/react';
import type { GraphEdge, GraphNode } from '../../engine/document/schema';
import { nodeKind } from '../../engine/nodes/registry';
import type { PortType } from '../../engine/nodes/types';
import type { Size } from '../graph/layout';
import type { InputSlot } from '../graph/merge';
import type { NodeProblems } from '../store/analysis';

export type CardData = {
  node: GraphNode;
  problems: NodeProblems | undefined;
  /** Edges into the node's port that takes several (a merge's `in`); undefined for other kinds. */
  severalInputs?: number;
};
export type CardNode = Node<CardData, 'card'>;
export type ShapeEdgeData = {
  shape: string | undefined;
  portType: PortType | undefined;
  /** Its place among the edges into a port that takes several. */
  slot?: InputSlot;
};
export type ShapeFlowEdge = Edge<ShapeEdgeData, 'shape'>;

/**
 * Maps document nodes to React Flow nodes, reusing the previous object for every node whose inputs
 * did not change: React Flow and the memoized cards then skip those nodes entirely.
 */
export function createNodeMapper() {
  const cache = new Map<string, { inputs: unknown[]; out: CardNode }>();
  return (
    nodes: readonly GraphNode[],
    selected: ReadonlySet<string>,
    problems: ReadonlyMap<string, NodeProblems>,
    measured: ReadonlyMap<string, Size>,
    severalInputs: ReadonlyMap<string, number> = new Map(),
  ): CardNode[] => {
    const seen = new Set<string>();
    const out = nodes.map((node) => {
      seen.add(node.id);
      const several = severalInputs.get(node.id);
      const inputs = [node, selected.has(node.id), problems.get(node.id), measured.get(node.id), several];
      const hit = cache.get(node.id);
      if (hit?.inputs.every((v, i) => v === inputs[i])) return hit.out;
      const sameData =
        hit && hit.inputs[0] === node && hit.inputs[2] === inputs[2] && hit.inputs[4] === several;
      const flowNode: CardNode = {
        id: node.id,
        type: 'card',
        position: node.position,
        data: sameData
          ? hit.out.data
          : {
              node,
              problems: problems.get(node.id),
              ...(several === undefined ? {} : { severalInputs: several }),
            },
        selected: selected.has(node.id),
      };
      const size = measured.get(node.id);
      if (size) flowNode.measured = size;
      cache.set(node.id, { inputs, out: flowNode });
      return flowNode;
    });
    for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
    return out;
  };
}

/** Node id → kind, keeping its identity while no node was added, removed or re-kinded (drags). */
export function createKindIndex() {
  let last = new Map<string, string>();
  return (nodes: readonly GraphNode[]): ReadonlyMap<string, string> => {
    const same = nodes.length === last.size && nodes.every((n) => last.get(n.id) === n.kind);
    if (!same) last = new Map(nodes.map((n) => [n.id, n.kind]));
    return last;
  };
}

/** Maps document edges to React Flow edges with the shape flowing through each, cached per edge. */
export function createEdgeMapper() {
  const cache = new Map<string, { inputs: unknown[]; out: ShapeFlowEdge }>();
  return (
    edges: readonly GraphEdge[],
    kinds: ReadonlyMap<string, string>,
    selected: ReadonlySet<string>,
    shapes: Readonly<Record<string, string>>,
    slots: ReadonlyMap<string, InputSlot> = new Map(),
  ): ShapeFlowEdge[] => {
    const seen = new Set<string>();
    const out = edges.map((edge) => {
      seen.add(edge.id);
      const sourceKind = kinds.get(edge.source);
      const slot = slots.get(edge.id);
      const inputs = [edge, sourceKind, selected.has(edge.id), shapes[edge.id], slot?.index, slot?.count];
      const hit = cache.get(edge.id);
      if (hit?.inputs.every((v, i) => v === inputs[i])) return hit.out;
      const portType = sourceKind
        ? nodeKind(sourceKind)?.outputs.find((p) => p.name === edge.sourcePort)?.type
        : undefined;
      const flowEdge: ShapeFlowEdge = {
        id: edge.id,
        type: 'shape',
        source: edge.source,
        sourceHandle: edge.sourcePort,
        target: edge.target,
        targetHandle: edge.targetPort,
        selected: selected.has(edge.id),
        data: { shape: shapes[edge.id], portType, ...(slot ? { slot } : {}) },
      };
      cache.set(edge.id, { inputs, out: flowEdge });
      return flowEdge;
    });
    for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
    return out;
  };
}

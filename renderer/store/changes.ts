import type { GraphDocument, GraphEdge, GraphNode } from '../../engine/document/schema';

type Position = GraphNode['position'];

/**
 * One edit of the graph document. Every user action becomes a list of these, applied by the pure
 * `applyGraphChanges`; applying returns the inverse list, which is what undo applies.
 */
export type GraphChange =
  | { type: 'addNode'; node: GraphNode; index?: number }
  /** Also removes the node's edges (their re-adding is part of the inverse). */
  | { type: 'removeNode'; id: string }
  | { type: 'moveNode'; id: string; position: Position }
  | { type: 'setParams'; id: string; params: Record<string, unknown> }
  | { type: 'setLabel'; id: string; label: string | undefined }
  | { type: 'addEdge'; edge: GraphEdge; index?: number }
  | { type: 'removeEdge'; id: string }
  | { type: 'setMeta'; name?: string; description?: string };

export interface AppliedChanges {
  doc: GraphDocument;
  /** Applying these to `doc` gives back the document the changes were applied to. */
  inverse: GraphChange[];
}

/**
 * Applies changes in order and returns the new document (untouched nodes and edges keep their
 * identity, so memoized views of them do not re-render) and the inverse changes. A change that does
 * nothing (an unknown id, a duplicate id, a move to the same place) is skipped and has no inverse.
 */
export function applyGraphChanges(doc: GraphDocument, changes: readonly GraphChange[]): AppliedChanges {
  let nodes = doc.nodes;
  let edges = doc.edges;
  let meta = { name: doc.name, description: doc.description };
  const inverse: GraphChange[] = [];
  const undo = (...steps: GraphChange[]) => inverse.unshift(...steps);
  const nodeIndex = (id: string) => nodes.findIndex((n) => n.id === id);

  const removeEdgeAt = (index: number) => {
    const edge = edges[index]!;
    edges = [...edges.slice(0, index), ...edges.slice(index + 1)];
    undo({ type: 'addEdge', edge, index });
  };
  const replaceNode = (index: number, node: GraphNode) => {
    nodes = nodes.slice();
    nodes[index] = node;
  };

  for (const change of changes) {
    switch (change.type) {
      case 'addNode': {
        if (nodeIndex(change.node.id) >= 0) break;
        const at = clampIndex(change.index, nodes.length);
        nodes = [...nodes.slice(0, at), change.node, ...nodes.slice(at)];
        undo({ type: 'removeNode', id: change.node.id });
        break;
      }
      case 'removeNode': {
        const index = nodeIndex(change.id);
        if (index < 0) break;
        for (let i = edges.length - 1; i >= 0; i--) {
          const e = edges[i]!;
          if (e.source === change.id || e.target === change.id) removeEdgeAt(i);
        }
        const node = nodes[index]!;
        nodes = [...nodes.slice(0, index), ...nodes.slice(index + 1)];
        undo({ type: 'addNode', node, index });
        break;
      }
      case 'moveNode': {
        const index = nodeIndex(change.id);
        const node = nodes[index];
        if (!node || samePosition(node.position, change.position)) break;
        replaceNode(index, { ...node, position: change.position });
        undo({ type: 'moveNode', id: change.id, position: node.position });
        break;
      }
      case 'setParams': {
        const index = nodeIndex(change.id);
        const node = nodes[index];
        if (!node || node.params === change.params) break;
        replaceNode(index, { ...node, params: change.params });
        undo({ type: 'setParams', id: change.id, params: node.params });
        break;
      }
      case 'setLabel': {
        const index = nodeIndex(change.id);
        const node = nodes[index];
        if (!node || node.label === change.label) break;
        const { label: _old, ...rest } = node;
        replaceNode(index, change.label === undefined ? rest : { ...rest, label: change.label });
        undo({ type: 'setLabel', id: change.id, label: node.label });
        break;
      }
      case 'addEdge': {
        if (edges.some((e) => e.id === change.edge.id)) break;
        const at = clampIndex(change.index, edges.length);
        edges = [...edges.slice(0, at), change.edge, ...edges.slice(at)];
        undo({ type: 'removeEdge', id: change.edge.id });
        break;
      }
      case 'removeEdge': {
        const index = edges.findIndex((e) => e.id === change.id);
        if (index >= 0) removeEdgeAt(index);
        break;
      }
      case 'setMeta': {
        const next = {
          name: change.name ?? meta.name,
          description: change.description ?? meta.description,
        };
        if (next.name === meta.name && next.description === meta.description) break;
        undo({ type: 'setMeta', name: meta.name, description: meta.description });
        meta = next;
        break;
      }
    }
  }
  if (inverse.length === 0) return { doc, inverse };
  return { doc: { ...doc, ...meta, nodes, edges }, inverse };
}

function clampIndex(index: number | undefined, length: number): number {
  return index === undefined ? length : Math.max(0, Math.min(index, length));
}

function samePosition(a: Position, b: Position): boolean {
  return a.x === b.x && a.y === b.y;
}

/** True when the changes can alter what analysis sees (anything but moves and labels). */
export function changesAffectAnalysis(changes: readonly GraphChange[]): boolean {
  return changes.some((c) => c.type !== 'moveNode' && c.type !== 'setLabel' && c.type !== 'setMeta');
}

import type { GraphDocument, GraphEdge, GraphNode } from '../../engine/document/schema';
import type { GraphChange } from '../store/changes';
import { edgeIdFor, nextNodeId } from './ids';

/** What copy keeps: the nodes and the edges between them (edges leaving the selection are dropped). */
export interface ClipboardContent {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export function copySelection(doc: GraphDocument, nodeIds: ReadonlySet<string>): ClipboardContent | null {
  const nodes = doc.nodes.filter((n) => nodeIds.has(n.id));
  if (nodes.length === 0) return null;
  const edges = doc.edges.filter((e) => nodeIds.has(e.source) && nodeIds.has(e.target));
  return { nodes, edges };
}

/**
 * Changes that paste the content with fresh ids, shifted by `offset`, keeping the edges between the
 * pasted nodes. All of it is one change list, so it undoes as one step.
 */
export function pasteChanges(
  doc: GraphDocument,
  content: ClipboardContent,
  offset: { x: number; y: number },
): { changes: GraphChange[]; nodeIds: string[] } {
  const taken = new Set(doc.nodes.map((n) => n.id));
  const renamed = new Map<string, string>();
  const changes: GraphChange[] = [];
  for (const node of content.nodes) {
    const id = nextNodeId(node.kind, taken);
    taken.add(id);
    renamed.set(node.id, id);
    const position = { x: node.position.x + offset.x, y: node.position.y + offset.y };
    changes.push({ type: 'addNode', node: { ...node, id, position } });
  }
  for (const edge of content.edges) {
    const source = renamed.get(edge.source);
    const target = renamed.get(edge.target);
    if (!source || !target) continue;
    const id = edgeIdFor(source, edge.sourcePort, target, edge.targetPort);
    changes.push({ type: 'addEdge', edge: { ...edge, id, source, target } });
  }
  return { changes, nodeIds: [...renamed.values()] };
}

import type { StateCreator } from 'zustand';
import type { GraphChange } from './changes';
import type { AppState, SelectionSlice } from './types';

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set, get) => ({
  selectedNodes: new Set(),
  selectedEdges: new Set(),
  select(nodes, edges = []) {
    set({ selectedNodes: new Set(nodes), selectedEdges: new Set(edges) });
  },
  applySelectionChanges(nodeChanges, edgeChanges) {
    const { selectedNodes, selectedEdges } = get();
    const apply = (current: ReadonlySet<string>, changes: readonly { id: string; selected: boolean }[]) => {
      if (changes.every((c) => current.has(c.id) === c.selected)) return current;
      const next = new Set(current);
      for (const c of changes) {
        if (c.selected) next.add(c.id);
        else next.delete(c.id);
      }
      return next;
    };
    const nodes = apply(selectedNodes, nodeChanges);
    const edges = apply(selectedEdges, edgeChanges);
    if (nodes !== selectedNodes || edges !== selectedEdges)
      set({ selectedNodes: nodes, selectedEdges: edges });
  },
  selectAll() {
    const { doc } = get();
    set({ selectedNodes: new Set(doc.nodes.map((n) => n.id)), selectedEdges: new Set() });
  },
  clearSelection() {
    set({ selectedNodes: new Set(), selectedEdges: new Set() });
  },
  deleteSelection() {
    const { selectedNodes, selectedEdges, doc, applyChanges } = get();
    const changes: GraphChange[] = [];
    for (const edge of doc.edges) {
      const attached = selectedNodes.has(edge.source) || selectedNodes.has(edge.target);
      if (selectedEdges.has(edge.id) && !attached) changes.push({ type: 'removeEdge', id: edge.id });
    }
    for (const node of doc.nodes)
      if (selectedNodes.has(node.id)) changes.push({ type: 'removeNode', id: node.id });
    if (changes.length) applyChanges(changes);
  },
});

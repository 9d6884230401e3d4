import type { StateCreator } from 'zustand';
import { analyzeForEditor } from './analysis';
import { applyGraphChanges, changesAffectAnalysis, type GraphChange } from './changes';
import { emptyHistory, type HistoryEntry } from './history';
import type { AppState, HistorySlice } from './types';

/** Ids of the nodes a step touches, to select them after undo or redo so the user sees what changed. */
function touchedNodes(changes: readonly GraphChange[], present: ReadonlySet<string>): Set<string> {
  const ids = new Set<string>();
  for (const c of changes) {
    if (c.type === 'addNode') ids.add(c.node.id);
    else if ('id' in c && c.type !== 'removeEdge' && c.type !== 'removeNode') ids.add(c.id);
  }
  return new Set([...ids].filter((id) => present.has(id)));
}

export const createHistorySlice: StateCreator<AppState, [], [], HistorySlice> = (set, get) => {
  /** Applies an entry's changes in one direction and moves it to the other stack. */
  const step = (direction: 'undo' | 'redo') => {
    const state = get();
    const { past, future } = state.history;
    const entry: HistoryEntry | undefined = direction === 'undo' ? past[past.length - 1] : future[0];
    if (!entry) return;
    const changes = direction === 'undo' ? entry.inverse : entry.forward;
    const { doc } = applyGraphChanges(state.doc, changes);
    const history =
      direction === 'undo'
        ? { ...state.history, past: past.slice(0, -1), future: [entry, ...future] }
        : { ...state.history, past: [...past, entry], future: future.slice(1) };
    set({
      doc,
      history,
      analysis: changesAffectAnalysis(changes) ? analyzeForEditor(doc, state.analysis) : state.analysis,
      selectedNodes: touchedNodes(changes, new Set(doc.nodes.map((n) => n.id))),
      selectedEdges: new Set(),
    });
  };
  return {
    history: emptyHistory(),
    undo: () => step('undo'),
    redo: () => step('redo'),
  };
};

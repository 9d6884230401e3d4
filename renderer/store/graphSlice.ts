import type { StateCreator } from 'zustand';
import { analyzeForEditor, emptyAnalysis } from './analysis';
import { applyGraphChanges, changesAffectAnalysis } from './changes';
import { emptyDocument } from './documents';
import { emptyHistory, recordStep } from './history';
import type { AppState, GraphSlice } from './types';

export interface GraphSliceOptions {
  initialDocument?: GraphSlice['doc'];
  now?: () => number;
}

/** Ids in `ids` that are still nodes (or edges) of the document. */
const keep = (ids: ReadonlySet<string>, present: ReadonlySet<string>): ReadonlySet<string> => {
  for (const id of ids) if (!present.has(id)) return new Set([...ids].filter((i) => present.has(i)));
  return ids;
};

export const createGraphSlice =
  (options: GraphSliceOptions = {}): StateCreator<AppState, [], [], GraphSlice> =>
  (set, get) => {
    const doc = options.initialDocument ?? emptyDocument();
    const now = options.now ?? Date.now;
    return {
      doc,
      analysis: analyzeForEditor(doc, emptyAnalysis),
      docEpoch: 0,
      applyChanges(changes, opts = {}) {
        const state = get();
        const { doc: next, inverse } = applyGraphChanges(state.doc, changes);
        if (inverse.length === 0 && !opts.select) return;
        const history =
          inverse.length === 0
            ? state.history
            : recordStep(
                state.history,
                opts.mergeKey === undefined
                  ? { forward: [...changes], inverse }
                  : { forward: [...changes], inverse, mergeKey: opts.mergeKey },
                now(),
              );
        const nodeIds = new Set(next.nodes.map((n) => n.id));
        const edgeIds = new Set(next.edges.map((e) => e.id));
        set({
          doc: next,
          history,
          analysis: changesAffectAnalysis(changes) ? analyzeForEditor(next, state.analysis) : state.analysis,
          selectedNodes: opts.select ? new Set(opts.select) : keep(state.selectedNodes, nodeIds),
          selectedEdges: opts.select ? new Set() : keep(state.selectedEdges, edgeIds),
        });
      },
      replaceDocument(next, file) {
        set({
          doc: next,
          docEpoch: get().docEpoch + 1,
          analysis: analyzeForEditor(next, emptyAnalysis),
          history: emptyHistory(),
          // -1 matches no history head, so recovered work shows as unsaved until it is saved.
          savedHeadId: file.unsaved ? -1 : 0,
          fileName: file.fileName,
          fileHandle: file.fileHandle,
          selectedNodes: new Set(),
          selectedEdges: new Set(),
          pasteCount: 0,
        });
      },
    };
  };

import type { StateCreator } from 'zustand';
import { copySelection, pasteChanges } from '../graph/clipboard';
import type { AppState, ClipboardSlice } from './types';

/** How far each paste lands from the copied nodes, in canvas units. */
export const PASTE_OFFSET = 40;

export const createClipboardSlice: StateCreator<AppState, [], [], ClipboardSlice> = (set, get) => ({
  clipboard: null,
  pasteCount: 0,
  copySelection() {
    const { doc, selectedNodes } = get();
    const content = copySelection(doc, selectedNodes);
    if (content) set({ clipboard: content, pasteCount: 0 });
  },
  paste() {
    const { clipboard, pasteCount, doc, applyChanges } = get();
    if (!clipboard) return;
    const shift = PASTE_OFFSET * (pasteCount + 1);
    const { changes, nodeIds } = pasteChanges(doc, clipboard, { x: shift, y: shift });
    set({ pasteCount: pasteCount + 1 });
    applyChanges(changes, { select: nodeIds });
  },
  duplicateSelection() {
    const { doc, selectedNodes, applyChanges } = get();
    const content = copySelection(doc, selectedNodes);
    if (!content) return;
    const { changes, nodeIds } = pasteChanges(doc, content, { x: PASTE_OFFSET, y: PASTE_OFFSET });
    applyChanges(changes, { select: nodeIds });
  },
});

import type { StateCreator } from 'zustand';
import { headId, sealHead } from './history';
import type { AppState, ProjectSlice } from './types';

export const createProjectSlice: StateCreator<AppState, [], [], ProjectSlice> = (set, get) => ({
  fileName: null,
  fileHandle: null,
  savedHeadId: 0,
  recovery: null,
  markSaved({ fileName, fileHandle }) {
    const history = sealHead(get().history);
    set({ fileName, fileHandle, history, savedHeadId: headId(history) });
  },
  setRecovery: (recovery) => set({ recovery }),
});

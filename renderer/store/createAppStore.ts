import { createStore, type StoreApi } from 'zustand/vanilla';
import { createDataSlice, type DataPlatform } from '../data/dataSlice';
import { createGallerySlice } from '../gallery/gallerySlice';
import { createGradcheckSlice } from '../gradcheck/gradcheckSlice';
import type { WorkerFactory } from '../training/client';
import { createTrainingSlice } from '../training/trainingSlice';
import { createTuningSlice } from '../tuning/tuningSlice';
import { createClipboardSlice } from './clipboardSlice';
import { createGraphSlice, type GraphSliceOptions } from './graphSlice';
import { createHistorySlice } from './historySlice';
import { createProjectSlice } from './projectSlice';
import { createSelectionSlice } from './selectionSlice';
import type { AppState } from './types';
import { createUiSlice, type UiSliceOptions } from './uiSlice';

export type AppStore = StoreApi<AppState>;
export type AppStoreOptions = GraphSliceOptions &
  UiSliceOptions & {
    createWorker?: WorkerFactory;
    /** Where data files come from (the platform); without it nothing can be opened. */
    dataPlatform?: DataPlatform;
  };

/**
 * One store made of slices (zustand's slices pattern). Each slice sees the whole state; middleware,
 * if any is ever added, goes here at the root only.
 */
export function createAppStore(options: AppStoreOptions = {}): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createHistorySlice(...a),
    ...createSelectionSlice(...a),
    ...createClipboardSlice(...a),
    ...createUiSlice(options)(...a),
    ...createProjectSlice(...a),
    // The graph slice comes last: its initial state sets the document the others start from.
    ...createGraphSlice(options)(...a),
    ...createTrainingSlice(options.createWorker)(...a),
    ...createGallerySlice(...a),
    ...createGradcheckSlice(options.createWorker)(...a),
    ...createTuningSlice(options.createWorker)(...a),
    ...createDataSlice(options.dataPlatform)(...a),
  }));
}

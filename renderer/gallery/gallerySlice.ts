import type { StateCreator } from 'zustand';
import type { GraphDocument } from '../../engine/document/schema';
import { replaceContentsChanges } from '../store/documents';
import { selectIsDirty } from '../store/selectors';
import type { AppState } from '../store/types';
import type { RunRecord } from '../training/runRecord';

/** A lesson's variants being trained one after another, to be compared as runs. */
export interface VariantQueue {
  /** The lesson's title, for the banner. */
  title: string;
  labels: readonly string[];
  /** The variant training now (0-based). */
  index: number;
  /** Ids of the runs started so far, in variant order. */
  runIds: readonly string[];
}

export interface VariantToTrain {
  label: string;
  doc: GraphDocument;
}

export interface GallerySlice {
  galleryOpen: boolean;
  variantQueue: VariantQueue | null;
  openGallery(): void;
  closeGallery(): void;
  /**
   * Opens a preset as a new, unsaved project (a fresh undo history), asking first when the current
   * work has unsaved changes. Resolves false when the user keeps their work.
   */
  openPreset(doc: GraphDocument): Promise<boolean>;
  /**
   * Trains each variant in turn and marks the runs (named by their variants) for comparison: at the
   * end the last is shown with the others overlaid. The first variant goes on the canvas (one undo
   * step), so the title and "Train again" are about a network of the lesson, not the one before.
   * Stopping a run, or starting another one, ends the queue.
   */
  compareVariants(title: string, variants: readonly VariantToTrain[]): void;
  /** Stops the run in progress and trains no further variants. */
  cancelVariantQueue(): void;
}

const finished = (run: RunRecord | undefined): boolean =>
  run !== undefined && (run.status === 'done' || run.status === 'failed' || run.status === 'invalid');

export const createGallerySlice: StateCreator<AppState, [], [], GallerySlice> = (set, get, api) => {
  /** Unsubscribes the queue's watcher; null while no queue runs. */
  let unwatch: (() => void) | null = null;
  let pending: readonly VariantToTrain[] = [];

  const endQueue = (compareRunIds?: readonly string[]) => {
    unwatch?.();
    unwatch = null;
    pending = [];
    set(compareRunIds ? { variantQueue: null, compareRunIds } : { variantQueue: null });
  };

  const startVariant = (queue: VariantQueue, index: number) => {
    const variant = pending[index];
    if (!variant) return endQueue();
    // Mark the variants trained so far for comparison before the next one becomes the active run.
    const compared = new Set(get().compareRunIds);
    for (const id of queue.runIds) compared.add(id);
    set({ compareRunIds: [...compared], variantQueue: { ...queue, index } });
    const id = get().trainDocument(variant.doc, variant.label);
    set({ variantQueue: { ...queue, index, runIds: [...queue.runIds, id] } });
  };

  /** Called on every store change while a queue runs: starts the next variant when one ends. */
  const advance = (state: AppState) => {
    const queue = state.variantQueue;
    if (!queue || queue.runIds.length !== queue.index + 1) return;
    const runId = queue.runIds[queue.index];
    const run = state.runs.find((r) => r.id === runId);
    if (state.runs[state.runs.length - 1]?.id !== runId) return endQueue(); // another run took over
    if (!finished(run)) return;
    if (run?.done?.reason === 'stopped' || queue.index + 1 >= pending.length) {
      // Leave the last run shown with every earlier variant overlaid.
      return endQueue(queue.runIds.filter((id) => id !== runId));
    }
    startVariant(queue, queue.index + 1);
  };

  /** Puts a variant on the canvas as one undo step, and fits the view to it as to an opened file. */
  const showOnCanvas = (doc: GraphDocument) => {
    const state = get();
    state.applyChanges(replaceContentsChanges(state.doc, doc), { select: [] });
    set({ docEpoch: get().docEpoch + 1 });
  };

  return {
    galleryOpen: false,
    variantQueue: null,
    openGallery: () => set({ galleryOpen: true }),
    closeGallery: () => set({ galleryOpen: false }),
    async openPreset(doc) {
      if (selectIsDirty(get()) && !(await get().confirmDiscard())) return false;
      get().replaceDocument(structuredClone(doc), { fileName: null, fileHandle: null });
      return true;
    },
    compareVariants(title, variants) {
      if (unwatch) endQueue();
      if (!variants.length) return;
      showOnCanvas(variants[0]!.doc);
      pending = variants;
      set({ compareRunIds: [] });
      const queue: VariantQueue = { title, labels: variants.map((v) => v.label), index: 0, runIds: [] };
      startVariant(queue, 0);
      unwatch = api.subscribe(advance);
    },
    cancelVariantQueue() {
      if (!get().variantQueue) return;
      endQueue();
      get().stopTraining();
    },
  };
};

import { serializeDocument } from '../../engine/document/parse';
import type { AutosaveStore } from '../platform/types';
import { selectIsDirty } from './selectors';
import type { AppState } from './types';

/** What the autosave slot holds: the unsaved document and which file it belongs to. */
export interface AutosaveRecord {
  format: 'netcanvas-autosave';
  savedAt: number;
  fileName: string | null;
  /** The document as it would be saved (so recovering goes through the same parser as Open). */
  document: string;
}

export function encodeAutosave(state: AppState, savedAt: number): string {
  const record: AutosaveRecord = {
    format: 'netcanvas-autosave',
    savedAt,
    fileName: state.fileName,
    document: serializeDocument(state.doc),
  };
  return JSON.stringify(record);
}

/** Reads an autosave slot; anything unreadable is treated as no autosave (never throws). */
export function decodeAutosave(text: string | null): AutosaveRecord | null {
  if (!text) return null;
  try {
    const r = JSON.parse(text) as Partial<AutosaveRecord>;
    if (r.format !== 'netcanvas-autosave' || typeof r.document !== 'string') return null;
    return {
      format: 'netcanvas-autosave',
      savedAt: typeof r.savedAt === 'number' ? r.savedAt : 0,
      fileName: typeof r.fileName === 'string' ? r.fileName : null,
      document: r.document,
    };
  } catch {
    return null;
  }
}

interface StoreLike {
  getState(): AppState;
  subscribe(listener: (state: AppState, previous: AppState) => void): () => void;
}

export interface AutosaveOptions {
  /** Quiet time after the last edit before writing (edits arrive at up to 60 per second while dragging). */
  delayMs?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  /**
   * Hands over the function that writes a waiting edit at once, for moments the quiet time would
   * lose it (the page is hidden or closing); returns what stops it. The app passes `whenPageHides`.
   */
  onFlush?: (flush: () => void) => () => void;
}

/**
 * Calls `flush` when the page is hidden (another tab, the window minimized, the app in the
 * background) or being unloaded: a browser may end a hidden page without any further event.
 */
export function whenPageHides(win: Window): (flush: () => void) => () => void {
  return (flush) => {
    const onVisibility = () => {
      if (win.document.visibilityState === 'hidden') flush();
    };
    win.addEventListener('pagehide', flush);
    win.document.addEventListener('visibilitychange', onVisibility);
    return () => {
      win.removeEventListener('pagehide', flush);
      win.document.removeEventListener('visibilitychange', onVisibility);
    };
  };
}

/**
 * Keeps the autosave slot in step with the store: while the project has unsaved changes, the
 * document is written `delayMs` after the last edit, or at once when a run starts (training is what
 * may take the page down) or `onFlush` says so; once it is saved (or replaced by a clean one) the
 * slot is cleared. Nothing is written while an earlier autosave is still being offered back.
 * Returns the function that stops it.
 */
export function startAutosave(
  store: StoreLike,
  slot: AutosaveStore,
  options: AutosaveOptions = {},
): () => void {
  const delay = options.delayMs ?? 400;
  const now = options.now ?? Date.now;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  let timer: unknown = null;
  let slotHoldsWork = false;

  const cancel = () => {
    if (timer !== null) clearTimer(timer);
    timer = null;
  };
  const write = () => {
    timer = null;
    const state = store.getState();
    if (state.recovery || !selectIsDirty(state)) return;
    // One write of one complete record: the slot holds the previous record or this one, never a
    // mix. A failure (storage full, the app-data folder gone) keeps the previous record and never
    // throws out of the timer; the next edit tries again.
    let record: string;
    try {
      record = encodeAutosave(state, now());
    } catch {
      return;
    }
    slotHoldsWork = true;
    slot.write(record).catch(() => {});
  };

  /** Writes an edit still waiting for its quiet time, now. */
  const flush = () => {
    if (timer === null) return;
    cancel();
    write();
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.recovery) return;
    if (state.runs.length > previous.runs.length) flush();
    const changed =
      state.doc !== previous.doc ||
      state.savedHeadId !== previous.savedHeadId ||
      state.fileName !== previous.fileName ||
      previous.recovery !== null;
    if (!changed) return;
    if (selectIsDirty(state)) {
      cancel();
      timer = setTimer(write, delay);
    } else {
      cancel();
      if (slotHoldsWork || previous.recovery !== null) slot.clear().catch(() => {});
      slotHoldsWork = false;
    }
  });
  const stopFlushing = options.onFlush?.(flush);
  return () => {
    cancel();
    unsubscribe();
    stopFlushing?.();
  };
}

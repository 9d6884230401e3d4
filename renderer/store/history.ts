import type { GraphChange } from './changes';

/** One undo step: the changes a user action made, and the changes that take it back. */
export interface HistoryEntry {
  id: number;
  forward: GraphChange[];
  inverse: GraphChange[];
  /** Consecutive entries with the same key (one drag, typing in one field) merge into one step. */
  mergeKey?: string;
  /** When the entry last grew, in ms; merging stops after a pause. */
  at: number;
  /** A sealed entry (the state was saved) never grows, so "unsaved" can compare entry ids. */
  sealed?: boolean;
}

export interface History {
  past: HistoryEntry[];
  future: HistoryEntry[];
  nextId: number;
}

export const HISTORY_LIMIT = 200;
/** Typing pauses longer than this start a new undo step. */
export const MERGE_WINDOW_MS = 1000;

export const emptyHistory = (): History => ({ past: [], future: [], nextId: 1 });

/** Id of the step the document is at; 0 for the state the history started from. */
export const headId = (h: History): number => h.past[h.past.length - 1]?.id ?? 0;

/** Records a step, merging it into the last one when both carry the same recent merge key. */
export function recordStep(
  h: History,
  step: { forward: GraphChange[]; inverse: GraphChange[]; mergeKey?: string },
  now: number,
): History {
  const top = h.past[h.past.length - 1];
  if (
    top &&
    step.mergeKey !== undefined &&
    top.mergeKey === step.mergeKey &&
    !top.sealed &&
    h.future.length === 0 &&
    now - top.at <= MERGE_WINDOW_MS
  ) {
    const merged: HistoryEntry = {
      ...top,
      forward: [...top.forward, ...step.forward],
      inverse: [...step.inverse, ...top.inverse],
      at: now,
    };
    return { ...h, past: [...h.past.slice(0, -1), merged] };
  }
  const entry: HistoryEntry = { id: h.nextId, forward: step.forward, inverse: step.inverse, at: now };
  if (step.mergeKey !== undefined) entry.mergeKey = step.mergeKey;
  const past = [...h.past, entry];
  return { past: past.slice(-HISTORY_LIMIT), future: [], nextId: h.nextId + 1 };
}

/** Stops the last step from growing (called when the document is saved). */
export function sealHead(h: History): History {
  const top = h.past[h.past.length - 1];
  if (!top || top.sealed) return h;
  return { ...h, past: [...h.past.slice(0, -1), { ...top, sealed: true }] };
}

import type { StateCreator } from 'zustand';
import type { Problem } from '../../engine/problems';
import { trainingTraits } from '../../engine/train/verdict-context';
import type { AppState } from '../store/types';
import { browserWorkerFactory, type WorkerFactory, type WorkerLike } from '../training/client';
import type { FromWorker } from '../training/protocol';
import { GRADCHECK_EXAMPLES, type GradcheckResult } from './task';

/** One "Check gradients" of the canvas's graph, as the dialog shows it. */
export interface GradcheckRun {
  id: string;
  status: 'running' | 'done' | 'invalid' | 'failed';
  /** The document's name when the check started. */
  docName: string;
  /** Whether the checked graph has dropout (turned off for the check, which the dialog says). */
  hasDropout: boolean;
  result: GradcheckResult | null;
  /** Why the graph could not be checked (an invalid graph). */
  problems: Problem[];
  /** The worker broke. */
  failure: string | null;
}

export interface GradcheckSlice {
  /** The check the dialog shows; null while the dialog is closed. */
  gradcheck: GradcheckRun | null;
  /** Checks the canvas's graph in a fresh worker (CPU backend, as the CLI) and opens the dialog. */
  checkGradients(): void;
  /** Closes the dialog, ending a check still running. */
  closeGradcheck(): void;
}

export const createGradcheckSlice =
  (createWorker: WorkerFactory = browserWorkerFactory): StateCreator<AppState, [], [], GradcheckSlice> =>
  (set, get) => {
    let worker: WorkerLike | null = null;
    let counter = 0;
    const release = () => {
      worker?.terminate();
      worker = null;
    };
    /** Updates the check `id` if it is still the one shown. */
    const update = (id: string, patch: Partial<GradcheckRun>) => {
      const current = get().gradcheck;
      if (current?.id === id) set({ gradcheck: { ...current, ...patch } });
    };
    return {
      gradcheck: null,
      checkGradients() {
        release();
        counter += 1;
        const id = `gradcheck-${Date.now().toString(36)}-${counter}`;
        const doc = get().doc;
        set({
          gradcheck: {
            id,
            status: 'running',
            docName: doc.name,
            hasDropout: trainingTraits(doc).regularizers.has('dropout'),
            result: null,
            problems: [],
            failure: null,
          },
        });
        const w = createWorker();
        worker = w;
        w.onmessage = (e: MessageEvent<FromWorker>) => {
          const message = e.data;
          if (message.runId !== id) return;
          if (message.type === 'gradcheck') {
            update(id, { status: 'done', result: { name: message.name, report: message.report } });
          } else if (message.type === 'problems') {
            update(id, { status: 'invalid', problems: message.problems });
          } else if (message.type === 'failed') {
            update(id, { status: 'failed', failure: message.message });
          } else {
            return;
          }
          if (worker === w) release();
        };
        w.onerror = (e) => {
          e.preventDefault?.();
          update(id, { status: 'failed', failure: e.message || 'The worker stopped.' });
          if (worker === w) release();
        };
        w.postMessage({
          type: 'gradcheck',
          runId: id,
          document: structuredClone(doc),
          examples: GRADCHECK_EXAMPLES,
          ...get().dataFilesNow(doc),
        });
      },
      closeGradcheck() {
        release();
        set({ gradcheck: null });
      },
    };
  };

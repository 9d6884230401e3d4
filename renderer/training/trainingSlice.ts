import type { StateCreator } from 'zustand';
import type { GraphDocument } from '../../engine/document/schema';
import type { TrainingParams } from '../../engine/nodes/training';
import type { AppState } from '../store/types';
import { browserWorkerFactory, TrainingClient, type WorkerFactory } from './client';
import type { BackendChoice } from './protocol';
import type { RunRecord } from './runRecord';

export interface TrainingSlice {
  /** Runs of this session, oldest first. Records mutate as data streams in; see `trainingTick`. */
  runs: readonly RunRecord[];
  activeRunId: string | null;
  /** Runs overlaid on the charts for comparison (besides the active one). */
  compareRunIds: readonly string[];
  /** Moves at most ~4 times a second while a run streams, and on every status change. */
  trainingTick: number;
  backendChoice: BackendChoice;
  /** β of the smoothed cost curve (spec §7), and whether it is bias-corrected. */
  smoothingBeta: number;
  biasCorrection: boolean;
  /** Base (Bayes/human) error for the bias/variance verdict, as a fraction. */
  baseError: number;
  train(options?: { newSeed?: boolean; backend?: BackendChoice }): void;
  pauseTraining(): void;
  resumeTraining(): void;
  stopTraining(): void;
  setLiveLearningRate(value: number): void;
  setBackendChoice(choice: BackendChoice): void;
  setSmoothing(beta: number, biasCorrection: boolean): void;
  setBaseError(value: number): void;
  selectRun(id: string): void;
  toggleCompare(id: string): void;
}

const TICK_MS = 250;

/** The Training node's seed, or 1. */
function documentSeed(doc: GraphDocument): number {
  const node = doc.nodes.find((n) => n.kind === 'Training');
  const seed = (node?.params as Partial<TrainingParams> | undefined)?.seed;
  return typeof seed === 'number' ? seed : 1;
}

/** The training slice: one TrainingClient (workers) per store; the runs it made. */
export const createTrainingSlice =
  (createWorker: WorkerFactory = browserWorkerFactory): StateCreator<AppState, [], [], TrainingSlice> =>
  (set, get) => {
    let lastTick = 0;
    let pendingTick: ReturnType<typeof setTimeout> | null = null;
    const tick = () => {
      lastTick = Date.now();
      pendingTick = null;
      set((s) => ({ trainingTick: s.trainingTick + 1, runs: [...s.runs] }));
    };
    const client = new TrainingClient(createWorker, (_run, statusChanged) => {
      if (statusChanged || Date.now() - lastTick > TICK_MS) {
        if (pendingTick) clearTimeout(pendingTick);
        tick();
      } else if (!pendingTick) {
        pendingTick = setTimeout(tick, TICK_MS);
      }
    });
    return {
      runs: [],
      activeRunId: null,
      compareRunIds: [],
      trainingTick: 0,
      backendChoice: 'auto',
      smoothingBeta: 0.9,
      biasCorrection: true,
      baseError: 0,
      train(options = {}) {
        const state = get();
        const doc = state.doc;
        const previous = state.runs.find((r) => r.id === state.activeRunId);
        const seed = options.newSeed
          ? Math.floor(Math.random() * 2 ** 31)
          : (previous?.seed ?? documentSeed(doc));
        const backend = options.backend ?? state.backendChoice;
        const run = client.start({
          document: structuredClone(doc),
          label: `Run ${state.runs.length + 1}`,
          seed,
          backend,
        });
        set({
          runs: [...state.runs, run],
          activeRunId: run.id,
          ...(options.backend ? { backendChoice: options.backend } : {}),
        });
      },
      pauseTraining: () => client.pause(),
      resumeTraining: () => client.resume(),
      stopTraining: () => client.stop(),
      setLiveLearningRate: (value) => client.setLearningRate(value),
      setBackendChoice: (backendChoice) => set({ backendChoice }),
      setSmoothing: (smoothingBeta, biasCorrection) => set({ smoothingBeta, biasCorrection }),
      setBaseError: (baseError) => set({ baseError: Math.min(1, Math.max(0, baseError)) }),
      selectRun: (activeRunId) => set({ activeRunId }),
      toggleCompare: (id) =>
        set((s) => ({
          compareRunIds: s.compareRunIds.includes(id)
            ? s.compareRunIds.filter((r) => r !== id)
            : [...s.compareRunIds, id],
        })),
    };
  };

/** The run the panel shows. */
export const selectActiveRun = (s: TrainingSlice): RunRecord | null =>
  s.runs.find((r) => r.id === s.activeRunId) ?? null;

export const isTraining = (run: RunRecord | null): boolean =>
  run !== null && (run.status === 'starting' || run.status === 'running' || run.status === 'paused');

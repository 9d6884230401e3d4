import type { StateCreator } from 'zustand';
import type { GraphDocument } from '../../engine/document/schema';
import type { ExportFile, ExportFormat } from '../../engine/export/files';
import { hasRole } from '../../engine/nodes/registry';
import type { TrainingParams } from '../../engine/nodes/training';
import type { RunDataFiles } from '../data/dataSlice';
import type { AppState } from '../store/types';
import { browserWorkerFactory, type StartOptions, TrainingClient, type WorkerFactory } from './client';
import type { BackendChoice } from './protocol';
import type { RunRecord } from './runRecord';
import { runsOfDocument } from './savedRuns';

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
  /**
   * Base (Bayes/human) error for the bias/variance verdict, as a fraction; null until the user sets
   * one: then each run is judged against its data set's default (`defaultBaseError`).
   */
  baseError: number | null;
  /** The cost axes' scale as the user chose it; null: logarithmic when the costs span > 2 decades. */
  costLogScale: boolean | null;
  setCostLogScale(log: boolean): void;
  /** Trains the canvas's document; refuses (with a toast) while the graph has errors. */
  train(options?: { newSeed?: boolean; backend?: BackendChoice }): void;
  /**
   * Trains `doc` (not the canvas's document) with its own seed, as a run named `label`; the canvas
   * stays as it is. Returns the run's id. Used to train a lesson's variants, or a search trial.
   */
  trainDocument(doc: GraphDocument, label: string): string;
  pauseTraining(): void;
  resumeTraining(): void;
  /** Step mode: one measured update while paused. */
  stepTraining(): void;
  /** Step mode: a layer's matrices of the last step, and their float64 check (renderer/inspect/StepWeightsView). */
  requestStepWeights(nodeId: string): void;
  checkStep(nodeId: string): void;
  stopTraining(): void;
  setLiveLearningRate(value: number): void;
  /** The files of the active run's trained network in `format` (the run must be the last one trained). */
  exportActiveRun(format: ExportFormat): Promise<ExportFile[]>;
  setBackendChoice(choice: BackendChoice): void;
  setSmoothing(beta: number, biasCorrection: boolean): void;
  setBaseError(value: number): void;
  selectRun(id: string): void;
  toggleCompare(id: string): void;
}

const TICK_MS = 250;

/** The Training node's seed, or 1. */
function documentSeed(doc: GraphDocument): number {
  const node = doc.nodes.find((n) => hasRole(n.kind, 'training'));
  const seed = (node?.params as Partial<TrainingParams> | undefined)?.seed;
  return typeof seed === 'number' ? seed : 1;
}

/** The number of the next "Run n": one more than any in the list (saved runs keep their labels). */
function nextRunNumber(runs: readonly RunRecord[]): number {
  const numbers = runs.map((r) => Number(/^Run (\d+)$/.exec(r.label)?.[1] ?? 0));
  return Math.max(runs.length, ...numbers) + 1;
}

/** The data part of a start message: only what the document reads, nothing for generated data. */
function withData(data: RunDataFiles): Pick<StartOptions, 'files' | 'builtin'> {
  return {
    ...(Object.keys(data.files).length ? { files: data.files } : {}),
    ...(Object.keys(data.builtin).length ? { builtin: data.builtin } : {}),
  };
}

/** The training slice: one TrainingClient (workers) per store; the runs it made. */
export const createTrainingSlice =
  (createWorker: WorkerFactory = browserWorkerFactory): StateCreator<AppState, [], [], TrainingSlice> =>
  (set, get, api) => {
    // A project opened (or recovered) brings its saved runs, read-only; they replace the saved runs
    // of the project before, and the runs trained in this session stay.
    api.subscribe((s, previous) => {
      if (s.docEpoch === previous.docEpoch) return;
      const live = s.runs.filter((r) => !r.saved);
      const loaded = runsOfDocument(s.doc, live);
      if (!loaded.length && live.length === s.runs.length) return;
      const runs = [...live, ...loaded];
      const ids = new Set(runs.map((r) => r.id));
      set({
        runs,
        compareRunIds: s.compareRunIds.filter((id) => ids.has(id)),
        activeRunId: s.activeRunId && ids.has(s.activeRunId) ? s.activeRunId : (runs.at(-1)?.id ?? null),
      });
    });
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
    /** Starts a run of `doc` (the canvas's document when Train was pressed) with its data. */
    const startRun = (
      doc: GraphDocument,
      data: RunDataFiles,
      options: Parameters<TrainingSlice['train']>[0] = {},
    ) => {
      const state = get();
      const previous = state.runs.find((r) => r.id === state.activeRunId);
      const seed = options.newSeed
        ? Math.floor(Math.random() * 2 ** 31)
        : (previous?.seed ?? documentSeed(doc));
      const backend = options.backend ?? state.backendChoice;
      const run = client.start({
        document: structuredClone(doc),
        label: `Run ${nextRunNumber(state.runs)}`,
        seed,
        backend,
        ...withData(data),
      });
      set({
        runs: [...state.runs, run],
        activeRunId: run.id,
        ...(options.backend ? { backendChoice: options.backend } : {}),
      });
    };
    return {
      runs: [],
      activeRunId: null,
      compareRunIds: [],
      trainingTick: 0,
      backendChoice: 'auto',
      smoothingBeta: 0.9,
      biasCorrection: true,
      baseError: null,
      costLogScale: null,
      setCostLogScale: (costLogScale) => set({ costLogScale }),
      train(options = {}) {
        // The toolbar's Train is disabled then; the panel's button and Ctrl+Enter end here.
        if (get().analysis.errorCount > 0)
          return get().showToast('error', { key: 'train.fixFirst', vars: {} });
        // A run on a built-in set installed on the machine reads its files first (once they are there).
        const doc = get().doc;
        const data = get().dataFilesFor(doc);
        if (data instanceof Promise) void data.then((ready) => startRun(doc, ready, options));
        else startRun(doc, data, options);
      },
      trainDocument(doc, label) {
        const state = get();
        const run = client.start({
          document: structuredClone(doc),
          label,
          seed: documentSeed(doc),
          backend: state.backendChoice,
          ...withData(state.dataFilesNow(doc)),
        });
        set({ runs: [...state.runs, run], activeRunId: run.id });
        return run.id;
      },
      pauseTraining: () => client.pause(),
      resumeTraining: () => client.resume(),
      stepTraining: () => client.step(),
      requestStepWeights: (nodeId) => client.requestStepWeights(nodeId),
      checkStep: (nodeId) => client.checkStep(nodeId),
      stopTraining: () => client.stop(),
      setLiveLearningRate: (value) => client.setLearningRate(value),
      exportActiveRun: (format) => client.exportRun(get().activeRunId ?? '', format),
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

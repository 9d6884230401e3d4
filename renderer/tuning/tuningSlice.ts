import type { StateCreator } from 'zustand';
import type { GraphDocument } from '../../engine/document/schema';
import type { Problem } from '../../engine/problems';
import {
  applyValues,
  bestResult,
  narrow,
  paramKey,
  parseSearchSpace,
  type SearchMetric,
  type SearchParam,
  type SearchSpace,
  suggestParam,
  type TrialResult,
  validateSpace,
} from '../../engine/search';
import { problemText } from '../i18n/problemText';
import { selectLanguage } from '../store/selectors';
import type { AppState } from '../store/types';
import { browserWorkerFactory, type WorkerFactory, type WorkerLike } from '../training/client';
import type { FromWorker } from '../training/protocol';
import { DEFAULT_TRIALS, initialEpochs, initialParams, valuesAsChanges } from './space';

export type TuningStatus = 'idle' | 'running' | 'stopping' | 'done' | 'stopped' | 'invalid' | 'failed';
export type TuningSort = SearchMetric | 'trial';

/** One finished trial in the table: which round of coarse to fine it belongs to, and its name. */
export interface TrialRow extends TrialResult {
  round: number;
  /** "1.7" (round 1, trial 7); the baseline, the graph's own values, is "own". */
  key: string;
}

export interface TuningState {
  open: boolean;
  /** The params marked for the search, with their scales and ranges. */
  params: SearchParam[];
  trials: number;
  epochsPerTrial: number;
  seed: number;
  status: TuningStatus;
  /** Rounds of coarse to fine run so far (Narrow starts the next). */
  round: number;
  rows: TrialRow[];
  /** Why the last search could not start (a range that does not fit, a value that breaks the graph). */
  problems: Problem[];
  failure: string | null;
  /** The backend the trials train on. */
  backend: string | null;
  /** The graph and params the rows were trained with: Apply and "train as a run" start from these. */
  searched: { doc: GraphDocument; params: SearchParam[] } | null;
  /** Trials asked for in the round running now. */
  roundTrials: number;
  sort: TuningSort;
}

export interface TuningSlice {
  tuning: TuningState;
  /** Opens the search panel; a first opening marks the default search (α, and β or β₁). */
  openTuning(): void;
  closeTuning(): void;
  /** Marks a param with the range the notes suggest. */
  markSearchParam(nodeId: string, path: string): void;
  unmarkSearchParam(key: string): void;
  editSearchParam(key: string, patch: Partial<Pick<SearchParam, 'scale' | 'min' | 'max'>>): void;
  setSearchBudget(patch: Partial<Pick<TuningState, 'trials' | 'epochsPerTrial' | 'seed'>>): void;
  /** Starts a search of the canvas's graph in a worker; trials stream into `rows`. */
  runTuning(): void;
  stopTuning(): void;
  /** Coarse to fine: narrows every range around the best quarter of the trials and searches again. */
  narrowTuning(): void;
  /** Writes the best trial's values into the graph as one undo step. */
  applyBestTrial(): void;
  /** Trains a trial's graph as a run (the Training node's own epochs) overlaid on the run shown now. */
  trainTrialAsRun(key: string): void;
  setTuningSort(sort: TuningSort): void;
}

const initialTuning = (): TuningState => ({
  open: false,
  params: [],
  trials: DEFAULT_TRIALS,
  epochsPerTrial: 100,
  seed: 1,
  status: 'idle',
  round: 0,
  rows: [],
  problems: [],
  failure: null,
  backend: null,
  searched: null,
  roundTrials: 0,
  sort: 'devLoss',
});

const sameKeys = (a: readonly SearchParam[], b: readonly SearchParam[]) =>
  a.map(paramKey).join('|') === b.map(paramKey).join('|');

/** The same graph to train: identical, or equal node for node and edge for edge (after an undo). */
const sameGraph = (a: GraphDocument, b: GraphDocument) =>
  a === b ||
  (JSON.stringify(a.nodes) === JSON.stringify(b.nodes) &&
    JSON.stringify(a.edges) === JSON.stringify(b.edges));

const spaceOf = (t: TuningState): SearchSpace => ({
  params: t.params,
  trials: t.trials,
  epochsPerTrial: t.epochsPerTrial,
  seed: t.seed,
});

/** The metric "best" means for the table's sort. */
export const tuningMetric = (sort: TuningSort): SearchMetric =>
  sort === 'devAccuracy' ? 'devAccuracy' : 'devLoss';

export const createTuningSlice =
  (createWorker: WorkerFactory = browserWorkerFactory): StateCreator<AppState, [], [], TuningSlice> =>
  (set, get) => {
    let worker: WorkerLike | null = null;
    let counter = 0;
    const patch = (p: Partial<TuningState>) => set((s) => ({ tuning: { ...s.tuning, ...p } }));
    const release = () => {
      worker?.terminate();
      worker = null;
    };
    const toastProblems = (problems: readonly Problem[]) =>
      get().showToast('error', {
        key: 'tuning.applyFailed',
        vars: { message: problems.map((p) => problemText(p, selectLanguage(get()))).join(' ') },
      });

    const start = (space: SearchSpace, doc: GraphDocument, round: number, baseline: boolean) => {
      release();
      counter += 1;
      const id = `search-${Date.now().toString(36)}-${counter}`;
      const w = createWorker();
      worker = w;
      const stillMine = () => worker === w;
      w.onmessage = (e: MessageEvent<FromWorker>) => {
        const m = e.data;
        if (m.runId !== id || !stillMine()) return;
        if (m.type === 'backend') patch({ backend: m.name });
        else if (m.type === 'trial') {
          const key = m.result.trial === 0 ? 'own' : `${round}.${m.result.trial}`;
          patch({ rows: [...get().tuning.rows, { ...m.result, round, key }] });
        } else if (m.type === 'problems') {
          patch({ status: 'invalid', problems: m.problems });
          release();
        } else if (m.type === 'searchDone') {
          patch({ status: m.stopped ? 'stopped' : 'done' });
          release();
        } else if (m.type === 'failed') {
          patch({ status: 'failed', failure: m.message });
          release();
        }
      };
      w.onerror = (e) => {
        e.preventDefault?.();
        if (!stillMine()) return;
        patch({ status: 'failed', failure: e.message || 'The search worker stopped.' });
        release();
      };
      w.postMessage({
        type: 'search',
        runId: id,
        document: structuredClone(doc),
        space: structuredClone(space),
        baseline,
        backend: get().backendChoice,
        ...get().dataFilesNow(doc),
      });
    };

    return {
      tuning: initialTuning(),
      openTuning() {
        const { tuning, doc } = get();
        const present = tuning.params.filter((p) => doc.nodes.some((n) => n.id === p.nodeId));
        const fresh = tuning.round === 0 && present.length === 0;
        patch({
          open: true,
          params: fresh ? initialParams(doc) : present,
          ...(fresh ? { epochsPerTrial: initialEpochs(doc) } : {}),
        });
      },
      closeTuning: () => patch({ open: false }),
      markSearchParam(nodeId, path) {
        const suggested = suggestParam(get().doc, nodeId, path);
        if (!suggested.ok) return toastProblems(suggested.problems);
        const key = paramKey(suggested.value);
        const params = get().tuning.params;
        if (!params.some((p) => paramKey(p) === key))
          patch({ params: [...params, suggested.value], problems: [] });
      },
      unmarkSearchParam: (key) =>
        patch({ params: get().tuning.params.filter((p) => paramKey(p) !== key), problems: [] }),
      editSearchParam(key, change) {
        patch({
          params: get().tuning.params.map((p) => (paramKey(p) === key ? { ...p, ...change } : p)),
          problems: [],
        });
      },
      setSearchBudget: (budget) => patch({ ...budget, problems: [] }),
      runTuning() {
        const { tuning, doc } = get();
        if (tuning.status === 'running' || tuning.status === 'stopping') return;
        const parsed = parseSearchSpace(spaceOf(tuning));
        const problems = parsed.ok
          ? validateSpace(doc, parsed.value).filter((p) => p.severity === 'error')
          : parsed.problems;
        if (!parsed.ok || problems.length) return patch({ status: 'invalid', problems });
        // Another round of the same search (same graph, same params) adds rows; anything else starts over.
        const next =
          tuning.searched !== null &&
          sameGraph(tuning.searched.doc, doc) &&
          sameKeys(tuning.searched.params, tuning.params) &&
          tuning.rows.length > 0;
        const round = next ? tuning.round + 1 : 1;
        patch({
          status: 'running',
          problems: [],
          failure: null,
          round,
          rows: next ? tuning.rows : [],
          searched: { doc, params: parsed.value.params },
          roundTrials: parsed.value.trials + (next ? 0 : 1),
        });
        start(parsed.value, doc, round, !next);
      },
      stopTuning() {
        if (get().tuning.status !== 'running') return;
        worker?.postMessage({ type: 'stopSearch' });
        patch({ status: 'stopping' });
      },
      narrowTuning() {
        const { tuning } = get();
        if (!tuning.searched || !sameKeys(tuning.searched.params, tuning.params)) return;
        // As `netcanvas search --rounds`: the last round's trials, keeping the best quarter.
        const last = tuning.rows.filter((r) => r.round === tuning.round && r.trial > 0);
        const narrowed = narrow(spaceOf(tuning), last, Math.ceil(tuning.trials / 4));
        patch({ params: narrowed.params, seed: narrowed.seed });
        get().runTuning();
      },
      applyBestTrial() {
        const { tuning, doc } = get();
        const best = bestResult(tuning.rows, tuningMetric(tuning.sort)) as TrialRow | null;
        if (!best || !tuning.searched) return;
        const changes = valuesAsChanges(doc, tuning.searched.params, best.values);
        if (!changes.ok) return toastProblems(changes.problems);
        if (!changes.value.length) {
          return get().showToast('info', { key: 'tuning.alreadyBest', vars: { trial: best.key } });
        }
        get().applyChanges(changes.value);
        get().showToast('info', { key: 'tuning.applied', vars: { trial: best.key } });
      },
      trainTrialAsRun(key) {
        const { tuning, activeRunId, compareRunIds } = get();
        const row = tuning.rows.find((r) => r.key === key);
        if (!row || !tuning.searched) return;
        const applied = applyValues(tuning.searched.doc, tuning.searched.params, row.values);
        if (!applied.ok) return toastProblems(applied.problems);
        if (activeRunId && !compareRunIds.includes(activeRunId)) {
          set({ compareRunIds: [...compareRunIds, activeRunId] });
        }
        get().trainDocument(applied.value, `Trial ${key}`);
      },
      setTuningSort: (sort) => patch({ sort }),
    };
  };

import type { GraphDocument } from '../../engine/document/schema';
import type { FirstLayerFilters } from '../../engine/inspect/filters';
import type { MistakesReport } from '../../engine/inspect/mistakes';
import type { LayerPictures } from '../../engine/inspect/neurons';
import type { StepCheck, StepWeights } from '../../engine/inspect/step-weights';
import type { Problem } from '../../engine/problems';
import type { PlotBounds } from '../../engine/train/boundary';
import type { DoneEvent, LayersEvent, StartEvent, TrainingEvent } from '../../engine/train/events';
import { recordLayers } from '../inspect/layerRecord';
import type { NeuronSnapshot } from '../inspect/savedNeurons';
import type { BackendName, FromWorker, PlotPoints } from './protocol';
import { Series } from './series';
import { Timeline } from './timeline';

export type RunStatus = 'starting' | 'running' | 'paused' | 'done' | 'failed' | 'invalid';

/** Per-epoch curves of a run. */
export interface EpochSeries {
  epoch: Series;
  trainCost: Series;
  devCost: Series;
  trainAccuracy: Series;
  devAccuracy: Series;
  lr: Series;
}

/** The model's prediction over a size × size grid of the plane, after update t. */
export interface BoundarySnapshot {
  t: number;
  size: number;
  bounds: PlotBounds;
  probability: Float32Array;
  classes: Int32Array;
  /** Hidden units' pictures over the same grid, computed with this snapshot. */
  neurons?: LayerPictures[];
}

/**
 * Everything one run produced, kept outside React state: the charts read the typed series directly
 * and redraw on animation frames when `version` moves.
 */
export interface RunRecord {
  id: string;
  label: string;
  /** The graph as it was trained, for comparing settings side by side. */
  document: GraphDocument;
  seed: number;
  status: RunStatus;
  startedAt: number;
  /** The tf.js backend, and `fast` when the float32 fast executor runs the updates. */
  backend: { name: BackendName; adapter: string | null; notes: string[]; fast?: boolean } | null;
  start: StartEvent | null;
  done: DoneEvent | null;
  problems: Problem[];
  failure: { message: string; next: BackendName | null } | null;
  updates: { t: Series; cost: Series; smoothed: Series; lr: Series };
  epochs: EpochSeries;
  points: { bounds: PlotBounds; sets: PlotPoints[]; classes: number } | null;
  /** The newest decision boundary. */
  boundary: BoundarySnapshot | null;
  /**
   * The boundaries recorded so far, for replay: the worker samples one at t = 0, about every 1/60 of
   * the planned updates and every ~300 ms. At most 120 are kept (64 × 64 × 8 bytes = 32 KB each, so
   * ≤ 3.9 MB a run). Other recorded views add a Timeline of their own (see timeline.ts).
   */
  boundaries: Timeline<BoundarySnapshot>;
  /** A reopened run's neuron pictures (renderer/inspect/savedNeurons.ts); live runs use `boundary`. */
  savedNeurons?: NeuronSnapshot;
  /** The latest confusion matrices and wrong examples on dev and test (renderer/inspect/). */
  mistakes?: MistakesReport;
  /** The first convolutional layer's latest filters, after `t` updates (renderer/inspect/). */
  filters?: FirstLayerFilters & { t: number };
  /** Step mode: the clicked layer's W, dW and ΔW, and its gradient check once asked for. */
  stepWeights?: { nodeId: string; weights: StepWeights | null };
  stepCheck?: { nodeId: string; check: StepCheck | null };
  /** The layer inspector's events, in order of t (renderer/inspect/layerRecord.ts). */
  layers: LayersEvent[];
  /** Bumped whenever data arrives. */
  version: number;
  /** Loaded from a saved project (renderer/training/savedRuns.ts): its curves and summary only. */
  saved?: boolean;
}

export function newRunRecord(id: string, label: string, document: GraphDocument, seed: number): RunRecord {
  return {
    id,
    label,
    document,
    seed,
    status: 'starting',
    startedAt: Date.now(),
    backend: null,
    start: null,
    done: null,
    problems: [],
    failure: null,
    updates: { t: new Series(), cost: new Series(), smoothed: new Series(), lr: new Series() },
    epochs: {
      epoch: new Series(64),
      trainCost: new Series(64),
      devCost: new Series(64),
      trainAccuracy: new Series(64),
      devAccuracy: new Series(64),
      lr: new Series(64),
    },
    points: null,
    boundary: null,
    layers: [],
    boundaries: new Timeline(),
    version: 0,
  };
}

function applyEvent(run: RunRecord, e: TrainingEvent): void {
  switch (e.type) {
    case 'start':
      run.start = e;
      run.status = 'running';
      break;
    case 'update':
      run.updates.t.push(e.t);
      run.updates.cost.push(e.cost);
      run.updates.smoothed.push(e.smoothedCost);
      run.updates.lr.push(e.lr);
      break;
    case 'epoch': {
      const s = run.epochs;
      s.epoch.push(e.epoch);
      s.trainCost.push(e.train.cost);
      s.devCost.push(e.dev?.cost ?? Number.NaN);
      s.trainAccuracy.push(e.train.accuracy ?? Number.NaN);
      s.devAccuracy.push(e.dev?.accuracy ?? Number.NaN);
      s.lr.push(e.lr);
      break;
    }
    case 'layers':
      recordLayers(run.layers, e);
      break;
    case 'done':
      run.done = e;
      run.status = e.reason === 'error' ? 'failed' : 'done';
      break;
  }
}

/** Folds one worker message into the run. Pure apart from mutating `run`; returns whether it changed. */
export function applyWorkerMessage(run: RunRecord, message: FromWorker): boolean {
  if (message.runId !== run.id) return false;
  switch (message.type) {
    case 'backend':
      run.backend = {
        name: message.name,
        adapter: message.adapter,
        notes: message.notes,
        fast: message.executor === 'fast',
      };
      break;
    case 'problems':
      run.problems = message.problems;
      run.status = 'invalid';
      break;
    case 'events':
      for (const e of message.events) applyEvent(run, e);
      break;
    case 'updates': {
      const { t, cost, smoothed, lr } = message.columns;
      const u = run.updates;
      for (let i = 0; i < t.length; i++) {
        u.t.push(t[i] as number);
        u.cost.push(cost[i] as number);
        u.smoothed.push(smoothed[i] as number);
        u.lr.push(lr[i] as number);
      }
      break;
    }
    case 'points':
      run.points = { bounds: message.bounds, sets: message.sets, classes: message.classes };
      break;
    case 'boundary': {
      const { t, size, bounds, probability, classes, neurons } = message;
      run.boundary = { t, size, bounds, probability, classes, ...(neurons ? { neurons } : {}) };
      run.boundaries.push(t, run.boundary);
      break;
    }
    case 'mistakes':
      run.mistakes = message.report;
      break;
    case 'filters':
      run.filters = { ...message.filters, t: message.t };
      break;
    case 'stepWeights':
      run.stepWeights = { nodeId: message.nodeId, weights: message.weights };
      if (run.stepCheck && run.stepCheck.check?.t !== message.weights?.t) delete run.stepCheck;
      break;
    case 'stepCheck':
      run.stepCheck = { nodeId: message.nodeId, check: message.check };
      break;
    case 'failed':
      run.failure = { message: message.message, next: message.next };
      run.status = 'failed';
      break;
  }
  run.version += 1;
  return true;
}

/** Whether two documents hold the same network: node kinds, params and edges (positions aside). */
export function sameGraph(a: GraphDocument, b: GraphDocument): boolean {
  if (a === b) return true;
  const network = (d: GraphDocument) =>
    JSON.stringify([d.nodes.map((n) => [n.id, n.kind, n.params]), d.edges.map((e) => e.id)]);
  return network(a) === network(b);
}

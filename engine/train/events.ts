import type { NodeSummary } from '../inspect/nodes.js';
import type { Diagnosis, LayerStatistics } from '../inspect/statistics.js';
import type { ProblemDetail } from '../problems.js';
import type { ExecutorTiming } from './choose-executor.js';

/** Metrics of one split in evaluation mode (no dropout, batch norm's test-time statistics). */
export interface SplitMetrics {
  /** J: mean loss plus the regularization penalty. */
  cost: number;
  /** Mean loss alone (what early stopping watches on the dev set). */
  loss: number;
  /** Share of examples classified right, or null for regression. */
  accuracy: number | null;
  m: number;
}

export interface StartEvent {
  type: 'start';
  backend: string;
  /** What runs the updates: tf.js on `backend`, or the float32 fast executor (engine/fast). */
  executor: 'tfjs' | 'fast';
  /** Milliseconds per update of each executor/backend, when the choice was measured (else empty). */
  timings: ExecutorTiming[];
  epochs: number;
  updatesPerEpoch: number;
  batchSize: number;
  m: { train: number; dev: number; test: number };
  /** Parameters of the network, counted. */
  parameterCount: number;
  notes: string[];
}

/** One mini-batch update: its cost at the parameters the gradient was taken at, penalty included. */
export interface UpdateEvent {
  type: 'update';
  /** Updates so far, from 1. */
  t: number;
  /** Epoch, from 1. */
  epoch: number;
  /** Mini-batch within the epoch, from 1. */
  batch: number;
  cost: number;
  /** Bias-corrected EWA of the costs so far (spec §7), with the Training node's β. */
  smoothedCost: number;
  lr: number;
}

export interface EpochEvent {
  type: 'epoch';
  epoch: number;
  t: number;
  train: SplitMetrics;
  dev: SplitMetrics | null;
  lr: number;
  elapsedMs: number;
}

export type StopReason = 'epochs' | 'early-stopping' | 'nan' | 'stopped' | 'error';

export interface DoneEvent {
  type: 'done';
  reason: StopReason;
  message: string;
  /**
   * The message's parts as message keys and values, for a UI in another language:
   * [{key: 'earlyStopped', params: {patience: 10, epoch: 42}}, {key: 'restoredBest', params: {epoch: 42}}].
   * A part the engine words only in English (an exception's text, the causes of a NaN) has none.
   */
  detail?: ProblemDetail[];
  epochs: number;
  updates: number;
  /** Epoch with the lowest dev loss (train loss without a dev set), from 1; null if no epoch ended. */
  bestEpoch: number | null;
  /** True when the weights were put back to the best epoch's (early stopping's restoreBest). */
  restoredBest: boolean;
  train: SplitMetrics | null;
  dev: SplitMetrics | null;
  test: SplitMetrics | null;
  elapsedMs: number;
}

/**
 * The layer inspector's figures after update t (engine/inspect; the first update and every
 * `layerStatsEvery`-th), with what they diagnose. docs/inside.md explains each figure.
 */
export interface LayersEvent {
  type: 'layers';
  t: number;
  epoch: number;
  layers: LayerStatistics[];
  diagnoses: Diagnosis[];
  /** Every node's forward mean/σ and backward gradient norm (the canvas's Step mode reads them). */
  nodes: NodeSummary[];
}

export type TrainingEvent = StartEvent | UpdateEvent | EpochEvent | LayersEvent | DoneEvent;

import type { BuiltinDataFile } from '../../engine/data/builtin-files';
import type { GraphDocument } from '../../engine/document/schema';
import type { ExportFile, ExportFormat } from '../../engine/export/files';
import type { GradCheckReport } from '../../engine/gradcheck/check';
import type { FirstLayerFilters } from '../../engine/inspect/filters';
import type { MistakesReport } from '../../engine/inspect/mistakes';
import type { LayerPictures } from '../../engine/inspect/neurons';
import type { StepCheck, StepWeights } from '../../engine/inspect/step-weights';
import type { Problem } from '../../engine/problems';
import type { SearchSpace, TrialResult } from '../../engine/search';
import type { PlotBounds } from '../../engine/train/boundary';
import type { ExecutorTiming } from '../../engine/train/choose-executor';
import type { TrainingEvent } from '../../engine/train/events';
import type { ExecutorName } from '../../engine/train/trainer';

/** The tf.js backends the app can train on, in the order the automatic choice tries them. */
export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
/** "auto" measures the candidates on the graph; "fast" is the float32 fast executor (dense graphs). */
export type BackendChoice = BackendName | 'auto' | 'fast';

/** Messages from the app to the training worker. */
export type ToWorker =
  | {
      type: 'start';
      runId: string;
      document: GraphDocument;
      backend: BackendChoice;
      seed?: number;
      /**
       * Data files the document names, opened in the app through the platform module: CSV text, or
       * files (IDX, images) by the path the document names.
       */
      files?: Record<string, string | Blob>;
      /** Built-in data sets' files the document reads (Fashion-MNIST): contents, or null when not installed. */
      builtin?: Partial<Record<BuiltinDataFile, Blob | null>>;
    }
  | { type: 'pause' }
  | { type: 'resume' }
  /** While paused: one measured update (Step mode), then paused again. */
  | { type: 'step' }
  /** In Step mode: W, dW and ΔW of one layer for the step just taken (answered by `stepWeights`). */
  | { type: 'stepWeights'; nodeId: string }
  /** In Step mode: the float64 gradient check of one layer's W on the step's mini-batch (`stepCheck`). */
  | { type: 'checkStep'; nodeId: string }
  | { type: 'stop' }
  | { type: 'setLearningRate'; value: number }
  /** Gradient checking (renderer/gradcheck/) of the document, on the CPU backend as the CLI does. */
  | {
      type: 'gradcheck';
      runId: string;
      document: GraphDocument;
      examples: number;
      files?: Record<string, string | Blob>;
      builtin?: Partial<Record<BuiltinDataFile, Blob | null>>;
    }
  /** Hyperparameter search (renderer/tuning/): trials one at a time, each result streamed back. */
  | {
      type: 'search';
      runId: string;
      document: GraphDocument;
      space: SearchSpace;
      /** Also train the document's own values, as trial 0. */
      baseline: boolean;
      backend: BackendChoice;
      files?: Record<string, string | Blob>;
      builtin?: Partial<Record<BuiltinDataFile, Blob | null>>;
    }
  /** Ends the search: no further trial starts, the one training stops. */
  | { type: 'stopSearch' }
  /** Export the network the worker just trained (kept until the next run starts). */
  | { type: 'export'; runId: string; format: ExportFormat };

/** Update events as columns, index i being the i-th update. */
export interface UpdateColumns {
  t: Float64Array;
  cost: Float64Array;
  smoothed: Float64Array;
  lr: Float64Array;
}

/** The 2-D points of the splits, for the decision-boundary plot. */
export interface PlotPoints {
  /** [m, 2] row-major. */
  x: Float32Array;
  /** Class index per point. */
  y: Float32Array;
  split: 'train' | 'dev';
}

/** Messages from the training worker to the app. */
export type FromWorker =
  | {
      type: 'backend';
      runId: string;
      /** The tf.js backend (with the fast executor: the one holding the network for boundary and export). */
      name: BackendName;
      adapter: string | null;
      notes: string[];
      /** What runs the updates. */
      executor: ExecutorName;
      /** Per-update times measured by the automatic choice (empty for an explicit choice). */
      timings: ExecutorTiming[];
    }
  | { type: 'problems'; runId: string; problems: Problem[] }
  /** Events in arrival order, batched (a few per animation frame), never one message per update. */
  | { type: 'events'; runId: string; events: TrainingEvent[] }
  /**
   * Update events packed as columns (structured clone copies typed arrays in one go, not thousands of
   * objects): every update since the last message, before any event that follows them.
   */
  | { type: 'updates'; runId: string; columns: UpdateColumns }
  | { type: 'points'; runId: string; bounds: PlotBounds; sets: PlotPoints[]; classes: number }
  | {
      type: 'boundary';
      runId: string;
      t: number;
      size: number;
      bounds: PlotBounds;
      probability: Float32Array;
      classes: Int32Array;
      /** Every hidden unit over the same grid (renderer/inspect/NeuronPictures.tsx). */
      neurons?: LayerPictures[];
    }
  /** Where the classifier goes wrong on dev and test (renderer/inspect/), after an epoch or the run. */
  | { type: 'mistakes'; runId: string; report: MistakesReport }
  /** The first convolutional layer's filters after `t` updates, sent with the mistakes. */
  | { type: 'filters'; runId: string; t: number; filters: FirstLayerFilters }
  /** One layer's matrices for the last step (null: the layer has no W, or no step was taken). */
  | { type: 'stepWeights'; runId: string; nodeId: string; weights: StepWeights | null }
  | { type: 'stepCheck'; runId: string; nodeId: string; check: StepCheck | null }
  /** The backend broke mid-run: the run is marked failed, and `next` is the backend to offer. */
  | { type: 'failed'; runId: string; backend: BackendName; message: string; next: BackendName | null }
  /** The report of a `gradcheck` request (an invalid graph answers `problems`). */
  | { type: 'gradcheck'; runId: string; name: string; report: GradCheckReport }
  /** One finished trial of a `search`. */
  | { type: 'trial'; runId: string; result: TrialResult }
  /** The search ended: all trials trained, or `stopped` by the user (a bad space answers `problems`). */
  | { type: 'searchDone'; runId: string; stopped: boolean }
  | { type: 'exported'; runId: string; format: ExportFormat; files: ExportFile[] }
  | { type: 'exportFailed'; runId: string; message: string }
  /** The worker holds its run's lifeline lock (lifeline.ts): from now on its death can be seen. */
  | { type: 'lifeline'; runId: string };

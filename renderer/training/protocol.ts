import type { GraphDocument } from '../../engine/document/schema';
import type { Problem } from '../../engine/problems';
import type { PlotBounds } from '../../engine/train/boundary';
import type { TrainingEvent } from '../../engine/train/events';

/** The tf.js backends the app can train on, in the order the automatic choice tries them. */
export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
export type BackendChoice = BackendName | 'auto';

/** Messages from the app to the training worker. */
export type ToWorker =
  | {
      type: 'start';
      runId: string;
      document: GraphDocument;
      backend: BackendChoice;
      seed?: number;
      /** Text of data files the document names (CSV), read by the app through the platform module. */
      files?: Record<string, string>;
    }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'stop' }
  | { type: 'setLearningRate'; value: number };

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
  | { type: 'backend'; runId: string; name: BackendName; adapter: string | null; notes: string[] }
  | { type: 'problems'; runId: string; problems: Problem[] }
  /** Events in arrival order, batched (a few per animation frame), never one message per update. */
  | { type: 'events'; runId: string; events: TrainingEvent[] }
  | { type: 'points'; runId: string; bounds: PlotBounds; sets: PlotPoints[]; classes: number }
  | {
      type: 'boundary';
      runId: string;
      t: number;
      size: number;
      bounds: PlotBounds;
      probability: Float32Array;
      classes: Int32Array;
    }
  /** The backend broke mid-run: the run is marked failed, and `next` is the backend to offer. */
  | { type: 'failed'; runId: string; backend: BackendName; message: string; next: BackendName | null };

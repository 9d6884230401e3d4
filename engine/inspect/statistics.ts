import type { NodeSummary } from './nodes.js';

/** Per-layer figures of one inspected update (docs/inside.md explains each). */
export interface LayerStatistics {
  /** The layer's node id. */
  id: string;
  /** Mean and standard deviation of its output over the mini-batch (every unit and position). */
  activationMean: number;
  activationStd: number;
  /**
   * The output's 0, 6.68, 15.87, 30.85, 50, 69.15, 84.13, 93.32 and 100th percentiles (TensorBoard's
   * distribution bands: the median and ±1, 2, 3 σ of a normal), from at most 512 evenly spaced values.
   */
  activationPercentiles: number[];
  /** Share of ReLU units that output 0 for every example of the batch; null without a ReLU. */
  deadFraction: number | null;
  /** Share of sigmoid/tanh outputs whose z has |z| > 4 (σ′ < 0.018, tanh′ < 0.0013); null without one. */
  saturatedFraction: number | null;
  /** ‖∂J/∂W‖ (Frobenius; all of the layer's parameters where it has no W, e.g. BatchNorm's γ, β). */
  gradNorm: number;
  /** ‖W‖ before the update. */
  weightNorm: number;
  /** ‖W_after − W_before‖ / ‖W_before‖ (α‖update‖/‖W‖); null when ‖W‖ = 0 or the step was not kept. */
  updateRatio: number | null;
  /** Every unit has the same incoming weights and bias as the first (never broken symmetry). */
  identicalUnits: boolean;
  /** BatchNorm: this batch's μ and σ² and the running averages, each averaged over the channels. */
  batchNorm?: { batchMean: number; batchVariance: number; runningMean: number; runningVariance: number };
}

/** What an inspected update measured: the layers with parameters, and every node's flow. */
export interface Inspection {
  layers: LayerStatistics[];
  nodes: NodeSummary[];
}

/** A finding about the network, as data: the renderer words it per language from code and params. */
export interface Diagnosis {
  code: DiagnosisCode;
  /** The layer it is about. */
  nodeId: string;
  /** The evidence, e.g. { ratio: 2.1e-5, last: 'output' }. */
  params: Record<string, string | number>;
  /** In English, naming the layer, the evidence and the notes' remedy. */
  message: string;
}

export type DiagnosisCode =
  | 'SYMMETRY'
  | 'VANISHING'
  | 'EXPLODING'
  | 'DEAD_RELU'
  | 'SATURATED'
  | 'UPDATE_RATIO';

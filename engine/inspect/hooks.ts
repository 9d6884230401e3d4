import type { ActivationName } from '../model/activations.js';

/**
 * What a layer kind tells the inspector (engine/inspect) about itself, so the inspector never
 * switches on kind names: the non-linearity g its output went through (dead ReLUs, saturated
 * sigmoid/tanh units), and, for a layer normalizing over the mini-batch (BatchNorm), the momentum β
 * of its running averages, which it keeps as state 0 (raw EWA of μ), 1 (raw EWA of σ²) and 2 (the
 * update count t), read bias-corrected as v/(1 − βᵗ).
 */
export interface InspectionHooks<P> {
  activation?(params: P): ActivationName;
  batchStatistics?(params: P): { momentum: number };
}

import type { Network } from '../model/network.js';

/** The update `TrainingRun.step()` took: which mini-batch, and every parameter before it. */
export interface StepRecord {
  /** The update's number, its epoch and its mini-batch within the epoch (1-based). */
  t: number;
  epoch: number;
  batch: number;
  /** The training rows of the mini-batch, in the epoch's (shuffled) order: m_b of them. */
  indices: Int32Array;
  /** Every parameter's values before the update, by id ("hidden1/W" → n[l−1]·n[l] floats). */
  before: Map<string, Float32Array>;
}

/** A copy of every parameter's current values, by id. */
export function parameterValues(network: Network): Map<string, Float32Array> {
  return new Map(network.parameters.map((p) => [p.id, Float32Array.from(p.variable.dataSync())]));
}

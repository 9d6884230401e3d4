import type { InspectionPlan } from '../../inspect/inspect.js';
import type { Inspection } from '../../inspect/statistics.js';
import type { Network } from '../../model/network.js';
import type { SplitMetrics } from '../events.js';

/** Where a run's updates happen: tf.js on its current backend, or the float32 fast executor. */
export type ExecutorName = 'tfjs' | 'fast';

export type SplitName = 'train' | 'dev' | 'test';

/** The weights (and state) at one moment, as the executor keeps them: opaque to the trainer. */
export interface ExecutorSnapshot {
  dispose(): void;
}

/**
 * What the trainer asks of whatever runs the updates (see docs/architecture.md). Both executors
 * start from the same tf.js network's initial weights, so they train the same numbers.
 */
export interface UpdateExecutor {
  readonly name: ExecutorName;
  /**
   * One update on the training rows `indices` at learning rate `lr`, with `stepSeed` for its random
   * masks. Its cost J (before the step) is kept until `readCosts`. With `inspect`, the executor keeps
   * what `layerStats` reads (the weights before the step, the pass's activations).
   */
  update(indices: Int32Array, lr: number, stepSeed: number, inspect?: boolean): void;
  /**
   * Per-layer figures of the last update, which must have been an inspected one (engine/inspect):
   * activations, dead or saturated units, ‖dW‖, ‖ΔW‖/‖W‖, BatchNorm's batch statistics; and every
   * node's forward mean/σ and backward gradient norm (null on tf.js, which keeps no such gradients).
   */
  layerStats(plan: InspectionPlan): Inspection | Promise<Inspection>;
  /** Updates whose costs have not been read yet. */
  readonly pendingCosts: number;
  /**
   * The costs of the updates since the last read, in order. Synchronous where the executor has them
   * on the host (the fast executor), a promise where they wait on a device (tf.js).
   */
  readCosts(): Float32Array | Promise<Float32Array>;
  /** Cost, loss and accuracy of a split in evaluation mode. */
  evaluate(split: SplitName): Promise<SplitMetrics>;
  snapshot(): ExecutorSnapshot;
  restore(snapshot: ExecutorSnapshot): void;
  /** The tf.js network holding the current weights (for the decision boundary and export). */
  network(): Network;
  /** Frees what the executor made (not the network it was given). */
  dispose(): void;
}

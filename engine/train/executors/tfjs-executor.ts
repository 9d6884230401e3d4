import * as tf from '@tensorflow/tfjs';
import type { TrainingPlan } from '../../compile/plan.js';
import type { DataSplits, LabeledData } from '../../data/types.js';
import type { InspectionBuffers } from '../../inspect/buffers.js';
import { type InspectionPlan, inspectBuffers } from '../../inspect/inspect.js';
import type { Inspection } from '../../inspect/statistics.js';
import { labelMatrix } from '../../model/losses.js';
import type { Network } from '../../model/network.js';
import { type DeviceSplit, evaluateSplit } from '../evaluate.js';
import type { SplitMetrics } from '../events.js';
import { createOptimizer, type SpecOptimizer } from '../optimizers.js';
import type { ExecutorSnapshot, SplitName, UpdateExecutor } from './executor.js';
import { host, hostInspection } from './tfjs-inspection.js';

/** A split on the device: x as rows [m, n[0]], y as the loss reads it. */
export function toDevice(data: LabeledData, plan: TrainingPlan): DeviceSplit {
  const labels = labelMatrix(plan.loss, data);
  return {
    x: tf.tensor2d(data.x, [data.m, data.features]),
    y: tf.tensor2d(labels.values, [data.m, labels.columns]),
    m: data.m,
    classes: data.classes,
  };
}

/** Copies of every variable of the network (parameters and state). */
class TfjsSnapshot implements ExecutorSnapshot {
  constructor(readonly weights: tf.Tensor[]) {}
  dispose(): void {
    tf.dispose(this.weights);
  }
}

/**
 * Updates with tf.js on the current backend: one gather per mini-batch, tf.variableGrads of the
 * network's cost, the spec's optimizer; costs stay on the device until read, so a GPU is not made
 * to wait after every update.
 */
export class TfjsExecutor implements UpdateExecutor {
  readonly name = 'tfjs' as const;
  private readonly optimizer: SpecOptimizer;
  private readonly splits: Record<SplitName, DeviceSplit>;
  private readonly pending: tf.Scalar[] = [];
  private readonly variables: tf.Variable[];
  /** The last inspected update's buffers, on the host. */
  private inspected: InspectionBuffers | null = null;

  constructor(
    private readonly plan: TrainingPlan,
    data: DataSplits,
    private readonly net: Network,
  ) {
    this.optimizer = createOptimizer(plan.optimizer);
    this.splits = {
      train: toDevice(data.train, plan),
      dev: toDevice(data.dev, plan),
      test: toDevice(data.test, plan),
    };
    this.variables = net.trainableVariables;
  }

  get pendingCosts(): number {
    return this.pending.length;
  }

  update(indices: Int32Array, lr: number, stepSeed: number, inspect = false): void {
    const train = this.splits.train;
    this.optimizer.learningRate = lr;
    const before = inspect ? this.variables.map(host) : [];
    const outputs = inspect ? new Map<string, tf.Tensor>() : undefined;
    let gradients: Float32Array[] = [];
    const cost = tf.tidy(() => {
      const idx = tf.tensor1d(indices, 'int32');
      const xb = tf.gather(train.x, idx);
      const yb = tf.gather(train.y, idx);
      const { value, grads } = tf.variableGrads(
        () => this.net.cost(this.plan.loss, xb, yb, train.m, true, stepSeed, outputs),
        this.variables,
      );
      if (inspect) gradients = this.variables.map((v) => host(grads[v.name]));
      this.optimizer.applyGradients(grads);
      return value;
    });
    this.pending.push(cost);
    this.inspected = outputs
      ? hostInspection(this.net, { rows: indices.length, before, gradients, outputs })
      : null;
  }

  /** The targets' figures for the last update (an inspected one), from its host copies. */
  layerStats(plan: InspectionPlan): Inspection {
    if (!this.inspected) throw new Error('The last update was not inspected.');
    return inspectBuffers(plan, this.inspected);
  }

  async readCosts(): Promise<Float32Array> {
    if (!this.pending.length) return new Float32Array(0);
    const stacked = tf.stack(this.pending);
    const values = (await stacked.data()) as Float32Array;
    stacked.dispose();
    for (const c of this.pending) c.dispose();
    this.pending.length = 0;
    return values;
  }

  evaluate(split: SplitName): Promise<SplitMetrics> {
    return evaluateSplit(this.net, this.plan.loss, this.splits[split], this.splits.train.m);
  }

  snapshot(): ExecutorSnapshot {
    return new TfjsSnapshot(this.net.snapshot());
  }

  restore(snapshot: ExecutorSnapshot): void {
    if (!(snapshot instanceof TfjsSnapshot)) throw new Error('Not a tf.js executor snapshot.');
    this.net.restore(snapshot.weights);
  }

  network(): Network {
    return this.net;
  }

  dispose(): void {
    for (const c of this.pending) c.dispose();
    this.pending.length = 0;
    for (const split of Object.values(this.splits)) tf.dispose([split.x, split.y]);
    this.optimizer.dispose();
  }
}

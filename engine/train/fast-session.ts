import * as tf from '@tensorflow/tfjs';
import type { TrainingPlan } from '../compile/plan.js';
import type { DataSplits, LabeledData } from '../data/types.js';
import { FastExecutor, type FastInputStatistics, parametersOf } from '../fast/executor.js';
import { labelMatrix } from '../model/losses.js';
import type { Network } from '../model/network.js';
import type { SplitMetrics } from './events.js';

type SplitName = 'train' | 'dev' | 'test';

interface HostSplit {
  x: Float32Array;
  labels: Float32Array;
  m: number;
  classes: number | null;
}

const hostSplit = (data: LabeledData, plan: TrainingPlan): HostSplit => ({
  x: data.x,
  labels: labelMatrix(plan.loss, data).values,
  m: data.m,
  classes: data.classes,
});

/**
 * A run's updates and evaluations on the float32 fast executor (engine/fast), with the tf.js
 * network as the copy everything else reads (decision boundary, export): `syncTo` writes the
 * executor's weights into it. Starts from the network's initial weights, so both executors train
 * the same numbers.
 */
export class FastSession {
  private readonly executor: FastExecutor;
  private readonly splits: Record<SplitName, HostSplit>;
  /** True when the executor's weights changed since the last sync into the tf.js network. */
  dirty = false;

  constructor(
    plan: TrainingPlan,
    data: DataSplits,
    network: Network,
    batchSize: number,
    statistics?: FastInputStatistics,
  ) {
    this.executor = new FastExecutor(plan, data.train, {
      batchSize,
      parameters: parametersOf(network),
      ...(statistics ? { inputStatistics: statistics } : {}),
    });
    this.splits = {
      train: hostSplit(data.train, plan),
      dev: hostSplit(data.dev, plan),
      test: hostSplit(data.test, plan),
    };
  }

  /** One update at learning rate `lr`; the cost before the step. */
  update(indices: Int32Array, lr: number): number {
    this.executor.learningRate = lr;
    this.dirty = true;
    return this.executor.update(indices);
  }

  /** Cost, loss and accuracy of a split in evaluation mode, as `evaluateSplit` computes them. */
  evaluate(name: SplitName): SplitMetrics {
    const split = this.splits[name];
    if (split.m === 0) return { cost: Number.NaN, loss: Number.NaN, accuracy: null, m: 0 };
    const sums = this.executor.evaluate(split.x, split.labels, split.m, split.classes);
    const loss = sums.lossSum / split.m;
    return {
      cost: loss + this.executor.penalty(),
      loss,
      accuracy: sums.correct === null ? null : sums.correct / split.m,
      m: split.m,
    };
  }

  snapshot(): Float32Array[] {
    return this.executor.snapshot();
  }

  restore(values: readonly Float32Array[]): void {
    this.executor.setParameters(values);
    this.dirty = true;
  }

  /** Writes the executor's weights into the tf.js network's variables. */
  syncTo(network: Network): void {
    const values = this.executor.parameters();
    tf.tidy(() => {
      network.parameters.forEach((p, i) => {
        const v = values[i];
        if (!v || v.id !== p.id) throw new Error(`Parameter ${p.id} is not the fast executor's ${v?.id}.`);
        p.variable.assign(tf.tensor(v.values, p.variable.shape, 'float32'));
      });
    });
    this.dirty = false;
  }
}

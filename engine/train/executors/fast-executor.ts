import * as tf from '@tensorflow/tfjs';
import type { TrainingPlan } from '../../compile/plan.js';
import type { DataSplits, LabeledData } from '../../data/types.js';
import {
  FastExecutor,
  type FastInputStatistics,
  type FastValues,
  parametersOf,
  stateOf,
} from '../../fast/executor.js';
import type { SpawnKernelHelper } from '../../fast/wasm/parallel.js';
import { type InspectionPlan, inspectBuffers } from '../../inspect/inspect.js';
import type { Inspection } from '../../inspect/statistics.js';
import { labelMatrix } from '../../model/losses.js';
import type { Network } from '../../model/network.js';
import type { SplitMetrics } from '../events.js';
import type { ExecutorSnapshot, SplitName, UpdateExecutor } from './executor.js';

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

class FastSnapshot implements ExecutorSnapshot {
  constructor(readonly values: FastValues) {}
  dispose(): void {}
}

/**
 * A run's updates and evaluations on the float32 fast executor (engine/fast), with the tf.js
 * network as the copy everything else reads (decision boundary, export): `network()` writes the
 * executor's weights into it when they changed. Starts from the network's initial weights, so both
 * executors train the same numbers.
 */
export class FastUpdateExecutor implements UpdateExecutor {
  readonly name = 'fast' as const;
  private readonly executor: FastExecutor;
  private readonly splits: Record<SplitName, HostSplit>;
  private costs = new Float32Array(64);
  private count = 0;
  /** True when the executor's weights changed since the last sync into the tf.js network. */
  private dirty = false;

  constructor(
    plan: TrainingPlan,
    data: DataSplits,
    private readonly net: Network,
    batchSize: number,
    statistics?: FastInputStatistics,
    helper?: SpawnKernelHelper,
  ) {
    this.executor = new FastExecutor(plan, data.train, {
      batchSize,
      parameters: parametersOf(net),
      state: stateOf(net),
      ...(statistics ? { inputStatistics: statistics } : {}),
      ...(helper ? { helper } : {}),
    });
    this.splits = {
      train: hostSplit(data.train, plan),
      dev: hostSplit(data.dev, plan),
      test: hostSplit(data.test, plan),
    };
  }

  /** Threads sharing the large matrix products: 2 where a helper was given and shared memory works. */
  get threads(): number {
    return this.executor.kernels.threads;
  }

  get pendingCosts(): number {
    return this.count;
  }

  update(indices: Int32Array, lr: number, stepSeed = 0, inspect = false): void {
    this.executor.learningRate = lr;
    this.dirty = true;
    if (this.count === this.costs.length) {
      const grown = new Float32Array(this.costs.length * 2);
      grown.set(this.costs);
      this.costs = grown;
    }
    this.costs[this.count++] = this.executor.update(indices, stepSeed, inspect);
  }

  /** The targets' figures for the last update, measured in place on the executor's buffers. */
  layerStats(plan: InspectionPlan): Inspection {
    return inspectBuffers(plan, this.executor.inspection());
  }

  readCosts(): Float32Array {
    const out = this.costs.slice(0, this.count);
    this.count = 0;
    return out;
  }

  /** Cost, loss and accuracy of a split in evaluation mode, as `evaluateSplit` computes them. */
  evaluate(name: SplitName): Promise<SplitMetrics> {
    const split = this.splits[name];
    if (split.m === 0) return Promise.resolve({ cost: Number.NaN, loss: Number.NaN, accuracy: null, m: 0 });
    const sums = this.executor.evaluate(split.x, split.labels, split.m, split.classes);
    const loss = sums.lossSum / split.m;
    return Promise.resolve({
      cost: loss + this.executor.penalty(),
      loss,
      accuracy: sums.correct === null ? null : sums.correct / split.m,
      m: split.m,
    });
  }

  snapshot(): ExecutorSnapshot {
    return new FastSnapshot(this.executor.snapshot());
  }

  restore(snapshot: ExecutorSnapshot): void {
    if (!(snapshot instanceof FastSnapshot)) throw new Error('Not a fast executor snapshot.');
    this.executor.restore(snapshot.values);
    this.dirty = true;
  }

  /**
   * The tf.js network, with the executor's weights and layer state (BatchNorm's moving averages)
   * written into its variables first if they moved.
   */
  network(): Network {
    if (!this.dirty) return this.net;
    const values = this.executor.parameters();
    const state = this.executor.layerState();
    tf.tidy(() => {
      this.net.parameters.forEach((p, i) => {
        const v = values[i];
        if (!v || v.id !== p.id) throw new Error(`Parameter ${p.id} is not the fast executor's ${v?.id}.`);
        p.variable.assign(tf.tensor(v.values, p.variable.shape, 'float32'));
      });
      this.net.layers.forEach((layer, i) => {
        layer.state.forEach((variable, k) => {
          const v = state[i]?.[k];
          if (!v) throw new Error(`State ${k} of ${layer.nodeId} is not on the fast executor.`);
          variable.assign(tf.tensor(v, variable.shape, 'float32'));
        });
      });
    });
    this.dirty = false;
    return this.net;
  }

  dispose(): void {}
}

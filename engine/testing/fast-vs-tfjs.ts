import * as tf from '@tensorflow/tfjs';
import type { TrainingPlan } from '../compile/plan.js';
import type { LabeledData } from '../data/types.js';
import { FastExecutor, parametersOf, stateOf } from '../fast/executor.js';
import type { KernelChoice } from '../fast/kernels.js';
import { labelMatrix } from '../model/losses.js';
import { Network } from '../model/network.js';
import { createRandom, mixSeeds, permutation } from '../random.js';
import { createOptimizer } from '../train/optimizers.js';
import { featureStatistics } from '../train/statistics.js';

/**
 * Test-only: trains one plan on the fast executor and on tf.js (the current backend) from the same
 * initial weights, over the same mini-batches and step seeds (so dropout and augmentation draw the
 * same numbers), and reports how far apart they are after each update.
 */

/** Worst differences seen, each |fast − tf.js| / max(1, largest |tf.js value| of that quantity). */
export interface Agreement {
  cost: number;
  /** Over every parameter tensor. */
  weights: number;
  /** Over every state tensor (batch norm's moving averages and update count). */
  state: number;
  /** Of the training split's cost in evaluation mode after the last update (test-time statistics). */
  evaluation: number;
  /** Costs of the tf.js side, one per update. */
  costs: number[];
}

export interface CompareOptions {
  updates: number;
  batchSize: number;
  kernels: KernelChoice;
  /** Seeds the initial weights, the shuffle and the step seeds. */
  seed?: number;
}

/** |a − b| over max(1, max |b|): relative to the tensor's scale, absolute below 1. */
function scaledError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  let scale = 1;
  for (let i = 0; i < b.length; i++) {
    worst = Math.max(worst, Math.abs((a[i] as number) - (b[i] as number)));
    scale = Math.max(scale, Math.abs(b[i] as number));
  }
  // NaN on either side is a disagreement, never a pass.
  return Number.isNaN(worst) ? Number.POSITIVE_INFINITY : worst / scale;
}

export function compareExecutors(plan: TrainingPlan, train: LabeledData, options: CompareOptions): Agreement {
  const seed = options.seed ?? 1;
  const stats = plan.needsInputStatistics ? featureStatistics(train) : undefined;
  const network = Network.fromPlan(plan, {
    random: createRandom(seed),
    ...(stats ? { inputStatistics: stats } : {}),
  });
  const fast = new FastExecutor(plan, train, {
    batchSize: options.batchSize,
    parameters: parametersOf(network),
    state: stateOf(network),
    kernels: options.kernels,
    ...(stats ? { inputStatistics: stats } : {}),
  });
  const optimizer = createOptimizer(plan.optimizer);
  const labels = labelMatrix(plan.loss, train);
  const x = tf.tensor2d(train.x, [train.m, train.features]);
  const y = tf.tensor2d(labels.values, [train.m, labels.columns]);
  const state = network.layers.flatMap((l) => l.state);
  const fastState = fast.layerState().flat();
  const agreement: Agreement = { cost: 0, weights: 0, state: 0, evaluation: 0, costs: [] };
  const shuffle = createRandom(mixSeeds(seed, 1));
  let order = permutation(train.m, shuffle);
  let at = 0;
  for (let t = 1; t <= options.updates; t++) {
    if (at >= train.m) {
      order = permutation(train.m, shuffle);
      at = 0;
    }
    const indices = order.subarray(at, Math.min(at + options.batchSize, train.m));
    at += options.batchSize;
    const stepSeed = mixSeeds(seed, t);
    const expected = tf.tidy(() => {
      const idx = tf.tensor1d(indices, 'int32');
      const { value, grads } = tf.variableGrads(
        () => network.cost(plan.loss, tf.gather(x, idx), tf.gather(y, idx), train.m, true, stepSeed),
        network.trainableVariables,
      );
      optimizer.applyGradients(grads);
      return value.dataSync()[0] as number;
    });
    const cost = fast.update(indices, stepSeed);
    agreement.costs.push(expected);
    agreement.cost = Math.max(agreement.cost, scaledError([cost], [expected]));
    const ours = fast.parameters();
    network.parameters.forEach((p, i) => {
      agreement.weights = Math.max(
        agreement.weights,
        scaledError(ours[i]?.values ?? [], p.variable.dataSync()),
      );
    });
    state.forEach((v, i) => {
      agreement.state = Math.max(agreement.state, scaledError(fastState[i] ?? [], v.dataSync()));
    });
  }
  const evaluated = tf.tidy(() => network.cost(plan.loss, x, y, train.m, false).dataSync()[0] as number);
  const sums = fast.evaluate(train.x, labels.values, train.m, train.classes);
  agreement.evaluation = scaledError([sums.lossSum / train.m + fast.penalty()], [evaluated]);
  tf.dispose([x, y]);
  optimizer.dispose();
  network.dispose();
  return agreement;
}

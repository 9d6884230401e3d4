import type { PreparedRun } from '../compile/prepare.js';
import { prepareRun } from '../compile/prepare.js';
import { type SequentialSpec, sequentialDocument } from '../document/build.js';
import { Network } from '../model/network.js';
import { createRandom } from '../random.js';
import { featureStatistics } from '../train/statistics.js';
import { checkBatch } from './batch.js';
import type { GradCheckBatch, InputStatistics } from './reference.js';

const moons = { source: { kind: 'generator', name: 'moons', n: 200, noise: 0.2 } };
const blobs = { source: { kind: 'generator', name: 'blobs', n: 200, centers: 3 } };
const wave = {
  source: {
    kind: 'inline',
    task: 'regression',
    x: Array.from({ length: 60 }, (_, i) => [i / 20 - 1.5, Math.sin(i)]),
    y: Array.from({ length: 60 }, (_, i) => Math.cos(i / 7)),
  },
};
const dense = (units: number, activation: string, extra: Record<string, unknown> = {}) => ({
  kind: 'Dense',
  params: { units, activation, ...extra },
});

/**
 * The graphs the gradient check is tested on: every layer kind, activation, loss and penalty, straight
 * chains, a residual block, branches joined, and a convolutional network. Each is a sequentialDocument
 * spec; `checkable` prepares it with seeded weights.
 */
export const TEST_GRAPHS: Record<string, Omit<SequentialSpec, 'training'>> = {
  'relu stack with L2 and L1': {
    dataset: moons,
    layers: [dense(6, 'relu', { l2: 0.7 }), dense(4, 'relu', { l1: 0.3 }), dense(1, 'sigmoid', { l2: 0.5 })],
  },
  'tanh stack with L2, L1 and a bias-free layer': {
    dataset: moons,
    layers: [
      dense(6, 'tanh', { l2: 0.7, l1: 0.2, initializer: 'xavier' }),
      dense(4, 'tanh', { useBias: false, initializer: 'xavier' }),
      dense(1, 'sigmoid', { l2: 0.5 }),
    ],
  },
  'sigmoid stack with L2': {
    dataset: moons,
    layers: [dense(6, 'sigmoid', { l2: 0.4 }), dense(4, 'sigmoid', { l2: 0.4 }), dense(1, 'sigmoid')],
  },
  'leakyRelu and linear Dense, Activation nodes, sigmoid from an Activation node': {
    dataset: moons,
    layers: [
      dense(6, 'leakyRelu', { leakyAlpha: 0.1 }),
      { kind: 'Activation', params: { fn: 'tanh' } },
      dense(4, 'linear', { l1: 0.5 }),
      { kind: 'Activation', params: { fn: 'leakyRelu', alpha: 0.2 } },
      dense(1, 'linear'),
      { kind: 'Activation', params: { fn: 'sigmoid' } },
    ],
  },
  'BatchNorm (the Dense before it loses b)': {
    dataset: moons,
    layers: [
      dense(5, 'linear', { l2: 0.3 }),
      { kind: 'BatchNorm' },
      { kind: 'Activation', params: { fn: 'relu' } },
      dense(4, 'tanh'),
      { kind: 'BatchNorm', params: { epsilon: 0.001 } },
      dense(1, 'sigmoid'),
    ],
  },
  'Softmax over 3 blobs with categorical cross-entropy': {
    dataset: blobs,
    layers: [dense(6, 'tanh', { l2: 0.1 }), dense(3, 'linear'), { kind: 'Softmax' }],
    loss: { fn: 'categoricalCrossEntropy' },
  },
  'mean squared error on a regression target, with Dropout': {
    dataset: wave,
    layers: [
      dense(8, 'tanh', { l2: 0.2 }),
      { kind: 'Dropout', params: { keepProb: 0.5 } },
      dense(1, 'linear'),
    ],
    loss: { fn: 'meanSquaredError' },
  },
  'mean squared error through a Softmax (its full Jacobian)': {
    dataset: blobs,
    layers: [dense(6, 'relu'), dense(3, 'linear'), { kind: 'Softmax' }],
    loss: { fn: 'meanSquaredError' },
  },
  'Normalize on features of scale 1 and 1000': {
    dataset: { source: { kind: 'generator', name: 'scaled', n: 200 } },
    layers: [{ kind: 'Normalize' }, dense(6, 'relu', { l2: 0.2 }), dense(1, 'sigmoid')],
  },
  'digits: Augment, Normalize, Dropout, BatchNorm and Softmax together': {
    dataset: { source: { kind: 'builtin', name: 'digits' } },
    layers: [
      { kind: 'Augment' },
      { kind: 'Normalize' },
      dense(12, 'relu', { l2: 1 }),
      { kind: 'Dropout', params: { keepProb: 0.8 } },
      dense(8, 'linear'),
      { kind: 'BatchNorm' },
      { kind: 'Activation', params: { fn: 'tanh' } },
      dense(10, 'linear'),
      { kind: 'Softmax' },
    ],
    loss: { fn: 'categoricalCrossEntropy' },
  },
  'residual block: Add with a skip (dense1 feeds the block and the Add)': {
    dataset: moons,
    layers: [
      dense(6, 'tanh', { initializer: 'xavier' }),
      { ...dense(6, 'relu', { l2: 0.3 }), row: 1 },
      { ...dense(6, 'linear'), row: 1 },
      { kind: 'Add', inputs: ['dense3', 'dense1'] },
      { kind: 'Activation', params: { fn: 'tanh' } },
      dense(1, 'sigmoid'),
    ],
  },
  'Concatenate of two branches from one layer, one of them normalized': {
    dataset: blobs,
    layers: [
      dense(6, 'tanh', { initializer: 'xavier' }),
      { ...dense(4, 'relu', { l1: 0.2 }), inputs: ['dense1'], row: 1 },
      { ...dense(3, 'linear'), inputs: ['dense1'], row: 2 },
      { kind: 'BatchNorm', row: 2 },
      { kind: 'Concatenate', inputs: ['dense2', 'batchnorm1'] },
      dense(3, 'linear'),
      { kind: 'Softmax' },
    ],
    loss: { fn: 'categoricalCrossEntropy' },
  },
  'CNN on 8×8×1 digits: Conv2D same and valid/2, BatchNorm, max and same-padded average pooling': {
    dataset: { source: { kind: 'builtin', name: 'digits' } },
    layers: [
      { kind: 'Normalize' },
      // [8, 8, 1] → [8, 8, 2]; linear, so the BatchNorm after it takes over its bias.
      {
        kind: 'Conv2D',
        params: { filters: 2, kernelSize: 3, padding: 'same', activation: 'linear', l2: 0.5 },
      },
      { kind: 'BatchNorm' },
      { kind: 'Activation', params: { fn: 'relu' } },
      // ⌈(8 − 2 + 1)/2⌉ = 4: [4, 4, 3].
      {
        kind: 'Conv2D',
        params: { filters: 3, kernelSize: 2, stride: 2, padding: 'valid', activation: 'tanh' },
      },
      // [3, 3, 3], then ⌈3/2⌉ = 2 with one padded row and column after: [2, 2, 3].
      { kind: 'MaxPool2D', params: { poolSize: 2, stride: 1, padding: 'valid' } },
      { kind: 'AveragePool2D', params: { poolSize: 2, stride: 2, padding: 'same' } },
      { kind: 'Flatten' },
      dense(10, 'linear'),
      { kind: 'Softmax' },
    ],
    loss: { fn: 'categoricalCrossEntropy' },
  },
};

/** A graph ready to check: its plan and splits, a seeded network, a batch and Normalize's μ, σ. */
export interface Checkable extends PreparedRun {
  network: Network;
  batch: GradCheckBatch;
  inputStatistics?: InputStatistics;
}

/** Prepares a sequentialDocument spec for the check: `examples` training rows, weights seeded by `seed`. */
export async function checkable(
  spec: Omit<SequentialSpec, 'training'>,
  examples = 32,
  seed = 1,
): Promise<Checkable> {
  const prepared = await prepareRun(sequentialDocument({ ...spec, training: { batchMode: 'full' } }));
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
  const { plan, splits } = prepared.value;
  const stats = plan.needsInputStatistics ? featureStatistics(splits.train) : undefined;
  const network = Network.fromPlan(plan, {
    random: createRandom(seed),
    ...(stats ? { inputStatistics: stats } : {}),
  });
  return {
    plan,
    splits,
    network,
    batch: checkBatch(plan, splits.train, examples),
    ...(stats ? { inputStatistics: stats } : {}),
  };
}

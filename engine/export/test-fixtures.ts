import * as tf from '@tensorflow/tfjs';
import { prepareRun } from '../compile/prepare.js';
import { type SequentialSpec, sequentialDocument } from '../document/build.js';
import { TrainingRun } from '../train/trainer.js';

/** Networks the export tests train briefly, covering every exported op between them. */
export const EXPORT_FIXTURES: Record<string, SequentialSpec> = {
  // Normalize, Dense without bias before BatchNorm, tanh, Dropout, Softmax over 3 classes.
  softmaxBatchNorm: {
    name: 'blobs with batch norm',
    dataset: { source: { kind: 'generator', name: 'blobs', n: 300, centers: 3 } },
    layers: [
      { kind: 'Normalize' },
      { kind: 'Dense', params: { units: 16, activation: 'linear' } },
      { kind: 'BatchNorm' },
      { kind: 'Activation', params: { fn: 'tanh' } },
      { kind: 'Dropout', params: { keepProb: 0.9 } },
      { kind: 'Dense', params: { units: 3, activation: 'linear' } },
      { kind: 'Softmax' },
    ],
    loss: { fn: 'categoricalCrossEntropy' },
    optimizer: { algorithm: 'momentum', learningRate: 0.1, beta: 0.9 },
    training: { batchSize: 32, epochs: 3 },
  },
  // Leaky ReLU and ReLU on their own nodes, a sigmoid output, L2, Adam with a schedule.
  binaryLeaky: {
    name: 'moons leaky',
    dataset: { source: { kind: 'generator', name: 'moons', n: 200, noise: 0.2 } },
    layers: [
      { kind: 'Normalize' },
      { kind: 'Dense', params: { units: 8, activation: 'leakyRelu', leakyAlpha: 0.1, l2: 0.01 } },
      { kind: 'Dense', params: { units: 6, activation: 'linear' } },
      { kind: 'Activation', params: { fn: 'relu' } },
      { kind: 'Dense', params: { units: 1, activation: 'sigmoid' } },
    ],
    loss: { fn: 'binaryCrossEntropy' },
    optimizer: { algorithm: 'adam', learningRate: 0.02 },
    schedule: { kind: 'inverseTime', decayRate: 0.5 },
    training: { batchSize: 50, epochs: 4 },
  },
  // Images: Augment (training only: shifts and flips), Dropout, Softmax over the 10 digits.
  digitsAugment: {
    name: 'digits augmented',
    dataset: { source: { kind: 'builtin', name: 'digits' } },
    layers: [
      { kind: 'Augment', params: { maxShift: 1, flipHorizontal: true } },
      { kind: 'Normalize' },
      { kind: 'Dense', params: { units: 12, activation: 'relu' } },
      { kind: 'Dropout', params: { keepProb: 0.8 } },
      { kind: 'Dense', params: { units: 10, activation: 'linear' } },
      { kind: 'Softmax' },
    ],
    loss: { fn: 'categoricalCrossEntropy' },
    training: { batchSize: 128, epochs: 1 },
  },
  // A residual block (Dense → Dense → Add with the stem's skip, then ReLU) beside a tanh branch
  // straight from Normalize, joined by Concatenate: fan-out, merges, a DAG.
  residualConcat: {
    name: 'residual with a concatenated branch',
    dataset: { source: { kind: 'generator', name: 'blobs', n: 300, centers: 3 } },
    layers: [
      { kind: 'Normalize' },
      { kind: 'Dense', id: 'stem', params: { units: 8, activation: 'relu' } },
      { kind: 'Dense', id: 'block1', params: { units: 8, activation: 'relu' } },
      { kind: 'Dense', id: 'block2', params: { units: 8, activation: 'linear' } },
      { kind: 'Add', id: 'skip', inputs: ['block2', 'stem'] },
      { kind: 'Activation', id: 'relu', params: { fn: 'relu' } },
      { kind: 'Dense', id: 'side', inputs: ['normalize1'], params: { units: 4, activation: 'tanh' }, row: 1 },
      { kind: 'Concatenate', id: 'join', inputs: ['relu', 'side'] },
      { kind: 'Dense', id: 'out', params: { units: 3, activation: 'linear' } },
      { kind: 'Softmax' },
    ],
    loss: { fn: 'categoricalCrossEntropy' },
    optimizer: { algorithm: 'adam', learningRate: 0.01 },
    training: { batchSize: 32, epochs: 2 },
  },
  // A small CNN on the 8×8 digits. Shapes: conv1 same [8, 8, 4] (no bias: BatchNorm follows, per
  // channel) → pool1 [4, 4, 4]; conv2 same [4, 4, 4]; conv3 valid, stride 2: ⌈(8 − 2 + 1)/2⌉ = 4 →
  // [4, 4, 4]; Add of the three; Concatenate with pool1 → [4, 4, 8]; AveragePool2D 3×3 /2 same →
  // [2, 2, 8], its padding (2 − 1)·2 + 3 − 4 = 1 all after (windows at the edge average 6 real
  // cells, not 9); Flatten [32] → Dense 10 → Softmax.
  digitsCnn: {
    name: 'digits CNN',
    // 20 % for training (359 digits: three updates of 128, a few seconds on tf.js's CPU backend).
    dataset: { source: { kind: 'builtin', name: 'digits' }, split: { dev: 0.1, test: 0.7 } },
    layers: [
      { kind: 'Normalize' },
      { kind: 'Conv2D', id: 'conv1', params: { filters: 4, kernelSize: 3, activation: 'linear' } },
      { kind: 'BatchNorm' },
      { kind: 'Activation', id: 'relu1', params: { fn: 'relu' } },
      { kind: 'MaxPool2D', id: 'pool1', params: { poolSize: 2, stride: 2 } },
      { kind: 'Conv2D', id: 'conv2', params: { filters: 4, kernelSize: 3 } },
      {
        kind: 'Conv2D',
        id: 'conv3',
        inputs: ['relu1'],
        params: { filters: 4, kernelSize: 2, stride: 2, padding: 'valid', activation: 'tanh' },
        row: 1,
      },
      { kind: 'Add', id: 'sum', inputs: ['conv2', 'pool1', 'conv3'] },
      { kind: 'Concatenate', id: 'join', inputs: ['sum', 'pool1'] },
      { kind: 'AveragePool2D', id: 'pool2', params: { poolSize: 3, stride: 2, padding: 'same' } },
      { kind: 'Flatten' },
      { kind: 'Dense', params: { units: 10, activation: 'linear' } },
      { kind: 'Softmax' },
    ],
    loss: { fn: 'categoricalCrossEntropy' },
    optimizer: { algorithm: 'adam', learningRate: 0.01 },
    training: { batchSize: 128, epochs: 1 },
  },
  // Regression: sigmoid hidden layer, no Normalize, RMSprop, a linear output and mean squared error.
  regression: {
    name: 'regression',
    dataset: { source: { kind: 'generator', name: 'circles', n: 200, noise: 0.05, factor: 0.5 } },
    layers: [
      { kind: 'Dense', params: { units: 5, activation: 'sigmoid' } },
      { kind: 'Dense', params: { units: 1, activation: 'linear' } },
    ],
    loss: { fn: 'meanSquaredError' },
    optimizer: { algorithm: 'rmsprop', learningRate: 0.01 },
    training: { batchSize: 40, epochs: 2 },
  },
};

/** Trains a fixture a few epochs on the CPU backend; the caller disposes `run`. */
export async function trainFixture(spec: SequentialSpec) {
  const prepared = await prepareRun(sequentialDocument(spec));
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
  const { plan, splits } = prepared.value;
  const run = new TrainingRun(plan, splits);
  await run.start();
  const x = splits.test.m ? splits.test : splits.train;
  const inputs = tf.tensor2d(x.x, [x.m, x.features]);
  const predicted = run.network.predict(inputs);
  const expected = Float32Array.from(await predicted.data());
  const shape = predicted.shape as [number, number];
  tf.dispose([inputs, predicted]);
  return { run, plan, splits, inputs: x.x, m: x.m, features: x.features, expected, shape };
}

/** The largest |a − b| over two equally long arrays. */
export function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`Lengths differ: ${a.length} vs ${b.length}.`);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs((a[i] as number) - (b[i] as number)));
  return worst;
}

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

import { describe, expect, it } from 'vitest';
import { prepareRun } from '../compile/prepare.js';
import { type LayerSpec, sequentialDocument } from '../document/build.js';
import { compareExecutors } from '../testing/fast-vs-tfjs.js';
import { type KernelChoice, simdAvailable } from './kernels.js';

/**
 * The fast executor against tf.js on graphs that are not chains of dense layers: a residual block (a
 * fan-out summed back by Add), a Concatenate of branches, a small CNN, with batch norm and dropout on
 * the way. Same initial weights, batches and step seeds; costs, weights, batch-norm state and the
 * evaluation cost within 2e-5 of the tensor's scale (see fast-vs-tfjs.ts) after each update.
 * Measured: at most 4e-7 on every graph, JS and SIMD kernels alike.
 */
const TOLERANCE = 2e-5;
const KERNELS: KernelChoice[] = simdAvailable() ? ['js', 'simd'] : ['js'];

const moons = {
  source: { kind: 'generator', name: 'moons', n: 200, noise: 0.2 },
  split: { dev: 0, test: 0 },
};
const digits = { source: { kind: 'builtin', name: 'digits' }, split: { dev: 0, test: 0 } };

const graphs: {
  name: string;
  batch: number;
  updates: number;
  spec: Parameters<typeof sequentialDocument>[0];
}[] = [
  {
    name: 'a residual block with batch norm and dropout on moons, Adam',
    batch: 32,
    updates: 12,
    spec: {
      dataset: moons,
      layers: [
        { kind: 'Dense', id: 'stem', params: { units: 16, activation: 'relu' } },
        { kind: 'Dense', id: 'a', params: { units: 16, activation: 'linear' } },
        { kind: 'BatchNorm', id: 'bn' },
        { kind: 'Activation', id: 'relu', params: { fn: 'relu' } },
        { kind: 'Dense', id: 'b', params: { units: 16, activation: 'linear' } },
        { kind: 'Add', id: 'add', inputs: ['stem', 'b'] },
        { kind: 'Activation', id: 'g', params: { fn: 'tanh' } },
        { kind: 'Dropout', id: 'drop', params: { keepProb: 0.8 } },
        { kind: 'Dense', id: 'out', params: { units: 1, activation: 'sigmoid' } },
      ],
      loss: { fn: 'binaryCrossEntropy' },
      optimizer: { algorithm: 'adam', learningRate: 0.01 },
    },
  },
  {
    name: 'a Concatenate of two branches and the normalized input on digits, momentum',
    batch: 48,
    updates: 10,
    spec: {
      dataset: digits,
      layers: [
        { kind: 'Normalize', id: 'norm' },
        { kind: 'Flatten', id: 'flat' },
        { kind: 'Dense', id: 'left', params: { units: 12, activation: 'tanh' } },
        { kind: 'Dense', id: 'right', inputs: ['flat'], params: { units: 8, activation: 'relu' } },
        { kind: 'Dense', id: 'right2', params: { units: 6, activation: 'leakyRelu', l2: 0.5 } },
        { kind: 'Concatenate', id: 'cat', inputs: ['left', 'right2', 'flat'] },
        { kind: 'Dense', id: 'logits', params: { units: 10, activation: 'linear', l1: 0.1 } },
        { kind: 'Softmax', id: 'softmax' },
      ] satisfies LayerSpec[],
      loss: { fn: 'categoricalCrossEntropy' },
      optimizer: { algorithm: 'momentum', learningRate: 0.05, beta: 0.9 },
    },
  },
  {
    name: 'a small CNN on the 8×8 digits (conv same + BatchNorm, max pool, conv valid /2, average pool same), Adam',
    batch: 32,
    updates: 8,
    spec: {
      dataset: digits,
      layers: [
        {
          kind: 'Conv2D',
          id: 'conv1',
          params: { filters: 4, kernelSize: 3, padding: 'same', activation: 'linear' },
        },
        { kind: 'BatchNorm', id: 'bn' },
        { kind: 'Activation', id: 'relu', params: { fn: 'relu' } },
        { kind: 'MaxPool2D', id: 'max', params: { poolSize: 2, stride: 2, padding: 'valid' } },
        {
          kind: 'Conv2D',
          id: 'conv2',
          params: { filters: 6, kernelSize: 2, stride: 2, padding: 'valid', activation: 'tanh', l2: 0.3 },
        },
        { kind: 'AveragePool2D', id: 'avg', params: { poolSize: 3, stride: 1, padding: 'same' } },
        { kind: 'Flatten', id: 'flat' },
        { kind: 'Dropout', id: 'drop', params: { keepProb: 0.9 } },
        { kind: 'Dense', id: 'logits', params: { units: 10, activation: 'linear' } },
        { kind: 'Softmax', id: 'softmax' },
      ],
      loss: { fn: 'categoricalCrossEntropy' },
      optimizer: { algorithm: 'adam', learningRate: 0.01 },
    },
  },
];

describe('the fast executor matches tf.js on branching graphs', () => {
  for (const g of graphs) {
    for (const kernels of KERNELS) {
      it(`${g.name} (${kernels} kernels)`, async () => {
        const prepared = await prepareRun(sequentialDocument(g.spec));
        if (!prepared.ok) throw new Error(prepared.problems.map((p) => p.message).join('; '));
        const { plan, splits } = prepared.value;
        const agreement = compareExecutors(plan, splits.train, {
          updates: g.updates,
          batchSize: g.batch,
          kernels,
        });
        expect(agreement.costs.every(Number.isFinite)).toBe(true);
        expect(agreement.cost).toBeLessThan(TOLERANCE);
        expect(agreement.weights).toBeLessThan(TOLERANCE);
        expect(agreement.state).toBeLessThan(TOLERANCE);
        expect(agreement.evaluation).toBeLessThan(TOLERANCE);
      });
    }
  }
});

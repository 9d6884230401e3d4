import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { prepareRun } from '../compile/prepare.js';
import { type SequentialSpec, sequentialDocument } from '../document/build.js';
import { labelMatrix } from '../model/losses.js';
import { Network } from '../model/network.js';
import { createRandom, mixSeeds, permutation } from '../random.js';
import { createOptimizer } from '../train/optimizers.js';
import { featureStatistics } from '../train/statistics.js';
import { FastExecutor, type FastExecutorOptions, parametersOf, supportsFast } from './executor.js';
import { simdAvailable } from './kernels.js';

/** Relative tolerance of costs and weights after every update (float32 on both sides). */
const TOLERANCE = 1e-4;

const dense = (units: number, activation = 'relu', extra: Record<string, unknown> = {}) => ({
  kind: 'Dense',
  params: { units, activation, ...extra },
});
const moons = {
  source: { kind: 'generator', name: 'moons', n: 300, noise: 0.2 },
  split: { dev: 0, test: 0 },
};
const digits = { source: { kind: 'builtin', name: 'digits' }, split: { dev: 0, test: 0 } };

const cases: { name: string; spec: SequentialSpec; batch: number; tolerance?: number }[] = [
  {
    name: "notes' [2, 5, 2, 1] on moons, Adam, m_b 64",
    batch: 64,
    spec: {
      dataset: moons,
      layers: [dense(5), dense(2), dense(1, 'sigmoid')],
      loss: { fn: 'binaryCrossEntropy' },
      optimizer: { algorithm: 'adam', learningRate: 0.01 },
    },
  },
  {
    name: 'digits softmax [64, 25, 12, 10], momentum, m_b 32',
    batch: 32,
    spec: {
      dataset: digits,
      layers: [dense(25), dense(12), dense(10, 'linear'), { kind: 'Softmax' }],
      loss: { fn: 'categoricalCrossEntropy' },
      optimizer: { algorithm: 'momentum', learningRate: 0.05, beta: 0.9 },
    },
  },
  {
    name: 'MSE with L2 and L1, tanh/leakyRelu, no bias, GD, m_b 50',
    batch: 50,
    spec: {
      dataset: moons,
      layers: [
        dense(8, 'tanh', { l2: 0.5, initializer: 'xavier' }),
        dense(6, 'linear', { useBias: false, l1: 0.1 }),
        { kind: 'Activation', params: { fn: 'leakyRelu', alpha: 0.1 } },
        dense(1, 'sigmoid', { l2: 0.2 }),
      ],
      loss: { fn: 'meanSquaredError' },
      optimizer: { algorithm: 'gd', learningRate: 0.5 },
    },
  },
  {
    name: 'Normalize → digits, RMSprop, m_b 64',
    batch: 64,
    spec: {
      dataset: digits,
      layers: [{ kind: 'Normalize' }, dense(16, 'relu', { l2: 1 }), dense(10, 'linear'), { kind: 'Softmax' }],
      loss: { fn: 'categoricalCrossEntropy' },
      optimizer: { algorithm: 'rmsprop', learningRate: 0.002, beta2: 0.9, epsilon: 1e-8 },
    },
  },
  {
    name: 'Normalize → moons, sigmoid Activation output, GD, m_b 32',
    batch: 32,
    spec: {
      dataset: moons,
      layers: [
        { kind: 'Normalize' },
        dense(6, 'relu'),
        dense(1, 'linear'),
        { kind: 'Activation', params: { fn: 'sigmoid' } },
      ],
      loss: { fn: 'binaryCrossEntropy' },
      optimizer: { algorithm: 'gd', learningRate: 0.3 },
    },
  },
  {
    // Saturated sigmoid units and MSE through softmax give gradients near √ε, where Adam's dW/√(S + ε)
    // turns float32 rounding of dW into visible step differences: the same graph under GD matches to 2e-7.
    name: 'softmax with MSE, Adam, m_b 40',
    batch: 40,
    tolerance: 1e-3,
    spec: {
      dataset: digits,
      layers: [dense(12, 'sigmoid'), dense(10, 'linear'), { kind: 'Softmax' }],
      loss: { fn: 'meanSquaredError' },
      optimizer: { algorithm: 'adam', learningRate: 0.01 },
    },
  },
];

/** max |a − b| / max(|b|, 1e-2) over the values: relative, with an absolute floor near zero. */
function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < b.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    worst = Math.max(worst, Math.abs(x - y) / Math.max(Math.abs(y), 1e-2));
  }
  return worst;
}

/** A case's plan, training split, tf.js network and the fast executor's options from its weights. */
async function setUp(c: (typeof cases)[number]) {
  const prepared = await prepareRun(
    sequentialDocument({ ...c.spec, training: { batchMode: 'mini', batchSize: c.batch, seed: 3 } }),
  );
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
  const { plan, splits } = prepared.value;
  expect(supportsFast(plan)).toBeNull();
  const train = splits.train;
  const stats = plan.needsInputStatistics ? featureStatistics(train) : undefined;
  const network = Network.fromPlan(plan, {
    random: createRandom(plan.training.seed).fork(),
    ...(stats ? { inputStatistics: stats } : {}),
  });
  const options: FastExecutorOptions = {
    batchSize: c.batch,
    parameters: parametersOf(network),
    ...(stats ? { inputStatistics: stats } : {}),
  };
  return { plan, train, network, options };
}

/** `count` mini-batches of a seeded shuffle, reshuffled each epoch; an epoch's last batch may be short, as in the trainer. */
function* miniBatches(m: number, batch: number, seed: number, count: number): Generator<Int32Array> {
  const shuffle = createRandom(mixSeeds(seed, 1));
  let order = permutation(m, shuffle);
  let at = 0;
  for (let t = 0; t < count; t++) {
    if (at >= m) {
      order = permutation(m, shuffle);
      at = 0;
    }
    yield order.subarray(at, Math.min(at + batch, m));
    at += batch;
  }
}

describe('FastExecutor matches the tf.js executor', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const { plan, train, network, options } = await setUp(c);
      const optimizer = createOptimizer(plan.optimizer);
      const fast = new FastExecutor(plan, train, options);
      const labels = labelMatrix(plan.loss, train);
      const x = tf.tensor2d(train.x, [train.m, train.features]);
      const y = tf.tensor2d(labels.values, [train.m, labels.columns]);
      const varList = network.trainableVariables;
      let worstCost = 0;
      let worstWeight = 0;
      for (const indices of miniBatches(train.m, c.batch, plan.training.seed, 50)) {
        const expected = tf.tidy(() => {
          const idx = tf.tensor1d(indices, 'int32');
          const xb = tf.gather(x, idx);
          const yb = tf.gather(y, idx);
          const { value, grads } = tf.variableGrads(
            () => network.cost(plan.loss, xb, yb, train.m, true),
            varList,
          );
          optimizer.applyGradients(grads);
          return value.dataSync()[0] as number;
        });
        const cost = fast.update(indices);
        expect(Number.isFinite(cost)).toBe(true);
        worstCost = Math.max(worstCost, Math.abs(cost - expected) / Math.max(Math.abs(expected), 1e-2));
        const ours = fast.parameters();
        network.parameters.forEach((p, i) => {
          worstWeight = Math.max(worstWeight, relativeError(ours[i]?.values ?? [], p.variable.dataSync()));
        });
      }
      expect(fast.updates).toBe(50);
      expect(worstCost).toBeLessThan(c.tolerance ?? TOLERANCE);
      expect(worstWeight).toBeLessThan(c.tolerance ?? TOLERANCE);
      x.dispose();
      y.dispose();
      optimizer.dispose();
      network.dispose();
    });
  }

  it('names a kind without a fast lowering', async () => {
    const prepared = await prepareRun(
      sequentialDocument({
        dataset: moons,
        layers: [dense(5), dense(1, 'sigmoid')],
        loss: { fn: 'binaryCrossEntropy' },
      }),
    );
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
    const { plan } = prepared.value;
    expect(supportsFast(plan)).toBeNull();
    const [first, ...rest] = plan.layers;
    const unlowered = {
      ...plan,
      layers: [{ ...first!, kind: { ...first!.kind, fast: undefined } }, ...rest],
    };
    expect(supportsFast(unlowered)).toBe(`Dense (${first!.nodeId}) has no fast lowering.`);
  });
});

describe.runIf(simdAvailable())('FastExecutor on WebAssembly SIMD matches its JS kernels', () => {
  // Both sides store float32; the SIMD products also sum in float32 (the JS ones in float64), so a
  // product differs by up to about k·2⁻²⁴ relative (k ≤ 64 here: 4e-6), and the SIMD optimizer steps
  // round after each of their ~5 float32 operations (the JS ones once). Measured over 50 updates:
  // costs within 7e-7, weights within 1.2e-5 (momentum on the digits: 6.7e-6 from the products
  // alone), except where a case says Adam magnifies rounding (its `tolerance`: 4e-4 measured, as
  // float32 rounding of dW near √ε moves dW/√(S + ε)).
  for (const c of cases) {
    it(c.name, async () => {
      const { plan, train, network, options } = await setUp(c);
      network.dispose();
      const simd = new FastExecutor(plan, train, { ...options, kernels: 'simd' });
      const js = new FastExecutor(plan, train, { ...options, kernels: 'js' });
      expect([simd.kernels.name, js.kernels.name]).toEqual(['simd', 'js']);
      let worstCost = 0;
      let worstWeight = 0;
      for (const indices of miniBatches(train.m, c.batch, plan.training.seed, 50)) {
        const expected = js.update(indices);
        worstCost = Math.max(worstCost, Math.abs(simd.update(indices) - expected) / Math.max(expected, 1e-2));
        const ours = simd.parameters();
        for (const [i, p] of js.parameters().entries()) {
          worstWeight = Math.max(worstWeight, relativeError(ours[i]?.values ?? [], p.values));
        }
      }
      console.log('AB', c.name, worstCost, worstWeight);
      expect(worstCost).toBeLessThan(1e-5);
      expect(worstWeight).toBeLessThan(c.tolerance ?? 2e-5);
    });
  }
});

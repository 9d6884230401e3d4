import { describe, expect, it } from 'vitest';
import { sequentialDocument } from '../document/build.js';
import { checkStep, stepWeights } from './step-weights.js';
import { pausedRun } from './stepped-run.js';

/** The moons with hidden1 [2, 5], plain gradient descent at α = 0.5: ΔW = −α·dW exactly. */
async function steppedRun() {
  const doc = sequentialDocument({
    dataset: { source: { kind: 'generator', name: 'moons', n: 200, noise: 0.2 } },
    layers: [
      { kind: 'Dense', id: 'hidden1', params: { units: 5, activation: 'tanh' } },
      { kind: 'Dense', id: 'output', params: { units: 1, activation: 'sigmoid' } },
    ],
    optimizer: { algorithm: 'gd', learningRate: 0.5 },
    training: { batchSize: 32, epochs: 5, layerStatsEvery: 0 },
  });
  const paused = await pausedRun(doc);
  await paused.step();
  await paused.step();
  const step = paused.run.lastStep;
  if (!step) throw new Error('no step recorded');
  const context = { plan: paused.plan, network: paused.run.network, train: paused.splits.train, step };
  const finish = paused.finish;
  return { context, finish };
}

describe('Step mode’s weight matrices', () => {
  it('gives W, dW and ΔW of the step just taken, with ΔW = −α·dW under gradient descent', async () => {
    const { context, finish } = await steppedRun();
    try {
      // The second step: epoch 1's second mini-batch of 32 of the 120 training rows.
      expect(context.step).toMatchObject({ t: 2, epoch: 1, batch: 2 });
      const weights = stepWeights(context, 'hidden1');
      expect(weights?.shape).toEqual([2, 5]);
      expect(weights?.examples).toBe(32);
      for (const m of [weights?.w, weights?.dW, weights?.update])
        expect(m).toMatchObject({ rows: 2, cols: 5 });
      // gd: W_after = W_before − α·dW. The executor's dW is float32 and the reference's float64: they
      // agree to ~1e-6 relative, so |ΔW + α·dW| stays below 1e-5 · max|α·dW|.
      const dW = [...(weights?.dW.values ?? [])];
      const scale = Math.max(...dW.map((g) => Math.abs(0.5 * g)));
      expect(scale).toBeGreaterThan(0);
      const gaps = [...(weights?.update.values ?? [])].map((u, i) => Math.abs(u + 0.5 * (dW[i] as number)));
      expect(Math.max(...gaps)).toBeLessThan(1e-5 * scale);
      expect(stepWeights(context, 'nothing')).toBeNull();
    } finally {
      await finish();
    }
  });

  it('checks every entry of a small W in float64, well inside 1e-4 per entry', async () => {
    const { context, finish } = await steppedRun();
    try {
      const check = checkStep(context, 'hidden1');
      expect(check).toMatchObject({ checked: 10, drawn: 10, timedOut: false });
      // Truncation ~ε²·J‴ ≈ 1e-14, rounding ≤ 4u·J/ε ≈ 3e-9 absolute; against gradients of ~1e-2
      // that is ~1e-7 relative at worst.
      expect(check?.worst?.error).toBeLessThan(1e-4);
      expect(check?.errors.values.every((e) => e >= 0)).toBe(true);
      // A sample: 3 of 10 entries checked, the rest NaN.
      const sampled = checkStep(context, 'hidden1', { maxEntries: 3 });
      expect(sampled?.checked).toBe(3);
      expect(sampled?.errors.values.filter(Number.isNaN).length).toBe(7);
    } finally {
      await finish();
    }
  });

  it('folds a Conv2D kernel [3, 3, 1, 4] into a 9 × 4 matrix and checks it', async () => {
    const doc = sequentialDocument({
      dataset: { source: { kind: 'builtin', name: 'digits' } },
      layers: [
        {
          kind: 'Conv2D',
          id: 'conv',
          params: { filters: 4, kernelSize: 3, padding: 'valid', activation: 'tanh' },
        },
        { kind: 'Flatten', id: 'flatten' },
        { kind: 'Dense', id: 'output', params: { units: 10, activation: 'linear' } },
        { kind: 'Softmax', id: 'softmax' },
      ],
      loss: { fn: 'categoricalCrossEntropy' },
      optimizer: { algorithm: 'gd', learningRate: 0.1 },
      training: { batchSize: 16, epochs: 2, layerStatsEvery: 0 },
    });
    const paused = await pausedRun(doc);
    try {
      await paused.step();
      const step = paused.run.lastStep;
      if (!step) throw new Error('no step recorded');
      const context = { plan: paused.plan, network: paused.run.network, train: paused.splits.train, step };
      const weights = stepWeights(context, 'conv');
      expect(weights?.shape).toEqual([3, 3, 1, 4]);
      // [k·k·cIn, cOut] = [3·3·1, 4].
      expect(weights?.update).toMatchObject({ rows: 9, cols: 4, fullRows: 9, fullCols: 4 });
      // gd at α = 0.1: ΔW = −0.1·dW, to float32's agreement with float64 (1e-5 of the largest step).
      const dW = [...(weights?.dW.values ?? [])];
      const scale = Math.max(...dW.map((g) => Math.abs(0.1 * g)));
      const gaps = [...(weights?.update.values ?? [])].map((u, i) => Math.abs(u + 0.1 * (dW[i] as number)));
      expect(Math.max(...gaps)).toBeLessThan(1e-5 * scale);
      const check = checkStep(context, 'conv');
      expect(check?.checked).toBe(36);
      expect(check?.worst?.error).toBeLessThan(1e-4);
    } finally {
      await paused.finish();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { TrainingRun } from '../train/trainer.js';
import { checkBatch } from './batch.js';
import { gradientCheck } from './check.js';
import { checkable, TEST_GRAPHS } from './test-graphs.js';
import { FLOAT32_TOLERANCE } from './verdict.js';

describe('cross-check of the trainer: tf.js float32 autodiff against the float64 numerical gradient', () => {
  it.each(Object.keys(TEST_GRAPHS))(
    'tf.variableGrads of network.cost agrees within 1e-5 on: %s',
    async (name) => {
      // The gradient the trainer applies, tf.variableGrads(() => network.cost(loss, x, y, m, true, 0)),
      // on a dropout-free copy. float32 keeps ~7 digits; measured (seed 1, m_b = 32): overall 1.2e-8 –
      // 1.3e-6, per tensor up to 2.3e-6 (MSE through Softmax, whose small gradients are cancellations),
      // and tf.js's J within 4.2e-8 (relative) of the float64 J. The bound is FLOAT32_TOLERANCE = 1e-5.
      const { plan, network, batch, inputStatistics } = await checkable(TEST_GRAPHS[name]!);
      const report = gradientCheck(plan, network, batch, {
        autodiff: true,
        ...(inputStatistics ? { inputStatistics } : {}),
      });
      const autodiff = report.autodiff!;
      expect(autodiff.difference).toBeLessThanOrEqual(FLOAT32_TOLERANCE);
      expect(autodiff.verdict).toBe('agrees');
      for (const row of report.rows) {
        expect([row.id, row.autodiff!.difference]).toEqual([row.id, expect.any(Number)]);
        expect(row.autodiff!.difference).toBeLessThanOrEqual(FLOAT32_TOLERANCE);
      }
      expect(Math.abs(autodiff.cost - report.cost) / report.cost).toBeLessThan(1e-6);
      network.dispose();
    },
  );

  it('holds on trained weights: 20 epochs of Adam on the relu stack', async () => {
    const { plan, splits, network } = await checkable(TEST_GRAPHS['relu stack with L2 and L1']!);
    network.dispose();
    const run = new TrainingRun({ ...plan, optimizer: { ...plan.optimizer, learningRate: 0.05 } }, splits, {
      epochs: 20,
      seed: 3,
    });
    await run.start();
    const report = gradientCheck(plan, run.network, checkBatch(plan, splits.train, 32), { autodiff: true });
    // Measured: reference 1.5e-9 overall (every tensor ≤ 2.4e-9), tf.js 3.1e-8.
    expect(report.passed).toBe(true);
    expect(report.autodiff!.verdict).toBe('agrees');
    run.dispose();
  });

  // Found by this cross-check: Network.logits used to hand the loss the last layer's z whatever its g,
  // so a tanh (or relu, leakyRelu) output was trained under MSE as if it were linear. The output layer
  // now applies any g but sigmoid and softmax itself, as the reference does (ŷ = tanh(z)).
  it('agrees on a tanh output layer under mean squared error', async () => {
    const { plan, network, batch } = await checkable({
      ...TEST_GRAPHS['mean squared error on a regression target, with Dropout']!,
      layers: [
        { kind: 'Dense', params: { units: 8, activation: 'tanh' } },
        { kind: 'Dense', params: { units: 1, activation: 'tanh' } },
      ],
    });
    const report = gradientCheck(plan, network, batch, { autodiff: true });
    network.dispose();
    expect(report.passed).toBe(true);
    expect(report.autodiff!.verdict).toBe('agrees');
  });
});

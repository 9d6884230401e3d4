import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { type BatchNormRule, batchNormRule } from '../nodes/batchnorm/reference-math.js';
import { denseRule } from '../nodes/dense/reference-math.js';
import { averagePoolRule, type PoolRule } from '../nodes/pooling/reference-math.js';
import { gradientCheck } from './check.js';
import { penaltyRule } from './penalty.js';
import { type BackpropRules, REFERENCE_RULES } from './rules.js';
import { checkable, TEST_GRAPHS } from './test-graphs.js';

describe('spec §5 gradient checking of the float64 reference', () => {
  it.each(Object.keys(TEST_GRAPHS))('backpropagation passes at ≤ 1e-7 on: %s', async (name) => {
    // Measured (seed 1, m_b = 32): overall 4e-10 – 1.9e-8, the largest tensor 5.0e-8 (MSE through
    // Softmax); the floor is float64 rounding of J divided by ε = 1e-7 (docs/gradcheck.md).
    const { plan, network, batch, inputStatistics } = await checkable(TEST_GRAPHS[name]!);
    const report = gradientCheck(plan, network, batch, { ...(inputStatistics ? { inputStatistics } : {}) });
    expect(report.overall.difference).toBeLessThanOrEqual(1e-7);
    for (const row of report.rows) expect([row.id, row.verdict]).toEqual([row.id, 'correct']);
    expect(report.passed).toBe(true);
    network.dispose();
  });

  it('says that dropout and augmentation are off, and checks a tensor above the cap at a sample', async () => {
    const { plan, network, batch, inputStatistics } = await checkable(
      TEST_GRAPHS['digits: Augment, Normalize, Dropout, BatchNorm and Softmax together']!,
    );
    const report = gradientCheck(plan, network, batch, {
      inputStatistics: inputStatistics!,
      maxEntriesPerTensor: 50,
    });
    expect(report.notes).toContain('Dropout "dropout1" (keep_prob 0.8) is off for the check (identity).');
    expect(report.notes).toContain('Augment "augment1" is off for the check (identity).');
    // dense1/W is 64×12 = 768 entries: 50 of them; dense1/b has 12, all checked.
    const rows = new Map(report.rows.map((r) => [r.id, r]));
    expect(rows.get('dense1/W')?.checked).toBe(50);
    expect(rows.get('dense1/b')?.checked).toBe(12);
    expect(report.notes).toContain('dense1/W: 50 of 768 entries checked (a seeded sample).');
    network.dispose();
  });

  it('compares zero gradients as equal: a zeros-initialized ReLU network', async () => {
    // W = 0, b = 0: every ReLU input is 0, so dW = 0 for both W; nudging a W by ε changes no output
    // either (the next W is 0), so dθ_approx = 0 exactly and the difference is 0, not 0/0.
    const { plan, network, batch } = await checkable({
      dataset: { source: { kind: 'generator', name: 'moons', n: 100 } },
      layers: [
        { kind: 'Dense', params: { units: 4, initializer: 'zeros' } },
        { kind: 'Dense', params: { units: 1, activation: 'sigmoid', initializer: 'zeros' } },
      ],
    });
    const report = gradientCheck(plan, network, batch);
    const w = report.rows.filter((r) => r.parameter === 'W');
    expect(w.map((r) => [r.difference, r.verdict])).toEqual([
      [0, 'correct'],
      [0, 'correct'],
    ]);
    expect(report.passed).toBe(true);
    network.dispose();
  });

  it('leaves the network as it was and leaks no tensors, tf.js cross-check included', async () => {
    const { plan, network, batch } = await checkable(TEST_GRAPHS['BatchNorm (the Dense before it loses b)']!);
    const before = network.snapshot();
    const tensors = tf.memory().numTensors;
    gradientCheck(plan, network, batch, { autodiff: true });
    expect(tf.memory().numTensors).toBe(tensors);
    // Weights and batch norm's moving averages (the snapshot holds both) are untouched.
    const after = network.snapshot();
    after.forEach((t, i) => {
      expect(Array.from(t.dataSync())).toEqual(Array.from(before[i]!.dataSync()));
    });
    tf.dispose([...before, ...after]);
    network.dispose();
  });
});

describe('a planted bug in one backward rule fails the check', () => {
  const check = async (graph: string, rules: BackpropRules) => {
    const { plan, network, batch } = await checkable(TEST_GRAPHS[graph]!);
    const report = gradientCheck(plan, network, batch, { rules });
    network.dispose();
    return report;
  };

  it('the L2 gradient without its 1/m: dW += λW instead of (λ/m)W', async () => {
    // m = 120 training examples: the L2 share of dW comes out 120× too large, in exactly the tensors
    // that carry λ (dense1/W with λ 0.7, dense3/W with λ 0.5); dense2 has L1 only, biases none.
    const report = await check('relu stack with L2 and L1', {
      ...REFERENCE_RULES,
      penalty: { ...penaltyRule, l2Gradient: (w, lambda) => w.map((v) => lambda * v) },
    });
    expect(report.passed).toBe(false);
    const failing = report.rows.filter((r) => r.verdict === 'bug');
    expect(failing.map((r) => [r.nodeId, r.parameter])).toEqual([
      ['dense1', 'W'],
      ['dense3', 'W'],
    ]);
    for (const r of failing) expect(r.difference).toBeGreaterThan(1e-3);
    expect(report.rows.filter((r) => r.verdict === 'correct').map((r) => r.id)).toEqual([
      'dense1/b',
      'dense2/W',
      'dense2/b',
      'dense3/b',
    ]);
    expect(report.worst?.id).toMatch(/^dense[13]\/W$/);
  });

  it('dW divided by m_b once more (the 1/m_b is already in dZ)', async () => {
    const report = await check('Softmax over 3 blobs with categorical cross-entropy', {
      ...REFERENCE_RULES,
      dense: {
        ...denseRule,
        backward(dZ, aPrev, w) {
          const grads = denseRule.backward(dZ, aPrev, w);
          return { ...grads, dW: { ...grads.dW, data: grads.dW.data.map((v) => v / aPrev.rows) } };
        },
      },
    });
    // dW is 32× too small where no penalty props it up: a relative difference near (1 − 1/32)/(1 + 1/32).
    const dense2 = report.rows.find((r) => r.id === 'dense2/W')!;
    expect(dense2.verdict).toBe('bug');
    expect(dense2.difference).toBeCloseTo(31 / 33, 6);
    expect(report.rows.find((r) => r.id === 'dense2/b')!.verdict).toBe('correct');
    expect(report.passed).toBe(false);
  });

  it('batch norm backward without the −z_norm·Σ(dz_norm·z_norm) term (σ² treated as a constant)', async () => {
    const forgetful: BatchNormRule = {
      ...batchNormRule,
      backward(dOut, cache, gamma) {
        const right = batchNormRule.backward(dOut, cache, gamma);
        const { rows: mb, cols: n } = dOut;
        const dZ = { ...right.dZ, data: new Float64Array(right.dZ.data.length) };
        for (let j = 0; j < n; j++) {
          let sum = 0;
          for (let i = 0; i < mb; i++) sum += (dOut.data[i * n + j] as number) * (gamma[j] as number);
          for (let i = 0; i < mb; i++) {
            const dzn = (dOut.data[i * n + j] as number) * (gamma[j] as number);
            dZ.data[i * n + j] = ((cache.invStd[j] as number) / mb) * (mb * dzn - sum);
          }
        }
        return { ...right, dZ };
      },
    };
    const report = await check('BatchNorm (the Dense before it loses b)', {
      ...REFERENCE_RULES,
      batchNorm: forgetful,
    });
    // The rule is wrong for every batch norm: the Dense layers feeding one get a wrong dW, while the
    // last batch norm's γ and β and the last Dense sit after every error and stay correct.
    const verdicts = Object.fromEntries(report.rows.map((r) => [r.id, r.verdict]));
    expect(verdicts['dense1/W']).toBe('bug');
    expect(verdicts['dense2/W']).toBe('bug');
    expect(verdicts['batchnorm2/gamma']).toBe('correct');
    expect(verdicts['batchnorm2/beta']).toBe('correct');
    expect(verdicts['dense3/W']).toBe('correct');
    expect(report.overall.verdict).toBe('bug');
  });

  it("average pooling's gradient divided by kh·kw at windows that cover padding (tf.js 4.22's AvgPoolGrad)", async () => {
    // The CNN's AveragePool2D (2×2, stride 2, same) pools [3, 3] into [2, 2]: the right and bottom
    // windows hang over one padded row or column and cover 2 real cells, the corner one 1. tf.js's
    // gradient gives each window's cells dOut/4 where the forward pass divided by 2 or 1, so every
    // tensor before the pooling gets a wrong gradient; the Dense after it stays right.
    const covered = (start: number, size: number, n: number) =>
      Math.min(start + size, n) - Math.max(start, 0);
    const tfjsStyle: PoolRule['backward'] = (dOut, x, g) => {
      const scaled = dOut.map((v, k) => {
        const ox = Math.floor(k / g.c) % g.outW;
        const oy = Math.floor(k / (g.c * g.outW)) % g.outH;
        const cells =
          covered(oy * g.strideH - g.padTop, g.kh, g.h) * covered(ox * g.strideW - g.padLeft, g.kw, g.w);
        return (v * cells) / (g.kh * g.kw);
      });
      return averagePoolRule.backward(scaled, x, g);
    };
    const { plan, network, batch, inputStatistics } = await checkable(
      TEST_GRAPHS[
        'CNN on 8×8×1 digits: Conv2D same and valid/2, BatchNorm, max and same-padded average pooling'
      ]!,
    );
    const report = gradientCheck(plan, network, batch, {
      inputStatistics: inputStatistics!,
      rules: { ...REFERENCE_RULES, averagePool: { ...averagePoolRule, backward: tfjsStyle } },
    });
    network.dispose();
    const verdicts = Object.fromEntries(report.rows.map((r) => [r.id, r.verdict]));
    expect(verdicts).toEqual({
      'conv2d1/W': 'bug',
      'batchnorm1/gamma': 'bug',
      'batchnorm1/beta': 'bug',
      'conv2d2/W': 'bug',
      'conv2d2/b': 'bug',
      'dense1/W': 'correct',
      'dense1/b': 'correct',
    });
    expect(report.passed).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { sampleTrials } from './sample.js';
import { coordinateInterval, rangeProblem, sampleOnScale, valueAt } from './scales.js';
import type { SearchParam } from './space.js';

const draws = (param: SearchParam, n = 10_000, seed = 1): number[] =>
  sampleTrials({ params: [param], seed }, n).map((v) => v[`${param.nodeId}.${param.path}`]!);

const share = (values: readonly number[], keep: (v: number) => boolean): number =>
  values.filter(keep).length / values.length;

describe('the log10 scale (α = 10^r)', () => {
  it('puts the same share of samples in every decade of [1e-4, 1]', () => {
    // r is uniform in [−4, 0]: each of the 4 decades gets 1/4 of the draws. With n = 10,000 a decade's
    // count is binomial with sd √(10000·¼·¾) ≈ 43, i.e. 0.0043 of the share; ±0.02 is over 4.5 sd.
    // (A uniform draw of α itself would put 90 % in [0.1, 1] and 0.009 % in [1e-4, 1e-3].)
    const alphas = draws({ nodeId: 'optimizer', path: 'learningRate', scale: 'log10', min: 1e-4, max: 1 });
    expect(Math.min(...alphas)).toBeGreaterThanOrEqual(1e-4);
    expect(Math.max(...alphas)).toBeLessThanOrEqual(1);
    for (const decade of [-4, -3, -2, -1]) {
      const inDecade = share(alphas, (a) => a >= 10 ** decade && a < 10 ** (decade + 1));
      expect(inDecade).toBeGreaterThan(0.23);
      expect(inDecade).toBeLessThan(0.27);
    }
  });

  it('keeps 4 significant digits, so documents stay readable', () => {
    // r = −2.5 → 10^−2.5 = 0.0031622776… → 0.003162.
    expect(valueAt('log10', -2.5, 1e-4, 1)).toBe(0.003162);
  });
});

describe('the oneMinusLog10 scale (β = 1 − 10^r)', () => {
  it('stays inside [0.9, 0.999] and puts half the samples in [0.99, 0.999]', () => {
    // r is uniform in [−3, −1]; β ≥ 0.99 ⇔ 1 − β ≤ 0.01 ⇔ r ≤ −2: half of [−3, −1]. A uniform draw of β
    // would put only (0.999 − 0.99)/(0.999 − 0.9) ≈ 9 % there: the scale clusters samples near 1,
    // where β matters most (1/(1 − β) is the number of values averaged: 10 to 1000).
    const betas = draws({ nodeId: 'optimizer', path: 'beta1', scale: 'oneMinusLog10', min: 0.9, max: 0.999 });
    expect(Math.min(...betas)).toBeGreaterThanOrEqual(0.9);
    expect(Math.max(...betas)).toBeLessThanOrEqual(0.999);
    const nearOne = share(betas, (b) => b >= 0.99);
    expect(nearOne).toBeGreaterThan(0.48);
    expect(nearOne).toBeLessThan(0.52);
    // And per decade of 1 − β: [0.9, 0.99) and [0.99, 0.999] get half each, ±0.02.
    expect(share(betas, (b) => b < 0.99)).toBeCloseTo(1 - nearOne, 10);
  });

  it('maps the range to r ∈ [−3, −1] and rounds 1 − β, not β', () => {
    expect(coordinateInterval('oneMinusLog10', 0.9, 0.999)).toEqual({
      lo: expect.closeTo(-3, 12),
      hi: expect.closeTo(-1, 12),
    });
    // r = −2.5 → 1 − 10^−2.5 = 1 − 0.0031622776… → 1 − 0.003162 = 0.996838.
    expect(valueAt('oneMinusLog10', -2.5, 0.9, 0.999)).toBe(0.996838);
  });
});

describe('the discrete scales', () => {
  it('pow2 gives only powers of two inside the range, each about equally often', () => {
    // [16, 512] holds 2^4 … 2^9: six sizes, 1/6 ≈ 0.167 of the draws each.
    const sizes = draws({ nodeId: 'training', path: 'batchSize', scale: 'pow2', min: 16, max: 512 }, 6000);
    expect(new Set(sizes)).toEqual(new Set([16, 32, 64, 128, 256, 512]));
    for (const size of [16, 32, 64, 128, 256, 512]) {
      expect(share(sizes, (s) => s === size)).toBeCloseTo(1 / 6, 1);
    }
    // Ends that are no powers of two keep the powers inside: [48, 300] → 64, 128, 256.
    const inner = draws({ nodeId: 'training', path: 'batchSize', scale: 'pow2', min: 48, max: 300 }, 300);
    expect(new Set(inner)).toEqual(new Set([64, 128, 256]));
  });

  it('int gives only whole numbers, both ends included', () => {
    const units = draws({ nodeId: 'hidden1', path: 'units', scale: 'int', min: 2, max: 9 }, 2000);
    expect(units.every(Number.isInteger)).toBe(true);
    expect(new Set(units)).toEqual(new Set([2, 3, 4, 5, 6, 7, 8, 9]));
  });

  it('maps u to whole coordinates with equal chance', () => {
    // int [2, 4]: three values; u ∈ [0, ⅓) → 2, [⅓, ⅔) → 3, [⅔, 1) → 4.
    expect([0, 0.3, 0.34, 0.66, 0.67, 0.999].map((u) => sampleOnScale('int', 2, 4, u))).toEqual([
      2, 2, 3, 3, 4, 4,
    ]);
  });
});

describe('the linear scale (keep_prob, λ)', () => {
  it('spreads draws evenly over the range', () => {
    // Uniform on [0.5, 1]: mean 0.75, and a quarter of the draws below 0.625.
    const keep = draws({ nodeId: 'dropout1', path: 'keepProb', scale: 'linear', min: 0.5, max: 1 });
    expect(Math.min(...keep)).toBeGreaterThanOrEqual(0.5);
    expect(Math.max(...keep)).toBeLessThanOrEqual(1);
    expect(keep.reduce((a, b) => a + b, 0) / keep.length).toBeCloseTo(0.75, 2);
    expect(share(keep, (k) => k < 0.625)).toBeCloseTo(0.25, 1);
  });
});

describe('range checks', () => {
  it('names what is wrong with a range on each scale', () => {
    expect(rangeProblem('log10', 0, 1)).toMatch(/min > 0/);
    expect(rangeProblem('oneMinusLog10', 0.9, 1)).toMatch(/max < 1/);
    expect(rangeProblem('pow2', 40, 60)).toMatch(/power of two/);
    expect(rangeProblem('int', 2.2, 2.8)).toMatch(/whole number/);
    expect(rangeProblem('linear', 2, 1)).toMatch(/must not be above/);
    expect(rangeProblem('log10', 1e-4, 1)).toBeNull();
  });
});

describe('seeded sampling', () => {
  const space = {
    seed: 7,
    params: [
      { nodeId: 'optimizer', path: 'learningRate', scale: 'log10', min: 1e-4, max: 1 },
      { nodeId: 'training', path: 'batchSize', scale: 'pow2', min: 16, max: 512 },
    ] satisfies SearchParam[],
  };

  it('draws the same trials from the same seed and different ones from another', () => {
    expect(sampleTrials(space, 20)).toEqual(sampleTrials(space, 20));
    expect(sampleTrials({ ...space, seed: 8 }, 20)).not.toEqual(sampleTrials(space, 20));
  });

  it('gives trial k the same values however many trials are asked for', () => {
    expect(sampleTrials(space, 50).slice(0, 10)).toEqual(sampleTrials(space, 10));
  });

  it('leaves the draws of the first params alone when one is added at the end', () => {
    const more = {
      ...space,
      params: [
        ...space.params,
        { nodeId: 'dropout1', path: 'keepProb', scale: 'linear' as const, min: 0.5, max: 1 },
      ],
    };
    const alphas = (s: { params: SearchParam[]; seed: number }) =>
      sampleTrials(s, 10).map((v) => v['optimizer.learningRate']);
    expect(alphas(more)).toEqual(alphas(space));
  });
});

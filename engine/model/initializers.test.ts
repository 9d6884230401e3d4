import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.js';
import { initialWeights, initStd } from './initializers.js';

function stats(values: Float32Array): { mean: number; std: number } {
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / values.length;
  let sq = 0;
  for (const v of values) sq += (v - mean) ** 2;
  return { mean, std: Math.sqrt(sq / values.length) };
}

describe('spec §4 initialization', () => {
  it('He draws N(0, 1)·sqrt(2/n[l−1])', () => {
    // nIn = 500: std = sqrt(2/500) = 0.0632456. With 200,000 draws the sample std is within
    // about 0.2% of it (relative standard error 1/sqrt(2N) = 0.16%); allow 1%.
    const w = initialWeights('he', 500, 400, 0, createRandom(1));
    const { mean, std } = stats(w);
    expect(std / 0.0632456).toBeGreaterThan(0.99);
    expect(std / 0.0632456).toBeLessThan(1.01);
    expect(Math.abs(mean)).toBeLessThan(0.001);
  });

  it('Xavier draws N(0, 1)·sqrt(1/n[l−1]) and Glorot N(0, 1)·sqrt(2/(n[l−1] + n[l]))', () => {
    // Xavier, nIn = 500: 0.0447214. Glorot, 500 + 400: sqrt(2/900) = 0.0471405.
    expect(stats(initialWeights('xavier', 500, 400, 0, createRandom(2))).std / 0.0447214).toBeCloseTo(1, 1);
    expect(stats(initialWeights('glorot', 500, 400, 0, createRandom(3))).std / 0.0471405).toBeCloseTo(1, 1);
    expect(initStd('glorot', 500, 400, 0)).toBeCloseTo(0.0471405, 6);
  });

  it('plain normal draws are not truncated: some exceed two standard deviations', () => {
    // A truncated normal (tf.js's default) never goes past 2σ; a plain one does 4.55% of the time.
    const w = initialWeights('random', 100, 100, 1, createRandom(4));
    const beyond = w.filter((v) => Math.abs(v) > 2).length / w.length;
    expect(beyond).toBeGreaterThan(0.035);
    expect(beyond).toBeLessThan(0.056);
  });

  it('zeros starts every weight at 0 and random×10 at std 10', () => {
    expect(initialWeights('zeros', 3, 4, 0, createRandom(5)).every((v) => v === 0)).toBe(true);
    expect(stats(initialWeights('random', 200, 200, 10, createRandom(6))).std).toBeCloseTo(10, 0);
  });

  it('is reproducible by seed', () => {
    expect(initialWeights('he', 4, 3, 0, createRandom(7))).toEqual(
      initialWeights('he', 4, 3, 0, createRandom(7)),
    );
    expect(initialWeights('he', 4, 3, 0, createRandom(7))).not.toEqual(
      initialWeights('he', 4, 3, 0, createRandom(8)),
    );
  });
});

import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { testBuildContext } from '../../testing/plans.js';
import { BatchNorm } from './index.js';

const build = () => BatchNorm.build({ epsilon: 1e-5, momentum: 0.9 }, testBuildContext('bn', [1]));

const forward = (layer: ReturnType<typeof build>, rows: number[], training: boolean): number[] =>
  tf.tidy(() =>
    Array.from(
      layer
        .forward([tf.tensor2d(rows, [rows.length, 1])], { training, stepSeed: 0, returnLogits: false })
        .dataSync(),
    ),
  );

describe('spec §12 batch normalization', () => {
  it('normalizes z over the mini-batch while training', () => {
    // z = [1, 3]: μ = 2, σ² = ((−1)² + 1²)/2 = 1 (divides by m_b, not m_b − 1);
    // z_norm = ±1/sqrt(1 + 1e-5) = ±0.999995; γ = 1, β = 0.
    const layer = build();
    const out = forward(layer, [1, 3], true);
    expect(out[0]).toBeCloseTo(-0.999995, 6);
    expect(out[1]).toBeCloseTo(0.999995, 6);
    layer.dispose();
  });

  it('uses bias-corrected EWAs of μ and σ² at test time', () => {
    // Batch 1: z = [1, 3] → μ₁ = 2, σ²₁ = 1. Batch 2: z = [5, 7] → μ₂ = 6, σ²₂ = 1. β = 0.9:
    // v_μ = 0.1·2 = 0.2, then 0.9·0.2 + 0.1·6 = 0.78; corrected 0.78/(1 − 0.81) = 4.1052632.
    // v_σ² = 0.1, then 0.19; corrected 0.19/0.19 = 1.
    // Test input z = 4.1052632 → (z − 4.1052632)/sqrt(1 + 1e-5) = 0; z = 5.1052632 → 0.999995.
    const layer = build();
    forward(layer, [1, 3], true);
    forward(layer, [5, 7], true);
    const out = forward(layer, [4.1052632, 5.1052632], false);
    expect(out[0]).toBeCloseTo(0, 5);
    expect(out[1]).toBeCloseTo(0.999995, 5);
    layer.dispose();
  });

  it('evaluation does not move the test-time statistics', () => {
    const layer = build();
    forward(layer, [1, 3], true);
    const first = forward(layer, [0], false);
    forward(layer, [100, 200], false);
    expect(forward(layer, [0], false)).toEqual(first);
    // One batch: corrected μ = 2, σ² = 1 → (0 − 2)/sqrt(1.00001) = −1.99999.
    expect(first[0]).toBeCloseTo(-1.99999, 4);
    layer.dispose();
  });

  it('learns γ and β as parameters', () => {
    const layer = build();
    expect(layer.parameters.map((p) => p.name)).toEqual(['gamma', 'beta']);
    layer.dispose();
  });
});

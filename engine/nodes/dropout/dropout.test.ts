import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { testBuildContext } from '../../testing/plans.js';
import { Dropout } from './index.js';

const build = (keepProb: number) => Dropout.build({ keepProb }, testBuildContext('drop', [100]));

describe('spec §3 inverted dropout', () => {
  it('keeps the expected activation: mean of a·d/keep_prob ≈ a', () => {
    // a = 1 everywhere, keep_prob = 0.8, 100,000 units: each output is 0 or 1/0.8 = 1.25 with
    // E = 0.8·1.25 = 1 and σ = sqrt(0.8·0.2)·1.25 = 0.5; the mean's σ is 0.5/sqrt(1e5) = 0.0016.
    const layer = build(0.8);
    const a = tf.ones([1000, 100]) as tf.Tensor2D;
    const out = layer.forward([a], { training: true, stepSeed: 7, returnLogits: false });
    const values = Array.from(out.dataSync());
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(mean).toBeGreaterThan(0.995);
    expect(mean).toBeLessThan(1.005);
    const dropped = values.filter((v) => v === 0).length / values.length;
    expect(dropped).toBeCloseTo(0.2, 2);
    expect(values.every((v) => v === 0 || Math.abs(v - 1.25) < 1e-6)).toBe(true);
    tf.dispose([a, out]);
  });

  it('does nothing at evaluation', () => {
    const layer = build(0.5);
    const a = tf.ones([10, 100]) as tf.Tensor2D;
    const out = layer.forward([a], { training: false, stepSeed: 7, returnLogits: false });
    expect(Array.from(out.dataSync()).every((v) => v === 1)).toBe(true);
    a.dispose();
  });

  it('draws new masks each step and the same mask for the same step and seed', () => {
    const layer = build(0.5);
    const a = tf.ones([4, 100]) as tf.Tensor2D;
    const mask = (step: number) =>
      Array.from(layer.forward([a], { training: true, stepSeed: step, returnLogits: false }).dataSync());
    expect(mask(1)).toEqual(mask(1));
    expect(mask(1)).not.toEqual(mask(2));
    a.dispose();
  });

  it('refuses keep_prob outside (0, 1]', () => {
    expect(Dropout.params.safeParse({ keepProb: 0 }).success).toBe(false);
    expect(Dropout.params.safeParse({ keepProb: 1.2 }).success).toBe(false);
    expect(Dropout.params.safeParse({ keepProb: 1 }).success).toBe(true);
  });
});

import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { exampleLosses } from './losses.js';

describe('spec §13 numerically stable losses', () => {
  it('softmax cross-entropy stays finite for logits of ±1000', () => {
    // z = [1000, 0, −1000]: logsumexp(z) = 1000 + log(1 + e^−1000 + e^−2000) = 1000.
    // y = class 0: L = −(z0 − 1000) = 0; y = class 1: L = −(0 − 1000) = 1000.
    const z = tf.tensor2d([
      [1000, 0, -1000],
      [1000, 0, -1000],
    ]);
    const y = tf.tensor2d([
      [1, 0, 0],
      [0, 1, 0],
    ]);
    const [a = Number.NaN, b = Number.NaN] = exampleLosses(
      'categoricalCrossEntropy',
      z,
      y,
      'softmax',
    ).dataSync();
    expect(a).toBeCloseTo(0, 6);
    expect(b).toBeCloseTo(1000, 3);
  });

  it('binary cross-entropy from logits: z = 100, y = 0 costs 100, not Infinity', () => {
    // L = max(z, 0) − z·y + log(1 + e^−|z|): z = 100, y = 0 → 100; z = −100, y = 1 → 0 + 100 + 0 = 100;
    // z = 0, y = 1 → log 2 = 0.693147.
    const z = tf.tensor2d([[100], [-100], [0]]);
    const y = tf.tensor2d([[0], [1], [1]]);
    const losses = Array.from(exampleLosses('binaryCrossEntropy', z, y, 'sigmoid').dataSync());
    expect(losses[0]).toBeCloseTo(100, 4);
    expect(losses[1]).toBeCloseTo(100, 4);
    expect(losses[2]).toBeCloseTo(0.693147, 5);
  });
});

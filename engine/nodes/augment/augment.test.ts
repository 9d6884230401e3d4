import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { testBuildContext } from '../../testing/plans.js';
import { Augment } from './index.js';
import { augmentSources } from './sources.js';

describe('Augment (notes 1.8)', () => {
  const build = (maxShift: number, flipHorizontal = false) =>
    Augment.build({ maxShift, flipHorizontal }, testBuildContext('aug', [3, 3, 1], 3));
  // A 3×3 image with a single lit pixel in the centre.
  const image = () => [tf.tensor4d([0, 0, 0, 0, 1, 0, 0, 0, 0], [1, 3, 3, 1])];

  it('shifts each training image by whole pixels, keeping its values', () => {
    const layer = build(1);
    const seen = new Set<number>();
    for (let step = 0; step < 40; step++) {
      const out = Array.from(
        layer.forward(image(), { training: true, stepSeed: step, returnLogits: false }).dataSync(),
      );
      // A one-pixel shift of a centre pixel stays inside the 3×3 image: exactly one 1, the rest 0.
      expect(out.filter((v) => v === 1)).toHaveLength(1);
      expect(out.filter((v) => v === 0)).toHaveLength(8);
      seen.add(out.indexOf(1));
    }
    expect(seen.size).toBeGreaterThan(4);
  });

  it('passes images through unchanged at evaluation', () => {
    const out = build(2, true).forward(image(), { training: false, stepSeed: 1, returnLogits: false });
    expect(Array.from(out.dataSync())).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0]);
  });

  it('mirrors about half the images, before shifting them', () => {
    // One 1×3 row [x₀, x₁, x₂] per image, no shift: each output row is [0, 1, 2] or mirrored [2, 1, 0].
    const sources = new Int32Array(3 * 200);
    augmentSources(sources, 200, [1, 3, 1], { maxShift: 0, flipHorizontal: true }, 5, 'aug');
    let mirrored = 0;
    for (let i = 0; i < 200; i++) {
      const row = Array.from(sources.subarray(3 * i, 3 * i + 3), (v) => v - 3 * i);
      expect([
        [0, 1, 2],
        [2, 1, 0],
      ]).toContainEqual(row);
      if (row[0] === 2) mirrored += 1;
    }
    // Binomial(200, ½): mean 100, σ ≈ 7.
    expect(mirrored).toBeGreaterThan(70);
    expect(mirrored).toBeLessThan(130);
  });

  it('passes each gradient back to the pixel it took', () => {
    // Σ out · r over one shifted image: ∂/∂x is r moved back by the shift, 0 where r met a zero fill.
    const layer = build(1);
    const x = image()[0] as tf.Tensor4D;
    const r = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
    const ctx = { training: true, stepSeed: 3, returnLogits: false };
    const out = Array.from(layer.forward([x], ctx).dataSync());
    const grad = tf.grad((input: tf.Tensor) => tf.sum(tf.mul(layer.forward([input], ctx), r)))(x);
    // The lit centre pixel went to the output cell k where out is 1: its gradient is r there.
    const k = out.indexOf(1);
    expect(grad.dataSync()[4]).toBe(k + 1);
    tf.dispose([x, r, grad]);
  });

  it('refuses data that is not an image', () => {
    const result = Augment.inferShape(
      [{ dims: [2] }],
      { maxShift: 1, flipHorizontal: false },
      { nodeId: 'aug', inputIds: ['data'], data: null, isFirstLayer: true },
    );
    expect(result.problems[0]?.code).toBe('SHAPE_MISMATCH');
  });
});

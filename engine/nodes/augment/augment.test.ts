import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { testBuildContext } from '../../testing/plans.js';
import { Augment } from './index.js';

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

  it('refuses data that is not an image', () => {
    const result = Augment.inferShape(
      [{ dims: [2] }],
      { maxShift: 1, flipHorizontal: false },
      { nodeId: 'aug', inputIds: ['data'], data: null, isFirstLayer: true },
    );
    expect(result.problems[0]?.code).toBe('SHAPE_MISMATCH');
  });
});

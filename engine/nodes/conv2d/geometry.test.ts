import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { axisGeometry, windowGeometry } from './geometry.js';

describe('window geometry', () => {
  it('places windows as TensorFlow does on hand-worked sizes', () => {
    // valid: out = ceil((n − k + 1)/s): (5, 3, 1) → 3; (6, 3, 2) → ceil(4/2) = 2; (7, 2, 3) → ceil(6/3) = 2.
    expect(axisGeometry(5, 3, 1, 'valid')).toEqual({ out: 3, padBefore: 0 });
    expect(axisGeometry(6, 3, 2, 'valid')).toEqual({ out: 2, padBefore: 0 });
    expect(axisGeometry(7, 2, 3, 'valid')).toEqual({ out: 2, padBefore: 0 });
    // same: out = ceil(n/s), total = max((out − 1)·s + k − n, 0), before = floor(total/2):
    // (5, 3, 1) → out 5, total 2, before 1; (6, 3, 2) → out 3, total 1, before 0 (the extra row is after);
    // (5, 4, 1) → out 5, total 3, before 1; (5, 1, 2) → out 3, total 0.
    expect(axisGeometry(5, 3, 1, 'same')).toEqual({ out: 5, padBefore: 1 });
    expect(axisGeometry(6, 3, 2, 'same')).toEqual({ out: 3, padBefore: 0 });
    expect(axisGeometry(5, 4, 1, 'same')).toEqual({ out: 5, padBefore: 1 });
    expect(axisGeometry(5, 1, 2, 'same')).toEqual({ out: 3, padBefore: 0 });
  });

  it('agrees with tf.js computeConv2DInfo on every size up to 9, kernel up to 4 and stride up to 3', () => {
    for (const padding of ['same', 'valid'] as const) {
      for (let h = 1; h <= 9; h++) {
        for (let k = 1; k <= 4; k++) {
          if (padding === 'valid' && k > h) continue;
          for (let s = 1; s <= 3; s++) {
            const w = 10 - h; // a different width, so rows and columns are not mixed up
            const kw = 5 - k;
            if (padding === 'valid' && kw > w) continue;
            const info = tf.backend_util.computeConv2DInfo(
              [1, h, w, 1],
              [k, kw, 1, 1],
              [s, 4 - s],
              1,
              padding,
            );
            const g = windowGeometry(h, w, k, kw, s, 4 - s, padding);
            expect([h, w, k, kw, s, padding, g.outH, g.outW, g.padTop, g.padLeft]).toEqual([
              h,
              w,
              k,
              kw,
              s,
              padding,
              info.outHeight,
              info.outWidth,
              info.padInfo.top,
              info.padInfo.left,
            ]);
          }
        }
      }
    }
  });
});

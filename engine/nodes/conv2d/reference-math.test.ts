import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { relativeDifference } from '../../gradcheck/verdict.js';
import { createRandom } from '../../random.js';
import { type Padding, windowGeometry } from './geometry.js';
import { type ConvGeometry, conv2dBackward, conv2dForward } from './reference-math.js';
import { asFloat32, dot, numericalGradient, randomArray } from './testing.js';

const geometry = (
  h: number,
  w: number,
  cIn: number,
  kh: number,
  kw: number,
  cOut: number,
  stride: [number, number],
  padding: Padding,
): Case => ({ ...windowGeometry(h, w, kh, kw, stride[0], stride[1], padding), cIn, cOut, padding });

/** A geometry, and the padding it was placed with (tf.conv2d takes the padding, not the placement). */
type Case = ConvGeometry & { padding: Padding };

const describeGeometry = (g: Case) =>
  `${g.h}×${g.w}×${g.cIn}, kernel ${g.kh}×${g.kw}→${g.cOut}, stride ${g.strideH}×${g.strideW}, ${g.padding}`;

describe('Conv2D float64 reference', () => {
  // x = [[1, 2, 3], [4, 5, 6], [7, 8, 9]] (one example, one channel), kernel [[1, 2], [3, 4]], b = 0.5,
  // stride 1, valid → 2×2 output.
  const x = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  const w = Float64Array.from([1, 2, 3, 4]);
  const g = geometry(3, 3, 1, 2, 2, 1, [1, 1], 'valid');

  it('computes a 3×3 input with a 2×2 kernel by hand', () => {
    // out[0,0] = 1·1 + 2·2 + 4·3 + 5·4 = 37; out[0,1] = 2·1 + 3·2 + 5·3 + 6·4 = 47;
    // out[1,0] = 4·1 + 5·2 + 7·3 + 8·4 = 67; out[1,1] = 5·1 + 6·2 + 8·3 + 9·4 = 77; each + 0.5.
    expect(Array.from(conv2dForward(x, [1, 3, 3, 1], w, Float64Array.of(0.5), g))).toEqual([
      37.5, 47.5, 67.5, 77.5,
    ]);
  });

  it('back-propagates a 3×3 input with a 2×2 kernel by hand', () => {
    // dOut = 1 everywhere. db = 4 (four outputs). dw[ky,kx] = Σ of the x cells that tap meets:
    // dw[0,0] = 1 + 2 + 4 + 5 = 12, dw[0,1] = 2 + 3 + 5 + 6 = 16, dw[1,0] = 4 + 5 + 7 + 8 = 24,
    // dw[1,1] = 5 + 6 + 8 + 9 = 28. dx[i,j] = Σ of the kernel taps that land on (i, j):
    // corners get one tap each (1, 2, 3, 4), edge middles two (1+2 = 3, 1+3 = 4, 2+4 = 6, 3+4 = 7),
    // the centre all four (10).
    const { dx, dw, db } = conv2dBackward(Float64Array.of(1, 1, 1, 1), x, w, g);
    expect(Array.from(db)).toEqual([4]);
    expect(Array.from(dw)).toEqual([12, 16, 24, 28]);
    expect(Array.from(dx)).toEqual([1, 3, 2, 4, 10, 6, 3, 7, 4]);
  });

  it('reads padded cells as zeros under same padding, by hand', () => {
    // x = [[1, 2], [3, 4]], kernel [[1, 2], [3, 4]], stride 1, same: out 2×2, total padding 1 per axis,
    // all of it after (bottom, right). out[0,0] = 1·1 + 2·2 + 3·3 + 4·4 = 30; out[0,1] = 2·1 + 4·3 = 14;
    // out[1,0] = 3·1 + 4·2 = 11; out[1,1] = 4·1 = 4.
    const same = geometry(2, 2, 1, 2, 2, 1, [1, 1], 'same');
    expect(Array.from(conv2dForward(Float64Array.of(1, 2, 3, 4), [1, 2, 2, 1], w, null, same))).toEqual([
      30, 14, 11, 4,
    ]);
  });

  const cases: Array<[string, Case]> = [
    geometry(5, 5, 2, 3, 3, 3, [1, 1], 'same'),
    geometry(5, 5, 2, 3, 3, 3, [1, 1], 'valid'),
    geometry(5, 5, 3, 3, 3, 2, [2, 2], 'same'),
    geometry(6, 6, 2, 3, 3, 4, [2, 2], 'same'),
    geometry(6, 6, 2, 3, 3, 2, [2, 2], 'valid'),
    geometry(6, 7, 3, 2, 3, 2, [1, 1], 'same'),
    geometry(7, 6, 2, 2, 3, 3, [2, 1], 'valid'),
    geometry(4, 5, 3, 1, 1, 4, [1, 1], 'valid'),
    geometry(5, 4, 2, 1, 1, 3, [2, 2], 'same'),
    geometry(8, 8, 1, 3, 3, 6, [2, 2], 'same'),
  ].map((g) => [describeGeometry(g), g]);

  it.each(cases)("agrees with tf.js's conv2d output and gradients within 1e-4: %s", (_, g) => {
    // J = Σ out·R for a random R, so ∂J/∂out = R. Inputs are float32-exact, so only tf.js's float32
    // arithmetic separates the two. Measured worst over these cases: forward 4.7e-8, gradients 2.2e-8.
    const random = createRandom(g.h * 100 + g.kw * 10 + g.strideH);
    const m = 2;
    const xShape = [m, g.h, g.w, g.cIn] as const;
    const x = asFloat32(randomArray(m * g.h * g.w * g.cIn, random));
    const w = asFloat32(randomArray(g.kh * g.kw * g.cIn * g.cOut, random));
    const b = asFloat32(randomArray(g.cOut, random));
    const out = conv2dForward(x, xShape, w, b, g);
    const { outH, outW } = g;
    const r = asFloat32(randomArray(out.length, random));
    const ours = conv2dBackward(r, x, w, g);

    const theirs = tf.tidy(() => {
      const conv = (xt: tf.Tensor, wt: tf.Tensor, bt: tf.Tensor) =>
        tf.add(tf.conv2d(xt as tf.Tensor4D, wt as tf.Tensor4D, [g.strideH, g.strideW], g.padding), bt);
      const xt = tf.tensor4d(Float32Array.from(x), [...xShape]);
      const wt = tf.tensor4d(Float32Array.from(w), [g.kh, g.kw, g.cIn, g.cOut]);
      const bt = tf.tensor1d(Float32Array.from(b));
      const rt = tf.tensor4d(Float32Array.from(r), [m, outH, outW, g.cOut]);
      const [dx, dw, db] = tf.grads((a, c, d) => tf.sum(tf.mul(conv(a!, c!, d!), rt)))([xt, wt, bt]);
      return [conv(xt, wt, bt), dx!, dw!, db!].map((t) => t.dataSync().slice());
    });
    const [tfOut, tfDx, tfDw, tfDb] = theirs as [Float32Array, Float32Array, Float32Array, Float32Array];
    expect(tfOut.length).toBe(out.length);
    expect(relativeDifference(out, tfOut)).toBeLessThan(1e-4);
    expect(relativeDifference(ours.dx, tfDx)).toBeLessThan(1e-4);
    expect(relativeDifference(ours.dw, tfDw)).toBeLessThan(1e-4);
    expect(relativeDifference(ours.db, tfDb)).toBeLessThan(1e-4);
  });

  it.each(
    [
      geometry(4, 5, 2, 3, 2, 3, [1, 1], 'same'),
      geometry(5, 4, 2, 2, 3, 2, [2, 2], 'same'),
      geometry(5, 5, 1, 3, 3, 2, [2, 1], 'valid'),
    ].map((g): [string, Case] => [describeGeometry(g), g]),
  )('agrees with two-sided float64 differences (ε = 1e-6) within 1e-7: %s', (_, g) => {
    // J is bilinear in (x, w) and linear in b, so the central difference has no truncation error: what
    // is left is rounding, about u·|J|/ε. Measured worst: 1.0e-9.
    const random = createRandom(7 + g.h);
    const m = 2;
    const xShape = [m, g.h, g.w, g.cIn] as const;
    const x = randomArray(m * g.h * g.w * g.cIn, random);
    const w = randomArray(g.kh * g.kw * g.cIn * g.cOut, random);
    const b = randomArray(g.cOut, random);
    const r = randomArray(conv2dForward(x, xShape, w, b, g).length, random);
    const cost = () => dot(conv2dForward(x, xShape, w, b, g), r);
    const { dx, dw, db } = conv2dBackward(r, x, w, g);
    expect(relativeDifference(numericalGradient(cost, x), dx)).toBeLessThan(1e-7);
    expect(relativeDifference(numericalGradient(cost, w), dw)).toBeLessThan(1e-7);
    expect(relativeDifference(numericalGradient(cost, b), db)).toBeLessThan(1e-7);
  });
});

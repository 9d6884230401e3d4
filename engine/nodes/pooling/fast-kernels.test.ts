import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { randomFloats, worstRelativeError } from '../../testing/float32.js';
import { geometryOf } from '../conv2d/fast-kernels.js';
import { AvgPool2dKernel, MaxPool2dKernel, type Pool2dShape } from './fast-kernels.js';

const TOLERANCE = 1e-5;
type Kind = 'max' | 'avg';

interface PoolResult {
  out: number[];
  dx: number[];
}

/**
 * Runs a kernel sized for maxBatch on mb examples of x, with dOut = R, outputs first poisoned with
 * NaN so a value left unwritten shows. `kernel` may be reused across calls.
 */
function run(
  kernel: MaxPool2dKernel | AvgPool2dKernel,
  mb: number,
  x: Float32Array,
  r: Float32Array,
): PoolResult {
  const out = new Float32Array(kernel.maxBatch * kernel.outSize).fill(Number.NaN);
  const dx = new Float32Array(kernel.maxBatch * kernel.inSize).fill(Number.NaN);
  kernel.forward(x, out, mb);
  kernel.backward(r, dx, mb);
  return {
    out: Array.from(out.subarray(0, mb * kernel.outSize)),
    dx: Array.from(dx.subarray(0, mb * kernel.inSize)),
  };
}

const build = (kind: Kind, shape: Pool2dShape, maxBatch: number) =>
  kind === 'max' ? new MaxPool2dKernel(shape, maxBatch) : new AvgPool2dKernel(shape, maxBatch);

/**
 * The reference: tf.js's maxPool / avgPool forward on the CPU backend, and tf.grads of sum(out · R).
 * One exception: tf.js's CPU (and WebGL) AvgPoolGrad divides every window by kh·kw, also edge windows
 * of 'same' padding that its forward divides by fewer cells, so its gradient is not that of its
 * forward there (TensorFlow's own AvgPoolGrad divides by the real cells). The average-pool gradient
 * is therefore taken through an equivalent pool made of differentiable parts that tf.js gets right:
 * pad with zeros, a 'valid' average (every window whole), times kh·kw / (real cells per window).
 */
function tfPool(kind: Kind, shape: Pool2dShape, m: number, xs: Float32Array, rs: Float32Array): PoolResult {
  const { h, w, c, kh, kw, strideH, strideW, padding } = shape;
  const { outH, outW, padTop, padLeft } = geometryOf(shape);
  return tf.tidy(() => {
    const x = tf.tensor4d(xs.subarray(0, m * h * w * c), [m, h, w, c]);
    const r = tf.tensor4d(rs.subarray(0, m * outH * outW * c), [m, outH, outW, c]);
    const strides: [number, number] = [strideH, strideW];
    const tfOut =
      kind === 'max' ? tf.maxPool(x, [kh, kw], strides, padding) : tf.avgPool(x, [kh, kw], strides, padding);
    let pool = (t: tf.Tensor4D): tf.Tensor4D => tf.maxPool(t, [kh, kw], strides, padding);
    if (kind === 'avg') {
      const padBottom = Math.max((outH - 1) * strideH + kh - h, 0) - padTop;
      const padRight = Math.max((outW - 1) * strideW + kw - w, 0) - padLeft;
      const pads: [number, number][] = [
        [0, 0],
        [padTop, padBottom],
        [padLeft, padRight],
        [0, 0],
      ];
      const wholeMean = (t: tf.Tensor4D) => tf.avgPool(tf.pad(t, pads), [kh, kw], strides, 'valid');
      const share = wholeMean(tf.ones([1, h, w, 1])); // real cells / (kh·kw), per window
      pool = (t) => wholeMean(t).div(share);
      // The stand-in is the same forward as tf.avgPool's, so its gradient is the one to match.
      expect(worstRelativeError(pool(x).dataSync(), tfOut.dataSync())).toBeLessThanOrEqual(TOLERANCE);
    }
    const dx = tf.grad((t) =>
      pool(t as tf.Tensor4D)
        .mul(r)
        .sum(),
    )(x);
    return { out: Array.from(tfOut.dataSync()), dx: Array.from(dx.dataSync()) };
  });
}

function agreementCases(): Pool2dShape[] {
  const cases: Pool2dShape[] = [];
  for (const [kh, kw] of [
    [1, 1],
    [2, 2],
    [3, 3],
    [2, 3],
  ] as const) {
    for (const stride of [1, 2]) {
      for (const padding of ['same', 'valid'] as const) {
        for (const [h, w] of [
          [7, 7],
          [6, 8],
        ] as const) {
          cases.push({
            h,
            w,
            c: 1 + (cases.length % 3),
            kh,
            kw,
            strideH: stride,
            strideW: stride,
            padding,
          });
        }
      }
    }
  }
  // Unequal strides, a stride longer than the window (cells skipped), a window as large as the input.
  cases.push({ h: 7, w: 6, c: 2, kh: 3, kw: 2, strideH: 1, strideW: 2, padding: 'same' });
  cases.push({ h: 8, w: 7, c: 3, kh: 2, kw: 2, strideH: 3, strideW: 3, padding: 'same' });
  cases.push({ h: 4, w: 5, c: 2, kh: 4, kw: 5, strideH: 2, strideW: 2, padding: 'same' });
  return cases;
}

const describeShape = (s: Pool2dShape) =>
  `${s.kh}×${s.kw} ${s.padding} stride ${s.strideH}×${s.strideW} on ${s.h}×${s.w}×${s.c}`;

function expectAgreement(
  kind: Kind,
  shape: Pool2dShape,
  mb: number,
  ours: PoolResult,
  x: Float32Array,
  r: Float32Array,
) {
  const theirs = tfPool(kind, shape, mb, x, r);
  const worst = { out: worstRelativeError(ours.out, theirs.out), dx: worstRelativeError(ours.dx, theirs.dx) };
  expect(worst.out).toBeLessThanOrEqual(TOLERANCE);
  expect(worst.dx).toBeLessThanOrEqual(TOLERANCE);
}

const square: Pool2dShape = { h: 3, w: 3, c: 1, kh: 2, kw: 2, strideH: 2, strideW: 2, padding: 'same' };

describe('MaxPool2dKernel', () => {
  it('takes the maximum of each window and routes its gradient back there, by hand', () => {
    // 2×2 windows, stride 2, 'same' on 3×3: out 2×2, total pad (2 − 1)·2 + 2 − 3 = 1, all of it
    // below and right. x = [[1, 4, 2], [3, 0, 7], [8, 6, 5]]: windows {1, 4, 3, 0} → 4 at (0, 1),
    // {2, 7} → 7 at (1, 2), {8, 6} → 8 at (2, 0), {5} → 5 at (2, 2). dOut = [1, 2, 3, 4] lands there.
    const kernel = new MaxPool2dKernel(square, 1);
    const result = run(
      kernel,
      1,
      Float32Array.from([1, 4, 2, 3, 0, 7, 8, 6, 5]),
      Float32Array.from([1, 2, 3, 4]),
    );
    expect(result.out).toEqual([4, 7, 8, 5]);
    expect(Array.from(kernel.argmax)).toEqual([1, 5, 6, 8]);
    expect(result.dx).toEqual([0, 1, 0, 0, 0, 2, 3, 0, 4]);
  });

  it('ignores padded cells even when every real cell is negative', () => {
    // 3×3 'same' at stride 1 on 2×2 of −1…−4: a 0 of padding would win every window if it counted.
    const shape: Pool2dShape = { h: 2, w: 2, c: 1, kh: 3, kw: 3, strideH: 1, strideW: 1, padding: 'same' };
    const result = run(
      new MaxPool2dKernel(shape, 1),
      1,
      Float32Array.from([-1, -2, -3, -4]),
      new Float32Array(4),
    );
    expect(result.out).toEqual([-1, -1, -1, -1]);
  });
  it('sends the gradient of a tie to the first cell of the window, as tf.js does', () => {
    const shape: Pool2dShape = { h: 4, w: 5, c: 2, kh: 2, kw: 3, strideH: 1, strideW: 2, padding: 'same' };
    const { outH, outW } = geometryOf(shape);
    const x = new Float32Array(2 * 4 * 5 * 2).fill(1);
    const r = randomFloats(2 * outH * outW * 2, 5);
    expectAgreement('max', shape, 2, run(new MaxPool2dKernel(shape, 2), 2, x, r), x, r);
  });
});

describe('AvgPool2dKernel', () => {
  it('divides each window by its real cells and spreads the gradient over them, by hand', () => {
    // Same windows as above on x = 1…9: (1 + 2 + 4 + 5)/4 = 3, (3 + 6)/2 = 4.5, (7 + 8)/2 = 7.5,
    // 9/1 = 9. dOut = [1, 2, 3, 4]: 1/4 to each of the first window's 4 cells, 2/2 to (0, 2) and
    // (1, 2), 3/2 to (2, 0) and (2, 1), 4/1 to (2, 2).
    const x = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const result = run(new AvgPool2dKernel(square, 1), 1, x, Float32Array.from([1, 2, 3, 4]));
    expect(result.out).toEqual([3, 4.5, 7.5, 9]);
    expect(result.dx).toEqual([0.25, 0.25, 1, 0.25, 0.25, 1, 1.5, 1.5, 4]);
  });
});

for (const kind of ['max', 'avg'] as const) {
  describe(`${kind} pooling against tf.js`, () => {
    for (const [i, shape] of agreementCases().entries()) {
      it(`agrees for ${describeShape(shape)}, forward and gradient`, () => {
        const { outH, outW } = geometryOf(shape);
        const x = randomFloats(3 * shape.h * shape.w * shape.c, 200 + i);
        const r = randomFloats(3 * outH * outW * shape.c, 300 + i);
        expectAgreement(kind, shape, 3, run(build(kind, shape, 3), 3, x, r), x, r);
      });
    }

    it('reuses its buffers for a batch smaller than the largest', () => {
      const shape: Pool2dShape = { h: 7, w: 6, c: 3, kh: 3, kw: 3, strideH: 2, strideW: 2, padding: 'same' };
      const { outH, outW } = geometryOf(shape);
      const kernel = build(kind, shape, 3);
      const sizes = [3 * shape.h * shape.w * shape.c, 3 * outH * outW * shape.c];
      run(kernel, 3, randomFloats(sizes[0]!, 1), randomFloats(sizes[1]!, 2));
      const x = randomFloats(sizes[0]!, 3);
      const r = randomFloats(sizes[1]!, 4);
      expectAgreement(kind, shape, 2, run(kernel, 2, x, r), x, r);
    });
  });
}

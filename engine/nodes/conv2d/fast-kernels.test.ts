import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { bindKernels, jsKernels, type KernelChoice, simdAvailable } from '../../fast/kernels.js';
import { randomFloats, worstRelativeError } from '../../testing/float32.js';
import { Conv2dKernel, type Conv2dShape, geometryOf } from './fast-kernels.js';

const TOLERANCE = 1e-5;
const CHOICES: KernelChoice[] = simdAvailable() ? ['js', 'simd'] : ['js'];

interface ConvData {
  x: Float32Array;
  w: Float32Array;
  b: Float32Array;
  /** dOut: the gradient of sum(out · R) with respect to out is R. */
  r: Float32Array;
}

interface ConvResult {
  out: number[];
  dx: number[];
  dw: number[];
  db: number[];
}

/**
 * A kernel and every operand it touches, sized for maxBatch and bound to `choice`'s products (for
 * SIMD, all of them moved into its memory, as the executor would). `step` loads data (mb examples),
 * poisons the outputs with NaN so a value left unwritten shows, and runs forward then backward.
 */
function harness(shape: Conv2dShape, maxBatch: number, choice: KernelChoice) {
  const kernel = new Conv2dKernel(shape, maxBatch);
  const { h, w, cIn, cOut, kh, kw } = shape;
  const inSize = h * w * cIn;
  const outSize = kernel.cells * cOut;
  const io = {
    x: new Float32Array(maxBatch * inSize),
    w: new Float32Array(kh * kw * cIn * cOut),
    b: new Float32Array(cOut),
    out: new Float32Array(maxBatch * outSize),
    dOut: new Float32Array(maxBatch * outSize),
    dx: new Float32Array(maxBatch * inSize),
    dw: new Float32Array(kh * kw * cIn * cOut),
    db: new Float32Array(cOut),
  };
  const kernels = bindKernels(choice, [kernel, io]);
  expect(kernels.name).toBe(choice);
  const step = (mb: number, data: ConvData): ConvResult => {
    io.x.set(data.x.subarray(0, mb * inSize));
    io.w.set(data.w);
    io.b.set(data.b);
    io.dOut.set(data.r.subarray(0, mb * outSize));
    for (const poisoned of [io.out, io.dx, io.dw, io.db]) poisoned.fill(Number.NaN);
    kernel.forward(io.x, io.w, io.b, io.out, mb, kernels);
    const out = Array.from(io.out.subarray(0, mb * outSize));
    kernel.backward(io.dOut, io.x, io.w, io.dx, io.dw, io.db, mb, kernels);
    return {
      out,
      dx: Array.from(io.dx.subarray(0, mb * inSize)),
      dw: Array.from(io.dw),
      db: Array.from(io.db),
    };
  };
  return { kernel, step };
}

/** Seeded data for `m` examples. */
function convData(shape: Conv2dShape, m: number, seed: number): ConvData {
  const { outH, outW } = geometryOf(shape);
  const { h, w, cIn, cOut, kh, kw } = shape;
  return {
    x: randomFloats(m * h * w * cIn, seed),
    w: randomFloats(kh * kw * cIn * cOut, seed + 1),
    b: randomFloats(cOut, seed + 2),
    r: randomFloats(m * outH * outW * cOut, seed + 3),
  };
}

/** tf.js's conv2d + bias on the CPU backend, and tf.grads of sum(out · R). */
function tfConv(shape: Conv2dShape, m: number, data: ConvData): ConvResult {
  const { h, w, cIn, cOut, kh, kw, strideH, strideW, padding } = shape;
  const { outH, outW } = geometryOf(shape);
  return tf.tidy(() => {
    const x = tf.tensor4d(data.x.subarray(0, m * h * w * cIn), [m, h, w, cIn]);
    const k = tf.tensor4d(data.w, [kh, kw, cIn, cOut]);
    const b = tf.tensor1d(data.b);
    const r = tf.tensor4d(data.r.subarray(0, m * outH * outW * cOut), [m, outH, outW, cOut]);
    const layer = (x: tf.Tensor, k: tf.Tensor, b: tf.Tensor) =>
      tf.conv2d(x as tf.Tensor4D, k as tf.Tensor4D, [strideH, strideW], padding).add(b);
    const [dx, dw, db] = tf.grads((x, k, b) => layer(x, k, b).mul(r).sum())([x, k, b]) as tf.Tensor[];
    const values = (t: tf.Tensor | undefined) => Array.from(t?.dataSync() ?? []);
    return { out: values(layer(x, k, b)), dx: values(dx), dw: values(dw), db: values(db) };
  });
}

/** The worst relative error of each of out, dx, dw, db. */
function errors(ours: ConvResult, theirs: ConvResult): Record<keyof ConvResult, number> {
  return {
    out: worstRelativeError(ours.out, theirs.out),
    dx: worstRelativeError(ours.dx, theirs.dx),
    dw: worstRelativeError(ours.dw, theirs.dw),
    db: worstRelativeError(ours.db, theirs.db),
  };
}

/** Every error of ours against tf.js's within TOLERANCE, each named when it fails. */
function expectAgreement(ours: ConvResult, theirs: ConvResult): void {
  for (const [name, error] of Object.entries(errors(ours, theirs)))
    expect(error, name).toBeLessThanOrEqual(TOLERANCE);
}

/** Every kernel size × stride × padding × odd/even input, with changing channel counts. */
function agreementCases(): Conv2dShape[] {
  const cases: Conv2dShape[] = [];
  const channels = [
    [1, 2],
    [3, 4],
    [2, 5],
  ] as const;
  for (const [kh, kw] of [
    [1, 1],
    [3, 3],
    [5, 5],
    [2, 3],
  ] as const) {
    for (const stride of [1, 2]) {
      for (const padding of ['same', 'valid'] as const) {
        for (const [h, w] of [
          [7, 7],
          [6, 8],
        ] as const) {
          const [cIn, cOut] = channels[cases.length % channels.length]!;
          cases.push({ h, w, cIn, cOut, kh, kw, strideH: stride, strideW: stride, padding });
        }
      }
    }
  }
  // Unequal strides, and a 'same' kernel wider than the input.
  cases.push({ h: 7, w: 6, cIn: 2, cOut: 3, kh: 3, kw: 2, strideH: 1, strideW: 2, padding: 'same' });
  cases.push({ h: 4, w: 3, cIn: 3, cOut: 2, kh: 5, kw: 5, strideH: 2, strideW: 1, padding: 'same' });
  return cases;
}

const describeShape = (s: Conv2dShape) =>
  `${s.kh}×${s.kw} ${s.padding} stride ${s.strideH}×${s.strideW} on ${s.h}×${s.w}×${s.cIn} → ${s.cOut}`;

describe('geometryOf', () => {
  it('matches TensorFlow on both paddings, odd and even sizes', () => {
    // valid: ceil((7 − 3 + 1)/2) = 3. same: ceil(7/2) = 4, total pad (4 − 1)·2 + 3 − 7 = 2, top 1.
    const base = { h: 7, w: 6, kh: 3, kw: 2, strideH: 2, strideW: 2 };
    expect(geometryOf({ ...base, padding: 'valid' })).toMatchObject({
      outH: 3,
      outW: 3,
      padTop: 0,
      padLeft: 0,
    });
    // w: ceil(6/2) = 3, total pad (3 − 1)·2 + 2 − 6 = 0.
    expect(geometryOf({ ...base, padding: 'same' })).toMatchObject({
      outH: 4,
      outW: 3,
      padTop: 1,
      padLeft: 0,
    });
    // An even kernel at stride 1 pads k − 1 = 1: none before, one after.
    expect(geometryOf({ h: 5, w: 5, kh: 2, kw: 2, strideH: 1, strideW: 1, padding: 'same' })).toMatchObject({
      outH: 5,
      outW: 5,
      padTop: 0,
      padLeft: 0,
    });
  });
});

describe('Conv2dKernel', () => {
  it('computes a 2×2 same convolution and its gradients by hand', () => {
    // x = [[1, 2, 3], [4, 5, 6], [7, 8, 9]], W = [[1, 0], [0, −1]], b = 0.5; 'same' pads one row
    // below and one column right, so out[i, j] = x[i, j] − x[i + 1, j + 1] + 0.5 (0 outside):
    // [[1 − 5, 2 − 6, 3], [4 − 8, 5 − 9, 6], [7, 8, 9]] + 0.5.
    // dOut = 1 everywhere: dW[ky, kx] = Σ of the x cells each tap reads: tap (0, 0) all of x = 45,
    // (0, 1) columns 1–2 = 33, (1, 0) rows 1–2 = 39, (1, 1) = 5 + 6 + 8 + 9 = 28; db = 9 cells.
    // dX[p, q] = W[0, 0] from out (p, q) + W[1, 1] from out (p − 1, q − 1) when that exists.
    const shape: Conv2dShape = {
      h: 3,
      w: 3,
      cIn: 1,
      cOut: 1,
      kh: 2,
      kw: 2,
      strideH: 1,
      strideW: 1,
      padding: 'same',
    };
    for (const choice of CHOICES) {
      const { step } = harness(shape, 1, choice);
      const result = step(1, {
        x: Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]),
        w: Float32Array.from([1, 0, 0, -1]),
        b: Float32Array.from([0.5]),
        r: new Float32Array(9).fill(1),
      });
      expect(result.out).toEqual([-3.5, -3.5, 3.5, -3.5, -3.5, 6.5, 7.5, 8.5, 9.5]);
      expect(result.dw).toEqual([45, 33, 39, 28]);
      expect(result.db).toEqual([9]);
      expect(result.dx).toEqual([1, 1, 1, 1, 0, 0, 1, 0, 0]);
    }
  });

  for (const choice of CHOICES) {
    for (const [i, shape] of agreementCases().entries()) {
      it(`agrees with tf.js for ${describeShape(shape)}, forward and gradients (${choice} kernels)`, () => {
        const data = convData(shape, 3, 100 + i);
        const result = harness(shape, 3, choice).step(3, data);
        expectAgreement(result, tfConv(shape, 3, data));
      });
    }

    it(`reuses its buffers for a batch smaller than the largest (${choice} kernels)`, () => {
      const shape: Conv2dShape = {
        h: 6,
        w: 7,
        cIn: 2,
        cOut: 3,
        kh: 3,
        kw: 3,
        strideH: 2,
        strideW: 1,
        padding: 'same',
      };
      const { step } = harness(shape, 3, choice);
      step(3, convData(shape, 3, 7)); // fills every buffer to the end with other numbers
      const data = convData(shape, 3, 8);
      expectAgreement(step(2, data), tfConv(shape, 2, data));
    });
  }

  it('skips dx when the layer reads the data, and the bias when there is none', () => {
    const shape: Conv2dShape = {
      h: 5,
      w: 5,
      cIn: 2,
      cOut: 2,
      kh: 3,
      kw: 3,
      strideH: 1,
      strideW: 1,
      padding: 'valid',
    };
    const data = convData(shape, 2, 9);
    const kernel = new Conv2dKernel(shape, 2);
    const out = new Float32Array(2 * kernel.cells * 2);
    const dw = new Float32Array(data.w.length);
    kernel.forward(data.x, data.w, null, out, 2, jsKernels);
    kernel.backward(data.r, data.x, data.w, null, dw, null, 2, jsKernels);
    const theirs = tfConv(shape, 2, { ...data, b: new Float32Array(2) });
    expect(worstRelativeError(out, theirs.out)).toBeLessThanOrEqual(TOLERANCE);
    expect(worstRelativeError(dw, theirs.dw)).toBeLessThanOrEqual(TOLERANCE);
  });

  it('refuses a batch larger than it was sized for, and a kernel that leaves no output', () => {
    const shape: Conv2dShape = {
      h: 4,
      w: 4,
      cIn: 1,
      cOut: 1,
      kh: 3,
      kw: 3,
      strideH: 1,
      strideW: 1,
      padding: 'valid',
    };
    const kernel = new Conv2dKernel(shape, 2);
    const x = new Float32Array(3 * 16);
    expect(() => kernel.forward(x, new Float32Array(9), null, new Float32Array(12), 3, jsKernels)).toThrow(
      /batch 3/,
    );
    expect(() => new Conv2dKernel({ ...shape, kh: 5 }, 2)).toThrow(/no output/);
  });
});

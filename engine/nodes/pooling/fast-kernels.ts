import { geometryOf, type WindowSpec } from '../conv2d/fast-kernels.js';
import type { WindowGeometry } from '../conv2d/geometry.js';

/**
 * Float32 MaxPool2D and AveragePool2D for the fast executor, forward and backward, with no
 * allocation per call. Row-major, channels-last: x [m, h, w, c] → out [m, outH, outW, c]; windows,
 * strides and 'same'/'valid' padding as TensorFlow (see conv2d/geometry.ts). Padding cells never
 * count: max pooling ignores them (as if −∞), average pooling divides by the real cells only, as
 * TensorFlow's and tf.js's forward do.
 */

/** A pooling layer's sizes: input h × w × c, kh × kw windows. */
export interface Pool2dShape extends WindowSpec {
  c: number;
}

/** First input index of output o's window on one axis, clipped to the input (padding skipped). */
function windowStart(o: number, stride: number, pad: number): number {
  return Math.max(o * stride - pad, 0);
}

/** One past the last input index of output o's window, clipped (two numbers, not a tuple: no allocation). */
function windowEnd(o: number, stride: number, pad: number, k: number, size: number): number {
  return Math.min(o * stride - pad + k, size);
}

/** Shared by both pools: shape and geometry checked and kept, batch bounds. */
abstract class PoolKernel {
  readonly shape: Readonly<Pool2dShape>;
  readonly geometry: Readonly<WindowGeometry>;
  readonly maxBatch: number;
  /** Values per example in x (h·w·c) and out (outH·outW·c). */
  readonly inSize: number;
  readonly outSize: number;

  constructor(shape: Pool2dShape, maxBatch: number) {
    for (const [name, v] of Object.entries({ maxBatch, ...shape })) {
      if (name !== 'padding' && !(Number.isInteger(v) && (v as number) > 0))
        throw new Error(`Pool kernel: ${name} must be a positive integer, got ${v}.`);
    }
    this.shape = { ...shape };
    this.geometry = geometryOf(shape);
    if (this.geometry.outH < 1 || this.geometry.outW < 1)
      throw new Error(
        `Pool kernel: a ${shape.kh}×${shape.kw} window leaves no output of ${shape.h}×${shape.w}.`,
      );
    this.maxBatch = maxBatch;
    this.inSize = shape.h * shape.w * shape.c;
    this.outSize = this.geometry.outH * this.geometry.outW * shape.c;
  }

  protected checkBatch(mb: number): void {
    if (!(Number.isInteger(mb) && mb >= 1 && mb <= this.maxBatch))
      throw new Error(`Pool kernel: batch ${mb} outside 1…${this.maxBatch}.`);
  }
}

/**
 * Max pooling. The forward remembers, per output value, the flat index in x of the maximum it took
 * (`argmax`, sized for maxBatch), so the backward is one scatter: dx[argmax[i]] += dOut[i]. Ties go
 * to the first cell in row-major window order, as tf.js's CPU backend picks.
 * E.g. 2 × 2 windows, stride 2, on one 2 × 2 channel [[1, 4], [3, 2]]: out [4], argmax [1].
 */
export class MaxPool2dKernel extends PoolKernel {
  /** Flat x index of each output value's maximum: [maxBatch, outH, outW, c]. */
  readonly argmax: Int32Array;

  constructor(shape: Pool2dShape, maxBatch: number) {
    super(shape, maxBatch);
    this.argmax = new Int32Array(maxBatch * this.outSize);
  }

  /** out [mb, outH, outW, c] = the maximum of each window of x [mb, h, w, c], per channel. */
  forward(x: Float32Array, out: Float32Array, mb: number): void {
    this.checkBatch(mb);
    const { h, w, c, kh, kw, strideH, strideW } = this.shape;
    const { outH, outW, padTop, padLeft } = this.geometry;
    const argmax = this.argmax;
    let o = 0;
    for (let n = 0; n < mb; n++) {
      const image = n * h * w * c;
      for (let oy = 0; oy < outH; oy++) {
        const y0 = windowStart(oy, strideH, padTop);
        const y1 = windowEnd(oy, strideH, padTop, kh, h);
        for (let ox = 0; ox < outW; ox++) {
          const x0 = windowStart(ox, strideW, padLeft);
          const x1 = windowEnd(ox, strideW, padLeft, kw, w);
          // Channels innermost: each cell's c values are contiguous, and out holds the running max.
          const first = image + (y0 * w + x0) * c;
          for (let ch = 0; ch < c; ch++) {
            out[o + ch] = x[first + ch] as number;
            argmax[o + ch] = first + ch;
          }
          for (let iy = y0; iy < y1; iy++) {
            for (let ix = iy === y0 ? x0 + 1 : x0; ix < x1; ix++) {
              const at = image + (iy * w + ix) * c;
              for (let ch = 0; ch < c; ch++) {
                const v = x[at + ch] as number;
                if (v > (out[o + ch] as number)) {
                  out[o + ch] = v;
                  argmax[o + ch] = at + ch;
                }
              }
            }
          }
          o += c;
        }
      }
    }
  }

  /**
   * dx [mb, h, w, c] = 0, plus each dOut value at the input cell its forward took the maximum from.
   * Uses `argmax` as the forward with this mb left it.
   */
  backward(dOut: Float32Array, dx: Float32Array, mb: number): void {
    this.checkBatch(mb);
    dx.fill(0, 0, mb * this.inSize);
    const argmax = this.argmax;
    for (let i = 0, end = mb * this.outSize; i < end; i++) {
      const at = argmax[i] as number;
      dx[at] = (dx[at] as number) + (dOut[i] as number);
    }
  }
}

/**
 * Average pooling over the real cells of each window: with 'same' padding an edge window of a 3 × 3
 * pool that covers 2 × 3 real cells divides by 6, not 9 (TensorFlow's rule). The backward spreads
 * each dOut value evenly over the same cells. Needs no scratch: the counts are recomputed, cheaply.
 * E.g. 2 × 2 windows, stride 2, 'same', on one 3 × 3 channel 1…9: out [[3, 4.5], [7.5, 9]].
 */
export class AvgPool2dKernel extends PoolKernel {
  /** out [mb, outH, outW, c] = the mean of each window's real cells of x [mb, h, w, c], per channel. */
  forward(x: Float32Array, out: Float32Array, mb: number): void {
    this.checkBatch(mb);
    const { h, w, c, kh, kw, strideH, strideW } = this.shape;
    const { outH, outW, padTop, padLeft } = this.geometry;
    let o = 0;
    for (let n = 0; n < mb; n++) {
      const image = n * h * w * c;
      for (let oy = 0; oy < outH; oy++) {
        const y0 = windowStart(oy, strideH, padTop);
        const y1 = windowEnd(oy, strideH, padTop, kh, h);
        for (let ox = 0; ox < outW; ox++) {
          const x0 = windowStart(ox, strideW, padLeft);
          const x1 = windowEnd(ox, strideW, padLeft, kw, w);
          out.fill(0, o, o + c);
          for (let iy = y0; iy < y1; iy++) {
            for (let ix = x0; ix < x1; ix++) {
              const at = image + (iy * w + ix) * c;
              for (let ch = 0; ch < c; ch++) out[o + ch] = (out[o + ch] as number) + (x[at + ch] as number);
            }
          }
          const scale = 1 / ((y1 - y0) * (x1 - x0));
          for (let ch = 0; ch < c; ch++) out[o + ch] = (out[o + ch] as number) * scale;
          o += c;
        }
      }
    }
  }

  /** dx [mb, h, w, c] = 0, plus dOut / count added to every real cell of each output's window. */
  backward(dOut: Float32Array, dx: Float32Array, mb: number): void {
    this.checkBatch(mb);
    const { h, w, c, kh, kw, strideH, strideW } = this.shape;
    const { outH, outW, padTop, padLeft } = this.geometry;
    dx.fill(0, 0, mb * this.inSize);
    let o = 0;
    for (let n = 0; n < mb; n++) {
      const image = n * h * w * c;
      for (let oy = 0; oy < outH; oy++) {
        const y0 = windowStart(oy, strideH, padTop);
        const y1 = windowEnd(oy, strideH, padTop, kh, h);
        for (let ox = 0; ox < outW; ox++) {
          const x0 = windowStart(ox, strideW, padLeft);
          const x1 = windowEnd(ox, strideW, padLeft, kw, w);
          const scale = 1 / ((y1 - y0) * (x1 - x0));
          for (let iy = y0; iy < y1; iy++) {
            for (let ix = x0; ix < x1; ix++) {
              const at = image + (iy * w + ix) * c;
              for (let ch = 0; ch < c; ch++)
                dx[at + ch] = (dx[at + ch] as number) + (dOut[o + ch] as number) * scale;
            }
          }
          o += c;
        }
      }
    }
  }
}

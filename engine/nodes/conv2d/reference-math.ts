/**
 * Float64 reference maths of a 2-D convolution, for the gradient check: no tf.js, plain loops, clarity
 * before speed. Every tensor is row-major and channels-last, as tf.js lays them out:
 * x [m, h, w, cIn], kernel [kh, kw, cIn, cOut] (tf.conv2d's filter), b [cOut], out [m, outH, outW, cOut].
 * Windows are placed by geometry.ts's windowGeometry, as TensorFlow places them.
 */
import type { WindowGeometry } from './geometry.js';

/** A Conv2D layer's shapes: where its kernel slides over h × w (geometry.ts), cIn channels in, cOut out. */
export interface ConvGeometry extends WindowGeometry {
  cIn: number;
  cOut: number;
}

/** m from a tensor's length; throws when the length is not a whole number of examples. */
function examplesIn(length: number, perExample: number, what: string): number {
  const m = length / perExample;
  if (!Number.isInteger(m)) throw new Error(`${what} has ${length} values, not a multiple of ${perExample}.`);
  return m;
}

/**
 * Visits every (output cell, kernel tap) pair whose input cell is real, not padding: padded cells are
 * zeros, so they add nothing to the forward sum and receive no gradient. Forward and backward share it
 * so both walk the same pairs. It hands over where each tensor's run of channels starts (row-major,
 * channels last): x[n, iy, ix, 0], w[ky, kx, 0, 0] and out[n, oy, ox, 0]; w[ky, kx, ci, co] is then at
 * wAt + ci·cOut + co.
 */
function forEachTap(
  g: ConvGeometry,
  m: number,
  visit: (xAt: number, wAt: number, outAt: number) => void,
): void {
  for (let n = 0; n < m; n++) {
    for (let oy = 0; oy < g.outH; oy++) {
      for (let ox = 0; ox < g.outW; ox++) {
        const outAt = ((n * g.outH + oy) * g.outW + ox) * g.cOut;
        for (let ky = 0; ky < g.kh; ky++) {
          const iy = oy * g.strideH - g.padTop + ky;
          if (iy < 0 || iy >= g.h) continue;
          for (let kx = 0; kx < g.kw; kx++) {
            const ix = ox * g.strideW - g.padLeft + kx;
            if (ix < 0 || ix >= g.w) continue;
            visit(((n * g.h + iy) * g.w + ix) * g.cIn, (ky * g.kw + kx) * g.cIn * g.cOut, outAt);
          }
        }
      }
    }
  }
}

function checkKernel(w: Float64Array, b: Float64Array | null, g: ConvGeometry): void {
  const expected = g.kh * g.kw * g.cIn * g.cOut;
  if (w.length !== expected) throw new Error(`Expected a kernel of ${expected} values, got ${w.length}.`);
  if (b && b.length !== g.cOut) throw new Error(`Expected ${g.cOut} biases, got ${b.length}.`);
}

/**
 * out[n, oy, ox, co] = b[co] + Σ_{ky, kx, ci} x[n, oy·sH − padTop + ky, ox·sW − padLeft + kx, ci] · w[ky, kx, ci, co],
 * with padded cells reading 0 (cross-correlation, as tf.conv2d: the kernel is not flipped).
 * E.g. [m, 8, 8, 1] with a [5, 5, 1, 6] kernel, stride 1, valid → [m, 4, 4, 6].
 */
export function conv2dForward(
  x: Float64Array,
  xShape: readonly [number, number, number, number],
  w: Float64Array,
  b: Float64Array | null,
  g: ConvGeometry,
): Float64Array {
  const [m, h, width, cIn] = xShape;
  if (h !== g.h || width !== g.w || cIn !== g.cIn) {
    throw new Error(`x is [${xShape.join(', ')}] but the geometry expects [m, ${g.h}, ${g.w}, ${g.cIn}].`);
  }
  if (x.length !== m * h * width * cIn)
    throw new Error(`x has ${x.length} values, not [${xShape.join(', ')}].`);
  checkKernel(w, b, g);
  const { cOut } = g;
  const out = new Float64Array(m * g.outH * g.outW * cOut);
  if (b) for (let k = 0; k < out.length; k++) out[k] = b[k % cOut] as number;
  forEachTap(g, m, (xAt, wAt, outAt) => {
    for (let ci = 0; ci < cIn; ci++) {
      const xv = x[xAt + ci] as number;
      const wRow = wAt + ci * cOut;
      for (let co = 0; co < cOut; co++) out[outAt + co]! += xv * (w[wRow + co] as number);
    }
  });
  return out;
}

/**
 * From dOut = ∂J/∂out [m, outH, outW, cOut]: each product x·w in the forward sum sends dOut·w to dx and
 * dOut·x to dw; db[co] = Σ over n, oy, ox of dOut. No 1/m: dOut already carries the loss's mean.
 * E.g. dOut [m, 4, 4, 6], x [m, 8, 8, 1], w [5, 5, 1, 6] → dx [m, 8, 8, 1], dw [5, 5, 1, 6], db [6].
 */
export function conv2dBackward(
  dOut: Float64Array,
  x: Float64Array,
  w: Float64Array,
  g: ConvGeometry,
): { dx: Float64Array; dw: Float64Array; db: Float64Array } {
  checkKernel(w, null, g);
  const m = examplesIn(x.length, g.h * g.w * g.cIn, 'x');
  const outLength = m * g.outH * g.outW * g.cOut;
  if (dOut.length !== outLength) throw new Error(`dOut has ${dOut.length} values, expected ${outLength}.`);
  const { cIn, cOut } = g;
  const dx = new Float64Array(x.length);
  const dw = new Float64Array(w.length);
  const db = new Float64Array(cOut);
  for (let k = 0; k < dOut.length; k++) db[k % cOut]! += dOut[k] as number;
  forEachTap(g, m, (xAt, wAt, outAt) => {
    for (let ci = 0; ci < cIn; ci++) {
      const xv = x[xAt + ci] as number;
      const wRow = wAt + ci * cOut;
      let dxi = 0;
      for (let co = 0; co < cOut; co++) {
        const d = dOut[outAt + co] as number;
        dxi += d * (w[wRow + co] as number);
        dw[wRow + co]! += d * xv;
      }
      dx[xAt + ci]! += dxi;
    }
  });
  return { dx, dw, db };
}

/** The convolution's two halves, as the reference's rule table holds them (a test may swap in a broken one). */
export interface Conv2DRule {
  forward: typeof conv2dForward;
  backward: typeof conv2dBackward;
}

export const conv2dRule: Conv2DRule = { forward: conv2dForward, backward: conv2dBackward };

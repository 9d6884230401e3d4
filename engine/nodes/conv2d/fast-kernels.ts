import type { MatmulKernels } from '../../fast/kernels.js';
import { type Padding, type WindowGeometry, windowGeometry } from './geometry.js';
import { im2colByColumns } from './im2col-columns.js';

/**
 * Float32 Conv2D for the fast executor (engine/fast), forward and backward, with no allocation per
 * call. The convolution is lowered to the executor's matrix products (so the SIMD kernels speed it up
 * too) by im2col: every output cell gets one row holding the kh × kw × cIn input patch under it, in
 * the order of the kernel's [kh, kw, cIn, cOut] layout, so that
 *
 *   out [m·outH·outW, cOut] = cols [m·outH·outW, kh·kw·cIn] · W [kh·kw·cIn, cOut] + b
 *   dW = colsᵀ · dOut,  db = Σ_rows dOut,  dX = col2im(dOut · Wᵀ).
 *
 * Layout is row-major and channels-last throughout: x [m, h, w, cIn], W [kh, kw, cIn, cOut],
 * out [m, outH, outW, cOut]. Padding and output size follow TensorFlow (see geometry.ts).
 */

/** A kh × kw window sliding over an h × w input: windowGeometry's arguments, by name. */
export interface WindowSpec {
  h: number;
  w: number;
  kh: number;
  kw: number;
  strideH: number;
  strideW: number;
  padding: Padding;
}

/** Where the window of `s` slides (output size and leading padding), as TensorFlow places it. */
export const geometryOf = (s: WindowSpec): WindowGeometry =>
  windowGeometry(s.h, s.w, s.kh, s.kw, s.strideH, s.strideW, s.padding);

/** A Conv2D layer's sizes: input h × w × cIn, kh × kw kernels, cOut filters. */
export interface Conv2dShape extends WindowSpec {
  cIn: number;
  cOut: number;
}

/**
 * cols[row, :] = the patch of x under output cell `row`, zeros where the window hangs over the
 * padding. For each kernel row ky the patch's kw·cIn values are contiguous in x (channels-last), so
 * each is one run of copies between two runs of zeros.
 * E.g. h = w = 3, cIn = 1, 3 × 3 same: row (0, 0, 0) = [0 0 0, 0 x00 x01, 0 x10 x11].
 */
function im2col(
  x: Float32Array,
  cols: Float32Array,
  mb: number,
  s: Conv2dShape,
  g: WindowGeometry,
  patch: number,
): void {
  const { h, w, cIn, kh, kw, strideH, strideW } = s;
  const span = kw * cIn;
  let r = 0; // start of the current row of cols
  for (let n = 0; n < mb; n++) {
    const image = n * h * w * cIn;
    for (let oy = 0; oy < g.outH; oy++) {
      const top = oy * strideH - g.padTop;
      for (let ox = 0; ox < g.outW; ox++) {
        const left = ox * strideW - g.padLeft;
        // The kernel columns [kx0, kx1) that land inside the input, as offsets into the span.
        const from = Math.max(0, -left) * cIn;
        const to = Math.min(kw, w - left) * cIn;
        const inside = from === 0 && to === span; // the common case: no columns of padding
        for (let ky = 0; ky < kh; ky++) {
          const iy = top + ky;
          const o = r + ky * span;
          if (iy < 0 || iy >= h) {
            cols.fill(0, o, o + span);
            continue;
          }
          const src = image + (iy * w + left) * cIn; // may be before the row: only [from, to) is read
          if (inside) {
            for (let j = 0; j < span; j++) cols[o + j] = x[src + j] as number;
            continue;
          }
          let j = 0;
          for (; j < from; j++) cols[o + j] = 0;
          for (; j < to; j++) cols[o + j] = x[src + j] as number;
          for (; j < span; j++) cols[o + j] = 0;
        }
        r += patch;
      }
    }
  }
}

/**
 * The adjoint of im2col: dx = 0, then every value of dcols is added back to the input cell it was
 * copied from (padding cells are dropped). Overlapping windows (stride < kernel) sum.
 */
function col2im(
  dcols: Float32Array,
  dx: Float32Array,
  mb: number,
  s: Conv2dShape,
  g: WindowGeometry,
  patch: number,
): void {
  const { h, w, cIn, kh, kw, strideH, strideW } = s;
  const span = kw * cIn;
  dx.fill(0, 0, mb * h * w * cIn);
  let r = 0;
  for (let n = 0; n < mb; n++) {
    const image = n * h * w * cIn;
    for (let oy = 0; oy < g.outH; oy++) {
      const top = oy * strideH - g.padTop;
      for (let ox = 0; ox < g.outW; ox++) {
        const left = ox * strideW - g.padLeft;
        const from = Math.max(0, -left) * cIn;
        const to = Math.min(kw, w - left) * cIn;
        for (let ky = 0; ky < kh; ky++) {
          const iy = top + ky;
          if (iy < 0 || iy >= h) continue;
          const o = r + ky * span;
          const dst = image + (iy * w + left) * cIn;
          for (let j = from; j < to; j++) dx[dst + j] = (dx[dst + j] as number) + (dcols[o + j] as number);
        }
        r += patch;
      }
    }
  }
}

/** t [cols × rows] = the transpose of m [rows × cols]. */
function transpose(m: Float32Array, t: Float32Array, rows: number, cols: number): void {
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) t[j * rows + i] = m[i * cols + j] as number;
  }
}

/**
 * Kernel rows of fewer values (kw·cIn) go through im2colByColumns. CPU time of LeNet's first layer's
 * im2col (kw·cIn = 5, m_b 64): see docs/benchmarks.md, issue 16.
 */
const NARROW_SPAN = 16;

/** db[j] = Σ_rows dOut[row, j], summed in float64 (rows run to m·outH·outW, tens of thousands). */
function columnSums(dOut: Float32Array, db: Float32Array, rows: number, n: number): void {
  for (let j = 0; j < n; j++) {
    let sum = 0;
    for (let i = j, end = rows * n; i < end; i += n) sum += dOut[i] as number;
    db[j] = sum;
  }
}

/**
 * One Conv2D layer's float32 kernels, with its scratch sized once for `maxBatch` examples.
 *
 * The one scratch buffer, `cols` [maxBatch·outH·outW, kh·kw·cIn], is a Float32Array property read
 * at every call, so `bindKernels` (engine/fast/kernels.ts) can move it into the SIMD memory; the
 * operands passed in must then live there too. It holds im2col(x) after `forward`, and backward
 * reuses it for dcols = dOut·Wᵀ once dW has read it, which halves the scratch (tens of MB for
 * large batches). A 1 × 1 kernel at stride 1 needs no im2col (its cols are x itself): `cols` is
 * then empty and the products run on x and dx directly.
 *
 * E.g. LeNet's first layer, {h: 28, w: 28, cIn: 1, cOut: 6, kh: 5, kw: 5, strides 1, 'same'} at
 * maxBatch 64: out [64, 28, 28, 6], cols [64·784, 25] (5 MB).
 */
export class Conv2dKernel {
  readonly shape: Readonly<Conv2dShape>;
  readonly geometry: Readonly<WindowGeometry>;
  readonly maxBatch: number;
  /** Output cells per example (outH·outW): rows of the products per example. */
  readonly cells: number;
  /** Values per patch (kh·kw·cIn): the inner dimension of the products, W's rows. */
  readonly patch: number;
  /** Whether cols would equal x (1 × 1 kernel, stride 1, so no padding either). */
  readonly direct: boolean;
  /** Scratch: im2col(x) after forward, dOut·Wᵀ during backward. Empty when `direct`. */
  cols: Float32Array;
  /** Scratch [cOut × patch]: Wᵀ, then dWᵀ, in the backward (see there). */
  transposed: Float32Array;

  constructor(shape: Conv2dShape, maxBatch: number) {
    for (const [name, v] of Object.entries({ maxBatch, ...shape })) {
      if (name !== 'padding' && !(Number.isInteger(v) && (v as number) > 0))
        throw new Error(`Conv2dKernel: ${name} must be a positive integer, got ${v}.`);
    }
    this.shape = { ...shape };
    this.geometry = geometryOf(shape);
    if (this.geometry.outH < 1 || this.geometry.outW < 1)
      throw new Error(
        `Conv2dKernel: a ${shape.kh}×${shape.kw} kernel leaves no output of ${shape.h}×${shape.w}.`,
      );
    this.maxBatch = maxBatch;
    this.cells = this.geometry.outH * this.geometry.outW;
    this.patch = shape.kh * shape.kw * shape.cIn;
    this.direct = shape.kh === 1 && shape.kw === 1 && shape.strideH === 1 && shape.strideW === 1;
    this.cols = new Float32Array(this.direct ? 0 : maxBatch * this.cells * this.patch);
    this.transposed = new Float32Array(this.patch * shape.cOut);
  }

  /**
   * out [mb, outH, outW, cOut] = conv(x [mb, h, w, cIn], w [kh, kw, cIn, cOut]) + b [cOut] (b null:
   * no bias). Fills `cols` with im2col(x) for the backward.
   */
  forward(
    x: Float32Array,
    w: Float32Array,
    b: Float32Array | null,
    out: Float32Array,
    mb: number,
    kernels: MatmulKernels,
  ): void {
    this.checkBatch(mb);
    const rows = mb * this.cells;
    if (this.direct) {
      kernels.matmulBias(x, w, b, out, rows, this.patch, this.shape.cOut);
      return;
    }
    // Narrow kernel rows (few channels) fill cols a column at a time; wide ones copy runs of a row.
    const fill = this.shape.kw * this.shape.cIn < NARROW_SPAN ? im2colByColumns : im2col;
    fill(x, this.cols, mb, this.shape, this.geometry, this.patch);
    kernels.matmulBias(this.cols, w, b, out, rows, this.patch, this.shape.cOut);
  }

  /**
   * Gradients from dOut [mb, outH, outW, cOut]: dw [kh, kw, cIn, cOut] and db [cOut] (null: no bias)
   * are overwritten; so is dx [mb, h, w, cIn] unless null (the layer reads the data: nothing below
   * needs it, and its product, the largest, is skipped). Reads `cols` as the forward on this x and mb
   * left it, and leaves dcols in it: run forward before each backward.
   */
  backward(
    dOut: Float32Array,
    x: Float32Array,
    w: Float32Array,
    dx: Float32Array | null,
    dw: Float32Array,
    db: Float32Array | null,
    mb: number,
    kernels: MatmulKernels,
  ): void {
    this.checkBatch(mb);
    const rows = mb * this.cells;
    const { cOut } = this.shape;
    const patch = this.patch;
    const t = this.transposed;
    // The products run with the patch (25 to hundreds) as C's width, not cOut (6 or 16 in LeNet):
    // the SIMD kernels vectorize along C's rows, and a reduction over rows·cells (tens of thousands)
    // into a narrow C wastes most of each vector. dWᵀ [cOut × patch] = dOutᵀ · cols, then dW = (dWᵀ)ᵀ;
    // dcols [rows × patch] = dOut · Wᵀ as a product with Wᵀ [cOut × patch] rather than row dot products.
    kernels.matmulTransA(dOut, this.direct ? x : this.cols, t, rows, cOut, patch);
    transpose(t, dw, cOut, patch);
    if (db) columnSums(dOut, db, rows, cOut);
    if (!dx) return;
    transpose(w, t, patch, cOut);
    // dW has read cols: it now takes dcols (or dx itself when cols would be x).
    kernels.matmulBias(dOut, t, null, this.direct ? dx : this.cols, rows, cOut, patch);
    if (!this.direct) col2im(this.cols, dx, mb, this.shape, this.geometry, patch);
  }

  private checkBatch(mb: number): void {
    if (!(Number.isInteger(mb) && mb >= 1 && mb <= this.maxBatch))
      throw new Error(`Conv2dKernel: batch ${mb} outside 1…${this.maxBatch}.`);
  }
}

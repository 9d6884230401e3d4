/**
 * Output size and padding of a 2-D convolution or pooling window, exactly as TensorFlow (and tf.js)
 * compute them, so layers built on these numbers agree with tf.js cell for cell.
 */

/** 'valid': windows stay inside the input; 'same': the input is padded so out = ceil(in / stride). */
export type Padding = 'same' | 'valid';

export interface ConvGeometryInput {
  /** Input height and width. */
  h: number;
  w: number;
  /** Window (kernel or pool) height and width. */
  kh: number;
  kw: number;
  strideH: number;
  strideW: number;
  padding: Padding;
}

export interface ConvGeometry {
  outH: number;
  outW: number;
  /** Zero rows above and columns left of the input; the rest of the total padding goes below/right. */
  padTop: number;
  padLeft: number;
}

/**
 * One axis: 'valid' gives ceil((in − k + 1) / stride) windows and no padding; 'same' gives
 * ceil(in / stride) windows and pads max((out − 1)·stride + k − in, 0) in total, the smaller half
 * before. E.g. in 5, k 2, stride 2, same: out 3, total pad (3 − 1)·2 + 2 − 5 = 1, before 0, after 1.
 */
function axis(size: number, k: number, stride: number, padding: Padding): [out: number, before: number] {
  if (padding === 'valid') return [Math.max(0, Math.ceil((size - k + 1) / stride)), 0];
  const out = Math.ceil(size / stride);
  const total = Math.max((out - 1) * stride + k - size, 0);
  return [out, Math.floor(total / 2)];
}

/**
 * Output size and leading padding of a window sliding over an h × w input.
 * E.g. {h: 28, w: 28, kh: 5, kw: 5, strideH: 1, strideW: 1, padding: 'same'} → {outH: 28, outW: 28,
 * padTop: 2, padLeft: 2}; the same with 'valid' → {outH: 24, outW: 24, padTop: 0, padLeft: 0}.
 */
export function convGeometry(input: ConvGeometryInput): ConvGeometry {
  const [outH, padTop] = axis(input.h, input.kh, input.strideH, input.padding);
  const [outW, padLeft] = axis(input.w, input.kw, input.strideW, input.padding);
  return { outH, outW, padTop, padLeft };
}

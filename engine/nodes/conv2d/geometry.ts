/** How a convolution or pooling window pads its input: 'same' keeps h/stride, 'valid' never pads. */
export type Padding = 'same' | 'valid';

/** Where a window of size k with stride s slides over one spatial axis of length n. */
export interface AxisGeometry {
  /** Output length. */
  out: number;
  /** Zeros added before the first value (the extra one of an odd total goes after, as in TensorFlow). */
  padBefore: number;
}

/**
 * One spatial axis, exactly as TensorFlow and tf.js: valid → ⌈(n − k + 1)/s⌉ positions, no padding;
 * same → ⌈n/s⌉ positions with max((out − 1)·s + k − n, 0) zeros, ⌊half⌋ of them before.
 * n 28, k 5, s 1: same → 28 (pad 2 before), valid → 24.
 */
export function axisGeometry(n: number, k: number, s: number, padding: Padding): AxisGeometry {
  if (padding === 'valid') return { out: Math.max(0, Math.ceil((n - k + 1) / s)), padBefore: 0 };
  const out = Math.ceil(n / s);
  const total = Math.max((out - 1) * s + k - n, 0);
  return { out, padBefore: Math.floor(total / 2) };
}

/** A window's placement over an image [h, w, ·]: output size and padding on both axes. */
export interface WindowGeometry {
  h: number;
  w: number;
  kh: number;
  kw: number;
  strideH: number;
  strideW: number;
  outH: number;
  outW: number;
  padTop: number;
  padLeft: number;
}

/** [h, w] under a kh×kw window with these strides and padding → where it slides. */
export function windowGeometry(
  h: number,
  w: number,
  kh: number,
  kw: number,
  strideH: number,
  strideW: number,
  padding: Padding,
): WindowGeometry {
  const rows = axisGeometry(h, kh, strideH, padding);
  const cols = axisGeometry(w, kw, strideW, padding);
  return {
    h,
    w,
    kh,
    kw,
    strideH,
    strideW,
    outH: rows.out,
    outW: cols.out,
    padTop: rows.padBefore,
    padLeft: cols.padBefore,
  };
}

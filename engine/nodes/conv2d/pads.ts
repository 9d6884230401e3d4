import { type Padding, windowGeometry } from './geometry.js';

/** Zeros around an image on each side; TensorFlow puts the odd one of a 'same' total after. */
export interface ExplicitPads {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * The explicit padding that reproduces TensorFlow's window placement, for runtimes that take pads
 * (ONNX's Conv and pools, PyTorch's F.pad). Image [8, 8, ·], k 3, s 2, same: 4 positions need
 * (4 − 1)·2 + 3 − 8 = 1 zero per axis → top 0, bottom 1, left 0, right 1.
 */
export function explicitPads(
  image: readonly number[],
  k: number,
  stride: number,
  padding: Padding,
): ExplicitPads {
  const [h = 1, w = 1] = image;
  const g = windowGeometry(h, w, k, k, stride, stride, padding);
  const total = (n: number, out: number) =>
    padding === 'same' ? Math.max((out - 1) * stride + k - n, 0) : 0;
  return {
    top: g.padTop,
    bottom: total(h, g.outH) - g.padTop,
    left: g.padLeft,
    right: total(w, g.outW) - g.padLeft,
  };
}

/** ONNX's pads attribute: [top, left, bottom, right] (begins of every axis, then ends). */
export const onnxPads = (p: ExplicitPads): number[] => [p.top, p.left, p.bottom, p.right];

/** F.pad's order for the last two axes of [m, c, h, w]: (left, right, top, bottom). */
export const torchPads = (p: ExplicitPads): number[] => [p.left, p.right, p.top, p.bottom];

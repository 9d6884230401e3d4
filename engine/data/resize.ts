import type { Picture } from './images.js';

/**
 * Resizing by area averaging: each output pixel is the mean of the source area it covers, partly
 * covered source pixels weighted by the part covered (OpenCV's INTER_AREA, a box filter). Shrinking,
 * the usual case (photos to 32 × 32), every source pixel counts once, so nothing aliases; enlarging,
 * it is nearest-neighbour with the seams blended.
 */

/** Per output index along one axis: the first source index it covers and the weight of each. */
interface Taps {
  start: Int32Array;
  weights: Float32Array[];
}

/** Taps for `from` source pixels onto `to` output pixels. 2 → 1: [0] with weights [0.5, 0.5]. */
export function areaTaps(from: number, to: number): Taps {
  const scale = from / to;
  const start = new Int32Array(to);
  const weights: Float32Array[] = [];
  for (let o = 0; o < to; o++) {
    const lo = o * scale;
    const hi = (o + 1) * scale;
    const first = Math.floor(lo);
    const last = Math.min(from, Math.ceil(hi));
    const w = new Float32Array(last - first);
    for (let i = first; i < last; i++) w[i - first] = (Math.min(hi, i + 1) - Math.max(lo, i)) / scale;
    start[o] = first;
    weights.push(w);
  }
  return { start, weights };
}

/** Grey (ITU-R BT.601 luma, Pillow's convert('L')) or RGB (grey repeated) samples of a picture. */
export function withChannels(picture: Picture, channels: 1 | 3): Float32Array {
  if (picture.channels === channels) return picture.pixels;
  const n = picture.width * picture.height;
  const src = picture.pixels;
  const out = new Float32Array(n * channels);
  if (channels === 1) {
    for (let p = 0; p < n; p++) {
      out[p] =
        0.299 * (src[3 * p] as number) +
        0.587 * (src[3 * p + 1] as number) +
        0.114 * (src[3 * p + 2] as number);
    }
  } else {
    for (let p = 0; p < n; p++) out.fill(src[p] as number, 3 * p, 3 * p + 3);
  }
  return out;
}

/**
 * Resizes h × w × c samples (channels last) to height × width × c by area averaging, written into
 * `out` from `offset`. A 2 × 2 grey image [0, 0.2, 0.4, 1] → 1 × 1 [(0 + 0.2 + 0.4 + 1)/4 = 0.4].
 */
export function resizeArea(
  src: Float32Array,
  size: { width: number; height: number; channels: number },
  to: { width: number; height: number },
  out: Float32Array,
  offset = 0,
): void {
  const { width: sw, height: sh, channels: c } = size;
  const { width: dw, height: dh } = to;
  if (sw === dw && sh === dh) {
    out.set(src.subarray(0, sw * sh * c), offset);
    return;
  }
  // Rows first (sh × dw), then columns (dh × dw): separable, O(pixels) per pass.
  const across = areaTaps(sw, dw);
  const rows = new Float32Array(sh * dw * c);
  for (let y = 0; y < sh; y++) {
    for (let x = 0; x < dw; x++) {
      const first = across.start[x] as number;
      const w = across.weights[x] as Float32Array;
      for (let k = 0; k < c; k++) {
        let sum = 0;
        for (let i = 0; i < w.length; i++)
          sum += (w[i] as number) * (src[(y * sw + first + i) * c + k] as number);
        rows[(y * dw + x) * c + k] = sum;
      }
    }
  }
  const down = areaTaps(sh, dh);
  for (let y = 0; y < dh; y++) {
    const first = down.start[y] as number;
    const w = down.weights[y] as Float32Array;
    for (let x = 0; x < dw; x++) {
      for (let k = 0; k < c; k++) {
        let sum = 0;
        for (let i = 0; i < w.length; i++)
          sum += (w[i] as number) * (rows[((first + i) * dw + x) * c + k] as number);
        out[offset + (y * dw + x) * c + k] = sum;
      }
    }
  }
}

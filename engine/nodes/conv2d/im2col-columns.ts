import type { WindowGeometry } from './geometry.js';

/** The sizes im2colByColumns reads: fast-kernels.ts's Conv2dShape. */
interface Shape {
  h: number;
  w: number;
  cIn: number;
  kh: number;
  kw: number;
  strideH: number;
  strideW: number;
}

/**
 * im2col (see fast-kernels.ts) filled one column of cols at a time along a row of output cells:
 * for each image, output row and kernel offset (ky, kx, c), the output cells ox whose input pixel
 * lies inside the image take x[iy, ox·stride + kx − padLeft, c] and the others 0. For a narrow patch
 * row (LeNet's first layer: 1 channel, 5 values a kernel row) this runs 28-long loops where the
 * row-by-row copy runs 5-long ones, a few times faster per value; the writes stride by `patch`, over
 * a block of outW·patch values that stays in the L1 cache.
 * E.g. h = w = 3, cIn = 1, 3 × 3 same, output row 0, (ky, kx) = (1, 0): column 3 of cells 0, 1, 2
 * = 0, x[0, 0], x[0, 1].
 */
export function im2colByColumns(
  x: Float32Array,
  cols: Float32Array,
  mb: number,
  s: Shape,
  g: WindowGeometry,
  patch: number,
): void {
  const { h, w, cIn, kh, kw, strideH, strideW } = s;
  const rowBlock = g.outW * patch; // cols values of one output row of one image
  for (let n = 0; n < mb; n++) {
    const image = n * h * w * cIn;
    for (let oy = 0; oy < g.outH; oy++) {
      const block = (n * g.outH + oy) * rowBlock;
      for (let ky = 0; ky < kh; ky++) {
        const iy = oy * strideH - g.padTop + ky;
        const inside = iy >= 0 && iy < h;
        for (let kx = 0; kx < kw; kx++) {
          // Cells [lo, hi) read inside the row: 0 ≤ ox·strideW − padLeft + kx < w.
          const lo = inside ? Math.max(0, Math.ceil((g.padLeft - kx) / strideW)) : g.outW;
          const hi = inside ? Math.min(g.outW, Math.floor((w - 1 + g.padLeft - kx) / strideW) + 1) : g.outW;
          for (let c = 0; c < cIn; c++) {
            const q = block + (ky * kw + kx) * cIn + c;
            let ox = 0;
            for (; ox < lo; ox++) cols[q + ox * patch] = 0;
            const src = image + (iy * w - g.padLeft + kx) * cIn + c;
            const step = strideW * cIn;
            for (; ox < hi; ox++) cols[q + ox * patch] = x[src + ox * step] as number;
            for (; ox < g.outW; ox++) cols[q + ox * patch] = 0;
          }
        }
      }
    }
  }
}

/**
 * Values laid out [h, w, c] (row-major, channels last, as image data and Conv2D filters are) as RGBA
 * pixels: each image stretched from its own minimum (black) to its maximum (white), so digits of
 * 0..16, Fashion-MNIST of 0..255 and filter weights around 0 all use the whole grey scale. c = 3 is
 * drawn in colour; any other c shows its first channel in grey.
 */
export function imagePixels(
  values: ArrayLike<number>,
  shape: readonly [number, number, number],
): Uint8ClampedArray<ArrayBuffer> {
  const [h, w, c] = shape;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < h * w * c; i++) {
    const v = values[i] as number;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const span = hi > lo ? hi - lo : 1;
  const level = (v: number) => Math.round(((v - lo) / span) * 255);
  const out = new Uint8ClampedArray(h * w * 4);
  for (let p = 0; p < h * w; p++) {
    const grey = level(values[p * c] as number);
    out[p * 4] = grey;
    out[p * 4 + 1] = c === 3 ? level(values[p * c + 1] as number) : grey;
    out[p * 4 + 2] = c === 3 ? level(values[p * c + 2] as number) : grey;
    out[p * 4 + 3] = 255;
  }
  return out;
}

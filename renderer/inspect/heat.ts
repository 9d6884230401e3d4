/** Playground's colours: orange for negative values, white at 0, blue for positive. */
const NEGATIVE: readonly [number, number, number] = [232, 89, 12];
const POSITIVE: readonly [number, number, number] = [28, 126, 214];

/**
 * One unit's picture as RGBA pixels: `values[offset … offset + size²)` over the plane, each mixed
 * from white towards blue (v > 0) or orange (v < 0) by |v| / scale, capped at 1.
 */
export function heatPixels(
  values: Float32Array,
  offset: number,
  size: number,
  scale: number,
): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    const v = values[offset + i] as number;
    const colour = v < 0 ? NEGATIVE : POSITIVE;
    const a = Math.min(1, Math.abs(v) / scale);
    for (let k = 0; k < 3; k++) out[i * 4 + k] = Math.round(255 * (1 - a) + (colour[k] as number) * a);
    out[i * 4 + 3] = 255;
  }
  return out;
}

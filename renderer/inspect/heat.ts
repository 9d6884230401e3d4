import { logShare } from './scales';

/** Playground's colours: orange for negative values, white at 0, blue for positive. */
const NEGATIVE: readonly [number, number, number] = [232, 89, 12];
const POSITIVE: readonly [number, number, number] = [28, 126, 214];
/** An error heat map's worst end (dark red); its best end is white. */
const WORST: readonly [number, number, number] = [165, 15, 21];
/** Entries without a value (not checked). */
const EMPTY: readonly [number, number, number] = [222, 226, 230];

/** Writes white mixed towards `colour` by share a ∈ [0, 1] at pixel `i` of RGBA `out`. */
function mix(out: Uint8ClampedArray, i: number, colour: readonly number[], a: number): void {
  for (let k = 0; k < 3; k++) out[i * 4 + k] = Math.round(255 * (1 - a) + (colour[k] as number) * a);
  out[i * 4 + 3] = 255;
}

/**
 * `count` values from `values[offset]` as RGBA pixels on a diverging scale centred at 0: each mixed
 * from white towards blue (v > 0) or orange (v < 0) by |v| / scale, capped at 1; NaN grey.
 */
export function divergingPixels(
  values: ArrayLike<number>,
  scale: number,
  offset = 0,
  count = values.length - offset,
): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(count * 4);
  for (let i = 0; i < count; i++) {
    const v = values[offset + i] as number;
    if (Number.isNaN(v)) mix(out, i, EMPTY, 1);
    else mix(out, i, v < 0 ? NEGATIVE : POSITIVE, scale > 0 ? Math.min(1, Math.abs(v) / scale) : 0);
  }
  return out;
}

/** One unit's picture: `values[offset … offset + size²)` on the diverging scale. */
export function heatPixels(
  values: Float32Array,
  offset: number,
  size: number,
  scale: number,
): Uint8ClampedArray<ArrayBuffer> {
  return divergingPixels(values, scale, offset, size * size);
}

/**
 * Relative errors on a log scale: log₁₀ e from `lo` (white) to `hi` (dark red), clamped; 0 counts
 * as `lo`; NaN (not checked) grey.
 */
export function logErrorPixels(
  errors: ArrayLike<number>,
  lo = 1e-12,
  hi = 1,
): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(errors.length * 4);
  for (let i = 0; i < errors.length; i++) {
    const e = errors[i] as number;
    if (Number.isNaN(e)) mix(out, i, EMPTY, 1);
    else mix(out, i, WORST, logShare(e, Math.log10(lo), Math.log10(hi)));
  }
  return out;
}

/** The largest |v| of the finite values (the diverging scale's end), 0 when there are none. */
export function largestMagnitude(values: ArrayLike<number>): number {
  let largest = 0;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i] as number);
    if (a > largest) largest = a;
  }
  return largest;
}

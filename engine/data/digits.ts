import { decodeBase64 } from './base64.js';
import type { DataDescription, LabeledData } from './types.js';

/**
 * The built-in 8×8 handwritten digits: 1,797 images of 64 pixels with values 0..16, 10 classes.
 * The UCI "optdigits" test set as scikit-learn ships it (load_digits); origin and licence in
 * digits-data.ts and docs/datasets.md.
 */
const ROWS = 1797;
const PIXELS = 64;

/** What shape inference knows about the digits without loading them. */
export const DIGITS_DESCRIPTION: DataDescription = {
  features: PIXELS,
  classes: 10,
  targets: 1,
  m: ROWS,
  imageShape: [8, 8, 1],
};

/**
 * Loads the digits: x [1797, 64] (pixels row by row, raw 0..16, not rescaled: normalizing the input
 * is the user's lesson), y [1797] digits 0..9, in the file's order. The ~156 KB data module is
 * imported on demand, so bundles that never load the digits do not carry it.
 */
export async function loadDigits(): Promise<LabeledData> {
  const { DIGITS_BASE64 } = await import('./digits-data.js');
  const bytes = decodeBase64(DIGITS_BASE64);
  if (bytes.length !== ROWS * (PIXELS + 1)) {
    throw new Error(`digits-data.ts holds ${bytes.length} bytes, expected ${ROWS * (PIXELS + 1)}.`);
  }
  const x = new Float32Array(ROWS * PIXELS);
  const y = new Float32Array(ROWS);
  for (let row = 0; row < ROWS; row++) {
    const start = row * (PIXELS + 1);
    for (let p = 0; p < PIXELS; p++) x[row * PIXELS + p] = bytes[start + p] as number;
    y[row] = bytes[start + PIXELS] as number;
  }
  return {
    m: ROWS,
    features: PIXELS,
    x,
    y,
    classes: 10,
    targets: 1,
    featureNames: Array.from({ length: PIXELS }, (_, p) => `pixel_${Math.floor(p / 8)}_${p % 8}`),
    classNames: Array.from({ length: 10 }, (_, d) => String(d)),
    imageShape: [8, 8, 1],
  };
}

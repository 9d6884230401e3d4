/**
 * Size limits of loaded data, checked before anything large is allocated. A data set bigger than
 * these would not train inside the run limit (engine/graph/resources.ts, 1.5 GiB with the data counted
 * three times) anyway; refusing it early gives a message with the numbers instead of a dead tab.
 */

/**
 * Most values (examples × features, every split together) a data set may hold: 64 Mi float32 values,
 * 256 MiB. Fashion-MNIST's 70,000 × 784 = 54,880,000 values fit.
 */
export const MAX_DATA_VALUES = 64 * 2 ** 20;

/** Most images an image folder (or the folders of all splits together) may hold. */
export const MAX_FOLDER_IMAGES = 100_000;

/**
 * Largest file read as bytes, and largest gzip content unpacked: 256 MiB. Fashion-MNIST's largest
 * file is 26 MB packed, 47 MB unpacked.
 */
export const MAX_DATA_FILE_BYTES = 256 * 2 ** 20;

/** Largest image decoded: 40 megapixels (an 8,000 × 5,000 photo), 640 MB as float32 RGBA. */
export const MAX_IMAGE_PIXELS = 40_000_000;

/** 60000 → "60,000". */
export const thousands = (n: number): string => n.toLocaleString('en-US');

/** "256 MiB", "1.5 GiB". */
export const mebibytes = (bytes: number): string =>
  bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GiB` : `${Math.ceil(bytes / 2 ** 20)} MiB`;

/**
 * Why `m` examples of `features` values do not fit in `room` values (what is left of MAX_DATA_VALUES
 * after the splits loaded before), or null when they fit.
 */
export function valuesProblem(
  what: string,
  m: number,
  features: number,
  room = MAX_DATA_VALUES,
): string | null {
  if (m * features <= room) return null;
  const used = MAX_DATA_VALUES - room;
  const before = used > 0 ? `, besides the ${thousands(used)} of the splits read before` : '';
  return (
    `${what} would hold ${thousands(m)} × ${thousands(features)} = ${thousands(m * features)} values` +
    `${before}; NetCanvas holds at most ${thousands(MAX_DATA_VALUES)} ` +
    `(${mebibytes(MAX_DATA_VALUES * 4)} as float32). Use fewer examples, or smaller images.`
  );
}

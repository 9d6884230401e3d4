import { gunzipIfNeeded } from './gzip.js';
import { imagePixels, imagesLayout, labelsOf, parseIdx } from './idx.js';
import { MAX_DATA_VALUES, thousands, valuesProblem } from './limits.js';
import { bad, good, type Outcome, prefixed } from './outcome.js';
import type { LabeledData } from './types.js';

/** A file's bytes with the name its messages use (the path in the document, or the built-in's name). */
export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

export interface IdxPairOptions {
  /** Read only the first `limit` examples. */
  limit?: number | undefined;
  /** Values left for this pair under MAX_DATA_VALUES. */
  room?: number;
  /** Names of the classes 0..C−1; without them C is the largest label + 1. */
  classNames?: readonly string[] | undefined;
}

function unpack(file: NamedBytes) {
  const raw = gunzipIfNeeded(file.bytes);
  if (!raw.ok) return prefixed(raw, `${file.name}: `);
  const idx = parseIdx(raw.value);
  return idx.ok ? idx : prefixed(idx, `${file.name}: `);
}

/**
 * A data set from an IDX images file and its labels file (either may be gzipped): x [k, h·w·c]
 * pixels scaled to [0, 1], y [k] class indices, with k the images count or `limit`. Fashion-MNIST's
 * train-images (60,000 × 28 × 28) and train-labels (60,000) → x [60000, 784], imageShape [28, 28, 1].
 */
export function idxDataset(
  images: NamedBytes,
  labels: NamedBytes,
  options: IdxPairOptions = {},
): Outcome<LabeledData> {
  const imageFile = unpack(images);
  if (!imageFile.ok) return imageFile;
  const layout = imagesLayout(imageFile.value);
  if (!layout.ok) return prefixed(layout, `${images.name}: `);
  const labelFile = unpack(labels);
  if (!labelFile.ok) return labelFile;
  const labelBytes = labelsOf(labelFile.value);
  if (!labelBytes.ok) return prefixed(labelBytes, `${labels.name}: `);
  const { count, features, imageShape } = layout.value;
  if (labelBytes.value.length !== count) {
    return bad(
      `${labels.name} has ${thousands(labelBytes.value.length)} labels, but ${images.name} has ` +
        `${thousands(count)} images: they are not a pair.`,
    );
  }
  if (count === 0) return bad(`${images.name} holds no images.`);
  const m = Math.min(options.limit ?? count, count);
  const tooMany = valuesProblem(images.name, m, features, options.room ?? MAX_DATA_VALUES);
  if (tooMany) return bad(tooMany);

  const y = new Float32Array(m);
  let top = 0;
  for (let i = 0; i < m; i++) {
    const label = labelBytes.value[i] as number;
    y[i] = label;
    if (label > top) top = label;
  }
  const named = options.classNames?.length;
  if (named !== undefined && top >= named) {
    const at = y.findIndex((label) => label >= named);
    return bad(
      `${labels.name}: example ${thousands(at + 1)} has label ${y[at]}, but there are only ${named} classes (0..${named - 1}).`,
    );
  }
  const data: LabeledData = {
    m,
    features,
    x: imagePixels(imageFile.value, layout.value, m),
    y,
    classes: named ?? top + 1,
    targets: 1,
  };
  if (options.classNames) data.classNames = [...options.classNames];
  if (imageShape) data.imageShape = imageShape;
  return good(data);
}

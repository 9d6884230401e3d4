import type { BuiltinDataFile } from './builtin-files.js';
import { idxDataset, type NamedBytes } from './idx-data.js';
import { MAX_DATA_VALUES } from './limits.js';
import { bad, good, type Outcome, reasonOf } from './outcome.js';
import type { DataDescription, DataFileReader, LabeledData } from './types.js';

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017; MIT licence): 70,000 28×28 grey images of clothing
 * in 10 classes, 60,000 for training and 10,000 for testing. Read from the IDX files of Debian's
 * `dataset-fashion-mnist` package through the reader, never from the disk directly.
 */

export const FASHION_MNIST_CLASSES = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
] as const;

const TRAIN = 60_000;
const TEST = 10_000;

export const FASHION_MNIST_MISSING =
  'Fashion-MNIST is not installed: `sudo apt install dataset-fashion-mnist`, or open its IDX files.';

/** What shape inference knows without reading: 784 features, 10 classes, 60,000 (or `limit`) to train on. */
export function fashionMnistDescription(limit?: number): DataDescription {
  return {
    features: 28 * 28,
    classes: 10,
    targets: 1,
    m: Math.min(limit ?? TRAIN, TRAIN),
    imageShape: [28, 28, 1],
    heldOut: { test: TEST },
  };
}

async function readBuiltin(
  reader: DataFileReader,
  file: BuiltinDataFile,
): Promise<Outcome<NamedBytes | null>> {
  try {
    const bytes = await reader.readBuiltin?.(file);
    if (bytes === null) return good(null);
    if (!(bytes instanceof Uint8Array)) throw new Error('the file reader returned no bytes');
    return good({ name: file, bytes });
  } catch (err) {
    return bad(`Cannot read ${file}: ${reasonOf(err)}`);
  }
}

/**
 * Loads Fashion-MNIST: the first `limit` (default all 60,000) training images as x [m, 784] in [0, 1]
 * with imageShape [28, 28, 1], and the 10,000 test images as its held-out test set. Not installed
 * (the reader answers null) → FASHION_MNIST_MISSING.
 */
export async function loadFashionMnist(
  reader: DataFileReader | undefined,
  limit?: number,
): Promise<Outcome<LabeledData>> {
  if (!reader?.readBuiltin)
    return bad(`${FASHION_MNIST_MISSING} (No reader for built-in files is available here.)`);
  const files = await Promise.all(
    (
      [
        'fashion-mnist/train-images-idx3-ubyte.gz',
        'fashion-mnist/train-labels-idx1-ubyte.gz',
        'fashion-mnist/t10k-images-idx3-ubyte.gz',
        'fashion-mnist/t10k-labels-idx1-ubyte.gz',
      ] as const
    ).map((file) => readBuiltin(reader, file)),
  );
  const read: NamedBytes[] = [];
  for (const file of files) {
    if (!file.ok) return file;
    if (file.value === null) return bad(FASHION_MNIST_MISSING);
    read.push(file.value);
  }
  const [trainImages, trainLabels, testImages, testLabels] = read as [
    NamedBytes,
    NamedBytes,
    NamedBytes,
    NamedBytes,
  ];
  const classNames = FASHION_MNIST_CLASSES;
  const train = idxDataset(trainImages, trainLabels, { limit, classNames });
  if (!train.ok) return train;
  const room = MAX_DATA_VALUES - train.value.m * train.value.features;
  const test = idxDataset(testImages, testLabels, { room, classNames });
  if (!test.ok) return test;
  for (const [part, file] of [
    [train.value, trainImages],
    [test.value, testImages],
  ] as const) {
    const [h, w, c] = part.imageShape ?? [0, 0, 0];
    if (h !== 28 || w !== 28 || c !== 1) {
      return bad(`${file.name} holds images of ${h} × ${w} × ${c}, not Fashion-MNIST's 28 × 28 × 1.`);
    }
  }
  return good({ ...train.value, heldOut: { test: test.value } });
}

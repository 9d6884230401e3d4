import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DEBIAN_DATASETS_FOLDER } from './builtin-files.js';
import { FASHION_MNIST_MISSING, loadFashionMnist } from './fashion-mnist.js';
import { loadDataset } from './sources.js';
import { splitData } from './split.js';
import type { DataFileReader, LabeledData } from './types.js';

const FOLDER = `${DEBIAN_DATASETS_FOLDER}/fashion-mnist`;
const installed = existsSync(`${FOLDER}/train-images-idx3-ubyte.gz`);
if (!installed) {
  console.warn(`Fashion-MNIST tests skipped: ${FOLDER} is absent (sudo apt install dataset-fashion-mnist).`);
}

const debian: DataFileReader = {
  readText: async () => '',
  readBuiltin: async (file) => new Uint8Array(await readFile(`${DEBIAN_DATASETS_FOLDER}/${file}`)),
};

function classCounts(data: LabeledData): number[] {
  const counts = new Array<number>(10).fill(0);
  for (const label of data.y) counts[label] = (counts[label] as number) + 1;
  return counts;
}

describe.skipIf(!installed)("Fashion-MNIST from Debian's dataset-fashion-mnist", () => {
  it('loads 60,000 training and 10,000 test images of 28×28 in [0, 1], 6,000 and 1,000 per class', async () => {
    const loaded = await loadFashionMnist(debian);
    if (!loaded.ok) throw new Error(loaded.messages.join('\n'));
    const train = loaded.value;
    const test = train.heldOut?.test as LabeledData;
    expect([train.m, train.features, train.classes, train.imageShape]).toEqual([
      60_000,
      784,
      10,
      [28, 28, 1],
    ]);
    expect([test.m, test.features, test.imageShape]).toEqual([10_000, 784, [28, 28, 1]]);
    // The set is balanced: 60,000/10 and 10,000/10 per class.
    expect(classCounts(train)).toEqual(new Array(10).fill(6000));
    expect(classCounts(test)).toEqual(new Array(10).fill(1000));
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const v of train.x) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    // Bytes 0..255 over 255: the background is 0 and the brightest pixel 255 → 1.
    expect([min, max]).toEqual([0, 1]);
    expect(train.x.length).toBe(60_000 * 784);
    expect(train.classNames?.[9]).toBe('Ankle boot');
  });

  it('keeps its 10,000 test images as the test split and cuts dev from the first 1,000 training images: 800 / 200 / 10,000', async () => {
    const loaded = await loadDataset({ kind: 'builtin', name: 'fashion-mnist', limit: 1000 }, 'data', debian);
    if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
    expect(loaded.value.m).toBe(1000);
    // m = 1,000 ≤ 10,000: 'auto' holds out 20 % as dev, 200; the test set is the 10,000 of its own.
    const splits = splitData(loaded.value, 'auto', 3);
    expect([splits.train.m, splits.dev.m, splits.test.m]).toEqual([800, 200, 10_000]);
    expect(splits.train.heldOut).toBeUndefined();
  });
});

describe('Fashion-MNIST where it is not installed', () => {
  it('says how to install it, as a problem on the Dataset node', async () => {
    const absent: DataFileReader = { readText: async () => '', readBuiltin: async () => null };
    const loaded = await loadDataset({ kind: 'builtin', name: 'fashion-mnist' }, 'data', absent);
    expect(loaded.problems).toEqual([
      { code: 'DATASET', severity: 'error', nodeId: 'data', path: 'source', message: FASHION_MNIST_MISSING },
    ]);
    expect(FASHION_MNIST_MISSING).toBe(
      'Fashion-MNIST is not installed: `sudo apt install dataset-fashion-mnist`, or open its IDX files.',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { alignHeldOut } from './held-out.js';
import { describeDataset, loadDataset } from './sources.js';
import { splitData, splitSizesOf } from './split.js';
import { idxFile, memoryReader } from './testing.js';
import type { LabeledData } from './types.js';

/** 10 training rows of classes cat/dog/fox; a test file with dog and cat only, in another order. */
const trainCsv = `a,b,animal\n${Array.from({ length: 10 }, (_, i) => `${i},${-i},${['cat', 'dog', 'fox'][i % 3]}`).join('\n')}\n`;
const testCsv = 'a,b,animal\n100,1,dog\n101,2,dog\n102,3,cat\n';
const reader = memoryReader({
  'train.csv': trainCsv,
  'test.csv': testCsv,
  'dev.csv': 'a,b,animal\n7,7,fox\n',
  'wide.csv': 'a,b,c,animal\n1,2,3,cat\n',
  'wolf.csv': 'a,b,animal\n1,2,wolf\n',
});

const value = (result: {
  ok: boolean;
  value?: LabeledData;
  problems: { message: string }[];
}): LabeledData => {
  if (!result.ok || !result.value) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.value;
};

describe('train and test sets from sources of their own', () => {
  it('uses test.csv as the test split and cuts dev from train.csv by the dev fraction', async () => {
    const source = {
      kind: 'splits',
      train: { kind: 'csv', path: 'train.csv' },
      test: { kind: 'csv', path: 'test.csv' },
    } as const;
    const data = value(await loadDataset(source, 'data', reader));
    // m counts train.csv only; { dev: 0.2, test: 0.5 } → dev round(10·0.2) = 2, train 8; test.csv's 3 rows; 0.5 unused.
    expect(data.m).toBe(10);
    const splits = splitData(data, { dev: 0.2, test: 0.5 }, 4);
    expect([splits.train.m, splits.dev.m, splits.test.m]).toEqual([8, 2, 3]);
    expect(Array.from(splits.test.x)).toEqual([100, 1, 101, 2, 102, 3]);
  });

  it("renumbers the test set's classes by name to the training set's", async () => {
    const source = {
      kind: 'splits',
      train: { kind: 'csv', path: 'train.csv' },
      test: { kind: 'csv', path: 'test.csv' },
    } as const;
    const data = value(await loadDataset(source, 'data', reader));
    // test.csv alone would number cat 0, dog 1; train.csv has cat 0, dog 1, fox 2, so dog dog cat → 1 1 0.
    expect(data.classNames).toEqual(['cat', 'dog', 'fox']);
    expect(Array.from(data.heldOut?.test.y ?? [])).toEqual([1, 1, 0]);
    expect(data.heldOut?.test.classes).toBe(3);
  });

  it('takes a dev set of its own as it is, splitting nothing', async () => {
    const source = {
      kind: 'splits',
      train: { kind: 'csv', path: 'train.csv' },
      test: { kind: 'csv', path: 'test.csv' },
      dev: { kind: 'csv', path: 'dev.csv' },
    } as const;
    const data = value(await loadDataset(source, 'data', reader));
    const splits = splitData(data, 'auto', 1);
    expect([splits.train.m, splits.dev.m, splits.test.m]).toEqual([10, 1, 3]);
    expect(splits.train.x).toBe(data.x);
    expect(Array.from(splits.dev.y)).toEqual([2]);
  });

  it('says which part disagrees: features, classes, or a file that cannot be read', async () => {
    const wide = await loadDataset(
      { kind: 'splits', train: { kind: 'csv', path: 'train.csv' }, test: { kind: 'csv', path: 'wide.csv' } },
      'data',
      reader,
    );
    expect(wide.problems.map((p) => [p.path, p.message])).toEqual([
      ['source.test', 'The test source has 3 features, but the training source has 2: they must match.'],
    ]);
    const wolf = await loadDataset(
      { kind: 'splits', train: { kind: 'csv', path: 'train.csv' }, test: { kind: 'csv', path: 'wolf.csv' } },
      'data',
      reader,
    );
    expect(wolf.problems[0]?.message).toBe(
      "The test source has class 'wolf' that the training source does not have (it has 'cat', 'dog', 'fox').",
    );
    const gone = await loadDataset(
      { kind: 'splits', train: { kind: 'csv', path: 'train.csv' }, test: { kind: 'csv', path: 'gone.csv' } },
      'data',
      reader,
    );
    expect(gone.problems.map((p) => [p.path, p.message])).toEqual([
      ['source.test', "Test source: Cannot read 'gone.csv': ENOENT: no such file 'gone.csv'"],
    ]);
    const bad = await loadDataset(
      {
        kind: 'splits',
        train: { kind: 'csv', path: 'test.csv' },
        test: { kind: 'inline', x: [[1]], y: [0] },
      },
      'data',
      reader,
    );
    expect(bad.problems[0]?.message).toBe(
      'The test source has 1 feature, but the training source has 2: they must match.',
    );
  });

  it('compares image shapes only where both sets are images', () => {
    const images = (shape: [number, number, number]): LabeledData => ({
      m: 1,
      features: 4,
      x: new Float32Array(4),
      y: Float32Array.from([0]),
      classes: 1,
      targets: 1,
      imageShape: shape,
    });
    expect(alignHeldOut(images([2, 2, 1]), images([1, 4, 1]), 'dev')).toEqual({
      ok: false,
      messages: [
        'The dev source holds 1 × 4 × 1 images, but the training source 2 × 2 × 1 images: they must match.',
      ],
    });
    // A CSV of flattened pixels (no image shape) may test a network trained on 2 × 2 images.
    const { imageShape: _none, ...flat } = images([2, 2, 1]);
    expect(alignHeldOut(images([2, 2, 1]), flat, 'test').ok).toBe(true);
  });

  it('refuses a part that brings a test set of its own', async () => {
    // Two 1×2 images in each file pair, labels 0 and 1.
    const images = idxFile(0x08, [2, 1, 2], [0, 255, 255, 0]);
    const labels = idxFile(0x08, [2], [0, 1]);
    const idxReader = memoryReader({ i: images, l: labels, ti: images, tl: labels });
    const idxWithTest = {
      kind: 'idx',
      images: 'i',
      labels: 'l',
      test: { images: 'ti', labels: 'tl' },
    } as const;
    const own = value(await loadDataset(idxWithTest, 'data', idxReader));
    expect([own.m, own.heldOut?.test.m, own.imageShape]).toEqual([2, 2, [1, 2, 1]]);
    const parts = await loadDataset(
      { kind: 'splits', train: idxWithTest, test: idxWithTest },
      'data',
      idxReader,
    );
    expect(parts.problems.map((p) => [p.path, p.message])).toEqual([
      [
        'source.train',
        'Train source: it brings a test set of its own; each part of a splits source must be one set (name its training files alone).',
      ],
    ]);
  });

  it('describes a splits source by its training part, with the held-out sizes it knows', () => {
    const inline = { kind: 'inline' as const, x: [[1], [2]], y: [0, 1] };
    expect(describeDataset({ kind: 'splits', train: { kind: 'builtin' }, test: inline })).toEqual({
      features: 64,
      classes: 10,
      targets: 1,
      m: 1797,
      imageShape: [8, 8, 1],
      heldOut: { test: 2 },
    });
    expect(
      describeDataset({ kind: 'splits', train: { kind: 'csv', path: 'a.csv' }, test: inline }),
    ).toBeNull();
    expect(describeDataset({ kind: 'builtin', name: 'fashion-mnist', limit: 500 })).toMatchObject({
      m: 500,
      heldOut: { test: 10_000 },
    });
    expect(describeDataset({ kind: 'builtin', limit: 100 })).toMatchObject({ m: 100, features: 64 });
  });
});

describe('split sizes with held-out sets', () => {
  it("gives Fashion-MNIST 59,400 / 600 / 10,000 under 'auto'", () => {
    // m = 60,000 > 10,000: 'auto' is 98/1/1, dev = 1 % = 600; the test fraction is not taken from m.
    expect(splitSizesOf({ m: 60_000, heldOut: { test: 10_000 } }, 'auto')).toEqual({
      train: 59_400,
      dev: 600,
      test: 10_000,
    });
    expect(splitSizesOf({ m: 100, heldOut: { test: null, dev: 30 } }, 'auto')).toEqual({
      train: 100,
      dev: 30,
      test: null,
    });
    expect(splitSizesOf({ m: 300 }, 'auto')).toEqual({ train: 180, dev: 60, test: 60 });
  });
});

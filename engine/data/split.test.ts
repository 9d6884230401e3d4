import { describe, expect, it } from 'vitest';
import { DataSplitSchema, splitData, splitSizes, subset } from './split.js';
import type { LabeledData } from './types.js';

/** m rows where row i is x = [i, −i], y = i mod 3: every row can be traced after the shuffle. */
function numbered(m: number): LabeledData {
  const x = new Float32Array(2 * m);
  const y = new Float32Array(m);
  for (let i = 0; i < m; i++) {
    x[2 * i] = i;
    x[2 * i + 1] = -i;
    y[i] = i % 3;
  }
  return { m, features: 2, x, y, classes: 3, targets: 1, featureNames: ['a', 'b'] };
}

const rowIds = (data: LabeledData): number[] =>
  Array.from({ length: data.m }, (_, i) => data.x[2 * i] as number);

describe('splitting data', () => {
  it("splits 'auto' 60/20/20 up to m = 10,000", () => {
    // 300·0.2 = 60 dev, 60 test, 180 train; 10,000 → 2,000 / 2,000 / 6,000.
    expect(splitSizes(300, 'auto')).toEqual({ train: 180, dev: 60, test: 60 });
    expect(splitSizes(10_000, 'auto')).toEqual({ train: 6000, dev: 2000, test: 2000 });
  });

  it("splits 'auto' 98/1/1 above 10,000, e.g. m = 25,000 → 24,500 / 250 / 250", () => {
    const splits = splitData(numbered(25_000), 'auto', 1);
    expect([splits.train.m, splits.dev.m, splits.test.m]).toEqual([24_500, 250, 250]);
  });

  it('rounds dev and test to the nearest example and gives train the rest', () => {
    // 101·0.15 = 15.15 → 15; 101·0.1 = 10.1 → 10; train 101 − 25 = 76.
    expect(splitSizes(101, { dev: 0.15, test: 0.1 })).toEqual({ train: 76, dev: 15, test: 10 });
    expect(splitSizes(50, { dev: 0.2, test: 0 })).toEqual({ train: 40, dev: 10, test: 0 });
  });

  it('uses every example exactly once, with x and y kept together', () => {
    const { train, dev, test } = splitData(numbered(100), 'auto', 3);
    const all = [...rowIds(train), ...rowIds(dev), ...rowIds(test)].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 100 }, (_, i) => i));
    for (const part of [train, dev, test]) {
      rowIds(part).forEach((id, i) => {
        expect(part.x[2 * i + 1]).toBe(-id);
        expect(part.y[i]).toBe(id % 3);
      });
      expect(part.featureNames).toEqual(['a', 'b']);
      expect(part.classes).toBe(3);
    }
  });

  it('is reproducible by seed and shuffles differently for another seed', () => {
    const data = numbered(200);
    const a = splitData(data, 'auto', 5);
    const b = splitData(data, 'auto', 5);
    const c = splitData(data, 'auto', 6);
    expect(rowIds(b.train)).toEqual(rowIds(a.train));
    expect(rowIds(b.dev)).toEqual(rowIds(a.dev));
    expect(rowIds(c.train)).not.toEqual(rowIds(a.train));
    // Shuffled: the training set is not simply the first 120 rows.
    expect(rowIds(a.train)).not.toEqual(Array.from({ length: 120 }, (_, i) => i));
  });

  it('leaves dev and test empty (m = 0) when their fractions are 0', () => {
    const { train, dev, test } = splitData(numbered(10), { dev: 0, test: 0 }, 1);
    expect([train.m, dev.m, test.m]).toEqual([10, 0, 0]);
    expect(dev.x.length).toBe(0);
  });

  it('takes rows by index with subset', () => {
    const part = subset(numbered(5), [4, 0]);
    expect(Array.from(part.x)).toEqual([4, -4, 0, -0]);
    expect(Array.from(part.y)).toEqual([1, 0]);
    expect(part.m).toBe(2);
  });
});

describe('the split param', () => {
  it("accepts 'auto' and fractions, with test defaulting to 0", () => {
    expect(DataSplitSchema.parse('auto')).toBe('auto');
    expect(DataSplitSchema.parse({ dev: 0.1 })).toEqual({ dev: 0.1, test: 0 });
  });

  it('refuses fractions outside [0, 1) and dev + test ≥ 1', () => {
    for (const bad of [{ dev: -0.1, test: 0 }, { dev: 1, test: 0 }, { dev: 0.5, test: 0.5 }, 'half']) {
      expect(DataSplitSchema.safeParse(bad).success).toBe(false);
    }
    const issue = DataSplitSchema.safeParse({ dev: 0.6, test: 0.5 }).error?.issues[0];
    expect(issue?.message).toMatch(/dev \+ test must be below 1/);
  });
});

import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.js';
import { percentiles } from './measure.js';
import { selectRanks } from './select.js';

/** The values a full sort puts at `ranks`. */
const sortedAt = (values: Float64Array, ranks: number[]) => {
  const sorted = Float64Array.from(values).sort();
  return ranks.map((r) => sorted[r]);
};

describe('order statistics without a sort', () => {
  it('puts the value of each wanted rank where a sort would', () => {
    const a = Float64Array.from([5, 1, 4, 2, 3]);
    selectRanks(a, 5, [0, 2, 4]);
    expect([a[0], a[2], a[4]]).toEqual([1, 3, 5]);
  });

  it('agrees with a sort on random values, ties and runs of zeros (ReLU outputs)', () => {
    const random = createRandom(3);
    for (const n of [1, 2, 15, 17, 100, 2048]) {
      for (const kind of ['uniform', 'ties', 'relu'] as const) {
        const values = Float64Array.from({ length: n }, () => {
          const u = random.next() * 2 - 1;
          // (|| 0: −0 and 0 are equal to a selection, not to a sort)
          return kind === 'ties' ? Math.round(u * 3) || 0 : kind === 'relu' ? Math.max(0, u) : u;
        });
        const ranks = [0, 0.0668, 0.1587, 0.5, 0.9332, 1].map((p) => Math.round(p * (n - 1)));
        const expected = sortedAt(values, ranks);
        selectRanks(values, n, ranks);
        expect(ranks.map((r) => values[r])).toEqual(expected);
      }
    }
  });

  it('gives the bands of a sorted sample, NaN ranking last', () => {
    // 10 values, two NaN: ranks 0, 1, 1, 3, 5, 6, 8, 8, 9 (p · 9 rounded: 0.0668 · 9 = 0.6 → 1,
    // 0.5 · 9 = 4.5 → 5) of the sorted [0…7, NaN, NaN].
    const values = Float32Array.from([7, Number.NaN, 6, 5, 4, Number.NaN, 3, 2, 1, 0]);
    expect(percentiles(values, 10)).toEqual([0, 1, 1, 3, 5, 6, Number.NaN, Number.NaN, Number.NaN]);
  });
});

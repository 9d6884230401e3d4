import { describe, expect, it } from 'vitest';
import { positiveOnly, spansDecades } from './costScale';

describe('the cost axis scale', () => {
  it('turns logarithmic when the costs span more than two decades', () => {
    // log10(300 / 0.1) = 3.48 > 2: the Initialization lesson's Random ×10 beside He.
    expect(
      spansDecades([
        [300, 40, 2],
        [0.69, 0.3, 0.1],
      ]),
    ).toBe(true);
    // log10(0.7 / 0.05) = 1.15.
    expect(spansDecades([[0.7, 0.2, 0.05]])).toBe(false);
    // Exactly 100×: two decades, not more.
    expect(spansDecades([[1, 100]])).toBe(false);
  });

  it('ignores gaps, zeros and NaN, and needs some positive value', () => {
    expect(spansDecades([[null, 0, Number.NaN, 5, 0.01]])).toBe(true);
    expect(spansDecades([[0, null]])).toBe(false);
    expect(positiveOnly([1, 0, -2, null, 3])).toEqual([1, null, null, null, 3]);
  });
});

import { describe, expect, it } from 'vitest';
import { decodeBase64 } from './base64.js';
import { DIGITS_DESCRIPTION, loadDigits } from './digits.js';

describe('base64 decoding', () => {
  it('decodes with and without padding and skips line breaks', () => {
    expect(Array.from(decodeBase64('AAEC'))).toEqual([0, 1, 2]);
    expect(Array.from(decodeBase64('/w=='))).toEqual([255]);
    expect(Array.from(decodeBase64('AAE='))).toEqual([0, 1]);
    expect(Array.from(decodeBase64('AA\nEC\n'))).toEqual([0, 1, 2]);
  });

  it('agrees with atob on every byte value', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = btoa(String.fromCharCode(...bytes));
    expect(Array.from(decodeBase64(text))).toEqual(Array.from(bytes));
  });
});

describe('the built-in digits', () => {
  it('has 1,797 images of 8×8 pixels in 0..16 and 10 classes', async () => {
    const data = await loadDigits();
    expect(data.m).toBe(1797);
    expect(data.features).toBe(64);
    expect(data.x.length).toBe(1797 * 64);
    expect(data.classes).toBe(10);
    expect(data.imageShape).toEqual([8, 8, 1]);
    expect(data.x.every((v) => Number.isInteger(v) && v >= 0 && v <= 16)).toBe(true);
    expect({ ...DIGITS_DESCRIPTION }).toEqual({
      features: 64,
      classes: 10,
      targets: 1,
      m: 1797,
      imageShape: [8, 8, 1],
    });
  });

  it('matches scikit-learn load_digits: first image, first labels, class counts and pixel sum', async () => {
    // Figures printed by /usr/bin/python3 with sklearn 1.2.1: load_digits().data[0], target[:10],
    // np.bincount(target) and data.sum().
    const data = await loadDigits();
    expect(Array.from(data.x.subarray(0, 16))).toEqual([0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0]);
    expect(Array.from(data.y.subarray(0, 10))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const counts = new Array<number>(10).fill(0);
    for (const label of data.y) counts[label] = (counts[label] as number) + 1;
    expect(counts).toEqual([178, 182, 177, 183, 181, 182, 181, 179, 174, 180]);
    expect(data.x.reduce((a, b) => a + b, 0)).toBe(561718);
  });
});

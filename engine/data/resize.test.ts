import { describe, expect, it } from 'vitest';
import { areaTaps, resizeArea, withChannels } from './resize.js';

const rounded = (a: Float32Array) => Array.from(a, (v) => +v.toFixed(6));

describe('area-averaging resize', () => {
  it('shrinks 2×2 to 1×1 as the mean of the four pixels', () => {
    // (0 + 0.2 + 0.4 + 1) / 4 = 0.4.
    const out = new Float32Array(1);
    resizeArea(
      Float32Array.from([0, 0.2, 0.4, 1]),
      { width: 2, height: 2, channels: 1 },
      { width: 1, height: 1 },
      out,
    );
    expect(rounded(out)).toEqual([0.4]);
  });

  it('averages each channel on its own', () => {
    // Red 1, 0, 0, 0 → 0.25; green 0, 1, 1, 0 → 0.5; blue all 1 → 1.
    const rgb = Float32Array.from([1, 0, 1, 0, 1, 1, 0, 1, 1, 0, 0, 1]);
    const out = new Float32Array(3);
    resizeArea(rgb, { width: 2, height: 2, channels: 3 }, { width: 1, height: 1 }, out);
    expect(rounded(out)).toEqual([0.25, 0.5, 1]);
  });

  it('weights partly covered pixels by the part covered: 3 → 2 and 2 → 3', () => {
    // 3 → 2: each output covers 1.5 pixels; out0 = (a + b/2)/1.5, out1 = (b/2 + c)/1.5.
    // a, b, c = 0, 0.3, 0.9 → 0.1, 0.7.
    const shrunk = new Float32Array(2);
    resizeArea(
      Float32Array.from([0, 0.3, 0.9]),
      { width: 3, height: 1, channels: 1 },
      { width: 2, height: 1 },
      shrunk,
    );
    expect(rounded(shrunk)).toEqual([0.1, 0.7]);
    // 2 → 3: each output covers 2/3 pixel; the middle one 1/3 of each: (a + b)/2 = 0.5 for a, b = 0, 1.
    const grown = new Float32Array(3);
    resizeArea(
      Float32Array.from([0, 1]),
      { width: 2, height: 1, channels: 1 },
      { width: 3, height: 1 },
      grown,
    );
    expect(rounded(grown)).toEqual([0, 0.5, 1]);
    expect(Array.from(areaTaps(2, 1).weights[0] as Float32Array)).toEqual([0.5, 0.5]);
  });

  it('writes at an offset and copies a same-size image unchanged', () => {
    const out = new Float32Array(6);
    resizeArea(
      Float32Array.from([0.1, 0.2, 0.3, 0.4]),
      { width: 2, height: 2, channels: 1 },
      { width: 2, height: 2 },
      out,
      2,
    );
    expect(rounded(out)).toEqual([0, 0, 0.1, 0.2, 0.3, 0.4]);
  });
});

describe('grey and RGB', () => {
  it('makes grey by BT.601 luma and RGB by repeating grey', () => {
    // 0.299·1 + 0.587·0.5 + 0.114·0 = 0.5925.
    const rgb = { width: 1, height: 1, channels: 3 as const, pixels: Float32Array.from([1, 0.5, 0]) };
    expect(rounded(withChannels(rgb, 1))).toEqual([0.5925]);
    const grey = { width: 2, height: 1, channels: 1 as const, pixels: Float32Array.from([0.25, 1]) };
    expect(rounded(withChannels(grey, 3))).toEqual([0.25, 0.25, 0.25, 1, 1, 1]);
  });
});

import { describe, expect, it } from 'vitest';
import { imagePixels } from './pixels';

const rgba = (pixels: Uint8ClampedArray) => [...pixels];

describe('image pixels', () => {
  it('stretch a grey image from its minimum to its maximum', () => {
    // 1×3 of 0, 8, 16 (digit levels): (v − 0) / 16 × 255 → 0, 127.5 → 128, 255.
    expect(rgba(imagePixels([0, 8, 16], [1, 3, 1]))).toEqual([
      0, 0, 0, 255, 128, 128, 128, 255, 255, 255, 255, 255,
    ]);
  });

  it('draw three channels in colour and signed weights around their own range', () => {
    // One RGB pixel of −1, 0, 1 (a filter's weights): min −1 → 0, max 1 → 255, 0 → 127.5 → 128.
    expect(rgba(imagePixels([-1, 0, 1], [1, 1, 3]))).toEqual([0, 128, 255, 255]);
  });

  it('draw a flat image in black rather than dividing by zero', () => {
    expect(rgba(imagePixels([5, 5], [1, 2, 1]))).toEqual([0, 0, 0, 255, 0, 0, 0, 255]);
  });

  it('show the first channel of a two-channel image in grey', () => {
    // Pixels (0, 9) and (4, 9): range 0..9 over all values; first channels 0 → 0 and 4 → 113.3 → 113.
    expect(rgba(imagePixels([0, 9, 4, 9], [1, 2, 2]))).toEqual([0, 0, 0, 255, 113, 113, 113, 255]);
  });
});

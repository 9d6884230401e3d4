import { describe, expect, it } from 'vitest';
import { fitPadding, minimapFor } from './fit';

describe('fitting the graph around the canvas overlays', () => {
  it('keeps the zoom buttons’ column free on the left and the minimap’s on the right', () => {
    // left: 15 px margin + 26 px buttons + 12 px air = 53; right: 15 + 128 (small minimap) + 12 = 155.
    expect(fitPadding('small')).toEqual({ top: '12px', bottom: '12px', left: '53px', right: '155px' });
    // The full minimap is 200 wide: 15 + 200 + 12 = 227; without one only the 12 px of air.
    expect(fitPadding('full').right).toBe('227px');
    expect(fitPadding('none').right).toBe('12px');
  });

  it('draws no minimap on a short canvas or when the user hid it, a small one on a narrow canvas', () => {
    expect(minimapFor(780, 240, true)).toBe('none');
    expect(minimapFor(780, 500, false)).toBe('none');
    expect(minimapFor(780, 500, true)).toBe('small');
    expect(minimapFor(1100, 600, true)).toBe('full');
  });
});

import { describe, expect, it } from 'vitest';
import { textWidth, widestCardWidth } from './cardWidth';

describe('widestCardWidth', () => {
  it('counts a Chinese character or full-width bracket as one em and a Latin one as part of one', () => {
    // 8 wide characters at 13 px.
    expect(textWidth('相加（残差连接）', 13, 0.72)).toBe(104);
    expect(textWidth('Add', 10, 0.5)).toBe(15);
  });

  it('keeps room for the wider of the English and Chinese card', () => {
    // Dropout is wider in Chinese: "Dropout 随机失活" = 8 · 13 · 0.72 + 4 · 13 = 126.88, a gap of 8,
    // "dropout1" = 8 · 10.5 · 0.61 = 51.24, padding 20 → 206.12 → 207 (English: 7 Latin → 146).
    expect(widestCardWidth({ id: 'dropout1', kind: 'Dropout', params: {}, position: { x: 0, y: 0 } })).toBe(
      207,
    );
    // Concatenate is wider in English: 11 · 9.36 + 8 + 12 · 6.405 + 20 = 207.82 → 208 ("拼接": 140).
    expect(
      widestCardWidth({ id: 'concatenate1', kind: 'Concatenate', params: {}, position: { x: 0, y: 0 } }),
    ).toBe(208);
  });
});

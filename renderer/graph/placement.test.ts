import { describe, expect, it } from 'vitest';
import { FOLLOW_GAP, freeSpot, PLACEMENT_GAP, placeAfter } from './placement';

const card = { width: 150, height: 56 };

describe('placing a new card', () => {
  it('goes right of the node it follows when nothing is there', () => {
    // 0 + 150 wide + 60 gap = 210
    expect(placeAfter({ x: 0, y: 0, ...card }, card, [{ x: 0, y: 0, ...card }])).toEqual({
      x: 150 + FOLLOW_GAP,
      y: 0,
    });
  });

  it('steps down past the next node instead of covering it (A → B with B right of A)', () => {
    const a = { x: 0, y: 0, ...card };
    const b = { x: 210, y: 0, ...card };
    // One step is a card height plus the gap: 56 + 24 = 80.
    expect(placeAfter(a, card, [a, b])).toEqual({ x: 210, y: 56 + PLACEMENT_GAP });
  });

  it('tries below, then above, then further out, and never overlaps a card', () => {
    const taken = [
      { x: 0, y: 0, ...card },
      { x: 0, y: 80, ...card },
    ];
    // Below (80) is taken, above (−80) is free.
    expect(freeSpot({ x: 0, y: 0 }, card, taken)).toEqual({ x: 0, y: -80 });
    const crowded = [-160, -80, 0, 80].map((y) => ({ x: 0, y, ...card }));
    expect(freeSpot({ x: 0, y: 0 }, card, crowded)).toEqual({ x: 0, y: 160 });
  });

  it('keeps a gap: a card closer than the gap counts as covered', () => {
    const near = [{ x: 0, y: 56 + PLACEMENT_GAP - 1, ...card }];
    expect(freeSpot({ x: 0, y: 0 }, card, near)).not.toEqual({ x: 0, y: 0 });
    const far = [{ x: 0, y: 56 + PLACEMENT_GAP, ...card }];
    expect(freeSpot({ x: 0, y: 0 }, card, far)).toEqual({ x: 0, y: 0 });
  });
});

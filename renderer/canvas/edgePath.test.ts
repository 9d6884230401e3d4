import { describe, expect, it } from 'vitest';
import { type Box, detourPath, LANE_GAP, laneAround, slotOffset } from './edgePath';

/** A residual block as auto layout draws it: dense2 hangs 32 below dense1 and add, 150 × 56 cards. */
const dense1: Box = { id: 'dense1', x: 230, y: 56, width: 150, height: 56 };
const dense2: Box = { id: 'dense2', x: 460, y: 88, width: 150, height: 56 };
const add: Box = { id: 'add', x: 690, y: 56, width: 150, height: 56 };
const optimizer: Box = { id: 'optimizer', x: 400, y: 300, width: 150, height: 80 };
const cards = [dense1, dense2, add, optimizer];

describe('laneAround', () => {
  it('takes a skip connection over the card it would cross, on the side of its ends', () => {
    // dense1.out (380, 84) → add.in (690, 80). dense2 (y 88–144) is in the band 74–90 between the
    // ends, below their middle 82, so the lane runs above: min(88 − 22, 80 − 28) = 52, over x 460–610.
    expect(laneAround(380, 84, 690, 80, cards, false, ['dense1', 'add'])).toEqual({
      y: 52,
      from: 460,
      to: 610,
    });
  });

  it('leaves a wire between neighbours, or past cards clear of it, as a plain curve', () => {
    expect(laneAround(380, 84, 460, 116, cards, false, ['dense1', 'dense2'])).toBeNull();
    // The optimizer is under the span but far below the band between the ends.
    expect(laneAround(380, 200, 690, 200, [optimizer], false)).toBeNull();
    // A wire running backwards keeps its curve.
    expect(laneAround(690, 84, 380, 84, cards, false)).toBeNull();
  });

  it('runs the labels wire under every card it would cross', () => {
    // From (150, 100) the lane would run at 100 + 44 = 144, the bottom of dense2: it drops to 144 + 22.
    const lane = laneAround(150, 100, 1150, 90, cards, true, ['data', 'loss']);
    expect(lane?.y).toBe(144 + LANE_GAP);
    // The optimizer (y 300) is not crossed, so it does not push the lane further down.
    expect(lane!.y).toBeLessThan(optimizer.y);
  });

  it('goes below when the cards in the way sit above the ends', () => {
    const raised: Box = { ...dense2, y: 30 };
    // Band 78–90; raised spans 30–86, centre 58, above the ends' middle 84: down to 86 + 22 = 108 or
    // 84 + 28 = 112, whichever is lower.
    expect(laneAround(380, 84, 690, 84, [raised], false)?.y).toBe(112);
  });
});

describe('detourPath', () => {
  it('starts at the source, ends at the target, and puts the label over the middle of the block', () => {
    const [path, x, y] = detourPath(380, 84, 690, 80, { y: 52, from: 460, to: 610 });
    expect(path.startsWith('M 380 84 C')).toBe(true);
    expect(path.endsWith('690 80')).toBe(true);
    expect(path).toContain('H 616');
    expect([x, y]).toEqual([(454 + 616) / 2, 52]);
  });
});

describe('slotOffset', () => {
  it('spreads the wires into a port that takes several over its height, the first on top', () => {
    expect(slotOffset(0, 1)).toBe(0);
    expect([slotOffset(0, 2), slotOffset(1, 2)]).toEqual([-4, 4]);
    // Five wires over a 20-unit spread: 5 apart, −10 … 10.
    expect([0, 1, 2, 3, 4].map((i) => slotOffset(i, 5))).toEqual([-10, -5, 0, 5, 10]);
  });
});

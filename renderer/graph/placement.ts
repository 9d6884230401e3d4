import type { GraphNode } from '../../engine/document/schema';
import type { Size } from './layout';

/** A card on the canvas: its top-left corner and size, in flow coordinates. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Room kept free around a placed card, so its ports and the wire labels stay readable. */
export const PLACEMENT_GAP = 24;
/** How far right of the node it follows a new card goes (room for the wire and its shape label). */
export const FOLLOW_GAP = 60;

const overlaps = (a: Rect, b: Rect, gap: number) =>
  a.x < b.x + b.width + gap &&
  b.x < a.x + a.width + gap &&
  a.y < b.y + b.height + gap &&
  b.y < a.y + a.height + gap;

/**
 * The first place for a card of `size` near `wanted` (its top-left) that overlaps none of `taken`,
 * keeping `PLACEMENT_GAP` clear: `wanted` itself, else the same column stepped down and up in turn
 * (one card height plus the gap a step), so the card stays beside the node it follows.
 * `wanted` {0, 0}, size 150 × 56, a card at {0, 0} → {0, 80} (56 + 24 below).
 */
export function freeSpot(
  wanted: GraphNode['position'],
  size: Size,
  taken: readonly Rect[],
): GraphNode['position'] {
  const step = size.height + PLACEMENT_GAP;
  for (let i = 0; i < 200; i++) {
    // 0, +1, −1, +2, −2, … steps
    const k = i === 0 ? 0 : i % 2 === 1 ? (i + 1) / 2 : -i / 2;
    const candidate = { x: wanted.x, y: wanted.y + k * step, ...size };
    if (!taken.some((r) => overlaps(candidate, r, PLACEMENT_GAP))) return { x: candidate.x, y: candidate.y };
  }
  return wanted;
}

/**
 * Where a card added after `after` goes: right of it at the same height, or the nearest free place
 * in that column. `after` {x: 0, y: 0, width: 150}, nothing else there → {210, 0}.
 */
export function placeAfter(after: Rect, size: Size, taken: readonly Rect[]): GraphNode['position'] {
  return freeSpot({ x: after.x + after.width + FOLLOW_GAP, y: after.y }, size, taken);
}

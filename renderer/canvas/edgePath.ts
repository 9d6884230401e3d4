/** Horizontal span (canvas units) past which a settings wire takes the lane under the network. */
export const LANE_MIN_SPAN = 320;
/** How far below its lower end the lane runs. */
export const LANE_DROP = 44;
/** How far a lane keeps from a card it passes: room for half a shape label and some air. */
export const LANE_GAP = 22;
/** How far a tensor detour rises above (or drops below) its higher (lower) end at least. */
const LANE_RISE = 28;
/** Cards closer than this to a wire's ends horizontally are not in its way (the ports stick out). */
const END_MARGIN = 8;
/** A card this close to the band between a wire's ends is in its way. */
const BAND_PAD = 6;
/** Height of a several-taking port's handle that the ends of its wires spread over. */
export const SEVERAL_SPREAD = 20;

/** A card on the canvas, in canvas units (top-left corner and size). */
export interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * A wire that runs along a horizontal lane between its ends instead of straight through the cards
 * there: out of the source, along the lane (below both ends, or above both), and into the target,
 * with rounded corners. Used for the long labels wire (Dataset.y → Loss.labels) under the layers and
 * for a skip connection around the layers it jumps. Returns the SVG path and where its label sits
 * (the lane's middle).
 */
export function lanePath(
  sx: number,
  sy: number,
  tx: number,
  ty: number,
  lane = Math.max(sy, ty) + LANE_DROP,
): [string, number, number] {
  const r = 12;
  // +1 bends down to a lane below, −1 up to a lane above.
  const d = lane >= Math.max(sy, ty) ? 1 : -1;
  const out = sx + 16;
  const into = tx - 16;
  const path = [
    `M ${sx} ${sy}`,
    `H ${out}`,
    `Q ${out + r} ${sy} ${out + r} ${sy + d * r}`,
    `V ${lane - d * r}`,
    `Q ${out + r} ${lane} ${out + 2 * r} ${lane}`,
    `H ${into - 2 * r}`,
    `Q ${into - r} ${lane} ${into - r} ${lane - d * r}`,
    `V ${ty + d * r}`,
    `Q ${into - r} ${ty} ${into} ${ty}`,
    `H ${tx}`,
  ].join(' ');
  return [path, (sx + tx) / 2, lane];
}

/** Whether a wire should take the lane: a settings wire, running forward over a long way. */
export function takesLane(portType: string | undefined, sx: number, tx: number): boolean {
  return portType !== undefined && portType !== 'tensor' && tx - sx > LANE_MIN_SPAN;
}

/** A lane around cards: its height, and the stretch of it that passes the cards. */
export interface Lane {
  y: number;
  from: number;
  to: number;
}

/**
 * Moves a lane past every card it would cross or touch, downwards (+1) or upwards (−1), widening
 * its stretch over each card it passes.
 */
function clearOf(cards: readonly Box[], lane: Lane, d: 1 | -1): Lane {
  let { y, from, to } = lane;
  for (let i = 0; i <= cards.length; i++) {
    const hit = cards.find((b) => b.y - LANE_GAP < y && y < b.y + b.height + LANE_GAP);
    if (!hit) break;
    y = d > 0 ? hit.y + hit.height + LANE_GAP : hit.y - LANE_GAP;
    from = Math.min(from, hit.x);
    to = Math.max(to, hit.x + hit.width);
  }
  return { y, from, to };
}

/**
 * The lane a wire from (sx, sy) to (tx, ty) should take around the cards between its ends, or null
 * when a plain curve crosses none; `ends` are the wire's own two nodes, never in its way. A settings
 * wire (`under`) always runs below, under every card it would cross; a tensor wire (a skip
 * connection over a block) detours only when a card sits in the band between its ends, on the side
 * nearer its ends: dense1 → add past dense2 runs above dense2 when dense2 hangs lower than the ends.
 */
export function laneAround(
  sx: number,
  sy: number,
  tx: number,
  ty: number,
  cards: readonly Box[],
  under: boolean,
  ends: readonly [string, string] = ['', ''],
): Lane | null {
  if (tx - sx < 2 * END_MARGIN) return null;
  const between = cards.filter(
    (b) => b.x < tx - END_MARGIN && b.x + b.width > sx + END_MARGIN && b.id !== ends[0] && b.id !== ends[1],
  );
  if (under) return clearOf(between, { y: Math.max(sy, ty) + LANE_DROP, from: sx, to: tx }, 1);
  const lo = Math.min(sy, ty) - BAND_PAD;
  const hi = Math.max(sy, ty) + BAND_PAD;
  const blocking = between.filter((b) => b.y < hi && b.y + b.height > lo);
  if (blocking.length === 0) return null;
  const top = Math.min(...blocking.map((b) => b.y));
  const bottom = Math.max(...blocking.map((b) => b.y + b.height));
  const from = Math.min(...blocking.map((b) => b.x));
  const to = Math.max(...blocking.map((b) => b.x + b.width));
  return (sy + ty) / 2 <= (top + bottom) / 2
    ? clearOf(between, { y: Math.min(top - LANE_GAP, Math.min(sy, ty) - LANE_RISE), from, to }, -1)
    : clearOf(between, { y: Math.max(bottom + LANE_GAP, Math.max(sy, ty) + LANE_RISE), from, to }, 1);
}

export const sameLane = (a: Lane | null, b: Lane | null): boolean =>
  a === b || (a !== null && b !== null && a.y === b.y && a.from === b.from && a.to === b.to);

/**
 * A skip connection drawn around the cards it jumps: an S-curve from the source up (or down) to the
 * lane, level past the cards, and an S-curve down (or up) into the target. Its label sits on the
 * level stretch, above the middle of the block. Returns the SVG path and the label's place.
 */
export function detourPath(
  sx: number,
  sy: number,
  tx: number,
  ty: number,
  lane: Lane,
): [string, number, number] {
  const a = Math.max(Math.min(lane.from - 6, tx - END_MARGIN), sx + END_MARGIN);
  const b = Math.min(Math.max(lane.to + 6, a), tx - END_MARGIN);
  const rise = (sx + a) / 2;
  const fall = (b + tx) / 2;
  const path = [
    `M ${sx} ${sy}`,
    `C ${rise} ${sy} ${rise} ${lane.y} ${a} ${lane.y}`,
    `H ${b}`,
    `C ${fall} ${lane.y} ${fall} ${ty} ${tx} ${ty}`,
  ].join(' ');
  return [path, (a + b) / 2, lane.y];
}

/**
 * Where the wire into slot `index` of `count` ends on a several-taking port, relative to the port's
 * middle: spread over its tall handle, first at the top, so the order of a Concatenate's inputs reads
 * off the canvas. Two wires end 4 above and 4 below the middle.
 */
export function slotOffset(index: number, count: number): number {
  if (count < 2) return 0;
  const step = Math.min(8, SEVERAL_SPREAD / (count - 1));
  return (index - (count - 1) / 2) * step;
}

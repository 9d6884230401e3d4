/** Horizontal span (canvas units) past which a settings wire takes the lane under the network. */
export const LANE_MIN_SPAN = 320;
/** How far below its lower end the lane runs. */
export const LANE_DROP = 44;

/**
 * A wire that runs under the cards between its ends instead of straight through them: down from the
 * source, along a lane below both ends, and up into the target, with rounded corners. Used for the
 * long labels wire (Dataset.y → Loss.labels), which would otherwise hide behind the layer cards.
 * Returns the SVG path and where its label sits (the lane's middle).
 */
export function lanePath(sx: number, sy: number, tx: number, ty: number): [string, number, number] {
  const lane = Math.max(sy, ty) + LANE_DROP;
  const r = 12;
  const out = sx + 16;
  const into = tx - 16;
  const path = [
    `M ${sx} ${sy}`,
    `H ${out}`,
    `Q ${out + r} ${sy} ${out + r} ${sy + r}`,
    `V ${lane - r}`,
    `Q ${out + r} ${lane} ${out + 2 * r} ${lane}`,
    `H ${into - 2 * r}`,
    `Q ${into - r} ${lane} ${into - r} ${lane - r}`,
    `V ${ty + r}`,
    `Q ${into - r} ${ty} ${into} ${ty}`,
    `H ${tx}`,
  ].join(' ');
  return [path, (sx + tx) / 2, lane];
}

/** Whether a wire should take the lane: a settings wire, running forward over a long way. */
export function takesLane(portType: string | undefined, sx: number, tx: number): boolean {
  return portType !== undefined && portType !== 'tensor' && tx - sx > LANE_MIN_SPAN;
}

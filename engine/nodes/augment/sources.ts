import { layerDraws } from '../draws.js';

/** What Augment does to each training image: mirror it or not, then shift it by whole pixels. */
export interface AugmentDraws {
  maxShift: number;
  flipHorizontal: boolean;
}

/**
 * Where each value of an augmented batch comes from, for `rows` images [h, w, c]: `sources[e]` is the
 * flat input index whose value lands at output index e, or −1 where the shift brings in zeros. Per
 * image the draws are, in order: flip (rand < 0.5, when flipping is on), then the shift's dy and dx,
 * each a whole number in [−maxShift, maxShift]. The same (update, layer) gives the same map on tf.js
 * and on the fast executor. 1×3×1 image, no flip, dx = +1: out = [x₁, x₂, 0] → sources [1, 2, −1].
 */
export function augmentSources(
  sources: Int32Array,
  rows: number,
  [h, w, c]: readonly [number, number, number],
  params: AugmentDraws,
  stepSeed: number,
  nodeId: string,
): void {
  const random = layerDraws(stepSeed, nodeId);
  const s = params.maxShift;
  const size = h * w * c;
  for (let i = 0; i < rows; i++) {
    const flip = params.flipHorizontal && random.next() < 0.5;
    const dy = s > 0 ? random.int(2 * s + 1) - s : 0;
    const dx = s > 0 ? random.int(2 * s + 1) - s : 0;
    for (let y = 0; y < h; y++) {
      const sy = y + dy;
      for (let x = 0; x < w; x++) {
        const sx = x + dx;
        const o = i * size + (y * w + x) * c;
        const inside = sy >= 0 && sy < h && sx >= 0 && sx < w;
        // The image is mirrored first, then shifted: the value came from column w − 1 − sx.
        const from = inside ? i * size + (sy * w + (flip ? w - 1 - sx : sx)) * c : -1;
        for (let ch = 0; ch < c; ch++) sources[o + ch] = from < 0 ? -1 : from + ch;
      }
    }
  }
}

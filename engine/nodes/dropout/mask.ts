import { layerDraws } from '../draws.js';

/**
 * Inverted dropout's d for the first `count` values of a batch, in row-major order: 1 where
 * rand < keep_prob (kept), 0 where dropped. One mask per (update, layer), the same for tf.js and the
 * fast executor. keep_prob 0.5, 4 values → e.g. [1, 0, 0, 1].
 */
export function dropoutMask(
  mask: Uint8Array | Float32Array,
  count: number,
  keepProb: number,
  stepSeed: number,
  nodeId: string,
): void {
  const random = layerDraws(stepSeed, nodeId);
  for (let e = 0; e < count; e++) mask[e] = random.next() < keepProb ? 1 : 0;
}

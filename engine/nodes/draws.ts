import { createRandom, mixSeeds, type Random } from '../random.js';

/** FNV-1a of a node id: a layer's own seed, the same on every executor that runs the node. */
function idSeed(nodeId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < nodeId.length; i++) h = Math.imul(h ^ nodeId.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The random numbers one layer draws in one update (dropout masks, augmentation shifts): a stream
 * seeded by the update's `stepSeed` and the layer's node id, so the tf.js layers and the fast
 * executor's lowerings draw the same numbers, different layers and steps unrelated ones.
 */
export function layerDraws(stepSeed: number, nodeId: string): Random {
  return createRandom(mixSeeds(stepSeed, idSeed(nodeId)));
}

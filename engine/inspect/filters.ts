import * as tf from '@tensorflow/tfjs';
import type { Network } from '../model/network.js';

/** The filters of a network's first convolutional layer, each a small [k, k, c] image. */
export interface FirstLayerFilters {
  nodeId: string;
  /** Each filter's [kh, kw, c]. */
  shape: [number, number, number];
  count: number;
  /** count × kh·kw·c: filter f's weights [kh, kw, c] row-major, channels last, one after another. */
  values: Float32Array;
}

/**
 * The weights of the first layer (in topological order) holding a 4-D kernel [kh, kw, c, filters],
 * as Conv2D's W, regrouped filter by filter so each can be drawn as an image: [kh, kw, c, f] →
 * f × [kh, kw, c]. Null when the network has no such layer.
 */
export function firstLayerFilters(network: Network): FirstLayerFilters | null {
  const kernel = network.parameters.find((p) => p.variable.shape.length === 4);
  if (!kernel) return null;
  const [kh, kw, c, count] = kernel.variable.shape as [number, number, number, number];
  const byFilter = tf.tidy(() => tf.transpose(kernel.variable, [3, 0, 1, 2]));
  const values = Float32Array.from(byFilter.dataSync());
  byFilter.dispose();
  return { nodeId: kernel.nodeId, shape: [kh, kw, c], count, values };
}

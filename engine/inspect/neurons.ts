import * as tf from '@tensorflow/tfjs';
import type { Network } from '../model/network.js';
import type { ForwardContext } from '../nodes/types.js';
import { gridPoints, type PlotBounds } from '../train/boundary.js';

/** Units pictured per layer at most: a card shows a strip of small pictures, not hundreds. */
export const PICTURED_UNITS = 32;

/** Every pictured unit of one hidden layer over the plane. */
export interface LayerPictures {
  nodeId: string;
  /** Units of the layer (only the first `PICTURED_UNITS` are pictured). */
  units: number;
  /** Pictured units × size², unit by unit, each row-major from the top-left corner as the boundary. */
  values: Float32Array;
  /** The largest |value| among them (1 when all are 0): the colour scale's end for the whole layer. */
  scale: number;
}

const INFERENCE: ForwardContext = { training: false, stepSeed: 0, returnLogits: false };

/**
 * What every hidden unit computes over the plane (as TF Playground draws its neurons): each layer
 * with a vector output, except the one feeding the loss, evaluated at the centres of the decision
 * boundary's `size`×`size` grid. 2-D inputs only. [size², 2] → per layer [units, size²].
 */
export function neuronPictures(network: Network, bounds: PlotBounds, size: number): LayerPictures[] {
  const hidden = network.plans.filter((p) => p.nodeId !== network.outputId && p.outputShape.length === 1);
  if (network.inputFeatures !== 2 || !hidden.length) return [];
  const outputs = tf.tidy(() => {
    // The walk of Network.logits, every layer's output kept (the output layer's own activation is
    // not needed here, so no layer returns logits).
    const values = new Map<string, tf.Tensor>([
      [network.inputId, tf.tensor2d(gridPoints(bounds, size), [size * size, 2])],
    ]);
    network.layers.forEach((layer, i) => {
      const plan = network.plans[i];
      if (plan)
        values.set(
          plan.nodeId,
          layer.forward(
            plan.inputs.map((id) => values.get(id) as tf.Tensor),
            INFERENCE,
          ),
        );
    });
    return hidden.map((p) => {
      const units = Math.min(p.outputShape[0] as number, PICTURED_UNITS);
      return tf.transpose((values.get(p.nodeId) as tf.Tensor2D).slice([0, 0], [-1, units]));
    });
  });
  return hidden.map((p, i) => {
    const tensor = outputs[i] as tf.Tensor;
    const values = Float32Array.from(tensor.dataSync());
    tensor.dispose();
    const largest = values.reduce((a, v) => Math.max(a, Math.abs(v)), 0);
    return { nodeId: p.nodeId, units: p.outputShape[0] as number, values, scale: largest > 0 ? largest : 1 };
  });
}

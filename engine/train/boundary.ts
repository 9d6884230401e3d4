import * as tf from '@tensorflow/tfjs';
import type { LabeledData } from '../data/types.js';
import type { Network } from '../model/network.js';

/** The square region of the plane a decision-boundary plot covers. */
export interface PlotBounds {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Bounds around every point of the splits, with a margin of 10% on each side. */
export function boundsOf(datasets: readonly LabeledData[]): PlotBounds {
  let [xMin, xMax, yMin, yMax] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const d of datasets) {
    for (let i = 0; i < d.m; i++) {
      const x = d.x[i * d.features] as number;
      const y = d.x[i * d.features + 1] as number;
      xMin = Math.min(xMin, x);
      xMax = Math.max(xMax, x);
      yMin = Math.min(yMin, y);
      yMax = Math.max(yMax, y);
    }
  }
  if (!Number.isFinite(xMin)) return { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
  const padX = Math.max((xMax - xMin) * 0.1, 1e-6);
  const padY = Math.max((yMax - yMin) * 0.1, 1e-6);
  return { xMin: xMin - padX, xMax: xMax + padX, yMin: yMin - padY, yMax: yMax + padY };
}

/**
 * The centres of a `size`×`size` grid over the plane, row-major from the top-left (xMin, yMax)
 * corner: [size², 2] as (x, y) pairs. The decision boundary and the neuron pictures sample these.
 */
export function gridPoints(bounds: PlotBounds, size: number): Float32Array {
  const points = new Float32Array(size * size * 2);
  for (let r = 0; r < size; r++) {
    const y = bounds.yMax - ((r + 0.5) / size) * (bounds.yMax - bounds.yMin);
    for (let c = 0; c < size; c++) {
      const x = bounds.xMin + ((c + 0.5) / size) * (bounds.xMax - bounds.xMin);
      points[(r * size + c) * 2] = x;
      points[(r * size + c) * 2 + 1] = y;
    }
  }
  return points;
}

/**
 * The model's predictions over a `size`×`size` grid of the plane (as the course's
 * plot_decision_boundary), row-major from the top-left (xMin, yMax) corner. One output:
 * `probability` = P(class 1) and `classes` = ŷ > 0.5. C outputs: the arg-max class and its
 * probability. [size², 2] → size² values each.
 */
export function decisionGrid(
  network: Network,
  bounds: PlotBounds,
  size: number,
): { probability: Float32Array; classes: Int32Array } {
  const points = gridPoints(bounds, size);
  const [probs, cls] = tf.tidy(() => {
    const p = network.predict(tf.tensor2d(points, [size * size, 2]));
    if (p.shape[1] === 1) return [p.reshape([-1]), tf.cast(tf.greater(p.reshape([-1]), 0.5), 'int32')];
    return [tf.max(p, 1), tf.argMax(p, 1)];
  });
  const probability = probs.dataSync() as Float32Array;
  const classes = Int32Array.from(cls.dataSync());
  tf.dispose([probs, cls]);
  return { probability: Float32Array.from(probability), classes };
}

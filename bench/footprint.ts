import type { BenchGraph } from './graphs';

/** What training a graph must hold, in bytes (float32): the floor a peak-memory figure is compared with. */
export interface Footprint {
  weights: number;
  /** Adam's two moment slots, one per weight. */
  adam: number;
  /** The training set on the device: inputs [m, n[0]] and labels [m, n[L]] (one column for a sigmoid). */
  data: number;
  total: number;
}

/** [784, 256, 256, 10] over 2,560 examples: weights 1.0 MiB, Adam 2.1 MiB, data 7.8 MiB. */
export function footprint(graph: Pick<BenchGraph, 'widths' | 'output'>, m: number): Footprint {
  let parameters = 0;
  const w = graph.widths;
  for (let l = 1; l < w.length; l++) parameters += (w[l - 1] as number) * (w[l] as number) + (w[l] as number);
  const labels = graph.output === 'sigmoid' ? 1 : (w[w.length - 1] as number);
  const weights = 4 * parameters;
  const adam = 2 * weights;
  const data = 4 * m * ((w[0] as number) + labels);
  return { weights, adam, data, total: weights + adam + data };
}

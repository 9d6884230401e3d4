import * as tf from '@tensorflow/tfjs';
import type { Network } from '../model/network.js';

/** One parameter tensor of the network, copied to float64 for the reference. */
export interface ReferenceParameter {
  /** "dense1/W", as the Network names it. */
  id: string;
  nodeId: string;
  /** 'W' or 'b' (Dense, Conv2D), 'gamma' or 'beta' (BatchNorm). */
  name: string;
  /** tf.js's layout: [n[l−1], n[l]] for a Dense W, [f, f, cIn, cOut] for a Conv2D W, [n] for b, γ and β. */
  shape: number[];
  /** Row-major values. The reference reads them live: changing an entry here changes J. */
  values: Float64Array;
  l2: number;
  l1: number;
}

/** The network's current parameters (initialized or trained), each as a float64 copy. */
export function readParameters(network: Network): ReferenceParameter[] {
  return network.parameters.map((p) => ({
    id: p.id,
    nodeId: p.nodeId,
    name: p.name,
    shape: [...p.variable.shape],
    values: Float64Array.from(p.variable.dataSync()),
    l2: p.l2,
    l1: p.l1,
  }));
}

/** Writes parameter values back into the network's variables (rounded to float32), matched by id. */
export function writeParameters(network: Network, parameters: readonly ReferenceParameter[]): void {
  const byId = new Map(parameters.map((p) => [p.id, p]));
  for (const p of network.parameters) {
    const source = byId.get(p.id);
    if (!source) continue;
    tf.tidy(() => p.variable.assign(tf.tensor(Float32Array.from(source.values), p.variable.shape)));
  }
}

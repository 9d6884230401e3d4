import * as tf from '@tensorflow/tfjs';
import type { InspectionBuffers } from '../../inspect/buffers.js';
import type { Network } from '../../model/network.js';

/** What an inspected tf.js update kept on the device: every output, and the gradients. */
export interface KeptPass {
  rows: number;
  /** Parameter values before the step, in `Network.parameters` order (host copies). */
  before: Float32Array[];
  /** ∂J/∂parameter, same order (host copies). */
  gradients: Float32Array[];
  /** Every layer's output and x, by node id (see `Network.logits`); disposed here. */
  outputs: Map<string, tf.Tensor>;
}

/** A host copy of a tensor's values (empty for none). */
export const host = (t: tf.Tensor | undefined): Float32Array =>
  t ? Float32Array.from(t.dataSync() as Float32Array) : new Float32Array(0);

/**
 * An inspected tf.js update's buffers on the host, laid out as the fast executor's (per layer in plan
 * order, channels last), so the same `measureLayers` reads both. Frees the kept outputs.
 */
export function hostInspection(net: Network, pass: KeptPass): InspectionBuffers {
  const byId = new Map([...pass.outputs].map(([id, t]) => [id, host(t)]));
  tf.dispose([...pass.outputs.values()]);
  let k = 0;
  const parameters = net.layers.map((layer) =>
    layer.parameters.map((p) => {
      const i = k++;
      return {
        name: p.name,
        values: host(p.variable),
        gradient: pass.gradients[i] as Float32Array,
        before: pass.before[i] as Float32Array,
      };
    }),
  );
  return {
    rows: pass.rows,
    outputs: net.plans.map((plan) => byId.get(plan.nodeId) as Float32Array),
    inputs: net.plans.map((plan) => plan.inputs.map((id) => byId.get(id) as Float32Array)),
    parameters,
    state: net.layers.map((layer) => layer.state.map(host)),
  };
}

import type { TrainingPlan } from '../compile/plan.js';
import type { InspectionBuffers } from './buffers.js';
import { moments } from './measure.js';

/** What flows through one node at an inspected update, for the canvas's Step mode. */
export interface NodeSummary {
  id: string;
  /** Its output over the mini-batch (the forward activation each outgoing edge carries). */
  mean: number;
  std: number;
  /**
   * ‖∂J/∂output‖ over the mini-batch as the backward pass left it (a layer with a g of its own holds
   * ∂J/∂z there, after g′); null where no gradient reaches the node or the executor keeps none.
   */
  gradNorm: number | null;
}

/** Where each node's output lives: its id and values per example, in plan order. */
export type NodeTargets = { id: string; features: number }[];

export const nodeTargets = (plan: Pick<TrainingPlan, 'layers'>): NodeTargets =>
  plan.layers.map((l) => ({ id: l.nodeId, features: l.outputFeatures }));

/** Every node's forward mean and σ, and its backward gradient's norm where the buffers have one. */
export function measureNodes(nodes: NodeTargets, buffers: InspectionBuffers): NodeSummary[] {
  return nodes.map(({ id, features }, i) => {
    const n = buffers.rows * features;
    const { mean, std } = moments(buffers.outputs[i] as Float32Array, n);
    const g = buffers.gradients?.[i];
    let squares = 0;
    if (g) for (let k = 0; k < n; k++) squares += (g[k] as number) ** 2;
    return { id, mean, std, gradNorm: g ? Math.sqrt(squares) : null };
  });
}

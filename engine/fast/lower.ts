import type { TrainingPlan } from '../compile/plan.js';
import type { Network } from '../model/network.js';
import type { FastLowering, FastLoweringContext } from './lowering.js';

/** Why `plan` cannot run on the fast executor, or null when it can: every kind has a fast lowering. */
export function supportsFast(plan: Pick<TrainingPlan, 'layers'>): string | null {
  if (plan.layers.length === 0) return 'The network has no layers.';
  const missing = plan.layers.find((l) => !l.kind.fast);
  return missing ? `${missing.kind.kind} (${missing.nodeId}) has no fast lowering.` : null;
}

/** One parameter tensor's values, in the order of `Network.parameters` ("dense1/W", "dense1/b", …). */
export interface FastParameter {
  id: string;
  values: Float32Array;
}

/** Normalize's μ and σ, as the trainer computes them (featureStatistics of the training split). */
export interface FastInputStatistics {
  mean: Float32Array;
  std: Float32Array;
}

/** The parameters of a tf.js network, read back once (for building a FastExecutor from it). */
export function parametersOf(network: Network): FastParameter[] {
  return network.parameters.map((p) => ({ id: p.id, values: Float32Array.from(p.variable.dataSync()) }));
}

/** The non-trainable state of a tf.js network's layers by node id (BatchNorm's moving averages). */
export function stateOf(network: Network): Map<string, Float32Array[]> {
  return new Map(
    network.layers
      .filter((l) => l.state.length > 0)
      .map((l) => [l.nodeId, l.state.map((v) => Float32Array.from(v.dataSync()))]),
  );
}

export interface LoweringSources {
  batchSize: number;
  /** Initial parameters in `Network.parameters` order. */
  parameters: readonly FastParameter[];
  /** Initial state by node id; zeros where absent. */
  state?: ReadonlyMap<string, readonly Float32Array[]>;
  inputStatistics?: FastInputStatistics;
}

/**
 * Each layer's lowering, in the plan's topological order, handing out the initial parameters in
 * `Network.parameters` order (a lowering takes its own by name; a mismatch is a bug and throws).
 */
export function lowerLayers(
  plan: Pick<TrainingPlan, 'layers' | 'outputId'>,
  sources: LoweringSources,
): FastLowering[] {
  let next = 0;
  const lowerings = plan.layers.map((layer) => {
    const fast = layer.kind.fast;
    if (!fast) throw new Error(`${layer.kind.kind} (${layer.nodeId}) has no fast lowering.`);
    const ctx: FastLoweringContext = {
      layer,
      batchSize: sources.batchSize,
      isOutput: layer.nodeId === plan.outputId,
      parameter(name, length) {
        const p = sources.parameters[next++];
        if (p?.id !== `${layer.nodeId}/${name}`)
          throw new Error(`Expected parameter ${layer.nodeId}/${name} at ${next - 1}, not ${p?.id}.`);
        if (p.values.length !== length)
          throw new Error(`${p.id} has ${p.values.length} values, not ${length}.`);
        return Float32Array.from(p.values);
      },
      state(index, length) {
        const given = sources.state?.get(layer.nodeId)?.[index];
        if (given && given.length !== length)
          throw new Error(`State ${index} of ${layer.nodeId} has ${given.length} values.`);
        return given ? Float32Array.from(given) : new Float32Array(length);
      },
      ...(sources.inputStatistics ? { inputStatistics: sources.inputStatistics } : {}),
    };
    return fast(layer.params, ctx);
  });
  if (next !== sources.parameters.length)
    throw new Error(`${sources.parameters.length - next} parameters were not taken by any layer.`);
  return lowerings;
}

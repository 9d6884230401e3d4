import type { LayerPlan, TrainingPlan } from '../compile/plan.js';
import type { ActivationName } from '../model/activations.js';

/** One layer with parameters that the inspector measures, located in the plan. */
export interface InspectionTarget {
  nodeId: string;
  /** Its index in `plan.layers` (and in every executor's per-layer buffers). */
  index: number;
  /**
   * The layer whose output shows this layer's non-linearity: itself when it has a g of its own, or an
   * Activation node that alone takes its output; null when neither (a linear layer, BatchNorm before
   * its ReLU, the output layer, whose buffers hold logits).
   */
  activated: { index: number; g: ActivationName } | null;
  /** Units: the output's last axis (a Dense layer's neurons, a convolution's channels). */
  units: number;
  /** Values per example of its output (and of its activated output): [8, 8, 4] → 256. */
  features: number;
  /** The layer feeding the loss: no hidden-layer diagnoses (symmetry, dead units) for it. */
  isOutput: boolean;
  /** Momentum β of the running averages, for a layer normalizing over the batch (BatchNorm). */
  momentum: number | null;
}

const hasParameters = (layer: LayerPlan): boolean =>
  (layer.kind.countParameters?.(layer.params, layer.inputShapes, layer.outputShape).trainable ?? 0) > 0;

const activationOf = (layer: LayerPlan): ActivationName | null => {
  const g = layer.kind.inspect?.activation?.(layer.params) ?? null;
  return g === 'linear' ? null : g;
};

/**
 * The layers with parameters, in plan order, with where their activations are read. A plan
 * data → hidden1 (Dense relu) → output (Dense sigmoid) gives two targets: hidden1 activated by itself
 * with relu, output with no activation read (its buffer holds the logits).
 */
export function inspectionTargets(plan: Pick<TrainingPlan, 'layers' | 'outputId'>): InspectionTarget[] {
  const consumers = new Map<string, number[]>();
  plan.layers.forEach((layer, i) => {
    for (const from of layer.inputs) consumers.set(from, [...(consumers.get(from) ?? []), i]);
  });
  const activatedFor = (layer: LayerPlan, index: number): InspectionTarget['activated'] => {
    if (layer.nodeId === plan.outputId) return null;
    const own = activationOf(layer);
    if (own) return { index, g: own };
    const next = consumers.get(layer.nodeId) ?? [];
    const only = next.length === 1 ? plan.layers[next[0] as number] : undefined;
    if (!only || hasParameters(only) || only.nodeId === plan.outputId) return null;
    const g = activationOf(only);
    return g ? { index: next[0] as number, g } : null;
  };
  return plan.layers.flatMap((layer, index) => {
    if (!hasParameters(layer)) return [];
    return [
      {
        nodeId: layer.nodeId,
        index,
        activated: activatedFor(layer, index),
        units: layer.outputShape[layer.outputShape.length - 1] ?? 1,
        features: layer.outputFeatures,
        isOutput: layer.nodeId === plan.outputId,
        momentum: layer.kind.inspect?.batchStatistics?.(layer.params).momentum ?? null,
      },
    ];
  });
}

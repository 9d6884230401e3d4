import * as tf from '@tensorflow/tfjs';
import type { TrainingPlan } from '../compile/plan.js';
import { Network } from '../model/network.js';
import { product } from '../nodes/shape.js';
import { createRandom } from '../random.js';
import type { GradCheckBatch, InputStatistics } from './reference.js';

/**
 * The plan with every layer at the params the check runs it with (its kind's paramsForCheck): Dropout
 * at keep_prob 1 and Augment without shifts or flips, identities.
 */
export function withoutDropout(plan: TrainingPlan): TrainingPlan {
  return {
    ...plan,
    layers: plan.layers.map((layer) => {
      const forCheck = layer.kind.reference?.paramsForCheck;
      return forCheck ? { ...layer, params: forCheck(layer.params) } : layer;
    }),
  };
}

/**
 * J and ∂J/∂θ as the trainer takes them — tf.variableGrads of network.cost(plan.loss, x, y, m, true, 0), float32
 * autodiff, batch norm on the batch's statistics — for every parameter (by id), as float64 copies.
 * Runs on a copy of the network with dropout and augmentation off, holding the same weights, so the
 * original's batch-norm averages are not moved. Leaves no tensors behind.
 */
export function autodiffGradients(
  plan: TrainingPlan,
  network: Network,
  batch: GradCheckBatch,
  inputStatistics?: InputStatistics,
): { cost: number; gradients: Map<string, Float64Array> } {
  const copy = Network.fromPlan(withoutDropout(plan), {
    random: createRandom(0),
    ...(inputStatistics
      ? {
          inputStatistics: {
            mean: Float32Array.from(inputStatistics.mean),
            std: Float32Array.from(inputStatistics.std),
          },
        }
      : {}),
  });
  try {
    const original = new Map(network.parameters.map((p) => [p.id, p.variable]));
    for (const p of copy.parameters) {
      const source = original.get(p.id);
      if (!source) throw new Error(`The network has no parameter ${p.id}.`);
      p.variable.assign(source);
    }
    // x arrives as flat rows of the plan's inputShape ([8, 8, 1] → 64); the network reshapes them.
    const features = product(plan.inputShape);
    const mb = batch.examples;
    const gradients = new Map<string, Float64Array>();
    let cost = Number.NaN;
    tf.tidy(() => {
      const x = tf.tensor2d(Float32Array.from(batch.x), [mb, features]);
      const y = tf.tensor2d(Float32Array.from(batch.y), [mb, batch.y.length / mb]);
      const { value, grads } = tf.variableGrads(
        () => copy.cost(plan.loss, x, y, batch.m, true, 0),
        copy.trainableVariables,
      );
      cost = value.dataSync()[0] as number;
      for (const p of copy.parameters) {
        const g = grads[p.variable.name];
        gradients.set(p.id, g ? Float64Array.from(g.dataSync()) : new Float64Array(p.variable.size));
      }
    });
    return { cost, gradients };
  } finally {
    copy.dispose();
  }
}

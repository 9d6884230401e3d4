import * as tf from '@tensorflow/tfjs';
import type { LayerPlan, TrainingPlan } from '../compile/plan.js';
import type { LossFunction } from '../nodes/loss.js';
import type { ForwardContext, Layer, LayerParameter } from '../nodes/types.js';
import type { Random } from '../random.js';
import { applyOutputActivation, exampleLosses, type OutputActivation } from './losses.js';

/** A parameter tensor of the network, named by layer: "dense1/W". */
export interface NetworkParameter extends LayerParameter {
  nodeId: string;
  id: string;
}

export interface NetworkOptions {
  random: Random;
  inputStatistics?: { mean: Float32Array; std: Float32Array };
}

/**
 * The compiled network: the plan's layers with live tf.js variables, the forward pass, and the cost
 * of spec §3. [m, n[0]] → [m, n[L]].
 */
export class Network {
  readonly layers: Layer[];
  readonly parameters: NetworkParameter[];
  readonly outputActivation: OutputActivation;
  readonly inputFeatures: number;

  constructor(plans: readonly LayerPlan[], options: NetworkOptions) {
    this.layers = plans.map((plan) =>
      plan.kind.build(plan.params, {
        nodeId: plan.nodeId,
        inputFeatures: plan.inputFeatures,
        random: options.random.fork(),
        dropBias: plan.dropBias,
        ...(plan.imageShape ? { imageShape: plan.imageShape } : {}),
        ...(options.inputStatistics ? { inputStatistics: options.inputStatistics } : {}),
      }),
    );
    this.parameters = this.layers.flatMap((layer) =>
      layer.parameters.map((p) => ({ ...p, nodeId: layer.nodeId, id: `${layer.nodeId}/${p.name}` })),
    );
    this.outputActivation = this.layers[this.layers.length - 1]?.outputActivation ?? null;
    this.inputFeatures = plans[0]?.inputFeatures ?? 0;
  }

  static fromPlan(plan: TrainingPlan, options: NetworkOptions): Network {
    return new Network(plan.layers, options);
  }

  get trainableVariables(): tf.Variable[] {
    return this.parameters.map((p) => p.variable);
  }

  /** Logits of the output layer (its activation left off, for a stable loss). */
  logits(x: tf.Tensor2D, training: boolean, stepSeed = 0): tf.Tensor2D {
    let a = x;
    const last = this.layers.length - 1;
    this.layers.forEach((layer, i) => {
      const ctx: ForwardContext = { training, stepSeed, returnLogits: i === last };
      a = layer.forward(a, ctx);
    });
    return a;
  }

  /** ŷ at inference (no dropout, batch norm's test-time statistics). */
  predict(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => applyOutputActivation(this.logits(x, false), this.outputActivation));
  }

  /** λ/(2m) Σ‖W‖²_F + λ₁/m Σ|w| with m the training-set size (spec §3); biases carry λ = 0. */
  penalty(m: number): tf.Scalar {
    return tf.tidy(() => {
      let total: tf.Scalar = tf.scalar(0);
      for (const p of this.parameters) {
        if (p.l2 > 0) total = tf.add(total, tf.mul(tf.sum(tf.square(p.variable)), p.l2 / (2 * m)));
        if (p.l1 > 0) total = tf.add(total, tf.mul(tf.sum(tf.abs(p.variable)), p.l1 / m));
      }
      return total;
    });
  }

  get hasPenalty(): boolean {
    return this.parameters.some((p) => p.l2 > 0 || p.l1 > 0);
  }

  /** J = (1/m_b) Σ L(ŷ, y) + penalty, on one mini-batch. */
  cost(
    fn: LossFunction,
    x: tf.Tensor2D,
    y: tf.Tensor2D,
    m: number,
    training: boolean,
    stepSeed = 0,
  ): tf.Scalar {
    return tf.tidy(() => {
      const loss = tf.mean(
        exampleLosses(fn, this.logits(x, training, stepSeed), y, this.outputActivation),
      ) as tf.Scalar;
      return this.hasPenalty ? tf.add(loss, this.penalty(m)) : loss;
    });
  }

  /** Copies of every variable (parameters and state), e.g. the best epoch's for early stopping. */
  snapshot(): tf.Tensor[] {
    return this.allVariables().map((v) => tf.keep(v.clone()));
  }

  restore(snapshot: readonly tf.Tensor[]): void {
    this.allVariables().forEach((v, i) => {
      v.assign(snapshot[i] as tf.Tensor);
    });
  }

  private allVariables(): tf.Variable[] {
    return this.layers.flatMap((l) => [...l.parameters.map((p) => p.variable), ...l.state]);
  }

  /**
   * The trained network as a stock tf.js Sequential model: Normalize as a frozen Dense, batch norm
   * with its test-time statistics, the output activation included. Loads with tf.loadLayersModel
   * and needs no NetCanvas code.
   */
  toLayersModel(): tf.Sequential {
    const parts = this.layers.flatMap((l) => l.toExport());
    const model = tf.sequential();
    model.add(tf.layers.inputLayer({ inputShape: [this.inputFeatures] }));
    for (const part of parts) model.add(part.layer);
    // Per layer: a model's own weight order puts every trainable weight before the frozen ones.
    for (const part of parts) if (part.weights.length) part.layer.setWeights(part.weights);
    // Weights made for the export (batch norm's corrected statistics, Normalize's diagonal) are copies.
    for (const w of parts.flatMap((p) => p.weights)) if (!(w instanceof tf.Variable)) w.dispose();
    return model;
  }

  dispose(): void {
    for (const layer of this.layers) layer.dispose();
  }
}

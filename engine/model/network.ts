import * as tf from '@tensorflow/tfjs';
import type { LayerPlan, TrainingPlan } from '../compile/plan.js';
import type { LossFunction } from '../nodes/loss.js';
import type { ForwardContext, Layer, LayerParameter } from '../nodes/types.js';
import type { Random } from '../random.js';
import { applyOutputActivation, exampleLosses, type OutputActivation } from './losses.js';

/** A parameter tensor of the network, named by layer: "dense1/W". */
/** What building a network needs of a plan: its layers, input shape, output and data set node. */
export type NetworkPlan = Pick<TrainingPlan, 'layers' | 'inputShape' | 'outputId' | 'datasetNodeId'>;

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
  /** Values per example of x ([8, 8, 1] → 64): the data arrives as rows of this many. */
  readonly inputFeatures: number;
  /** Per-example shape of x as the first layers take it: [features] or [h, w, c]. */
  readonly inputShape: readonly number[];
  /** The layers' plans, in the same topological order as `layers`. */
  readonly plans: readonly LayerPlan[];
  /** The data set's node id: layers name it among their inputs for x. */
  readonly inputId: string;
  /** The layer feeding the loss (the plan's `outputId`). */
  readonly outputId: string;
  private readonly outputIndex: number;

  constructor(plan: NetworkPlan, options: NetworkOptions) {
    this.plans = plan.layers;
    this.layers = plan.layers.map((layer) =>
      layer.kind.build(layer.params, {
        nodeId: layer.nodeId,
        inputShapes: layer.inputShapes,
        outputShape: layer.outputShape,
        inputFeatures: layer.inputFeatures,
        random: options.random.fork(),
        dropBias: layer.dropBias,
        ...(options.inputStatistics ? { inputStatistics: options.inputStatistics } : {}),
      }),
    );
    this.parameters = this.layers.flatMap((layer) =>
      layer.parameters.map((p) => ({ ...p, nodeId: layer.nodeId, id: `${layer.nodeId}/${p.name}` })),
    );
    this.outputIndex = plan.layers.findIndex((l) => l.nodeId === plan.outputId);
    this.outputActivation = this.layers[this.outputIndex]?.outputActivation ?? null;
    this.inputShape = plan.inputShape;
    this.inputFeatures = plan.inputShape.reduce((a, b) => a * b, 1);
    this.inputId = plan.datasetNodeId;
    this.outputId = plan.outputId;
  }

  static fromPlan(plan: NetworkPlan, options: NetworkOptions): Network {
    return new Network(plan, options);
  }

  get trainableVariables(): tf.Variable[] {
    return this.parameters.map((p) => p.variable);
  }

  /**
   * Logits of the output layer (its activation left off, for a stable loss): x [m, n[0]] rows →
   * [m, n[L]]. Walks the layers in topological order, each reading its inputs' outputs. With `keep`,
   * copies of every layer's output (and of x, under the data set's id) are put there, kept.
   */
  logits(x: tf.Tensor2D, training: boolean, stepSeed = 0, keep?: Map<string, tf.Tensor>): tf.Tensor2D {
    const values = new Map<string, tf.Tensor>();
    values.set(this.inputId, x.reshape([-1, ...this.inputShape]));
    this.layers.forEach((layer, i) => {
      const plan = this.plans[i] as LayerPlan;
      const inputs = plan.inputs.map((id) => values.get(id) as tf.Tensor);
      const ctx: ForwardContext = { training, stepSeed, returnLogits: i === this.outputIndex };
      values.set(plan.nodeId, layer.forward(inputs, ctx));
    });
    // The layer inspector's copies of every output (and x), which the caller disposes.
    if (keep) for (const [id, value] of values) keep.set(id, tf.keep(value.clone()));
    const out = values.get(this.plans[this.outputIndex]?.nodeId ?? this.inputId) as tf.Tensor;
    return out.reshape([out.shape[0] as number, -1]) as tf.Tensor2D;
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

  /** J = (1/m_b) Σ L(ŷ, y) + penalty, on one mini-batch (`keep`: see `logits`). */
  cost(
    fn: LossFunction,
    x: tf.Tensor2D,
    y: tf.Tensor2D,
    m: number,
    training: boolean,
    stepSeed = 0,
    keep?: Map<string, tf.Tensor>,
  ): tf.Scalar {
    return tf.tidy(() => {
      const loss = tf.mean(
        exampleLosses(fn, this.logits(x, training, stepSeed, keep), y, this.outputActivation),
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
   * The trained network as a stock tf.js model (functional, so branches and merges export too):
   * Normalize as a frozen Dense, batch norm with its test-time statistics, the output activation
   * included. Loads with tf.loadLayersModel and needs no NetCanvas code. Input: rows of
   * `inputFeatures` values, as the data comes.
   */
  toLayersModel(): tf.LayersModel {
    const input = tf.input({ shape: [this.inputFeatures] });
    const symbols = new Map<string, tf.SymbolicTensor>();
    const shaped =
      this.inputShape.length > 1
        ? (tf.layers.reshape({ targetShape: [...this.inputShape] }).apply(input) as tf.SymbolicTensor)
        : input;
    symbols.set(this.inputId, shaped);
    const parts = this.layers.map((layer, i) => {
      const plan = this.plans[i] as LayerPlan;
      const exported = layer.toExport();
      const ins = plan.inputs.map((id) => symbols.get(id) as tf.SymbolicTensor);
      let out: tf.SymbolicTensor | tf.SymbolicTensor[] =
        ins.length === 1 ? (ins[0] as tf.SymbolicTensor) : ins;
      for (const part of exported) out = part.layer.apply(out) as tf.SymbolicTensor;
      symbols.set(plan.nodeId, out as tf.SymbolicTensor);
      return exported;
    });
    const output = symbols.get(this.plans[this.outputIndex]?.nodeId ?? this.inputId) as tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: output });
    const all = parts.flat();
    // Per layer: a model's own weight order puts every trainable weight before the frozen ones.
    for (const part of all) if (part.weights.length) part.layer.setWeights(part.weights);
    // Weights made for the export (batch norm's corrected statistics, Normalize's diagonal) are copies.
    for (const w of all.flatMap((p) => p.weights)) if (!(w instanceof tf.Variable)) w.dispose();
    return model;
  }

  dispose(): void {
    for (const layer of this.layers) layer.dispose();
  }
}

import * as tf from '@tensorflow/tfjs';
import { firstBranch } from '../compile/plan.js';
import type { Network } from '../model/network.js';
import type { ExportedLayer, Layer } from '../nodes/types.js';

/** An element-wise non-linearity as the exporters name it ('linear' never appears: it is no op). */
export type ExportedActivation = 'relu' | 'leakyRelu' | 'tanh' | 'sigmoid';

/**
 * One inference step of a trained layer, with its numbers read back from the device. Weight layouts
 * follow the engine: a Dense `weight` is [inputs, units] row-major (the notes write the transpose).
 */
export type InferenceOp =
  | { op: 'normalize'; features: number; mean: Float32Array; invStd: Float32Array }
  | { op: 'dense'; inputs: number; units: number; weight: Float32Array; bias: Float32Array | null }
  | {
      op: 'batchNorm';
      units: number;
      gamma: Float32Array;
      beta: Float32Array;
      /** Test-time μ and σ²: the bias-corrected averages v/(1 − βᵗ) (graph-format.md, "Batch norm"). */
      mean: Float32Array;
      variance: Float32Array;
      epsilon: number;
      momentum: number;
      /** The raw averages and t, so training can go on where it stopped. */
      movingMean: Float32Array;
      movingVariance: Float32Array;
      steps: number;
    }
  | { op: 'activation'; fn: ExportedActivation; alpha: number }
  | { op: 'dropout'; keepProb: number }
  | { op: 'softmax' }
  /** Training-time image augmentation: nothing at inference. Its params live in the plan. */
  | { op: 'augment' };

/** A node of the network and the steps it computes, in order. */
export interface InferenceLayer {
  nodeId: string;
  kind: string;
  ops: InferenceOp[];
}

/**
 * The trained network as plain data, the common source of the ONNX and PyTorch exports.
 * [m, inputFeatures] → [m, outputFeatures].
 */
export interface InferenceGraph {
  inputFeatures: number;
  outputFeatures: number;
  layers: InferenceLayer[];
  /**
   * As in the engine, the last layer hands its pre-activation (the logits) to the loss and ŷ is
   * this function of them: sigmoid, softmax, or the logits themselves (null).
   */
  outputActivation: 'sigmoid' | 'softmax' | null;
}

type ConfigOf = { getClassName(): string; getConfig(): Record<string, unknown> };

async function floats(t: tf.Tensor): Promise<Float32Array> {
  return Float32Array.from(await t.data());
}

/** The activation op a stock tf.js activation layer stands for. */
function activationOp(layer: ConfigOf): InferenceOp {
  const config = layer.getConfig();
  if (layer.getClassName() === 'LeakyReLU')
    return { op: 'activation', fn: 'leakyRelu', alpha: Number(config.alpha) };
  if (layer.getClassName() === 'Softmax') return { op: 'softmax' };
  const fn = config.activation;
  if (fn === 'relu' || fn === 'tanh' || fn === 'sigmoid') return { op: 'activation', fn, alpha: 0 };
  throw new Error(`The exporters do not know the activation "${String(fn)}".`);
}

/** Reads one layer's inference steps from the stock tf.js layers it exports to. */
async function layerOps(layer: Layer): Promise<InferenceOp[]> {
  // In a tidy, so intermediates a layer's toExport makes on the way are freed (Normalize's −μ/σ).
  let parts: ExportedLayer[] = [];
  tf.tidy(() => {
    parts = layer.toExport();
    return parts.flatMap((p) => p.weights);
  });
  try {
    switch (layer.kind) {
      case 'Normalize': {
        // Exported as a frozen Dense with W = diag(1/σ), b = −μ/σ; read μ and 1/σ back out.
        // (An image input adds a Flatten before it and a Reshape after: the rows are the same.)
        const [w, b] = parts.find((p) => p.weights.length)!.weights as [tf.Tensor, tf.Tensor];
        const n = b.shape[0] as number;
        const diag = await w.data();
        const shift = await b.data();
        const invStd = Float32Array.from({ length: n }, (_, j) => diag[j * n + j] as number);
        const mean = Float32Array.from(
          { length: n },
          (_, j) => -(shift[j] as number) / (invStd[j] as number),
        );
        return [{ op: 'normalize', features: n, mean, invStd }];
      }
      case 'Dense': {
        // An image input adds a Flatten first; the ops work on flat rows anyway.
        const [dense, ...rest] = parts.filter((p) => p.layer.getClassName() !== 'Flatten');
        const [w, b] = dense!.weights as [tf.Tensor, tf.Tensor | undefined];
        const ops: InferenceOp[] = [
          {
            op: 'dense',
            inputs: w.shape[0] as number,
            units: w.shape[1] as number,
            weight: await floats(w),
            bias: b ? await floats(b) : null,
          },
        ];
        for (const part of rest) ops.push(activationOp(part.layer as unknown as ConfigOf));
        return ops;
      }
      case 'BatchNorm': {
        const [gamma, beta, mean, variance] = parts[0]!.weights as tf.Tensor[];
        const config = (parts[0]!.layer as unknown as ConfigOf).getConfig();
        const [movingMean, movingVariance, steps] = layer.state as tf.Tensor[];
        return [
          {
            op: 'batchNorm',
            units: gamma!.shape[0] as number,
            gamma: await floats(gamma!),
            beta: await floats(beta!),
            mean: await floats(mean!),
            variance: await floats(variance!),
            epsilon: Number(config.epsilon),
            momentum: Number(config.momentum),
            movingMean: await floats(movingMean!),
            movingVariance: await floats(movingVariance!),
            steps: (await steps!.data())[0] as number,
          },
        ];
      }
      case 'Activation':
      case 'Softmax':
        return parts.map((p) => activationOp(p.layer as unknown as ConfigOf));
      case 'Dropout': {
        const rate = Number((parts[0]!.layer as unknown as ConfigOf).getConfig().rate);
        return [{ op: 'dropout', keepProb: 1 - rate }];
      }
      case 'Augment':
        return [{ op: 'augment' }];
      default:
        throw new Error(`The exporters do not know the layer kind "${layer.kind}" yet.`);
    }
  } finally {
    // Export weights made for the occasion (corrected statistics, Normalize's diagonal) are copies.
    // The unbuilt tf.js layer objects hold no tensors.
    for (const part of parts) for (const w of part.weights) if (!isVariable(w)) w.dispose();
  }
}

function isVariable(t: tf.Tensor): boolean {
  return typeof (t as tf.Variable).assign === 'function';
}

/** Reads a trained network's layers and numbers into an InferenceGraph (async: reads the device). */
export async function describeNetwork(network: Network): Promise<InferenceGraph> {
  const branch = firstBranch({
    layers: [...network.plans],
    datasetNodeId: network.plans[0]?.inputs[0] ?? '',
  });
  if (branch) {
    throw new Error(
      `ONNX and PyTorch export walk straight chains; "${branch.nodeId}" is on a branch or merge.`,
    );
  }
  const layers: InferenceLayer[] = [];
  let features = network.inputFeatures;
  for (const layer of network.layers) {
    const ops = await layerOps(layer);
    for (const op of ops) {
      if (op.op === 'dense') features = op.units;
    }
    layers.push({ nodeId: layer.nodeId, kind: layer.kind, ops });
  }
  return {
    inputFeatures: network.inputFeatures,
    outputFeatures: features,
    layers,
    outputActivation: network.outputActivation,
  };
}

/** True for the ops a last layer drops when it hands over logits (its own non-linearity). */
export function isActivationOp(op: InferenceOp): boolean {
  return op.op === 'activation' || op.op === 'softmax';
}

/**
 * The ops inference runs, in order: every layer's, the last layer stopping at its logits, then the
 * output activation — exactly `Network.predict`. Dropout and Augment are left out (identity at test
 * time).
 */
export function inferenceOps(graph: InferenceGraph): { nodeId: string; op: InferenceOp }[] {
  const out: { nodeId: string; op: InferenceOp }[] = [];
  graph.layers.forEach((layer, i) => {
    let ops = layer.ops;
    if (i === graph.layers.length - 1) {
      let end = ops.length;
      while (end > 0 && isActivationOp(ops[end - 1]!)) end -= 1;
      ops = ops.slice(0, end);
    }
    for (const op of ops)
      if (op.op !== 'dropout' && op.op !== 'augment') out.push({ nodeId: layer.nodeId, op });
  });
  const last = graph.layers[graph.layers.length - 1]?.nodeId ?? 'output';
  if (graph.outputActivation === 'sigmoid')
    out.push({ nodeId: last, op: { op: 'activation', fn: 'sigmoid', alpha: 0 } });
  if (graph.outputActivation === 'softmax') out.push({ nodeId: last, op: { op: 'softmax' } });
  return out;
}

import * as tf from '@tensorflow/tfjs';
import type { LayerPlan } from '../compile/plan.js';
import type { Layer } from '../nodes/types.js';
import type { NamedTensor } from './safetensors.js';

/**
 * The interfaces through which a layer kind exports itself. Each kind's folder holds its lowering
 * (`engine/nodes/<kind>/export.ts`): how it reads its trained numbers, the ONNX nodes and the PyTorch
 * module it becomes. The exporters walk the graph and ask each node's kind; they know no kind by name.
 */

/**
 * One layer of the trained network as plain data: the plan's node with its numbers read back from
 * the device. Shapes are per example, channels last ([8, 8, 1]).
 */
export interface InferenceNode<P = unknown, T = unknown> {
  nodeId: string;
  kind: string;
  params: P;
  /** Producers in input order: earlier nodes' ids, or the graph's `inputId` for x. */
  inputs: string[];
  inputShapes: number[][];
  outputShape: number[];
  /**
   * The network's output node: it hands its pre-activation (the logits) to the output activation,
   * exactly as its tf.js forward pass with `returnLogits`.
   */
  logits: boolean;
  /** The trained numbers as the kind's `read` returned them (Dense: W and b). */
  numbers: T;
}

/**
 * How a tensor of images is laid out: NetCanvas's channels last [m, h, w, c], or ONNX's convolution
 * layout channels first [m, c, h, w]. Tensors of rank 2 ([m, n]) are the same in both.
 */
export type Layout = 'channelsLast' | 'channelsFirst';

/** A tensor in the ONNX graph: its name and how its images are laid out. */
export interface OnnxValue {
  name: string;
  layout: Layout;
}

export type OnnxAttribute =
  | { name: string; float: number }
  | { name: string; int: number }
  | { name: string; ints: readonly number[] };

/** What a kind's ONNX lowering writes with: its inputs, constants and operators, named by node. */
export interface OnnxEmitter {
  /**
   * The node's i-th input. With a layout, in that layout: a Transpose is added once per tensor and
   * layout where it differs (images only; [m, n] needs none).
   */
  input(i: number, layout?: Layout): OnnxValue;
  /** A float32 initializer named "<nodeId>.<suffix>"; returns its name. */
  constant(suffix: string, dims: readonly number[], values: Float32Array): string;
  /** An operator on these tensors; returns the name of its (one) output. */
  op(opType: string, inputs: readonly string[], attributes?: readonly OnnxAttribute[]): string;
}

/** A Python class a kind's modules are instances of, put into model.py once (by name). */
export interface PythonClass {
  name: string;
  /** The class definition, starting at column 0, free of backslashes and "${". */
  code: string;
}

/** A kind's part of the generated model.py and its weights file. */
export interface PyTorchLowering<P, T> {
  classes?: readonly PythonClass[];
  /**
   * The constructor call of the node's nn.Module ("Dense(64, 10, bias=True, …)"); kinds whose
   * forward is a plain expression (Add, Flatten) leave it out.
   */
  module?(node: InferenceNode<P, T>): string;
  /** The module's state-dict tensors, named below it ("linear.weight"). */
  state?(node: InferenceNode<P, T>): NamedTensor[];
  /**
   * The Python expression computing the node's output from its inputs' variables; `module` is how
   * the forward pass reaches its module ("self.layers['dense1']").
   */
  forward(node: InferenceNode<P, T>, inputs: readonly string[], module: string): string;
}

/** Everything a layer kind contributes to the ONNX and PyTorch exports. */
export interface ExportLowering<P, T> {
  /** Reads the trained layer's numbers back from the device (async: the device is read). */
  read(layer: Layer, plan: LayerPlan): Promise<T>;
  /** Appends the ONNX nodes computing the layer at inference; returns its output. */
  onnx(node: InferenceNode<P, T>, g: OnnxEmitter): OnnxValue;
  pytorch: PyTorchLowering<P, T>;
}

/** For kinds with no trained numbers. */
export const noNumbers = async (): Promise<null> => null;

/** A trained parameter by name ("W", "b"), copied from the device; null when the layer has none. */
export async function readParameter(layer: Layer, name: string): Promise<Float32Array | null> {
  const p = layer.parameters.find((q) => q.name === name);
  return p ? floats(p.variable) : null;
}

/**
 * The weights of the stock tf.js layers a layer exports to (`Layer.toExport`), in order, copied from
 * the device: Normalize's [diag(1/σ), −μ/σ], BatchNorm's [γ, β, μ, σ²] with the test-time statistics.
 */
export async function exportedWeights(layer: Layer): Promise<Float32Array[]> {
  // In a tidy, so intermediates toExport makes on the way are freed (Normalize's −μ/σ).
  const weights = tf.tidy(() => layer.toExport().flatMap((part) => part.weights));
  try {
    return await Promise.all(weights.map(floats));
  } finally {
    // Weights made for the occasion (corrected statistics, Normalize's diagonal) are copies.
    for (const w of weights) if (!(w instanceof tf.Variable)) w.dispose();
  }
}

export async function floats(t: tf.Tensor): Promise<Float32Array> {
  return Float32Array.from(await t.data());
}

/**
 * A row-major array with its axes permuted: out[i'] = values[i] where the output's axis j is the
 * input's axis perm[j]. [k, k, cIn, cOut] with perm [3, 2, 0, 1] → [cOut, cIn, k, k].
 */
export function permuteAxes(
  values: Float32Array,
  dims: readonly number[],
  perm: readonly number[],
): Float32Array {
  const out = new Float32Array(values.length);
  const outDims = perm.map((p) => dims[p] as number);
  const inStrides = strides(dims);
  const stride = perm.map((p) => inStrides[p] as number);
  const index = new Array<number>(dims.length).fill(0);
  for (let o = 0; o < out.length; o++) {
    let i = 0;
    for (let j = 0; j < index.length; j++) i += (index[j] as number) * (stride[j] as number);
    out[o] = values[i] as number;
    for (let j = index.length - 1; j >= 0; j--) {
      index[j] = (index[j] as number) + 1;
      if ((index[j] as number) < (outDims[j] as number)) break;
      index[j] = 0;
    }
  }
  return out;
}

function strides(dims: readonly number[]): number[] {
  const out = new Array<number>(dims.length).fill(1);
  for (let j = dims.length - 2; j >= 0; j--) out[j] = (out[j + 1] as number) * (dims[j + 1] as number);
  return out;
}

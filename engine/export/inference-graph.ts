import type { LayerPlan } from '../compile/plan.js';
import type { Network } from '../model/network.js';
import { nodeKind } from '../nodes/registry.js';
import type { AnyLayerKind } from '../nodes/types.js';
import type { ExportLowering, InferenceNode } from './lowering.js';

/**
 * The trained network as plain data, the common source of the ONNX and PyTorch exports: a DAG of
 * nodes in topological order, each naming its producers. The model takes rows of `inputFeatures`
 * raw values (as the data arrives) and reshapes them to `inputShape`; its output is node
 * `outputId`'s, then `outputActivation`, exactly as `Network.predict`. [m, inputFeatures] →
 * [m, outputFeatures].
 */
export interface InferenceGraph {
  /** The data set's node id: nodes list it among their inputs for x. */
  inputId: string;
  inputFeatures: number;
  /** Per-example shape of x inside the model: [features] or [h, w, c]. */
  inputShape: number[];
  nodes: InferenceNode[];
  outputId: string;
  outputFeatures: number;
  /**
   * As in the engine, the output node hands its pre-activation (the logits) on and ŷ is this
   * function of them: sigmoid, softmax, or the logits themselves (null).
   */
  outputActivation: 'sigmoid' | 'softmax' | null;
}

// biome-ignore lint/suspicious/noExplicitAny: a node's params and numbers are its kind's business.
export type AnyExportLowering = ExportLowering<any, any>;

/** A kind's export lowering, by kind name; a kind without one is a bug (a test lists every kind). */
export function exportLowering(kind: string): AnyExportLowering {
  const found = nodeKind(kind) as AnyLayerKind | undefined;
  if (!found?.export) throw new Error(`The layer kind "${kind}" has no ONNX/PyTorch export lowering.`);
  return found.export;
}

async function describeNode(network: Network, i: number, outputId: string): Promise<InferenceNode> {
  const plan = network.plans[i] as LayerPlan;
  const numbers = await exportLowering(plan.kind.kind).read(network.layers[i]!, plan);
  return {
    nodeId: plan.nodeId,
    kind: plan.kind.kind,
    params: plan.params,
    inputs: [...plan.inputs],
    inputShapes: plan.inputShapes.map((s) => [...s]),
    outputShape: [...plan.outputShape],
    logits: plan.nodeId === outputId,
    numbers,
  };
}

/** Reads a trained network's nodes and numbers into an InferenceGraph (async: reads the device). */
export async function describeNetwork(network: Network): Promise<InferenceGraph> {
  const { outputId } = network;
  const nodes: InferenceNode[] = [];
  for (let i = 0; i < network.layers.length; i++) nodes.push(await describeNode(network, i, outputId));
  const output = nodes.find((n) => n.nodeId === outputId);
  return {
    inputId: network.inputId,
    inputFeatures: network.inputFeatures,
    inputShape: [...network.inputShape],
    nodes,
    outputId,
    outputFeatures: output ? output.outputShape.reduce((a, b) => a * b, 1) : network.inputFeatures,
    outputActivation: network.outputActivation,
  };
}

import type { onnx } from 'onnx-proto';
import type { Network } from '../model/network.js';
import { describeNetwork, exportLowering, type InferenceGraph } from './inference-graph.js';
import type { OnnxValue } from './lowering.js';
import { OnnxGraphBuilder } from './onnx-builder.js';
import { nodeProto, onnxSchema, valueInfo } from './onnx-schema.js';

/** ONNX IR version 7 goes with opset 13, which every onnxruntime since 1.7 runs. */
export const ONNX_IR_VERSION = 7;
export const ONNX_OPSET = 13;

export const ONNX_INPUT = 'input';
export const ONNX_OUTPUT = 'output';

/** Every node lowered by its kind, from the input rows to the predictions. Returns ŷ's value. */
function lowerGraph(graph: InferenceGraph, b: OnnxGraphBuilder): OnnxValue {
  // The rows arrive as the data does, [m, h·w·c]; the layers see [m, h, w, c].
  let x: OnnxValue = { name: ONNX_INPUT, layout: 'channelsLast' };
  if (graph.inputShape.length > 1) {
    const shape = b.int64Constant('input.shape', [-1, ...graph.inputShape]);
    x = { name: b.op(ONNX_INPUT, 'Reshape', [ONNX_INPUT, shape]), layout: 'channelsLast' };
  }
  b.setValue(graph.inputId, x, graph.inputShape.length);
  for (const node of graph.nodes) {
    const out = exportLowering(node.kind).onnx(node, b.emitterFor(node));
    b.setValue(node.nodeId, out, node.outputShape.length);
  }
  const output = graph.nodes.find((n) => n.nodeId === graph.outputId);
  let y = b.value(graph.outputId, 'channelsLast');
  if ((output?.outputShape.length ?? 1) > 1) {
    y = { name: b.op(graph.outputId, 'Flatten', [y.name], [{ name: 'axis', int: 1 }]), layout: y.layout };
  }
  if (graph.outputActivation === 'sigmoid') y = { ...y, name: b.op(graph.outputId, 'Sigmoid', [y.name]) };
  if (graph.outputActivation === 'softmax') {
    y = { ...y, name: b.op(graph.outputId, 'Softmax', [y.name], [{ name: 'axis', int: 1 }]) };
  }
  return y;
}

/** The graph's ONNX operators and initializers, the output named ONNX_OUTPUT. */
export function lowerToOnnx(graph: InferenceGraph): Pick<OnnxGraphBuilder, 'nodes' | 'initializers'> {
  const b = new OnnxGraphBuilder();
  b.finish(lowerGraph(graph, b).name, ONNX_OUTPUT);
  return b;
}

/** Serializes an InferenceGraph as an ONNX ModelProto. */
export function onnxModelFromGraph(graph: InferenceGraph, name = 'NetCanvas model'): Uint8Array {
  const b = lowerToOnnx(graph);
  const model: onnx.IModelProto = {
    irVersion: ONNX_IR_VERSION,
    producerName: 'NetCanvas',
    producerVersion: '0.1.0',
    docString: `${name}: exported by NetCanvas.`,
    graph: {
      node: b.nodes.map(nodeProto),
      name,
      initializer: b.initializers,
      docString: 'Raw input features in, predictions out (input normalization included).',
      input: [valueInfo(ONNX_INPUT, [graph.inputFeatures])],
      output: [valueInfo(ONNX_OUTPUT, [graph.outputFeatures])],
    },
    opsetImport: [{ domain: '', version: ONNX_OPSET }],
    metadataProps: [{ key: 'netcanvas.output', value: graph.outputActivation ?? 'linear' }],
  };
  return onnxSchema.ModelProto.encode(model).finish();
}

/**
 * The trained network as an `.onnx` file: [batch, n0] raw features → [batch, n_L] predictions, as
 * `Network.predict` computes them. Each node is lowered by its kind (`engine/nodes/<kind>/export.ts`);
 * images are channels last as in NetCanvas, transposed to channels first around Conv, the pools and
 * BatchNormalization.
 */
export async function exportOnnx(network: Network, name?: string): Promise<Uint8Array> {
  return onnxModelFromGraph(await describeNetwork(network), name);
}

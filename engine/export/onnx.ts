import type { Network } from '../model/network.js';
import { describeNetwork, type InferenceGraph, type InferenceOp, inferenceOps } from './inference-graph.js';
import { float32LittleEndian, ProtoWriter } from './protobuf.js';

/** ONNX IR version 7 goes with opset 13, which every onnxruntime since 1.7 runs. */
export const ONNX_IR_VERSION = 7;
export const ONNX_OPSET = 13;

const FLOAT = 1; // TensorProto.DataType.FLOAT
const ATTRIBUTE_FLOAT = 1;
const ATTRIBUTE_INT = 2;

export const ONNX_INPUT = 'input';
export const ONNX_OUTPUT = 'output';

/** TensorProto: a named float32 initializer. */
function tensor(name: string, dims: number[], values: Float32Array): ProtoWriter {
  const t = new ProtoWriter();
  for (const d of dims) t.int(1, d);
  return t.int(2, FLOAT).string(8, name).bytes(9, float32LittleEndian(values));
}

/** ValueInfoProto of a float tensor [batch, features]; the batch size is left open. */
function valueInfo(name: string, features: number): ProtoWriter {
  const shape = new ProtoWriter()
    .message(1, new ProtoWriter().string(2, 'batch'))
    .message(1, new ProtoWriter().int(1, features));
  const tensorType = new ProtoWriter().int(1, FLOAT).message(2, shape);
  return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensorType));
}

type Attribute = { name: string; float?: number; int?: number };

interface OnnxNode {
  opType: string;
  name: string;
  inputs: string[];
  outputs: string[];
  attributes: Attribute[];
}

function nodeProto(node: OnnxNode): ProtoWriter {
  const n = new ProtoWriter();
  for (const i of node.inputs) n.string(1, i);
  for (const o of node.outputs) n.string(2, o);
  n.string(3, node.name).string(4, node.opType);
  for (const a of node.attributes) {
    const attr = new ProtoWriter().string(1, a.name);
    if (a.float !== undefined) attr.float(2, a.float).int(20, ATTRIBUTE_FLOAT);
    else attr.int(3, a.int ?? 0).int(20, ATTRIBUTE_INT);
    n.message(5, attr);
  }
  return n;
}

/** Collects nodes and initializers while the ops are walked in order. */
class GraphBuilder {
  readonly nodes: OnnxNode[] = [];
  readonly initializers: ProtoWriter[] = [];
  private readonly used = new Map<string, number>();
  current = ONNX_INPUT;

  private unique(base: string): string {
    const n = (this.used.get(base) ?? 0) + 1;
    this.used.set(base, n);
    return n === 1 ? base : `${base}_${n}`;
  }

  constant(name: string, dims: number[], values: Float32Array): string {
    const unique = this.unique(name);
    this.initializers.push(tensor(unique, dims, values));
    return unique;
  }

  add(nodeId: string, opType: string, constants: string[], attributes: Attribute[] = []): void {
    const name = this.unique(`${nodeId}/${opType}`);
    const output = `${name}:0`;
    this.nodes.push({ opType, name, inputs: [this.current, ...constants], outputs: [output], attributes });
    this.current = output;
  }
}

/** Appends the ONNX nodes computing one inference op. */
function addOp(g: GraphBuilder, nodeId: string, op: InferenceOp): void {
  switch (op.op) {
    case 'normalize':
      // x := (x − μ)·(1/σ), exactly as the engine's Normalize computes it.
      g.add(nodeId, 'Sub', [g.constant(`${nodeId}.mean`, [op.features], op.mean)]);
      g.add(nodeId, 'Mul', [g.constant(`${nodeId}.inv_std`, [op.features], op.invStd)]);
      return;
    case 'dense': {
      const w = g.constant(`${nodeId}.W`, [op.inputs, op.units], op.weight);
      if (op.bias) g.add(nodeId, 'Gemm', [w, g.constant(`${nodeId}.b`, [op.units], op.bias)]);
      else g.add(nodeId, 'MatMul', [w]);
      return;
    }
    case 'batchNorm': {
      const n = [op.units];
      g.add(
        nodeId,
        'BatchNormalization',
        [
          g.constant(`${nodeId}.gamma`, n, op.gamma),
          g.constant(`${nodeId}.beta`, n, op.beta),
          g.constant(`${nodeId}.mean`, n, op.mean),
          g.constant(`${nodeId}.variance`, n, op.variance),
        ],
        [{ name: 'epsilon', float: op.epsilon }],
      );
      return;
    }
    case 'activation':
      if (op.fn === 'leakyRelu') g.add(nodeId, 'LeakyRelu', [], [{ name: 'alpha', float: op.alpha }]);
      else g.add(nodeId, { relu: 'Relu', tanh: 'Tanh', sigmoid: 'Sigmoid' }[op.fn], []);
      return;
    case 'softmax':
      g.add(nodeId, 'Softmax', [], [{ name: 'axis', int: 1 }]);
      return;
    case 'dropout':
    case 'augment':
      return; // identity at inference
  }
}

/** Serializes an InferenceGraph as an ONNX ModelProto. */
export function onnxModelFromGraph(graph: InferenceGraph, name = 'NetCanvas model'): Uint8Array {
  const g = new GraphBuilder();
  for (const { nodeId, op } of inferenceOps(graph)) addOp(g, nodeId, op);
  if (g.nodes.length === 0) g.add('output', 'Identity', []);
  g.nodes[g.nodes.length - 1]!.outputs = [ONNX_OUTPUT];

  const graphProto = new ProtoWriter();
  for (const node of g.nodes) graphProto.message(1, nodeProto(node));
  graphProto.string(2, name);
  for (const init of g.initializers) graphProto.message(5, init);
  graphProto.string(10, 'Raw input features in, predictions out (input normalization included).');
  graphProto.message(11, valueInfo(ONNX_INPUT, graph.inputFeatures));
  graphProto.message(12, valueInfo(ONNX_OUTPUT, graph.outputFeatures));

  const model = new ProtoWriter()
    .int(1, ONNX_IR_VERSION)
    .string(2, 'NetCanvas')
    .string(3, '0.1.0')
    .string(6, `${name}: exported by NetCanvas.`)
    .message(7, graphProto)
    .message(8, new ProtoWriter().string(1, '').int(2, ONNX_OPSET))
    .message(
      14,
      new ProtoWriter().string(1, 'netcanvas.output').string(2, graph.outputActivation ?? 'linear'),
    );
  return model.finish();
}

/**
 * The trained network as an `.onnx` file: [batch, n0] raw features → [batch, n_L] predictions, as
 * `Network.predict` computes them (Normalize as Sub + Mul, batch norm in inference mode with the
 * bias-corrected statistics, Dropout left out).
 */
export async function exportOnnx(network: Network, name?: string): Promise<Uint8Array> {
  return onnxModelFromGraph(await describeNetwork(network), name);
}

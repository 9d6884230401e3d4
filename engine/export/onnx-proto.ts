import type { OnnxAttribute } from './lowering.js';
import { float32LittleEndian, ProtoWriter } from './protobuf.js';

/** The pieces of ONNX's protobuf schema (onnx.proto) the exporter writes. */

const FLOAT = 1; // TensorProto.DataType
const INT64 = 7;
const ATTRIBUTE_FLOAT = 1; // AttributeProto.AttributeType
const ATTRIBUTE_INT = 2;
const ATTRIBUTE_INTS = 7;

/** An operator in the graph, before it is written. */
export interface OnnxNode {
  opType: string;
  name: string;
  inputs: string[];
  outputs: string[];
  attributes: readonly OnnxAttribute[];
}

/** TensorProto: a named float32 initializer, values as raw little-endian bytes. */
export function floatTensor(name: string, dims: readonly number[], values: Float32Array): ProtoWriter {
  const t = new ProtoWriter();
  for (const d of dims) t.int(1, d);
  return t.int(2, FLOAT).string(8, name).bytes(9, float32LittleEndian(values));
}

/** TensorProto: a named int64 initializer (Reshape's target shape; −1 allowed in raw bytes). */
export function int64Tensor(name: string, values: readonly number[]): ProtoWriter {
  const bytes = new Uint8Array(values.length * 8);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => {
    view.setBigInt64(i * 8, BigInt(v), true);
  });
  return new ProtoWriter().int(1, values.length).int(2, INT64).string(8, name).bytes(9, bytes);
}

/** ValueInfoProto of a float tensor [batch, ...dims]; the batch size is left open. */
export function valueInfo(name: string, dims: readonly number[]): ProtoWriter {
  const shape = new ProtoWriter().message(1, new ProtoWriter().string(2, 'batch'));
  for (const d of dims) shape.message(1, new ProtoWriter().int(1, d));
  const tensorType = new ProtoWriter().int(1, FLOAT).message(2, shape);
  return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensorType));
}

function attributeProto(a: OnnxAttribute): ProtoWriter {
  const attr = new ProtoWriter().string(1, a.name);
  if ('float' in a) return attr.float(2, a.float).int(20, ATTRIBUTE_FLOAT);
  if ('int' in a) return attr.int(3, a.int).int(20, ATTRIBUTE_INT);
  for (const v of a.ints) attr.int(8, v);
  return attr.int(20, ATTRIBUTE_INTS);
}

/** NodeProto. */
export function nodeProto(node: OnnxNode): ProtoWriter {
  const n = new ProtoWriter();
  for (const i of node.inputs) n.string(1, i);
  for (const o of node.outputs) n.string(2, o);
  n.string(3, node.name).string(4, node.opType);
  for (const a of node.attributes) n.message(5, attributeProto(a));
  return n;
}

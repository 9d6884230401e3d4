import onnxProto, { type onnx } from 'onnx-proto';
import type { OnnxAttribute } from './lowering.js';

/**
 * The ONNX messages the exporter writes, as onnx.proto defines them (the `onnx-proto` package:
 * onnx.proto compiled by protobufjs), so every field is named and typed by the schema rather than by
 * its field number.
 */
export const onnxSchema = onnxProto.onnx;

const { DataType } = onnxSchema.TensorProto;
const { AttributeType } = onnxSchema.AttributeProto;

/** An operator in the graph, before it is written. */
export interface OnnxNode {
  opType: string;
  name: string;
  inputs: string[];
  outputs: string[];
  attributes: readonly OnnxAttribute[];
}

/** float32 values as little-endian bytes (ONNX raw_data). [n] → 4n bytes. */
export function float32LittleEndian(values: Float32Array): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => {
    view.setFloat32(i * 4, v, true);
  });
  return out;
}

/** A named float32 initializer, values as raw little-endian bytes. dims [3, 2] → 24 bytes. */
export function floatTensor(name: string, dims: readonly number[], values: Float32Array): onnx.ITensorProto {
  return { name, dims: [...dims], dataType: DataType.FLOAT, rawData: float32LittleEndian(values) };
}

/** A named 1-D int64 initializer (Reshape's target shape, −1 allowed). [-1, 8, 8, 1] → dims [4]. */
export function int64Tensor(name: string, values: readonly number[]): onnx.ITensorProto {
  return { name, dims: [values.length], dataType: DataType.INT64, int64Data: [...values] };
}

/** A float tensor [batch, ...dims]; the batch size is a symbolic dimension, so any batch runs. */
export function valueInfo(name: string, dims: readonly number[]): onnx.IValueInfoProto {
  const shape = { dim: [{ dimParam: 'batch' }, ...dims.map((dimValue) => ({ dimValue }))] };
  return { name, type: { tensorType: { elemType: DataType.FLOAT, shape } } };
}

function attributeProto(a: OnnxAttribute): onnx.IAttributeProto {
  if ('float' in a) return { name: a.name, type: AttributeType.FLOAT, f: a.float };
  if ('int' in a) return { name: a.name, type: AttributeType.INT, i: a.int };
  return { name: a.name, type: AttributeType.INTS, ints: [...a.ints] };
}

/** An operator as a NodeProto. */
export function nodeProto(node: OnnxNode): onnx.INodeProto {
  return {
    input: node.inputs,
    output: node.outputs,
    name: node.name,
    opType: node.opType,
    attribute: node.attributes.map(attributeProto),
  };
}

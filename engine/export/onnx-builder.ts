import type { onnx } from 'onnx-proto';
import type { InferenceNode, Layout, OnnxAttribute, OnnxEmitter, OnnxValue } from './lowering.js';
import { floatTensor, int64Tensor, type OnnxNode } from './onnx-schema.js';

/** [m, h, w, c] ↔ [m, c, h, w]. */
const PERM: Record<Layout, number[]> = { channelsFirst: [0, 3, 1, 2], channelsLast: [0, 2, 3, 1] };

/**
 * Collects an ONNX graph while its nodes lower themselves in topological order: the operators, the
 * initializers, and each graph node's output with its layout, so a kind that wants images channels
 * first (Conv, pools, BatchNormalization) gets one Transpose per tensor, shared by every consumer.
 */
export class OnnxGraphBuilder {
  readonly nodes: OnnxNode[] = [];
  readonly initializers: onnx.ITensorProto[] = [];
  private readonly used = new Map<string, number>();
  /** Each graph node's output (the input's under the data set's id), with its rank per example. */
  private readonly values = new Map<string, { value: OnnxValue; rank: number }>();
  private readonly transposes = new Map<string, string>();

  private unique(base: string): string {
    const n = (this.used.get(base) ?? 0) + 1;
    this.used.set(base, n);
    return n === 1 ? base : `${base}_${n}`;
  }

  /** Records what node `id` computes: [m, ...dims] with dims of this many axes. */
  setValue(id: string, value: OnnxValue, rank: number): void {
    this.values.set(id, { value, rank });
  }

  /** Node `id`'s output; with a layout, in that layout (images are transposed once per layout). */
  value(id: string, layout?: Layout): OnnxValue {
    const found = this.values.get(id);
    if (!found) throw new Error(`ONNX export: "${id}" is used before it is computed.`);
    const { value, rank } = found;
    if (!layout || rank !== 3 || value.layout === layout) return value;
    const key = `${value.name}\n${layout}`;
    let name = this.transposes.get(key);
    if (!name) {
      name = this.op(id, 'Transpose', [value.name], [{ name: 'perm', ints: PERM[layout] }]);
      this.transposes.set(key, name);
    }
    return { name, layout };
  }

  constant(name: string, dims: readonly number[], values: Float32Array): string {
    const unique = this.unique(name);
    this.initializers.push(floatTensor(unique, dims, values));
    return unique;
  }

  int64Constant(name: string, values: readonly number[]): string {
    const unique = this.unique(name);
    this.initializers.push(int64Tensor(unique, values));
    return unique;
  }

  /** Adds an operator named after the graph node it belongs to ("dense1/Gemm"); returns its output. */
  op(owner: string, opType: string, inputs: readonly string[], attributes: readonly OnnxAttribute[] = []) {
    const name = this.unique(`${owner}/${opType}`);
    const output = `${name}:0`;
    this.nodes.push({ opType, name, inputs: [...inputs], outputs: [output], attributes });
    return output;
  }

  /** What one graph node's lowering writes with. */
  emitterFor(node: InferenceNode): OnnxEmitter {
    return {
      input: (i, layout) => this.value(node.inputs[i] as string, layout),
      constant: (suffix, dims, values) => this.constant(`${node.nodeId}.${suffix}`, dims, values),
      op: (opType, inputs, attributes) => this.op(node.nodeId, opType, inputs, attributes),
    };
  }

  /** Names the value `name` as the graph's output: its operator's output is renamed, or an Identity. */
  finish(name: string, output: string): void {
    const last = this.nodes[this.nodes.length - 1];
    if (last && last.outputs[0] === name) last.outputs = [output];
    else
      this.nodes.push({
        opType: 'Identity',
        name: this.unique('output/Identity'),
        inputs: [name],
        outputs: [output],
        attributes: [],
      });
  }
}

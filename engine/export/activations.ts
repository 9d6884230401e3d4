import type { ActivationName } from '../model/activations.js';
import type { OnnxEmitter, OnnxValue } from './lowering.js';
import { pythonLiteral } from './python.js';

const ONNX_OPS: Record<Exclude<ActivationName, 'linear' | 'leakyRelu'>, string> = {
  relu: 'Relu',
  tanh: 'Tanh',
  sigmoid: 'Sigmoid',
};

/** g(x) in ONNX, element-wise (any layout); 'linear' adds nothing. */
export function onnxActivation(g: OnnxEmitter, fn: ActivationName, alpha: number, x: OnnxValue): OnnxValue {
  if (fn === 'linear') return x;
  const name =
    fn === 'leakyRelu'
      ? g.op('LeakyRelu', [x.name], [{ name: 'alpha', float: alpha }])
      : g.op(ONNX_OPS[fn], [x.name]);
  return { name, layout: x.layout };
}

/** g(x) as a Python expression over the runtime's `activate` ("activate('relu', h)"). */
export function pythonActivation(fn: ActivationName, alpha: number, x: string): string {
  if (fn === 'linear') return x;
  return fn === 'leakyRelu'
    ? `activate('leakyRelu', ${x}, ${pythonLiteral(alpha)})`
    : `activate(${pythonLiteral(fn)}, ${x})`;
}

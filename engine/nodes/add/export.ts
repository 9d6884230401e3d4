import { type ExportLowering, noNumbers } from '../../export/lowering.js';
import type { AddParams } from './index.js';

/** x₁ + x₂ + …: ONNX Sum of the inputs in the first one's layout; a Python sum. */
export const addExport: ExportLowering<AddParams, null> = {
  read: noNumbers,
  onnx(node, g) {
    const first = g.input(0);
    const names = node.inputs.map((_, i) => g.input(i, first.layout).name);
    return { name: g.op('Sum', names), layout: first.layout };
  },
  pytorch: {
    forward: (_node, inputs) => `(${inputs.join(' + ')})`,
  },
};

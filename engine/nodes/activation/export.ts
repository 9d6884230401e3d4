import { onnxActivation, pythonActivation } from '../../export/activations.js';
import { type ExportLowering, noNumbers } from '../../export/lowering.js';
import type { ActivationParams } from './index.js';

/** g element-wise, in any layout; as the output with a sigmoid it passes z on (the graph adds σ). */
export const activationExport: ExportLowering<ActivationParams, null> = {
  read: noNumbers,
  onnx(node, g) {
    const fn = node.logits && node.params.fn === 'sigmoid' ? 'linear' : node.params.fn;
    return onnxActivation(g, fn, node.params.alpha, g.input(0));
  },
  pytorch: {
    forward(node, [x]) {
      const fn = node.logits && node.params.fn === 'sigmoid' ? 'linear' : node.params.fn;
      return pythonActivation(fn, node.params.alpha, x as string);
    },
  },
};

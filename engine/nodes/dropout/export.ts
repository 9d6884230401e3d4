import { type ExportLowering, noNumbers } from '../../export/lowering.js';
import { pythonLiteral } from '../../export/python.js';
import type { DropoutParams } from './index.js';

const DROPOUT_CLASS = `class Dropout(nn.Module):
    """Inverted dropout: d = (rand < keep_prob), a := a * d / keep_prob, while training only."""

    def __init__(self, keep_prob):
        super().__init__()
        self.keep_prob = keep_prob

    def forward(self, x):
        if not self.training or self.keep_prob >= 1:
            return x
        keep = (torch.rand_like(x) < self.keep_prob).to(x.dtype)
        return x * keep / self.keep_prob
`;

/** Identity at inference (no ONNX node); PyTorch keeps the training-time masks. */
export const dropoutExport: ExportLowering<DropoutParams, null> = {
  read: noNumbers,
  onnx: (_node, g) => g.input(0),
  pytorch: {
    classes: [{ name: 'Dropout', code: DROPOUT_CLASS }],
    module: (node) => `Dropout(${pythonLiteral(node.params.keepProb)})`,
    forward: (_node, [x], module) => `${module}(${x})`,
  },
};

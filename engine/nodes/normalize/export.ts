import { type ExportLowering, exportedWeights } from '../../export/lowering.js';
import type { NormalizeParams } from './index.js';

/** μ and 1/σ per value of the example (per pixel of an image), from the training split. */
export interface NormalizeNumbers {
  mean: Float32Array;
  invStd: Float32Array;
}

const NORMALIZE_CLASS = `class Normalize(nn.Module):
    """x := (x - mu) / sigma per value of the example (per pixel of an image), with mu and sigma
    of the training split (stored as mean and 1/sigma)."""

    def __init__(self, features):
        super().__init__()
        self.register_buffer('mean', torch.zeros(features))
        self.register_buffer('inv_std', torch.ones(features))

    def forward(self, x):
        return ((x.reshape(x.shape[0], -1) - self.mean) * self.inv_std).reshape(x.shape)
`;

/** (x − μ)·(1/σ), exactly as the engine computes it: ONNX Sub + Mul, PyTorch buffers. */
export const normalizeExport: ExportLowering<NormalizeParams, NormalizeNumbers> = {
  async read(layer) {
    // Exported to tf.js as a frozen Dense with W = diag(1/σ), b = −μ/σ: read μ and 1/σ back out.
    const [diag, shift] = (await exportedWeights(layer)) as [Float32Array, Float32Array];
    const n = shift.length;
    const invStd = Float32Array.from({ length: n }, (_, j) => diag[j * n + j] as number);
    const mean = Float32Array.from({ length: n }, (_, j) => -(shift[j] as number) / (invStd[j] as number));
    return { mean, invStd };
  },
  onnx({ numbers, inputShapes }, g) {
    const x = g.input(0, 'channelsLast');
    const dims = inputShapes[0] ?? [numbers.mean.length];
    const centred = g.op('Sub', [x.name, g.constant('mean', dims, numbers.mean)]);
    return { name: g.op('Mul', [centred, g.constant('inv_std', dims, numbers.invStd)]), layout: x.layout };
  },
  pytorch: {
    classes: [{ name: 'Normalize', code: NORMALIZE_CLASS }],
    module: ({ numbers }) => `Normalize(${numbers.mean.length})`,
    state: ({ numbers: n }) => [
      { name: 'mean', dtype: 'F32', shape: [n.mean.length], data: n.mean },
      { name: 'inv_std', dtype: 'F32', shape: [n.invStd.length], data: n.invStd },
    ],
    forward: (_node, [x], module) => `${module}(${x})`,
  },
};

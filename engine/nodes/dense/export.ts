import { onnxActivation } from '../../export/activations.js';
import { type ExportLowering, permuteAxes, readParameter } from '../../export/lowering.js';
import { pythonLiteral } from '../../export/python.js';
import type { DenseParams } from './index.js';

/** A trained Dense layer: W [inputs, units] row-major (the notes write the transpose), b or null. */
export interface DenseNumbers {
  inputs: number;
  units: number;
  weight: Float32Array;
  bias: Float32Array | null;
}

const DENSE_CLASS = `class Dense(nn.Module):
    """z = x W + b, a = g(z); an image is flattened first, channels fastest as in NetCanvas.
    nn.Linear keeps W transposed: weight is [units, inputs]."""

    def __init__(self, inputs, units, bias, activation, alpha=0.0, l2=0.0, l1=0.0):
        super().__init__()
        self.linear = nn.Linear(inputs, units, bias=bias)
        self.activation, self.alpha, self.l2, self.l1 = activation, alpha, l2, l1

    @property
    def kernel(self):
        return self.linear.weight

    def forward(self, x, last=False):
        z = self.linear(x.reshape(x.shape[0], -1))
        if last and self.activation == 'sigmoid':
            return z
        return activate(self.activation, z, self.alpha)
`;

/**
 * Dense at inference: ONNX Flatten (an image input, channels last) → Gemm (MatMul without b) → g;
 * PyTorch nn.Linear. As the output with a sigmoid it stops at z (the graph adds the sigmoid).
 */
export const denseExport: ExportLowering<DenseParams, DenseNumbers> = {
  async read(layer, plan) {
    const weight = (await readParameter(layer, 'W')) as Float32Array;
    return {
      inputs: plan.inputFeatures,
      units: plan.outputFeatures,
      weight,
      bias: await readParameter(layer, 'b'),
    };
  },
  onnx(node, g) {
    const { inputs, units, weight, bias } = node.numbers;
    let x = g.input(0, 'channelsLast').name;
    if ((node.inputShapes[0]?.length ?? 1) > 1) x = g.op('Flatten', [x], [{ name: 'axis', int: 1 }]);
    const w = g.constant('W', [inputs, units], weight);
    const z = bias ? g.op('Gemm', [x, w, g.constant('b', [units], bias)]) : g.op('MatMul', [x, w]);
    const p = node.params;
    const fn = node.logits && p.activation === 'sigmoid' ? 'linear' : p.activation;
    return onnxActivation(g, fn, p.leakyAlpha, { name: z, layout: 'channelsLast' });
  },
  pytorch: {
    classes: [{ name: 'Dense', code: DENSE_CLASS }],
    module: ({ numbers: n, params: p }) =>
      `Dense(${n.inputs}, ${n.units}, bias=${pythonLiteral(n.bias !== null)}, activation=${pythonLiteral(p.activation)}, alpha=${pythonLiteral(p.leakyAlpha)}, l2=${pythonLiteral(p.l2)}, l1=${pythonLiteral(p.l1)})`,
    state({ numbers: n }) {
      // nn.Linear's weight[j][i] = W[i][j].
      const weight = permuteAxes(n.weight, [n.inputs, n.units], [1, 0]);
      const out = [
        { name: 'linear.weight', dtype: 'F32' as const, shape: [n.units, n.inputs], data: weight },
      ];
      if (n.bias) out.push({ name: 'linear.bias', dtype: 'F32', shape: [n.units], data: n.bias });
      return out;
    },
    forward: (node, [x], module) => `${module}(${x}${node.logits ? ', last=True' : ''})`,
  },
};

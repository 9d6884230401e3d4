import { onnxActivation } from '../../export/activations.js';
import { type ExportLowering, permuteAxes, readParameter } from '../../export/lowering.js';
import { pythonLiteral } from '../../export/python.js';
import type { Conv2DParams } from './index.js';
import { explicitPads, onnxPads, torchPads } from './pads.js';

/** Trained filters in tf.js's layout [k, k, cIn, cOut] (row-major), and b or null. */
export interface Conv2DNumbers {
  channels: number;
  weight: Float32Array;
  bias: Float32Array | null;
}

const CONV2D_CLASS = `class Conv2D(nn.Module):
    """z = sum over f x f x c windows of x W, plus b; a = g(z). Images are channels last
    [m, h, w, c] as in NetCanvas; nn.Conv2d takes [m, c, h, w], so x is permuted in and out, and
    TensorFlow's 'same' padding (the odd extra zero after) is explicit (pads: left, right, top, bottom)."""

    def __init__(self, channels, filters, kernel_size, stride, pads, bias, activation, alpha=0.0,
                 l2=0.0, l1=0.0):
        super().__init__()
        self.conv = nn.Conv2d(channels, filters, kernel_size, stride=stride, bias=bias)
        self.pads, self.activation, self.alpha, self.l2, self.l1 = pads, activation, alpha, l2, l1

    @property
    def kernel(self):
        return self.conv.weight

    def forward(self, x):
        z = self.conv(F.pad(x.permute(0, 3, 1, 2), self.pads)).permute(0, 2, 3, 1)
        return activate(self.activation, z, self.alpha)
`;

/** tf.js [k, k, cIn, cOut] → ONNX's and PyTorch's [cOut, cIn, k, k]. */
function channelsFirstFilters({ channels, weight }: Conv2DNumbers, p: Conv2DParams): Float32Array {
  const k = p.kernelSize;
  return permuteAxes(weight, [k, k, channels, p.filters], [3, 2, 0, 1]);
}

/**
 * ONNX Conv on channels-first images with explicit pads, then g (the output stays channels first
 * for the next convolution, pool or batch norm); PyTorch nn.Conv2d inside permutes.
 */
export const conv2dExport: ExportLowering<Conv2DParams, Conv2DNumbers> = {
  async read(layer, plan) {
    const weight = (await readParameter(layer, 'W')) as Float32Array;
    const channels = plan.inputShapes[0]?.[2] ?? 1;
    return { channels, weight, bias: await readParameter(layer, 'b') };
  },
  onnx(node, g) {
    const p = node.params;
    const n = node.numbers;
    const k = p.kernelSize;
    const x = g.input(0, 'channelsFirst');
    const inputs = [x.name, g.constant('W', [p.filters, n.channels, k, k], channelsFirstFilters(n, p))];
    if (n.bias) inputs.push(g.constant('b', [p.filters], n.bias));
    const z = g.op('Conv', inputs, [
      { name: 'kernel_shape', ints: [k, k] },
      { name: 'strides', ints: [p.stride, p.stride] },
      { name: 'pads', ints: onnxPads(explicitPads(node.inputShapes[0] ?? [], k, p.stride, p.padding)) },
    ]);
    return onnxActivation(g, p.activation, p.leakyAlpha, { name: z, layout: 'channelsFirst' });
  },
  pytorch: {
    classes: [{ name: 'Conv2D', code: CONV2D_CLASS }],
    module({ numbers: n, params: p, inputShapes }) {
      const pads = torchPads(explicitPads(inputShapes[0] ?? [], p.kernelSize, p.stride, p.padding));
      return `Conv2D(${n.channels}, ${p.filters}, ${p.kernelSize}, ${p.stride}, ${pythonLiteral(pads)}, bias=${pythonLiteral(n.bias !== null)}, activation=${pythonLiteral(p.activation)}, alpha=${pythonLiteral(p.leakyAlpha)}, l2=${pythonLiteral(p.l2)}, l1=${pythonLiteral(p.l1)})`;
    },
    state({ numbers: n, params: p }) {
      const k = p.kernelSize;
      const weight = channelsFirstFilters(n, p);
      const out = [
        { name: 'conv.weight', dtype: 'F32' as const, shape: [p.filters, n.channels, k, k], data: weight },
      ];
      if (n.bias) out.push({ name: 'conv.bias', dtype: 'F32', shape: [p.filters], data: n.bias });
      return out;
    },
    forward: (_node, [x], module) => `${module}(${x})`,
  },
};

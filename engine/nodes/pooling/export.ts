import { type ExportLowering, noNumbers } from '../../export/lowering.js';
import { pythonLiteral } from '../../export/python.js';
import { explicitPads, onnxPads, torchPads } from '../conv2d/pads.js';
import type { PoolParams } from './index.js';

const MAX_POOL_CLASS = `class MaxPool2D(nn.Module):
    """The largest value of each f x f window, per channel; images channels last. Padded cells
    ('same') are -inf, so they never win. pads: left, right, top, bottom."""

    def __init__(self, size, stride, pads):
        super().__init__()
        self.size, self.stride, self.pads = size, stride, pads

    def forward(self, x):
        y = F.pad(x.permute(0, 3, 1, 2), self.pads, value=float('-inf'))
        return F.max_pool2d(y, self.size, self.stride).permute(0, 2, 3, 1)
`;

const AVERAGE_POOL_CLASS = `class AveragePool2D(nn.Module):
    """The mean of each f x f window, per channel; images channels last. With 'same' padding the
    mean is over the window's real cells only: the zero-padded sum over the padded count of ones."""

    def __init__(self, size, stride, pads):
        super().__init__()
        self.size, self.stride, self.pads = size, stride, pads

    def forward(self, x):
        y = F.avg_pool2d(F.pad(x.permute(0, 3, 1, 2), self.pads), self.size, self.stride)
        ones = F.pad(torch.ones_like(x[:1, :, :, :1]).permute(0, 3, 1, 2), self.pads)
        return (y / F.avg_pool2d(ones, self.size, self.stride)).permute(0, 2, 3, 1)
`;

/**
 * A pooling kind at inference: ONNX MaxPool or AveragePool on channels-first images with TF's
 * explicit pads (AveragePool with count_include_pad 0: padded cells do not count); PyTorch F.pad and
 * the functional pool inside a permute.
 */
export function poolExport(kind: 'MaxPool2D' | 'AveragePool2D'): ExportLowering<PoolParams, null> {
  const max = kind === 'MaxPool2D';
  const pads = (p: PoolParams, input: readonly number[]) =>
    explicitPads(input, p.poolSize, p.stride, p.padding);
  return {
    read: noNumbers,
    onnx({ params: p, inputShapes }, g) {
      const x = g.input(0, 'channelsFirst');
      const y = g.op(
        max ? 'MaxPool' : 'AveragePool',
        [x.name],
        [
          { name: 'kernel_shape', ints: [p.poolSize, p.poolSize] },
          { name: 'strides', ints: [p.stride, p.stride] },
          { name: 'pads', ints: onnxPads(pads(p, inputShapes[0] ?? [])) },
          ...(max ? [] : [{ name: 'count_include_pad', int: 0 }]),
        ],
      );
      return { name: y, layout: 'channelsFirst' };
    },
    pytorch: {
      classes: [{ name: kind, code: max ? MAX_POOL_CLASS : AVERAGE_POOL_CLASS }],
      module: ({ params: p, inputShapes }) =>
        `${kind}(${p.poolSize}, ${p.stride}, ${pythonLiteral(torchPads(pads(p, inputShapes[0] ?? [])))})`,
      forward: (_node, [x], module) => `${module}(${x})`,
    },
  };
}

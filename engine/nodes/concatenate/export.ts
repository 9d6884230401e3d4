import { type ExportLowering, noNumbers } from '../../export/lowering.js';
import type { ConcatenateParams } from './index.js';

/**
 * The inputs side by side along NetCanvas's last axis: ONNX Concat in the first input's layout (the
 * channel axis 1 of channels-first images, the last axis otherwise); torch.cat on dim -1.
 */
export const concatenateExport: ExportLowering<ConcatenateParams, null> = {
  read: noNumbers,
  onnx(node, g) {
    const first = g.input(0);
    const names = node.inputs.map((_, i) => g.input(i, first.layout).name);
    const rank = node.inputShapes[0]?.length ?? 1;
    const axis = rank === 3 && first.layout === 'channelsFirst' ? 1 : rank;
    return { name: g.op('Concat', names, [{ name: 'axis', int: axis }]), layout: first.layout };
  },
  pytorch: {
    forward: (_node, inputs) => `torch.cat([${inputs.join(', ')}], dim=-1)`,
  },
};

import { type ExportLowering, noNumbers } from '../../export/lowering.js';
import type { SoftmaxParams } from './index.js';

/** Softmax over the last axis; as the output it passes the logits on (the graph adds softmax). */
export const softmaxExport: ExportLowering<SoftmaxParams, null> = {
  read: noNumbers,
  onnx(node, g) {
    const x = g.input(0, 'channelsLast');
    if (node.logits) return x;
    const axis = node.inputShapes[0]?.length ?? 1;
    return { name: g.op('Softmax', [x.name], [{ name: 'axis', int: axis }]), layout: x.layout };
  },
  pytorch: {
    forward: (node, [x]) => (node.logits ? (x as string) : `torch.softmax(${x}, dim=-1)`),
  },
};

import { type ExportLowering, noNumbers } from '../../export/lowering.js';
import type { FlattenParams } from './index.js';

/**
 * [m, h, w, c] → [m, h·w·c] in NetCanvas's order, channels fastest: ONNX Flatten of the
 * channels-last tensor (flattening [m, c, h, w] would permute the features the next Dense reads).
 */
export const flattenExport: ExportLowering<FlattenParams, null> = {
  read: noNumbers,
  onnx(node, g) {
    const x = g.input(0, 'channelsLast');
    if ((node.inputShapes[0]?.length ?? 1) <= 1) return x;
    return { name: g.op('Flatten', [x.name], [{ name: 'axis', int: 1 }]), layout: 'channelsLast' };
  },
  pytorch: {
    forward: (_node, [x]) => `${x}.reshape(${x}.shape[0], -1)`,
  },
};

import type { TrainingPlan } from '../compile/plan.js';
import type { DataSplits } from '../data/types.js';
import type { Network } from '../model/network.js';
import { hasErrors, type Problem } from '../problems.js';
import { exportOnnx } from './onnx.js';
import { exportPyTorch } from './pytorch.js';
import { exportLayersModel } from './tfjs-layers.js';
import { utf8Encode } from './utf8.js';

/** The formats a trained network exports to. */
export type ExportFormat = 'tfjs' | 'onnx' | 'pytorch';

export const EXPORT_FORMATS: readonly { format: ExportFormat; title: string; files: string }[] = [
  { format: 'tfjs', title: 'TensorFlow.js (layers model)', files: 'model.json, weights.bin' },
  { format: 'onnx', title: 'ONNX (onnxruntime)', files: 'model.onnx' },
  {
    format: 'pytorch',
    title: 'PyTorch (nn.Module + training script)',
    files: 'model.py, weights.safetensors',
  },
];

export function isExportFormat(value: string): value is ExportFormat {
  return EXPORT_FORMATS.some((f) => f.format === value);
}

/** One file of an export: a plain name (no folders) and its bytes. Whoever has a disk writes it. */
export interface ExportFile {
  name: string;
  data: Uint8Array;
}

export interface ExportRequest {
  format: ExportFormat;
  network: Network;
  plan: TrainingPlan;
  /** PyTorch: the splits travel along as data.safetensors, so its training runs as exported. */
  splits?: DataSplits;
}

/** The files of one export format for a trained network. The engine never writes them itself. */
export async function exportModelFiles(request: ExportRequest): Promise<ExportFile[]> {
  const { format, network, plan } = request;
  if (format === 'onnx') return [{ name: 'model.onnx', data: await exportOnnx(network, plan.name) }];
  if (format === 'pytorch') {
    return exportPyTorch(network, { plan, ...(request.splits ? { splits: request.splits } : {}) });
  }
  const files = await exportLayersModel(network);
  return [
    { name: 'model.json', data: utf8Encode(JSON.stringify(files.modelJson)) },
    { name: 'weights.bin', data: new Uint8Array(files.weights) },
  ];
}

/**
 * Why a graph cannot be exported now, or null when it can: an export needs a valid graph and a run
 * that trained at least one epoch. The Export dialog shows this text instead of the formats.
 */
export function exportBlocker(state: { problems: readonly Problem[]; trainedEpochs: number }): string | null {
  if (hasErrors(state.problems)) {
    return 'The graph has problems (see the Problems panel); fix them and train before exporting.';
  }
  if (state.trainedEpochs < 1) return 'Nothing trained yet: press Train, then export the trained network.';
  return null;
}

import { splitSizesOf } from '../data/split.js';
import type { DataDescription } from '../data/types.js';
import type { DatasetParams } from '../nodes/dataset.js';
import type { LossParams } from '../nodes/loss.js';
import type { OptimizerParams } from '../nodes/optimizer.js';
import { sizeOf } from '../nodes/shape.js';
import { batchSizeFor, type TrainingParams } from '../nodes/training.js';
import type { AnyLayerKind, TensorShape } from '../nodes/types.js';
import { detailed, error, type Problem } from '../problems.js';
import type { ResolvedNode } from './resolve.js';
import { inputShapeOf } from './shapes.js';
import type { RunTopology } from './topology.js';

/**
 * Most memory a run may need: 1.5 GiB. A browser tab (and a WebAssembly backend's 4 GiB address
 * space) fails somewhere above this, often by killing the page; refusing up front keeps the work.
 */
export const MAX_RUN_BYTES = 1.5 * 2 ** 30;

const FLOAT = 4;
/** Tensors kept per layer output while a mini-batch trains: z, a and their gradients. */
const TRAINING_COPIES = 4;
/** Rows evaluated at once (engine/train/evaluate.ts), each layer keeping z and a. */
const EVALUATION_CHUNK = 8192;
const EVALUATION_COPIES = 2;
/** Copies of the data: as loaded, split into train/dev/test, and on the device. */
const DATA_COPIES = 3;
const SLOTS: Record<OptimizerParams['algorithm'], number> = { gd: 0, momentum: 1, rmsprop: 1, adam: 2 };

/** What a run would hold in memory, in bytes, by part. */
export interface MemoryEstimate {
  /** Weights, their gradients, the optimizer's slots and an early-stopping snapshot. */
  parameters: number;
  /** Activations of one training mini-batch (or one evaluation chunk, whichever is larger). */
  activations: number;
  /** The examples and their labels (one-hot for several classes). */
  data: number;
  total: number;
  /** The layer with the most parameters, and the mini-batch size m_b the activations assume. */
  largestLayer: string | null;
  batchSize: number | null;
}

/** "1.9 GiB", "340 MiB". */
export function formatBytes(bytes: number): string {
  return bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GiB` : `${Math.ceil(bytes / 2 ** 20)} MiB`;
}

/**
 * The memory a run of this graph needs, worked out from the shapes alone: parameters with their
 * gradients, optimizer slots (Adam 2, momentum and RMSprop 1) and early-stopping snapshot; the
 * activations of a mini-batch; the data set three times over with its label matrix. A rough upper
 * figure (tf.js frees intermediates as it goes), meant to catch runs that cannot fit, not to budget.
 */
export function estimateMemory(
  topology: RunTopology,
  resolved: Map<string, ResolvedNode>,
  nodeShapes: Map<string, TensorShape>,
  data: DataDescription | null,
): MemoryEstimate {
  const training = resolved.get(topology.trainingId)?.params as TrainingParams | undefined;
  const optimizer = resolved.get(topology.optimizerId)?.params as OptimizerParams | undefined;
  const loss = resolved.get(topology.lossId)?.params as LossParams | undefined;
  const dataset = resolved.get(topology.datasetId)?.params as DatasetParams | undefined;

  let params = 0;
  let state = 0;
  let widths = data?.features ?? 0;
  let largest = { id: null as string | null, params: 0 };
  const input = data ? inputShapeOf(data) : null;
  const shapeOf = (id: string) => (id === topology.datasetId ? input : (nodeShapes.get(id) ?? null));
  for (const { id, inputs } of topology.layers) {
    const node = resolved.get(id);
    const out = nodeShapes.get(id) ?? null;
    const ins = inputs.map(shapeOf);
    const count = node ? (node.kind as AnyLayerKind).countParameters : undefined;
    if (node && count && out?.dims && ins.every((s) => s?.dims)) {
      const size = count(
        node.params,
        ins.map((s) => s?.dims as readonly number[]),
        out.dims,
      );
      params += size.trainable;
      state += size.state;
      if (size.trainable > largest.params) largest = { id, params: size.trainable };
    }
    widths += (out && sizeOf(out)) ?? 0;
  }
  const early = training?.earlyStopping;
  const snapshot = early?.enabled && early.restoreBest ? 1 : 0;
  const slots = optimizer ? SLOTS[optimizer.algorithm] : 0;
  const parameterBytes = FLOAT * (params * (2 + slots + snapshot) + state * (1 + snapshot));

  const m = data?.m ?? null;
  const split = m !== null && dataset && data ? splitSizesOf({ ...data, m }, dataset.split) : null;
  const batchSize =
    training && split
      ? batchSizeFor(training, split.train)
      : training?.batchMode === 'mini'
        ? training.batchSize
        : null;
  const classes = data?.classes ?? null;
  const oneHot =
    classes !== null &&
    (loss?.fn === 'categoricalCrossEntropy' || (loss?.fn === 'meanSquaredError' && classes > 2));
  const labelColumns = oneHot ? (classes ?? 1) : (data?.targets ?? 1);
  const perRow = widths + labelColumns;
  const trainingBytes = batchSize ? FLOAT * TRAINING_COPIES * batchSize * perRow : 0;
  const evaluationBytes = m ? FLOAT * EVALUATION_COPIES * Math.min(m, EVALUATION_CHUNK) * perRow : 0;
  const activations = Math.max(trainingBytes, evaluationBytes);
  const dataBytes = m && data ? FLOAT * m * (DATA_COPIES * data.features + 2 + 2 * labelColumns) : 0;
  return {
    parameters: parameterBytes,
    activations,
    data: dataBytes,
    total: parameterBytes + activations + dataBytes,
    largestLayer: largest.id,
    batchSize,
  };
}

/** Stage 6c: a run that would need more than MAX_RUN_BYTES is refused, with the figure it would need. */
export function checkResources(
  topology: RunTopology,
  resolved: Map<string, ResolvedNode>,
  nodeShapes: Map<string, TensorShape>,
  data: DataDescription | null,
): Problem[] {
  const e = estimateMemory(topology, resolved, nodeShapes, data);
  if (e.total <= MAX_RUN_BYTES) return [];
  const algorithm = (resolved.get(topology.optimizerId)?.params as OptimizerParams | undefined)?.algorithm;
  const parts = [
    `parameters${algorithm === 'adam' ? " with Adam's two slots" : ''} ${formatBytes(e.parameters)}`,
    `activations of a ${e.batchSize?.toLocaleString('en') ?? '?'}-example mini-batch ${formatBytes(e.activations)}`,
    `data ${formatBytes(e.data)}`,
  ];
  const head = `This run would need about ${formatBytes(e.total)} of memory (${parts.join(', ')}); NetCanvas refuses runs above ${formatBytes(MAX_RUN_BYTES)}.`;
  const values = {
    total: formatBytes(e.total),
    parameters: formatBytes(e.parameters),
    batch: e.batchSize?.toLocaleString('en') ?? '?',
    activations: formatBytes(e.activations),
    data: formatBytes(e.data),
    limit: formatBytes(MAX_RUN_BYTES),
  };
  const biggest = Math.max(e.parameters, e.activations, e.data);
  if (biggest === e.data) {
    const problem = error('DATASET', topology.datasetId, `${head} Use fewer examples or features.`, 'source');
    return [detailed(problem, 'memoryData', values)];
  }
  if (biggest === e.parameters && e.largestLayer) {
    const problem = error('INVALID_PARAM', e.largestLayer, `${head} Use fewer units or layers.`, 'units');
    return [detailed(problem, 'memoryParameters', values)];
  }
  const problem = error(
    'INVALID_PARAM',
    topology.trainingId,
    `${head} Use a smaller mini-batch or fewer units.`,
    'batchSize',
  );
  return [detailed(problem, 'memoryBatch', values)];
}

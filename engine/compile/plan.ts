import type { DataDescription } from '../data/types.js';
import type { GraphDocument } from '../document/schema.js';
import { analyzeGraph, type GraphAnalysis } from '../graph/analyze.js';
import type { DatasetParams } from '../nodes/dataset.js';
import type { LossFunction, LossParams } from '../nodes/loss.js';
import type { OptimizerParams } from '../nodes/optimizer.js';
import type { ScheduleParams } from '../nodes/schedule.js';
import type { TrainingParams } from '../nodes/training.js';
import type { AnyLayerKind } from '../nodes/types.js';
import { fail, hasErrors, ok, type Result } from '../problems.js';

/** One layer of the network as the builder needs it. */
export interface LayerPlan {
  nodeId: string;
  kind: AnyLayerKind;
  params: unknown;
  inputFeatures: number;
  outputFeatures: number;
  imageShape?: [number, number, number];
  /** BatchNorm follows, so this Dense has no bias (spec §12). */
  dropBias: boolean;
}

/**
 * A valid graph turned into plain data: the layers in order and every setting of the run.
 * Building variables from it and training it are later stages.
 */
export interface TrainingPlan {
  name: string;
  datasetNodeId: string;
  dataset: DatasetParams;
  data: DataDescription;
  layers: LayerPlan[];
  loss: LossFunction;
  optimizer: OptimizerParams;
  schedule: ScheduleParams;
  training: TrainingParams;
  /** True when a Normalize layer needs μ and σ of the training inputs. */
  needsInputStatistics: boolean;
}

/** Stage 7: a valid analysis becomes a plan; any error stops here with every problem listed. */
export function planFromAnalysis(doc: GraphDocument, analysis: GraphAnalysis): Result<TrainingPlan> {
  const { topology, data, resolved, nodeShapes } = analysis;
  if (hasErrors(analysis.problems) || !topology) return fail(analysis.problems);
  if (!data) {
    return fail([
      ...analysis.problems,
      {
        code: 'DATASET',
        severity: 'error',
        nodeId: topology.datasetId,
        message: 'The data set must be loaded before the graph can be compiled.',
      },
    ]);
  }
  const params = <T>(id: string | null): T => (id ? resolved.get(id)?.params : undefined) as T;
  let features = data.features;
  let imageShape = data.imageShape;
  const layers: LayerPlan[] = topology.chain.map((id, i) => {
    const node = resolved.get(id)!;
    const out = nodeShapes.get(id)?.features ?? features;
    const nextKind = topology.chain[i + 1] ? resolved.get(topology.chain[i + 1]!)?.kind.kind : undefined;
    const layer: LayerPlan = {
      nodeId: id,
      kind: node.kind as AnyLayerKind,
      params: node.params,
      inputFeatures: features,
      outputFeatures: out,
      // β replaces b only where BatchNorm normalizes z itself, i.e. the Dense has no g of its own.
      dropBias:
        node.kind.kind === 'Dense' &&
        nextKind === 'BatchNorm' &&
        (node.params as { activation?: string }).activation === 'linear',
      ...(imageShape ? { imageShape } : {}),
    };
    if (out !== features) imageShape = undefined;
    features = out;
    return layer;
  });
  const schedule = params<ScheduleParams | undefined>(topology.scheduleId) ?? { kind: 'constant' };
  return ok(
    {
      name: doc.name,
      datasetNodeId: topology.datasetId,
      dataset: params<DatasetParams>(topology.datasetId),
      data,
      layers,
      loss: params<LossParams>(topology.lossId).fn,
      optimizer: params<OptimizerParams>(topology.optimizerId),
      schedule,
      training: params<TrainingParams>(topology.trainingId),
      needsInputStatistics: layers.some((l) => l.kind.kind === 'Normalize'),
    },
    analysis.problems,
  );
}

/** parse → validate → order → infer shapes → plan, for a document whose data set is described by `data`. */
export function compileGraph(doc: GraphDocument, data?: DataDescription | null): Result<TrainingPlan> {
  return planFromAnalysis(doc, analyzeGraph(doc, data));
}

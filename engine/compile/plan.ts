import type { DataDescription } from '../data/types.js';
import type { GraphDocument } from '../document/schema.js';
import { analyzeGraph, type GraphAnalysis } from '../graph/analyze.js';
import type { DatasetParams } from '../nodes/dataset.js';
import type { LossFunction, LossParams } from '../nodes/loss.js';
import type { OptimizerParams } from '../nodes/optimizer.js';
import type { ScheduleParams } from '../nodes/schedule.js';
import { product } from '../nodes/shape.js';
import type { TrainingParams } from '../nodes/training.js';
import type { AnyLayerKind } from '../nodes/types.js';
import { fail, hasErrors, ok, type Result } from '../problems.js';

/**
 * One layer of the network as every executor and exporter reads it: the analysed graph's node with
 * its inputs, shapes and resolved params (the IR; see docs/architecture.md). Shapes are per example,
 * channels last: [20], [28, 28, 1].
 */
export interface LayerPlan {
  nodeId: string;
  kind: AnyLayerKind;
  params: unknown;
  /** Producers in input order: earlier layers' ids, or the data set's node id for x. */
  inputs: string[];
  inputShapes: number[][];
  outputShape: number[];
  /** Values per example of the first input and of the output ([8, 8, 1] → 64). */
  inputFeatures: number;
  outputFeatures: number;
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
  /** Per-example shape of x as the network sees it: [features] or [h, w, c]. */
  inputShape: number[];
  /** The layers in topological order (each after all of its inputs). */
  layers: LayerPlan[];
  /** The layer feeding the loss: its output is ŷ (or the logits the loss reads). */
  outputId: string;
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
  const inputShape = data.imageShape ? [...data.imageShape] : [data.features];
  const shapeOf = (id: string): number[] =>
    id === topology.datasetId ? inputShape : [...(nodeShapes.get(id)?.dims ?? [])];
  const consumers = new Map<string, string[]>();
  for (const { id, inputs } of topology.layers) {
    for (const from of inputs) consumers.set(from, [...(consumers.get(from) ?? []), id]);
  }
  const layers: LayerPlan[] = topology.layers.map(({ id, inputs }) => {
    const node = resolved.get(id)!;
    const kind = node.kind as AnyLayerKind;
    const inputShapes = inputs.map(shapeOf);
    const outputShape = shapeOf(id);
    const next = consumers.get(id) ?? [];
    const only = next.length === 1 ? (resolved.get(next[0]!)?.kind as AnyLayerKind) : undefined;
    return {
      nodeId: id,
      kind,
      params: node.params,
      inputs,
      inputShapes,
      outputShape,
      inputFeatures: product(inputShapes[0] ?? []),
      outputFeatures: product(outputShape),
      // β replaces b only where BatchNorm alone takes this layer's z (no g of its own in between).
      dropBias: only?.replacesBias === true && kind.biasDroppable?.(node.params) === true,
    };
  });
  if (!topology.outputId) {
    return fail([
      ...analysis.problems,
      {
        code: 'SHAPE_MISMATCH',
        severity: 'error',
        nodeId: topology.lossId,
        message: 'The network has no layers: connect at least one Dense between the data set and the loss.',
      },
    ]);
  }
  const schedule = params<ScheduleParams | undefined>(topology.scheduleId) ?? { kind: 'constant' };
  return ok(
    {
      name: doc.name,
      datasetNodeId: topology.datasetId,
      dataset: params<DatasetParams>(topology.datasetId),
      data,
      inputShape,
      layers,
      outputId: topology.outputId,
      loss: params<LossParams>(topology.lossId).fn,
      optimizer: params<OptimizerParams>(topology.optimizerId),
      schedule,
      training: params<TrainingParams>(topology.trainingId),
      needsInputStatistics: layers.some((l) => l.kind.needsInputStatistics === true),
    },
    analysis.problems,
  );
}

/** parse → validate → order → infer shapes → plan, for a document whose data set is described by `data`. */
export function compileGraph(doc: GraphDocument, data?: DataDescription | null): Result<TrainingPlan> {
  return planFromAnalysis(doc, analyzeGraph(doc, data));
}

/**
 * The layer that breaks a straight chain (a merge, or a layer whose input is not the layer before
 * it), or null when the plan is one: for the lowerings that still walk a chain.
 */
export function firstBranch(plan: Pick<TrainingPlan, 'layers' | 'datasetNodeId'>): LayerPlan | null {
  let previous = plan.datasetNodeId;
  for (const layer of plan.layers) {
    if (layer.inputs.length !== 1 || layer.inputs[0] !== previous) return layer;
    previous = layer.nodeId;
  }
  return null;
}

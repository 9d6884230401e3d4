import { loadDataset } from '../data/sources.js';
import { splitData } from '../data/split.js';
import type { DataDescription, DataFileReader, DataSplits, LabeledData } from '../data/types.js';
import type { GraphDocument } from '../document/schema.js';
import { analyzeGraph } from '../graph/analyze.js';
import type { DatasetParams } from '../nodes/dataset.js';
import { fail, ok, type Problem, type Result, warning } from '../problems.js';
import { planFromAnalysis, type TrainingPlan } from './plan.js';

/** Everything a training run needs: the plan and the data, split. */
export interface PreparedRun {
  plan: TrainingPlan;
  splits: DataSplits;
}

export function describeLoaded(data: LabeledData): DataDescription {
  return {
    features: data.features,
    classes: data.classes,
    targets: data.targets,
    m: data.m,
    ...(data.imageShape ? { imageShape: data.imageShape } : {}),
    ...(data.heldOut
      ? {
          heldOut: {
            test: data.heldOut.test.m,
            ...(data.heldOut.dev ? { dev: data.heldOut.dev.m } : {}),
          },
        }
      : {}),
  };
}

/**
 * A classification set whose labels are all one class trains (the network learns to always answer
 * that class, so accuracy is 100 % and the verdict "low bias") but teaches nothing: say so.
 */
export function singleClassProblem(data: LabeledData, nodeId: string): Problem | null {
  if (data.classes === null || data.m === 0) return null;
  const first = data.y[0];
  for (let i = 1; i < data.m; i++) if (data.y[i] !== first) return null;
  const name = data.classNames?.[first as number] ?? String(first);
  return warning(
    'DATASET',
    nodeId,
    `All ${data.m} labels are the class '${name}': the network can only learn to always answer '${name}', so its accuracy of 100 % says nothing. Add examples of another class.`,
    'source',
  );
}

/**
 * Validates the graph, loads its data set (reading files through `reader`), validates again with the
 * real data (CSV columns, m), splits it, and compiles the plan. Every problem comes back as data.
 */
export async function prepareRun(doc: GraphDocument, reader?: DataFileReader): Promise<Result<PreparedRun>> {
  const first = analyzeGraph(doc);
  const datasetNode = first.topology ? first.resolved.get(first.topology.datasetId) : undefined;
  if (!first.topology || !datasetNode) return fail(first.problems);
  const params = datasetNode.params as DatasetParams;
  const loaded = await loadDataset(params.source, datasetNode.node.id, reader, params.seed);
  if (!loaded.ok) return fail([...first.problems.filter((p) => p.code !== 'DATASET'), ...loaded.problems]);
  const analysis = analyzeGraph(doc, describeLoaded(loaded.value));
  const plan = planFromAnalysis(doc, analysis);
  if (!plan.ok) return fail(plan.problems);
  const splits = splitData(loaded.value, params.split, params.seed);
  const oneClass = singleClassProblem(loaded.value, datasetNode.node.id);
  return ok({ plan: plan.value, splits }, [
    ...loaded.problems,
    ...plan.problems,
    ...(oneClass ? [oneClass] : []),
  ]);
}

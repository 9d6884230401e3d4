import { prepareRun } from '../../engine/compile/prepare';
import type { DataFileReader } from '../../engine/data/types';
import type { GraphDocument } from '../../engine/document/schema';
import { checkBatch } from '../../engine/gradcheck/batch';
import { type GradCheckReport, gradientCheck } from '../../engine/gradcheck/check';
import { ok, type Result } from '../../engine/problems';
import { featureStatistics } from '../../engine/train/statistics';
import { TrainingRun } from '../../engine/train/trainer';

/** Examples the app checks on, as `netcanvas gradcheck` does by default. */
export const GRADCHECK_EXAMPLES = 32;

export interface GradcheckResult {
  /** The document's name, for the dialog's title. */
  name: string;
  report: GradCheckReport;
}

/** Files the document names, as the app read them, as the engine's reader. */
export function filesReader(files: Readonly<Record<string, string>> = {}): DataFileReader {
  return {
    readText: async (path) => {
      // Own keys only: a path named "constructor" or "__proto__" must not read Object.prototype.
      const text = Object.hasOwn(files, path) ? files[path] : undefined;
      if (text === undefined) throw new Error(`the file "${path}" was not opened in the app`);
      return text;
    },
  };
}

/**
 * The gradient check of `netcanvas gradcheck FILE` for a document, run where tf.js is already set
 * up (the worker sets the CPU backend first, as the CLI does): the network at the weights the run's
 * seed initializes, the first `examples` training examples, the float64 reference and tf.js's
 * gradients against two-sided differences. Dropout is off for the check. An invalid graph gives its
 * problems; every tensor is freed after.
 */
export async function checkDocumentGradients(
  doc: GraphDocument,
  options: { examples?: number; reader?: DataFileReader } = {},
): Promise<Result<GradcheckResult>> {
  const prepared = await prepareRun(doc, options.reader);
  if (!prepared.ok) return prepared;
  const { plan, splits } = prepared.value;
  const run = new TrainingRun(plan, splits, { epochs: 0 });
  try {
    const stats = plan.needsInputStatistics ? featureStatistics(splits.train) : undefined;
    const batch = checkBatch(plan, splits.train, options.examples ?? GRADCHECK_EXAMPLES);
    const report = gradientCheck(plan, run.network, batch, {
      autodiff: true,
      seed: plan.training.seed,
      ...(stats ? { inputStatistics: stats } : {}),
    });
    return ok({ name: plan.name, report });
  } finally {
    run.dispose();
  }
}

import type { TrainingPlan } from '../compile/plan.js';
import type { Network } from '../model/network.js';
import { autodiffGradients } from './autodiff.js';
import { entriesToCheck, GRADCHECK_EPSILON, numericalGradient, roundingPerEntry } from './numerical.js';
import { readParameters } from './parameters.js';
import { type GradCheckBatch, type InputStatistics, ReferenceNetwork } from './reference.js';
import type { BackpropRules } from './rules.js';
import {
  type AutodiffVerdict,
  autodiffVerdictFor,
  distance,
  isPassing,
  relativeDifference,
  type Verdict,
  verdictFor,
} from './verdict.js';

/** A tensor with more entries is checked at this many, a seeded sample (each costs two forward passes). */
export const MAX_ENTRIES_PER_TENSOR = 256;

export interface GradCheckOptions {
  /** Default 1e-7 (spec §5). */
  epsilon?: number;
  /** Default 256. */
  maxEntriesPerTensor?: number;
  /** Seeds the sample of entries of tensors above the cap. */
  seed?: number;
  /** μ and σ of the training split, for a Normalize layer. */
  inputStatistics?: InputStatistics;
  /** The backward rules to check (default: the correct ones); swap one to see the check fail. */
  rules?: BackpropRules;
  /** Also compare the trainer's float32 tf.js autodiff gradients with the numerical gradient. */
  autodiff?: boolean;
}

/** Where two gradients of one tensor differ most. `index` is [row, column] for W, [unit] otherwise. */
export interface WorstEntry {
  index: number[];
  numerical: number;
  analytic: number;
}

/** One parameter tensor's comparison. */
export interface GradCheckRow {
  /** "dense1/W". */
  id: string;
  nodeId: string;
  /** 'W', 'b', 'gamma' or 'beta'. */
  parameter: string;
  shape: number[];
  /** Entries compared: all of them, or a seeded sample of `maxEntriesPerTensor`. */
  checked: number;
  /** ‖dθ_approx − dθ‖₂ / (‖dθ_approx‖₂ + ‖dθ‖₂) over the checked entries, dθ from the float64 backprop. */
  difference: number;
  /** ‖dθ_approx − dθ‖₂, and what float64 rounding of J alone can put there (√checked · per entry). */
  gap: number;
  roundingBound: number;
  verdict: Verdict;
  worst: WorstEntry | null;
  /** The same comparison for tf.js's float32 autodiff gradient, when asked for. */
  autodiff?: { difference: number; verdict: AutodiffVerdict; worst: WorstEntry | null };
}

/** tf.js's float32 autodiff (the trainer's gradient) against the float64 numerical gradient. */
export interface AutodiffSummary {
  /** J as tf.js computes it (float32); far from the reference's J, the trainer's cost is another function. */
  cost: number;
  /** The relative difference over every checked entry. */
  difference: number;
  verdict: AutodiffVerdict;
}

export interface GradCheckReport {
  /** One row per parameter tensor, in network order. */
  rows: GradCheckRow[];
  /** The difference over every checked entry of every tensor (spec §5's flattened θ). */
  overall: { difference: number; verdict: Verdict };
  /** With the `autodiff` option. */
  autodiff?: AutodiffSummary;
  /** The row that disagrees most, and where. */
  worst: { id: string; entry: WorstEntry } | null;
  /** J at the parameters checked. */
  cost: number;
  epsilon: number;
  /** How far rounding of J can move one entry of dθ_approx. */
  roundingPerEntry: number;
  examples: number;
  m: number;
  /** Dropout/Augment off, batch norm's statistics, sampled tensors. */
  notes: string[];
  /** The overall difference and every row pass: ≤ 1e-7, or within float64 rounding. */
  passed: boolean;
}

function worstEntry(
  numerical: Float64Array,
  analytic: Float64Array,
  entries: Int32Array,
  shape: readonly number[],
): WorstEntry | null {
  let best = -1;
  let largest = -1;
  numerical.forEach((v, k) => {
    const gap = Math.abs(v - (analytic[k] as number));
    const size = Number.isNaN(gap) ? Number.POSITIVE_INFINITY : gap;
    if (size > largest) {
      largest = size;
      best = k;
    }
  });
  if (best < 0) return null;
  // Row-major flat index → [row, column] (or [unit]).
  const index: number[] = [];
  let rest = entries[best] as number;
  for (let d = shape.length - 1; d >= 0; d--) {
    index.unshift(rest % (shape[d] as number));
    rest = Math.floor(rest / (shape[d] as number));
  }
  return { index, numerical: numerical[best] as number, analytic: analytic[best] as number };
}

const pick = (values: Float64Array | undefined, entries: Int32Array): Float64Array =>
  Float64Array.from(entries, (i) => values?.[i] ?? 0);

/** How the check treats each layer, where its kind says (Dropout and Augment off, BatchNorm's statistics). */
function layerNotes(plan: TrainingPlan): string[] {
  return plan.layers.flatMap((layer) => layer.kind.reference?.note?.(layer.params, layer.nodeId) ?? []);
}

/**
 * Gradient checking (spec §5): backpropagation in float64 (the reference) against two-sided
 * differences of J, per parameter tensor and overall, at the network's current weights. Dropout and
 * augmentation are off, as the notes require. With `autodiff`, tf.js's float32 gradients — what the
 * trainer applies — are compared with the same numerical gradient. A batch of m_b examples → one row
 * per parameter tensor.
 */
export function gradientCheck(
  plan: TrainingPlan,
  network: Network,
  batch: GradCheckBatch,
  options: GradCheckOptions = {},
): GradCheckReport {
  const epsilon = options.epsilon ?? GRADCHECK_EPSILON;
  const cap = options.maxEntriesPerTensor ?? MAX_ENTRIES_PER_TENSOR;
  const parameters = readParameters(network);
  const reference = new ReferenceNetwork(plan, parameters, {
    ...(options.inputStatistics ? { inputStatistics: options.inputStatistics } : {}),
    ...(options.rules ? { rules: options.rules } : {}),
  });
  const { cost, gradients } = reference.backprop(batch);
  const perEntry = roundingPerEntry(reference.costScale(batch), epsilon);
  const autodiff = options.autodiff ? autodiffGradients(plan, network, batch, options.inputStatistics) : null;
  const notes = layerNotes(plan);
  const all = { numerical: [] as number[], analytic: [] as number[], autodiff: [] as number[] };
  const rows = parameters.map((p, t): GradCheckRow => {
    const entries = entriesToCheck(p.values.length, cap, (options.seed ?? 0) + t);
    if (entries.length < p.values.length) {
      notes.push(`${p.id}: ${entries.length} of ${p.values.length} entries checked (a seeded sample).`);
    }
    const numerical = numericalGradient(reference, batch, p, entries, epsilon);
    const analytic = pick(gradients.get(p.id), entries);
    all.numerical.push(...numerical);
    all.analytic.push(...analytic);
    const difference = relativeDifference(numerical, analytic);
    const gap = distance(numerical, analytic);
    const roundingBound = Math.sqrt(entries.length) * perEntry;
    const row: GradCheckRow = {
      id: p.id,
      nodeId: p.nodeId,
      parameter: p.name,
      shape: p.shape,
      checked: entries.length,
      difference,
      gap,
      roundingBound,
      verdict: verdictFor(difference, gap, roundingBound),
      worst: worstEntry(numerical, analytic, entries, p.shape),
    };
    if (autodiff) {
      const tfjs = pick(autodiff.gradients.get(p.id), entries);
      all.autodiff.push(...tfjs);
      const d = relativeDifference(numerical, tfjs);
      row.autodiff = {
        difference: d,
        verdict: autodiffVerdictFor(d),
        worst: worstEntry(numerical, tfjs, entries, p.shape),
      };
    }
    return row;
  });
  const difference = relativeDifference(all.numerical, all.analytic);
  const overallVerdict = verdictFor(
    difference,
    distance(all.numerical, all.analytic),
    Math.sqrt(all.numerical.length) * perEntry,
  );
  const worstRow = rows.reduce<GradCheckRow | null>(
    (best, row) => (!best || !(row.difference <= best.difference) ? row : best),
    null,
  );
  const autodiffDifference = relativeDifference(all.numerical, all.autodiff);
  return {
    rows,
    overall: { difference, verdict: overallVerdict },
    ...(autodiff
      ? {
          autodiff: {
            cost: autodiff.cost,
            difference: autodiffDifference,
            verdict: autodiffVerdictFor(autodiffDifference),
          },
        }
      : {}),
    worst: worstRow?.worst ? { id: worstRow.id, entry: worstRow.worst } : null,
    cost,
    epsilon,
    roundingPerEntry: perEntry,
    examples: batch.examples,
    m: batch.m,
    notes,
    passed: isPassing(overallVerdict) && rows.every((r) => isPassing(r.verdict)),
  };
}

import type { TrainingPlan } from '../compile/plan.js';
import type { LabeledData } from '../data/types.js';
import type { InputStatistics } from '../gradcheck/lowering.js';
import {
  entriesToCheck,
  GRADCHECK_EPSILON,
  numericalGradient,
  roundingPerEntry,
} from '../gradcheck/numerical.js';
import { type ReferenceParameter, readParameters } from '../gradcheck/parameters.js';
import { type GradCheckBatch, ReferenceNetwork } from '../gradcheck/reference.js';
import { labelMatrix } from '../model/losses.js';
import type { Network } from '../model/network.js';
import {
  blockToFull,
  capMatrix,
  entryError,
  MAX_MATRIX_SIDE,
  type MatrixBlock,
  matrixShape,
} from './matrix.js';
import type { StepRecord } from './step-record.js';

/** "Check this step" compares at most this many entries of W (a seeded sample of the drawn block). */
export const MAX_CHECKED_ENTRIES = 2000;
/** … and stops after this long, saying how many it checked. */
export const CHECK_BUDGET_MS = 5000;

/** What the run and its data give a Step-mode question about one layer. */
export interface StepContext {
  plan: TrainingPlan;
  /** The network at the weights after the step. */
  network: Network;
  train: LabeledData;
  step: StepRecord;
  inputStatistics?: InputStatistics;
}

/** W, dW and ΔW of one layer for the last step, each as a matrix of at most 256 × 256 entries. */
export interface StepWeights {
  nodeId: string;
  t: number;
  epoch: number;
  batch: number;
  /** m_b, the rows of the step's mini-batch. */
  examples: number;
  /** W's own shape: [2, 5] for a Dense of 5 units on 2 inputs, [3, 3, 1, 8] for a Conv2D. */
  shape: number[];
  w: MatrixBlock;
  /** ∂J/∂W at the weights before the step on its mini-batch, by the float64 reference (Dropout off). */
  dW: MatrixBlock;
  /** W_after − W_before. */
  update: MatrixBlock;
}

/** The per-entry float64 gradient check of one layer's W at the current weights. */
export interface StepCheck {
  nodeId: string;
  t: number;
  /** Relative errors over the drawn block; NaN where an entry was not checked. */
  errors: MatrixBlock;
  checked: number;
  /** Entries in the drawn block. */
  drawn: number;
  /** The denominator's floor: float64 rounding of J in one entry (engine/gradcheck/numerical.ts). */
  floor: number;
  /** The check ran out of its time budget before every sampled entry. */
  timedOut: boolean;
  worst: { row: number; col: number; error: number; analytic: number; numerical: number } | null;
}

/** The step's mini-batch as the reference reads it: [m_b, n] and its labels. */
function stepBatch(plan: TrainingPlan, train: LabeledData, indices: Int32Array): GradCheckBatch {
  const labels = labelMatrix(plan.loss, train);
  const x = new Float64Array(indices.length * train.features);
  const y = new Float64Array(indices.length * labels.columns);
  indices.forEach((row, i) => {
    x.set(train.x.subarray(row * train.features, (row + 1) * train.features), i * train.features);
    y.set(labels.values.subarray(row * labels.columns, (row + 1) * labels.columns), i * labels.columns);
  });
  return { x, y, examples: indices.length, m: train.m };
}

function reference(context: StepContext, parameters: ReferenceParameter[]): ReferenceNetwork {
  const stats = context.inputStatistics;
  return new ReferenceNetwork(context.plan, parameters, stats ? { inputStatistics: stats } : {});
}

const weightOf = (parameters: ReferenceParameter[], nodeId: string) =>
  parameters.find((p) => p.nodeId === nodeId && p.name === 'W');

/** W, dW and ΔW of `nodeId` for the last step, or null when the layer has no W. */
export function stepWeights(context: StepContext, nodeId: string): StepWeights | null {
  const { step } = context;
  const after = readParameters(context.network);
  const w = weightOf(after, nodeId);
  const before = step.before.get(w?.id ?? '');
  if (!w || !before) return null;
  const atBefore = after.map((p) => ({ ...p, values: Float64Array.from(step.before.get(p.id) ?? p.values) }));
  const batch = stepBatch(context.plan, context.train, step.indices);
  const dW =
    reference(context, atBefore).backprop(batch).gradients.get(w.id) ?? new Float64Array(w.values.length);
  const [rows, cols] = matrixShape(w.shape);
  const update = w.values.map((v, i) => v - (before[i] as number));
  return {
    nodeId,
    t: step.t,
    epoch: step.epoch,
    batch: step.batch,
    examples: batch.examples,
    shape: w.shape,
    w: capMatrix(w.values, rows, cols),
    dW: capMatrix(dW, rows, cols),
    update: capMatrix(update, rows, cols),
  };
}

/**
 * The float64 gradient check (spec §5) of `nodeId`'s W at the current weights on the step's
 * mini-batch: the reference's backprop against two-sided differences, per entry, for at most
 * `maxEntries` entries of the drawn block (a seeded sample), within `budgetMs`.
 */
export function checkStep(
  context: StepContext,
  nodeId: string,
  options: { maxEntries?: number; budgetMs?: number; seed?: number } = {},
): StepCheck | null {
  const parameters = readParameters(context.network);
  const w = weightOf(parameters, nodeId);
  if (!w) return null;
  const batch = stepBatch(context.plan, context.train, context.step.indices);
  const net = reference(context, parameters);
  const analytic = net.backprop(batch).gradients.get(w.id);
  const floor = roundingPerEntry(net.costScale(batch));
  const [fullRows, fullCols] = matrixShape(w.shape);
  const rows = Math.min(fullRows, MAX_MATRIX_SIDE);
  const cols = Math.min(fullCols, MAX_MATRIX_SIDE);
  const errors: MatrixBlock = {
    rows,
    cols,
    values: new Float32Array(rows * cols).fill(Number.NaN),
    fullRows,
    fullCols,
  };
  const picks = entriesToCheck(
    errors.values.length,
    options.maxEntries ?? MAX_CHECKED_ENTRIES,
    options.seed ?? 0,
  );
  const full = blockToFull(picks, errors);
  const deadline = Date.now() + (options.budgetMs ?? CHECK_BUDGET_MS);
  let checked = 0;
  let worst: StepCheck['worst'] = null;
  for (; checked < picks.length && Date.now() < deadline; checked++) {
    const k = picks[checked] as number;
    const numerical = numericalGradient(
      net,
      batch,
      w,
      [full[checked] as number],
      GRADCHECK_EPSILON,
    )[0] as number;
    const a = analytic?.[full[checked] as number] ?? 0;
    const error = entryError(a, numerical, floor);
    errors.values[k] = error;
    if (!worst || !(error <= worst.error)) {
      worst = { row: Math.floor(k / errors.cols), col: k % errors.cols, error, analytic: a, numerical };
    }
  }
  return {
    nodeId,
    t: context.step.t,
    errors,
    checked,
    drawn: errors.values.length,
    floor,
    timedOut: checked < picks.length,
    worst,
  };
}

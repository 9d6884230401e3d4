import type { ActivationName } from '../model/activations.js';
import type { InspectedParameter, InspectionBuffers } from './buffers.js';
import { selectRanks } from './select.js';
import type { LayerStatistics } from './statistics.js';
import type { InspectionTarget } from './targets.js';

/** TensorBoard's distribution bands, in basis points: min, ±3σ, ±2σ, ±1σ of a normal, median, max. */
const BANDS = [0, 668, 1587, 3085, 5000, 6915, 8413, 9332, 10000];
const SAMPLE = 512;
/** |z| > 4 counts as saturated: σ(4) = 0.982, tanh(4) = 0.99933. */
const SATURATION_Z = 4;
const SIGMOID_HIGH = 1 / (1 + Math.exp(-SATURATION_Z));
const TANH_HIGH = Math.tanh(SATURATION_Z);

/** Mean and standard deviation (divided by n) of the first n values; a float64 sum. */
export function moments(values: Float32Array, n: number): { mean: number; std: number } {
  if (n === 0) return { mean: 0, std: 0 };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] as number;
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += ((values[i] as number) - mean) ** 2;
  return { mean, std: Math.sqrt(squares / n) };
}

/** The sample `percentiles` reads, made once (512 float64 values). */
const sample = new Float64Array(SAMPLE);

/**
 * The distribution bands of the first n values, from at most 512 of them taken at a fixed stride:
 * each band the value a sort of the sample puts at its rank (NaN ranks last, as a sort puts them).
 */
export function percentiles(values: Float32Array, n: number): number[] {
  if (n === 0) return BANDS.map(() => 0);
  const stride = Math.ceil(n / SAMPLE);
  const size = Math.ceil(n / stride);
  let numbers = 0;
  for (let i = 0; i < n; i += stride) {
    const v = values[i] as number;
    if (!Number.isNaN(v)) sample[numbers++] = v;
  }
  const ranks = BANDS.map((bp) => Math.round((bp / 10000) * (size - 1)));
  selectRanks(
    sample,
    numbers,
    ranks.filter((r) => r < numbers),
  );
  return ranks.map((r) => (r < numbers ? (sample[r] as number) : Number.NaN));
}

/** √Σ x². */
function norm(a: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i] as number;
    s += v * v;
  }
  return Math.sqrt(s);
}

/** √Σ (a − b)². */
function distance(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const v = (a[i] as number) - (b[i] as number);
    s += v * v;
  }
  return Math.sqrt(s);
}

/** Units (the last axis) that output 0 for every value of the batch, as a share of all units. */
export function deadFraction(a: Float32Array, n: number, units: number): number {
  const alive = new Uint8Array(units);
  for (let i = 0; i < n; i++) if ((a[i] as number) !== 0) alive[i % units] = 1;
  let dead = 0;
  for (let k = 0; k < units; k++) if (!alive[k]) dead++;
  return dead / units;
}

/** Share of the outputs a = g(z) whose |z| exceeds 4, read from a itself. */
export function saturatedFraction(a: Float32Array, n: number, g: 'sigmoid' | 'tanh'): number {
  let count = 0;
  for (let i = 0; i < n; i++) {
    const v = a[i] as number;
    if (g === 'tanh' ? Math.abs(v) > TANH_HIGH : v > SIGMOID_HIGH || v < 1 - SIGMOID_HIGH) count++;
  }
  return n ? count / n : 0;
}

/**
 * Every unit's slice equals the first unit's in W and b (units on the last axis: W [n_in, units] or
 * [f, f, c_in, units]), each value within 10⁻⁶ relative: symmetry that gradient descent cannot break.
 * Random weights differ at the second value, so this stops there.
 */
export function identicalUnits(parameters: readonly InspectedParameter[], units: number): boolean {
  const w = parameters.find((p) => p.name === 'W');
  if (!w || units < 2) return false;
  const b = parameters.find((p) => p.name === 'b');
  return [w, ...(b ? [b] : [])].every(({ values }) => {
    for (let i = 0; i < values.length; i += units) {
      const first = values[i] as number;
      for (let k = 1; k < units; k++) {
        const v = values[i + k] as number;
        if (Math.abs(v - first) > 1e-6 * (Math.abs(v) + Math.abs(first))) return false;
      }
    }
    return true;
  });
}

const sumOf = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** ‖dW‖, ‖W‖ and ‖ΔW‖/‖W‖ over W (every parameter where the layer has no W). */
function weightFigures(parameters: readonly InspectedParameter[]) {
  const w = parameters.filter((p) => p.name === 'W');
  const measured = w.length ? w : parameters;
  const gradNorm = Math.sqrt(sumOf(measured.map((p) => norm(p.gradient) ** 2)));
  const kept = measured.every((p) => p.before !== null);
  const weightNorm = Math.sqrt(sumOf(measured.map((p) => norm(p.before ?? p.values) ** 2)));
  const step = kept
    ? Math.sqrt(sumOf(measured.map((p) => distance(p.values, p.before ?? p.values) ** 2)))
    : 0;
  return { gradNorm, weightNorm, updateRatio: kept && weightNorm > 0 ? step / weightNorm : null };
}

/** Per channel (last axis) μ and σ² of x over rows and positions, averaged over the channels. */
function batchMoments(x: Float32Array, n: number, c: number): { mean: number; variance: number } {
  const sum = new Float64Array(c);
  const squares = new Float64Array(c);
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    sum[i % c]! += v;
    squares[i % c]! += v * v;
  }
  const cells = n / c;
  let mean = 0;
  let variance = 0;
  for (let k = 0; k < c; k++) {
    const mu = (sum[k] as number) / cells;
    mean += mu;
    variance += (squares[k] as number) / cells - mu * mu;
  }
  return { mean: mean / c, variance: variance / c };
}

/** The running averages, bias-corrected as evaluation reads them: v/(1 − βᵗ), averaged over channels. */
function runningMoments(state: readonly Float32Array[], momentum: number) {
  const t = state[2]?.[0] ?? 0;
  const correction = t > 0 ? 1 - momentum ** t : 1;
  const average = (v: Float32Array | undefined, none: number) =>
    t > 0 && v?.length ? sumOf(Array.from(v)) / v.length / correction : none;
  return { runningMean: average(state[0], 0), runningVariance: average(state[1], 1) };
}

const isSaturating = (g: ActivationName): g is 'sigmoid' | 'tanh' => g === 'sigmoid' || g === 'tanh';

/** Every target's figures for the update the buffers hold. */
export function measureLayers(
  targets: readonly InspectionTarget[],
  buffers: InspectionBuffers,
): LayerStatistics[] {
  return targets.map((target) => {
    const n = buffers.rows * target.features;
    const output = buffers.outputs[target.index] as Float32Array;
    const { mean, std } = moments(output, n);
    const parameters = buffers.parameters[target.index] ?? [];
    const activated = target.activated;
    const a = activated ? (buffers.outputs[activated.index] as Float32Array) : null;
    const stats: LayerStatistics = {
      id: target.nodeId,
      activationMean: mean,
      activationStd: std,
      activationPercentiles: percentiles(output, n),
      deadFraction: a && activated?.g === 'relu' ? deadFraction(a, n, target.units) : null,
      saturatedFraction:
        a && activated && isSaturating(activated.g) ? saturatedFraction(a, n, activated.g) : null,
      ...weightFigures(parameters),
      identicalUnits: !target.isOutput && identicalUnits(parameters, target.units),
    };
    const x = buffers.inputs[target.index]?.[0];
    if (target.momentum !== null && x) {
      const batch = batchMoments(x, n, target.units);
      stats.batchNorm = {
        batchMean: batch.mean,
        batchVariance: batch.variance,
        ...runningMoments(buffers.state[target.index] ?? [], target.momentum),
      };
    }
    return stats;
  });
}

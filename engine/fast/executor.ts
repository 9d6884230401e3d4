import { firstBranch, type TrainingPlan } from '../compile/plan.js';
import type { LabeledData } from '../data/types.js';
import type { ActivationName } from '../model/activations.js';
import { labelMatrix } from '../model/losses.js';
import type { Network } from '../model/network.js';
import type { ActivationParams } from '../nodes/activation/index.js';
import type { DenseParams } from '../nodes/dense/index.js';
import type { LossFunction } from '../nodes/loss.js';
import type { OptimizerParams } from '../nodes/optimizer.js';
import { bindKernels, type KernelChoice, type MatmulKernels } from './kernels.js';
import type { SpawnKernelHelper } from './wasm/parallel.js';

/**
 * A float32 executor for the dense-network subset of the graph language (issue 8, "make it fast"):
 * Dense, Activation, Softmax (last) and Normalize (first) layers, the three losses and the four spec
 * optimizers, as fused loops over Float32Arrays. Every buffer is made at construction for the
 * mini-batch size; an update allocates nothing. The maths is the gradient-check reference's
 * (engine/gradcheck), in float32 storage. The matrix products run as WebAssembly SIMD where the
 * platform has it (the buffers then live in the kernels' memory, see kernels.ts), else as JS.
 */

const LAYER_KINDS = new Set(['Dense', 'Activation', 'Softmax', 'Normalize']);

/** Why `plan` cannot run on the fast executor, or null when it can. */
export function supportsFast(plan: TrainingPlan): string | null {
  const branch = firstBranch(plan);
  if (branch)
    return `${branch.kind.kind} (${branch.nodeId}) is on a branch or merge; the fast executor runs straight chains only.`;
  const last = plan.layers.length - 1;
  for (const [i, layer] of plan.layers.entries()) {
    const kind = layer.kind.kind;
    if (!LAYER_KINDS.has(kind)) return `${kind} (${layer.nodeId}) is not supported by the fast executor.`;
    if (kind === 'Softmax' && i !== last)
      return `Softmax (${layer.nodeId}) is only supported as the last layer.`;
    if (kind === 'Normalize' && i !== 0)
      return `Normalize (${layer.nodeId}) is only supported as the first layer.`;
  }
  if (plan.layers.length === 0) return 'The network has no layers.';
  return null;
}

/** Normalize's μ and σ, as the trainer computes them (featureStatistics of the training split). */
export interface FastInputStatistics {
  mean: Float32Array;
  std: Float32Array;
}

/** One parameter tensor's values, in the order of `Network.parameters` ("dense1/W", "dense1/b", …). */
export interface FastParameter {
  id: string;
  values: Float32Array;
}

export interface FastExecutorOptions {
  /** The largest mini-batch an update gets (buffers are sized for it). */
  batchSize: number;
  /** Initial parameters in `Network.parameters` order, e.g. from `parametersOf(network)`. */
  parameters: readonly FastParameter[];
  inputStatistics?: FastInputStatistics;
  /** Matrix products: WebAssembly SIMD where the platform has it ('auto', the default), or forced. */
  kernels?: KernelChoice;
  /**
   * Starts a helper thread for the SIMD products (Node worker_threads, a Web Worker): with it, and
   * where shared memory is available, each large product runs half on each thread.
   */
  helper?: SpawnKernelHelper;
}

/** What `evaluate` sums over a split. */
export interface EvaluationSums {
  lossSum: number;
  correct: number | null;
}

type Step =
  | {
      type: 'normalize';
      n: number;
      mean: Float32Array;
      invStd: Float32Array;
    }
  | {
      type: 'dense';
      nIn: number;
      nOut: number;
      w: Float32Array;
      b: Float32Array | null;
      dw: Float32Array;
      db: Float32Array | null;
      l2: number;
      l1: number;
      /** g, or 'linear' where the loss takes this layer's logits. */
      g: ActivationName;
      alpha: number;
      /** z (pre-activation) and a = g(z), [m_b, nOut]. */
      z: Float32Array;
      a: Float32Array;
    }
  | {
      type: 'activation';
      n: number;
      g: ActivationName;
      alpha: number;
      a: Float32Array;
    };

interface Slot {
  w: Float32Array;
  dw: Float32Array;
  s1: Float32Array | null;
  s2: Float32Array | null;
}

/** The parameters of a tf.js network, read back once (for building a FastExecutor from it). */
export function parametersOf(network: Network): FastParameter[] {
  return network.parameters.map((p) => ({ id: p.id, values: Float32Array.from(p.variable.dataSync()) }));
}

export class FastExecutor {
  private readonly steps: Step[] = [];
  private readonly slots: Slot[] = [];
  private readonly x: Float32Array;
  private readonly trainX: Float32Array;
  private readonly trainY: Float32Array;
  private readonly features: number;
  private readonly outputs: number;
  private readonly yb: Float32Array;
  /** dJ/d(current activation), two ping-pong buffers of the widest layer. */
  private readonly gradA: Float32Array;
  private readonly gradB: Float32Array;
  private readonly lossFn: LossFunction;
  private readonly outputActivation: 'sigmoid' | 'softmax' | null;
  private readonly optimizer: OptimizerParams;
  private readonly trainSize: number;
  private t = 0;
  /** The matrix products in use ('simd' or 'js'). */
  readonly kernels: MatmulKernels;
  readonly parameterIds: string[] = [];
  learningRate: number;

  constructor(
    plan: TrainingPlan,
    train: LabeledData,
    private readonly options: FastExecutorOptions,
  ) {
    const why = supportsFast(plan);
    if (why) throw new Error(why);
    const mb = options.batchSize;
    this.lossFn = plan.loss;
    this.optimizer = plan.optimizer;
    this.learningRate = plan.optimizer.learningRate;
    this.trainSize = train.m;
    this.features = train.features;
    this.trainX = train.x;
    const labels = labelMatrix(plan.loss, train);
    this.trainY = labels.values;
    this.outputs = labels.columns;
    this.x = new Float32Array(mb * train.features);
    this.yb = new Float32Array(mb * labels.columns);
    let widest = train.features;
    let p = 0;
    const next = (name: string): Float32Array => {
      const param = options.parameters[p++];
      if (!param?.id.endsWith(`/${name}`)) throw new Error(`Expected parameter ${name} at ${p - 1}.`);
      this.parameterIds.push(param.id);
      return Float32Array.from(param.values);
    };
    const last = plan.layers.length - 1;
    let outputActivation: 'sigmoid' | 'softmax' | null = null;
    for (const [i, layer] of plan.layers.entries()) {
      const kind = layer.kind.kind;
      widest = Math.max(widest, layer.outputFeatures);
      if (kind === 'Normalize') {
        const n = layer.inputFeatures;
        const stats = options.inputStatistics;
        const mean = stats ? Float32Array.from(stats.mean) : new Float32Array(n);
        const invStd = stats ? stats.std.map((s) => 1 / s) : new Float32Array(n).fill(1);
        this.steps.push({ type: 'normalize', n, mean, invStd });
        outputActivation = null;
      } else if (kind === 'Dense') {
        const params = layer.params as DenseParams;
        const nIn = layer.inputFeatures;
        const nOut = params.units;
        const w = next('W');
        if (w.length !== nIn * nOut) throw new Error(`W of ${layer.nodeId} has ${w.length} values.`);
        const hasBias = params.useBias && !layer.dropBias;
        const b = hasBias ? next('b') : null;
        const logits = i === last && params.activation === 'sigmoid';
        const dw = new Float32Array(w.length);
        const z = new Float32Array(mb * nOut);
        const db = b ? new Float32Array(b.length) : null;
        this.slots.push(this.slot(w, dw));
        if (b && db) this.slots.push(this.slot(b, db));
        this.steps.push({
          type: 'dense',
          nIn,
          nOut,
          w,
          b,
          dw,
          db,
          l2: params.l2,
          l1: params.l1,
          g: logits ? 'linear' : params.activation,
          alpha: params.leakyAlpha,
          z,
          a: logits || params.activation === 'linear' ? z : new Float32Array(mb * nOut),
        });
        outputActivation = params.activation === 'sigmoid' ? 'sigmoid' : null;
      } else if (kind === 'Activation') {
        const params = layer.params as ActivationParams;
        const logits = i === last && params.fn === 'sigmoid';
        const n = layer.outputFeatures;
        this.steps.push({
          type: 'activation',
          n,
          g: logits ? 'linear' : params.fn,
          alpha: params.alpha,
          a: new Float32Array(mb * n),
        });
        outputActivation = params.fn === 'sigmoid' ? 'sigmoid' : null;
      } else {
        // Softmax, last: the loss takes its logits.
        outputActivation = 'softmax';
      }
    }
    this.outputActivation = outputActivation;
    // Every buffer a product touches moves into the kernels' memory (SIMD) before the first update.
    const batch = {
      x: this.x,
      yb: this.yb,
      gradA: new Float32Array(mb * widest),
      gradB: new Float32Array(mb * widest),
    };
    const holders = [batch, ...this.steps, ...this.slots];
    this.kernels = bindKernels(options.kernels ?? 'auto', holders, options.helper);
    ({ x: this.x, yb: this.yb, gradA: this.gradA, gradB: this.gradB } = batch);
  }

  private slot(w: Float32Array, dw: Float32Array): Slot {
    const count = { gd: 0, momentum: 1, rmsprop: 1, adam: 2 }[this.optimizer.algorithm];
    return {
      w,
      dw,
      s1: count >= 1 ? new Float32Array(w.length) : null,
      s2: count >= 2 ? new Float32Array(w.length) : null,
    };
  }

  /** Updates taken so far. */
  get updates(): number {
    return this.t;
  }

  /** Current parameter values (live views; copy them to keep), in `Network.parameters` order. */
  parameters(): FastParameter[] {
    return this.slots.map((s, i) => ({ id: this.parameterIds[i] as string, values: s.w }));
  }

  /** Overwrites the parameters (e.g. the early-stopping snapshot), in `Network.parameters` order. */
  setParameters(values: readonly ArrayLike<number>[]): void {
    if (values.length !== this.slots.length)
      throw new Error(`Expected ${this.slots.length} parameter tensors.`);
    for (const [i, slot] of this.slots.entries()) {
      const v = values[i] as ArrayLike<number>;
      if (v.length !== slot.w.length) throw new Error(`${this.parameterIds[i]} has ${slot.w.length} values.`);
      slot.w.set(v);
    }
  }

  /** A copy of every parameter tensor, in `Network.parameters` order. */
  snapshot(): Float32Array[] {
    return this.slots.map((s) => Float32Array.from(s.w));
  }

  /** The penalty of the cost: Σ λ₂/(2m)·‖W‖² + λ₁/m·‖W‖₁ over the Dense layers (m: training examples). */
  penalty(): number {
    const m = this.trainSize;
    let penalty = 0;
    for (const s of this.steps) {
      if (s.type !== 'dense' || (s.l2 === 0 && s.l1 === 0)) continue;
      let sq = 0;
      let abs = 0;
      for (let e = 0; e < s.w.length; e++) {
        const v = s.w[e] as number;
        sq += v * v;
        abs += Math.abs(v);
      }
      penalty += (s.l2 / (2 * m)) * sq + (s.l1 / m) * abs;
    }
    return penalty;
  }

  /**
   * Evaluation mode over a whole split: the summed loss and the number of correct predictions (null
   * without classes), in chunks of the mini-batch size. `labels` is the split's label matrix
   * (`labelMatrix`), rows of `outputs` values. No parameter changes.
   */
  evaluate(x: Float32Array, labels: Float32Array, m: number, classes: number | null): EvaluationSums {
    const n = this.features;
    const c = this.outputs;
    const chunk = this.options.batchSize;
    let lossSum = 0;
    let correct = 0;
    for (let start = 0; start < m; start += chunk) {
      const rows = Math.min(chunk, m - start);
      this.x.set(x.subarray(start * n, (start + rows) * n));
      this.yb.set(labels.subarray(start * c, (start + rows) * c));
      const logits = this.forward(rows);
      if (classes !== null) correct += this.correctIn(logits, rows);
      lossSum += this.lossAndGradient(logits, rows, c, this.gradA) * rows;
    }
    return { lossSum, correct: classes === null ? null : correct };
  }

  /** Rows of the batch whose prediction matches the label (as `correctCount` in model/losses). */
  private correctIn(logits: Float32Array, rows: number): number {
    const c = this.outputs;
    const y = this.yb;
    let correct = 0;
    if (c === 1) {
      const threshold = this.outputActivation === 'sigmoid' ? 0 : 0.5; // σ(z) > 0.5 ⇔ z > 0
      for (let i = 0; i < rows; i++) if (((logits[i] as number) > threshold ? 1 : 0) === y[i]) correct++;
      return correct;
    }
    for (let i = 0; i < rows; i++) {
      const o = i * c;
      if (argMax(logits, o, c) === argMax(y, o, c)) correct++;
    }
    return correct;
  }

  /**
   * One update on the training rows `indices` (at most batchSize of them): gather → forward → loss →
   * backward → penalty gradients → optimizer step. Returns the cost J (mean loss + penalty) before
   * the step, as the trainer reports it.
   */
  update(indices: ArrayLike<number>): number {
    const mb = indices.length;
    if (mb > this.options.batchSize || mb === 0) throw new Error(`A mini-batch of ${mb} rows.`);
    this.gather(indices, mb);
    const logits = this.forward(mb);
    const cols = this.outputs;
    const dz = this.gradA;
    const loss = this.lossAndGradient(logits, mb, cols, dz);
    const penalty = this.backward(mb, dz);
    this.step();
    return loss + penalty;
  }

  private gather(indices: ArrayLike<number>, mb: number): void {
    const n = this.features;
    const c = this.outputs;
    const { x, yb, trainX, trainY } = this;
    for (let i = 0; i < mb; i++) {
      const r = indices[i] as number;
      const xo = i * n;
      const xr = r * n;
      for (let j = 0; j < n; j++) x[xo + j] = trainX[xr + j] as number;
      const yo = i * c;
      const yr = r * c;
      for (let j = 0; j < c; j++) yb[yo + j] = trainY[yr + j] as number;
    }
  }

  /** Runs the layers on this.x; returns the buffer holding the logits [mb, outputs]. */
  private forward(mb: number): Float32Array {
    let a = this.x;
    for (const s of this.steps) {
      if (s.type === 'normalize') {
        const { n, mean, invStd } = s;
        for (let i = 0; i < mb; i++) {
          const o = i * n;
          for (let j = 0; j < n; j++)
            a[o + j] = ((a[o + j] as number) - (mean[j] as number)) * (invStd[j] as number);
        }
      } else if (s.type === 'dense') {
        const { nIn, nOut, w, b, z } = s;
        // Z = A W + b.
        this.kernels.matmulBias(a, w, b, z, mb, nIn, nOut);
        activate(s.g, s.alpha, z, s.a, mb * nOut);
        a = s.a;
      } else {
        activate(s.g, s.alpha, a, s.a, mb * s.n);
        a = s.a;
      }
    }
    return a;
  }

  /** Mean loss over the batch; dz := ∂J/∂logits. */
  private lossAndGradient(z: Float32Array, mb: number, c: number, dz: Float32Array): number {
    const y = this.yb;
    let total = 0;
    const inv = 1 / mb;
    switch (this.lossFn) {
      case 'binaryCrossEntropy':
        for (let e = 0; e < mb * c; e++) {
          const v = z[e] as number;
          const t = y[e] as number;
          total += Math.max(v, 0) - v * t + Math.log1p(Math.exp(-Math.abs(v)));
          dz[e] = (sigmoid(v) - t) * inv;
        }
        break;
      case 'categoricalCrossEntropy':
        for (let i = 0; i < mb; i++) {
          const o = i * c;
          let max = -Infinity;
          for (let j = 0; j < c; j++) max = Math.max(max, z[o + j] as number);
          let sum = 0;
          for (let j = 0; j < c; j++) sum += Math.exp((z[o + j] as number) - max);
          const lse = max + Math.log(sum);
          let ySum = 0;
          for (let j = 0; j < c; j++) {
            const t = y[o + j] as number;
            ySum += t;
            total -= t * ((z[o + j] as number) - lse);
          }
          for (let j = 0; j < c; j++) {
            dz[o + j] = (ySum * Math.exp((z[o + j] as number) - lse) - (y[o + j] as number)) * inv;
          }
        }
        break;
      case 'meanSquaredError': {
        const scale = 2 / (c * mb);
        for (let i = 0; i < mb; i++) {
          const o = i * c;
          let max = -Infinity;
          let sum = 0;
          if (this.outputActivation === 'softmax') {
            for (let j = 0; j < c; j++) max = Math.max(max, z[o + j] as number);
            for (let j = 0; j < c; j++) sum += Math.exp((z[o + j] as number) - max);
          }
          let row = 0;
          let dot = 0;
          for (let j = 0; j < c; j++) {
            const v = z[o + j] as number;
            const yHat =
              this.outputActivation === 'sigmoid'
                ? sigmoid(v)
                : this.outputActivation === 'softmax'
                  ? Math.exp(v - max) / sum
                  : v;
            const d = yHat - (y[o + j] as number);
            row += d * d;
            const dYHat = d * scale;
            // dz holds ∂J/∂ŷ until the output activation is applied below.
            dz[o + j] = this.outputActivation === 'sigmoid' ? dYHat * yHat * (1 - yHat) : dYHat;
            if (this.outputActivation === 'softmax') {
              dot += dYHat * yHat;
              y[o + j] = yHat; // ŷ kept in place of y (the batch's labels are no longer needed)
            }
          }
          if (this.outputActivation === 'softmax') {
            for (let j = 0; j < c; j++) dz[o + j] = (y[o + j] as number) * ((dz[o + j] as number) - dot);
          }
          total += row / c;
        }
        break;
      }
    }
    return total * inv;
  }

  /** Back through the layers from dz (in gradA); fills every dW, db; returns the penalty. */
  private backward(mb: number, dzLast: Float32Array): number {
    let d = dzLast; // ∂J/∂(output of step s)
    let spare = d === this.gradA ? this.gradB : this.gradA;
    let penalty = 0;
    const m = this.trainSize;
    for (let si = this.steps.length - 1; si >= 0; si--) {
      const s = this.steps[si] as Step;
      if (s.type === 'normalize') break; // first layer: nothing to train below it
      const below = si > 0 ? (this.steps[si - 1] as Step) : null;
      const needInput = below !== null && below.type !== 'normalize';
      if (s.type === 'activation') {
        activationBackward(s.g, s.alpha, s.a, this.inputOf(si), d, mb * s.n);
        continue;
      }
      const { nIn, nOut, w, dw, db, z, a: out } = s;
      // d = ∂J/∂a → ∂J/∂z, in place.
      activationBackward(s.g, s.alpha, out, z, d, mb * nOut);
      const aPrev = this.inputOf(si);
      // dW = A_prevᵀ dZ; db = Σ_i dZ⁽ⁱ⁾; dA_prev = dZ Wᵀ (not below the first layer).
      this.kernels.matmulTransA(aPrev, d, dw, mb, nIn, nOut);
      if (db) {
        db.fill(0);
        for (let i = 0; i < mb; i++) {
          const zo = i * nOut;
          for (let j = 0; j < nOut; j++) db[j]! += d[zo + j] as number;
        }
      }
      if (needInput) this.kernels.matmulTransB(d, w, spare, mb, nIn, nOut);
      if (s.l2 > 0 || s.l1 > 0) {
        const l2m = s.l2 / m;
        const l1m = s.l1 / m;
        let sq = 0;
        let abs = 0;
        for (let e = 0; e < w.length; e++) {
          const v = w[e] as number;
          sq += v * v;
          abs += Math.abs(v);
          // tf.js's |w|′ is step(w, −1): +1 for w > 0, −1 otherwise.
          dw[e]! += l2m * v + (l1m > 0 ? (v > 0 ? l1m : -l1m) : 0);
        }
        penalty += (s.l2 / (2 * m)) * sq + l1m * abs;
      }
      if (needInput) {
        const t = d;
        d = spare;
        spare = t;
      }
    }
    return penalty;
  }

  /** The activation entering step si: the previous step's output, or the (normalized) input. */
  private inputOf(si: number): Float32Array {
    for (let k = si - 1; k >= 0; k--) {
      const s = this.steps[k] as Step;
      if (s.type !== 'normalize') return s.a;
    }
    return this.x;
  }

  private step(): void {
    this.t += 1;
    const lr = this.learningRate;
    const opt = this.optimizer;
    for (const { w, dw, s1, s2 } of this.slots) {
      const n = w.length;
      switch (opt.algorithm) {
        case 'gd':
          for (let e = 0; e < n; e++) w[e]! -= lr * (dw[e] as number);
          break;
        case 'momentum': {
          const v = s1 as Float32Array;
          const beta = opt.beta;
          for (let e = 0; e < n; e++) {
            const ve = beta * (v[e] as number) + (1 - beta) * (dw[e] as number);
            v[e] = ve;
            w[e]! -= lr * ve;
          }
          break;
        }
        case 'rmsprop': {
          const s = s1 as Float32Array;
          const { beta2, epsilon } = opt;
          for (let e = 0; e < n; e++) {
            const g = dw[e] as number;
            const se = beta2 * (s[e] as number) + (1 - beta2) * g * g;
            s[e] = se;
            w[e]! -= (lr * g) / Math.sqrt(se + epsilon);
          }
          break;
        }
        case 'adam': {
          const v = s1 as Float32Array;
          const s = s2 as Float32Array;
          const { beta1, beta2, epsilon } = opt;
          const c1 = 1 - beta1 ** this.t;
          const c2 = 1 - beta2 ** this.t;
          for (let e = 0; e < n; e++) {
            const g = dw[e] as number;
            const ve = beta1 * (v[e] as number) + (1 - beta1) * g;
            const se = beta2 * (s[e] as number) + (1 - beta2) * g * g;
            v[e] = ve;
            s[e] = se;
            w[e]! -= (lr * (ve / c1)) / Math.sqrt(se / c2 + epsilon);
          }
          break;
        }
      }
    }
  }
}

/** Index of the first largest of a[o .. o+n), as tf.argMax. */
function argMax(a: Float32Array, o: number, n: number): number {
  let best = 0;
  for (let j = 1; j < n; j++) if ((a[o + j] as number) > (a[o + best] as number)) best = j;
  return best;
}

function sigmoid(v: number): number {
  return v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
}

/** out := g(z) over n values (z and out may be the same buffer). */
function activate(g: ActivationName, alpha: number, z: Float32Array, out: Float32Array, n: number): void {
  switch (g) {
    case 'linear':
      if (out !== z) out.set(z.subarray(0, n));
      break;
    case 'relu':
      for (let e = 0; e < n; e++) {
        const v = z[e] as number;
        out[e] = Math.max(v, 0);
      }
      break;
    case 'leakyRelu':
      for (let e = 0; e < n; e++) {
        const v = z[e] as number;
        out[e] = v > 0 ? v : alpha * v;
      }
      break;
    case 'tanh':
      for (let e = 0; e < n; e++) out[e] = Math.tanh(z[e] as number);
      break;
    case 'sigmoid':
      for (let e = 0; e < n; e++) out[e] = sigmoid(z[e] as number);
      break;
  }
}

/** d := d · g′, in place, from the output a = g(z) and the input z. */
function activationBackward(
  g: ActivationName,
  alpha: number,
  a: Float32Array,
  z: Float32Array,
  d: Float32Array,
  n: number,
): void {
  switch (g) {
    case 'linear':
      break;
    case 'relu':
      for (let e = 0; e < n; e++) if (!((z[e] as number) > 0)) d[e] = 0;
      break;
    case 'leakyRelu':
      for (let e = 0; e < n; e++) if (!((z[e] as number) > 0)) d[e] = (d[e] as number) * alpha;
      break;
    case 'tanh':
      for (let e = 0; e < n; e++) {
        const v = a[e] as number;
        d[e] = (d[e] as number) * (1 - v * v);
      }
      break;
    case 'sigmoid':
      for (let e = 0; e < n; e++) {
        const v = a[e] as number;
        d[e] = (d[e] as number) * v * (1 - v);
      }
      break;
  }
}

import type { TrainingPlan } from '../compile/plan.js';
import type { LabeledData } from '../data/types.js';
import type { InspectionBuffers } from '../inspect/buffers.js';
import { labelMatrix } from '../model/losses.js';
import type { LossFunction } from '../nodes/loss.js';
import { type BufferPlan, planBuffers } from './buffer-plan.js';
import { bindKernels, type KernelChoice, type MatmulKernels } from './kernels.js';
import { correctIn, lossAndGradient } from './losses.js';
import { type FastParameter, type LoweringSources, lowerLayers, supportsFast } from './lower.js';
import type { FastLowering, FastParameterSlot, FastPass } from './lowering.js';
import { FastOptimizer } from './optimizer.js';
import { penalty } from './penalties.js';
import type { SpawnKernelHelper } from './wasm/parallel.js';

export {
  type FastInputStatistics,
  type FastParameter,
  parametersOf,
  stateOf,
  supportsFast,
} from './lower.js';

/**
 * The float32 fast executor (issue 8, "make it fast"): any graph whose kinds all have a fast lowering
 * (engine/nodes/<kind>/fast.ts), the three losses and the four spec optimizers, as loops over
 * Float32Arrays. It walks the plan's layers in topological order, one output buffer per node, and
 * back in reverse, summing gradients where an output fed several nodes (buffer-plan.ts). Every
 * buffer is made at construction for the mini-batch size; an update allocates none. The matrix
 * products run as WebAssembly SIMD where the platform has it (the buffers then live in the kernels'
 * memory, see kernels.ts), else as JS.
 */

export interface FastExecutorOptions extends LoweringSources {
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

/** Copies of the parameters (in `Network.parameters` order) and of the layers' state, in layer order. */
export interface FastValues {
  parameters: Float32Array[];
  state: Float32Array[];
}

export class FastExecutor {
  /** The matrix products in use ('simd' or 'js'). */
  readonly kernels: MatmulKernels;
  readonly parameterIds: string[];
  learningRate: number;
  private readonly lowerings: FastLowering[];
  private readonly buffers: BufferPlan;
  /** The gathered batch and the loss's gradient (the output node's gradient buffer when it has one). */
  private readonly io: { x: Float32Array; yb: Float32Array; dz: Float32Array };
  private readonly outputs: Float32Array[];
  private readonly gradients: (Float32Array | null)[];
  private readonly scratch: Float32Array[];
  /** Per node, made once the buffers are bound: its input buffers and where its inputs' gradients go. */
  private readonly inputsOf: Float32Array[][];
  private readonly dInputsOf: (Float32Array | null)[][];
  private readonly slots: FastParameterSlot[];
  private readonly stateBuffers: Float32Array[];
  private readonly optimizer: FastOptimizer;
  private readonly pass: FastPass;
  private readonly trainX: Float32Array;
  private readonly trainY: Float32Array;
  private readonly features: number;
  private readonly columns: number;
  private readonly lossFn: LossFunction;
  private readonly trainSize: number;
  private readonly batchSize: number;
  /** The parameters before the last update, kept when it was inspected (`update(…, true)`). */
  private before: Float32Array[] | null = null;
  /** Whether `before` holds the last update's starting point. */
  private kept = false;

  constructor(plan: TrainingPlan, train: LabeledData, options: FastExecutorOptions) {
    const why = supportsFast(plan);
    if (why) throw new Error(why);
    const mb = options.batchSize;
    this.batchSize = mb;
    this.lossFn = plan.loss;
    this.learningRate = plan.optimizer.learningRate;
    this.trainSize = train.m;
    this.features = train.features;
    this.trainX = train.x;
    const labels = labelMatrix(plan.loss, train);
    this.trainY = labels.values;
    this.columns = labels.columns;
    this.lowerings = lowerLayers(plan, options);
    this.buffers = planBuffers(
      plan.layers.map((l, i) => ({
        nodeId: l.nodeId,
        inputs: l.inputs,
        features: l.outputFeatures,
        trainable: (this.lowerings[i] as FastLowering).parameters().length > 0,
      })),
      plan.datasetNodeId,
      plan.outputId,
    );
    const nodes = this.buffers.nodes;
    const outputFeatures = nodes[this.buffers.output]?.features;
    if (outputFeatures !== labels.columns)
      throw new Error(`The output has ${outputFeatures} values per example, the labels ${labels.columns}.`);
    this.outputs = nodes.map((n) => new Float32Array(mb * n.features));
    this.gradients = nodes.map((n) => (n.backward ? new Float32Array(mb * n.features) : null));
    this.scratch = Array.from(
      { length: this.buffers.scratchCount },
      () => new Float32Array(mb * this.buffers.scratchFeatures),
    );
    this.io = {
      x: new Float32Array(mb * train.features),
      yb: new Float32Array(mb * labels.columns),
      dz: this.gradients[this.buffers.output] ?? new Float32Array(mb * labels.columns),
    };
    this.optimizer = new FastOptimizer(
      plan.optimizer,
      this.lowerings.flatMap((l) => l.parameters().map((p) => p.values.length)),
    );
    // Every buffer moves into the kernels' memory (SIMD) before the first update; what reads the
    // buffers is built after, from the moved views.
    const holders = [
      this.io,
      this.outputs,
      this.gradients,
      this.scratch,
      this.optimizer.v,
      this.optimizer.s,
      ...this.lowerings.flatMap((l) => [l, ...(l.holders ?? [])]),
    ];
    this.kernels = bindKernels(options.kernels ?? 'auto', holders, options.helper);
    const bufferOf = (producer: number) =>
      producer < 0 ? this.io.x : (this.outputs[producer] as Float32Array);
    this.inputsOf = nodes.map((n) => n.inputs.map(bufferOf));
    this.dInputsOf = nodes.map((n) =>
      n.inputGradients.map((g) =>
        g === null
          ? null
          : g.scratch === null
            ? (this.gradients[g.producer] ?? null)
            : (this.scratch[g.scratch] ?? null),
      ),
    );
    this.slots = this.lowerings.flatMap((l) => l.parameters());
    this.parameterIds = plan.layers.flatMap((layer, i) =>
      (this.lowerings[i] as FastLowering).parameters().map((p) => `${layer.nodeId}/${p.name}`),
    );
    this.stateBuffers = this.lowerings.flatMap((l) => l.state());
    this.pass = { kernels: this.kernels, rows: 0, training: false, stepSeed: 0 };
  }

  /** Updates taken so far. */
  get updates(): number {
    return this.optimizer.t;
  }

  /** Current parameter values (live views; copy them to keep), in `Network.parameters` order. */
  parameters(): FastParameter[] {
    return this.slots.map((s, i) => ({ id: this.parameterIds[i] as string, values: s.values }));
  }

  /** Each layer's state tensors (live views), in the plan's layer order: the tf.js layers' `state`. */
  layerState(): Float32Array[][] {
    return this.lowerings.map((l) => l.state());
  }

  /** A copy of every parameter and state tensor. */
  snapshot(): FastValues {
    return {
      parameters: this.slots.map((s) => Float32Array.from(s.values)),
      state: this.stateBuffers.map((s) => Float32Array.from(s)),
    };
  }

  /** Puts back a snapshot (e.g. the early-stopping one). */
  restore(values: FastValues): void {
    const put = (to: readonly Float32Array[], from: readonly Float32Array[], what: string) => {
      if (to.length !== from.length) throw new Error(`Expected ${to.length} ${what} tensors.`);
      to.forEach((t, i) => {
        t.set(from[i] as Float32Array);
      });
    };
    put(
      this.slots.map((s) => s.values),
      values.parameters,
      'parameter',
    );
    put(this.stateBuffers, values.state, 'state');
  }

  /** The penalty of the cost over the current weights (m: training examples). */
  penalty(): number {
    return penalty(this.slots, this.trainSize);
  }

  /**
   * Evaluation mode over a whole split: the summed loss and the number of correct predictions (null
   * without classes), in chunks of the mini-batch size. `labels` is the split's label matrix
   * (`labelMatrix`), rows of `columns` values. No parameter or state changes.
   */
  evaluate(x: Float32Array, labels: Float32Array, m: number, classes: number | null): EvaluationSums {
    const { features: n, columns: c, io } = this;
    const activation = this.outputActivation;
    let lossSum = 0;
    let correct = 0;
    for (let start = 0; start < m; start += this.batchSize) {
      const rows = Math.min(this.batchSize, m - start);
      io.x.set(x.subarray(start * n, (start + rows) * n));
      io.yb.set(labels.subarray(start * c, (start + rows) * c));
      const logits = this.forward(rows, false, 0);
      if (classes !== null) correct += correctIn(activation, logits, io.yb, rows, c);
      lossSum += lossAndGradient(this.lossFn, activation, logits, io.yb, rows, c, io.dz) * rows;
    }
    return { lossSum, correct: classes === null ? null : correct };
  }

  /**
   * One update on the training rows `indices` (at most batchSize of them), with `stepSeed` for its
   * random draws: gather → forward → loss → backward → penalty gradients → optimizer step. Returns
   * the cost J (mean loss + penalty) before the step, as the trainer reports it.
   */
  update(indices: ArrayLike<number>, stepSeed = 0, inspect = false): number {
    const rows = indices.length;
    if (rows > this.batchSize || rows === 0) throw new Error(`A mini-batch of ${rows} rows.`);
    this.gather(indices, rows);
    const logits = this.forward(rows, true, stepSeed);
    const loss = lossAndGradient(
      this.lossFn,
      this.outputActivation,
      logits,
      this.io.yb,
      rows,
      this.columns,
      this.io.dz,
    );
    this.backward();
    const cost = loss + penalty(this.slots, this.trainSize, true);
    if (inspect) this.keepParameters();
    this.kept = inspect;
    this.optimizer.step(this.slots, this.kernels.steps, this.learningRate);
    return cost;
  }

  /**
   * The last update's buffers as the inspector reads them (live views, valid until the next pass):
   * each layer's output and inputs, its parameters with their gradients (and their values before the
   * step when the update was inspected), its state.
   */
  inspection(): InspectionBuffers {
    let k = 0;
    const parameters = this.lowerings.map((l) =>
      l.parameters().map((slot) => ({ ...slot, before: (this.kept && this.before?.[k++]) || null })),
    );
    return {
      rows: this.pass.rows,
      outputs: this.outputs,
      inputs: this.inputsOf,
      parameters,
      state: this.layerState(),
      gradients: this.gradients,
    };
  }

  /** Copies every parameter before the step, into buffers made once. */
  private keepParameters(): void {
    this.before ??= this.slots.map((s) => new Float32Array(s.values.length));
    this.slots.forEach((s, i) => {
      this.before?.[i]?.set(s.values);
    });
  }

  private get outputActivation() {
    return (this.lowerings[this.buffers.output] as FastLowering).outputActivation;
  }

  private gather(indices: ArrayLike<number>, rows: number): void {
    const { features: n, columns: c, trainX, trainY } = this;
    const { x, yb } = this.io;
    for (let i = 0; i < rows; i++) {
      const r = indices[i] as number;
      for (let j = 0; j < n; j++) x[i * n + j] = trainX[r * n + j] as number;
      for (let j = 0; j < c; j++) yb[i * c + j] = trainY[r * c + j] as number;
    }
  }

  /** Runs every layer in topological order; returns the output node's buffer (the logits). */
  private forward(rows: number, training: boolean, stepSeed: number): Float32Array {
    const pass = this.pass;
    pass.rows = rows;
    pass.training = training;
    pass.stepSeed = stepSeed;
    const { lowerings, inputsOf, outputs } = this;
    for (let i = 0; i < lowerings.length; i++) lowerings[i]!.forward(inputsOf[i]!, outputs[i]!, pass);
    return this.outputs[this.buffers.output] as Float32Array;
  }

  /** Back through the nodes that need it, from ∂J/∂logits in io.dz; fills every parameter's gradient. */
  private backward(): void {
    const { nodes } = this.buffers;
    const rows = this.pass.rows;
    for (let i = nodes.length - 1; i >= 0; i--) {
      const node = nodes[i]!;
      if (!node.backward) continue;
      const d = this.gradients[i] as Float32Array;
      this.lowerings[i]!.backward(this.inputsOf[i]!, this.outputs[i]!, d, this.dInputsOf[i]!, this.pass);
      for (let k = 0; k < node.inputGradients.length; k++) {
        const g = node.inputGradients[k];
        if (!g || g.scratch === null) continue;
        const into = this.gradients[g.producer] as Float32Array;
        const from = this.scratch[g.scratch] as Float32Array;
        const n = rows * nodes[g.producer]!.features;
        for (let e = 0; e < n; e++) into[e] = (into[e] as number) + (from[e] as number);
      }
    }
  }
}

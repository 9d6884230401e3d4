import type { LayerPlan, TrainingPlan } from '../compile/plan.js';
import { product } from '../nodes/shape.js';
import type { NetworkOutput } from './loss.js';
import type { InputStatistics, ReferenceContext, ReferenceLowering, ReferenceStep } from './lowering.js';
import { asMatrix, type Matrix, matrixFrom } from './matrix.js';
import type { ReferenceParameter } from './parameters.js';
import { type BackpropRules, REFERENCE_RULES } from './rules.js';
import { accumulator } from './sum.js';

export type { InputStatistics } from './lowering.js';

/**
 * The examples the check runs on: x [m_b, n[0]] row-major (an image batch as flat rows of h·w·c,
 * channels last, as the data arrives) and y [m_b, k] as the loss reads it (labelMatrix), and m, the
 * training-set size that divides the penalty (spec §3).
 */
export interface GradCheckBatch {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** m_b, the rows of x and y. */
  examples: number;
  /** m, the training-set size. */
  m: number;
}

export interface ReferenceOptions {
  /** Needed when the plan has a Normalize layer. */
  inputStatistics?: InputStatistics;
  rules?: BackpropRules;
}

/** The forward pass: every layer's step by node id, and the output as the loss reads it. */
interface Forward {
  steps: Map<string, ReferenceStep>;
  out: NetworkOutput;
}

/** The reference lowering of a layer's kind; a kind without one is a bug (a test lists every kind). */
function loweringOf(layer: LayerPlan): ReferenceLowering<unknown> {
  const lowering = layer.kind.reference;
  if (!lowering) throw new Error(`The gradient check has no reference for ${layer.kind.kind} layers.`);
  return lowering;
}

/** Adds `d` into the gradient kept for `id`, copying it the first time (a step may hand one array to several inputs). */
function accumulate(sums: Map<string, Float64Array>, id: string, d: Float64Array): void {
  const sum = sums.get(id);
  if (!sum) sums.set(id, Float64Array.from(d));
  else for (let k = 0; k < sum.length; k++) sum[k]! += d[k] as number;
}

/**
 * The plan's network in float64, forward and backward (spec §5's reference), on any DAG: each layer's
 * kind lowers itself (engine/nodes/<kind>/reference.ts); the forward pass walks the layers in
 * topological order keeping outputs by node id, the backward pass walks them in reverse, summing ∂J/∂
 * an output over every node it fed. It reads its parameters live from `parameters`, so the check
 * perturbs an entry there and calls `cost` again. Dropout and Augment are identities.
 */
export class ReferenceNetwork {
  private readonly rules: BackpropRules;
  private readonly byId: Map<string, ReferenceParameter>;

  constructor(
    readonly plan: TrainingPlan,
    readonly parameters: readonly ReferenceParameter[],
    private readonly options: ReferenceOptions = {},
  ) {
    this.rules = options.rules ?? REFERENCE_RULES;
    this.byId = new Map(parameters.map((p) => [p.id, p]));
    for (const layer of plan.layers) loweringOf(layer);
    if (plan.needsInputStatistics && !options.inputStatistics) {
      throw new Error('The plan has a Normalize layer: pass the training split’s inputStatistics.');
    }
  }

  /** J(θ) = (1/m_b) Σ_i L(ŷ⁽ⁱ⁾, y⁽ⁱ⁾) + (λ/2m) Σ‖W‖² + (λ₁/m) Σ|w| at the current parameters. */
  cost(batch: GradCheckBatch): number {
    return this.evaluate(batch).cost;
  }

  /**
   * The size of the numbers J is computed from: |J| plus the mean Σ_j |z[L]_j| of the output logits
   * (the losses subtract terms of that size, e.g. z − logsumexp z). Rounding moves J by a few ulps of
   * this, which is what limits the two-sided difference (numerical.ts).
   */
  costScale(batch: GradCheckBatch): number {
    const { cost, out } = this.evaluate(batch);
    let logits = 0;
    for (const v of out.logits.data) logits += Math.abs(v);
    return Math.abs(cost) + logits / batch.examples;
  }

  /** J and dθ = ∂J/∂θ for every parameter (by id), by backpropagation from the loss to the input. */
  backprop(batch: GradCheckBatch): { cost: number; gradients: Map<string, Float64Array> } {
    const { cost, steps, out, y } = this.evaluate(batch);
    const gradients = new Map<string, Float64Array>();
    // dA[L] = ∂J/∂ŷ, or dZ[L] = (A[L] − Y)/m_b when the loss takes the output's sigmoid/softmax along.
    const { d, fromLogits } = this.rules.losses[this.plan.loss].gradient(out, y);
    const dOutputs = new Map<string, Float64Array>([[this.plan.outputId, d.data]]);
    for (const layer of [...this.plan.layers].reverse()) {
      const dOut = dOutputs.get(layer.nodeId);
      // A layer whose output reaches the loss by no path gets no gradient, and passes none on.
      if (!dOut) continue;
      const atLogits = fromLogits && layer.nodeId === this.plan.outputId;
      const back = (steps.get(layer.nodeId) as ReferenceStep).backward(dOut, atLogits);
      back.inputs.forEach((dx, i) => {
        const from = layer.inputs[i] as string;
        if (from !== this.plan.datasetNodeId) accumulate(dOutputs, from, dx);
      });
      for (const { parameter, gradient } of back.parameters) gradients.set(parameter.id, gradient);
    }
    // dW += (λ/m) W for L2 and (λ₁/m) sign(W) for L1.
    const { penalty } = this.rules;
    for (const p of this.parameters) {
      const g = gradients.get(p.id) ?? new Float64Array(p.values.length);
      const add = (share: Float64Array) => {
        for (let k = 0; k < g.length; k++) g[k]! += share[k] as number;
      };
      if (p.l2 > 0) add(penalty.l2Gradient(p.values, p.l2, batch.m));
      if (p.l1 > 0) add(penalty.l1Gradient(p.values, p.l1, batch.m));
      gradients.set(p.id, g);
    }
    return { cost, gradients };
  }

  /** The forward pass, the output as the loss reads it, and J. */
  private evaluate(batch: GradCheckBatch): Forward & { cost: number; y: Matrix } {
    const mb = batch.examples;
    const y = matrixFrom(batch.y, mb, batch.y.length / mb);
    const x = matrixFrom(batch.x, mb, product(this.plan.inputShape));
    const { steps, out } = this.forward(x.data, mb);
    const cost = this.rules.losses[this.plan.loss].cost(out, y) + this.penaltyCost(batch.m);
    return { cost, steps, out, y };
  }

  /** x: m_b flat examples of the plan's inputShape → every layer's step, in topological order. */
  private forward(x: Float64Array, examples: number): Forward {
    const outputs = new Map<string, Float64Array>([[this.plan.datasetNodeId, x]]);
    const steps = new Map<string, ReferenceStep>();
    for (const layer of this.plan.layers) {
      const inputs = layer.inputs.map((id) => outputs.get(id) as Float64Array);
      const step = loweringOf(layer).forward(inputs, layer.params, this.context(layer, examples));
      steps.set(layer.nodeId, step);
      outputs.set(layer.nodeId, step.output);
    }
    const last = steps.get(this.plan.outputId) as ReferenceStep;
    // ŷ, and the output layer's value before its sigmoid or softmax, for the loss (spec §13).
    const cols = last.output.length / examples;
    const yHat = asMatrix(last.output, cols);
    const out: NetworkOutput = last.logits
      ? { yHat, logits: asMatrix(last.logits.values, cols), activation: last.logits.activation }
      : { yHat, logits: yHat, activation: null };
    return { steps, out };
  }

  private context(layer: LayerPlan, examples: number): ReferenceContext {
    const { inputStatistics } = this.options;
    return {
      layer,
      examples,
      rules: this.rules,
      ...(inputStatistics ? { inputStatistics } : {}),
      parameter: (name) => this.byId.get(`${layer.nodeId}/${name}`) ?? null,
    };
  }

  private penaltyCost(m: number): number {
    const { penalty } = this.rules;
    const total = accumulator();
    for (const p of this.parameters) {
      if (p.l2 > 0) total.add(penalty.l2Cost(p.values, p.l2, m));
      if (p.l1 > 0) total.add(penalty.l1Cost(p.values, p.l1, m));
    }
    return total.value;
  }
}

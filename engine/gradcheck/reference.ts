import { firstBranch, type LayerPlan, type TrainingPlan } from '../compile/plan.js';
import type { ActivationName } from '../model/activations.js';
import type { ActivationParams } from '../nodes/activation/index.js';
import type { BatchNormParams } from '../nodes/batchnorm/index.js';
import type { DenseParams } from '../nodes/dense/index.js';
import type { BatchNormCache } from './batchnorm.js';
import type { NetworkOutput } from './loss.js';
import { type Matrix, matrixFrom } from './matrix.js';
import type { ReferenceParameter } from './parameters.js';
import { type BackpropRules, REFERENCE_RULES } from './rules.js';
import { accumulator } from './sum.js';

/** Per-feature μ and σ of the training split, the constants of a Normalize layer. */
export interface InputStatistics {
  mean: ArrayLike<number>;
  std: ArrayLike<number>;
}

/**
 * The examples the check runs on: x [m_b, n[0]] and y [m_b, k] row-major, y as the loss reads it
 * (labelMatrix), and m, the training-set size that divides the penalty (spec §3).
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

/** What one layer's forward pass keeps for its backward pass. */
type Step = { nodeId: string; input: Matrix; output: Matrix } & (
  | {
      kind: 'Dense';
      z: Matrix;
      fn: ActivationName;
      alpha: number;
      w: ReferenceParameter;
      b: ReferenceParameter | null;
    }
  | { kind: 'Activation'; fn: ActivationName; alpha: number }
  | { kind: 'BatchNorm'; cache: BatchNormCache; gamma: ReferenceParameter; beta: ReferenceParameter }
  | { kind: 'Softmax' }
  | { kind: 'Normalize'; std: ArrayLike<number> }
  /** Dropout and Augment, off for the check. */
  | { kind: 'Identity' }
);

/** ŷ, and the output layer's value before its sigmoid or softmax, for the loss (spec §13). */
function outputOf(step: Step): NetworkOutput {
  switch (step.kind) {
    case 'Dense':
      return { yHat: step.output, logits: step.z, activation: step.fn === 'sigmoid' ? 'sigmoid' : null };
    case 'Activation':
      return { yHat: step.output, logits: step.input, activation: step.fn === 'sigmoid' ? 'sigmoid' : null };
    case 'Softmax':
      return { yHat: step.output, logits: step.input, activation: 'softmax' };
    default:
      return { yHat: step.output, logits: step.output, activation: null };
  }
}

/**
 * The plan's network in float64, forward and backward, written out by hand (spec §5's reference).
 * It reads its parameters live from `parameters`, so the check perturbs an entry there and calls
 * `cost` again. Dropout and Augment are identities: the notes turn dropout off for the check.
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
    const branch = firstBranch(plan);
    if (branch) {
      throw new Error(
        `The gradient check's reference walks straight chains; ${branch.nodeId} is on a branch or merge.`,
      );
    }
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
    let { d, fromLogits } = this.rules.losses[this.plan.loss].gradient(out, y);
    const last = steps.length - 1;
    for (let l = last; l >= 0; l--) {
      d = this.backwardStep(steps[l] as Step, d, fromLogits && l === last, gradients);
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
  private evaluate(batch: GradCheckBatch): { cost: number; steps: Step[]; out: NetworkOutput; y: Matrix } {
    const { x, y } = this.matrices(batch);
    const steps = this.forward(x);
    const out = outputOf(steps[steps.length - 1] as Step);
    const cost = this.rules.losses[this.plan.loss].cost(out, y) + this.penaltyCost(batch.m);
    return { cost, steps, out, y };
  }

  private matrices(batch: GradCheckBatch): { x: Matrix; y: Matrix } {
    const mb = batch.examples;
    const features = this.plan.layers[0]?.inputFeatures ?? 0;
    return { x: matrixFrom(batch.x, mb, features), y: matrixFrom(batch.y, mb, batch.y.length / mb) };
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

  private parameter(nodeId: string, name: string): ReferenceParameter {
    const p = this.byId.get(`${nodeId}/${name}`);
    if (!p) throw new Error(`The network has no parameter ${nodeId}/${name}.`);
    return p;
  }

  private forward(x: Matrix): Step[] {
    const steps: Step[] = [];
    let a = x;
    for (const layer of this.plan.layers) {
      const step = this.forwardStep(layer, a);
      steps.push(step);
      a = step.output;
    }
    return steps;
  }

  private forwardStep(layer: LayerPlan, input: Matrix): Step {
    const { rules } = this;
    const nodeId = layer.nodeId;
    switch (layer.kind.kind) {
      case 'Dense': {
        // z = a_prev W + b, a = g(z). With BatchNorm next, the plan drops b (β replaces it, spec §12).
        const params = layer.params as DenseParams;
        const w = this.parameter(nodeId, 'W');
        const b = this.byId.get(`${nodeId}/b`) ?? null;
        const z = rules.dense.forward(
          input,
          { rows: w.shape[0]!, cols: w.shape[1]!, data: w.values },
          b?.values ?? null,
        );
        const output = rules.activation.forward(params.activation, z, params.leakyAlpha);
        return {
          kind: 'Dense',
          nodeId,
          input,
          z,
          output,
          fn: params.activation,
          alpha: params.leakyAlpha,
          w,
          b,
        };
      }
      case 'Activation': {
        const { fn, alpha } = layer.params as ActivationParams;
        return {
          kind: 'Activation',
          nodeId,
          input,
          output: rules.activation.forward(fn, input, alpha),
          fn,
          alpha,
        };
      }
      case 'BatchNorm': {
        const gamma = this.parameter(nodeId, 'gamma');
        const beta = this.parameter(nodeId, 'beta');
        const { epsilon } = layer.params as BatchNormParams;
        const { out, cache } = rules.batchNorm.forward(input, gamma.values, beta.values, epsilon);
        return { kind: 'BatchNorm', nodeId, input, output: out, cache, gamma, beta };
      }
      case 'Softmax':
        return { kind: 'Softmax', nodeId, input, output: rules.softmax.forward(input) };
      case 'Normalize': {
        const { mean, std } = this.options.inputStatistics!;
        return { kind: 'Normalize', nodeId, input, output: rules.normalize.forward(input, mean, std), std };
      }
      case 'Dropout':
      case 'Augment':
        return { kind: 'Identity', nodeId, input, output: input };
      default:
        throw new Error(`The gradient check has no reference for ${layer.kind.kind} layers.`);
    }
  }

  /**
   * One layer's backward step: takes ∂J/∂(its output) — or ∂J/∂z of the output layer when
   * `atLogits` — stores its parameters' gradients, and returns ∂J/∂(its input).
   */
  private backwardStep(
    step: Step,
    d: Matrix,
    atLogits: boolean,
    gradients: Map<string, Float64Array>,
  ): Matrix {
    const { rules } = this;
    switch (step.kind) {
      case 'Dense': {
        const dZ = atLogits ? d : rules.activation.backward(step.fn, d, step.z, step.output, step.alpha);
        const w = { rows: step.w.shape[0]!, cols: step.w.shape[1]!, data: step.w.values };
        const { dW, db, dAPrev } = rules.dense.backward(dZ, step.input, w);
        gradients.set(step.w.id, dW.data);
        if (step.b) gradients.set(step.b.id, db);
        return dAPrev;
      }
      case 'Activation':
        return atLogits ? d : rules.activation.backward(step.fn, d, step.input, step.output, step.alpha);
      case 'BatchNorm': {
        const { dZ, dGamma, dBeta } = rules.batchNorm.backward(d, step.cache, step.gamma.values);
        gradients.set(step.gamma.id, dGamma);
        gradients.set(step.beta.id, dBeta);
        return dZ;
      }
      case 'Softmax':
        return atLogits ? d : rules.softmax.backward(d, step.output);
      case 'Normalize':
        return rules.normalize.backward(d, step.std);
      case 'Identity':
        return d;
    }
  }
}

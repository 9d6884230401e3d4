/**
 * What a layer kind gives the float64 gradient-check reference: its forward pass from its input
 * tensors, holding what its backward pass needs, and that backward pass. Each kind implements it in
 * its own folder (`engine/nodes/<kind>/reference.ts`); ReferenceNetwork walks the plan's DAG with it
 * and knows no kind by name.
 *
 * Every tensor is a flat Float64Array of m_b examples, row-major and channels last, exactly as tf.js
 * lays out [m_b, ...shape]: an image batch [m_b, 8, 8, 1] is 64·m_b values. The per-example shapes
 * are the LayerPlan's `inputShapes` and `outputShape`.
 */
import type { LayerPlan } from '../compile/plan.js';
import type { ReferenceParameter } from './parameters.js';
import type { BackpropRules } from './rules.js';

/** Per-feature μ and σ of the training split, the constants of a Normalize layer. */
export interface InputStatistics {
  mean: ArrayLike<number>;
  std: ArrayLike<number>;
}

/** What a node's reference lowering is given besides its inputs. */
export interface ReferenceContext {
  /** The node as planned: id, params, per-example shapes in and out, whether its bias was dropped. */
  layer: LayerPlan;
  /** m_b, the examples in every tensor. */
  examples: number;
  /** The forward and backward rules to use: the correct ones, or a test's broken copy. */
  rules: BackpropRules;
  /** μ and σ of the training split, when the plan has a Normalize layer. */
  inputStatistics?: InputStatistics;
  /**
   * The node's parameter called `name` ('W', 'b', 'gamma', 'beta'), or null when the network has none
   * (a bias left out or dropped for a BatchNorm). Its values are live: the check perturbs them.
   */
  parameter(name: string): ReferenceParameter | null;
}

/** ∂J/∂θ for one of the node's parameters, shaped as its values. */
export interface ParameterGradient {
  parameter: ReferenceParameter;
  gradient: Float64Array;
}

/** A node's backward pass: ∂J/∂ each input (in input order, shaped as that input) and its parameters'. */
export interface ReferenceGradients {
  inputs: Float64Array[];
  parameters: ParameterGradient[];
}

/**
 * The value before a sigmoid or softmax the node ends in. Where the node is the network's output, a
 * cross-entropy loss reads these logits and differentiates itself and the non-linearity together
 * (spec §13), as the trainer does.
 */
export interface ReferenceLogits {
  values: Float64Array;
  activation: 'sigmoid' | 'softmax';
}

/** One node's forward pass, keeping what its backward pass needs (its cache) in the closure. */
export interface ReferenceStep {
  /** [m_b, ...outputShape], flat. */
  output: Float64Array;
  logits?: ReferenceLogits;
  /**
   * From ∂J/∂output — or ∂J/∂logits when `atLogits` (the loss took the sigmoid or softmax along) —
   * to ∂J/∂ each input and ∂J/∂ each parameter. No 1/m_b here: ∂J/∂output already carries the mean's.
   */
  backward(dOutput: Float64Array, atLogits: boolean): ReferenceGradients;
}

/** A layer kind's float64 reference: one forward pass per call, each with its own backward. */
export interface ReferenceLowering<P> {
  /** [m_b, ...inputShapes[i]] for each input → the step. */
  forward(inputs: readonly Float64Array[], params: P, ctx: ReferenceContext): ReferenceStep;
  /**
   * The params the check runs the kind with, when they differ from training's: Dropout at
   * keep_prob 1 and Augment without shifts or flips, since J is not well defined with them on.
   * The tf.js cross-check builds its copy of the network with these.
   */
  paramsForCheck?(params: P): P;
  /** A line for the report on how the check treats this node, e.g. that it is off (identity). */
  note?(params: P, nodeId: string): string;
}

/** ∂J/∂input = ∂J/∂output: the backward pass of a node whose output is its only input, unchanged. */
export function passThrough(output: Float64Array): ReferenceStep {
  return { output, backward: (d) => ({ inputs: [d], parameters: [] }) };
}

/** ctx.parameter(name), which the network must have (a Dense's W, a BatchNorm's γ). */
export function requiredParameter(ctx: ReferenceContext, name: string): ReferenceParameter {
  const p = ctx.parameter(name);
  if (!p) throw new Error(`The network has no parameter ${ctx.layer.nodeId}/${name}.`);
  return p;
}

import type { LayerPlan } from '../compile/plan.js';
import type { OutputActivation } from '../model/losses.js';
import type { MatmulKernels } from './kernels.js';

/**
 * How one layer kind runs on the float32 fast executor (engine/fast): each kind's folder has a
 * `fast.ts` whose lowering the executor makes once per node, sized for the largest mini-batch, then
 * calls forward and backward on flat row-major Float32Arrays (channels last, as the data arrives):
 * an input of per-example shape [8, 8, 1] is `rows × 64` values. Nothing is allocated per update.
 *
 * Buffers: the SIMD products run on views of one WebAssembly memory, so the executor moves every
 * Float32Array *own property* of each lowering (and of each object in `holders`) into that memory
 * once, before the first pass (`bindKernels`). A lowering therefore keeps each buffer it hands to a
 * product as an own property, reads it through `this` at run time (never a copy captured in a
 * closure), and builds `parameters()` and `state()` from its properties when they are called.
 */
export interface FastLowering {
  /**
   * Inputs (one per producer, in the plan's input order) → output, for `pass.rows` examples. In
   * training, a layer with state updates it here (BatchNorm's moving averages).
   */
  forward(inputs: readonly Float32Array[], output: Float32Array, pass: FastPass): void;
  /**
   * ∂J/∂output (`dOutput`, which the lowering may overwrite) → ∂J/∂each input, written over
   * `dInputs[i]` (null where that input needs no gradient), and the parameters' gradients (overwritten:
   * the executor adds the penalties' after). Runs after this pass's forward, with the same buffers.
   */
  backward(
    inputs: readonly Float32Array[],
    output: Float32Array,
    dOutput: Float32Array,
    dInputs: readonly (Float32Array | null)[],
    pass: FastPass,
  ): void;
  /**
   * Trainable tensors in `Network.parameters` order (the tf.js layer's names: W, b, gamma, beta), as
   * the lowering holds them now. Called once the buffers are bound.
   */
  parameters(): FastParameterSlot[];
  /**
   * Non-trainable state in the tf.js layer's `state` order (BatchNorm: moving μ, moving σ², the
   * update count), as the lowering holds it now; the executor copies it for snapshots and into the
   * tf.js network's state variables.
   */
  state(): Float32Array[];
  /** The output non-linearity the loss applies to this layer's logits when it is the output. */
  readonly outputActivation: OutputActivation;
  /** Inner objects whose Float32Array properties the products use too (e.g. an im2col workspace). */
  readonly holders?: readonly object[];
}

/** A trainable tensor and its gradient, with the penalties that apply to it. */
export interface FastParameterSlot {
  name: string;
  values: Float32Array;
  gradient: Float32Array;
  l2: number;
  l1: number;
}

/** What one pass over the layers runs with; the executor reuses one object for every pass. */
export interface FastPass {
  kernels: MatmulKernels;
  /** Examples in this pass (at most the batch size the lowering was made for). */
  rows: number;
  /** Training (dropout, augmentation and batch statistics on) or evaluation. */
  training: boolean;
  /** Seed of this update's random draws, as the tf.js forward pass gets it (engine/nodes/draws.ts). */
  stepSeed: number;
}

/** What a lowering is made from (besides its kind's params). */
export interface FastLoweringContext {
  /** The node as the plan has it: id, inputs, per-example shapes, dropBias. */
  layer: LayerPlan;
  /** The largest mini-batch a pass gets: buffers are sized for it. */
  batchSize: number;
  /** This layer feeds the loss: where it ends in sigmoid or softmax, its output is the logits. */
  isOutput: boolean;
  /**
   * A copy of this layer's next initial parameter, which must be called `name` and hold `length`
   * values (parameters are taken in `Network.parameters` order).
   */
  parameter(name: string, length: number): Float32Array;
  /** A copy of the initial value of this layer's `index`-th state tensor, or zeros when none was given. */
  state(index: number, length: number): Float32Array;
  /** Normalize's μ and σ (featureStatistics of the training split). */
  inputStatistics?: { mean: Float32Array; std: Float32Array };
}

/** Makes a kind's lowering for one node. */
export type FastLoweringFactory<P> = (params: P, ctx: FastLoweringContext) => FastLowering;

/** A lowering with no parameters and no state (most kinds): only forward and backward to write. */
export abstract class StatelessLowering implements FastLowering {
  readonly outputActivation: OutputActivation = null;

  abstract forward(inputs: readonly Float32Array[], output: Float32Array, pass: FastPass): void;

  abstract backward(
    inputs: readonly Float32Array[],
    output: Float32Array,
    dOutput: Float32Array,
    dInputs: readonly (Float32Array | null)[],
    pass: FastPass,
  ): void;

  parameters(): FastParameterSlot[] {
    return [];
  }

  state(): Float32Array[] {
    return [];
  }
}

import type * as tf from '@tensorflow/tfjs';
import type { z } from 'zod';
import type { DataDescription } from '../data/types.js';
import type { ExportLowering } from '../export/lowering.js';
import type { FastLoweringFactory } from '../fast/lowering.js';
import type { ReferenceLowering } from '../gradcheck/lowering.js';
import type { InspectionHooks } from '../inspect/hooks.js';
import type { Problem } from '../problems.js';
import type { Random } from '../random.js';
import type { Scale } from '../search/scales.js';

/**
 * What a port carries. Edges only join ports of one type: tensors flow between layers, labels from
 * the data set to the loss, and the loss, optimizer and schedule into the Training node.
 */
export type PortType = 'tensor' | 'labels' | 'loss' | 'optimizer' | 'schedule';

export interface PortSpec {
  name: string;
  type: PortType;
  /** An optional input may stay unconnected (e.g. the optimizer's schedule). */
  optional?: boolean;
  /** A merge input (Add, Concatenate) takes several edges, in the document's edge order. */
  multiple?: boolean;
}

/** Text shown to users, in English and Simplified Chinese (the language of the notes). */
export interface LocalizedText {
  en: string;
  zh: string;
}

/**
 * What flows along a tensor edge, per example (the mini-batch axis m is left out): [20] for features,
 * [28, 28, 1] for an image (height, width, channels: channels last). `dims` is null while unknown (a
 * CSV not read yet, or a layer before it with invalid params).
 */
export interface TensorShape {
  dims: readonly number[] | null;
}

/** What flows along a labels edge: class indices (classes = C) or `targets` regression columns. */
export interface LabelShape {
  classes: number | null;
  targets: number;
}

/** A hyperparameter range and the scale it is sampled on (engine/search/scales.ts). */
export interface SearchRange {
  scale: Scale;
  min: number;
  max: number;
}

export type Category = 'Data' | 'Layers' | 'Regularization' | 'Training';

export interface NodeKindBase<P> {
  kind: string;
  category: Category;
  title: LocalizedText;
  /** One line from the notes on how to use it (e.g. He for ReLU). */
  hint: LocalizedText;
  /** The formula the node computes, in LaTeX, as spec.md writes it. */
  formula: string;
  /** The formula for these (parsed) params, e.g. the chosen optimizer's update; default `formula`. */
  formulaFor?(params: P): string;
  /** Params with defaults: `params.parse({})` gives a complete, valid set. */
  params: z.ZodType<P>;
  inputs: readonly PortSpec[];
  outputs: readonly PortSpec[];
  /**
   * The search range the notes suggest for a numeric param (spec §11), from its current value: Dense
   * units 10 → int [5, 20]. Params without one need an explicit scale:min:max.
   */
  suggestedRanges?: Readonly<Record<string, (current: number) => SearchRange>>;
  /** Key params for the node card in a language, e.g. "20 units · relu · he", "20 个单元 · relu · he". */
  summary(params: P, language?: keyof LocalizedText): string;
}

export interface ShapeContext {
  nodeId: string;
  /** The node (or data set) feeding each input, in order, for messages. */
  inputIds: readonly string[];
  /** The data set feeding the network, when known. */
  data: DataDescription | null;
  /** True when this layer takes the data set's output directly (only preprocessing between). */
  isFirstLayer: boolean;
}

export type ShapeResult = { shape: TensorShape; problems: Problem[] };

/** What a layer's forward pass needs to know about the step it runs in. */
export interface ForwardContext {
  training: boolean;
  /** Seed for this update's random masks (dropout, augmentation): deterministic per (run, step). */
  stepSeed: number;
  /** The last layer returns its pre-activation z when it ends in sigmoid or softmax, so the loss is computed stably from z. */
  returnLogits: boolean;
}

/** A trainable tensor of a layer, e.g. W or b, with the penalties that apply to it. */
export interface LayerParameter {
  name: string;
  variable: tf.Variable;
  l2: number;
  l1: number;
}

/** The stock tf.js layers that reproduce a trained layer at inference, with their weights. */
export interface ExportedLayer {
  layer: tf.layers.Layer;
  weights: tf.Tensor[];
}

/** A compiled layer: variables plus a forward pass, owned by a Network. */
export interface Layer {
  nodeId: string;
  kind: string;
  parameters: LayerParameter[];
  /** Non-trainable state kept with the model (batch norm's running μ and σ²). */
  state: tf.Variable[];
  /** [m, ...in] (one tensor per input; merges take several) → [m, ...out]. */
  forward(inputs: readonly tf.Tensor[], ctx: ForwardContext): tf.Tensor;
  /** Output non-linearity applied after `returnLogits` was used: 'sigmoid', 'softmax' or null. */
  outputActivation: 'sigmoid' | 'softmax' | null;
  /**
   * Stock tf.js layers that compute this layer at inference, applied in order: the first to the
   * layer's inputs (a list for a merge), each next one to the output before it.
   */
  toExport(): ExportedLayer[];
  dispose(): void;
}

export interface BuildContext {
  nodeId: string;
  /** Per-example shape of each input, e.g. [[8, 8, 1]]. */
  inputShapes: readonly (readonly number[])[];
  /** Per-example shape of the output. */
  outputShape: readonly number[];
  /** Values per example of the first input (h·w·c for an image). */
  inputFeatures: number;
  random: Random;
  /** Per-feature μ and σ of the training split's inputs, for Normalize (spec §1). */
  inputStatistics?: { mean: Float32Array; std: Float32Array };
  /** BatchNorm follows this layer: its β replaces the bias b (spec §12). */
  dropBias: boolean;
}

/** A node kind that transforms the tensor flowing through the network. */
export interface LayerKind<P> extends NodeKindBase<P> {
  role: 'layer';
  /** Per-example shapes in → shape out, with problems (inputs are known, in edge order). */
  inferShape(inputs: readonly TensorShape[], params: P, ctx: ShapeContext): ShapeResult;
  /** Normalize: the run computes μ and σ of the training inputs for it. */
  needsInputStatistics?: boolean;
  /** Preprocessing (Normalize, Augment): the layer after it still counts as the first layer. */
  preprocessing?: boolean;
  /** BatchNorm: its β replaces the bias of a layer feeding only it (spec §12). */
  replacesBias?: boolean;
  /**
   * Trainable values and non-trainable state for these per-example shapes, for the memory estimate
   * (kinds without parameters leave it out). Dense [2] → [5]: 2·5 + 5 trainable.
   */
  countParameters?(
    params: P,
    inputs: readonly (readonly number[])[],
    output: readonly number[],
  ): { trainable: number; state: number };
  /** Dense: whether its bias may be dropped for a following BatchNorm (only with no g of its own). */
  biasDroppable?(params: P): boolean;
  /** The activation this layer ends in, for checking it against the loss. */
  endsIn(params: P): 'sigmoid' | 'softmax' | 'other';
  build(params: P, ctx: BuildContext): Layer;
  /** Its float64 forward and backward for the gradient check (reference.ts in the kind's folder). */
  reference?: ReferenceLowering<P>;
  /** Its ONNX and PyTorch forms and how it reads its trained numbers (`<kind>/export.ts`). */
  export?: ExportLowering<P, unknown>;
  /** Its float32 forward and backward on the fast executor (engine/fast; the kind's fast.ts). */
  fast?: FastLoweringFactory<P>;
  /** What the layer inspector (engine/inspect) reads of it: its g, its batch statistics. */
  inspect?: InspectionHooks<P>;
}

/** A node kind that configures the run rather than transforming tensors. */
export interface SettingsKind<P> extends NodeKindBase<P> {
  role: 'dataset' | 'loss' | 'optimizer' | 'schedule' | 'training';
}

// biome-ignore lint/suspicious/noExplicitAny: the registry holds kinds of every params type.
export type AnyLayerKind = LayerKind<any>;
// biome-ignore lint/suspicious/noExplicitAny: as above.
export type AnySettingsKind = SettingsKind<any>;
export type AnyNodeKind = AnyLayerKind | AnySettingsKind;

export const TENSOR_IN: PortSpec = { name: 'in', type: 'tensor' };
export const TENSOR_OUT: PortSpec = { name: 'out', type: 'tensor' };

/** Shape passes through unchanged (activations, dropout, batch norm). */
export const sameShape = (inputs: readonly TensorShape[]): ShapeResult => ({
  shape: inputs[0] ?? { dims: null },
  problems: [],
});

import type * as tf from '@tensorflow/tfjs';
import type { z } from 'zod';
import type { DataDescription } from '../data/types.js';
import type { Problem } from '../problems.js';
import type { Random } from '../random.js';

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
}

/** Text shown to users, in English and Simplified Chinese (the language of the notes). */
export interface LocalizedText {
  en: string;
  zh: string;
}

/** What flows along a tensor edge: [m, features]. `features` is null while unknown (CSV not read yet). */
export interface TensorShape {
  features: number | null;
  /** Set while the tensor still is an image (flattened h·w·c), for Augment. */
  imageShape?: [number, number, number];
}

/** What flows along a labels edge: class indices (classes = C) or `targets` regression columns. */
export interface LabelShape {
  classes: number | null;
  targets: number;
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
  /** Params with defaults: `params.parse({})` gives a complete, valid set. */
  params: z.ZodType<P>;
  inputs: readonly PortSpec[];
  outputs: readonly PortSpec[];
  /** Key params for the node card, e.g. "20 units · relu · He". */
  summary(params: P): string;
}

export interface ShapeContext {
  nodeId: string;
  /** The data set feeding the network, when known. */
  data: DataDescription | null;
  /** True when this layer takes the data set's output directly (no layer between). */
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
  /** [m, nIn] → [m, nOut]. */
  forward(x: tf.Tensor2D, ctx: ForwardContext): tf.Tensor2D;
  /** Output non-linearity applied after `returnLogits` was used: 'sigmoid', 'softmax' or null. */
  outputActivation: 'sigmoid' | 'softmax' | null;
  toExport(): ExportedLayer[];
  dispose(): void;
}

export interface BuildContext {
  nodeId: string;
  inputFeatures: number;
  random: Random;
  imageShape?: [number, number, number];
  /** Per-feature μ and σ of the training split's inputs, for Normalize (spec §1). */
  inputStatistics?: { mean: Float32Array; std: Float32Array };
  /** BatchNorm follows this layer: its β replaces the bias b (spec §12). */
  dropBias: boolean;
}

/** A node kind that transforms the tensor flowing through the network. */
export interface LayerKind<P> extends NodeKindBase<P> {
  role: 'layer';
  inferShape(input: TensorShape, params: P, ctx: ShapeContext): ShapeResult;
  /** The activation this layer ends in, for checking it against the loss. */
  endsIn(params: P): 'sigmoid' | 'softmax' | 'other';
  build(params: P, ctx: BuildContext): Layer;
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

/** Shape passes through unchanged (activations, dropout, batch norm, softmax). */
export const sameShape = (input: TensorShape): ShapeResult => ({ shape: input, problems: [] });

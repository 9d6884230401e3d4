import type { LayerSpec, SequentialSpec } from '../engine/document/build.js';
import type { LocalizedText } from '../engine/nodes/types.js';

// What every lesson file shares: the lesson's shape and the layers, losses and optimizers the
// lessons are written with.

/** One graph of a lesson: the lesson's network with one setting changed. */
export interface PresetVariant {
  label: string;
  file: string;
  spec: SequentialSpec;
}

/** A lesson of the notes as presets: what it shows, what to look at, what to try next. */
export interface Lesson {
  id: string;
  /** Section of the notes it comes from; empty for a lesson beyond them (convolution). */
  notes: string;
  title: LocalizedText;
  shows: LocalizedText;
  lookAt: LocalizedText;
  tryNext: LocalizedText;
  variants: PresetVariant[];
}

export const dense = (units: number, params: Record<string, unknown> = {}, id?: string): LayerSpec => ({
  kind: 'Dense',
  ...(id ? { id } : {}),
  params: { units, activation: 'relu', initializer: 'he', ...params },
});
export const sigmoidOut = (params: Record<string, unknown> = {}): LayerSpec =>
  dense(1, { activation: 'sigmoid', ...params }, 'output');
export const bce = { fn: 'binaryCrossEntropy' };
export const adam = (learningRate: number) => ({
  algorithm: 'adam',
  learningRate,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
});
export const gd = (learningRate: number) => ({ algorithm: 'gd', learningRate });
/** Two interleaved half moons, 180 train / 60 dev / 60 test: the notes' running example. */
export const moons = {
  source: { kind: 'generator', name: 'moons', n: 300, noise: 0.2 },
  split: 'auto',
  seed: 3,
};

import { Activation } from './activation/index.js';
import { Add } from './add/index.js';
import { Augment } from './augment/index.js';
import { BatchNorm } from './batchnorm/index.js';
import { Concatenate } from './concatenate/index.js';
import { Conv2D } from './conv2d/index.js';
import { Dataset } from './dataset.js';
import { Dense } from './dense/index.js';
import { Dropout } from './dropout/index.js';
import { Flatten } from './flatten/index.js';
import { Loss } from './loss.js';
import { Normalize } from './normalize/index.js';
import { Optimizer } from './optimizer.js';
import { AveragePool2D, MaxPool2D } from './pooling/index.js';
import { Schedule } from './schedule.js';
import { Softmax } from './softmax/index.js';
import { Training } from './training.js';
import type { AnyLayerKind, AnyNodeKind } from './types.js';

/** Every node kind, in palette order. The renderer keys its node views by the same `kind`. */
export const NODE_KINDS: readonly AnyNodeKind[] = [
  Dataset,
  Normalize,
  Augment,
  Dense,
  Activation,
  Conv2D,
  MaxPool2D,
  AveragePool2D,
  Flatten,
  Add,
  Concatenate,
  BatchNorm,
  Dropout,
  Softmax,
  Loss,
  Optimizer,
  Schedule,
  Training,
];

const byKind = new Map(NODE_KINDS.map((k) => [k.kind, k]));

export function nodeKind(kind: string): AnyNodeKind | undefined {
  return byKind.get(kind);
}

/** Whether a document node (by its kind name) plays this role: hasRole('Training', 'training'). */
export function hasRole(kind: string, role: AnyNodeKind['role']): boolean {
  return byKind.get(kind)?.role === role;
}

export function isLayerKind(kind: AnyNodeKind): kind is AnyLayerKind {
  return kind.role === 'layer';
}

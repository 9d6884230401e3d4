import { compileGraph, type TrainingPlan } from '../engine/compile/plan.js';
import { prepareRun } from '../engine/compile/prepare.js';
import type { DataSplits } from '../engine/data/types.js';
import type { SequentialSpec } from '../engine/document/build.js';
import { sequentialDocument } from '../engine/document/build.js';
import type { GraphDocument } from '../engine/document/schema.js';
import { randomExamples } from '../engine/testing/random-graphs.js';
import { presetDocuments } from '../presets/lessons.js';

/**
 * The benchmark's graphs beyond the four MLPs (issue 16): the batch-norm lesson's network, the
 * dropout lesson's, the residual lesson's, and a LeNet-style CNN on 28×28 images. Each carries the
 * same network for the PyTorch peer (bench/torch_peer.py builds it from `torch`), trained there with
 * PyTorch's own modules and optimizer on random data of the same shape and size.
 */

/** A layer of the PyTorch peer: bench/torch_peer.py's `layers()` reads these. */
export type TorchLayer =
  | ['linear', number, number]
  | ['relu']
  | ['batchnorm', number]
  | ['dropout', number]
  | ['residual', TorchLayer[]]
  | ['conv', number, number, number, 'same' | 'valid']
  | ['maxpool', number]
  | ['flatten'];

export interface TorchNet {
  /** Features per example, or [channels, height, width] for images. */
  input: number | [number, number, number];
  layers: TorchLayer[];
  output: 'sigmoid' | 'softmax';
  optimizer: { algorithm: 'adam' | 'momentum' | 'gd'; learningRate: number; beta?: number };
}

export interface LessonGraph {
  id: string;
  title: string;
  batchSize: number | 'full';
  doc: GraphDocument;
  torch: TorchNet;
  /** tf.js trains it too slowly to time (a convolution: no WASM kernel, ~0.2 updates/s on CPU). */
  skipTfjs?: boolean;
  /** Trains on IMAGES (prepareBenchGraph), not on its Dataset node. */
  images?: boolean;
}

function preset(file: string): GraphDocument {
  const doc = presetDocuments().find((p) => p.file === file)?.doc;
  if (!doc) throw new Error(`${file} missing`);
  return doc;
}

/** The residual lesson's block: relu(x + Dense(relu(Dense(x)))), 16 wide. */
const block: TorchLayer = ['residual', [['linear', 16, 16], ['relu'], ['linear', 16, 16]]];

/** LeNet-5 style, as bench/quick-fast.ts and the Fashion-MNIST lesson: 61,706 parameters. */
function leNetDoc(): GraphDocument {
  const spec: SequentialSpec = {
    name: 'LeNet-style CNN',
    layers: [
      { kind: 'Conv2D', params: { filters: 6, kernelSize: 5, padding: 'same', activation: 'relu' } },
      { kind: 'MaxPool2D', params: { poolSize: 2, stride: 2 } },
      { kind: 'Conv2D', params: { filters: 16, kernelSize: 5, padding: 'valid', activation: 'relu' } },
      { kind: 'MaxPool2D', params: { poolSize: 2, stride: 2 } },
      { kind: 'Flatten' },
      { kind: 'Dense', params: { units: 120 } },
      { kind: 'Dense', params: { units: 84 } },
      { kind: 'Dense', params: { units: 10, activation: 'linear' } },
      { kind: 'Softmax' },
    ],
    loss: { fn: 'categoricalCrossEntropy' },
    optimizer: { algorithm: 'adam', learningRate: 0.001 },
    training: { batchMode: 'mini', batchSize: 64, epochs: 1 },
  };
  return sequentialDocument(spec);
}

/** The CNN's data: 1,024 random 28×28 grey images of 10 classes (no download; only speed is timed). */
const IMAGES = {
  features: 784,
  classes: 10,
  targets: 1,
  m: 1024,
  imageShape: [28, 28, 1] as [number, number, number],
};

/**
 * A bench graph's plan and splits: through prepareRun (its Dataset node), or, for the CNN, compiled
 * against IMAGES with seeded random examples (the inline source has no image shape).
 */
export async function prepareBenchGraph(graph: {
  id: string;
  doc: GraphDocument;
  images?: boolean;
}): Promise<{
  plan: TrainingPlan;
  splits: DataSplits;
}> {
  if (graph.images) {
    const plan = compileGraph(graph.doc, IMAGES);
    if (!plan.ok) throw new Error(`${graph.id}: ${plan.problems.map((p) => p.message).join('; ')}`);
    const train = randomExamples(IMAGES, IMAGES.m, 7);
    const none = { ...train, m: 0, x: new Float32Array(0), y: new Float32Array(0) };
    return { plan: plan.value, splits: { train, dev: none, test: none } };
  }
  const prepared = await prepareRun(graph.doc);
  if (!prepared.ok) throw new Error(`${graph.id}: ${prepared.problems.map((p) => p.message).join('; ')}`);
  return prepared.value;
}

export function lessonGraphs(): LessonGraph[] {
  return [
    {
      id: 'lesson-batch-norm',
      title: 'batch-norm lesson [2, 4×(32 → BN → ReLU), 1], m_b 64',
      batchSize: 64,
      doc: preset('batch-norm-bn.netcanvas.json'),
      torch: {
        input: 2,
        layers: [2, 32, 32, 32]
          .flatMap((n): TorchLayer[] => [['linear', n, 32], ['batchnorm', 32], ['relu']])
          .concat([['linear', 32, 1]]),
        output: 'sigmoid',
        optimizer: { algorithm: 'momentum', learningRate: 0.05, beta: 0.9 },
      },
    },
    {
      id: 'lesson-dropout',
      title: 'dropout lesson [2, 20, 3, 1], keep 0.86, full batch',
      batchSize: 'full',
      doc: preset('regularization-dropout.netcanvas.json'),
      torch: {
        input: 2,
        layers: [
          ['linear', 2, 20],
          ['relu'],
          ['dropout', 0.14],
          ['linear', 20, 3],
          ['relu'],
          ['dropout', 0.14],
          ['linear', 3, 1],
        ],
        output: 'sigmoid',
        optimizer: { algorithm: 'gd', learningRate: 0.3 },
      },
    },
    {
      id: 'lesson-residual',
      title: 'residual lesson [2, 16, 7 residual blocks, 1], m_b 64',
      batchSize: 64,
      doc: preset('residual-skip.netcanvas.json'),
      torch: {
        input: 2,
        layers: [['linear', 2, 16], ['relu'], ...Array.from({ length: 7 }, () => block), ['linear', 16, 1]],
        output: 'sigmoid',
        optimizer: { algorithm: 'adam', learningRate: 0.01 },
      },
    },
    {
      id: 'lenet-28',
      title: 'LeNet-style CNN on 28×28×1, m_b 64',
      batchSize: 64,
      doc: leNetDoc(),
      skipTfjs: true,
      images: true,
      torch: {
        input: [1, 28, 28],
        layers: [
          ['conv', 1, 6, 5, 'same'],
          ['relu'],
          ['maxpool', 2],
          ['conv', 6, 16, 5, 'valid'],
          ['relu'],
          ['maxpool', 2],
          ['flatten'],
          ['linear', 400, 120],
          ['relu'],
          ['linear', 120, 84],
          ['relu'],
          ['linear', 84, 10],
        ],
        output: 'softmax',
        optimizer: { algorithm: 'adam', learningRate: 0.001 },
      },
    },
  ];
}

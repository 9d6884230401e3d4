import type { SequentialSpec } from '../engine/document/build.js';
import { sequentialDocument } from '../engine/document/build.js';
import type { GraphDocument } from '../engine/document/schema.js';

/** A reference graph of the benchmark: a network, its data and mini-batch size. */
export interface BenchGraph {
  id: string;
  title: string;
  /** Layer widths n[0..L], for the FLOP count and the PyTorch peer. */
  widths: number[];
  hidden: 'relu';
  output: 'sigmoid' | 'softmax';
  batchSize: number | 'full';
  doc: GraphDocument;
}

const dense = (units: number, activation = 'relu') => ({ kind: 'Dense', params: { units, activation } });

function graph(
  id: string,
  title: string,
  widths: number[],
  output: 'sigmoid' | 'softmax',
  batchSize: number | 'full',
  dataset: Record<string, unknown>,
): BenchGraph {
  const hidden = widths.slice(1, -1).map((u) => dense(u));
  const last = widths[widths.length - 1] as number;
  const layers =
    output === 'sigmoid'
      ? [...hidden, dense(1, 'sigmoid')]
      : [...hidden, dense(last, 'linear'), { kind: 'Softmax' }];
  const spec: SequentialSpec = {
    name: title,
    dataset,
    layers,
    loss: { fn: output === 'sigmoid' ? 'binaryCrossEntropy' : 'categoricalCrossEntropy' },
    optimizer: { algorithm: 'adam', learningRate: 0.001 },
    training:
      batchSize === 'full' ? { batchMode: 'full', epochs: 1 } : { batchMode: 'mini', batchSize, epochs: 1 },
  };
  return { id, title, widths, hidden: 'relu', output, batchSize, doc: sequentialDocument(spec) };
}

/** Synthetic 784-feature, 10-class data for the wide MLP (MNIST-sized, no download). */
export function wideData(m: number, seed: number): { x: number[][]; y: number[] } {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const x = Array.from({ length: m }, () => Array.from({ length: 784 }, () => next()));
  const y = Array.from({ length: m }, () => Math.floor(next() * 10));
  return { x, y };
}

export function benchGraphs(): BenchGraph[] {
  const wide = wideData(2560, 7);
  return [
    graph('moons-2-5-2-1', "notes' [2, 5, 2, 1] on moons, m_b 64", [2, 5, 2, 1], 'sigmoid', 64, {
      source: { kind: 'generator', name: 'moons', n: 300, noise: 0.2 },
      split: { dev: 0, test: 0 },
    }),
    graph('noisy-2-20-3-1', '[2, 20, 3, 1] full batch', [2, 20, 3, 1], 'sigmoid', 'full', {
      source: { kind: 'generator', name: 'noisy', n: 300 },
      split: { dev: 0, test: 0 },
    }),
    graph('digits-64-25-12-10', 'digits [64, 25, 12, 10], m_b 32', [64, 25, 12, 10], 'softmax', 32, {
      source: { kind: 'builtin', name: 'digits' },
      split: { dev: 0, test: 0 },
    }),
    graph(
      'wide-784-256-256-10',
      'wide MLP [784, 256, 256, 10], m_b 128',
      [784, 256, 256, 10],
      'softmax',
      128,
      { source: { kind: 'inline', ...wide }, split: { dev: 0, test: 0 } },
    ),
  ];
}

/** Forward + backward FLOPs of one update: ≈ 3 × 2 × Σ n[l−1]·n[l] per example (issue 8). */
export function flopsPerUpdate(widths: readonly number[], batch: number): number {
  let macs = 0;
  for (let l = 1; l < widths.length; l++) macs += (widths[l - 1] as number) * (widths[l] as number);
  return 3 * 2 * macs * batch;
}

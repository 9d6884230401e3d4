/**
 * Seeded random graphs for the property tests: small valid networks over every layer kind
 * (branches, merges, convolutions, pooling, BatchNorm, Dropout, preprocessing), their data
 * description, and random data of the right shape; and invalid variants of them. Test-only.
 */
import type { DataDescription, LabeledData } from '../data/types.js';
import { type LayerSpec, sequentialDocument } from '../document/build.js';
import type { GraphDocument } from '../document/schema.js';
import { windowGeometry } from '../nodes/conv2d/geometry.js';
import { createRandom, type Random } from '../random.js';

/** The three heads a network can end in, with the loss each takes. */
export type Head = 'binary' | 'softmax' | 'regression';

export interface RandomGraph {
  seed: number;
  doc: GraphDocument;
  /** What the graph's data set looks like: pass it to analyzeGraph/compileGraph. */
  data: DataDescription;
  head: Head;
  /** The layer kinds used, for coverage checks. */
  kinds: string[];
}

interface Tensor {
  id: string;
  dims: number[];
}

const pick = <T>(random: Random, items: readonly T[]): T => items[random.int(items.length)] as T;
const between = (random: Random, lo: number, hi: number): number => lo + random.int(hi - lo + 1);

/** Builds the layer list block by block; every block's output reaches the loss. */
class GraphBuilder {
  readonly layers: LayerSpec[] = [];
  private count = 0;
  private row = 0;

  constructor(private readonly random: Random) {}

  add(kind: string, input: Tensor | Tensor[], dims: number[], params: Record<string, unknown> = {}): Tensor {
    const inputs = Array.isArray(input) ? input : [input];
    const id = `${kind.toLowerCase()}${++this.count}`;
    this.layers.push({ kind, id, params, inputs: inputs.map((t) => t.id), row: this.row });
    return { id, dims };
  }

  /** One layer that keeps the shape (so it can sit on a residual path). */
  shapeKeeping(x: Tensor): Tensor {
    const r = this.random;
    const image = x.dims.length === 3;
    const kind = pick(r, ['Activation', 'BatchNorm', 'Dropout', image ? 'Conv2D' : 'Dense']);
    if (kind === 'Activation')
      return this.add(kind, x, x.dims, { fn: pick(r, ['relu', 'tanh', 'sigmoid', 'leakyRelu']) });
    if (kind === 'BatchNorm') return this.add(kind, x, x.dims, { momentum: pick(r, [0.5, 0.9]) });
    if (kind === 'Dropout') return this.add(kind, x, x.dims, { keepProb: pick(r, [0.5, 0.8, 1]) });
    const activation = pick(r, ['relu', 'tanh', 'linear', 'sigmoid']);
    if (image) {
      const c = x.dims[2] as number;
      return this.add('Conv2D', x, x.dims, {
        filters: c,
        kernelSize: pick(r, [1, 3]),
        padding: 'same',
        activation,
      });
    }
    return this.add('Dense', x, x.dims, { units: x.dims[0], activation });
  }

  /** One layer that may change the shape. */
  anyLayer(x: Tensor): Tensor {
    const r = this.random;
    if (x.dims.length === 1) {
      if (r.next() < 0.5) return this.shapeKeeping(x);
      const units = between(r, 1, 6);
      return this.add('Dense', x, [units], {
        units,
        activation: pick(r, ['relu', 'tanh', 'leakyRelu', 'linear']),
      });
    }
    const [h, w, c] = x.dims as [number, number, number];
    const choice = pick(r, ['conv', 'conv', 'pool', 'keep']);
    if (choice === 'keep') return this.shapeKeeping(x);
    const padding = pick(r, ['same', 'valid'] as const);
    const stride = pick(r, [1, 1, 2]);
    const size = choice === 'conv' ? pick(r, [1, 2, 3]) : pick(r, [2, 3]);
    if (padding === 'valid' && (size > h || size > w)) return this.shapeKeeping(x);
    const g = windowGeometry(h, w, size, size, stride, stride, padding);
    if (choice === 'conv') {
      const filters = between(r, 1, 3);
      const activation = pick(r, ['relu', 'tanh', 'linear']);
      return this.add('Conv2D', x, [g.outH, g.outW, filters], {
        filters,
        kernelSize: size,
        stride,
        padding,
        activation,
      });
    }
    const kind = pick(r, ['MaxPool2D', 'AveragePool2D']);
    return this.add(kind, x, [g.outH, g.outW, c], { poolSize: size, stride, padding });
  }

  /** x → one or two shape-keeping layers → Add(them, x). */
  residual(x: Tensor): Tensor {
    this.row += 1;
    let y = this.shapeKeeping(x);
    if (this.random.next() < 0.5) y = this.shapeKeeping(y);
    this.row -= 1;
    return this.add('Add', [y, x], x.dims);
  }

  /** Two branches from x, joined along the last axis. */
  branches(x: Tensor): Tensor {
    const r = this.random;
    this.row += 1;
    const a = x.dims.length === 3 ? this.convSame(x) : this.anyLayer(x);
    this.row += 1;
    const b = r.next() < 0.3 ? x : x.dims.length === 3 ? this.convSame(x) : this.anyLayer(x);
    this.row -= 2;
    const dims = [...a.dims.slice(0, -1), (a.dims.at(-1) as number) + (b.dims.at(-1) as number)];
    return this.add('Concatenate', [a, b], dims);
  }

  private convSame(x: Tensor): Tensor {
    const filters = between(this.random, 1, 3);
    const [h, w] = x.dims as [number, number];
    return this.add('Conv2D', x, [h, w, filters], {
      filters,
      kernelSize: pick(this.random, [1, 3]),
      padding: 'same',
    });
  }

  /** The network's end: flatten an image, then the head's output layer(s). */
  head(x: Tensor, head: Head, outputs: number): void {
    let y = x;
    if (y.dims.length === 3) y = this.add('Flatten', y, [y.dims.reduce((a, b) => a * b, 1)]);
    if (head === 'binary') this.add('Dense', y, [1], { units: 1, activation: 'sigmoid' });
    else if (head === 'regression') this.add('Dense', y, [outputs], { units: outputs, activation: 'linear' });
    else {
      const z = this.add('Dense', y, [outputs], { units: outputs, activation: 'linear' });
      this.add('Softmax', z, [outputs]);
    }
  }
}

const LOSS: Record<Head, string> = {
  binary: 'binaryCrossEntropy',
  softmax: 'categoricalCrossEntropy',
  regression: 'meanSquaredError',
};

/**
 * A valid random network for `seed`: vectors [2–5] or images [4–7, 4–7, 1–2], optional Normalize
 * or Augment first, 1–4 blocks (a layer, a residual block, or two branches concatenated), then a
 * binary, softmax or regression head. Dropout keeps its default place rules (never first).
 */
export function randomGraph(seed: number): RandomGraph {
  const random = createRandom(seed);
  const image = random.next() < 0.5;
  const dims = image
    ? [between(random, 4, 7), between(random, 4, 7), between(random, 1, 2)]
    : [between(random, 2, 5)];
  const head = pick(random, ['binary', 'softmax', 'regression'] as const);
  const outputs = head === 'binary' ? 1 : between(random, 2, 3);
  const b = new GraphBuilder(random);
  let x: Tensor = { id: 'data', dims };
  const first = random.next();
  if (first < 0.2) x = b.add('Normalize', x, dims);
  else if (image && first < 0.35) x = b.add('Augment', x, dims, { maxShift: 1 });
  // A first block that is not Dropout (the notes advise against dropout on the input).
  x = b.anyLayer(x);
  const blocks = between(random, 0, 3);
  for (let i = 0; i < blocks; i++) {
    const kind = random.next();
    x = kind < 0.35 ? b.residual(x) : kind < 0.6 ? b.branches(x) : b.anyLayer(x);
  }
  b.head(x, head, outputs);
  const features = dims.reduce((a, d) => a * d, 1);
  const data: DataDescription = {
    features,
    classes: head === 'regression' ? null : head === 'binary' ? 2 : outputs,
    targets: head === 'regression' ? outputs : 1,
    m: 64,
    ...(image ? { imageShape: dims as [number, number, number] } : {}),
  };
  const doc = sequentialDocument({
    name: `random graph ${seed}`,
    dataset: { source: { kind: 'builtin', name: 'digits' } },
    layers: b.layers,
    loss: { fn: LOSS[head] },
    training: { batchMode: 'mini', batchSize: 8, epochs: 1, seed },
  });
  return { seed, doc, data, head, kinds: [...new Set(b.layers.map((l) => l.kind))] };
}

/** m random examples fitting `data`: features ~ N(0, 1), labels uniform over the classes or N(0, 1). */
export function randomExamples(data: DataDescription, m: number, seed: number): LabeledData {
  const random = createRandom(seed);
  const x = Float32Array.from({ length: m * data.features }, () => random.normal());
  const y =
    data.classes === null
      ? Float32Array.from({ length: m * data.targets }, () => random.normal())
      : Float32Array.from({ length: m }, () => random.int(data.classes as number));
  return {
    m,
    features: data.features,
    x,
    y,
    classes: data.classes,
    targets: data.targets,
    ...(data.imageShape ? { imageShape: data.imageShape } : {}),
  };
}

/** Edges the breaks below add; cutting one again would undo a break. */
const ADDED = new Set(['back', 'extra', 'stray-a', 'stray-b']);

const BAD_PARAMS: Record<string, Record<string, unknown>> = {
  Dense: { units: 0 },
  Conv2D: { kernelSize: 12, padding: 'valid' },
  MaxPool2D: { poolSize: 12, padding: 'valid' },
  AveragePool2D: { stride: 0 },
  Dropout: { keepProb: -1 },
  BatchNorm: { momentum: 1 },
};

/** Ways to break a valid graph, each a mistake a user can make on the canvas. */
const BREAKS: ((doc: GraphDocument, random: Random) => void)[] = [
  // Cut one edge into a layer (an input left unconnected, or a merge left with one input).
  (doc, r) => {
    const into = doc.edges.filter((e) => e.targetPort === 'in' && !ADDED.has(e.id));
    doc.edges.splice(doc.edges.indexOf(pick(r, into)), 1);
  },
  // A Dense with zero units, a kernel larger than the image under valid padding, a bad keep_prob.
  (doc, r) => {
    const node = pick(
      r,
      doc.nodes.filter((n) => n.kind in BAD_PARAMS),
    );
    if (node) node.params = { ...node.params, ...BAD_PARAMS[node.kind] };
  },
  // A convolution straight on rows of features (or on the loss's input).
  (doc) => {
    const dense = doc.nodes.find((n) => n.kind === 'Dense');
    if (dense) dense.kind = 'Conv2D';
  },
  // An edge back from a later layer to an earlier one: a cycle.
  (doc) => {
    const layers = doc.nodes.filter(
      (n) => !['Dataset', 'Loss', 'Optimizer', 'Training', 'Schedule'].includes(n.kind),
    );
    const [a, b] = [layers[0], layers[layers.length - 1]];
    if (a && b)
      doc.edges.push({ id: 'back', source: b.id, sourcePort: 'out', target: a.id, targetPort: 'in' });
  },
  // A layer that leads nowhere, plus a merge of two different shapes.
  (doc, r) => {
    const layers = doc.nodes.filter((n) => n.kind === 'Dense' || n.kind === 'Conv2D');
    const from = pick(r, layers);
    if (!from) return;
    doc.nodes.push({ id: 'stray', kind: 'Add', params: {}, position: { x: 0, y: 400 } });
    doc.edges.push({ id: 'stray-a', source: from.id, sourcePort: 'out', target: 'stray', targetPort: 'in' });
    doc.edges.push({ id: 'stray-b', source: 'data', sourcePort: 'x', target: 'stray', targetPort: 'in' });
  },
  // A second edge into a single-input port, or a labels edge into a layer.
  (doc, r) => {
    const target = pick(
      r,
      doc.nodes.filter((n) => n.kind === 'Dense' || n.kind === 'Flatten'),
    );
    if (target)
      doc.edges.push({
        id: 'extra',
        source: 'data',
        sourcePort: pick(r, ['x', 'y']),
        target: target.id,
        targetPort: 'in',
      });
  },
];

/** A random graph with one to three mistakes in it (the document stays parseable). */
export function randomBrokenGraph(seed: number): RandomGraph {
  const graph = randomGraph(seed);
  const random = createRandom(seed ^ 0x5bd1e995);
  // A deep copy: the engine's lib (ES2022, no DOM) has no structuredClone type; a document is plain JSON.
  const doc = JSON.parse(JSON.stringify(graph.doc)) as GraphDocument;
  const breaks = between(random, 1, 3);
  for (let i = 0; i < breaks; i++) pick(random, BREAKS)(doc, random);
  return { ...graph, doc };
}

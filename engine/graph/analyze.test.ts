import { describe, expect, it } from 'vitest';
import { type SequentialSpec, sequentialDocument } from '../document/build.js';
import type { GraphDocument } from '../document/schema.js';
import { analyzeGraph } from './analyze.js';

const moons = { source: { kind: 'generator', name: 'moons', n: 300, noise: 0.2 } };
const binary = (extra: Partial<SequentialSpec> = {}): GraphDocument =>
  sequentialDocument({
    dataset: moons,
    layers: [
      { kind: 'Dense', id: 'h1', params: { units: 20 } },
      { kind: 'Dense', id: 'out', params: { units: 1, activation: 'sigmoid' } },
    ],
    ...extra,
  });

const codes = (doc: GraphDocument) => analyzeGraph(doc).problems.map((p) => `${p.nodeId} ${p.code}`);

describe('validation', () => {
  it('accepts the notes’ network with no problems and gives every edge its shape', () => {
    const analysis = analyzeGraph(binary());
    expect(analysis.problems).toEqual([]);
    expect(analysis.topology?.layers.map((l) => l.id)).toEqual(['h1', 'out']);
    const shapes = Object.entries(analysis.edgeShapes).map(([id, s]) => `${id}: ${s}`);
    expect(shapes).toEqual([
      'data.x->h1.in: [m, 2]',
      'h1.out->out.in: [m, 20]',
      'out.out->loss.pred: [m, 1]',
      'data.y->loss.labels: [m, 1]',
    ]);
  });

  it('reports every problem at once, each naming its node', () => {
    const doc = binary();
    doc.nodes.find((n) => n.id === 'h1')!.params = { units: 0 };
    doc.nodes.push({ id: 'ghost', kind: 'Conv3D', params: {}, position: { x: 0, y: 0 } });
    doc.nodes = doc.nodes.filter((n) => n.kind !== 'Optimizer');
    const found = codes(doc);
    expect(found).toContain('h1 INVALID_PARAM');
    expect(found).toContain('ghost UNKNOWN_KIND');
    expect(found).toContain('null MISSING_NODE');
    expect(analyzeGraph(doc).problems.find((p) => p.code === 'INVALID_PARAM')?.path).toBe('units');
  });

  it('refuses a second edge into a single-input port', () => {
    const doc = binary();
    doc.edges.push({ id: 'back', source: 'out', sourcePort: 'out', target: 'h1', targetPort: 'in' });
    expect(codes(doc)).toContain('h1 MULTIPLE_INPUTS');
  });

  it('finds a cycle and names its nodes', () => {
    const loop = binary();
    loop.nodes.push({ id: 'a', kind: 'Activation', params: {}, position: { x: 0, y: 0 } });
    loop.nodes.push({ id: 'b', kind: 'Activation', params: {}, position: { x: 0, y: 0 } });
    loop.edges.push({ id: 'ab', source: 'a', sourcePort: 'out', target: 'b', targetPort: 'in' });
    loop.edges.push({ id: 'ba', source: 'b', sourcePort: 'out', target: 'a', targetPort: 'in' });
    const cycle = analyzeGraph(loop).problems.find((p) => p.code === 'CYCLE');
    expect(cycle?.message).toMatch(/a → b → a|b → a → b/);
  });

  it('refuses an edge between ports of different types', () => {
    const doc = binary();
    doc.edges = doc.edges.filter((e) => e.target !== 'loss' || e.targetPort !== 'labels');
    doc.edges.push({ id: 'bad', source: 'data', sourcePort: 'x', target: 'loss', targetPort: 'labels' });
    expect(codes(doc)).toContain('loss PORT_TYPE_MISMATCH');
  });

  it('refuses sigmoid + binary cross-entropy with more than one output unit', () => {
    const doc = binary();
    doc.nodes.find((n) => n.id === 'out')!.params = { units: 3, activation: 'sigmoid' };
    expect(codes(doc)).toContain('out SHAPE_MISMATCH');
  });

  it('refuses a Softmax whose units differ from the number of classes', () => {
    const doc = sequentialDocument({
      dataset: { source: { kind: 'generator', name: 'blobs', n: 300, centers: 4 } },
      layers: [
        { kind: 'Dense', id: 'h1', params: { units: 8 } },
        { kind: 'Dense', id: 'logits', params: { units: 3, activation: 'linear' } },
        { kind: 'Softmax', id: 'softmax' },
      ],
      loss: { fn: 'categoricalCrossEntropy' },
    });
    const problem = analyzeGraph(doc).problems.find((p) => p.code === 'SHAPE_MISMATCH');
    expect(problem?.nodeId).toBe('softmax');
    expect(problem?.message).toContain('4 classes');
  });

  it('refuses a loss that does not match the output', () => {
    const doc = binary({ loss: { fn: 'categoricalCrossEntropy' } });
    expect(codes(doc)).toContain('loss LOSS_MISMATCH');
    const noSigmoid = binary();
    noSigmoid.nodes.find((n) => n.id === 'out')!.params = { units: 1, activation: 'relu' };
    expect(codes(noSigmoid)).toContain('loss LOSS_MISMATCH');
  });

  it('refuses keep_prob outside (0, 1], a negative λ and a batch size above m', () => {
    const doc = binary({ training: { batchSize: 1000 } });
    doc.nodes.find((n) => n.id === 'h1')!.params = { units: 20, l2: -1 };
    const found = codes(doc);
    expect(found).toContain('h1 INVALID_PARAM');
    // 300 examples, auto split 60/20/20: m = 180 < 1000.
    expect(analyzeGraph(doc).problems.find((p) => p.nodeId === 'training')?.message).toContain('m = 180');
    const drop = binary({
      layers: [
        { kind: 'Dense', id: 'h1', params: { units: 20 } },
        { kind: 'Dropout', id: 'd', params: { keepProb: 0 } },
        { kind: 'Dense', id: 'out', params: { units: 1, activation: 'sigmoid' } },
      ],
    });
    expect(codes(drop)).toContain('d INVALID_PARAM');
  });

  it('warns, without failing, for dropout on the input, zeros init and batch GD on a large m', () => {
    const doc = sequentialDocument({
      dataset: { source: { kind: 'generator', name: 'moons', n: 5000 } },
      layers: [
        { kind: 'Dropout', id: 'd' },
        { kind: 'Dense', id: 'h1', params: { units: 4, initializer: 'zeros' } },
        { kind: 'Dense', id: 'out', params: { units: 1, activation: 'sigmoid' } },
      ],
      training: { batchMode: 'full' },
    });
    const problems = analyzeGraph(doc).problems;
    expect(problems.every((p) => p.severity === 'warning')).toBe(true);
    expect(problems.map((p) => `${p.nodeId} ${p.code}`)).toEqual([
      'd DROPOUT_ON_INPUT',
      'h1 ZEROS_INIT',
      'training BATCH_GD_LARGE_M',
    ]);
  });

  it('flags layers off the path to the loss and an unconnected input', () => {
    const doc = binary();
    doc.nodes.push({ id: 'stray', kind: 'Dense', params: {}, position: { x: 0, y: 0 } });
    expect(codes(doc)).toContain('stray UNUSED_NODE');
    const cut = binary();
    cut.edges = cut.edges.filter((e) => e.target !== 'h1');
    expect(codes(cut)).toContain('h1 UNCONNECTED_PORT');
  });

  it('shows unknown feature counts as ? until a CSV is read', () => {
    const doc = binary({ dataset: { source: { kind: 'csv', path: 'data.csv' } } });
    const analysis = analyzeGraph(doc);
    expect(analysis.edgeShapes['data.x->h1.in']).toBe('[m, ?]');
    expect(analysis.edgeShapes['h1.out->out.in']).toBe('[m, 20]');
    expect(analysis.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('a test set from a source of its own', () => {
  it('leaves the training source all its rows but dev when checking the mini-batch size', () => {
    // train.csv has 100 rows and test.csv 30: with { dev: 0.2, test: 0.1 } training keeps 100 − 20 = 80.
    const data = { features: 2, classes: 2, targets: 1, m: 100, heldOut: { test: 30 } };
    const doc = (batchSize: number) =>
      binary({
        dataset: { ...moons, split: { dev: 0.2, test: 0.1 } },
        training: { batchMode: 'mini', batchSize },
      });
    const batchProblems = (batchSize: number) =>
      analyzeGraph(doc(batchSize), data).problems.filter((p) => p.path === 'batchSize');
    expect(batchProblems(80)).toEqual([]);
    expect(batchProblems(81)[0]?.message).toContain('training-set size m = 80');
  });
});

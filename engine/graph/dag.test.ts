import { describe, expect, it } from 'vitest';
import { compileGraph } from '../compile/plan.js';
import { type LayerSpec, sequentialDocument } from '../document/build.js';
import { analyzeGraph } from './analyze.js';

const digits = { source: { kind: 'builtin', name: 'digits' } };
const moons = { source: { kind: 'generator', name: 'moons', n: 300, noise: 0.2 } };
const softmaxLoss: Record<string, unknown> = { fn: 'categoricalCrossEntropy' };

const analyze = (layers: LayerSpec[], dataset = digits, loss = softmaxLoss) =>
  analyzeGraph(sequentialDocument({ dataset, layers, loss }));
const codes = (layers: LayerSpec[], dataset = digits, loss = softmaxLoss) =>
  analyze(layers, dataset, loss).problems.map((p) => `${p.nodeId} ${p.code}`);

/** A residual block on moons: dense1 → dense2 → add(dense2, dense1) → out. */
const residual: LayerSpec[] = [
  { kind: 'Dense', id: 'dense1', params: { units: 8 } },
  { kind: 'Dense', id: 'dense2', params: { units: 8 } },
  { kind: 'Add', id: 'add', inputs: ['dense2', 'dense1'] },
  { kind: 'Dense', id: 'out', params: { units: 1, activation: 'sigmoid' } },
];

describe('graphs with branches and merges', () => {
  it('orders a residual block after both of its inputs and shapes every edge', () => {
    const analysis = analyze(residual, moons, {});
    expect(analysis.problems).toEqual([]);
    expect(analysis.topology?.layers).toEqual([
      { id: 'dense1', inputs: ['data'] },
      { id: 'dense2', inputs: ['dense1'] },
      { id: 'add', inputs: ['dense2', 'dense1'] },
      { id: 'out', inputs: ['add'] },
    ]);
    expect(analysis.edgeShapes['dense1.out->add.in']).toBe('[m, 8]');
    expect(analysis.edgeShapes['add.out->out.in']).toBe('[m, 8]');
  });

  it('names both inputs when an Add gets two shapes', () => {
    const layers = residual.map((l) => (l.id === 'dense2' ? { ...l, params: { units: 5 } } : l));
    const problem = analyze(layers, moons, {}).problems.find((p) => p.code === 'MERGE_MISMATCH');
    expect(problem?.nodeId).toBe('add');
    expect(problem?.message).toContain('"dense2" gives [m, 5] and "dense1" gives [m, 8]');
  });

  it('refuses a merge with one input', () => {
    const layers: LayerSpec[] = [
      { kind: 'Dense', id: 'dense1', params: { units: 8 } },
      { kind: 'Concatenate', id: 'cat' },
      { kind: 'Dense', id: 'out', params: { units: 1, activation: 'sigmoid' } },
    ];
    expect(codes(layers, moons, {})).toContain('cat TOO_FEW_INPUTS');
  });

  it('concatenates along the last axis: [m, 8] ‖ [m, 2] → [m, 10]', () => {
    const layers: LayerSpec[] = [
      { kind: 'Dense', id: 'dense1', params: { units: 8 } },
      { kind: 'Concatenate', id: 'cat', inputs: ['dense1', 'data'] },
      { kind: 'Dense', id: 'out', params: { units: 1, activation: 'sigmoid' } },
    ];
    const analysis = analyze(layers, moons, {});
    expect(analysis.problems).toEqual([]);
    expect(analysis.nodeShapes.get('cat')?.dims).toEqual([10]);
  });

  it('warns about a layer that leads nowhere', () => {
    const layers: LayerSpec[] = [
      { kind: 'Dense', id: 'dense1', params: { units: 8 } },
      { kind: 'Dense', id: 'side', params: { units: 3 }, inputs: ['dense1'] },
      { kind: 'Dense', id: 'out', params: { units: 1, activation: 'sigmoid' }, inputs: ['dense1'] },
    ];
    const analysis = analyze(layers, moons, {});
    expect(analysis.problems.map((p) => `${p.nodeId} ${p.code} ${p.severity}`)).toEqual([
      'side DEAD_END warning',
    ]);
    expect(analysis.topology?.layers.map((l) => l.id)).toEqual(['dense1', 'out']);
  });
});

describe('convolutions on images', () => {
  /** 8×8×1 digits → conv 4@3×3 same → max pool 2 → flatten → dense 10 → softmax. */
  const cnn: LayerSpec[] = [
    { kind: 'Conv2D', id: 'conv', params: { filters: 4, kernelSize: 3 } },
    { kind: 'MaxPool2D', id: 'pool' },
    { kind: 'Flatten', id: 'flat' },
    { kind: 'Dense', id: 'dense', params: { units: 10, activation: 'linear' } },
    { kind: 'Softmax', id: 'softmax' },
  ];

  it('shapes each edge: [m, 8, 8, 1] → [m, 8, 8, 4] → [m, 4, 4, 4] → [m, 64] → [m, 10]', () => {
    const analysis = analyze(cnn);
    expect(analysis.problems).toEqual([]);
    expect(analysis.edgeShapes['data.x->conv.in']).toBe('[m, 8, 8, 1]');
    expect(analysis.edgeShapes['conv.out->pool.in']).toBe('[m, 8, 8, 4]');
    expect(analysis.edgeShapes['pool.out->flat.in']).toBe('[m, 4, 4, 4]');
    expect(analysis.edgeShapes['flat.out->dense.in']).toBe('[m, 64]');
    // valid, 5×5, stride 2 on 8×8: ⌈(8 − 5 + 1)/2⌉ = 2; same, stride 3: ⌈8/3⌉ = 3.
    const valid = analyze([
      { kind: 'Conv2D', id: 'c', params: { kernelSize: 5, stride: 2, padding: 'valid' } },
      ...cnn.slice(2),
    ]);
    expect(valid.nodeShapes.get('c')?.dims).toEqual([2, 2, 8]);
    const same = analyze([
      { kind: 'AveragePool2D', id: 'p', params: { poolSize: 3, stride: 3, padding: 'same' } },
      ...cnn.slice(2),
    ]);
    expect(same.nodeShapes.get('p')?.dims).toEqual([3, 3, 1]);
  });

  it('refuses a kernel larger than its input under valid padding', () => {
    const layers = [
      { kind: 'Conv2D', id: 'conv', params: { kernelSize: 9, padding: 'valid' } },
      ...cnn.slice(2),
    ];
    const problem = analyze(layers).problems.find((p) => p.code === 'KERNEL_TOO_LARGE');
    expect(problem?.nodeId).toBe('conv');
    expect(problem?.message).toContain('9×9 kernel is larger than its 8×8 input');
  });

  it('refuses a convolution on rows of features', () => {
    const layers: LayerSpec[] = [
      { kind: 'Conv2D', id: 'conv' },
      { kind: 'Flatten', id: 'flat' },
      { kind: 'Dense', id: 'out', params: { units: 1, activation: 'sigmoid' } },
    ];
    const problem = analyze(layers, moons, {}).problems.find((p) => p.nodeId === 'conv');
    expect(problem?.code).toBe('SHAPE_MISMATCH');
    expect(problem?.message).toContain('its input is [m, 2]');
  });

  it('asks for a Flatten when an image reaches the loss', () => {
    const layers = cnn.filter((l) => l.kind !== 'Flatten' && l.kind !== 'Dense');
    expect(codes(layers)).toContain('softmax SHAPE_MISMATCH');
  });

  it('plans per-channel shapes and drops the bias of a linear Conv2D before BatchNorm', () => {
    const layers: LayerSpec[] = [
      { kind: 'Conv2D', id: 'conv', params: { filters: 4, activation: 'linear' } },
      { kind: 'BatchNorm', id: 'bn' },
      { kind: 'Activation', id: 'relu' },
      ...cnn.slice(2),
    ];
    const plan = compileGraph(sequentialDocument({ dataset: digits, layers, loss: softmaxLoss }), {
      features: 64,
      classes: 10,
      targets: 1,
      m: 1797,
      imageShape: [8, 8, 1],
    });
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    const conv = plan.value.layers[0]!;
    expect(conv).toMatchObject({ inputShapes: [[8, 8, 1]], outputShape: [8, 8, 4], dropBias: true });
    expect(plan.value.inputShape).toEqual([8, 8, 1]);
    expect(plan.value.outputId).toBe('softmax');
  });
});

import { describe, expect, it } from 'vitest';
import { prepareRun } from '../compile/prepare.js';
import { type SequentialSpec, sequentialDocument } from '../document/build.js';
import { analyzeGraph } from './analyze.js';
import { estimateMemory, formatBytes, MAX_RUN_BYTES } from './resources.js';

const doc = (spec: Partial<SequentialSpec>) =>
  sequentialDocument({
    dataset: { source: { kind: 'builtin', name: 'digits' } },
    layers: [{ kind: 'Dense', params: { units: 10, activation: 'linear' } }, { kind: 'Softmax' }],
    loss: { fn: 'categoricalCrossEntropy' },
    optimizer: { algorithm: 'adam' },
    ...spec,
  });

const memoryProblems = (spec: Partial<SequentialSpec>, data?: Parameters<typeof analyzeGraph>[1]) =>
  analyzeGraph(doc(spec), data).problems.filter((p) => p.message.includes('would need about'));

describe('memory a run needs, refused up front above 1.5 GiB', () => {
  it('estimates parameters, optimizer slots, activations and data from the shapes alone', () => {
    // Digits: 64 → 32 → 10, Adam, m_b 64, m = 1797 (1079 train), no early stopping.
    // Parameters: 64·32 + 32 + 32·10 + 10 = 2410; ×(1 + gradient + 2 slots) × 4 B = 38,560 B.
    const d = doc({
      layers: [
        { kind: 'Dense', params: { units: 32 } },
        { kind: 'Dense', params: { units: 10, activation: 'linear' } },
        { kind: 'Softmax' },
      ],
    });
    const analysis = analyzeGraph(d);
    const e = estimateMemory(analysis.topology!, analysis.resolved, analysis.nodeShapes, analysis.data);
    expect(e.parameters).toBe(2410 * 4 * 4);
    // Activations: widths 64 + 32 + 10 + 10 (Softmax) and 10 one-hot label columns = 126 per row;
    // evaluation chunks of min(1797, 8192) rows × 2 copies beat 64-row batches × 4 copies.
    expect(e.activations).toBe(4 * 2 * 1797 * 126);
    // Data: 1797 rows × (3 copies × 64 features + 2 + 2 × 10 label columns) × 4 B.
    expect(e.data).toBe(4 * 1797 * (3 * 64 + 2 + 20));
    expect(e.largestLayer).toBe('dense1');
    expect(e.total).toBeLessThan(MAX_RUN_BYTES);
  });

  it('refuses a network too large for memory, naming the largest layer and the figure', () => {
    // Six 7000-unit layers: each 7000 × 7000 W is 49M weights (under the per-layer 50M limit),
    // 245.5M parameters in all; with gradients and Adam's two slots 245.5M × 4 × 4 B ≈ 3.7 GiB, plus
    // the evaluation chunk's activations (1797 rows × 42,094 widths × 2 × 4 B ≈ 578 MiB).
    const layers = [
      ...Array.from({ length: 6 }, () => ({ kind: 'Dense', params: { units: 7000 } })),
      { kind: 'Dense', params: { units: 10, activation: 'linear' } },
      { kind: 'Softmax' },
    ];
    const [problem, ...rest] = memoryProblems({ layers });
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      code: 'INVALID_PARAM',
      severity: 'error',
      nodeId: 'dense2',
      path: 'units',
    });
    expect(problem?.message).toMatch(
      /^This run would need about 4\.2 GiB of memory \(parameters with Adam's two slots 3\.7 GiB, activations of a 64-example mini-batch 578 MiB, data 2 MiB\); NetCanvas refuses runs above 1\.5 GiB\. Use fewer units or layers\.$/,
    );
  });

  it('refuses a mini-batch whose activations do not fit, pointing at the batch size', () => {
    // Full batch over 10⁶ moons (98 % = 980,000 train) through 512 units:
    // 980,000 × (2 + 512 + 1 + 1 label) × 4 copies × 4 B ≈ 7.5 GiB.
    const [problem] = memoryProblems({
      dataset: { source: { kind: 'generator', name: 'moons', n: 1_000_000 } },
      layers: [
        { kind: 'Dense', params: { units: 512 } },
        { kind: 'Dense', params: { units: 1, activation: 'sigmoid' } },
      ],
      loss: { fn: 'binaryCrossEntropy' },
      training: { batchMode: 'full' },
    });
    expect(problem).toMatchObject({ code: 'INVALID_PARAM', nodeId: 'training', path: 'batchSize' });
    expect(problem?.message).toMatch(/activations of a 980,000-example mini-batch 7\.5 GiB/);
    expect(problem?.message).toMatch(/Use a smaller mini-batch or fewer units\.$/);
  });

  it('refuses a data set too large for memory (one-hot labels of many classes), naming the figure', () => {
    // A CSV read as 10⁶ rows, 4 features and 50,000 classes: the one-hot label matrix alone is
    // 10⁶ × 50,000 × 4 B ≈ 186 GiB, twice (on the host and the device): 372.6 GiB of data.
    const [problem] = memoryProblems(
      {
        dataset: { source: { kind: 'csv', path: 'big.csv' } },
        layers: [{ kind: 'Dense', params: { units: 50_000, activation: 'linear' } }, { kind: 'Softmax' }],
      },
      { features: 4, classes: 50_000, targets: 1, m: 1_000_000 },
    );
    expect(problem).toMatchObject({ code: 'DATASET', nodeId: 'data', path: 'source' });
    expect(problem?.message).toMatch(/^This run would need about 381\.7 GiB .* data 372\.6 GiB\)/);
    expect(problem?.message).toMatch(/Use fewer examples or features\.$/);
  });

  it('checks a CSV once it is read, so prepareRun refuses before allocating anything', async () => {
    // 20,000 rows × 2 features, each label its own class: categorical cross-entropy would one-hot
    // 20,000 × 20,000 labels (1.5 GiB a copy).
    const rows = Array.from({ length: 20_000 }, (_, i) => `${i},${-i},c${i}`).join('\n');
    const prepared = await prepareRun(
      doc({
        dataset: { source: { kind: 'csv', path: 'ids.csv' } },
        layers: [{ kind: 'Dense', params: { units: 20_000, activation: 'linear' } }, { kind: 'Softmax' }],
      }),
      { readText: async () => rows },
    );
    expect(prepared.ok).toBe(false);
    expect(prepared.problems.find((p) => p.severity === 'error')?.message).toMatch(
      /would need about \d+\.\d GiB/,
    );
  });

  it('formats sizes in MiB below a GiB and in GiB above', () => {
    expect(formatBytes(MAX_RUN_BYTES)).toBe('1.5 GiB');
    expect(formatBytes(300 * 2 ** 20 + 1)).toBe('301 MiB');
  });
});

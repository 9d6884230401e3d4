import { describe, expect, it } from 'vitest';
import { sequentialDocument } from '../document/build.js';
import type { GraphDocument } from '../document/schema.js';
import { resolveNodes } from '../graph/resolve.js';
import { defaultSpace, suggestParam } from './defaults.js';
import { applyValues, readParam, readValues, writeParam } from './params.js';
import { sampleTrials } from './sample.js';
import type { SearchParam, SearchSpace } from './space.js';
import { parseSearchSpace } from './space.js';
import { validateSpace } from './validate.js';

const doc = (
  optimizer: Record<string, unknown> = { algorithm: 'adam', learningRate: 0.0007 },
): GraphDocument =>
  sequentialDocument({
    dataset: { source: { kind: 'generator', name: 'moons', n: 300, noise: 0.2 } },
    layers: [
      { kind: 'Dense', id: 'hidden1', params: { units: 5 } },
      { kind: 'Dropout', id: 'drop', params: { keepProb: 0.9 } },
      { kind: 'Dense', id: 'output', params: { units: 1, activation: 'sigmoid' } },
    ],
    loss: { fn: 'binaryCrossEntropy' },
    optimizer,
    training: { batchSize: 64, epochs: 50 },
  });

const params = (d: GraphDocument, id: string) => d.nodes.find((n) => n.id === id)!.params;

const space = (ps: SearchParam[]): SearchSpace => ({ params: ps, trials: 10, epochsPerTrial: 20, seed: 1 });

describe('writing a searched value into a document', () => {
  it('sets the param on a copy and keeps the other params as written', () => {
    const before = doc();
    const after = writeParam(before, 'optimizer', 'learningRate', 0.003);
    expect(after.ok && params(after.value, 'optimizer')).toEqual({ algorithm: 'adam', learningRate: 0.003 });
    expect(params(before, 'optimizer')).toEqual({ algorithm: 'adam', learningRate: 0.0007 });
  });

  it('writes nested paths, creating the object on the way', () => {
    const after = writeParam(doc(), 'training', 'earlyStopping.patience', 5);
    expect(after.ok && params(after.value, 'training')).toMatchObject({ earlyStopping: { patience: 5 } });
    expect(after.ok && readParam(after.value, 'training', 'earlyStopping.patience')).toMatchObject({
      value: 5,
    });
  });

  it("refuses a value the node kind's schema refuses, naming node and field", () => {
    const bad = writeParam(doc(), 'drop', 'keepProb', 1.5);
    expect(bad.ok).toBe(false);
    expect(bad.problems[0]).toMatchObject({ code: 'INVALID_PARAM', nodeId: 'drop', path: 'keepProb' });
    expect(bad.problems[0]?.message).toMatch(/keep_prob is a probability/);
    expect(writeParam(doc(), 'hidden1', 'units', 2.5).ok).toBe(false);
  });

  it('refuses a field the node kind does not have (momentum β on an Adam optimizer)', () => {
    // The Adam variant of the Optimizer schema strips `beta`, so writing it would silently do nothing.
    const bad = writeParam(doc(), 'optimizer', 'beta', 0.95);
    expect(bad.problems[0]?.message).toBe('Search: Optimizer "optimizer" has no numeric param "beta".');
    expect(readParam(doc(), 'optimizer', 'beta').ok).toBe(false);
    expect(readParam(doc(), 'nowhere', 'units').problems[0]?.message).toMatch(/no node "nowhere"/);
  });

  it('applies a whole trial so that every node still parses with its schema', () => {
    const ps: SearchParam[] = [
      { nodeId: 'optimizer', path: 'learningRate', scale: 'log10', min: 1e-4, max: 1 },
      { nodeId: 'optimizer', path: 'beta1', scale: 'oneMinusLog10', min: 0.9, max: 0.999 },
      { nodeId: 'hidden1', path: 'units', scale: 'int', min: 2, max: 20 },
      { nodeId: 'drop', path: 'keepProb', scale: 'linear', min: 0.5, max: 1 },
      { nodeId: 'hidden1', path: 'l2', scale: 'log10', min: 1e-3, max: 10 },
      { nodeId: 'training', path: 'batchSize', scale: 'pow2', min: 16, max: 128 },
    ];
    for (const values of sampleTrials({ params: ps, seed: 3 }, 25)) {
      const applied = applyValues(doc(), ps, values);
      expect(applied.ok).toBe(true);
      if (!applied.ok) continue;
      expect(resolveNodes(applied.value).problems).toEqual([]);
      expect(readValues(applied.value, ps)).toMatchObject({ ok: true, value: values });
    }
  });
});

describe('checking a search space against its document', () => {
  it('accepts the default space and reads the document’s own values', () => {
    const d = defaultSpace(doc(), { trials: 5, epochsPerTrial: 10, seed: 1 });
    expect(d.ok && d.value.params).toEqual([
      { nodeId: 'optimizer', path: 'learningRate', scale: 'log10', min: 1e-4, max: 0.1 },
      { nodeId: 'optimizer', path: 'beta1', scale: 'oneMinusLog10', min: 0.9, max: 0.999 },
    ]);
    expect(d.ok && validateSpace(doc(), d.value)).toEqual([]);
    expect(d.ok && readValues(doc(), d.value.params)).toMatchObject({
      value: { 'optimizer.learningRate': 0.0007, 'optimizer.beta1': 0.9 },
    });
  });

  it('searches β for momentum and α alone for gradient descent by default', () => {
    const momentum = defaultSpace(doc({ algorithm: 'momentum' }), { trials: 1, epochsPerTrial: 1, seed: 1 });
    expect(momentum.ok && momentum.value.params.map((p) => p.path)).toEqual(['learningRate', 'beta']);
    const gd = defaultSpace(doc({ algorithm: 'gd' }), { trials: 1, epochsPerTrial: 1, seed: 1 });
    expect(gd.ok && gd.value.params.map((p) => p.path)).toEqual(['learningRate']);
  });

  it('finds the errors only one end of a range causes', () => {
    // The output layer must keep 1 unit for binary cross-entropy; m_b = 256 is above m = 180 (60 % of 300).
    const problems = validateSpace(
      doc(),
      space([
        { nodeId: 'output', path: 'units', scale: 'int', min: 1, max: 3 },
        { nodeId: 'training', path: 'batchSize', scale: 'pow2', min: 32, max: 256 },
      ]),
    );
    expect(problems.map((p) => [p.nodeId, p.code])).toEqual([
      ['output', 'SHAPE_MISMATCH'],
      ['training', 'INVALID_PARAM'],
    ]);
    expect(problems[0]?.message).toMatch(/^Search: with output\.units = 3: /);
    expect(problems[1]?.message).toMatch(/^Search: with training\.batchSize = 256: /);
  });

  it('refuses to search the epoch budget and warns when batchSize does nothing', () => {
    const full = doc();
    full.nodes.find((n) => n.id === 'training')!.params = { batchMode: 'full', epochs: 50 };
    const problems = validateSpace(
      full,
      space([
        { nodeId: 'training', path: 'epochs', scale: 'int', min: 10, max: 100 },
        { nodeId: 'training', path: 'batchSize', scale: 'pow2', min: 16, max: 64 },
      ]),
    );
    expect(problems.map((p) => p.severity)).toEqual(['error', 'warning']);
    expect(problems[1]?.message).toMatch(/batchMode is "full"/);
  });

  it('reads a search space from JSON and reports a bad one as data', () => {
    const good = parseSearchSpace({
      params: [{ nodeId: 'optimizer', path: 'learningRate', scale: 'log10', min: 1e-4, max: 1 }],
      trials: 10,
      epochsPerTrial: 20,
    });
    expect(good.ok && good.value.seed).toBe(1);
    const bad = parseSearchSpace({
      params: [
        { nodeId: 'optimizer', path: 'learningRate', scale: 'log10', min: 0, max: 1 },
        { nodeId: 'optimizer', path: 'learningRate', scale: 'log10', min: 1e-4, max: 1 },
      ],
      trials: 0,
      epochsPerTrial: 20,
    });
    expect(bad.problems.map((p) => p.path)).toEqual(['params.0.min', 'trials', 'params.1']);
  });

  it('suggests the notes’ ranges for a param marked without one', () => {
    expect(suggestParam(doc(), 'hidden1', 'units')).toMatchObject({
      value: { scale: 'int', min: 2, max: 10 },
    });
    expect(suggestParam(doc(), 'optimizer', 'learningRate')).toMatchObject({
      value: { scale: 'log10', min: 1e-4, max: 1 },
    });
    expect(suggestParam(doc(), 'hidden1', 'leakyAlpha').ok).toBe(false);
  });
});

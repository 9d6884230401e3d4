import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { sequentialDocument } from '../../engine/document/build';
import { gradientCheck } from '../../engine/gradcheck/check';
import { penaltyRule } from '../../engine/gradcheck/penalty';
import { REFERENCE_RULES } from '../../engine/gradcheck/rules';
import { checkable, TEST_GRAPHS } from '../../engine/gradcheck/test-graphs';
import { loadPreset } from '../gallery/catalog';
import { createAppStore } from '../store/createAppStore';
import { presetDocument } from '../store/testing';
import { fakeWorkers } from '../training/testing';
import { summarizeReport } from './summary';
import { checkDocumentGradients } from './task';

const preset = async (file: string) => {
  const read = await loadPreset(file);
  if (!read.ok) throw new Error(file);
  return read.value;
};

describe('the gradient check the worker runs', () => {
  it('passes on the Moons preset, one row per parameter tensor, and frees every tensor', async () => {
    const before = tf.memory().numTensors;
    const checked = await checkDocumentGradients(await preset('moons-adam.netcanvas.json'));
    expect(tf.memory().numTensors).toBe(before);
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    const { report, name } = checked.value;
    expect(name).toContain('Moons');
    // [2, 5, 2, 1]: W and b of three Dense layers.
    expect(report.rows.map((r) => r.id)).toEqual([
      'hidden1/W',
      'hidden1/b',
      'hidden2/W',
      'hidden2/b',
      'output/W',
      'output/b',
    ]);
    expect(report.examples).toBe(32);
    expect(report.passed).toBe(true);
    expect(report.autodiff?.verdict).toBe('agrees');
    expect(summarizeReport(report).kind).toBe('passed');
  });

  it('checks with dropout off and says so', async () => {
    const checked = await checkDocumentGradients(await preset('regularization-dropout.netcanvas.json'));
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    expect(checked.value.report.notes.join(' ')).toMatch(/Dropout "\w+" \(keep_prob 0\.86\) is off/);
    expect(checked.value.report.passed).toBe(true);
  });

  it('answers an invalid graph with its problems', async () => {
    const doc = sequentialDocument({
      layers: [{ kind: 'Dense', params: { units: 1, activation: 'sigmoid' } }],
    });
    const checked = await checkDocumentGradients({
      ...doc,
      nodes: doc.nodes.filter((n) => n.kind !== 'Loss'),
    });
    expect(checked.ok).toBe(false);
    expect(checked.problems.some((p) => p.code === 'MISSING_NODE')).toBe(true);
  });
});

describe('the verdict line', () => {
  it('names the worst tensor and entry when backpropagation is wrong', async () => {
    // The L2 gradient without its 1/m (the engine's planted-bug test): dense1/W and dense3/W fail.
    const { plan, network, batch } = await checkable(TEST_GRAPHS['relu stack with L2 and L1']!);
    const report = gradientCheck(plan, network, batch, {
      rules: { ...REFERENCE_RULES, penalty: { ...penaltyRule, l2Gradient: (w, l) => w.map((v) => l * v) } },
    });
    network.dispose();
    const verdict = summarizeReport(report);
    expect(verdict.kind).toBe('failed');
    if (verdict.kind !== 'failed') return;
    expect(verdict.where).toMatch(/^dense[13]\/W\[\d+, \d+\]$/);
    expect(verdict.difference).toBeGreaterThan(1e-3);
  });
});

describe('the Check gradients action', () => {
  it('posts the canvas graph to a worker and shows the report it answers', () => {
    const { factory, workers } = fakeWorkers();
    const store = createAppStore({ initialDocument: presetDocument(), createWorker: factory });
    store.getState().checkGradients();
    const sent = workers[0]!.sent[0];
    expect(sent).toMatchObject({ type: 'gradcheck', examples: 32 });
    expect(store.getState().gradcheck?.status).toBe('running');
    const report = { rows: [], passed: true } as never;
    workers[0]!.reply({ type: 'gradcheck', runId: workers[0]!.id, name: 'Moons', report });
    expect(store.getState().gradcheck).toMatchObject({ status: 'done', result: { name: 'Moons' } });
    expect(workers[0]!.terminated).toBe(true);
  });

  it('shows an invalid graph, ignores a stale worker, and ends the check on close', () => {
    const { factory, workers } = fakeWorkers();
    const store = createAppStore({ initialDocument: presetDocument(), createWorker: factory });
    store.getState().checkGradients();
    store.getState().checkGradients();
    expect(workers[0]!.terminated).toBe(true);
    workers[0]!.reply({ type: 'problems', runId: workers[0]!.id, problems: [] });
    expect(store.getState().gradcheck?.status).toBe('running');
    workers[1]!.reply({
      type: 'problems',
      runId: workers[1]!.id,
      problems: [{ code: 'MISSING_NODE', severity: 'error', nodeId: null, message: 'No loss.' }],
    });
    expect(store.getState().gradcheck?.status).toBe('invalid');
    store.getState().checkGradients();
    store.getState().closeGradcheck();
    expect(workers[2]!.terminated).toBe(true);
    expect(store.getState().gradcheck).toBeNull();
  });
});

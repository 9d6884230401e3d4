import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { TrialResult } from '../../engine/search';
import { createAppStore } from '../store/createAppStore';
import { presetDocument } from '../store/testing';
import { fakeWorkers } from '../training/testing';
import { scatterAxis } from './scatter';
import { initialEpochs, initialParams, searchCandidates, valuesAsChanges } from './space';
import { searchDocument } from './task';

const ALPHA = 'optimizer.learningRate';

function trial(
  trial: number,
  devLoss: number,
  alpha: number,
  reason: TrialResult['reason'] = 'epochs',
): TrialResult {
  return {
    trial,
    values: { [ALPHA]: alpha },
    devLoss,
    devAccuracy: 1 - devLoss,
    trainLoss: devLoss,
    trainAccuracy: 1 - devLoss,
    epochs: 10,
    stoppedEarly: reason === 'pruned',
    reason,
    message: '',
    checkpointLoss: devLoss,
    elapsedMs: 1,
  };
}

describe('what a search can take', () => {
  it('offers the numeric params the notes give a range for, and starts with α and β₁', () => {
    const doc = presetDocument();
    const keys = searchCandidates(doc).map((c) => `${c.nodeId}.${c.path}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        ALPHA,
        'optimizer.beta1',
        'optimizer.beta2',
        'hidden1.units',
        'training.batchSize',
      ]),
    );
    // The budget and the seed are not hyperparameters of the search.
    expect(keys).not.toContain('training.epochs');
    expect(keys).not.toContain('training.seed');
    expect(initialParams(doc).map((p) => `${p.nodeId}.${p.path}`)).toEqual([ALPHA, 'optimizer.beta1']);
    // The preset trains 300 epochs; a search offers at most 100 per trial.
    expect(initialEpochs(doc)).toBe(100);
  });

  it('writes a trial into the graph as one setParams per node it changes', () => {
    const doc = presetDocument();
    const params = initialParams(doc);
    const changes = valuesAsChanges(doc, params, { [ALPHA]: 0.05, 'optimizer.beta1': 0.99 });
    expect(changes.ok && changes.value).toEqual([
      {
        type: 'setParams',
        id: 'optimizer',
        params: expect.objectContaining({ learningRate: 0.05, beta1: 0.99 }),
      },
    ]);
    const gone = valuesAsChanges({ ...doc, nodes: doc.nodes.filter((n) => n.id !== 'optimizer') }, params, {
      [ALPHA]: 0.05,
      'optimizer.beta1': 0.99,
    });
    expect(gone.ok).toBe(false);
  });
});

describe('the scatter plot axes', () => {
  it('puts α on a log axis with a tick per decade', () => {
    const axis = scatterAxis('log10', 1e-4, 1e-1);
    expect(axis.log).toBe(true);
    expect(axis.ticks.map((t) => t.label)).toEqual(['1e-4', '0.001', '0.01', '0.1']);
    // Equal ratios are equal distances: 1e-3 sits midway between 1e-4 and 1e-2.
    const [a, b, c] = [1e-4, 1e-3, 1e-2].map(axis.position) as [number, number, number];
    expect(b - a).toBeCloseTo(c - b, 10);
  });

  it('spaces β = 0.9, 0.99, 0.999 evenly, growing to the right', () => {
    const axis = scatterAxis('oneMinusLog10', 0.9, 0.999);
    expect(axis.ticks.map((t) => t.label)).toEqual(['0.9', '0.99', '0.999']);
    const [a, b, c] = [0.9, 0.99, 0.999].map(axis.position) as [number, number, number];
    expect(a).toBeLessThan(b);
    expect(b - a).toBeCloseTo(c - b, 10);
  });

  it('gives batch sizes a tick per power of two, and units a linear axis', () => {
    expect(scatterAxis('pow2', 16, 128).ticks.map((t) => t.label)).toEqual(['16', '32', '64', '128']);
    const units = scatterAxis('int', 2, 10);
    expect(units.log).toBe(false);
    expect(units.ticks.map((t) => t.label)).toEqual(['2', '4', '6', '8', '10']);
    // Narrowed to one decade, α gets 2× and 5× ticks.
    expect(scatterAxis('log10', 0.01, 0.1).ticks.map((t) => t.label)).toEqual([
      '0.01',
      '0.02',
      '0.05',
      '0.1',
    ]);
    // A baseline value outside the range still lands on the plot.
    const wide = scatterAxis('log10', 1e-3, 1e-1, [0.5]);
    expect(wide.position(0.5)).toBeLessThan(1);
  });
});

describe('the search the worker runs', () => {
  it('trains the baseline and 4 trials of 10 epochs, the same numbers every time, freeing every tensor', async () => {
    const doc = presetDocument();
    const space = { params: initialParams(doc).slice(0, 1), trials: 4, epochsPerTrial: 10, seed: 1 };
    const run = async () => {
      const results: TrialResult[] = [];
      const problems = await searchDocument(doc, space, {
        baseline: true,
        signal: { aborted: false },
        onTrial: (r) => results.push(r),
      });
      expect(problems).toEqual([]);
      return results;
    };
    const before = tf.memory().numTensors;
    const first = await run();
    expect(tf.memory().numTensors).toBe(before);
    expect(first.map((r) => r.trial)).toEqual([0, 1, 2, 3, 4]);
    expect(first[0]!.values[ALPHA]).toBe(0.01);
    for (const r of first.slice(1)) {
      expect(r.values[ALPHA]).toBeGreaterThanOrEqual(1e-4);
      expect(r.values[ALPHA]).toBeLessThanOrEqual(1e-1);
    }
    const again = await run();
    expect(again.map((r) => r.devLoss)).toEqual(first.map((r) => r.devLoss));
  });

  it('answers a range that breaks the graph with problems and trains nothing', async () => {
    const doc = presetDocument();
    const trained: TrialResult[] = [];
    const problems = await searchDocument(
      doc,
      {
        params: [{ nodeId: 'training', path: 'batchSize', scale: 'pow2', min: 16, max: 1024 }],
        trials: 2,
        epochsPerTrial: 2,
        seed: 1,
      },
      { baseline: false, signal: { aborted: false }, onTrial: (r) => trained.push(r) },
    );
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]?.message).toMatch(/batchSize = 1024/);
    expect(trained).toEqual([]);
  });
});

describe('the search panel', () => {
  const setup = () => {
    const { factory, workers } = fakeWorkers();
    const store = createAppStore({ initialDocument: presetDocument(), createWorker: factory });
    store.getState().openTuning();
    return { store, workers };
  };

  it('starts with the default search, posts it to a worker, and streams the trials in', () => {
    const { store, workers } = setup();
    const s = store.getState();
    expect(s.tuning.open).toBe(true);
    expect(s.tuning.params.map((p) => p.path)).toEqual(['learningRate', 'beta1']);
    s.unmarkSearchParam('optimizer.beta1');
    s.setSearchBudget({ trials: 4, epochsPerTrial: 10 });
    s.runTuning();
    expect(workers[0]!.sent[0]).toMatchObject({
      type: 'search',
      baseline: true,
      space: { trials: 4, epochsPerTrial: 10, seed: 1, params: [{ path: 'learningRate' }] },
    });
    const w = workers[0]!;
    w.reply({ type: 'trial', runId: w.id, result: trial(0, 0.5, 0.01) });
    w.reply({ type: 'trial', runId: w.id, result: trial(1, 0.2, 0.03) });
    w.reply({ type: 'searchDone', runId: w.id, stopped: false });
    expect(store.getState().tuning.rows.map((r) => r.key)).toEqual(['own', '1.1']);
    expect(store.getState().tuning.status).toBe('done');
    expect(w.terminated).toBe(true);
  });

  it('refuses a range that does not fit its scale before any worker starts', () => {
    const { store, workers } = setup();
    store.getState().editSearchParam(ALPHA, { min: 0 });
    store.getState().runTuning();
    expect(store.getState().tuning.status).toBe('invalid');
    expect(store.getState().tuning.problems[0]?.message).toMatch(/min > 0/);
    expect(workers).toHaveLength(0);
  });

  it('applies the best trial as one undo step', () => {
    const { store, workers } = setup();
    store.getState().unmarkSearchParam('optimizer.beta1');
    store.getState().runTuning();
    const w = workers[0]!;
    w.reply({ type: 'trial', runId: w.id, result: trial(0, 0.5, 0.01) });
    w.reply({ type: 'trial', runId: w.id, result: trial(1, 0.1, 0.04) });
    w.reply({ type: 'trial', runId: w.id, result: trial(2, 0.05, 0.5, 'pruned') });
    w.reply({ type: 'searchDone', runId: w.id, stopped: false });
    const before = store.getState().doc;
    store.getState().applyBestTrial();
    const optimizer = () => store.getState().doc.nodes.find((n) => n.id === 'optimizer')!.params;
    // The pruned trial's loss is lower but comes from fewer epochs: trial 1.1 is best.
    expect(optimizer().learningRate).toBe(0.04);
    expect(store.getState().history.past).toHaveLength(1);
    expect(store.getState().toast?.key).toBe('tuning.applied');
    store.getState().undo();
    expect(store.getState().doc.nodes).toEqual(before.nodes);
  });

  it('narrows around the best trials and runs the next round without the baseline', () => {
    const { store, workers } = setup();
    store.getState().unmarkSearchParam('optimizer.beta1');
    store.getState().setSearchBudget({ trials: 4 });
    store.getState().runTuning();
    const w = workers[0]!;
    for (const [i, alpha] of [0.001, 0.01, 0.02, 0.0002].entries()) {
      w.reply({ type: 'trial', runId: w.id, result: trial(i + 1, [0.3, 0.1, 0.15, 0.6][i]!, alpha) });
    }
    w.reply({ type: 'searchDone', runId: w.id, stopped: false });
    store.getState().narrowTuning();
    const alpha = store.getState().tuning.params[0]!;
    // The best quarter of 4 trials is trial 2 (α = 0.01): the range shrinks around it.
    expect(alpha.min).toBeGreaterThan(1e-4);
    expect(alpha.max).toBeLessThan(1e-1);
    expect(alpha.min).toBeLessThan(0.01);
    expect(alpha.max).toBeGreaterThan(0.01);
    expect(store.getState().tuning.round).toBe(2);
    expect(workers[1]!.sent[0]).toMatchObject({ type: 'search', baseline: false });
    expect(store.getState().tuning.rows).toHaveLength(4);
  });

  it('stops a running search and trains a trial as a run overlaid on the one shown', () => {
    const { store, workers } = setup();
    store.getState().runTuning();
    const w = workers[0]!;
    w.reply({
      type: 'trial',
      runId: w.id,
      result: { ...trial(1, 0.1, 0.04), values: { [ALPHA]: 0.04, 'optimizer.beta1': 0.95 } },
    });
    store.getState().stopTuning();
    expect(w.sent.at(-1)).toEqual({ type: 'stopSearch' });
    expect(store.getState().tuning.status).toBe('stopping');
    w.reply({ type: 'searchDone', runId: w.id, stopped: true });
    expect(store.getState().tuning.status).toBe('stopped');

    store.getState().train();
    const shown = store.getState().activeRunId;
    store.getState().trainTrialAsRun('1.1');
    const s = store.getState();
    const run = s.runs.at(-1)!;
    expect(run.label).toBe('Trial 1.1');
    expect(run.document.nodes.find((n) => n.id === 'optimizer')!.params).toMatchObject({
      learningRate: 0.04,
      beta1: 0.95,
    });
    expect(s.compareRunIds).toEqual([shown]);
    // The canvas keeps its own values.
    expect(s.doc.nodes.find((n) => n.id === 'optimizer')!.params).toMatchObject({ learningRate: 0.01 });
  });
});

import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { prepareRun } from '../compile/prepare.js';
import { type SequentialSpec, sequentialDocument } from '../document/build.js';
import { chooseExecutor } from './choose-executor.js';

async function prepare(layers: SequentialSpec['layers']) {
  const prepared = await prepareRun(
    sequentialDocument({
      dataset: {
        source: { kind: 'generator', name: 'moons', n: 300, noise: 0.2 },
        split: { dev: 0, test: 0 },
      },
      layers,
      optimizer: { algorithm: 'adam', learningRate: 0.01 },
      training: { batchSize: 64, epochs: 1 },
    }),
  );
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
  return prepared.value;
}

const notesNet: SequentialSpec['layers'] = [
  { kind: 'Dense', params: { units: 5 } },
  { kind: 'Dense', params: { units: 2 } },
  { kind: 'Dense', params: { units: 1, activation: 'sigmoid' } },
];

describe('choosing the executor by measurement', () => {
  it('times the fast executor and each backend, picks the fastest, and leaves its backend set', async () => {
    const { plan, splits } = await prepare(notesNet);
    const before = tf.memory().numTensors;
    const choice = await chooseExecutor(plan, splits.train, ['wasm', 'cpu', 'no-such-backend']);
    expect(choice.timings.map((t) => `${t.executor}/${t.backend}`)).toEqual([
      'fast/wasm',
      'tfjs/wasm',
      'tfjs/cpu',
      'tfjs/no-such-backend',
    ]);
    const measured = choice.timings.filter((t) => t.msPerUpdate !== null);
    expect(measured).toHaveLength(3);
    const fastest = measured.reduce((a, t) => ((t.msPerUpdate ?? 0) < (a.msPerUpdate ?? 0) ? t : a));
    expect(choice.executor).toBe(fastest.executor);
    // On a CPU the fused float32 loops beat tf.js's per-op dispatch on this tiny net (~100× here).
    expect(choice.executor).toBe('fast');
    expect(choice.timings[3]?.note).toMatch(/no-such-backend did not initialize/);
    // The fast executor keeps tf.js for the boundary and export, on the faster tf.js backend.
    const tfjs = measured.filter((t) => t.executor === 'tfjs');
    const tfjsBest = tfjs.reduce((a, t) => ((t.msPerUpdate ?? 0) < (a.msPerUpdate ?? 0) ? t : a));
    expect(choice.backend).toBe(tfjsBest.backend);
    expect(tf.getBackend()).toBe(choice.backend);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('says why a plan with a kind that has no fast lowering runs on tf.js', async () => {
    const prepared = await prepare([
      { kind: 'Dense', id: 'h', params: { units: 5 } },
      { kind: 'Dropout', id: 'drop', params: { keepProb: 0.8 } },
      { kind: 'Dense', params: { units: 1, activation: 'sigmoid' } },
    ]);
    // Every registered kind has one (engine/fast/kinds.test.ts): a kind made without it stands in.
    const layers = prepared.plan.layers.map((l) =>
      l.nodeId === 'drop' ? { ...l, kind: { ...l.kind, fast: undefined } } : l,
    );
    const choice = await chooseExecutor({ ...prepared.plan, layers }, prepared.splits.train, ['cpu']);
    expect(choice.executor).toBe('tfjs');
    expect(choice.backend).toBe('cpu');
    expect(choice.timings[0]).toMatchObject({ executor: 'fast', msPerUpdate: null });
    expect(choice.timings[0]?.note).toBe('Dropout (drop) has no fast lowering.');
  });
});

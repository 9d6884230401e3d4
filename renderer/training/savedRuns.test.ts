import { describe, expect, it } from 'vitest';
import { parseDocument, serializeDocument } from '../../engine/document/parse';
import type { TrainingEvent } from '../../engine/train/events';
import { createProjectCommands } from '../app/commands';
import { createAppStore } from '../store/createAppStore';
import { fakePlatform, presetDocument } from '../store/testing';
import { applyWorkerMessage, newRunRecord, type RunRecord } from './runRecord';
import { documentToSave, evenIndices, restoreRun, SAVED_POINTS, summarizeRun } from './savedRuns';
import { doneEvent, fakeWorkers, startEvent } from './testing';

/** A run of `epochs` epochs with 3 updates each and no dev split after epoch 1 (NaN dev costs). */
function trainedRun(epochs: number): RunRecord {
  const run = newRunRecord('run-a', 'Run 1', presetDocument(), 7);
  const events: TrainingEvent[] = [
    {
      type: 'start',
      backend: 'wasm',
      executor: 'tfjs',
      timings: [],
      epochs,
      updatesPerEpoch: 3,
      batchSize: 64,
      m: { train: 180, dev: 60, test: 60 },
      parameterCount: 36,
      notes: [],
    },
  ];
  for (let e = 1; e <= epochs; e++) {
    for (let b = 1; b <= 3; b++) {
      const t = (e - 1) * 3 + b;
      events.push({ type: 'update', t, epoch: e, batch: b, cost: 1 / t, smoothedCost: 1 / t, lr: 0.01 });
    }
    const train = { cost: 1 / e, loss: 1 / e, accuracy: 0.5 + e / (2 * epochs), m: 180 };
    const dev = e === 1 ? { ...train, m: 60 } : null;
    events.push({ type: 'epoch', epoch: e, t: e * 3, train, dev, lr: 0.01, elapsedMs: e });
  }
  events.push({ ...doneEvent(), epochs, updates: epochs * 3 });
  applyWorkerMessage(run, {
    type: 'backend',
    runId: run.id,
    name: 'wasm',
    adapter: 'SIMD',
    notes: [],
    executor: 'tfjs',
    timings: [],
  });
  applyWorkerMessage(run, { type: 'events', runId: run.id, events });
  return run;
}

describe('runs saved with the project', () => {
  it('spreads at most 500 points over a curve, first and last included', () => {
    expect(evenIndices(3, 500)).toEqual([0, 1, 2]);
    expect(evenIndices(10, 3)).toEqual([0, 5, 9]);
    const many = evenIndices(2000, SAVED_POINTS);
    expect(many).toHaveLength(500);
    expect(many[0]).toBe(0);
    expect(many.at(-1)).toBe(1999);
  });

  it('keeps a finished run compact: label, seed, graph, figures and curves of ≤ 500 points', () => {
    const run = trainedRun(1000);
    const saved = summarizeRun(run)!;
    expect(saved).toMatchObject({
      label: 'Run 1',
      seed: 7,
      backend: { name: 'wasm', adapter: 'SIMD' },
      done: { reason: 'epochs' },
    });
    expect(saved.epochs.epoch).toHaveLength(500);
    expect(saved.epochs.epoch.at(-1)).toBe(1000);
    expect(saved.updates.t).toHaveLength(500);
    expect(saved.updates.t.at(-1)).toBe(3000);
    // A missing dev split is NaN in the run, null in JSON.
    expect(saved.epochs.devCost[1]).toBeNull();
    expect(saved.graph.nodes[0]).not.toHaveProperty('position');
    expect(summarizeRun(newRunRecord('x', 'Run 2', presetDocument(), 1))).toBeNull();
  });

  it('reads a saved run back as a read-only run with the same figures', () => {
    const run = trainedRun(20);
    const text = JSON.stringify(summarizeRun(run));
    const back = restoreRun(JSON.parse(text))!;
    expect(back).toMatchObject({ id: 'run-a', label: 'Run 1', seed: 7, status: 'done', saved: true });
    expect(back.done).toEqual(run.done);
    expect([...back.epochs.trainCost.view()]).toEqual(
      [...run.epochs.trainCost.view()].map((v) => Number(v.toPrecision(6))),
    );
    expect(Number.isNaN(back.epochs.devCost.at(3))).toBe(true);
    expect(back.document.nodes.map((n) => n.params)).toEqual(run.document.nodes.map((n) => n.params));
    // Anything else in `runs` is skipped, not thrown at.
    expect(restoreRun({ kind: 'run', version: 1 })).toBeNull();
    expect(restoreRun('a run')).toBeNull();
  });

  it('saves the finished runs with the project and loads them back into the run list', async () => {
    const { factory, workers } = fakeWorkers();
    const store = createAppStore({ initialDocument: presetDocument(), createWorker: factory });
    const platform = fakePlatform();
    const commands = createProjectCommands(store, platform);
    store.getState().train();
    const live = store.getState().runs[0]!;
    workers[0]!.reply({
      type: 'events',
      runId: live.id,
      events: [
        startEvent(),
        { type: 'update', t: 1, epoch: 1, batch: 1, cost: 0.7, smoothedCost: 0.7, lr: 0.01 },
        doneEvent(),
      ],
    });
    store.getState().train(); // still running: not saved
    await commands.saveAs();
    const text = platform.saved.at(-1)!.text;
    const file = parseDocument(text);
    if (!file.ok) throw new Error('unreadable save');
    expect(file.value.runs).toHaveLength(1);
    expect(documentToSave(store.getState()).runs).toHaveLength(1);

    // Opening it in a fresh session puts the run back, read-only, and shows it.
    const other = createAppStore({ initialDocument: presetDocument(), createWorker: factory });
    other.getState().replaceDocument(file.value, { fileName: 'moons.netcanvas.json', fileHandle: null });
    const s = other.getState();
    expect(s.runs).toHaveLength(1);
    expect(s.runs[0]).toMatchObject({ id: live.id, label: 'Run 1', saved: true, status: 'done' });
    expect(s.activeRunId).toBe(live.id);
    // Saving again keeps it; a new run is numbered after it; opening another project drops it.
    expect(serializeDocument(documentToSave(s))).toContain(live.id);
    s.train();
    expect(other.getState().runs.at(-1)!.label).toBe('Run 2');
    other.getState().replaceDocument(presetDocument(), { fileName: null, fileHandle: null });
    expect(other.getState().runs.map((r) => r.label)).toEqual(['Run 2']);
  });
});

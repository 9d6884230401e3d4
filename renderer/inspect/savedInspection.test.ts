import { describe, expect, it } from 'vitest';
import type { MistakesReport } from '../../engine/inspect/mistakes';
import { presetDocument } from '../store/testing';
import { applyWorkerMessage, newRunRecord } from '../training/runRecord';
import { restoreRun, summarizeRun } from '../training/savedRuns';
import { doneEvent, startEvent } from '../training/testing';

/** A report of two classes: dev m = 3 with one wrong 2×2 image, no test split. */
const report = (): MistakesReport => ({
  epoch: 4,
  t: 12,
  dev: {
    confusion: { classes: 2, counts: [1, 1, 0, 1], precision: [1, 0.5], recall: [0.5, 1], m: 3 },
    wrong: [
      {
        index: 1,
        truth: 0,
        predicted: 1,
        confidence: 0.912345678,
        truthProbability: 0.087654321,
        x: Float32Array.from([0, 1 / 3, 2, 16]),
      },
    ],
  },
  test: null,
  classNames: ['cat', 'dog'],
  imageShape: [2, 2, 1],
});

describe('a saved run’s mistakes', () => {
  it('come back from the project file as they were shown, to 4 significant digits', () => {
    const run = finishedRun('run-m');
    applyWorkerMessage(run, { type: 'mistakes', runId: run.id, report: report() });
    const saved = JSON.parse(JSON.stringify(summarizeRun(run)));
    // 0.912345678 → 0.9123; 1/3 → 0.3333.
    expect(saved.mistakes.dev.wrong[0].confidence).toBe(0.9123);
    expect(saved.mistakes.dev.wrong[0].x).toEqual([0, 0.3333, 2, 16]);
    const back = restoreRun(saved);
    expect(back?.mistakes?.dev?.confusion).toEqual(report().dev?.confusion);
    expect(back?.mistakes?.classNames).toEqual(['cat', 'dog']);
    expect(back?.mistakes?.imageShape).toEqual([2, 2, 1]);
    expect(back?.mistakes?.dev?.wrong[0]?.x).toBeInstanceOf(Float32Array);
    expect(back?.mistakes?.test).toBeNull();
  });

  it('are absent from runs saved before they existed, which still load', () => {
    const run = finishedRun('run-o');
    const saved = JSON.parse(JSON.stringify(summarizeRun(run)));
    expect(saved.mistakes).toBeUndefined();
    expect(restoreRun(saved)?.mistakes).toBeUndefined();
    expect(saved.filters).toBeUndefined();
  });
});

describe('a saved run’s filters', () => {
  it('come back with their shape, to 4 significant digits', () => {
    // Two 1×1×2 filters of conv1: [0.123456, −1] and [2, 1/3] → 0.1235, −1, 2, 0.3333.
    const run = finishedRun('run-f');
    const filters = { nodeId: 'conv1', shape: [1, 1, 2] as [number, number, number], count: 2 };
    applyWorkerMessage(run, {
      type: 'filters',
      runId: run.id,
      t: 30,
      filters: { ...filters, values: Float32Array.from([0.123456, -1, 2, 1 / 3]) },
    });
    const back = restoreRun(JSON.parse(JSON.stringify(summarizeRun(run))));
    expect(back?.filters).toMatchObject({ ...filters, t: 30 });
    expect([...(back?.filters?.values ?? [])].map((v) => Number(v.toPrecision(4)))).toEqual([
      0.1235, -1, 2, 0.3333,
    ]);
  });
});

/** A run that trained one epoch to the end. */
function finishedRun(id: string) {
  const run = newRunRecord(id, 'Run 1', presetDocument(), 1);
  applyWorkerMessage(run, { type: 'events', runId: id, events: [startEvent(), doneEvent()] });
  return run;
}

describe('a saved run’s neuron pictures', () => {
  it('come back thinned to 32 × 32 and quantized to 8 bits over the layer’s scale', () => {
    const run = finishedRun('run-n');
    // A 64-grid snapshot of hidden1's 2 units, scale 2: unit 0 all 2; unit 1 −2 at (0, 0), else 0.
    const size = 64;
    const values = new Float32Array(2 * size * size);
    values.fill(2, 0, size * size);
    values[size * size] = -2;
    const bounds = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
    applyWorkerMessage(run, {
      type: 'boundary',
      runId: run.id,
      t: 40,
      size,
      bounds,
      probability: new Float32Array(size * size),
      classes: new Int32Array(size * size),
      neurons: [{ nodeId: 'hidden1', units: 2, values, scale: 2 }],
    });
    const saved = JSON.parse(JSON.stringify(summarizeRun(run)));
    // Stride ⌈64/32⌉ = 2 → 32 × 32 a unit: 2·1024 = 2048 bytes, ⌈2048/3⌉·4 = 2732 base64 characters.
    expect(saved.neurons.size).toBe(32);
    expect(saved.neurons.layers[0].pixels).toHaveLength(2732);
    const back = restoreRun(saved)?.savedNeurons;
    expect(back).toMatchObject({ t: 40, size: 32 });
    const restored = back?.layers[0]?.values ?? new Float32Array();
    expect(restored).toHaveLength(2048);
    // 2 → q 255 → (255/127.5 − 1)·2 = 2; −2 → q 0 → −2; 0 → q round(127.5) = 128 → (128/127.5 − 1)·2 = 0.00784.
    expect(restored[0]).toBe(2);
    expect(restored[1024]).toBe(-2);
    expect(restored[1025]).toBeCloseTo(2 / 255, 6);
  });

  it('are absent from runs that had none, and older files restore without them', () => {
    const saved = JSON.parse(JSON.stringify(summarizeRun(finishedRun('run-o'))));
    expect(saved.neurons).toBeUndefined();
    expect(restoreRun(saved)?.savedNeurons).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import type { MistakesReport } from '../../engine/inspect/mistakes';
import type { StartEvent } from '../../engine/train/events';
import { presetDocument } from '../store/testing';
import { applyWorkerMessage, newRunRecord } from '../training/runRecord';
import { restoreRun, summarizeRun } from '../training/savedRuns';
import { doneEvent } from '../training/testing';

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
  });
});

/** A run that trained one epoch to the end. */
function finishedRun(id: string) {
  const run = newRunRecord(id, 'Run 1', presetDocument(), 1);
  applyWorkerMessage(run, { type: 'events', runId: id, events: [startEvent(), doneEvent()] });
  return run;
}

function startEvent(): StartEvent {
  return {
    type: 'start',
    backend: 'cpu',
    executor: 'tfjs',
    timings: [],
    epochs: 1,
    updatesPerEpoch: 1,
    batchSize: 3,
    m: { train: 3, dev: 3, test: 0 },
    parameterCount: 6,
    notes: [],
  };
}

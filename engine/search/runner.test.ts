import { describe, expect, it } from 'vitest';
import { sequentialDocument } from '../document/build.js';
import { readParam } from './params.js';
import { collectSearch, median, pruneEpoch, runSearch, shouldPrune } from './runner.js';
import { sampleTrial } from './sample.js';
import type { SearchSpace } from './space.js';
import type { TrialExecutor, TrialOutcome, TrialRequest } from './trial.js';

const doc = sequentialDocument({
  layers: [{ kind: 'Dense', id: 'output', params: { units: 1, activation: 'sigmoid' } }],
  optimizer: { algorithm: 'adam', learningRate: 0.0007 },
});

const space: SearchSpace = {
  params: [{ nodeId: 'optimizer', path: 'learningRate', scale: 'log10', min: 1e-4, max: 1e-1 }],
  trials: 8,
  epochsPerTrial: 20,
  seed: 1,
};

/**
 * A stand-in for training: trial k's loss after the prune epoch is `checkpoint[k]`, its final loss
 * half that. It applies the prune check the way the real executor does.
 */
function fakeExecutor(checkpoint: Record<number, number>, seen: TrialRequest[] = []): TrialExecutor {
  return async (request) => {
    seen.push(request);
    await new Promise((r) => setTimeout(r, (request.trial * 7) % 5));
    const loss = checkpoint[request.trial] ?? 0.5;
    const base: Omit<TrialOutcome, 'reason' | 'epochs' | 'devLoss' | 'stoppedEarly'> = {
      devAccuracy: null,
      trainLoss: null,
      trainAccuracy: null,
      message: '',
      checkpointLoss: request.prune ? loss : null,
      elapsedMs: 1,
    };
    if (request.prune && shouldPrune(request.prune, request.prune.epoch, loss)) {
      return { ...base, devLoss: loss, epochs: request.prune.epoch, stoppedEarly: true, reason: 'pruned' };
    }
    return { ...base, devLoss: loss / 2, epochs: request.epochs, stoppedEarly: false, reason: 'epochs' };
  };
}

describe('the early-stop rule for bad trials', () => {
  it('checks after a quarter of the epochs, never at the last', () => {
    const rule = { fraction: 0.25, minFinished: 3 };
    expect([pruneEpoch(100, rule), pruneEpoch(20, rule), pruneEpoch(3, rule), pruneEpoch(1, rule)]).toEqual([
      25,
      5,
      1,
      null,
    ]);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('stops a trial worse than the median of finished trials at the same epoch, or NaN', async () => {
    // Checkpoint losses at epoch 5 (a quarter of 20), trial by trial:
    //   1: NaN  → stopped (a NaN loss needs no median)
    //   2: 0.5, 3: 0.3, 4: 0.7 → trained (fewer than 3 finished: no bar yet)
    //   5: 0.6  → stopped: above median(0.5, 0.3, 0.7) = 0.5
    //   6: 0.2  → trained; the bar becomes median(0.5, 0.3, 0.7, 0.2) = (0.3 + 0.5)/2 = 0.4
    //   7: 0.45 → stopped: above 0.4
    //   8: 0.35 → trained
    const seen: TrialRequest[] = [];
    const results = await collectSearch(doc, space, {
      execute: fakeExecutor(
        { 1: Number.NaN, 2: 0.5, 3: 0.3, 4: 0.7, 5: 0.6, 6: 0.2, 7: 0.45, 8: 0.35 },
        seen,
      ),
    });
    expect(results.map((r) => [r.trial, r.reason])).toEqual([
      [1, 'pruned'],
      [2, 'epochs'],
      [3, 'epochs'],
      [4, 'epochs'],
      [5, 'pruned'],
      [6, 'epochs'],
      [7, 'pruned'],
      [8, 'epochs'],
    ]);
    expect(seen.map((r) => r.prune?.loss ?? null)).toEqual([null, null, null, null, 0.5, 0.5, 0.4, 0.4]);
    expect(results.filter((r) => r.stoppedEarly).map((r) => r.epochs)).toEqual([5, 5, 5]);
  });

  it('prunes nothing when pruning is off', async () => {
    const results = await collectSearch(doc, space, {
      execute: fakeExecutor({ 1: Number.NaN, 5: 9 }),
      pruning: null,
    });
    expect(results.every((r) => r.reason === 'epochs')).toBe(true);
  });
});

describe('the search runner', () => {
  it('sends each trial its drawn values written into the document', async () => {
    const seen: TrialRequest[] = [];
    const results = await collectSearch(doc, space, { execute: fakeExecutor({}, seen) });
    expect(results.map((r) => r.values)).toEqual(seen.map((r) => r.values));
    seen.forEach((request, i) => {
      expect(request.values).toEqual(sampleTrial(space, i + 1));
      expect(readParam(request.doc, 'optimizer', 'learningRate')).toMatchObject({
        value: request.values['optimizer.learningRate'],
      });
      expect(request.epochs).toBe(20);
    });
  });

  it('trains the document’s own values first as trial 0 when asked for a baseline, and never prunes it', async () => {
    const seen: TrialRequest[] = [];
    const results = await collectSearch(doc, space, {
      execute: fakeExecutor({ 0: Number.NaN }, seen),
      baseline: true,
    });
    expect(results[0]).toMatchObject({
      trial: 0,
      values: { 'optimizer.learningRate': 0.0007 },
      reason: 'epochs',
    });
    expect(seen[0]?.prune).toBeNull();
    // The baseline leaves the trials themselves as they are without it.
    const without = await collectSearch(doc, space, { execute: fakeExecutor({}) });
    expect(results.slice(1).map((r) => r.values)).toEqual(without.map((r) => r.values));
  });

  it('reports values that make no valid node as an invalid trial instead of running it', async () => {
    const seen: TrialRequest[] = [];
    const bad: SearchSpace = {
      ...space,
      trials: 2,
      params: [{ nodeId: 'output', path: 'units', scale: 'linear', min: 1.2, max: 1.8 }],
    };
    const results = await collectSearch(doc, bad, { execute: fakeExecutor({}, seen) });
    expect(results.map((r) => r.reason)).toEqual(['invalid', 'invalid']);
    expect(results[0]?.problems?.[0]).toMatchObject({ code: 'INVALID_PARAM', nodeId: 'output' });
    expect(seen).toEqual([]);
  });

  it('turns an executor that throws into an "error" trial', async () => {
    const results = await collectSearch(
      doc,
      { ...space, trials: 1 },
      {
        execute: async () => {
          throw new Error('worker died');
        },
      },
    );
    expect(results[0]).toMatchObject({ trial: 1, reason: 'error', message: 'Trial failed: worker died' });
  });

  it('runs several trials at once and yields them as they finish', async () => {
    let inFlight = 0;
    let most = 0;
    const execute: TrialExecutor = async (request, signal) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      const outcome = await fakeExecutor({})(request, signal);
      inFlight -= 1;
      return outcome;
    };
    const results = await collectSearch(doc, space, { execute, concurrency: 3, pruning: null });
    expect(most).toBe(3);
    expect(results.map((r) => r.trial).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('stops starting trials when aborted, and asks running ones to stop when the loop is left', async () => {
    const signal = { aborted: false };
    const started: number[] = [];
    const returned: number[] = [];
    const execute: TrialExecutor = async (request, s) => {
      started.push(request.trial);
      // Trial 3 trains until it is asked to stop.
      while (request.trial === 3 && !s.aborted) await new Promise((r) => setTimeout(r, 1));
      const outcome = await fakeExecutor({})(request, s);
      returned.push(request.trial);
      return outcome;
    };
    const results = [];
    for await (const r of runSearch(doc, space, { execute, signal })) {
      results.push(r);
      if (r.trial === 2) signal.aborted = true;
    }
    expect(results.map((r) => r.trial)).toEqual([1, 2]);
    expect(started).toEqual([1, 2]);
    // Two at a time: 1 and 2 start, 1 finishes and 3 starts, 2 finishes and the loop is left while 3
    // runs. The runner flags 3 to stop and waits for it before the loop exits.
    started.length = 0;
    returned.length = 0;
    for await (const r of runSearch(doc, space, { execute, concurrency: 2 })) if (r.trial === 2) break;
    expect(started).toEqual([1, 2, 3]);
    expect(returned).toEqual([1, 2, 3]);
  });
});

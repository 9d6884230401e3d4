import { describe, expect, it } from 'vitest';
import { sequentialDocument } from '../../engine/document/build';
import type { StartEvent } from '../../engine/train/events';
import { epochAt, ReplayCursor } from './replay';
import { newRunRecord, type RunRecord } from './runRecord';

/** A finished run of 30 updates, 3 per epoch (10 epochs), without its numbers. */
function runOf(updates: number, perEpoch: number): RunRecord {
  const doc = sequentialDocument({
    name: 'r',
    dataset: { source: { kind: 'generator', name: 'moons', n: 20, noise: 0.2 } },
    layers: [],
    optimizer: { algorithm: 'gd', learningRate: 0.1 },
    training: { batchSize: 8, epochs: 10 },
  });
  const run = newRunRecord('r1', 'Run 1', doc, 1);
  run.start = { type: 'start', epochs: updates / perEpoch, updatesPerEpoch: perEpoch } as StartEvent;
  for (let t = 1; t <= updates; t++) run.updates.t.push(t);
  for (let e = 1; e <= updates / perEpoch; e++) run.epochs.epoch.push(e);
  return run;
}

describe('the replay cursor', () => {
  it('follows the newest update until it is moved, and clamps a seek to the run', () => {
    const run = runOf(30, 3);
    const cursor = new ReplayCursor();
    expect(cursor.timeOf(run)).toBeNull();
    cursor.seek(run, 12);
    expect(cursor.timeOf(run)).toBe(12);
    cursor.seek(run, 99);
    expect(cursor.timeOf(run)).toBe(30);
    // Another run is not moved by this one's cursor.
    expect(cursor.timeOf({ ...run, id: 'r2' })).toBeNull();
    cursor.follow();
    expect(cursor.timeOf(run)).toBeNull();
  });

  it('plays from the start at the chosen speed and stops at the last update', () => {
    const run = runOf(30, 3);
    const cursor = new ReplayCursor();
    cursor.setSpeed(10);
    cursor.play(run);
    expect(cursor.timeOf(run)).toBe(1);
    // 10 updates/s for 500 ms: 1 + 5 = 6.
    cursor.advance(run, 500);
    expect(cursor.timeOf(run)).toBe(6);
    cursor.advance(run, 10_000);
    expect(cursor.timeOf(run)).toBe(30);
    expect(cursor.snapshot().playing).toBe(false);
  });

  it('counts the epochs finished by update t', () => {
    const run = runOf(30, 3);
    // 3 updates an epoch: t = 2 is inside epoch 1, t = 3 ends it, t = 29 has finished 9.
    expect([2, 3, 29, 30].map((t) => epochAt(run, t))).toEqual([0, 1, 9, 10]);
  });
});

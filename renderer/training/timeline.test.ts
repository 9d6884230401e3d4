import { describe, expect, it } from 'vitest';
import { Timeline } from './timeline';

describe('the time axis of a recorded run', () => {
  it('finds the snapshot at t or the last one before it, and none before the first', () => {
    const timeline = new Timeline<string>();
    timeline.push(0, 'start');
    timeline.push(9, 'epoch 3');
    timeline.push(18, 'epoch 6');
    expect(timeline.at(9)).toEqual({ t: 9, value: 'epoch 3' });
    expect(timeline.at(17)).toEqual({ t: 9, value: 'epoch 3' });
    expect(timeline.at(1000)).toEqual({ t: 18, value: 'epoch 6' });
    expect(timeline.at(-1)).toBeNull();
  });

  it('keeps at most its capacity, dropping every other older snapshot and always the newest', () => {
    const timeline = new Timeline<number>(4);
    for (const t of [0, 10, 20, 30, 40]) timeline.push(t, t);
    // Full at 0 10 20 30: thinned to 0 20, then 40 added.
    expect(timeline.keptTimes()).toEqual([0, 20, 40]);
    for (let t = 50; t <= 1000; t += 10) timeline.push(t, t);
    expect(timeline.length).toBeLessThanOrEqual(4);
    expect(timeline.keptTimes()[0]).toBe(0);
    expect(timeline.keptTimes().at(-1)).toBe(1000);
  });

  it('replaces a snapshot sent again for the same update', () => {
    const timeline = new Timeline<string>();
    timeline.push(5, 'during');
    timeline.push(5, 'final');
    expect(timeline.keptTimes()).toEqual([5]);
    expect(timeline.at(5)?.value).toBe('final');
  });
});

import { describe, expect, it } from 'vitest';
import { InspectionSchedule, LAYER_STATS_BUDGET } from './inspection-schedule.js';

/**
 * Runs `updates` updates of `updateMs` each, a measurement adding `measureMs`, on a simulated clock;
 * returns the measured t and the share of the time the measurements took.
 */
function simulate(schedule: InspectionSchedule, updates: number, updateMs: number, measureMs: number) {
  let now = 0;
  let spent = 0;
  const measured: number[] = [];
  for (let t = 1; t <= updates; t++) {
    const timed = schedule.timed(t);
    const began = now;
    const inspect = schedule.due(t, began);
    now += updateMs;
    if (inspect) {
      now += measureMs;
      measured.push(t);
      spent += measureMs;
      schedule.recordMeasured(timed ? updateMs : null, measureMs, now);
    } else if (timed) schedule.recordPlain(updateMs);
  }
  return { measured, share: spent / now };
}

describe('the layer statistics schedule', () => {
  it('measures the first update and exactly every N-th without a budget, whatever it costs', () => {
    const { measured } = simulate(new InspectionSchedule(10, null), 40, 0.012, 0.05);
    expect(measured).toEqual([1, 10, 20, 30, 40]);
  });

  it('never measures with N = 0', () => {
    expect(simulate(new InspectionSchedule(0, LAYER_STATS_BUDGET), 40, 1, 1).measured).toEqual([]);
  });

  it('keeps every N-th update when measuring is cheap against the updates', () => {
    // 70 ms updates, 5 ms measurements: 5/0.05 = 100 ms < 10 updates' 700 ms, so nothing is skipped.
    const { measured, share } = simulate(new InspectionSchedule(10, LAYER_STATS_BUDGET), 40, 70, 5);
    expect(measured).toEqual([1, 10, 20, 30, 40]);
    expect(share).toBeLessThan(0.01);
  });

  it('spaces costly measurements out to keep them within the budget, on multiples of N', () => {
    // 12 µs updates, 36 µs measurements (a measured update itself no slower than update 9, the
    // plain one before it): each waits 36/0.05 = 720 µs = 60 updates, so they come every 70th (the
    // first multiple of 10 past 60 updates later). 36 µs of every 70 × 12 + 36 = 876 µs is 4.1 %,
    // against 36/(120 + 36) = 23 % every 10th.
    const { measured, share } = simulate(new InspectionSchedule(10, LAYER_STATS_BUDGET), 1000, 0.012, 0.036);
    expect(measured.slice(0, 4)).toEqual([1, 70, 140, 210]);
    expect(measured.every((t) => t === 1 || t % 10 === 0)).toBe(true);
    expect(share).toBeLessThan(LAYER_STATS_BUDGET);
    expect(share).toBeGreaterThan(0.03);
  });

  it("measures the run's last update when it is a multiple of N, whatever the budget", () => {
    const schedule = new InspectionSchedule(10, LAYER_STATS_BUDGET);
    schedule.recordPlain(0.012);
    schedule.recordMeasured(0.012, 1, 2); // a 1 ms measurement: the next may come 20 ms after t = 2 ms
    expect(schedule.due(20, 3)).toBe(false);
    expect(schedule.due(20, 3, true)).toBe(true);
    expect(schedule.due(21, 3, true)).toBe(false);
  });

  it('times only the updates that may be measured and the ones before them', () => {
    const schedule = new InspectionSchedule(10, LAYER_STATS_BUDGET);
    const timed = Array.from({ length: 21 }, (_, i) => i + 1).filter((t) => schedule.timed(t));
    expect(timed).toEqual([9, 10, 19, 20]);
    expect(new InspectionSchedule(10, null).timed(10)).toBe(false);
  });
});

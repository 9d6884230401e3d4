/**
 * The share of training time the layer statistics may take when the Training node's layerStatsEvery
 * sets their pace: a measurement that cost c ms waits at least c / 0.05 = 20c ms before the next, so
 * at most c of every 21c ms (4.8 %) goes to measuring.
 */
export const LAYER_STATS_BUDGET = 0.05;

/**
 * When the trainer measures the layers (engine/inspect): after update 1, then at most every
 * `every`-th update (0: never) and at the run's last if it is one of those. With a `budget` (a share of the time), a due measurement is skipped
 * until the time since the last one ended is at least its cost / budget; without one (null), every
 * `every`-th update is measured whatever it costs (`netcanvas train --layer-stats-every N`).
 *
 * A measurement's cost is its own time plus what its update took above the last plain update
 * before it (the copy of the parameters, the executor's read-back): e.g. 40 µs + 2 µs on the moons
 * network lets the next one come 0.84 ms later, at the first multiple of `every` after that.
 */
export class InspectionSchedule {
  /** The last measurement's cost and when it ended (ms, `performance.now()`). */
  private lastCost = 0;
  private lastEnded = Number.NEGATIVE_INFINITY;
  /** The last plain update's time (ms), the baseline a measured update is charged above. */
  private plainUpdate: number | null = null;

  constructor(
    readonly every: number,
    readonly budget: number | null,
  ) {}

  /**
   * Whether update t is measured, deciding at time `now` (ms). The run's `last` update, when it is a
   * multiple of `every`, is measured whatever the budget, so a run ends with its final figures.
   */
  due(t: number, now: number, last = false): boolean {
    if (this.every <= 0) return false;
    if (t === 1) return true;
    if (t % this.every !== 0) return false;
    return this.budget === null || last || now - this.lastEnded >= this.lastCost / this.budget;
  }

  /**
   * Whether the trainer should time update t: under a budget, those that may be measured and the ones
   * before them. Not the first update: it runs cold (compilation, first allocations), and charging it
   * would hold back the second measurement of a network whose updates take seconds; its measurement
   * alone is charged.
   */
  timed(t: number): boolean {
    if (this.budget === null || this.every <= 0 || t === 1) return false;
    return t % this.every === 0 || (t + 1) % this.every === 0;
  }

  /** Records a plain (unmeasured) update's time: read-back included, ms. */
  recordPlain(ms: number): void {
    this.plainUpdate = ms;
  }

  /**
   * Records a measurement ending at `now`: `measureMs` for the measurement itself, and its update's
   * time (null where that was not timed: the first update) charged above the last plain update's.
   */
  recordMeasured(updateMs: number | null, measureMs: number, now: number): void {
    const extra = updateMs === null ? 0 : Math.max(0, updateMs - (this.plainUpdate ?? updateMs));
    this.lastCost = measureMs + extra;
    this.lastEnded = now;
  }
}

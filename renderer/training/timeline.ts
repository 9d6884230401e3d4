/**
 * The time axis of a recorded run: snapshots of one view keyed by the update t they show, oldest
 * first. The decision boundary keeps one today; any other view recorded with a run (layer
 * activations, weights, gradients) keeps its own `Timeline<ItsSnapshot>` beside it in the RunRecord,
 * and the replay cursor (renderer/training/replay.ts) picks from each the snapshot `at(t)`, so every
 * recorded view scrubs and plays the same way without knowing the others.
 *
 * Memory stays bounded: when a snapshot arrives at a full timeline, every other kept one goes (the
 * first, third, … stay), so however long the run, at most `capacity` snapshots remain, spread over
 * its whole length, the first and the newest always among them. E.g. capacity 4 holding t = 0 10 20
 * 30, then 40 arrives: 10 and 30 go, leaving 0 20 40.
 */
export class Timeline<T> {
  private readonly times: number[] = [];
  private readonly values: T[] = [];

  constructor(readonly capacity = 120) {}

  get length(): number {
    return this.times.length;
  }

  /** Adds the snapshot of time `t` (not before the last one; an equal t replaces it). */
  push(t: number, value: T): void {
    const last = this.times.length - 1;
    if (last >= 0 && (this.times[last] as number) >= t) {
      this.times[last] = t;
      this.values[last] = value;
      return;
    }
    if (this.times.length >= this.capacity) this.thin();
    this.times.push(t);
    this.values.push(value);
  }

  /** The snapshot at `t` or the last one before it; null before the first. */
  at(t: number): { t: number; value: T } | null {
    let lo = 0;
    let hi = this.times.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.times[mid] as number) <= t) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found < 0 ? null : { t: this.times[found] as number, value: this.values[found] as T };
  }

  /** The times of the kept snapshots, oldest first. */
  keptTimes(): readonly number[] {
    return this.times;
  }

  /** Keeps every other snapshot (the first, third, …): half the memory, the whole run still covered. */
  private thin(): void {
    let kept = 0;
    for (let i = 0; i < this.times.length; i += 2) {
      this.times[kept] = this.times[i] as number;
      this.values[kept] = this.values[i] as T;
      kept++;
    }
    this.times.length = kept;
    this.values.length = kept;
  }
}

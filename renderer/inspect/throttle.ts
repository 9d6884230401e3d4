/**
 * When the worker recomputes an inspection view during training (the mistakes on dev and test, the
 * first layer's filters): at most every `minGapMs`, and never spending more than 1/`share` of the
 * time on it — a view that took 300 ms waits 3 s with share 10, so a big test set cannot slow the
 * training it watches to a crawl.
 */
export class Throttle {
  private last = Number.NEGATIVE_INFINITY;
  private cost = 0;

  constructor(
    private readonly minGapMs: number,
    private readonly share: number,
  ) {}

  /** Whether the view is due at `now` (ms). */
  due(now: number): boolean {
    return now - this.last >= Math.max(this.minGapMs, this.share * this.cost);
  }

  /** Records a computation that began at `began` and took `costMs`. */
  ran(began: number, costMs: number): void {
    this.last = began;
    this.cost = costMs;
  }
}

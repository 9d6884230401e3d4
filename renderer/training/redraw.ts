import type { RunRecord } from './runRecord';

/**
 * What each view of a run draws from, as a string: a frame whose key did not move draws nothing.
 * `run.version` moves with every worker message (~100 a second on a small graph, one per epoch), so
 * views keyed on it repainted every frame whether or not their own data had changed.
 */

/** The chart's series as drawn (labels, colours, widths): uPlot is rebuilt only when this changes. */
export const seriesKey = (series: readonly object[]): string => JSON.stringify(series);

/** The per-update costs of `runs`: they change when updates arrive (not when a boundary does). */
export const updatesKey = (runs: readonly RunRecord[]): string =>
  runs.map((r) => `${r.id}:${r.updates.cost.length}`).join('|');

/** The per-epoch curves of `runs`: they change when an epoch arrives, not on every update. */
export const epochsKey = (runs: readonly RunRecord[]): string =>
  runs.map((r) => `${r.id}:${r.epochs.epoch.length}`).join('|');

/** The decision boundary: its field is re-sampled every ~300 ms, the points come once a run. */
export const boundaryKey = (run: RunRecord): string =>
  `${run.id}:${run.boundary?.t ?? -1}:${run.boundary ? run.boundary.size : 0}:${run.points ? 1 : 0}`;

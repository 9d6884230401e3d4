import type { TrainingEvent } from '../engine/train/events.js';

const BAR = 24;

function duration(ms: number): string {
  if (!Number.isFinite(ms)) return '--';
  // The fast executor trains a small preset in well under a second: say how far under.
  if (ms < 10_000) return `${(ms / 1000).toFixed(ms < 1000 ? 2 : 1)}s`;
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

const fmt = (v: number | null | undefined, digits = 4): string =>
  v == null || Number.isNaN(v) ? '—' : v.toFixed(digits);

/**
 * The terminal progress line: a bar over the run's updates, the epoch, the smoothed cost and the ETA.
 * Pure: state in, text out.
 */
export function createProgress(): { onEvent(e: TrainingEvent): string | null } {
  let total = 1;
  let epochs = 1;
  let startedAt = 0;
  let last = '';
  return {
    onEvent(e) {
      if (e.type === 'start') {
        total = e.epochs * e.updatesPerEpoch;
        epochs = e.epochs;
        startedAt = performance.now();
        return null;
      }
      if (e.type === 'update') {
        const done = e.t / total;
        const elapsed = performance.now() - startedAt;
        const eta = done > 0 ? (elapsed / done) * (1 - done) : Number.NaN;
        const filled = Math.round(done * BAR);
        last = `[${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] epoch ${e.epoch}/${epochs}  cost ${fmt(e.smoothedCost)}  α ${e.lr.toPrecision(3)}  ETA ${duration(eta)}`;
        return last;
      }
      return null;
    },
  };
}

/** The end-of-run summary lines. */
export function summaryLines(e: Extract<TrainingEvent, { type: 'done' }>): string[] {
  const row = (name: string, m: { cost: number; accuracy: number | null; m: number } | null) =>
    m
      ? `  ${name.padEnd(5)} cost ${fmt(m.cost)}  accuracy ${m.accuracy === null ? '—' : `${(m.accuracy * 100).toFixed(1)}%`}  (m = ${m.m})`
      : null;
  return [
    e.message,
    `  ${e.updates} updates in ${duration(e.elapsedMs)}; best epoch ${e.bestEpoch ?? '—'}`,
    row('train', e.train),
    row('dev', e.dev),
    row('test', e.test),
  ].filter((l): l is string => l !== null);
}

/**
 * The diagnoses of a layers event not shown before in this run, one line each ("update 1:
 * hidden1 SYMMETRY …"), so a long run repeats none of them.
 */
export function newDiagnoses(): (e: Extract<TrainingEvent, { type: 'layers' }>) => string[] {
  const shown = new Set<string>();
  return (e) =>
    e.diagnoses.flatMap((d) => {
      const key = `${d.code}@${d.nodeId}`;
      if (shown.has(key)) return [];
      shown.add(key);
      return [`update ${e.t}: ${d.nodeId} ${d.code} ${d.message}`];
    });
}

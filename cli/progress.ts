import type { TrainingEvent } from '../engine/train/events.js';

const BAR = 24;

/** A time span as the progress line shows it: 0.42s, 7.5s, 3m05s, 2h07m, 18d11h. */
export function duration(ms: number): string {
  if (!Number.isFinite(ms)) return '--';
  // The fast executor trains a small preset in well under a second: say how far under.
  if (ms < 10_000) return `${(ms / 1000).toFixed(ms < 1000 ? 2 : 1)}s`;
  const s = Math.round(ms / 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  if (s >= 86_400) return `${Math.floor(s / 86_400)}d${two(Math.floor(s / 3600) % 24)}h`;
  if (s >= 3600) return `${Math.floor(s / 3600)}h${two(Math.floor(s / 60) % 60)}m`;
  return s >= 60 ? `${Math.floor(s / 60)}m${two(s % 60)}s` : `${s}s`;
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

/** Longest silence of the non-terminal log: a pipe reader sees a line at least this often. */
export const LOG_AT_LEAST_EVERY_MS = 5000;

/**
 * The progress log where stderr is no terminal (a pipe, CI): about 20 epoch lines per run, the first
 * epoch always, and a line at least every LOG_AT_LEAST_EVERY_MS while epochs or updates take long.
 * Pure: events and the clock in, a line or null out.
 */
export function createProgressLog(epochs: number): { onEvent(e: TrainingEvent, now: number): string | null } {
  const every = Math.max(1, Math.round(epochs / 20));
  let lastAt: number | null = null;
  return {
    onEvent(e, now) {
      lastAt ??= now;
      const overdue = now - lastAt >= LOG_AT_LEAST_EVERY_MS;
      let line: string | null = null;
      if (e.type === 'epoch' && (e.epoch % every === 0 || e.epoch === 1 || overdue)) {
        line = `epoch ${e.epoch}/${epochs}: train cost ${e.train.cost.toFixed(4)}${e.dev ? `, dev cost ${e.dev.cost.toFixed(4)}` : ''}`;
      } else if (e.type === 'update' && overdue) {
        line = `epoch ${e.epoch}/${epochs}, update ${e.t}: cost ${fmt(e.smoothedCost)}`;
      }
      if (line) lastAt = now;
      return line;
    },
  };
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

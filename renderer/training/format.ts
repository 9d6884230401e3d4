/** "42s", "3m05s", "1h02m". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** Progress of a run from its counts: epoch k of N, updates per second, elapsed and ETA. */
export function progressFigures(args: { updates: number; totalUpdates: number; elapsedMs: number }): {
  rate: number;
  etaMs: number;
  fraction: number;
} {
  const { updates, totalUpdates, elapsedMs } = args;
  const rate = elapsedMs > 0 ? (updates * 1000) / elapsedMs : 0;
  const fraction = totalUpdates > 0 ? Math.min(1, updates / totalUpdates) : 0;
  const etaMs = rate > 0 ? ((totalUpdates - updates) * 1000) / rate : Number.NaN;
  return { rate, etaMs, fraction };
}

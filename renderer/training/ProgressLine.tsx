import { memo, useRef } from 'react';
import { formatDuration, progressFigures } from './format';
import { useFrameLoop, useTrainingT } from './hooks';
import type { RunRecord } from './runRecord';

/** Epoch k of N, updates per second, elapsed time and ETA, refreshed on animation frames. */
export const ProgressLine = memo(function ProgressLine({ run }: { run: RunRecord }) {
  const t = useTrainingT();
  const text = useRef<HTMLSpanElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  useFrameLoop(() => {
    if (!text.current || !bar.current) return;
    // Figures for tests and assistive tools, readable without parsing the text.
    const box = bar.current.parentElement?.parentElement;
    box?.setAttribute('data-updates', String(run.updates.t.length));
    box?.setAttribute('data-first-cost', String(run.updates.cost.length ? run.updates.cost.at(0) : ''));
    box?.setAttribute('data-last-lr', String(run.updates.lr.last() ?? ''));
    const start = run.start;
    if (!start) {
      text.current.textContent = t('train.starting');
      return;
    }
    // The last update's number: a saved run keeps a sample of its updates, not all of them.
    const updates = run.updates.t.last() ?? 0;
    const elapsed = (run.done?.elapsedMs ?? Date.now() - run.startedAt) || 1;
    const total = start.epochs * start.updatesPerEpoch;
    const { rate, etaMs, fraction } = progressFigures({ updates, totalUpdates: total, elapsedMs: elapsed });
    const epoch = Math.min(start.epochs, Math.max(1, Math.ceil(updates / start.updatesPerEpoch)));
    text.current.textContent = t('train.progress', {
      epoch,
      epochs: start.epochs,
      rate: rate >= 100 ? Math.round(rate) : rate.toFixed(1),
      elapsed: formatDuration(elapsed),
      eta: run.done ? '0s' : formatDuration(etaMs),
    });
    bar.current.style.width = `${(run.done ? 1 : fraction) * 100}%`;
  });
  return (
    <div className="nc-progress" data-testid="progress">
      <div className="nc-progress-track">
        <div className="nc-progress-bar" ref={bar} />
      </div>
      <span ref={text} />
    </div>
  );
});

import { memo, useEffect, useSyncExternalStore } from 'react';
import { useTrainingT } from './hooks';
import { epochAt, lastUpdate, REPLAY_SPEEDS, type ReplayCursor } from './replay';
import type { RunRecord } from './runRecord';

const cost = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v.toFixed(4) : '—');
const percent = (v: number | undefined) =>
  v !== undefined && Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : '—';

/** The epoch metrics of the last epoch finished by update t, as the readout shows them. */
function metricsAt(run: RunRecord, epoch: number) {
  const i = epoch - 1;
  const e = run.epochs;
  return {
    trainCost: cost(i >= 0 ? e.trainCost.at(i) : undefined),
    devCost: cost(i >= 0 ? e.devCost.at(i) : undefined),
    trainAccuracy: percent(i >= 0 ? e.trainAccuracy.at(i) : undefined),
    devAccuracy: percent(i >= 0 ? e.devAccuracy.at(i) : undefined),
  };
}

/**
 * The time scrubber: drag through updates t = 1…T of the run (during or after it, saved runs too)
 * and the cost charts' line, the epoch metrics and the decision boundary show that moment; Play
 * replays at the chosen speed; Latest follows the run again.
 */
export const Replay = memo(function Replay({
  run,
  cursor,
}: {
  run: RunRecord;
  cursor: ReplayCursor;
  tick: number;
}) {
  const t = useTrainingT();
  const state = useSyncExternalStore(cursor.subscribe, cursor.snapshot);
  const playing = state.playing && state.runId === run.id;

  useEffect(() => {
    if (!playing) return;
    let before = performance.now();
    let frame = requestAnimationFrame(function step(now) {
      cursor.advance(run, now - before);
      before = now;
      frame = requestAnimationFrame(step);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, cursor, run]);

  const last = lastUpdate(run);
  if (last === 0) return null;
  const at = cursor.timeOf(run);
  const shown = Math.round(at ?? last);
  const epoch = epochAt(run, shown);
  return (
    <div className="nc-replay" data-testid="replay" data-following={at === null}>
      <button
        type="button"
        onClick={() => (playing ? cursor.pause() : cursor.play(run))}
        data-testid="replay-play"
      >
        {playing ? t('train.replay.pause') : t('train.replay.play')}
      </button>
      <input
        type="range"
        min={1}
        max={last}
        step={1}
        value={shown}
        onChange={(e) => cursor.seek(run, Number(e.target.value))}
        aria-label={t('train.replay')}
        data-testid="replay-slider"
      />
      <button
        type="button"
        onClick={() => cursor.follow()}
        disabled={at === null}
        data-testid="replay-latest"
      >
        {t('train.replay.latest')}
      </button>
      <label>
        {t('train.replay.speed')}{' '}
        <select
          value={state.speed}
          onChange={(e) => cursor.setSpeed(Number(e.target.value))}
          data-testid="replay-speed"
        >
          {REPLAY_SPEEDS.map((n) => (
            <option key={n} value={n}>
              {t('train.replay.speedValue', { n })}
            </option>
          ))}
        </select>
      </label>
      <span className="nc-replay-at" data-testid="replay-at" data-t={shown} data-epoch={epoch}>
        {t('train.replay.at', { t: shown, total: last, epoch })}
      </span>
      <span className="nc-replay-metrics" data-testid="replay-metrics">
        {t('train.replay.metrics', metricsAt(run, epoch))}
      </span>
    </div>
  );
});

import { memo } from 'react';
import { defaultBaseError } from '../../engine/train/base-error';
import type { SplitMetrics } from '../../engine/train/events';
import { biasVarianceVerdict } from '../../engine/train/verdict';
import { trainingTraits } from '../../engine/train/verdict-context';
import { doneText } from '../i18n/problemText';
import { useLanguage } from '../i18n/useT';
import { useApp } from '../store/context';
import { useTrainingT } from './hooks';
import { runName } from './runName';
import type { RunRecord } from './runRecord';

const fmt = (v: number | null | undefined, digits = 4) =>
  v == null || Number.isNaN(v) ? '—' : v.toFixed(digits);
const pct = (v: number | null | undefined) =>
  v == null || Number.isNaN(v) ? '—' : `${(v * 100).toFixed(1)}%`;

/** After a run: final metrics, best epoch, why it stopped, and the bias/variance verdict (spec §2). */
/** `tick` changes when the (mutable) run record does, so the memo lets the update through. */
export const RunSummary = memo(function RunSummary({ run }: { run: RunRecord; tick: number }) {
  const t = useTrainingT();
  const language = useLanguage();
  const baseError = useApp((s) => s.baseError);
  const setBaseError = useApp((s) => s.setBaseError);
  const done = run.done;
  if (!done) return null;
  const traits = trainingTraits(run.document);
  const base = baseError ?? defaultBaseError(traits.source);
  const verdict = biasVarianceVerdict(done.train, done.dev, base, traits);
  const row = (name: string, m: SplitMetrics | null) =>
    m && (
      <tr key={name}>
        <th scope="row">{name}</th>
        <td>{fmt(m.cost)}</td>
        <td>{pct(m.accuracy)}</td>
        <td>{m.m}</td>
      </tr>
    );
  return (
    <section className="nc-summary" data-testid="run-summary" data-reason={done.reason}>
      <h3>
        {t('train.summary')}: <span data-testid="summary-run">{runName(run.label, t, language)}</span>
      </h3>
      <p className={`nc-reason nc-reason-${done.reason}`}>
        {t(`train.reason.${done.reason}`)} {doneText(done, language)}
      </p>
      <table>
        <thead>
          <tr>
            <th>{t('train.split')}</th>
            <th>{t('train.cost')}</th>
            <th>{t('train.accuracy')}</th>
            <th>m</th>
          </tr>
        </thead>
        <tbody>
          {[
            row(t('train.row.train'), done.train),
            row(t('train.row.dev'), done.dev),
            row(t('train.row.test'), done.test),
          ]}
        </tbody>
      </table>
      {done.bestEpoch !== null && <p>{t('train.bestEpoch', { epoch: done.bestEpoch })}</p>}
      <div className="nc-verdict" data-testid="verdict" data-kind={verdict.kind}>
        <h4>{t('train.verdict')}</h4>
        <label className="nodrag">
          {t('train.baseError')}{' '}
          <input
            type="number"
            min={0}
            max={100}
            step={0.5}
            value={Math.round(base * 1000) / 10}
            onChange={(e) => setBaseError(Number(e.target.value) / 100)}
            data-testid="base-error"
          />
        </label>
        <p className="nc-verdict-headline">{verdict.headline[language]}</p>
        <ul>
          {verdict.remedies.map((r) => (
            <li key={r.en}>{r[language]}</li>
          ))}
        </ul>
      </div>
    </section>
  );
});

import { useEffect } from 'react';
import type { GradCheckReport } from '../../engine/gradcheck/check';
import { FLOAT32_TOLERANCE } from '../../engine/gradcheck/verdict';
import type { Translate } from '../i18n/i18n';
import { problemText } from '../i18n/problemText';
import { useLanguage, useT } from '../i18n/useT';
import { useApp } from '../store/context';
import { anyRounding, sci, summarizeReport } from './summary';
import './gradcheck.css';

/** The same table as `netcanvas gradcheck`: one row per parameter tensor, then the overall row. */
function ReportTable({ report, t }: { report: GradCheckReport; t: Translate }) {
  const auto = report.autodiff;
  return (
    <table className="gradcheck__table" data-testid="gradcheck-table">
      <thead>
        <tr>
          <th>{t('gradcheck.col.layer')}</th>
          <th>{t('gradcheck.col.parameter')}</th>
          <th>{t('gradcheck.col.shape')}</th>
          <th className="num">{t('gradcheck.col.checked')}</th>
          <th className="num">{t('gradcheck.col.difference')}</th>
          <th>{t('gradcheck.col.verdict')}</th>
          <th>{t('gradcheck.col.worst')}</th>
          {auto && <th>{t('gradcheck.col.tfjs')}</th>}
        </tr>
      </thead>
      <tbody>
        {report.rows.map((r) => (
          <tr key={r.id} data-testid={`gradcheck-row-${r.id}`} data-verdict={r.verdict}>
            <td>
              <code>{r.nodeId}</code>
            </td>
            <td>
              <code>{r.parameter}</code>
            </td>
            <td>{r.shape.join('×')}</td>
            <td className="num">{r.checked}</td>
            <td className="num">{sci(r.difference)}</td>
            <td>
              <span className={`verdict verdict--${r.verdict.replace(' ', '-')}`}>
                {t(`gradcheck.verdict.${r.verdict}`)}
              </span>
            </td>
            <td className="gradcheck__worst">{r.worst ? `[${r.worst.index.join(', ')}]` : '—'}</td>
            {auto && (
              <td>
                {r.autodiff ? (
                  <>
                    <span className="num">{sci(r.autodiff.difference)}</span>{' '}
                    <span className={`verdict verdict--${r.autodiff.verdict.replace(' ', '-')}`}>
                      {t(`gradcheck.tfjs.${r.autodiff.verdict}`)}
                    </span>
                  </>
                ) : (
                  '—'
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr data-testid="gradcheck-overall" data-verdict={report.overall.verdict}>
          <th scope="row" colSpan={4}>
            {t('gradcheck.overall')}
          </th>
          <td className="num">{sci(report.overall.difference)}</td>
          <td>
            <span className={`verdict verdict--${report.overall.verdict.replace(' ', '-')}`}>
              {t(`gradcheck.verdict.${report.overall.verdict}`)}
            </span>
          </td>
          <td />
          {auto && (
            <td>
              <span className="num">{sci(auto.difference)}</span>{' '}
              <span className={`verdict verdict--${auto.verdict.replace(' ', '-')}`}>
                {t(`gradcheck.tfjs.${auto.verdict}`)}
              </span>
            </td>
          )}
        </tr>
      </tfoot>
    </table>
  );
}

function VerdictLine({ report, t }: { report: GradCheckReport; t: Translate }) {
  const verdict = summarizeReport(report);
  const tolerance = FLOAT32_TOLERANCE.toExponential();
  if (verdict.kind === 'failed') {
    return (
      <p
        className="gradcheck__verdict gradcheck__verdict--failed"
        data-testid="gradcheck-verdict"
        data-kind="failed"
      >
        {t('gradcheck.failed', { difference: sci(verdict.difference), where: verdict.where })}
      </p>
    );
  }
  if (verdict.kind === 'trainerFailed') {
    return (
      <p
        className="gradcheck__verdict gradcheck__verdict--failed"
        data-testid="gradcheck-verdict"
        data-kind="trainerFailed"
      >
        {t('gradcheck.trainerFailed', {
          difference: sci(verdict.difference),
          where: verdict.where,
          cost: verdict.cost.toPrecision(8),
          tfjsCost: verdict.tfjsCost.toPrecision(8),
        })}
      </p>
    );
  }
  const tfjs = verdict.tfjs;
  return (
    <p
      className="gradcheck__verdict gradcheck__verdict--passed"
      data-testid="gradcheck-verdict"
      data-kind="passed"
    >
      <strong>✓</strong> {t('gradcheck.passed', { difference: sci(verdict.difference) })}{' '}
      {tfjs &&
        t(tfjs.agrees ? 'gradcheck.tfjsAgrees' : 'gradcheck.tfjsLookCloser', {
          difference: sci(tfjs.difference),
          tolerance,
        })}
    </p>
  );
}

/** "Check gradients": the report of the canvas's graph, as `netcanvas gradcheck` prints it. */
export function GradcheckDialog() {
  const t = useT();
  const language = useLanguage();
  const check = useApp((s) => s.gradcheck);
  const close = useApp((s) => s.closeGradcheck);
  const again = useApp((s) => s.checkGradients);
  const open = check !== null;
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, close]);
  if (!check) return null;
  const report = check.result?.report;
  return (
    <div className="modal-layer">
      <div
        className="modal gradcheck"
        role="dialog"
        aria-modal="true"
        aria-label={t('gradcheck.action')}
        data-testid="gradcheck"
        data-status={check.status}
      >
        <h2 className="modal__title">
          {t('gradcheck.title', { name: check.result?.name ?? check.docName })}
        </h2>
        <p className="gradcheck__how">{t('gradcheck.how')}</p>
        {check.status === 'running' && (
          <p className="gradcheck__running">
            <span className="gradcheck__spinner" aria-hidden="true" /> {t('gradcheck.running')}
          </p>
        )}
        {check.status === 'invalid' && (
          <div className="gradcheck__problems" data-testid="gradcheck-problems">
            <p>{t('gradcheck.invalid')}</p>
            <ul>
              {check.problems.map((p) => (
                <li key={`${p.nodeId}|${p.code}|${p.message}`}>
                  <code>{p.nodeId ?? '—'}</code> {problemText(p, language)}
                </li>
              ))}
            </ul>
          </div>
        )}
        {check.status === 'failed' && (
          <p className="gradcheck__verdict gradcheck__verdict--failed">
            {t('gradcheck.failedToRun', { message: check.failure ?? '' })}
          </p>
        )}
        {report && (
          <>
            <p className="gradcheck__setup">
              {t('gradcheck.setup', {
                examples: report.examples,
                m: report.m,
                epsilon: report.epsilon,
                cost: report.cost.toPrecision(8),
                tfjsCost: report.autodiff?.cost.toPrecision(8) ?? '—',
              })}
            </p>
            {check.hasDropout && (
              <p className="gradcheck__dropout" data-testid="gradcheck-dropout">
                {t('gradcheck.dropoutOff')}
              </p>
            )}
            {report.notes.length > 0 && (
              <ul className="gradcheck__notes" data-testid="gradcheck-notes">
                {report.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            )}
            <ReportTable report={report} t={t} />
            <VerdictLine report={report} t={t} />
            {anyRounding(report) && (
              <p className="gradcheck__footnote">
                {t('gradcheck.rounding', { perEntry: sci(report.roundingPerEntry), epsilon: report.epsilon })}
              </p>
            )}
          </>
        )}
        <div className="modal__actions">
          <button
            type="button"
            className="button"
            onClick={again}
            disabled={check.status === 'running'}
            data-testid="gradcheck-again"
          >
            {t('gradcheck.again')}
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={close}
            data-testid="gradcheck-close"
          >
            {t('common.close')}
          </button>
        </div>
      </div>
    </div>
  );
}

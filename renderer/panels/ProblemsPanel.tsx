import { memo, useState } from 'react';
import type { Problem } from '../../engine/problems';
import { lookup } from '../i18n/i18n';
import { problemText } from '../i18n/problemText';
import { useLanguage, useT } from '../i18n/useT';
import { useApp, useAppStoreApi } from '../store/context';

export function ProblemRow({ problem, onSelect }: { problem: Problem; onSelect?: () => void }) {
  const t = useT();
  const language = useLanguage();
  const title = lookup(language, `problem.${problem.code}`) ?? problem.code;
  const content = (
    <>
      <span className={`severity severity--${problem.severity}`} title={t(`severity.${problem.severity}`)}>
        {problem.severity === 'error' ? '✕' : '!'}
      </span>
      <span className="problem__node">{problem.nodeId ?? t('problems.document')}</span>
      <span className="problem__title">{title}</span>
      <span className="problem__message">{problemText(problem, language)}</span>
    </>
  );
  return onSelect ? (
    <button type="button" className="problem" onClick={onSelect}>
      {content}
    </button>
  ) : (
    <div className="problem">{content}</div>
  );
}

/**
 * Every problem the engine finds, live; clicking one selects its node and centres the view on it.
 * Its header folds it: on its own, or as the workspace pane it sits in (`open`, `onToggle`).
 */
export const ProblemsPanel = memo(function ProblemsPanel(props: {
  open?: boolean;
  onToggle?: (open: boolean) => void;
}) {
  const t = useT();
  const store = useAppStoreApi();
  const analysis = useApp((s) => s.analysis);
  const [ownOpen, setOwnOpen] = useState(true);
  const open = props.open ?? ownOpen;
  const setOpen = props.onToggle ?? setOwnOpen;
  const { problems, errorCount, warningCount } = analysis;
  return (
    <section
      className={`problems${open ? '' : ' problems--closed'}`}
      data-testid="problems"
      aria-label={t('problems.title')}
    >
      <button
        type="button"
        className="problems__header"
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        data-testid="problems-toggle"
      >
        <span className="problems__chevron">{open ? '▾' : '▸'}</span>
        <span className="panel-title">{t('problems.title')}</span>
        <span className="problems__counts" data-testid="problems-summary">
          {problems.length === 0 ? (
            <span className="ok">{t('status.ready')}</span>
          ) : (
            `${t(errorCount === 1 ? 'problems.errors.one' : 'problems.errors.other', { count: errorCount })} · ${t(
              warningCount === 1 ? 'problems.warnings.one' : 'problems.warnings.other',
              { count: warningCount },
            )}`
          )}
        </span>
      </button>
      {open && (
        <ul className="problems__list" data-testid="problems-list">
          {problems.length === 0 && <li className="problems__none">{t('problems.none')}</li>}
          {problems.map((p, i) => (
            <li key={`${p.code}|${p.nodeId}|${p.path ?? ''}|${p.message}`} data-testid={`problem-${i}`}>
              <ProblemRow
                problem={p}
                onSelect={p.nodeId === null ? undefined : () => store.getState().focusNode(p.nodeId!)}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});

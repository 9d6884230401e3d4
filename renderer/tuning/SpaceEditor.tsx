import { memo, useMemo } from 'react';
import { paramKey, rangeProblem, readParam, SCALES, type Scale } from '../../engine/search';
import { useLanguage, useT } from '../i18n/useT';
import { useApp } from '../store/context';
import { formatValue, paramName } from './format';
import { NumberField } from './NumberField';
import { searchCandidates } from './space';

/** The marked params with their scales and ranges, the list to mark more from, and the budget. */
export const SpaceEditor = memo(function SpaceEditor({ busy }: { busy: boolean }) {
  const t = useT();
  const language = useLanguage();
  const doc = useApp((s) => s.doc);
  const params = useApp((s) => s.tuning.params);
  const mark = useApp((s) => s.markSearchParam);
  const unmark = useApp((s) => s.unmarkSearchParam);
  const edit = useApp((s) => s.editSearchParam);
  const candidates = useMemo(() => searchCandidates(doc), [doc]);
  const marked = new Set(params.map(paramKey));
  const unmarked = candidates.filter((c) => !marked.has(paramKey(c)));
  return (
    <section className="tuning__section">
      <h3 className="tuning__heading">{t('tuning.space')}</h3>
      {params.length === 0 ? (
        <p className="tuning__muted">{t('tuning.noParams')}</p>
      ) : (
        <table className="tuning__space" data-testid="search-space">
          <thead>
            <tr>
              <th>{t('tuning.col.param')}</th>
              <th className="num">{t('tuning.col.now')}</th>
              <th>{t('tuning.col.scale')}</th>
              <th>{t('tuning.col.min')}</th>
              <th>{t('tuning.col.max')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {params.map((p) => {
              const key = paramKey(p);
              const name = paramName(doc, p, language);
              const current = readParam(doc, p.nodeId, p.path);
              const problem = rangeProblem(p.scale, p.min, p.max);
              return (
                <tr key={key} data-testid={`space-${key}`} className={problem ? 'tuning__row--bad' : ''}>
                  <td>
                    {name}
                    {problem && <div className="tuning__row-problem">{problem}</div>}
                  </td>
                  <td className="num">{current.ok ? formatValue(current.value) : '—'}</td>
                  <td>
                    <select
                      value={p.scale}
                      disabled={busy}
                      aria-label={`${name}: ${t('tuning.col.scale')}`}
                      onChange={(e) => edit(key, { scale: e.target.value as Scale })}
                      data-testid={`scale-${key}`}
                    >
                      {SCALES.map((s) => (
                        <option key={s} value={s}>
                          {t(`tuning.scale.${s}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <NumberField
                      value={p.min}
                      disabled={busy}
                      label={`${name}: ${t('tuning.col.min')}`}
                      onCommit={(min) => edit(key, { min })}
                      testId={`min-${key}`}
                    />
                  </td>
                  <td>
                    <NumberField
                      value={p.max}
                      disabled={busy}
                      label={`${name}: ${t('tuning.col.max')}`}
                      onCommit={(max) => edit(key, { max })}
                      testId={`max-${key}`}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="tuning__icon"
                      disabled={busy}
                      onClick={() => unmark(key)}
                      title={t('tuning.remove', { param: name })}
                      aria-label={t('tuning.remove', { param: name })}
                      data-testid={`unmark-${key}`}
                    >
                      ✕
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {unmarked.length > 0 && (
        <select
          className="tuning__add"
          value=""
          disabled={busy}
          onChange={(e) => {
            const c = unmarked.find((u) => paramKey(u) === e.target.value);
            if (c) mark(c.nodeId, c.path);
          }}
          data-testid="mark-param"
        >
          <option value="">{t('tuning.add')}</option>
          {unmarked.map((c) => (
            <option key={paramKey(c)} value={paramKey(c)}>
              {paramName(doc, c, language)} = {formatValue(c.current)}
            </option>
          ))}
        </select>
      )}
    </section>
  );
});

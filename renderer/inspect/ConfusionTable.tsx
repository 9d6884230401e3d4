import { memo } from 'react';
import type { Confusion } from '../../engine/inspect/confusion';
import { useT } from '../i18n/useT';

const percent = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);

/**
 * A cell's colour: the share of its row (its true class) it holds, green on the diagonal (right),
 * red off it (wrong); an empty cell stays blank.
 */
function cellColour(count: number, rowTotal: number, right: boolean): string | undefined {
  if (count === 0 || rowTotal === 0) return undefined;
  const alpha = (0.15 + 0.65 * (count / rowTotal)).toFixed(2);
  return right ? `rgba(47, 158, 68, ${alpha})` : `rgba(224, 49, 49, ${alpha})`;
}

/**
 * The confusion matrix as a table of counts (true class per row, predicted per column), with each
 * class's recall at the end of its row and precision at the foot of its column.
 */
export const ConfusionTable = memo(function ConfusionTable({
  confusion,
  name,
}: {
  confusion: Confusion;
  name: (c: number) => string;
}) {
  const t = useT();
  const { classes: C, counts } = confusion;
  const classes = Array.from({ length: C }, (_, c) => c);
  const rowTotal = (r: number) => classes.reduce((sum, c) => sum + (counts[r * C + c] as number), 0);
  return (
    <table className="nc-confusion" data-testid="confusion" data-classes={C} data-m={confusion.m}>
      <thead>
        <tr>
          <th className="nc-confusion__axes">{t('inspect.axes')}</th>
          {classes.map((c) => (
            <th key={c}>{name(c)}</th>
          ))}
          <th>{t('inspect.recall')}</th>
        </tr>
      </thead>
      <tbody>
        {classes.map((r) => (
          <tr key={r}>
            <th>{name(r)}</th>
            {classes.map((c) => {
              const count = counts[r * C + c] as number;
              return (
                <td
                  key={c}
                  data-testid="confusion-cell"
                  data-count={count}
                  style={{ background: cellColour(count, rowTotal(r), r === c) }}
                  title={t('inspect.cell', { count, truth: name(r), predicted: name(c) })}
                >
                  {count}
                </td>
              );
            })}
            <td className="nc-confusion__rate">{percent(confusion.recall[r] ?? null)}</td>
          </tr>
        ))}
        <tr>
          <th>{t('inspect.precision')}</th>
          {classes.map((c) => (
            <td key={c} className="nc-confusion__rate">
              {percent(confusion.precision[c] ?? null)}
            </td>
          ))}
          <td />
        </tr>
      </tbody>
    </table>
  );
});

import { memo } from 'react';
import { paramKey, type SearchMetric, type SearchParam, trainedFully } from '../../engine/search';
import { formatValue } from './format';
import { niceTicks, scatterAxis } from './scatter';
import type { TrialRow } from './tuningSlice';

const W = 300;
const H = 170;
const M = { left: 44, right: 10, top: 10, bottom: 30 };
const PW = W - M.left - M.right;
const PH = H - M.top - M.bottom;

interface ScatterPlotProps {
  param: SearchParam;
  name: string;
  rows: readonly TrialRow[];
  metric: SearchMetric;
  bestKey: string | null;
}

/**
 * The dev metric of every trial against one searched param, on that param's scale (a log axis for
 * α, β and batch sizes). Trials stopped early are hollow; the best is ringed; the graph's own values
 * are a square.
 */
export const ScatterPlot = memo(function ScatterPlot({
  param,
  name,
  rows,
  metric,
  bestKey,
}: ScatterPlotProps) {
  const key = paramKey(param);
  const points = rows.flatMap((r) => {
    const x = r.values[key];
    const y = metric === 'devAccuracy' ? r.devAccuracy : (r.devLoss ?? r.trainLoss);
    return x !== undefined && y !== null && Number.isFinite(y) ? [{ row: r, x, y }] : [];
  });
  const axis = scatterAxis(
    param.scale,
    param.min,
    param.max,
    points.map((p) => p.x),
  );
  const ys = points.map((p) => p.y);
  let [lo, hi] = ys.length ? [Math.min(...ys), Math.max(...ys)] : [0, 1];
  if (metric === 'devAccuracy') [lo, hi] = [Math.min(lo, 0.5), 1];
  if (hi - lo < 1e-6) [lo, hi] = [lo - 0.05, hi + 0.05];
  const pad = (hi - lo) * 0.08;
  const [y0, y1] = [Math.max(0, lo - pad), hi + pad];
  const yAt = (v: number) => M.top + PH * (1 - (v - y0) / (y1 - y0));
  const xAt = (v: number) => M.left + PW * axis.position(v);
  const yTicks = niceTicks(y0, y1, 4).filter((v) => v >= y0 && v <= y1);
  const yLabel = (v: number) =>
    metric === 'devAccuracy' ? `${Math.round(v * 100)}%` : String(Number(v.toPrecision(3)));
  return (
    <figure className="scatter" data-testid={`scatter-${key}`} data-log={axis.log}>
      <figcaption>
        {name}
        {axis.log && <span className="scatter__log">log</span>}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={name}>
        {yTicks.map((v) => (
          <g key={`y${v}`}>
            <line className="scatter__grid" x1={M.left} x2={W - M.right} y1={yAt(v)} y2={yAt(v)} />
            <text className="scatter__tick" x={M.left - 6} y={yAt(v) + 3} textAnchor="end">
              {yLabel(v)}
            </text>
          </g>
        ))}
        {axis.ticks.map((t) => (
          <g key={`x${t.label}`}>
            <line
              className="scatter__grid"
              x1={M.left + PW * t.at}
              x2={M.left + PW * t.at}
              y1={M.top}
              y2={M.top + PH}
            />
            <text className="scatter__tick" x={M.left + PW * t.at} y={H - M.bottom + 14} textAnchor="middle">
              {t.label}
            </text>
          </g>
        ))}
        <rect className="scatter__frame" x={M.left} y={M.top} width={PW} height={PH} />
        {points.map(({ row, x, y }) => {
          const cx = xAt(x);
          const cy = yAt(y);
          const kind = row.trial === 0 ? 'own' : trainedFully(row) ? 'full' : 'pruned';
          const title = `${row.key}: ${formatValue(x)} → ${yLabel(y)}`;
          return (
            <g key={row.key} className={`scatter__point scatter__point--${kind}`} data-key={row.key}>
              <title>{title}</title>
              {kind === 'own' ? (
                <rect x={cx - 4} y={cy - 4} width={8} height={8} />
              ) : (
                <circle cx={cx} cy={cy} r={4} />
              )}
              {row.key === bestKey && <circle className="scatter__best" cx={cx} cy={cy} r={8} />}
            </g>
          );
        })}
      </svg>
    </figure>
  );
});

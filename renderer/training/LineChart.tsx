import { memo, useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { positiveOnly } from './costScale';
import { observeWidth, useFrameLoop } from './hooks';
import { seriesKey } from './redraw';

export interface LineSeries {
  label: string;
  color: string;
  width?: number;
  dash?: number[];
}

export interface LineChartProps {
  title: string;
  xLabel: string;
  series: readonly LineSeries[];
  /** What the data depends on, read every frame: the chart redraws when it changes. */
  version: () => string;
  /** The data to draw (x first), read only when the version moved. */
  columns: () => ArrayLike<number>[];
  height?: number;
  logY?: boolean;
  testId: string;
  /** The replay's x, read every frame: a vertical line is drawn there (none for null). */
  marker?: () => number | null;
}

/** A uPlot plugin drawing a vertical line at `x()` over the plot area. */
function markerPlugin(x: () => number | null): uPlot.Plugin {
  return {
    hooks: {
      draw: [
        (u) => {
          const at = x();
          if (at === null) return;
          const left = u.valToPos(at, 'x', true);
          const { top, height } = u.bbox;
          u.ctx.save();
          u.ctx.strokeStyle = 'rgba(201, 42, 42, 0.85)';
          u.ctx.lineWidth = 2 * devicePixelRatio;
          u.ctx.beginPath();
          u.ctx.moveTo(left, top);
          u.ctx.lineTo(left, top + height);
          u.ctx.stroke();
          u.ctx.restore();
        },
      ],
    },
  };
}

/**
 * A uPlot line chart (canvas, not SVG per point): smooth with 100,000 points. Redraws on animation
 * frames when the data's version changes.
 */
export const LineChart = memo(function LineChart({
  title,
  xLabel,
  series,
  version,
  columns,
  height = 180,
  logY = false,
  testId,
  marker,
}: LineChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const drawn = useRef('');
  // A log axis cannot draw zeros: they become gaps.
  const drawnColumns = logY
    ? () => columns().map((c, i) => (i === 0 ? c : (positiveOnly(c) as unknown as ArrayLike<number>)))
    : columns;
  const getData = useRef({ version, columns: drawnColumns, marker });
  getData.current = { version, columns: drawnColumns, marker };
  const drawnMarker = useRef<number | null>(null);
  // Parents rebuild equal series on every render (4 a second while training): the chart is built from
  // their key, so it is rebuilt only when they differ, not with a forced layout on every tick.
  const key = seriesKey(series);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const opts: uPlot.Options = {
      title,
      width: Math.max(200, el.clientWidth),
      height,
      pxAlign: false,
      scales: { x: { time: false }, y: logY ? { distr: 3 } : {} },
      axes: [
        { label: xLabel, stroke: 'currentColor', grid: { stroke: 'rgba(128,128,128,0.15)' } },
        { stroke: 'currentColor', grid: { stroke: 'rgba(128,128,128,0.15)' }, size: 56 },
      ],
      legend: { show: true, live: false },
      plugins: [markerPlugin(() => getData.current.marker?.() ?? null)],
      cursor: { drag: { x: true, y: false } },
      series: [
        { label: xLabel },
        ...(JSON.parse(key) as LineSeries[]).map((s) => ({
          label: s.label,
          stroke: s.color,
          width: s.width ?? 1.5,
          ...(s.dash ? { dash: s.dash } : {}),
          points: { show: false },
        })),
      ],
    };
    drawn.current = getData.current.version();
    plot.current = new uPlot(opts, getData.current.columns() as uPlot.AlignedData, el);
    const stop = observeWidth(el, (width) => plot.current?.setSize({ width, height }));
    return () => {
      stop();
      plot.current?.destroy();
      plot.current = null;
    };
  }, [title, xLabel, key, height, logY]);

  useFrameLoop(() => {
    const next = getData.current.version();
    const mark = getData.current.marker?.() ?? null;
    if (!plot.current) return;
    if (next !== drawn.current) {
      drawn.current = next;
      drawnMarker.current = mark;
      plot.current.setData(getData.current.columns() as uPlot.AlignedData);
    } else if (mark !== drawnMarker.current) {
      drawnMarker.current = mark;
      plot.current.redraw(false, false);
    } else return;
    box.current?.setAttribute('data-marker', mark === null ? '' : String(Math.round(mark)));
  });

  return (
    <div
      className="nc-chart"
      ref={box}
      data-testid={testId}
      data-version={drawn.current}
      data-scale={logY ? 'log' : 'linear'}
      data-marker=""
    />
  );
});

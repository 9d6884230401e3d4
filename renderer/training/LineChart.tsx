import { memo, useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { observeWidth, useFrameLoop } from './hooks';

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
  /** Returns the data to draw (x first) and a version: the chart redraws when the version changes. */
  data: () => { version: string; columns: ArrayLike<number>[] };
  height?: number;
  logY?: boolean;
  testId: string;
}

/**
 * A uPlot line chart (canvas, not SVG per point): smooth with 100,000 points. Redraws on animation
 * frames when the data's version changes.
 */
export const LineChart = memo(function LineChart({
  title,
  xLabel,
  series,
  data,
  height = 180,
  logY = false,
  testId,
}: LineChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const drawn = useRef('');
  const getData = useRef(data);
  getData.current = data;

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
      cursor: { drag: { x: true, y: false } },
      series: [
        { label: xLabel },
        ...series.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: s.width ?? 1.5,
          ...(s.dash ? { dash: s.dash } : {}),
          points: { show: false },
        })),
      ],
    };
    const initial = getData.current();
    plot.current = new uPlot(opts, initial.columns as uPlot.AlignedData, el);
    drawn.current = initial.version;
    const stop = observeWidth(el, (width) => plot.current?.setSize({ width, height }));
    return () => {
      stop();
      plot.current?.destroy();
      plot.current = null;
    };
  }, [title, xLabel, series, height, logY]);

  useFrameLoop(() => {
    const next = getData.current();
    if (!plot.current || next.version === drawn.current) return;
    drawn.current = next.version;
    plot.current.setData(next.columns as uPlot.AlignedData);
  });

  return <div className="nc-chart" ref={box} data-testid={testId} data-version={drawn.current} />;
});

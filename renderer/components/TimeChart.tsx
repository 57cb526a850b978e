import { memo, useCallback, useId, useMemo, useRef, useState } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { type ChartData, type ChartDef, valueTicks, yearTicks } from '../chart-data.js';
import { fileNameFor, saveSvgAsPng } from '../download.js';
import { formatAxisNumber, formatAxisTick, formatChartValue, formatDate } from '../format.js';

export interface TimeChartProps {
  def: ChartDef;
  data: ChartData;
  /** Shown under the chart (the HLE caveat, or how the figures relate to published counts). */
  note?: string;
  /** Data key of the option in the spotlight; other options are faded. */
  spotlight?: string;
  height?: number;
  /** Larger axis text, for presenting. */
  large?: boolean;
  onExportError?: (message: string) => void;
}

// Object props are kept stable: recharts stores axis and chart settings and redoes its layout when one changes
// identity, so an inline object would cost a full recomputation on every render.
const MARGIN = { top: 8, right: 16, bottom: 4, left: 4 };
const X_DOMAIN: [string, string] = ['dataMin', 'dataMax'];
const ACTIVE_DOT = { r: 3 };

/** One chart over time. It only renders: the data arrive shaped (chart-data.ts). */
export const TimeChart = memo(function TimeChart({ def, data, note, spotlight, height = 220, large = false, onExportError }: TimeChartProps) {
  const titleId = useId();
  const fontSize = large ? 18 : 12;
  const plotRef = useRef<HTMLDivElement>(null);
  // The tooltip is mounted only while the pointer is over the chart: recharts recomputes a mounted tooltip on every
  // data change, which costs a third of an update while a slider elsewhere is being dragged.
  const [pointerOver, setPointerOver] = useState(false);
  const first = data.rows[0]?.t;
  const last = data.rows[data.rows.length - 1]?.t;
  // The ticks depend only on the span, which a slider rarely changes.
  const ticks = useMemo(() => yearTicks(data.rows), [first, last]); // eslint-disable-line react-hooks/exhaustive-deps
  const tick = useMemo(() => ({ fontSize }), [fontSize]);
  const [lo, hi] = data.domain;
  const domain = useMemo<[number, number]>(() => [lo, hi], [lo, hi]);
  const yTicks = useMemo(() => valueTicks([lo, hi]), [lo, hi]);
  const yLabel = useMemo(
    () => ({ value: def.axisLabel, angle: -90, position: 'insideLeft' as const, fill: '#404040', fontSize }),
    [def.axisLabel, fontSize],
  );
  const initialDimension = useMemo(() => ({ width: 480, height }), [height]);
  const tooltipValue = useCallback((value: unknown) => formatChartValue(Number(value), def.unit), [def.unit]);
  const tooltipLabel = useCallback((label: unknown) => formatDate(Number(label)), []);
  const savePng = useCallback(() => {
    const svg = plotRef.current?.querySelector('svg.recharts-surface');
    if (!(svg instanceof SVGSVGElement)) {
      onExportError?.('The chart is not drawn yet.');
      return;
    }
    saveSvgAsPng(svg, def.title, def.subtitle, fileNameFor(def.title, 'png')).catch((e: Error) => onExportError?.(e.message));
  }, [def, onExportError]);
  const describedLines = data.lines.map((l) => `${l.name}${l.baseline ? ' (baseline, dashed)' : ''}`).join(', ');
  return (
    <figure className={`chart${def.indicative ? ' chart-indicative' : ''}`} aria-labelledby={titleId} data-chart={def.id}>
      <figcaption id={titleId} className="chart-caption">
        <span className="chart-title">{def.title}</span>
        <span className="chart-subtitle">{def.subtitle}</span>
      </figcaption>
      {data.rows.length === 0 ? (
        <p className="empty-inline" style={{ height }}>
          No results to draw yet.
        </p>
      ) : (
        <div
          ref={plotRef}
          className="chart-plot"
          role="img"
          aria-label={`${def.title} in ${def.axisLabel} over time: ${describedLines}`}
          onPointerEnter={() => setPointerOver(true)}
          onPointerLeave={() => setPointerOver(false)}
        >
          <ResponsiveContainer width="100%" height={height} minWidth={0} initialDimension={initialDimension}>
            <LineChart data={data.rows} margin={MARGIN}>
              <CartesianGrid stroke="#e3e3e3" vertical={false} />
              <XAxis
                dataKey="t"
                type="number"
                scale="time"
                domain={X_DOMAIN}
                ticks={ticks}
                tickFormatter={formatAxisTick}
                stroke="#595959"
                tick={tick}
              />
              <YAxis
                tickFormatter={formatAxisNumber}
                width={large ? 90 : 60}
                stroke="#595959"
                tick={tick}
                domain={domain}
                ticks={yTicks}
                label={yLabel}
              />
              {pointerOver && <Tooltip formatter={tooltipValue} labelFormatter={tooltipLabel} isAnimationActive={false} />}
              {data.lines.map((line) => (
                <Line
                  key={line.dataKey}
                  dataKey={line.dataKey}
                  name={line.name}
                  stroke={line.colour}
                  strokeWidth={line.baseline ? 2.5 : 2}
                  strokeDasharray={line.dash}
                  strokeOpacity={spotlight && !line.baseline && line.dataKey !== spotlight ? 0.15 : 1}
                  dot={false}
                  activeDot={pointerOver ? ACTIVE_DOT : false}
                  isAnimationActive={false}
                  connectNulls
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
      {note && <p className="chart-note">{note}</p>}
      <button type="button" className="quiet small export-png" onClick={savePng} aria-label={`Save as PNG: the chart “${def.title}”`}>
        Save as PNG
      </button>
    </figure>
  );
});

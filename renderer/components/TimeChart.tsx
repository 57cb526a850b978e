import { memo, useCallback, useId, useMemo, useRef, useState } from 'react';
import { CartesianGrid, Curve, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis, usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';
import { type ChartData, type ChartDef, type ChartLine, type LineRows, splitLines, valueTicks, yearTicks } from '../chart-data.js';
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

type Scale = (value: number) => number | undefined;

/** The props of one line, as recharts' Line gives them to its curve. */
function lineStyle(line: ChartLine, spotlight: string | undefined) {
  return {
    stroke: line.colour,
    strokeWidth: line.baseline ? 2.5 : 2,
    strokeDasharray: line.dash,
    strokeOpacity: spotlight && !line.baseline && line.dataKey !== spotlight ? 0.15 : 1,
  };
}

/** One line's curve from its own rows: the same path, classes and attributes as recharts' Line draws. */
const PlainLine = memo(function PlainLine({
  line,
  rows,
  x,
  y,
  width,
  height,
  spotlight,
}: {
  line: ChartLine;
  rows: LineRows;
  x: Scale;
  y: Scale;
  width: number;
  height: number;
  spotlight: string | undefined;
}) {
  const id = `recharts-line-${useId()}`;
  const points = useMemo(
    () =>
      rows.map((row) => {
        const v = row[line.dataKey];
        const px = x(row.t);
        const py = v === undefined || v === null ? undefined : y(v);
        return { x: typeof px === 'number' && Number.isFinite(px) ? px : null, y: py ?? null };
      }),
    [rows, line.dataKey, x, y],
  );
  return (
    <g className="recharts-layer recharts-line">
      <Curve
        name={line.name}
        {...lineStyle(line, spotlight)}
        fill="none"
        id={id}
        height={height}
        width={width}
        className="recharts-line-curve"
        points={points}
        type="linear"
        layout="horizontal"
        connectNulls
      />
    </g>
  );
});

/**
 * The lines of a chart drawn straight from the axes' scales, while no pointer is over the chart. recharts' own Line
 * recomputes every line's points, label entries and path length through its store on every data change, which was
 * most of a slider change's cost; here a line whose rows did not change is not redrawn at all.
 */
function PlainLines({ lines, rows, spotlight }: { lines: readonly ChartLine[]; rows: ReadonlyMap<string, LineRows>; spotlight: string | undefined }) {
  const x = useXAxisScale() as Scale | undefined;
  const y = useYAxisScale() as Scale | undefined;
  const area = usePlotArea();
  if (!x || !y || !area) return null;
  return (
    <>
      {lines.map((line) => {
        const own = rows.get(line.dataKey);
        return own ? <PlainLine key={line.dataKey} line={line} rows={own} x={x} y={y} width={area.width} height={area.height} spotlight={spotlight} /> : null;
      })}
    </>
  );
}

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
  // Away from the pointer the lines are drawn by PlainLines from each line's own rows (a line that did not move
  // keeps its rows, so it is not redrawn), on axes with fixed ends, so a new result leaves recharts' store alone
  // unless the vertical range moved. Under the pointer the chart is recharts' own (shared rows, Line, Tooltip), so the
  // tooltip and active dots work as before. Both draw the same paths.
  const linesBefore = useRef<Map<string, LineRows>>(new Map());
  const lineRows = useMemo(() => {
    const split = splitLines(data, linesBefore.current);
    linesBefore.current = split;
    return split;
  }, [data]);
  const xDomain = useMemo<[number, number]>(() => [first ?? 0, last ?? 0], [first, last]);
  const plain = !pointerOver;
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
            <LineChart data={plain ? undefined : data.rows} margin={MARGIN}>
              <CartesianGrid stroke="#e3e3e3" vertical={false} />
              <XAxis
                dataKey="t"
                type="number"
                scale="time"
                domain={plain ? xDomain : X_DOMAIN}
                allowDataOverflow={plain}
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
                allowDataOverflow={plain}
                ticks={yTicks}
                label={yLabel}
              />
              {pointerOver && <Tooltip formatter={tooltipValue} labelFormatter={tooltipLabel} isAnimationActive={false} />}
              {plain && <PlainLines lines={data.lines} rows={lineRows} spotlight={spotlight} />}
              {!plain &&
                data.lines.map((line) => (
                <Line
                  key={line.dataKey}
                  dataKey={line.dataKey}
                  name={line.name}
                  {...lineStyle(line, spotlight)}
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

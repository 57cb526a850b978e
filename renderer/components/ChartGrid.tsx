import { memo, useMemo, useRef } from 'react';
import type { ComparedScenario } from '../../electron/ipc-contract.js';
import { type ChartData, CHARTS, type ChartDef, type PlottedScenario, sameChartData, shapeTimeSeries } from '../chart-data.js';
import { formatBeds } from '../format.js';
import { TimeChart } from './TimeChart.js';

/** Plot a comparison's scenarios: the baseline is the first. */
export function plotted(compared: readonly ComparedScenario[]): PlottedScenario[] {
  return compared.map((c, i) => ({ key: c.id, name: c.name, run: c.run, baseline: i === 0 }));
}

/** The note under a chart, from the runs: the HLE caveat, and how the stranded-bed count relates to the NHS 7-day count. */
export function chartNote(def: ChartDef, compared: readonly ComparedScenario[]): string | undefined {
  const base = compared[0];
  if (!base) return undefined;
  if (def.id === 'hle') return /^indicative/i.test(base.run.hleCaveat) ? base.run.hleCaveat : `Indicative only. ${base.run.hleCaveat}`;
  if (def.id === 'stranded-beds') {
    const m = base.run.metrics;
    return (
      `This counts people medically fit to leave but still in an acute bed. The NHS “stranded” count (in hospital 7 days or more) ` +
      `is larger: the model estimates ${formatBeds(m['los7.initial'])} at the start and ${formatBeds(m['los7.final'])} at the end for the baseline.`
    );
  }
  return undefined;
}

export interface ChartGridProps {
  compared: readonly ComparedScenario[];
  charts?: readonly ChartDef[];
  spotlight?: string;
  height?: number;
  onExportError?: (message: string) => void;
}

/** Every chart of a comparison. Data are shaped once per comparison, so unchanged props keep their references. */
export const ChartGrid = memo(function ChartGrid({ compared, charts = CHARTS, spotlight, height, onExportError }: ChartGridProps) {
  // A chart whose lines did not move keeps its data object, so it is not redrawn (e.g. reorganisation cost while
  // a discharge delay is dragged).
  const previous = useRef(new Map<string, ChartData>());
  const shaped = useMemo(() => {
    const scenarios = plotted(compared);
    return charts.map((def) => {
      let data = shapeTimeSeries(def, scenarios);
      const before = previous.current.get(def.id);
      if (before && sameChartData(before, data)) data = before;
      previous.current.set(def.id, data);
      return { def, data, note: chartNote(def, compared) };
    });
  }, [compared, charts]);
  return (
    <div className="chart-grid">
      {shaped.map(({ def, data, note }) => (
        <TimeChart key={def.id} def={def} data={data} note={note} spotlight={spotlight} height={height} onExportError={onExportError} />
      ))}
    </div>
  );
});

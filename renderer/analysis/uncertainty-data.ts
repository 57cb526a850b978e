/**
 * Chart and table data for the Uncertainty view, shaped from an uncertainty report. Pure: no DOM, no React.
 */
import type { Attribution } from '../../models/analysis/attribution.js';
import type { Tornado } from '../../models/analysis/tornado.js';
import { sortTornado } from '../../models/analysis/tornado.js';
import type { UncertaintyReport } from '../../models/analysis/uncertainty.js';

const DAY_MS = 86_400_000;

export interface BandLine {
  /** Data keys: `${id}Band` holds [P10, P90], `${id}Run` the deterministic run. */
  id: 'baseline' | 'option';
  name: string;
}

export interface BandRow {
  t: number;
  baselineBand?: [number, number];
  baselineRun?: number;
  optionBand: [number, number];
  optionRun: number;
}

/** Rows for a band chart of `series` (values × `scale`), with dates as ms since 1970 for the time axis. */
export function bandRows(report: UncertaintyReport, series: string, scale: number, startDate: string): { rows: BandRow[]; lines: BandLine[] } {
  const start = Date.parse(`${startDate}T00:00:00Z`);
  const o = report.option;
  const b = report.baseline;
  const ob = o.seriesBands[series];
  const bb = b?.seriesBands[series];
  const rows = report.gridTimes.map((time, k) => {
    const row: BandRow = {
      t: start + Math.round(time * DAY_MS),
      optionBand: [ob.p10[k] * scale, ob.p90[k] * scale],
      optionRun: o.deterministic.series[series][k] * scale,
    };
    if (b && bb) {
      row.baselineBand = [bb.p10[k] * scale, bb.p90[k] * scale];
      row.baselineRun = b.deterministic.series[series][k] * scale;
    }
    return row;
  });
  const lines: BandLine[] = [...(b ? [{ id: 'baseline' as const, name: b.name }] : []), { id: 'option', name: o.name }];
  return { rows, lines };
}

export interface PairedRow {
  key: string;
  label: string;
  unit: string;
  /** Option minus baseline in the central run, and its P10 and P90 over the futures. */
  central: number;
  p10: number;
  p90: number;
  betterRuns: number;
  worseRuns: number;
  runs: number;
  /** "better in 8 of 10 plausible futures" */
  sentence: string;
}

export function pairedRows(report: UncertaintyReport): PairedRow[] {
  if (!report.paired) return [];
  return report.headline.map((key) => {
    const p = report.paired![key];
    const info = report.metrics.find((m) => m.key === key)!;
    const tenths = Math.round((p.betterRuns / report.runs) * 10);
    return {
      key,
      label: info.label,
      unit: info.unit,
      central: p.deterministic,
      p10: p.difference.p10,
      p90: p.difference.p90,
      betterRuns: p.betterRuns,
      worseRuns: p.worseRuns,
      runs: report.runs,
      sentence: `better in ${tenths} of 10 plausible futures (${p.betterRuns} of ${report.runs})`,
    };
  });
}

export interface TornadoRow {
  label: string;
  /** Bars from the reference to the metric at the parameter's low and high ends (× scale). */
  lowBar: [number, number];
  highBar: [number, number];
  width: number;
  range: string;
}

/** An axis domain covering every bar end (and zero when asked), with a little room either side. */
export function domainOf(values: number[], includeZero = false): [number, number] {
  const all = includeZero ? [...values, 0] : values;
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (lo === hi) {
    lo -= Math.abs(lo) * 0.1 || 1;
    hi += Math.abs(hi) * 0.1 || 1;
  }
  const pad = (hi - lo) * 0.05;
  return [lo - pad, hi + pad];
}

export function tornadoRows(t: Tornado, metric: string, scale: number, top = 10): { rows: TornadoRow[]; reference: number; domain: [number, number] } {
  const reference = t.reference[metric] * scale;
  const rows = sortTornado(t, metric)
    .filter((i) => i.metrics[metric].width > 0)
    .slice(0, top)
    .map((i) => ({
      label: i.label,
      lowBar: [reference, i.metrics[metric].atLow * scale] as [number, number],
      highBar: [reference, i.metrics[metric].atHigh * scale] as [number, number],
      width: i.metrics[metric].width * scale,
      range: `${i.low} to ${i.high} ${i.unit}`,
    }));
  return { rows, reference, domain: domainOf([reference, ...rows.flatMap((r) => [...r.lowBar, ...r.highBar])]) };
}

export interface WaterfallRow {
  label: string;
  /** [start, end] of the bar (× scale); the last row is the total from zero. */
  bar: [number, number];
  value: number;
  kind: 'part' | 'interaction' | 'other' | 'total';
}

/**
 * A waterfall from zero to the total difference. `mode` 'alone' shows each changed parameter's effect alone, then
 * the interaction share; 'shapley' shows each parameter's Shapley share (interactions shared out). Both end at the
 * same total.
 */
export function waterfallRows(a: Attribution, metric: string, scale: number, mode: 'alone' | 'shapley'): WaterfallRow[] {
  const rows: WaterfallRow[] = [];
  let level = 0;
  const push = (label: string, value: number, kind: WaterfallRow['kind']) => {
    rows.push({ label, bar: [level, level + value * scale], value: value * scale, kind });
    level += value * scale;
  };
  const parts = [...a.parts].sort((x, y) => Math.abs(y.shapley[metric]) - Math.abs(x.shapley[metric]));
  for (const p of parts) push(p.label, mode === 'alone' ? p.oneAtATime[metric] : p.shapley[metric], 'part');
  if (mode === 'alone') push('Changes acting together (interaction)', a.interaction[metric], 'interaction');
  if (Math.abs(a.otherSettings[metric]) * scale > 1e-9) push('Other settings (horizon, dates, rate)', a.otherSettings[metric], 'other');
  rows.push({ label: 'Total difference', bar: [0, a.total[metric] * scale], value: a.total[metric] * scale, kind: 'total' });
  return rows;
}

/**
 * Chart and table data shaped from model runs, apart from the components that draw them. Pure functions: no DOM,
 * no React. Components pass what these return straight to recharts or to a table.
 */
import type { ComparedScenario } from '../electron/ipc-contract.js';
import type { MetricInfo, MetricKey, ScenarioRun, SeriesKey } from '../models/health-care/types.js';
import { dateAfter, formatBreakEven, formatDifference, formatMetric, isoDate, judgeDifference, type Unit } from './format.js';

/**
 * Okabe–Ito colours, safe for the common colour-vision deficiencies. The baseline is black and dashed so it also
 * reads without colour; options take blue, vermilion, bluish green and reddish purple in turn.
 */
export const BASELINE_COLOUR = '#000000';
export const OPTION_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7'] as const;
export const BASELINE_DASH = '6 4';
/** The most scenarios a comparison shows: a baseline and four options. */
export const MAX_COMPARED = 1 + OPTION_COLOURS.length;

/** Days between chart points at least: daily runs are drawn weekly or coarser, which a line at chart size cannot tell apart. */
export const CHART_STEP_DAYS = 7;
/** The most points a line gets: a ten-year daily run is drawn every 31 days. Drawing cost in recharts grows with points, and a smooth stock-and-flow curve needs few. */
export const MAX_CHART_POINTS = 120;

/** Days between chart points for a run spanning `spanDays`: weekly, or coarser so a line has at most MAX_CHART_POINTS. */
export function chartStepDays(spanDays: number): number {
  return Math.max(CHART_STEP_DAYS, Math.ceil(spanDays / MAX_CHART_POINTS));
}

export type ChartId = 'cost-total' | 'cost-nhs' | 'cost-social-care' | 'cost-reorganisation' | 'stranded-beds' | 'hle';

/** What one chart shows. The list below is the window's charts, in the order they appear and are presented. */
export interface ChartDef {
  id: ChartId;
  /** Plain words first. */
  title: string;
  /** The technical name or qualification, shown as the second line. */
  subtitle: string;
  series: SeriesKey;
  unit: Unit;
  /** Multiply model values by this for the axis (£ → £m). */
  scale: number;
  /** The axis unit label. */
  axisLabel: string;
  /** Shown with an "indicative" label and the run's caveat. */
  indicative?: boolean;
  /** Which chart group it belongs to on screen. */
  group: 'cost' | 'cost-by-holder' | 'beds' | 'health';
  /** The vertical axis includes zero (counts and money), so a small change does not look like a large one. */
  zeroBased: boolean;
  /** The vertical axis spans at least this much (axis units), for measures that barely move. */
  minSpan: number;
}

export const CHARTS: readonly ChartDef[] = [
  {
    id: 'cost-total',
    title: 'Total cost so far',
    subtitle: 'cumulative, all budget holders, not discounted',
    series: 'cost.cumulative.total',
    unit: 'GBP',
    scale: 1e-6,
    axisLabel: '£m',
    group: 'cost',
    zeroBased: true,
    minSpan: 1,
  },
  {
    id: 'stranded-beds',
    title: 'People waiting to leave hospital',
    subtitle: 'stranded beds: medically fit but still in an acute bed',
    series: 'strandedBeds',
    unit: 'beds',
    scale: 1,
    axisLabel: 'beds',
    group: 'beds',
    zeroBased: true,
    minSpan: 10,
  },
  {
    id: 'cost-nhs',
    title: 'NHS spending so far',
    subtitle: 'cumulative cost to the NHS budget',
    series: 'cost.cumulative.nhs',
    unit: 'GBP',
    scale: 1e-6,
    axisLabel: '£m',
    group: 'cost-by-holder',
    zeroBased: true,
    minSpan: 1,
  },
  {
    id: 'cost-social-care',
    title: 'Council adult social care spending so far',
    subtitle: 'cumulative cost to the council budget',
    series: 'cost.cumulative.socialCare',
    unit: 'GBP',
    scale: 1e-6,
    axisLabel: '£m',
    group: 'cost-by-holder',
    zeroBased: true,
    minSpan: 1,
  },
  {
    id: 'cost-reorganisation',
    title: 'Reorganisation cost so far',
    subtitle: 'one-off and transition costs, less management savings',
    series: 'cost.cumulative.reorganisation',
    unit: 'GBP',
    scale: 1e-6,
    axisLabel: '£m',
    group: 'cost-by-holder',
    zeroBased: true,
    minSpan: 1,
  },
  {
    id: 'hle',
    title: 'Healthy life expectancy (indicative)',
    subtitle: 'years in good health expected at birth',
    series: 'hle',
    unit: 'years',
    scale: 1,
    axisLabel: 'years',
    indicative: true,
    group: 'health',
    zeroBased: false,
    minSpan: 1,
  },
];

/** A scenario as plotted: its run, its place in the comparison and its colour. */
export interface PlottedScenario {
  key: string;
  name: string;
  run: ScenarioRun;
  baseline: boolean;
}

export interface ChartLine {
  dataKey: string;
  name: string;
  colour: string;
  dash: string | undefined;
  baseline: boolean;
}

/** One row per date: `t` is milliseconds since the epoch (UTC); `s0`… are the scenarios' values. */
export type ChartRow = { t: number; [dataKey: string]: number };

export interface ChartData {
  rows: ChartRow[];
  lines: ChartLine[];
  /** The vertical axis: round numbers around every value, zero-based and at least `minSpan` wide as the chart asks. */
  domain: [number, number];
}

/** The colour of the i-th scenario of a comparison (the baseline first). */
export function colourFor(index: number, baseline: boolean): string {
  if (baseline) return BASELINE_COLOUR;
  return OPTION_COLOURS[(index - 1 + OPTION_COLOURS.length) % OPTION_COLOURS.length] ?? OPTION_COLOURS[0];
}

/** Indices of every `step`-th point, always including the first and the last. */
export function downsampleIndices(length: number, step: number = CHART_STEP_DAYS): number[] {
  if (length <= 0) return [];
  const s = Math.max(1, Math.floor(step));
  const out: number[] = [];
  for (let i = 0; i < length; i += s) out.push(i);
  if (out[out.length - 1] !== length - 1) out.push(length - 1);
  return out;
}

/** Indices of a run's times at least `stepDays` apart (saved times can be daily or coarser). */
export function pointIndices(times: readonly number[], stepDays: number = CHART_STEP_DAYS): number[] {
  if (times.length === 0) return [];
  const out: number[] = [0];
  let next = times[0] + stepDays;
  for (let i = 1; i < times.length; i++) {
    if (times[i] >= next - 1e-9) {
      out.push(i);
      next = times[i] + stepDays;
    }
  }
  if (out[out.length - 1] !== times.length - 1) out.push(times.length - 1);
  return out;
}

/** The lines of a comparison, the baseline first. */
export function chartLines(scenarios: readonly PlottedScenario[]): ChartLine[] {
  return scenarios.map((s, i) => ({
    dataKey: `s${i}`,
    name: s.name,
    colour: colourFor(i, s.baseline),
    dash: s.baseline ? BASELINE_DASH : undefined,
    baseline: s.baseline,
  }));
}

interface RunPoints {
  step: number;
  indices: number[];
  /** Milliseconds since the epoch of each index. */
  dates: number[];
}

// Every chart of a run uses the same points; they are worked out once per run object (runs are never mutated).
const pointsCache = new WeakMap<ScenarioRun, RunPoints>();

/** The indices and dates at which a run is charted. */
export function runPoints(run: ScenarioRun, stepDays?: number): RunPoints {
  const span = run.times.length > 0 ? run.times[run.times.length - 1] - run.times[0] : 0;
  const step = stepDays ?? chartStepDays(span);
  const hit = pointsCache.get(run);
  if (hit && hit.step === step) return hit;
  const indices = pointIndices(run.times, step);
  const start = dateAfter(run.startDate, 0);
  const dates = indices.map((i) => start + Math.round(run.times[i] * 86_400_000));
  const points = { step, indices, dates };
  pointsCache.set(run, points);
  return points;
}

/**
 * Shape one chart: a row per plotted date, a value per scenario, scaled to the axis unit. Scenarios with other start
 * dates or horizons share the rows by date; a scenario without a value on a date leaves that key out. Without
 * `stepDays`, each run is drawn at MAX_CHART_POINTS points at most.
 */
export function shapeTimeSeries(def: ChartDef, scenarios: readonly PlottedScenario[], stepDays?: number): ChartData {
  const byDate = new Map<number, ChartRow>();
  scenarios.forEach((s, i) => {
    const values = s.run.series[def.series];
    if (!values) return;
    const key = `s${i}`;
    const { indices, dates } = runPoints(s.run, stepDays);
    for (let k = 0; k < indices.length; k++) {
      const t = dates[k];
      let row = byDate.get(t);
      if (!row) {
        row = { t };
        byDate.set(t, row);
      }
      row[key] = values[indices[k]] * def.scale;
    }
  });
  const rows = [...byDate.values()].sort((a, b) => a.t - b.t);
  const lines = chartLines(scenarios);
  return { rows, lines, domain: valueDomain(rows, lines.map((l) => l.dataKey), def) };
}

/** One line's own points: the rows where it has a value, with only its own key. */
export type LineRows = ChartRow[];

/**
 * Each line's rows on their own, for drawing every line from its own data. A line whose points are unchanged keeps
 * the array it had in `previous`, so the chart library (which memoises a line's points by its data) redraws only the
 * lines that moved: dragging one scenario's slider redraws that scenario's line, not all five. Rows without the
 * line's key are left out, which draws as the shared rows do with `connectNulls`.
 */
export function splitLines(data: ChartData, previous?: ReadonlyMap<string, LineRows>): Map<string, LineRows> {
  const out = new Map<string, LineRows>();
  for (const line of data.lines) {
    const key = line.dataKey;
    const rows: LineRows = [];
    for (const row of data.rows) {
      const v = row[key];
      if (v !== undefined) rows.push({ t: row.t, [key]: v });
    }
    const before = previous?.get(key);
    out.set(key, before && sameLineRows(before, rows, key) ? before : rows);
  }
  return out;
}

function sameLineRows(a: LineRows, b: LineRows, key: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].t !== b[i].t || a[i][key] !== b[i][key]) return false;
  return true;
}

/** Ticks at round values from one end of an axis range to the other. */
export function valueTicks(domain: readonly [number, number]): number[] {
  const [lo, hi] = domain;
  if (!(hi > lo)) return [lo];
  const step = axisStep(hi - lo);
  const ticks: number[] = [];
  for (let k = 0; lo + k * step <= hi + step * 1e-6; k++) ticks.push(Number((lo + k * step).toPrecision(12)));
  return ticks;
}

/** A round step for about four intervals over a span. */
function axisStep(span: number): number {
  const raw = span / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10) * power;
}

/** The vertical axis range for some rows: round ends, zero included when asked, never narrower than `minSpan`. */
export function valueDomain(
  rows: readonly ChartRow[],
  keys: readonly string[],
  options: { zeroBased: boolean; minSpan: number },
): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const row of rows) {
    for (const k of keys) {
      const v = row[k];
      if (v === undefined || !Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (lo > hi) return [0, 1];
  if (options.zeroBased) {
    lo = Math.min(0, lo);
    hi = Math.max(0, hi);
  }
  if (hi - lo < options.minSpan) {
    if (options.zeroBased && lo === 0) hi = options.minSpan;
    else if (options.zeroBased && hi === 0) lo = -options.minSpan;
    else {
      const mid = (hi + lo) / 2;
      lo = mid - options.minSpan / 2;
      hi = mid + options.minSpan / 2;
    }
  }
  // Round the ends to the step, until the step of the rounded range is the step it was rounded to, so the ticks
  // (valueTicks) land on both ends.
  let step = axisStep(hi - lo);
  for (let i = 0; i < 4; i++) {
    lo = Math.floor(lo / step + 1e-9) * step;
    hi = Math.ceil(hi / step - 1e-9) * step;
    const next = axisStep(hi - lo);
    if (next === step) break;
    step = next;
  }
  return [Number(lo.toPrecision(12)), Number(hi.toPrecision(12))];
}

/** Whether two shaped charts would draw the same thing (so the older object can be kept and the chart not redrawn). */
export function sameChartData(a: ChartData, b: ChartData): boolean {
  if (a === b) return true;
  if (a.rows.length !== b.rows.length || a.lines.length !== b.lines.length) return false;
  if (a.domain[0] !== b.domain[0] || a.domain[1] !== b.domain[1]) return false;
  for (let i = 0; i < a.lines.length; i++) {
    const x = a.lines[i];
    const y = b.lines[i];
    if (x.dataKey !== y.dataKey || x.name !== y.name || x.colour !== y.colour || x.dash !== y.dash) return false;
  }
  for (let r = 0; r < a.rows.length; r++) {
    const x = a.rows[r];
    const y = b.rows[r];
    if (x.t !== y.t) return false;
    for (const line of a.lines) if (x[line.dataKey] !== y[line.dataKey]) return false;
  }
  return true;
}

/** Ticks for a time axis: the first day of each year in the rows' span (or of every other year for long spans). */
export function yearTicks(rows: readonly ChartRow[]): number[] {
  if (rows.length === 0) return [];
  const first = new Date(rows[0].t).getUTCFullYear();
  const last = new Date(rows[rows.length - 1].t).getUTCFullYear();
  const every = last - first > 12 ? 2 : 1;
  const ticks: number[] = [];
  for (let y = first; y <= last; y += every) {
    const t = Date.UTC(y, 0, 1);
    if (t >= rows[0].t && t <= rows[rows.length - 1].t) ticks.push(t);
  }
  return ticks;
}

/** A scenario's place in a summary table. */
export type Compared = Pick<ComparedScenario, 'id' | 'name' | 'run' | 'differences' | 'breakEvenYear'>;

export interface SummaryCell {
  value: number;
  text: string;
  /** Difference from the baseline in model units; null for the baseline itself. */
  difference: number | null;
  differenceText: string;
  judgement: 'better' | 'worse' | 'same' | 'baseline';
}

export interface SummaryRow {
  key: MetricKey | 'breakEvenYear';
  label: string;
  indicative: boolean;
  derivation: string;
  cells: SummaryCell[];
}

function cellFor(value: number, difference: number, baseline: boolean, info: MetricInfo): SummaryCell {
  return {
    value,
    text: formatMetric(value, info.unit),
    difference: baseline ? null : difference,
    differenceText: baseline ? 'baseline' : formatDifference(difference, info.unit),
    judgement: baseline ? 'baseline' : judgeDifference(difference, info.unit, info.better),
  };
}

/**
 * The summary table: one row per metric (in the model's order) with each scenario's value and its difference from
 * the baseline (the first scenario), then the break-even year.
 */
export function summaryTable(metrics: readonly MetricInfo[], compared: readonly Compared[]): SummaryRow[] {
  const rows: SummaryRow[] = metrics.map((info) => ({
    key: info.key,
    label: info.label,
    indicative: info.indicative === true,
    derivation: info.derivation,
    cells: compared.map((c, i) => cellFor(c.run.metrics[info.key], c.differences[info.key], i === 0, info)),
  }));
  rows.push({
    key: 'breakEvenYear',
    label: 'Break-even year against the baseline',
    indicative: false,
    derivation: 'The first year in which the cumulative total cost falls below the baseline and stays there.',
    cells: compared.map((c, i) => ({
      value: c.breakEvenYear ?? Number.NaN,
      text: i === 0 ? '–' : formatBreakEven(c.breakEvenYear, c.run.yearly),
      difference: null,
      differenceText: i === 0 ? 'baseline' : '',
      judgement: i === 0 ? 'baseline' : 'same',
    })),
  });
  return rows;
}

/** The headline figures of the summary strip, always in view. */
export const HEADLINE_METRICS: readonly MetricKey[] = [
  'cost.total',
  'cost.presentValue',
  'strandedBeds.final',
  'hle.final',
];

/** Quote a CSV field when it needs it (RFC 4180). */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The compared data as one tidy CSV table: the metrics of every scenario with their difference from the baseline,
 * then every charted series, weekly. Values are in model units (£, beds, years), unrounded.
 */
export function comparedCsv(
  metrics: readonly MetricInfo[],
  compared: readonly Compared[],
  stepDays: number = CHART_STEP_DAYS,
): string {
  // The file keeps weekly points whatever the charts draw: it is for reading off values, not for drawing.
  const lines: string[] = ['scenario,role,measure,unit,date,value,difference_from_baseline'];
  const row = (cells: (string | number | null)[]) => lines.push(cells.map(csvField).join(','));
  const baseline = compared[0];
  compared.forEach((c, i) => {
    const role = i === 0 ? 'baseline' : 'option';
    for (const info of metrics) {
      row([c.name, role, info.key, info.unit, null, c.run.metrics[info.key], i === 0 ? 0 : c.differences[info.key]]);
    }
    row([c.name, role, 'breakEvenYear', 'year', null, c.breakEvenYear, null]);
  });
  for (const def of CHARTS) {
    const base = baseline ? baseline.run.series[def.series] : undefined;
    // The difference is taken on the same calendar date, so options with another start date still line up.
    const baseByDate = new Map<number, number>();
    if (baseline && base) baseline.run.times.forEach((day, k) => baseByDate.set(dateAfter(baseline.run.startDate, day), base[k]));
    compared.forEach((c, i) => {
      const role = i === 0 ? 'baseline' : 'option';
      const values = c.run.series[def.series];
      if (!values) return;
      for (const idx of pointIndices(c.run.times, stepDays)) {
        const t = dateAfter(c.run.startDate, c.run.times[idx]);
        const b = baseByDate.get(t);
        const diff = i === 0 ? 0 : b === undefined ? null : values[idx] - b;
        row([c.name, role, def.series, def.unit, isoDate(t), values[idx], diff]);
      }
    });
  }
  return `${lines.join('\r\n')}\r\n`;
}

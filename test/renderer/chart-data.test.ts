import { describe, expect, it } from 'vitest';
import type { ComparedScenario } from '../../electron/ipc-contract.js';
import type { MetricInfo, Metrics, ScenarioRun, SeriesKey } from '../../models/health-care/types.js';
import {
  BASELINE_COLOUR,
  CHARTS,
  chartStepDays,
  MAX_CHART_POINTS,
  comparedCsv,
  csvField,
  downsampleIndices,
  OPTION_COLOURS,
  pointIndices,
  sameChartData,
  shapeTimeSeries,
  splitLines,
  valueDomain,
  valueTicks,
  summaryTable,
  yearTicks,
} from '../../renderer/chart-data.js';

/** A run of `days` daily points whose series are simple functions of the day and a level. */
function syntheticRun(days: number, level: number, startDate = '2019-04-01'): ScenarioRun {
  const times = Array.from({ length: days + 1 }, (_, i) => i);
  const keys: SeriesKey[] = [
    'cost.cumulative.total',
    'cost.cumulative.nhs',
    'cost.cumulative.socialCare',
    'cost.cumulative.reorganisation',
    'strandedBeds',
    'los7',
    'occupancy',
    'hle',
    'hle65',
    'integrationMaturity',
  ];
  const series = Object.fromEntries(keys.map((k) => [k, times.map((t) => (k === 'strandedBeds' ? level : t * level * 1000))])) as Record<
    SeriesKey,
    number[]
  >;
  const metrics = {
    'cost.total': level * 1e6,
    'strandedBeds.final': level,
    'hle.final': 63 + level / 1000,
  } as Partial<Metrics> as Metrics;
  return { times, startDate, series, yearly: [{ year: 2, label: '2020/21', nhs: 0, socialCare: 0, reorganisation: 0, total: 0 }], metrics, hleCaveat: 'Indicative.', warnings: [] };
}

function compared(id: string, run: ScenarioRun, baseline: ScenarioRun | null, breakEvenYear: number | null = null): ComparedScenario {
  const differences = Object.fromEntries(
    Object.entries(run.metrics).map(([k, v]) => [k, baseline ? v - (baseline.metrics as unknown as Record<string, number>)[k] : 0]),
  ) as ComparedScenario['differences'];
  return { id, name: `Scenario ${id}`, form: 'separate', run, differences, breakEvenYear, differingParameters: [] };
}

const METRICS: MetricInfo[] = [
  { key: 'cost.total', label: 'Total cost', unit: 'GBP', better: 'lower', derivation: 'Cum_Total' },
  { key: 'strandedBeds.final', label: 'People waiting to leave hospital at the end', unit: 'beds', better: 'lower', derivation: 'delays' },
  { key: 'hle.final', label: 'Healthy life expectancy at the end', unit: 'years', better: 'higher', derivation: 'Sullivan', indicative: true },
];

describe('downsampling daily series for charts', () => {
  it('keeps every seventh point and always the first and last', () => {
    expect(downsampleIndices(15, 7)).toEqual([0, 7, 14]);
    expect(downsampleIndices(16, 7)).toEqual([0, 7, 14, 15]);
    expect(downsampleIndices(0, 7)).toEqual([]);
  });

  it('spaces points by time, so runs saved coarser than daily are not thinned again', () => {
    expect(pointIndices([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 7)).toEqual([0, 7, 10]);
    expect(pointIndices([0, 30, 60, 90], 7)).toEqual([0, 1, 2, 3]);
  });
});

describe('shaping a chart over time', () => {
  const base = syntheticRun(3650, 100);
  const option = syntheticRun(3650, 80);
  const def = CHARTS.find((c) => c.id === 'cost-total')!;

  it('gives one row per weekly date with each scenario scaled to the axis unit', () => {
    const data = shapeTimeSeries(
      def,
      [
        { key: 'a', name: 'Baseline', run: base, baseline: true },
        { key: 'b', name: 'Option', run: option, baseline: false },
      ],
      7,
    );
    expect(data.rows.length).toBe(523);
    expect(data.rows[0].t).toBe(Date.UTC(2019, 3, 1));
    expect(data.rows[1].s0).toBeCloseTo((7 * 100 * 1000) / 1e6);
    expect(data.rows[1].s1).toBeCloseTo((7 * 80 * 1000) / 1e6);
    expect(data.lines.map((l) => [l.colour, l.baseline, l.dash !== undefined])).toEqual([
      [BASELINE_COLOUR, true, true],
      [OPTION_COLOURS[0], false, false],
    ]);
  });

  it('draws a long run at no more than MAX_CHART_POINTS points, keeping the last day', () => {
    const data = shapeTimeSeries(def, [{ key: 'a', name: 'A', run: base, baseline: true }]);
    expect(chartStepDays(3650)).toBe(Math.ceil(3650 / MAX_CHART_POINTS));
    expect(data.rows.length).toBeLessThanOrEqual(MAX_CHART_POINTS);
    expect(data.rows[1].t - data.rows[0].t).toBe(chartStepDays(3650) * 86_400_000);
    expect(data.rows[data.rows.length - 1].t).toBe(Date.UTC(2019, 3, 1) + 3650 * 86_400_000);
    expect(chartStepDays(365)).toBe(7);
  });

  it('lines scenarios up by calendar date when they start on different days', () => {
    const later = syntheticRun(14, 50, '2019-04-08');
    const data = shapeTimeSeries(CHARTS.find((c) => c.id === 'stranded-beds')!, [
      { key: 'a', name: 'A', run: syntheticRun(14, 10), baseline: true },
      { key: 'b', name: 'B', run: later, baseline: false },
    ]);
    const row = data.rows.find((r) => r.t === Date.UTC(2019, 3, 8))!;
    expect(row.s0).toBe(10);
    expect(row.s1).toBe(50);
    expect(data.rows[0].s1).toBeUndefined();
  });

  it('labels the time axis with the first day of each year in range', () => {
    const data = shapeTimeSeries(def, [{ key: 'a', name: 'A', run: base, baseline: true }]);
    expect(yearTicks(data.rows)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029].map((y) => Date.UTC(y, 0, 1)));
  });

  it('keeps plain words first and marks healthy life expectancy as indicative', () => {
    const beds = CHARTS.find((c) => c.series === 'strandedBeds')!;
    expect(beds.title).toBe('People waiting to leave hospital');
    expect(beds.subtitle).toMatch(/^stranded beds/);
    expect(CHARTS.find((c) => c.series === 'hle')?.indicative).toBe(true);
  });
});

describe('recognising an unchanged chart', () => {
  it('treats equal rows, lines and range as the same and any moved value as different', () => {
    const def = CHARTS.find((c) => c.id === 'stranded-beds')!;
    const a = shapeTimeSeries(def, [{ key: 'a', name: 'A', run: syntheticRun(30, 10), baseline: true }]);
    const b = shapeTimeSeries(def, [{ key: 'a', name: 'A', run: syntheticRun(30, 10), baseline: true }]);
    const c = shapeTimeSeries(def, [{ key: 'a', name: 'A', run: syntheticRun(30, 11), baseline: true }]);
    expect(sameChartData(a, b)).toBe(true);
    expect(sameChartData(a, c)).toBe(false);
  });
});

describe('splitting a chart into its lines', () => {
  const def = CHARTS.find((c) => c.id === 'stranded-beds')!;
  const shape = (baseLevel: number, optionLevel: number, optionStart = '2019-04-01') =>
    shapeTimeSeries(def, [
      { key: 'a', name: 'A', run: syntheticRun(14, baseLevel), baseline: true },
      { key: 'b', name: 'B', run: syntheticRun(14, optionLevel, optionStart), baseline: false },
    ]);

  it('gives each line the rows where it has a value, with only its own key', () => {
    const data = shape(10, 50, '2019-04-08');
    const lines = splitLines(data);
    expect(lines.get('s0')?.map((r) => r.s0)).toEqual(lines.get('s0')?.map(() => 10));
    expect(lines.get('s0')?.every((r) => !('s1' in r))).toBe(true);
    const s1 = lines.get('s1')!;
    expect(s1[0]).toEqual({ t: Date.UTC(2019, 3, 8), s1: 50 });
    expect(s1.map((r) => r.t)).toEqual(data.rows.filter((r) => r.s1 !== undefined).map((r) => r.t));
    expect(lines.get('s0')!.map((r) => r.t)).toEqual(data.rows.filter((r) => r.s0 !== undefined).map((r) => r.t));
    expect(lines.get('s0')!.length).toBeLessThan(data.rows.length);
  });

  it('keeps the rows of a line that did not move and replaces those of a line that did', () => {
    const before = splitLines(shape(10, 50));
    const after = splitLines(shape(12, 50), before);
    expect(after.get('s1')).toBe(before.get('s1'));
    expect(after.get('s0')).not.toBe(before.get('s0'));
    expect(after.get('s0')?.[0].s0).toBe(12);
  });
});

describe('the vertical axis range', () => {
  const rows = (values: number[]) => values.map((v, i) => ({ t: i, s0: v }));

  it('includes zero for counts and money, with round ends', () => {
    expect(valueDomain(rows([274.9, 275.1]), ['s0'], { zeroBased: true, minSpan: 10 })).toEqual([0, 300]);
    expect(valueDomain(rows([-41.3, 44]), ['s0'], { zeroBased: true, minSpan: 1 })).toEqual([-50, 50]);
  });

  it('never makes a measure that barely moves look as if it swings', () => {
    const [lo, hi] = valueDomain(rows([66.0501, 66.0504]), ['s0'], { zeroBased: false, minSpan: 1 });
    expect(hi - lo).toBeGreaterThanOrEqual(1);
    expect(lo).toBeLessThan(66.05);
    expect(hi).toBeGreaterThan(66.05);
  });

  it('puts ticks at round values from end to end', () => {
    expect(valueTicks([0, 300])).toEqual([0, 100, 200, 300]);
    const hle = valueDomain(rows([65.9, 66.2]), ['s0'], { zeroBased: false, minSpan: 1 });
    const ticks = valueTicks(hle);
    expect(ticks[0]).toBe(hle[0]);
    expect(ticks[ticks.length - 1]).toBe(hle[1]);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(ticks.length).toBeLessThanOrEqual(6);
  });

  it('ignores missing values and falls back when there are none', () => {
    expect(valueDomain([{ t: 0 }], ['s0'], { zeroBased: true, minSpan: 1 })).toEqual([0, 1]);
  });
});

describe('the summary table', () => {
  const base = syntheticRun(30, 100);
  const option = syntheticRun(30, 80);
  const rows = summaryTable(METRICS, [compared('a', base, null), compared('b', option, base, 2)]);

  it('shows each metric with its value and difference from the baseline, formatted', () => {
    const cost = rows.find((r) => r.key === 'cost.total')!;
    expect(cost.cells.map((c) => c.text)).toEqual(['£100.0m', '£80.0m']);
    expect(cost.cells[1].differenceText).toBe('\u2212£20.0m');
    expect(cost.cells[1].judgement).toBe('better');
    expect(cost.cells[0].judgement).toBe('baseline');
    const hle = rows.find((r) => r.key === 'hle.final')!;
    expect(hle.indicative).toBe(true);
    expect(hle.cells[1].judgement).toBe('same');
  });

  it('ends with the break-even year', () => {
    const last = rows[rows.length - 1];
    expect(last.key).toBe('breakEvenYear');
    expect(last.cells[1].text).toBe('year 2 (2020/21)');
  });
});

describe('the compared-data CSV', () => {
  it('quotes fields that need it', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(null)).toBe('');
  });

  it('has the metrics with differences, then every charted series at weekly dates', () => {
    const base = syntheticRun(14, 100);
    const option = syntheticRun(14, 80);
    const csv = comparedCsv(METRICS, [compared('a', base, null), compared('b', option, base, null)]);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('scenario,role,measure,unit,date,value,difference_from_baseline');
    expect(lines).toContain('Scenario b,option,cost.total,GBP,,80000000,-20000000');
    expect(lines).toContain('Scenario b,option,breakEvenYear,year,,,');
    expect(lines).toContain('Scenario b,option,strandedBeds,beds,2019-04-08,80,-20');
    expect(lines).toContain('Scenario a,baseline,strandedBeds,beds,2019-04-15,100,0');
    const seriesRows = lines.filter((l) => l.includes(',strandedBeds,'));
    expect(seriesRows).toHaveLength(6);
  });
});

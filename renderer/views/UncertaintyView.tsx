/**
 * How sure can we be: for the baseline and one option of the comparison, Monte Carlo bands (shaded P10–P90 with
 * the central run on top), the paired probabilities, the tornado and the attribution waterfall. The runs happen
 * in a pool of Web Workers, with progress and cancel.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Area, Bar, BarChart, CartesianGrid, Cell, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { OPTIMISM_BIAS_GUIDANCE } from '../../models/analysis/appraisal.js';
import { careAnalysisModel } from '../../models/analysis/care-model.js';
import { AnalysisCancelled } from '../../models/analysis/monte-carlo.js';
import type { UncertaintyReport } from '../../models/analysis/uncertainty.js';
import { analyseUncertainty } from '../../models/analysis/uncertainty.js';
import { bandRows, domainOf, pairedRows, tornadoRows, waterfallRows } from '../analysis/uncertainty-data.js';
import { startAnalysisPool } from '../analysis/start-analysis-pool.js';
import type { AnalysisWorkerPool } from '../analysis/worker-pool.js';
import { BASELINE_COLOUR, OPTION_COLOURS } from '../chart-data.js';
import { formatAxisDate, formatDifference, formatMetric, formatMoneyM, type Unit } from '../format.js';
import type { ViewContext } from './view-types.js';

const BAND_CHARTS = [
  { series: 'cost.cumulative.total', title: 'Cumulative cost', unit: '£m', scale: 1e-6 },
  { series: 'strandedBeds', title: 'People waiting to leave hospital', unit: 'stranded beds', scale: 1 },
  { series: 'hle', title: 'Healthy life expectancy (indicative)', unit: 'years', scale: 1 },
] as const;

const FOCUS_METRICS = [
  { key: 'cost.total', label: 'Cost over the period', unit: 'GBP' as Unit, scale: 1e-6 },
  { key: 'strandedBeds.final', label: 'Stranded beds at the end', unit: 'beds' as Unit, scale: 1 },
  { key: 'hle.final', label: 'Healthy life expectancy at the end', unit: 'years' as Unit, scale: 1 },
] as const;

const RUN_CHOICES = [200, 500, 1000, 2000];

const STAGES = {
  'monte-carlo': 'Running plausible futures',
  tornado: 'Moving each assumption from low to high',
  attribution: 'Splitting the difference between the changed assumptions',
} as const;

type Status =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number; stage: string }
  | { kind: 'done'; report: UncertaintyReport; ms: number }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string };

const axisValue = (scale: number) => (v: number) => {
  const sign = v < 0 ? '\u2212' : '';
  return scale === 1e-6 ? `${sign}£${Math.round(Math.abs(v)).toLocaleString('en-GB')}m` : `${sign}${Math.abs(v).toLocaleString('en-GB', { maximumFractionDigits: 2 })}`;
};

export function UncertaintyView(ctx: ViewContext) {
  const baseline = ctx.items[0];
  const options = ctx.items.slice(1);
  const [optionKey, setOptionKey] = useState<string | undefined>(options[0]?.key);
  const option = options.find((o) => o.key === optionKey) ?? options[0];
  const [runs, setRuns] = useState(500);
  const [seed, setSeed] = useState(1);
  const [optimismBiasPercent, setOptimismBiasPercent] = useState(Math.round(OPTIMISM_BIAS_GUIDANCE.defaultUplift * 100));
  const [focus, setFocus] = useState<(typeof FOCUS_METRICS)[number]['key']>('cost.total');
  const [waterfallMode, setWaterfallMode] = useState<'alone' | 'shapley'>('alone');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const poolRef = useRef<AnalysisWorkerPool | null>(null);
  const abortRef = useRef<AbortController | null>(null);

  useEffect(
    () => () => {
      abortRef.current?.abort();
      poolRef.current?.close();
    },
    [],
  );

  const start = useCallback(async () => {
    if (!baseline || !option) return;
    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    const pool = (poolRef.current ??= startAnalysisPool());
    const began = performance.now();
    setStatus({ kind: 'running', done: 0, total: runs, stage: 'Running plausible futures' });
    try {
      const report = await analyseUncertainty(careAnalysisModel, option.scenario, baseline.scenario, {
        runs,
        seed,
        optimismBias: optimismBiasPercent / 100,
        executor: pool,
        signal: controller.signal,
        onProgress: (p) => setStatus({ kind: 'running', done: p.done, total: p.total, stage: STAGES[p.stage] }),
      });
      setStatus({ kind: 'done', report, ms: performance.now() - began });
    } catch (err) {
      if (err instanceof AnalysisCancelled) setStatus({ kind: 'cancelled' });
      else setStatus({ kind: 'error', message: (err as Error).message });
    }
  }, [baseline, option, runs, seed, optimismBiasPercent]);

  const cancel = useCallback(() => abortRef.current?.abort(), []);

  const report = status.kind === 'done' ? status.report : null;
  const focusInfo = FOCUS_METRICS.find((m) => m.key === focus)!;
  const paired = useMemo(() => (report ? pairedRows(report) : []), [report]);
  const tornado = useMemo(
    () => (report?.tornado?.difference ? tornadoRows(report.tornado.difference, focus, focusInfo.scale, 10) : null),
    [report, focus, focusInfo.scale],
  );
  const waterfall = useMemo(
    () => (report?.attribution ? waterfallRows(report.attribution, focus, focusInfo.scale, waterfallMode) : []),
    [report, focus, focusInfo.scale, waterfallMode],
  );

  if (!baseline || !option) {
    return (
      <div className="uncertainty-view">
        <div className="empty-state">
          <p>Pick a baseline and at least one option to compare (Library or Compare), then come back here to see how sure the comparison is.</p>
        </div>
      </div>
    );
  }

  const optionColour = OPTION_COLOURS[Math.max(0, options.indexOf(option)) % OPTION_COLOURS.length];

  return (
    <div className="uncertainty-view">
      <form className="uncertainty-controls" onSubmit={(e) => e.preventDefault()}>
        <label>
          Option{' '}
          <select value={option.key} onChange={(e) => setOptionKey(e.target.value)} disabled={status.kind === 'running'}>
            {options.map((o) => (
              <option key={o.key} value={o.key}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <span>
          against <strong>{baseline.name}</strong>
          {/baseline/i.test(baseline.name) ? '' : ' (baseline)'}
        </span>
        <label>
          Plausible futures{' '}
          <select value={runs} onChange={(e) => setRuns(Number(e.target.value))} disabled={status.kind === 'running'}>
            {RUN_CHOICES.map((n) => (
              <option key={n} value={n}>
                {n.toLocaleString('en-GB')}
              </option>
            ))}
          </select>
        </label>
        <label>
          Seed{' '}
          <input
            type="number"
            min={0}
            step={1}
            value={seed}
            onChange={(e) => setSeed(Math.max(0, Math.floor(Number(e.target.value) || 0)))}
            disabled={status.kind === 'running'}
            style={{ width: '6em' }}
          />
        </label>
        <label title={`Green Book supplementary guidance, ${OPTIMISM_BIAS_GUIDANCE.category}: ${OPTIMISM_BIAS_GUIDANCE.lowerBound * 100}% to ${OPTIMISM_BIAS_GUIDANCE.upperBound * 100}%`}>
          Optimism bias on the one-off cost (%){' '}
          <input
            type="number"
            min={0}
            step={10}
            value={optimismBiasPercent}
            onChange={(e) => setOptimismBiasPercent(Math.max(0, Number(e.target.value) || 0))}
            disabled={status.kind === 'running'}
            style={{ width: '5em' }}
          />
        </label>
        {/* Two distinct buttons (keys), neither a submit button: a click on Cancel must never start a run when
            the cancelled run's state flips the button back before the click's default action. */}
        {status.kind === 'running' ? (
          <button key="cancel" type="button" onClick={cancel}>
            Cancel
          </button>
        ) : (
          <button key="run" type="button" onClick={() => void start()}>
            Run
          </button>
        )}
      </form>

      {status.kind === 'running' && (
        <div role="status" className="uncertainty-progress">
          {status.stage}: {status.done.toLocaleString('en-GB')} of {status.total.toLocaleString('en-GB')}
          <progress max={status.total} value={status.done} />
        </div>
      )}
      {status.kind === 'cancelled' && <p role="status">Cancelled. Nothing was changed.</p>}
      {status.kind === 'error' && (
        <p className="error-banner" role="alert">
          {status.message}
        </p>
      )}
      {status.kind === 'idle' && (
        <p className="empty-inline">
          Run the model over {runs.toLocaleString('en-GB')} plausible futures: every assumption drawn from its plausible range (the same draws for both
          scenarios); assumptions a scenario sets itself keep their value.
        </p>
      )}

      {report && (
        <>
          <p className="uncertainty-meta">
            {report.runs.toLocaleString('en-GB')} futures, seed {report.seed}, model version {report.modelVersion}
            {status.kind === 'done' ? `, ${(status.ms / 1000).toFixed(1)} s` : ''}.
          </p>
          {report.calibration && <p className="uncertainty-meta">{report.calibration.description}</p>}
          <section aria-label="How sure">
            <h2>How sure</h2>
            <table className="summary-table">
              <thead>
                <tr>
                  <th>Measure (option minus baseline)</th>
                  <th>Central run</th>
                  <th>P10 to P90</th>
                  <th>The option is…</th>
                </tr>
              </thead>
              <tbody>
                {paired.map((p) => (
                  <tr key={p.key}>
                    <td>{p.label}</td>
                    <td className="num">{formatDifference(p.central, p.unit as Unit)}</td>
                    <td className="num">
                      {formatDifference(p.p10, p.unit as Unit)} to {formatDifference(p.p90, p.unit as Unit)}
                    </td>
                    <td>
                      {p.sentence}
                      <meter min={0} max={p.runs} value={p.betterRuns} aria-hidden="true" style={{ marginLeft: 8 }} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <section aria-label="Bands over time" className="uncertainty-bands">
            {BAND_CHARTS.map((c) => {
              const { rows } = bandRows(report, c.series, c.scale, option.scenario.startDate);
              return (
                <figure key={c.series} className="chart" data-chart={`band-${c.series}`}>
                  <figcaption className="chart-caption">
                    <span className="chart-title">{c.title}</span>
                    <span className="chart-subtitle">Shading: P10–P90 of the plausible futures. Line: the central run ({c.unit}).</span>
                  </figcaption>
                  <ResponsiveContainer width="100%" height={220} minWidth={0} initialDimension={{ width: 480, height: 220 }}>
                    <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 4, left: 4 }}>
                      <CartesianGrid stroke="#e3e3e3" vertical={false} />
                      <XAxis dataKey="t" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={formatAxisDate} tick={{ fontSize: 12 }} />
                      <YAxis tickFormatter={axisValue(c.scale)} tick={{ fontSize: 12 }} width={72} domain={['auto', 'auto']} />
                      <Area dataKey="baselineBand" stroke="none" fill={BASELINE_COLOUR} fillOpacity={0.12} isAnimationActive={false} name={`${baseline.name} P10–P90`} />
                      <Area dataKey="optionBand" stroke="none" fill={optionColour} fillOpacity={0.2} isAnimationActive={false} name={`${option.name} P10–P90`} />
                      <Line dataKey="baselineRun" stroke={BASELINE_COLOUR} strokeDasharray="6 4" dot={false} isAnimationActive={false} name={baseline.name} />
                      <Line dataKey="optionRun" stroke={optionColour} strokeWidth={2} dot={false} isAnimationActive={false} name={option.name} />
                    </ComposedChart>
                  </ResponsiveContainer>
                </figure>
              );
            })}
          </section>

          <section aria-label="Which assumptions matter most">
            <h2>Which assumptions matter most</h2>
            <label>
              Measure{' '}
              <select value={focus} onChange={(e) => setFocus(e.target.value as typeof focus)}>
                {FOCUS_METRICS.map((m) => (
                  <option key={m.key} value={m.key}>
                    {m.label}
                  </option>
                ))}
              </select>
            </label>
            {tornado && tornado.rows.length > 0 ? (
              <figure className="chart" data-chart="tornado">
                <figcaption className="chart-caption">
                  <span className="chart-title">Difference from the baseline as each assumption moves from low to high alone</span>
                  <span className="chart-subtitle">Blue: assumption at its low end. Orange: at its high end. Line: central difference.</span>
                </figcaption>
                <ResponsiveContainer width="100%" height={40 + tornado.rows.length * 28} minWidth={0} initialDimension={{ width: 480, height: 300 }}>
                  <BarChart data={tornado.rows} layout="vertical" margin={{ top: 8, right: 24, bottom: 4, left: 8 }} barGap={0}>
                    <CartesianGrid stroke="#eee" horizontal={false} />
                    <XAxis type="number" domain={tornado.domain} tickFormatter={axisValue(focusInfo.scale)} tick={{ fontSize: 12 }} allowDataOverflow />
                    <YAxis type="category" dataKey="label" width={260} tick={{ fontSize: 12 }} />
                    <Tooltip formatter={(v) => (Array.isArray(v) ? axisValue(focusInfo.scale)(Number(v[1])) : String(v))} />
                    <Bar dataKey="lowBar" fill="#56B4E9" isAnimationActive={false} name="Low end" />
                    <Bar dataKey="highBar" fill="#E69F00" isAnimationActive={false} name="High end" />
                    <ReferenceLine x={tornado.reference} stroke="#000" />
                  </BarChart>
                </ResponsiveContainer>
              </figure>
            ) : (
              <p className="empty-inline">No assumption moves this measure.</p>
            )}
          </section>

          {report.attribution && (
            <section aria-label="Where the difference comes from">
              <h2>Where the difference comes from</h2>
              <fieldset className="waterfall-mode">
                <label>
                  <input type="radio" checked={waterfallMode === 'alone'} onChange={() => setWaterfallMode('alone')} /> Each change alone, then the changes acting together
                </label>
                <label>
                  <input type="radio" checked={waterfallMode === 'shapley'} onChange={() => setWaterfallMode('shapley')} /> Shapley shares (interaction shared out)
                </label>
              </fieldset>
              <figure className="chart" data-chart="waterfall">
                <ResponsiveContainer width="100%" height={260} minWidth={0} initialDimension={{ width: 480, height: 260 }}>
                  <BarChart data={waterfall} margin={{ top: 8, right: 16, bottom: 70, left: 8 }}>
                    <CartesianGrid stroke="#eee" vertical={false} />
                    <XAxis dataKey="label" interval={0} angle={-30} textAnchor="end" tick={{ fontSize: 11 }} height={80} />
                    <YAxis tickFormatter={axisValue(focusInfo.scale)} tick={{ fontSize: 12 }} width={72} domain={domainOf(waterfall.flatMap((r) => r.bar), true)} allowDataOverflow />
                    <ReferenceLine y={0} stroke="#000" />
                    <Bar dataKey="bar" isAnimationActive={false}>
                      {waterfall.map((row, i) => (
                        <Cell key={i} fill={row.kind === 'total' ? '#333' : row.kind === 'interaction' ? '#999' : row.value > 0 ? '#D55E00' : '#009E73'} />
                      ))}
                    </Bar>
                  </BarChart>
                </ResponsiveContainer>
              </figure>
              <table className="summary-table">
                <thead>
                  <tr>
                    <th>Changed assumption</th>
                    <th>Baseline</th>
                    <th>Option</th>
                    <th>Share (Shapley)</th>
                    <th>Alone</th>
                  </tr>
                </thead>
                <tbody>
                  {report.attribution.parts.map((p) => (
                    <tr key={p.name}>
                      <td>{p.label}</td>
                      <td className="num">{p.baselineValue.toLocaleString('en-GB')}</td>
                      <td className="num">{p.optionValue.toLocaleString('en-GB')}</td>
                      <td className="num">{formatDifference(p.shapley[focus], focusInfo.unit)}</td>
                      <td className="num">{formatDifference(p.oneAtATime[focus], focusInfo.unit)}</td>
                    </tr>
                  ))}
                  <tr>
                    <td>Changes acting together</td>
                    <td />
                    <td />
                    <td className="num">—</td>
                    <td className="num">{formatDifference(report.attribution.interaction[focus], focusInfo.unit)}</td>
                  </tr>
                  <tr>
                    <td>
                      <strong>Total difference</strong>
                    </td>
                    <td />
                    <td />
                    <td className="num">{formatDifference(report.attribution.total[focus], focusInfo.unit)}</td>
                    <td className="num">{formatDifference(report.attribution.total[focus], focusInfo.unit)}</td>
                  </tr>
                </tbody>
              </table>
            </section>
          )}

          <section aria-label="Appraisal">
            <h2>Appraisal (HM Treasury Green Book)</h2>
            <p>
              Present value at {(option.scenario.discountRate * 100).toFixed(1)}% a year: {formatMoneyM(report.option.deterministic.appraisal.presentValue)} against{' '}
              {formatMoneyM(report.baseline!.deterministic.appraisal.presentValue)} for the baseline ({formatMoneyM(report.appraisal!.presentValueDifference, true)}). With the
              optimism-bias uplift of {Math.round(report.option.deterministic.appraisal.optimismBias * 100)}% on the one-off reorganisation cost of{' '}
              {formatMoneyM(report.option.deterministic.appraisal.oneOffCost)}: {formatMoneyM(report.appraisal!.presentValueDifferenceWithOptimismBias, true)}. Break-even:{' '}
              {report.appraisal!.breakEvenYear === null ? 'not within the period' : `year ${report.appraisal!.breakEvenYear}`} (with the uplift:{' '}
              {report.appraisal!.breakEvenYearWithOptimismBias === null ? 'not within the period' : `year ${report.appraisal!.breakEvenYearWithOptimismBias}`}).
            </p>
            <p className="chart-subtitle">
              Optimism bias default: {OPTIMISM_BIAS_GUIDANCE.citation.citation}. Category {OPTIMISM_BIAS_GUIDANCE.category}; the upper bound applies until the
              risks are shown to be managed.
            </p>
            <p className="chart-subtitle">
              Central values: cost {formatMetric(report.option.deterministic.metrics['cost.total'], 'GBP')}, stranded beds at the end{' '}
              {formatMetric(report.option.deterministic.metrics['strandedBeds.final'], 'beds')}.
            </p>
          </section>
        </>
      )}
    </div>
  );
}

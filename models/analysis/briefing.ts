/**
 * The briefing: a 2–4 page HTML document (printed to PDF by Chromium or Electron) built from uncertainty reports.
 * A plain-English summary generated from the numbers, the summary table, charts with bands, the assumptions that
 * matter most, the attribution, the parameters that differ with their sources and evidence grades, and the model
 * version, seed and scenario hashes so the numbers can be reproduced.
 *
 * Every number in the text is formatted by the same functions from the same report values as the tables, so the
 * text and the tables cannot disagree. Pure: the caller passes the date.
 */
import { OPTIMISM_BIAS_GUIDANCE } from './appraisal.js';
import { bandChartSvg, escapeHtml, tornadoSvg } from './svg.js';
import type { BandChartSeries } from './svg.js';
import { sortTornado } from './tornado.js';
import type { UncertaintyReport } from './uncertainty.js';

export interface BriefingScenario {
  name: string;
  description: string;
  form: string;
  startDate: string;
  horizonYears: number;
  discountRate: number;
  /** SHA-256 of the scenario's canonical JSON. */
  hash: string;
}

export interface BriefingParameter {
  name: string;
  label: string;
  unit: string;
  baseline: number;
  option: number;
  source: string;
  grade: string;
}

export interface BriefingOption {
  scenario: BriefingScenario;
  /** The option's uncertainty report against the baseline (with paired results). */
  report: UncertaintyReport;
  differingParameters: BriefingParameter[];
}

export interface BriefingInput {
  title?: string;
  /** The date shown on the briefing, e.g. "25 November 2026". */
  dateText: string;
  baseline: BriefingScenario;
  options: BriefingOption[];
  /** Citations for the source keys used by the parameters. */
  sources: { key: string; citation: string }[];
  hleCaveat: string;
  /** The command that reproduces the numbers. */
  command?: string;
}

const COLORS = ['#1b6ca8', '#c2571a', '#2e8540', '#7b3fa0'];
const BASELINE_COLOR = '#555555';

const group = (x: number, decimals: number) =>
  Math.abs(x).toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

/** £ in millions with one decimal: £1,234.5m. Unsigned: the text says "more" or "less". */
export function money(x: number): string {
  return `£${group(x / 1e6, 1)}m`;
}
/** A signed £m difference for tables: +£12.3m, −£4.0m. */
export function signedMoney(x: number): string {
  const text = money(x);
  if (text === money(0)) return text;
  return `${x < 0 ? '−' : '+'}${text}`;
}
export function beds(x: number): string {
  return group(x, 0);
}
export function years(x: number): string {
  return group(x, 2);
}
function signed(x: number, f: (v: number) => string): string {
  const text = f(x);
  if (text === f(0)) return text;
  return `${x < 0 ? '−' : '+'}${text}`;
}
const percent = (x: number) => `${group(x * 100, 1).replace(/\.0$/, '')}%`;

/** The baseline's name, marked as the baseline unless its name says so already. */
function baselineLabel(name: string): string {
  return /baseline/i.test(name) ? name : `${name} (baseline)`;
}

function formLabel(form: string): string {
  if (form === 'combined') return 'one combined health and care organisation';
  if (form === 'separate') return 'separate NHS and council organisations';
  return form;
}

function moreLess(x: number, more = 'more', less = 'less'): string {
  return x > 0 ? more : x < 0 ? less : 'no different';
}

/** "8 in 10" style: the share of runs, rounded to tenths. */
export function inTen(count: number, runs: number): string {
  return `${Math.round((count / runs) * 10)} in 10`;
}

function startYear(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return y + ((m || 1) - 1) / 12 + ((d || 1) - 1) / 365;
}

function yearLabel(startDate: string, year: number): string {
  const first = Number(startDate.slice(0, 4)) + year - 1;
  return `${first}/${String((first + 1) % 100).padStart(2, '0')}`;
}

function breakEvenText(year: number | null, scenario: BriefingScenario): string {
  return year === null ? `not within the ${scenario.horizonYears} years` : `year ${year} (${yearLabel(scenario.startDate, year)})`;
}

/** Runs of consecutive years in which the option costs more (+1), less (−1) or the same (0) as the baseline. */
function yearRuns(option: { year: number; cost: number }[], baseline: { year: number; cost: number }[]) {
  const n = Math.min(option.length, baseline.length);
  const runs: { sign: number; from: number; to: number }[] = [];
  for (let i = 0; i < n; i++) {
    const d = option[i].cost - baseline[i].cost;
    const sign = Math.abs(d) < 0.5 ? 0 : Math.sign(d);
    const last = runs[runs.length - 1];
    if (last && last.sign === sign) last.to = option[i].year;
    else runs.push({ sign, from: option[i].year, to: option[i].year });
  }
  return runs;
}

const yearSpan = (r: { from: number; to: number }) => (r.from === r.to ? `year ${r.from}` : `years ${r.from}–${r.to}`);

/** The years in which the option costs more than the baseline, e.g. "years 1–2, year 5", or "none". */
function yearsCostingMore(option: { year: number; cost: number }[], baseline: { year: number; cost: number }[]): string {
  const more = yearRuns(option, baseline).filter((r) => r.sign > 0);
  return more.length ? more.map(yearSpan).join(', ') : 'none';
}

/** "Year by year it costs more than the baseline in years 1–2, less than the baseline in years 3–10." (undiscounted, no uplift) */
export function yearPattern(option: { year: number; cost: number }[], baseline: { year: number; cost: number }[]): string {
  const runs = yearRuns(option, baseline);
  if (runs.length === 0 || (runs.length === 1 && runs[0].sign === 0)) return '';
  const span = yearSpan;
  const compared = (sign: number) => (sign > 0 ? 'more than' : sign < 0 ? 'less than' : 'the same as');
  return `Year by year it costs ${runs.map((r) => `${compared(r.sign)} the baseline in ${span(r)}`).join(', ')}.`;
}

function optionSummary(option: BriefingOption, first: boolean): string {
  const r = option.report;
  const s = option.scenario;
  const o = r.option.deterministic;
  const b = r.baseline!.deterministic;
  const paired = r.paired!;
  const appraisal = r.appraisal!;
  const costDiff = paired['cost.total'].deterministic;
  const pvDiff = appraisal.presentValueDifference;
  const obDiff = appraisal.presentValueDifferenceWithOptimismBias;
  const cost = paired['cost.total'];
  const costMoreRuns = cost.better === 'lower' ? cost.worseRuns : cost.betterRuns;
  const strandedFinal = paired['strandedBeds.final'];
  const hle = paired['hle.final'];
  const sentences: string[] = [];
  sentences.push(
    `<strong>${escapeHtml(s.name)}</strong> (${escapeHtml(formLabel(s.form))}) would cost ${money(o.metrics['cost.total'])} over the ${s.horizonYears} years from ${escapeHtml(s.startDate)}, ` +
      `${money(Math.abs(costDiff))} ${moreLess(costDiff)} than the baseline's ${money(b.metrics['cost.total'])}. ` +
      `At the scenario's discount rate of ${percent(s.discountRate)} a year its present value is ${money(o.appraisal.presentValue)}, ${money(Math.abs(pvDiff))} ${moreLess(pvDiff)} than the baseline.`,
  );
  if (o.appraisal.oneOffCost > 0) {
    sentences.push(
      `It carries a one-off reorganisation cost of ${money(o.appraisal.oneOffCost)}; with the Green Book optimism-bias uplift of ${percent(o.appraisal.optimismBias)} on that cost ` +
        `the present value is ${money(Math.abs(obDiff))} ${moreLess(obDiff)} than the baseline.`,
    );
  }
  const when = yearPattern(o.appraisal.years, b.appraisal.years);
  if (when) sentences.push(when);
  sentences.push(
    `Its cumulative cost falls below the baseline's and stays there from ${breakEvenText(appraisal.breakEvenYear, s)}; ` +
      `with the optimism-bias uplift, from ${breakEvenText(appraisal.breakEvenYearWithOptimismBias, s)}.`,
  );
  sentences.push(
    `${first ? 'Patients medically fit to leave hospital but still in an acute bed ("stranded beds")' : 'Stranded beds'} number ${beds(o.metrics['strandedBeds.final'])} at the end of the period against ${beds(b.metrics['strandedBeds.final'])} in the baseline, ` +
      `and ${beds(o.metrics['strandedBeds.mean'])} against ${beds(b.metrics['strandedBeds.mean'])} on average over the period.`,
  );
  sentences.push(
    `Healthy life expectancy (indicative) ends at ${years(o.metrics['hle.final'])} years against ${years(b.metrics['hle.final'])}, ` +
      `a difference of ${signed(hle.deterministic, years)} years.`,
  );
  const howSure =
    `<strong>How sure:</strong> in ${costMoreRuns} of ${r.runs} plausible futures (${inTen(costMoreRuns, r.runs)}) ${escapeHtml(s.name)} costs more than the baseline over the ${s.horizonYears} years; ` +
    `in 8 of 10 futures the difference lies between ${signedMoney(cost.difference.p10)} and ${signedMoney(cost.difference.p90)}. ` +
    `It has fewer stranded beds at the end in ${betterCount(strandedFinal)} of ${r.runs} futures ` +
    `and higher healthy life expectancy in ${betterCount(hle)} of ${r.runs}.`;
  let matters = '';
  {
    const top = topSwings(option);
    if (top.length) {
      matters =
        `<strong>Which assumptions matter most:</strong> the cost difference moves most with ` +
        top.map((i) => `${escapeHtml(i.label)} (a swing of ${money(i.metrics['cost.total'].width)})`).join(', ') +
        `, each moved alone across its plausible range.`;
    }
  }
  return `<p>${sentences.join(' ')}</p><p>${howSure}</p>${matters ? `<p>${matters}</p>` : ''}`;
}

function summaryTable(input: BriefingInput): string {
  const base = input.options[0].report.baseline!.deterministic;
  const columns = [
    { name: input.baseline.name, det: base, scenario: input.baseline, appraisal: undefined as UncertaintyReport['appraisal'] },
    ...input.options.map((o) => ({ name: o.scenario.name, det: o.report.option.deterministic, scenario: o.scenario, appraisal: o.report.appraisal })),
  ];
  const rows: [string, (c: (typeof columns)[number]) => string][] = [
    [`Cost over the period (£, undiscounted)`, (c) => money(c.det.metrics['cost.total'])],
    [`Present value at the scenario's discount rate`, (c) => money(c.det.appraisal.presentValue)],
    [`One-off reorganisation cost`, (c) => money(c.det.appraisal.oneOffCost)],
    [`Present value with optimism bias`, (c) => money(c.det.appraisal.presentValueWithOptimismBias)],
    [`Stranded beds at the start`, (c) => beds(c.det.metrics['strandedBeds.initial'])],
    [`Stranded beds at the end`, (c) => beds(c.det.metrics['strandedBeds.final'])],
    [`Stranded beds on average`, (c) => beds(c.det.metrics['strandedBeds.mean'])],
    [`Healthy life expectancy at the end (years, indicative)`, (c) => years(c.det.metrics['hle.final'])],
    [`Years costing more than the baseline`, (c) => (c.appraisal ? yearsCostingMore(c.det.appraisal.years, base.appraisal.years) : '—')],
    [`Break-even year`, (c) => (c.appraisal ? breakEvenText(c.appraisal.breakEvenYear, c.scenario) : '—')],
    [`Break-even year with optimism bias`, (c) => (c.appraisal ? breakEvenText(c.appraisal.breakEvenYearWithOptimismBias, c.scenario) : '—')],
  ];
  const head = `<tr><th></th>${columns.map((c, i) => `<th>${escapeHtml(i === 0 ? baselineLabel(c.name) : c.name)}</th>`).join('')}</tr>`;
  const body = rows.map(([label, f]) => `<tr><td>${escapeHtml(label)}</td>${columns.map((c) => `<td class="num">${f(c)}</td>`).join('')}</tr>`).join('');
  const diffRows = input.options
    .map((o) => {
      const p = o.report.paired!;
      const a = o.report.appraisal!;
      const cost = p['cost.total'];
      const costMore = cost.better === 'lower' ? cost.worseRuns : cost.betterRuns;
      return (
        `<tr><td>${escapeHtml(o.scenario.name)}</td>` +
        `<td class="num">${signedMoney(cost.deterministic)}</td>` +
        `<td class="num">${signedMoney(cost.difference.p10)} to ${signedMoney(cost.difference.p90)}</td>` +
        `<td class="num">${costMore} of ${o.report.runs}</td>` +
        `<td class="num">${signedMoney(a.presentValueDifference)}</td>` +
        `<td class="num">${signedMoney(a.presentValueDifferenceWithOptimismBias)}</td>` +
        `<td class="num">${signed(p['strandedBeds.final'].deterministic, beds)}</td>` +
        `<td class="num">${betterCount(p['strandedBeds.final'])} of ${o.report.runs}</td>` +
        `<td class="num">${signed(p['hle.final'].deterministic, years)}</td>` +
        `<td class="num">${betterCount(p['hle.final'])} of ${o.report.runs}</td></tr>`
      );
    })
    .join('');
  return (
    `<table class="summary"><thead>${head}</thead><tbody>${body}</tbody></table>` +
    `<h3>Difference from the baseline</h3>` +
    `<table class="summary"><thead><tr><th>Option</th><th>Cost</th><th>Cost, P10 to P90</th><th>Futures in which it costs more</th>` +
    `<th>Present value</th><th>Present value with optimism bias</th><th>Stranded beds at the end</th><th>Futures with fewer stranded beds</th><th>HLE at the end (years)</th><th>Futures with higher HLE</th></tr></thead>` +
    `<tbody>${diffRows}</tbody></table>` +
    swingTable(input)
  );
}

/** Runs in which the option is better on a metric ("fewer" stranded beds, "higher" HLE). */
function betterCount(p: { better: 'lower' | 'higher'; betterRuns: number }): number {
  return p.betterRuns;
}

function topSwings(option: BriefingOption) {
  const t = option.report.tornado?.difference;
  if (!t) return [];
  return sortTornado(t, 'cost.total')
    .filter((i) => i.metrics['cost.total'].width > 0)
    .slice(0, 3);
}

/**
 * The assumptions that move each option's cost difference most (the top three per option, as named in the
 * summary), with each option's swing: one table, a column per option.
 */
function swingTable(input: BriefingInput): string {
  const tops = input.options.map(topSwings);
  const names: string[] = [];
  tops.flat().forEach((i) => names.includes(i.name) || names.push(i.name));
  if (!names.length) return '';
  const rows = names
    .map((name) => {
      const item = tops.flat().find((i) => i.name === name)!;
      const cells = input.options
        .map((o) => {
          const own = o.report.tornado?.difference?.items.find((i) => i.name === name);
          return `<td class="num">${own ? money(own.metrics['cost.total'].width) : ''}</td>`;
        })
        .join('');
      return `<tr><td>${escapeHtml(item.label)}</td><td class="num">${formatValue(item.low)} to ${formatValue(item.high)} ${escapeHtml(item.unit)}</td>${cells}</tr>`;
    })
    .join('');
  return (
    `<h3>Assumptions that move the cost difference most (swing as each moves alone across its plausible range)</h3>` +
    `<table><thead><tr><th>Assumption</th><th>Plausible range</th>${input.options.map((o) => `<th>${escapeHtml(o.scenario.name)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`
  );
}

function charts(input: BriefingInput): string {
  const first = input.options[0].report;
  const start = startYear(input.baseline.startDate);
  const chart = (key: string, title: string, formatY: (v: number) => string, legend = false) => {
    const series: BandChartSeries[] = [
      { name: baselineLabel(input.baseline.name), color: BASELINE_COLOR, band: first.baseline!.seriesBands[key], deterministic: first.baseline!.deterministic.series[key] },
      ...input.options.map((o, i) => ({
        name: o.scenario.name,
        color: COLORS[i % COLORS.length],
        band: o.report.option.seriesBands[key],
        deterministic: o.report.option.deterministic.series[key],
      })),
    ].filter((s) => s.band && s.deterministic);
    return series.length ? `<figure>${bandChartSvg(series, { title, formatY, startYear: start, height: 180, legend })}</figure>` : '';
  };
  return (
    `<p class="note">Lines: the central run (every assumption at its most likely value). Shading: P10 to P90 of the plausible futures.</p>` +
    chart('cost.cumulative.total', 'Cumulative cost (£m)', (v) => `£${group(v / 1e6, 0)}m`, true) +
    chart('strandedBeds', 'Stranded beds: medically fit but still in an acute bed', (v) => group(v, 0)) +
    chart('hle', 'Healthy life expectancy at birth (years, indicative)', (v) => group(v, 2))
  );
}

function tornadoSection(option: BriefingOption): string {
  const t = option.report.tornado?.difference ?? option.report.tornado?.option;
  if (!t) return '';
  const top = sortTornado(t, 'cost.total').slice(0, 6);
  const bars = top.map((i) => ({ label: i.label, atLow: i.metrics['cost.total'].atLow, atHigh: i.metrics['cost.total'].atHigh }));
  const title = option.report.tornado?.difference
    ? `${option.scenario.name}: cost difference from the baseline as each assumption moves alone from low to high`
    : `${option.scenario.name}: cost as each assumption moves alone from low to high`;
  return `<figure><h3>${escapeHtml(title)}</h3>${tornadoSvg(bars, t.reference['cost.total'], { title, formatX: (v) => `£${group(v / 1e6, 0)}m`, drawTitle: false })}</figure>`;
}

/**
 * The assumptions that differ from the baseline, with their sources and evidence grades, and how much of each
 * option's cost difference each explains (attribution): one table, a group of columns per option.
 */
function differencesSection(input: BriefingInput): string {
  const order: BriefingParameter[] = [];
  const seen = new Set<string>();
  for (const o of input.options) {
    for (const p of o.differingParameters) {
      if (!seen.has(p.name)) {
        seen.add(p.name);
        order.push(p);
      }
    }
  }
  if (!order.length) return `<p>The options use the same assumptions as the baseline.</p>`;
  const perOption = input.options.map((o) => ({
    values: new Map(o.differingParameters.map((p) => [p.name, p.option])),
    parts: new Map((o.report.attribution?.parts ?? []).map((p) => [p.name, p])),
    attribution: o.report.attribution,
  }));
  const cells = (o: (typeof perOption)[number], name: string, baselineValue: number) => {
    const value = o.values.get(name);
    const part = o.parts.get(name);
    return (
      `<td class="num opt">${value === undefined ? formatValue(baselineValue) : `<strong>${formatValue(value)}</strong>`}</td>` +
      `<td class="num">${part ? signedMoney(part.shapley['cost.total']) : ''}</td><td class="num">${part ? signedMoney(part.oneAtATime['cost.total']) : ''}</td>`
    );
  };
  const rows = order
    .map(
      (p) =>
        `<tr><td class="label">${escapeHtml(p.label)}${p.unit ? ` (${escapeHtml(p.unit)})` : ''}</td><td>${escapeHtml(p.source)}, ${escapeHtml(p.grade)}</td><td class="num">${formatValue(p.baseline)}</td>` +
        perOption.map((o) => cells(o, p.name, p.baseline)).join('') +
        `</tr>`,
    )
    .join('');
  const summaryRow = (label: string, pick: (a: NonNullable<BriefingOption['report']['attribution']>) => [string, string], cls = '') =>
    `<tr${cls}><td colspan="3">${label}</td>` +
    perOption.map((o) => (o.attribution ? `<td></td><td class="num">${pick(o.attribution)[0]}</td><td class="num">${pick(o.attribution)[1]}</td>` : '<td></td><td></td><td></td>')).join('') +
    `</tr>`;
  const anyOther = perOption.some((o) => o.attribution && Math.abs(o.attribution.otherSettings['cost.total']) > 0.5);
  const methods = [...new Set(perOption.map((o) => (o.attribution ? (o.attribution.method === 'exact' ? 'exact' : `averaged over ${o.attribution.permutations} orders`) : '')))].filter(Boolean);
  return (
    `<h3>Assumptions that differ from ${escapeHtml(input.baseline.name)}, and what each does to cost</h3>` +
    `<p class="note">"Share": the change's part of the option's cost difference (Shapley value, ${methods.join(', ')}: its average effect over every order of making the changes; the shares add up to the total). ` +
    `"Alone": its effect when changed by itself; what the changes do only together is the interaction. Values in bold differ from the baseline.</p>` +
    `<table class="small"><thead><tr><th rowspan="2">Assumption (unit)</th><th rowspan="2">Source, evidence</th><th rowspan="2">Baseline</th>` +
    input.options.map((o) => `<th colspan="3">${escapeHtml(o.scenario.name)}</th>`).join('') +
    `</tr><tr>${input.options.map(() => '<th>Value</th><th>Share</th><th>Alone</th>').join('')}</tr></thead><tbody>${rows}` +
    summaryRow('Changes acting together (interaction)', (a) => ['', signedMoney(a.interaction['cost.total'])]) +
    (anyOther ? summaryRow('Other settings (horizon, dates, discount rate)', (a) => [signedMoney(a.otherSettings['cost.total']), signedMoney(a.otherSettings['cost.total'])]) : '') +
    summaryRow('Total cost difference', (a) => [signedMoney(a.total['cost.total']), signedMoney(a.total['cost.total'])], ' class="total"') +
    `</tbody></table>`
  );
}

function formatValue(v: number): string {
  if (Math.abs(v) >= 1e5) return group(v, 0);
  return Number(v.toPrecision(4)).toString();
}

function reproducibility(input: BriefingInput): string {
  const r = input.options[0].report;
  const scenarios = [input.baseline, ...input.options.map((o) => o.scenario)];
  const used = new Set(input.options.flatMap((o) => o.differingParameters.map((p) => p.source)));
  const sources = input.sources.filter((s) => used.has(s.key));
  return (
    `<h2>Reproducing these numbers</h2>` +
    `<p>Model ${escapeHtml(r.modelId)} version <code>${escapeHtml(r.modelVersion)}</code>; ${r.runs} Monte Carlo runs (Latin hypercube over each assumption's plausible range, ` +
    `triangular on low, most likely and high unless the register says otherwise), seed ${r.seed}. An assumption a scenario sets explicitly keeps its set value in every run; ` +
    `the options and the baseline share the same sampled futures.` +
    (r.calibration ? ` ${escapeHtml(r.calibration.description)}` : '') +
    `</p>` +
    `<table class="small"><thead><tr><th>Scenario</th><th>SHA-256 of its inputs (canonical JSON)</th></tr></thead><tbody>` +
    scenarios.map((s) => `<tr><td>${escapeHtml(s.name)}</td><td><code>${s.hash}</code></td></tr>`).join('') +
    `</tbody></table>` +
    (input.command ? `<p>Command: <code>${escapeHtml(input.command)}</code></p>` : '') +
    `<p class="note">Optimism bias: ${escapeHtml(OPTIMISM_BIAS_GUIDANCE.citation.citation)} (${escapeHtml(OPTIMISM_BIAS_GUIDANCE.citation.url)}). ` +
    `Category used: ${OPTIMISM_BIAS_GUIDANCE.category}, ${OPTIMISM_BIAS_GUIDANCE.measure}; the upper bound applies until the risks are shown to be managed.</p>` +
    (sources.length
      ? `<p class="note">Sources: ${sources.map((s) => `[${escapeHtml(s.key)}] ${escapeHtml(s.citation.replace(/\.$/, ''))}`).join('; ')}.</p>`
      : '')
  );
}

const STYLE = `
  @page { size: A4; margin: 10mm 12mm 11mm 12mm; }
  body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 9pt; color: #111; line-height: 1.24; }
  h1 { font-size: 15pt; margin: 0 0 2mm; } h2 { font-size: 11.5pt; margin: 4mm 0 1.5mm; } h3 { font-size: 9.5pt; margin: 3mm 0 1mm; }
  p { margin: 0 0 1.8mm; } .note { font-size: 7.5pt; color: #444; }
  table { border-collapse: collapse; width: 100%; margin-bottom: 2.5mm; font-size: 8pt; }
  th, td { border-bottom: 1px solid #ccc; padding: 0.7mm 1.3mm; text-align: left; vertical-align: top; }
  td.num { text-align: right; white-space: nowrap; } tr.total td { font-weight: bold; }
  figure { margin: 0 0 3mm; page-break-inside: avoid; } svg { max-width: 100%; height: auto; }
  code { font-size: 7.5pt; word-break: break-all; } .page { page-break-before: always; }
  table.small { font-size: 7pt; } td.opt { border-left: 1px solid #ccc; } td.label { width: 34%; }
  h2, h3 { page-break-after: avoid; } table.small td, table.small th { padding: 0.6mm 1.2mm; }
`;

export function buildBriefingHtml(input: BriefingInput): string {
  if (input.options.length === 0) throw new RangeError('a briefing needs at least one option');
  for (const o of input.options) {
    if (!o.report.baseline || !o.report.paired || !o.report.appraisal) {
      throw new RangeError(`the report for ${o.scenario.name} has no baseline comparison`);
    }
  }
  const title = input.title ?? `Combined or separate health and care: ${input.options.map((o) => o.scenario.name).join(', ')} against ${input.baseline.name}`;
  const optionList = input.options.map((o) => `${escapeHtml(o.scenario.name)} (${escapeHtml(formLabel(o.scenario.form))})`).join('; ');
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>
<h1>${escapeHtml(title)}</h1>
<p class="note">JoinedUp briefing, ${escapeHtml(input.dateText)}. Figures are model results, not forecasts; every number below comes from the runs described at the end.</p>
<h2>Summary</h2>
<p>The baseline is <strong>${escapeHtml(input.baseline.name)}</strong> (${escapeHtml(formLabel(input.baseline.form))}). ${input.options.length === 1 ? 'The option' : 'The options'} compared with it: ${optionList}.</p>
${input.options.map((o, i) => optionSummary(o, i === 0)).join('')}
<p class="note">${escapeHtml(input.hleCaveat)}</p>
<h2>Summary table</h2>
${summaryTable(input)}
<h2>Over time, with the range of plausible futures</h2>
${charts(input)}
<h2>Which assumptions matter most</h2>
${input.options.length <= 2 ? input.options.map(tornadoSection).join('') : tornadoSection(input.options[0])}
${differencesSection(input)}
${reproducibility(input)}
</body></html>`;
}

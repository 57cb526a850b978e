/**
 * The model's documentation as Markdown (`joinedup model doc`, models/health-care/README.md), and the list of
 * differences between the two forms. Calibration figures in the text are computed from the model when the
 * document is made, never typed in.
 */
import { DEFAULT_DT, MODEL_VARIABLES, type ModelVariable, type Section } from './model.js';
import { HLE_CAVEAT, METRICS } from './metrics.js';
import { PARAMETERS, SOURCES } from './parameters.js';
import { effectiveParameters } from './register.js';
import { compiledModel } from './run.js';

/** The parameters whose defaults differ between the separate and the combined form. */
export function formDifferences(): { name: string; label: string; unit: string; separate: number; combined: number }[] {
  return PARAMETERS.filter((p) => p.combinedValue !== undefined).map((p) => ({
    name: p.name,
    label: p.label,
    unit: p.unit,
    separate: p.value,
    combined: p.combinedValue as number,
  }));
}

const SECTION_TITLES: Record<Section, string> = {
  population: 'Population aged 65+',
  hospital: 'Emergency admissions and acute treatment',
  discharge: 'The three delays and the discharge pathways',
  'community care': 'Intermediate care (D2A P1–P3) and long-term care',
  commissioning: 'Commissioning of care capacity',
  workforce: 'Care workforce',
  elective: 'Electives',
  money: 'Money: budget holders and the council budget',
  integration: 'Integration',
  measures: 'Measures: beds, length of stay, healthy life expectancy',
};

function num(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a >= 1e6) return `${(x / 1e6).toFixed(1)}m`;
  if (a >= 1000) return Math.round(x).toLocaleString('en-GB');
  return String(Number(x.toPrecision(digits)));
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function equationOf(v: ModelVariable): string {
  if (v.kind === 'stock') {
    const ins = (v.inflows ?? []).join(' + ') || '0';
    const outs = (v.outflows ?? []).length ? ` − (${(v.outflows ?? []).join(' + ')})` : '';
    return `d/dt = ${ins}${outs}; initial = ${v.equation}`;
  }
  if (v.gf) {
    const pts = v.gf.xs.map((x, i) => `(${x <= -1e8 ? '−∞' : x}, ${v.gf!.ys[i]})`).join(' ');
    return `table(${v.equation}), ${v.gf.kind} through ${pts}`;
  }
  return v.equation;
}

interface Figures {
  occupancy: number;
  occupied: number;
  stranded: number;
  assessment: number;
  funding: number;
  service: number;
  los7: number;
  admissions: number;
  treating: number;
  nhsYear: number;
  ascYear: number;
  budget: number;
  spendRatio: number;
  vacancy: number;
  careHome: number;
  homeCare: number;
  meanDelay: number;
  drift: number;
  driftStock: string;
}

function baselineFigures(): { sep: Figures; comb: Figures } {
  const model = compiledModel();
  const run = (form: 'separate' | 'combined'): Figures => {
    const r = model.run({ set: effectiveParameters(form, {}), sim: { start: 0, stop: 3650, dt: DEFAULT_DT, saveStep: 1 } });
    const get = (n: string): Float64Array => r.series[r.names.indexOf(n)];
    const k = form === 'separate' ? 0 : r.times.length - 1;
    const at = (n: string): number => get(n)[k];
    let drift = 0;
    let driftStock = '';
    for (const v of MODEL_VARIABLES) {
      if (v.kind !== 'stock' || v.name.startsWith('Cum_') || v.name === 'ASC_Budget_Remaining' || v.name === 'Integration_Maturity') continue;
      const x = get(v.name);
      for (const y of x) {
        const d = Math.abs(y - x[0]) / Math.max(Math.abs(x[0]), 1e-9);
        if (d > drift) {
          drift = d;
          driftStock = v.name;
        }
      }
    }
    return {
      occupancy: at('Occupancy'),
      occupied: at('Occupied_Beds'),
      stranded: at('Stranded_Beds'),
      assessment: at('Delay_Assessment'),
      funding: at('Delay_Funding'),
      service: at('Delay_Service'),
      los7: at('LoS7_Patients'),
      admissions: at('Emergency_Admissions'),
      treating: at('Acute_Treating'),
      nhsYear: at('NHS_Spending') * 365,
      ascYear: at('ASC_Spending') * 365,
      budget: effectiveParameters(form, {}).ASC_Annual_Budget,
      spendRatio: at('Spend_Ratio'),
      vacancy: at('Vacancy_Rate'),
      careHome: at('LTC_CareHome'),
      homeCare: at('LTC_HomeCare'),
      meanDelay: at('Mean_Delay_Per_Discharge'),
      drift,
      driftStock,
    };
  };
  return { sep: run('separate'), comb: run('combined') };
}

const LOOPS = `## Feedback loops

Each loop is named by the variables it runs through (→ means "raises", ⊣ means "lowers").

- **R1 Deconditioning spiral.** Stranded_Beds → Mean_Delay_Per_Discharge → HAD_Now → Return_Dependent (and
  fewer Return_Independent) → Pop_Dependent → Community_Dependent → Demand_HomeCare, Demand_CareHome and
  Community_*_Starts → Utilisation_* ⊣ Availability_* ⊣ Placements_* → Wait_* → Stranded_Beds. Dependent people are
  also admitted more often (Admission_Rate_Dependent), which feeds the delays again.
- **R2 Congestion and coping.** Occupancy → Early_Discharge_Share → Readmissions_Early → Extra_Emergency_Demand →
  Admissions_* → Acute_Simple → Occupancy. It acts above 96% occupancy, so it is quiet in the 95% baseline and
  wakes when the hospital fills.
- **B1 Elective squeeze.** Occupancy → Cancel_Share ⊣ Elective_Admissions ⊣ Elective_Inpatients ⊣ Occupancy
  (balancing), with a slow reinforcing arm: Cancel_Share → Elective_WaitList → Untreated_Emergencies → admissions →
  Occupancy.
- **R3 Budget gatekeeping and cost shifting (strong under separate organisations).** ASC_Spending →
  ASC_Spend_Smoothed → Spend_Ratio → Gatekeeping_Multiplier ⊣ Funded → Delay_Funding → Stranded_Beds (NHS bed-days
  rise: the council's cost is shifted, not avoided); and Gatekeeping_Multiplier → Prevention_Pressure (third-order
  lag) → Frailty_Onset → Pop_Frail → admissions and dependency → ASC_Spending (reinforcing). Its strength is
  Gatekeeping_Now, which a combined organisation lowers from 1 to 0.3 as it matures.
- **R4 Workforce burnout.** Utilisation_HomeCare → Workload_Pressure → Leavers ⊣ SC_Workforce ⊣ Capacity_HomeCare ⊣
  Utilisation_HomeCare.
- **B2 Commissioning correction.** Wait_* and Expected_Demand_* → Desired_Capacity_* → Capacity_Change_* →
  Capacity_* ⊣ Utilisation_* → Availability_* → Placements_* ⊣ Wait_*. For home care the same goes through
  Target_Workforce → Funded_Posts → Hires → SC_Workforce → Capacity_HomeCare. The correction takes
  Capacity_Adjust_Now (180 days separate, 90 combined at maturity).
- **B3 Whole-system reallocation (combined form).** Stranded_Beds → Delay_Pressure → (× Pooled_Now) ⊣
  Planned_Util_Flex → Desired_Capacity of reablement, D2A beds and home care → Availability → Placements ⊣
  Stranded_Beds. With a Better Care Fund–sized pool (5%) it is weak; with the whole budget pooled it buys up to
  Pooled_Slack (5 points) of spare intermediate care when delays are at their starting level.
- **Fix that fails** (spot purchasing that clears today's delays but drains next year's budget) is represented only
  through R3: extra placements raise ASC_Spending, which tightens gatekeeping later. A separate spot market at
  premium prices is not modelled.
`;

const FIXES = `## Fixes of the brief's flaws

1. **Double-counted discharge-to-assess and funding gain.** Patients on discharge to assess (Referrals_P1–P3,
   D2A_None) leave from Delay_Assessment straight to their pathway; only the others pass Delay_Funding. So the
   combined form's funding gain comes from more patients on D2A (D2A_Share 0.5 → 0.8) and weaker gatekeeping, and
   Funding_Delay stays 5 days in both forms. Table 2.3's combined funding delay of 1.5 days is **not** used: with
   D2A patients routed past the funding stock it would count the same gain twice.
2. **Budget rule that explodes each March.** Gatekeeping_Multiplier uses ASC_Spend_Smoothed (spend averaged over
   Budget_Smoothing_Time, 90 days, at a yearly rate) against ASC_Annual_Budget, not the budget remaining.
   ASC_Budget_Remaining still resets each 1 April (Budget_Reset) and goes negative when the council overspends, but
   it drives nothing; a test checks that funding decisions do not jump at the year end.
3. **A threshold that never switches off.** Elective cancellations (Cancel_Share) are a graded function of
   occupancy from 0 at 85% through 30% at 95% and 70% at 100% to all at 105%, and they act on a waiting list whose admissions settle where
   they equal referrals: at 95% occupancy about 30% of planned admissions are postponed and the list is steady,
   instead of a switch stuck "on". Early discharge (R2) starts above 96%.
4. **Missing bed limit.** Bed_Admit_Fraction falls from 1 at 96% occupancy to 0.3 at 100% and 0 at 103%
   (escalation beds): a full hospital turns demand away (Diverted_Admissions) after electives have been
   cancelled. Occupancy can never pass 103% and in practice settles near 97% (tested with 10% a year growth in
   people turning 65). The baseline is kept stationary (Demographic_Growth 0). The curve is deliberately not a
   cliff: a near-vertical limit makes the hospital loops stiff, and Euler steps then oscillate.
5. **Commissioning blind to the queue.** Desired_Capacity_* buys for expected arrivals plus the queue above its
   normal size over Queue_Clear_Time (90 days). With no admissions at all, the queues still drain to zero (tested).

Other points of the Appendix handled:
- mean_delay_days is per discharge (Mean_Delay_Per_Discharge = Stranded_Beds ÷ discharges), not per delayed patient;
- over-prescription has a destination rule: a fall in Overprescription_* moves that share of placements one rung
  down (care home → home care → none; P3 → P2 → P1 → none), Rung_Down;
- Hiring_Time 150 days makes turnover 0.29 consistent with the 10.7% vacancy rate (Funded_Posts allows for it);
- the one-off reorganisation cost is spent evenly over Reorganisation_Spend_Period (a year) rather than as a pulse,
  so results do not depend on dt.
`;

const DEPARTURES = `## Departures from the brief

- Acute_Treating is split into Acute_Simple and Acute_Complex (treatment 2.6 and 10 days): the length-of-stay proxy
  needs it. Delay_Service is split into five queues by destination (Wait_P1, Wait_P2, Wait_P3, Wait_HomeCare,
  Wait_CareHome), because the services have different capacity and placement times. Their sums are reported as
  Acute_Treating and Delay_Service.
- LTC_HomeCare and LTC_CareHome count publicly funded clients; they are a subset of Pop_Dependent (as in the brief's
  table 2.1), so conservation of people is checked over the chain Pop_* → Acute_* → delays → D2A → back to Pop_*.
- After reablement (P1) or a rehabilitation bed (P2) some people still need long-term home care
  (P1_To_HomeCare_Share, P2_To_HomeCare_Share): discharge to assess is not assumed to avoid later care altogether.
- Under-65 emergency beds are an external constant; electives (all ages) have their own list and beds.
- NHS cost counts every occupied acute bed-day at Bed_Day_Cost (as the Appendix does), commissioned P2 and P3 beds
  per day, not spells; council cost counts home-care hours, care-home weeks and reablement episodes. Price years
  are mixed (2010 to 2022/23) and not rebased; council costs at 2018/19 prices would be about 15–20% lower.
- The time step is half a day (the brief suggests 0.25): halving it changes every headline metric of every
  built-in scenario, and of a hospital pushed to its bed limit, by less than 1% (tested). At 1 day the steps
  oscillate when the hospital is nearly full, so 1 day is not used.
- Healthy life expectancy at 65 at the start (10.9 years) is an England order of magnitude; no local figure was found.
`;

const STRANDED_900 = `## How the model's figures relate to the seed's "900 stranded"

The press report of June 2019 (S41a) spoke of 900 "stranded" patients. NHS Improvement defines a stranded patient
as one with a length of stay of **7 days or more** (S41i), which is not the same as a medically fit patient waiting
to leave. In about 1,100 acute beds at 95% occupancy (about 1,045 occupied), 900 stays of 7 days or more would be
86% of occupied beds; even absurd settings reach about 780. The model therefore reports two figures and says which
is which:

- **Stranded_Beds** (the app's "stranded beds"): medically fit patients aged 65+ still in an acute bed, the sum of
  the three delay stocks, calibrated to 250–300 (S41e: 300 in January 2022; 165 in an earlier report);
- **LoS7_Patients**: an estimate of all patients with a stay so far of 7 days or more (the NHS "stranded"
  definition), calibrated to 45–50% of occupied beds.

The 900 is most likely a count over a wider footprint or period, or of a different definition; it is not a
calibration target.
`;

function calibrationSection(f: Figures): string {
  const fitted = PARAMETERS.filter((p) => p.grade === 'fitted');
  const rows: [string, string, string][] = [
    ['Acute bed occupancy', '≈95% of ≈1,100 beds', `${(f.occupancy * 100).toFixed(1)}% (${Math.round(f.occupied)} of ${effectiveParameters('separate').Acute_Beds} beds)`],
    ['Medically fit but delayed (Stranded_Beds)', '250–300', `${num(f.stranded)} (assessment ${num(f.assessment)}, funding ${num(f.funding)}, services ${num(f.service)})`],
    ['Stays of 7+ days (LoS7_Patients)', '45–50% of occupied beds', `${num(f.los7)} = ${((f.los7 / f.occupied) * 100).toFixed(1)}%`],
    ['Emergency admissions aged 65+', '~90 a day', `${num(f.admissions)} a day`],
    ['Council 65+ care spend against budget', 'overspending (2018/19 pressure £17.8m all ages; £6m over after 3 months of 2019/20)', `£${num(f.ascYear)} a year against a budget of £${num(f.budget)} (spend ratio ${f.spendRatio.toFixed(3)})`],
    ['NHS acute and D2A bed spend', 'Appendix: £119m + £11.5m', `£${num(f.nhsYear)} a year`],
    ['Care-home residents / home-care clients', 'Appendix: 2,003 / 2,649', `${num(f.careHome)} / ${num(f.homeCare)}`],
    ['Care workforce vacancy rate', '0.107 (S39)', f.vacancy.toFixed(3)],
    ['Mean delay per discharge', 'Appendix: 3.3 days', `${f.meanDelay.toFixed(2)} days`],
  ];
  return [
    '## Calibration: Northamptonshire baseline (separate organisations, 2019-04-01, 10 years)',
    '',
    'Figures below are computed from the model each time this document is made.',
    '',
    '| target | brief §5 / Appendix | model at the start |',
    '|---|---|---|',
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
    '',
    `**No drift.** With no policy change the largest movement of any stock over ten years is ${(f.drift * 100).toFixed(4)}% (${f.driftStock}); the`,
    'accumulators (Cum_*), the yearly budget (ASC_Budget_Remaining, a saw-tooth) and Integration_Maturity (0) are',
    'excepted. Every stock starts at its equilibrium: stock initial values are written as the steady state of their',
    'equations, and four rates were fitted so that the population and long-term care stocks balance.',
    '',
    '**How the fit was done.** Starting from the Appendix parameter set, a script (run once, not shipped) computed the',
    'net flow of every stock at time 0 and solved for: (1) one common factor on the five placement times, keeping the',
    "Appendix's ratios 3.4 : 4.5 : 6.8 : 6.8 : 11.3, so that Stranded_Beds = 275 (factor 1.397; the factor is larger",
    'than 1 because discharge-to-assess patients no longer pass the funding stock, fix 1); (2) Dependency_Recovery_Rate',
    'so Pop_Dependent is steady; (3) Frailty_Recovery_Rate so Pop_Frail is steady; (4) Community_HomeCare_Rate and',
    'Community_CareHome_Rate so the long-term care stocks are steady. People turning 65 are not fitted: Aging_In equals',
    'the deaths at the start by construction, so the total stays steady under any parameter values.',
    'LoS7_Share_Other was then set to 0.32 (Appendix 0.30) to bring the 7+ day share inside 45–50%, and',
    'ASC_Annual_Budget to about 91% of spend, the 2018/19 all-age pressure scaled to the 65+ half of council care.',
    'Dependency and frailty recovery come out below the Appendix (0.117 and 0.039 against 0.25 and 0.06 a year)',
    'because here each admission can move a person one step down (hospital-associated disability) and D2A',
    'pathways return people to defined states; the Appendix did not publish its transition structure.',
    'Monte Carlo repeats fit (1) in every sampled run, and re-fits Under65_Emergency_Beds to hold the starting',
    'occupancy, so every plausible future starts from the observed hospital (models/analysis/README.md).',
    '',
    '| calibrated parameter (here or in the Appendix prototype) | value | unit | what it is |',
    '|---|---|---|---|',
    ...fitted.map((p) => `| ${p.name} | ${num(p.value, 5)} | ${p.unit} | ${cell(p.description)} |`),
    '',
  ].join('\n');
}

function comparisonSection(sep: Figures, comb: Figures): string {
  return [
    '## Separate against combined at default settings (a check, not a result)',
    '',
    `With table 2.3's combined values, maturity 0 for 18 months and then a 3-year time constant, and a 5% productivity dip`,
    `for 24 months, medically fit delayed patients go from ${num(sep.stranded)} to ${num(comb.stranded)} after ten years`,
    `(${(((comb.stranded - sep.stranded) / sep.stranded) * 100).toFixed(0)}%). Flags: this beats what evaluations of integration found (Torbay: −30% of beds over a`,
    'decade, S30; Better Care Fund year 1 missed its targets, S15); bed-day savings are cash only if beds close; most',
    'of the council saving rests on the assumed cut in over-intensive placements (S36) and on discharge to assess',
    'leading to less long-term care. Separate organisations adopting trusted assessors and discharge to assess',
    'without merging (a built-in scenario) get most of the fall in delays without the £44m one-off cost.',
    '',
  ].join('\n');
}

/** The whole documentation as Markdown. */
export function modelDocMarkdown(): string {
  const { sep, comb } = baselineFigures();
  const out: string[] = [];
  out.push('# JoinedUp care model: combined versus separate health and adult social care');
  out.push('');
  out.push('<!-- Generated by `joinedup model doc` (models/health-care/doc.ts); edit the code, not this file. -->');
  out.push('');
  out.push(
    'A system-dynamics model of people aged 65+ in Northamptonshire moving between independence, frailty and',
    'dependency, through emergency admission, acute treatment, the three discharge delays (assessment, funding,',
    'service), discharge-to-assess pathways P1–P3 and long-term home care and care homes, with the care workforce,',
    'commissioning, electives, the council care budget and the costs borne by each budget holder (NHS, council adult',
    'social care, reorganisation). Time unit: day; Euler integration, dt half a day, saved daily. Built from',
    '`../../shared/domain/MODEL-BRIEF.md`; every equation below is the text the engine compiles.',
    '',
    '**One structure, two forms.** The separate and combined forms differ only in parameter values (table 2.3 of the',
    'brief). Every combined-form effect is scaled by Integration_Maturity: effective = base + maturity × (integrated −',
    'base), where maturity rises towards Integration_Target (0 separate, 1 combined) with time constant',
    'Integration_Time after Integration_Start_Delay. Only three things act without maturity: the one-off',
    'Reorganisation_Cost, the Transition_Productivity dip and the phased Overhead_Saving.',
    '',
  );
  const count = (k: string): number => MODEL_VARIABLES.filter((v) => v.kind === k && !(k === 'aux' && v.gf)).length;
  out.push(
    `**Size.** ${count('stock')} stocks, ${count('flow')} flows, ${count('aux')} auxiliaries and ${MODEL_VARIABLES.filter((v) => v.gf).length} graphical functions, plus ${PARAMETERS.length} constants (the parameter register); the engine adds hidden stocks for SMTH1/SMTH3.`,
    '',
  );
  out.push('## Differences between the forms', '', '| parameter | what | separate | combined | unit |', '|---|---|---|---|---|');
  for (const d of formDifferences()) out.push(`| ${d.name} | ${cell(d.label)} | ${num(d.separate)} | ${num(d.combined)} | ${d.unit} |`);
  out.push('| Funding_Delay | Time to decide funding | 5 | 5 (not 1.5: see fix 1) | days |', '');
  out.push(LOOPS, FIXES, STRANDED_900, calibrationSection(sep), comparisonSection(sep, comb), DEPARTURES);
  out.push('## Metrics', '', '| key | what | unit | where it comes from |', '|---|---|---|---|');
  for (const m of METRICS) out.push(`| ${m.key} | ${cell(m.label)}${m.indicative ? ' (indicative)' : ''} | ${m.unit} | ${cell(m.derivation)} |`);
  out.push('', `HLE caveat, shown with every HLE figure: ${HLE_CAVEAT}`, '');
  out.push('## Variables', '', 'Each variable with its equation, unit, description and source ("structure": the equation is the model\'s own).', '');
  for (const section of Object.keys(SECTION_TITLES) as Section[]) {
    const vars = MODEL_VARIABLES.filter((v) => v.section === section);
    if (vars.length === 0) continue;
    out.push(`### ${SECTION_TITLES[section]}`, '', '| variable | kind | equation | unit | description | source |', '|---|---|---|---|---|---|');
    for (const v of vars) out.push(`| ${v.name} | ${v.kind} | \`${cell(equationOf(v))}\` | ${cell(v.units ?? '')} | ${cell(v.doc ?? '')} | ${v.source} |`);
    out.push('');
  }
  out.push('## Parameters', '', 'Every constant of the equations. Values outside the bounds are refused; outside the plausible range they run with a warning.', '');
  out.push('| parameter | group | separate | combined | unit | bounds | plausible (low, most likely, high) | source | grade | description |', '|---|---|---|---|---|---|---|---|---|---|');
  for (const p of PARAMETERS) {
    out.push(
      `| ${p.name} | ${p.group} | ${num(p.value, 5)} | ${p.combinedValue !== undefined ? num(p.combinedValue, 5) : ''} | ${cell(p.unit)} | ${num(p.bounds.min)} – ${num(p.bounds.max)} | ${num(p.range.low)}, ${num(p.range.mode)}, ${num(p.range.high)} | ${p.source} | ${p.grade} | ${cell(p.description)} |`,
    );
  }
  out.push('', '## Sources', '');
  for (const s of SOURCES) out.push(`- **${s.key}** ${s.citation}`);
  out.push('');
  return out.join('\n');
}

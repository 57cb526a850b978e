/**
 * The health and social care model as an engine ModelSpec: equations as text, compiled by the engine. One structure
 * for both organisational forms; the forms differ only by parameter values (see parameters.ts), with every
 * combined-form effect scaled by `Integration_Maturity`.
 *
 * Time unit: day. Population rates are per year and divided by 365 in the equations.
 */
import type { ModelSpec, VariableSpec } from '../engine/spec.js';
import { PARAMETERS } from './parameters.js';

/** Default integration step (days) and save step. */
export const DEFAULT_DT = 0.5;
export const DEFAULT_SAVE_STEP = 1;

/** Where a variable belongs in the documentation. */
export type Section =
  | 'population'
  | 'hospital'
  | 'discharge'
  | 'community care'
  | 'commissioning'
  | 'workforce'
  | 'elective'
  | 'money'
  | 'integration'
  | 'measures';

export interface ModelVariable extends VariableSpec {
  section: Section;
  /** Source key(s) or "structure" / "assumption" for the equation itself. */
  source: string;
}

const VARS: ModelVariable[] = [];

function add(v: ModelVariable): void {
  VARS.push(v);
}
function stock(section: Section, name: string, init: string, inflows: string[], outflows: string[], units: string, doc: string, source = 'structure', nonNegative = true): void {
  add({ section, name, kind: 'stock', equation: init, inflows, outflows, units, doc, source, nonNegative });
}
function flow(section: Section, name: string, equation: string, units: string, doc: string, source = 'structure', nonNegative = true): void {
  add({ section, name, kind: 'flow', equation, units, doc, source, nonNegative });
}
function aux(section: Section, name: string, equation: string, units: string, doc: string, source = 'structure'): void {
  add({ section, name, kind: 'aux', equation, units, doc, source });
}
function table(section: Section, name: string, input: string, xs: number[], ys: number[], units: string, doc: string, source: string, kind: 'continuous' | 'discrete' = 'continuous'): void {
  add({ section, name, kind: 'aux', equation: input, gf: { kind, xs, ys }, units, doc, source });
}

// ------------------------------------------------------------------ population aged 65+
stock('population', 'Pop_Independent', 'Pop_Independent_Initial', ['Aging_In', 'Frailty_Recovery', 'Return_Independent'], ['Frailty_Onset', 'Deaths_Independent', 'Admissions_Independent'], 'people', 'People aged 65+ living independently in the community.');
stock('population', 'Pop_Frail', 'Pop_Frail_Initial', ['Frailty_Onset', 'Dependency_Recovery', 'Return_Frail'], ['Frailty_Recovery', 'Dependency_Onset', 'Deaths_Frail', 'Admissions_Frail'], 'people', 'People aged 65+ at risk, with some needs but no long-term package, in the community.');
stock('population', 'Pop_Dependent', 'Pop_Dependent_Initial', ['Dependency_Onset', 'Return_Dependent'], ['Dependency_Recovery', 'Deaths_Dependent', 'Admissions_Dependent'], 'people', 'People aged 65+ with long-term care needs, at home or in a care home (long-term care clients are a subset).');
flow('population', 'Aging_In', 'INIT(Deaths_Independent+Deaths_Frail+Deaths_Dependent+Hospital_Deaths_Simple+Hospital_Deaths_Complex)*(1+Demographic_Growth)^(TIME/365)', 'people/day', 'People turning 65: as many as die at the start (a stationary 65+ population, as in the Appendix), growing with Demographic_Growth.', 'assumption');
flow('population', 'Frailty_Onset', 'Pop_Independent*Frailty_Onset_Rate/365*(1+Prevention_Loss_Effect*Prevention_Pressure)', 'people/day', 'Independent people becoming frail; more when prevention is cut under budget pressure (R3).');
flow('population', 'Frailty_Recovery', 'Pop_Frail*Frailty_Recovery_Rate/365', 'people/day', 'Frail people regaining independence.');
flow('population', 'Dependency_Onset', 'Pop_Frail*Dependency_Onset_Rate/365', 'people/day', 'Frail people developing long-term care needs outside hospital.');
flow('population', 'Dependency_Recovery', 'Pop_Dependent*Dependency_Recovery_Rate/365', 'people/day', 'Dependent people regaining some function.', 'S37');
flow('population', 'Deaths_Independent', 'Pop_Independent*Death_Rate_Independent/365', 'people/day', 'Deaths in the community, independent.');
flow('population', 'Deaths_Frail', 'Pop_Frail*Death_Rate_Frail/365', 'people/day', 'Deaths in the community, frail.');
flow('population', 'Deaths_Dependent', 'Pop_Dependent*Death_Rate_Dependent/365', 'people/day', 'Deaths in the community, dependent.');
aux('population', 'Prevention_Pressure', 'SMTH3(Gatekeeping_Multiplier-1, Prevention_Lag)', 'dimensionless', 'Budget gatekeeping pressure as it reaches frailty after the prevention lag (R3).', 'assumption');

// ------------------------------------------------------------------ emergency admissions and acute treatment
aux('hospital', 'Base_Emergency_Demand', '(Pop_Independent*Admission_Rate_Independent+Pop_Frail*Admission_Rate_Frail+Pop_Dependent*Admission_Rate_Dependent)/365', 'patients/day', 'Emergency admissions of people aged 65+ the population would generate at base rates.', 'S41a');
aux('hospital', 'Admission_Change', 'Integration_Maturity*Admission_Change_Integrated', 'share', 'Change in emergency admissions from integration, ramped by maturity.', 'S26');
aux('hospital', 'Extra_Emergency_Demand', 'Readmissions_Early+Untreated_Emergencies', 'patients/day', 'Readmissions after early discharge (R2) plus untreated elective conditions returning as emergencies (B1).');
table('hospital', 'Bed_Admit_Fraction', 'Occupancy', [0.96, 1.0, 1.03], [1, 0.3, 0], 'share', 'Bed limit (fix 4): the share of emergency demand a nearly full hospital can admit (escalation beds allow at most 3% over); the rest is diverted.', 'assumption');
aux('hospital', 'Admission_Scale', 'MAX(0, 1+Admission_Change)*(1+SAFEDIV(Extra_Emergency_Demand, Base_Emergency_Demand, 0))*Bed_Admit_Fraction', 'dimensionless', 'Multiplier from base admission rates to admitted patients.');
flow('hospital', 'Admissions_Independent', 'Pop_Independent*Admission_Rate_Independent/365*Admission_Scale', 'patients/day', 'Emergency admissions of independent people.');
flow('hospital', 'Admissions_Frail', 'Pop_Frail*Admission_Rate_Frail/365*Admission_Scale', 'patients/day', 'Emergency admissions of frail people.');
flow('hospital', 'Admissions_Dependent', 'Pop_Dependent*Admission_Rate_Dependent/365*Admission_Scale', 'patients/day', 'Emergency admissions of dependent people.');
aux('hospital', 'Emergency_Admissions', 'Admissions_Independent+Admissions_Frail+Admissions_Dependent', 'patients/day', 'Emergency admissions of people aged 65+.');
aux('hospital', 'Diverted_Admissions', 'MAX(0, MAX(0, 1+Admission_Change)*(Base_Emergency_Demand+Extra_Emergency_Demand)-Emergency_Admissions)', 'patients/day', 'Emergency demand turned away because the hospital is full.');
flow('hospital', 'Admit_Simple', 'Emergency_Admissions*(1-Complex_Discharge_Share)', 'patients/day', 'Admissions who will go straight home.');
flow('hospital', 'Admit_Complex', 'Emergency_Admissions*Complex_Discharge_Share', 'patients/day', 'Admissions who will need support arranged.');
stock('hospital', 'Acute_Simple', 'Base_Emergency_Demand*(1-Complex_Discharge_Share)*Acute_Phase_Simple', ['Admit_Simple'], ['Simple_Discharges', 'Hospital_Deaths_Simple'], 'patients', 'Acute_Treating, simple part: patients aged 65+ in acute beds, not yet fit, who will go straight home.');
stock('hospital', 'Acute_Complex', 'Base_Emergency_Demand*Complex_Discharge_Share*Acute_Phase_Complex', ['Admit_Complex'], ['Medically_Fit', 'Hospital_Deaths_Complex'], 'patients', 'Acute_Treating, complex part: patients aged 65+ in acute beds, not yet fit, who will need support.');
aux('hospital', 'Acute_Treating', 'Acute_Simple+Acute_Complex', 'patients', 'Patients aged 65+ in acute beds and not yet medically fit.');
table('hospital', 'Early_Discharge_Share', 'Occupancy', [0.96, 1.0, 1.05], [0, 0.15, 0.25], 'share', 'Share of simple stays cut short when the hospital is nearly full (R2 coping).', 'S2');
aux('hospital', 'Simple_Phase_Now', 'Acute_Phase_Simple*(1-Early_Discharge_Share)', 'days', 'Treatment time of simple patients after early discharge.');
flow('hospital', 'Simple_Discharges', 'Acute_Simple/Simple_Phase_Now*(1-Hospital_Death_Share)', 'patients/day', 'Simple patients going home.');
flow('hospital', 'Hospital_Deaths_Simple', 'Acute_Simple/Simple_Phase_Now*Hospital_Death_Share', 'patients/day', 'Deaths in hospital, simple part.');
flow('hospital', 'Medically_Fit', 'Acute_Complex/Acute_Phase_Complex*(1-Hospital_Death_Share)', 'patients/day', 'Complex patients becoming medically fit: they enter the delay stocks.');
flow('hospital', 'Hospital_Deaths_Complex', 'Acute_Complex/Acute_Phase_Complex*Hospital_Death_Share', 'patients/day', 'Deaths in hospital, complex part.');
aux('hospital', 'Readmissions_Early', 'Simple_Discharges*Early_Discharge_Share*Readmission_Prob_Early', 'patients/day', 'Readmissions caused by early discharge (R2).', 'S2');

// ------------------------------------------------------------------ the three delays and the discharge pathways
stock('discharge', 'Delay_Assessment', 'Medically_Fit*Assess_Delay', ['Medically_Fit'], ['Assessed'], 'patients', 'Medically fit patients awaiting a needs assessment.');
aux('discharge', 'Assess_Time', '(Assess_Delay+Integration_Maturity*(Assess_Delay_Integrated-Assess_Delay))/Transition_Productivity_Now', 'days', 'Assessment time, ramped by maturity and slowed by the transition dip.', 'S35');
flow('discharge', 'Assessed', 'Delay_Assessment/Assess_Time', 'patients/day', 'Patients assessed.');
aux('discharge', 'D2A_Share_Now', 'D2A_Share+Integration_Maturity*(D2A_Share_Integrated-D2A_Share)', 'share', 'Share of complex discharges via discharge to assess, ramped by maturity.', 'S8');
aux('discharge', 'Rung_Down', 'MAX(0, Integration_Maturity*(Overprescription_Share-Overprescription_Integrated))', 'share', 'Share of placements moved one rung down (less intensive) as over-prescription falls.', 'S36');
flow('discharge', 'Referrals_P1', 'Assessed*D2A_Share_Now*(Split_P1*(1-Rung_Down)+Split_P2*Rung_Down)', 'patients/day', 'Patients referred to reablement at home (P1); they skip the funding decision (fix 1).');
flow('discharge', 'Referrals_P2', 'Assessed*D2A_Share_Now*(Split_P2*(1-Rung_Down)+Split_P3*Rung_Down)', 'patients/day', 'Patients referred to a rehabilitation bed (P2).');
flow('discharge', 'Referrals_P3', 'Assessed*D2A_Share_Now*Split_P3*(1-Rung_Down)', 'patients/day', 'Patients referred to a care-home assessment bed (P3).');
aux('discharge', 'D2A_None', 'Assessed*D2A_Share_Now*MAX(0, 1-Split_P1-Split_P2-Split_P3+Split_P1*Rung_Down)', 'patients/day', 'Discharge-to-assess patients who need no service and go home.');
flow('discharge', 'Funding_Referrals', 'Assessed*(1-D2A_Share_Now)', 'patients/day', 'Patients not on discharge to assess, awaiting a funding decision.');
stock('discharge', 'Delay_Funding', 'Medically_Fit*(1-D2A_Share)*Funding_Delay*Gatekeeping_Multiplier', ['Funding_Referrals'], ['Funded'], 'patients', 'Assessed patients awaiting a funding decision or the outcome of a dispute.');
flow('discharge', 'Funded', 'Delay_Funding/(Funding_Delay*Gatekeeping_Multiplier)', 'patients/day', 'Funding decisions made; slower when the council overspends (R3).', 'S23');
flow('discharge', 'Referrals_HomeCare', 'Funded*(Split_HomeCare*(1-Rung_Down)+Split_CareHome*Rung_Down)', 'patients/day', 'Funded patients awaiting a home-care package.');
flow('discharge', 'Referrals_CareHome', 'Funded*Split_CareHome*(1-Rung_Down)', 'patients/day', 'Funded patients awaiting a care-home place.');
aux('discharge', 'Funded_None', 'Funded*MAX(0, 1-Split_HomeCare-Split_CareHome+Split_HomeCare*Rung_Down)', 'patients/day', 'Funded patients who need no package and go home.');

interface Service {
  key: 'P1' | 'P2' | 'P3' | 'HomeCare' | 'CareHome';
  /** The referral rate at the start, written so it is the same under both forms (maturity 0, no dip). */
  startReferrals: string;
  label: string;
  occupied: string;
  los: string;
  planned: string;
}
const SERVICES: Service[] = [
  { key: 'P1', startReferrals: 'Medically_Fit*D2A_Share*Split_P1', label: 'reablement at home (P1)', occupied: 'D2A_Home', los: 'D2A_LoS_P1', planned: 'Planned_Util_Flex' },
  { key: 'P2', startReferrals: 'Medically_Fit*D2A_Share*Split_P2', label: 'rehabilitation beds (P2)', occupied: 'D2A_Bed', los: 'D2A_LoS_P2', planned: 'Planned_Util_Flex' },
  { key: 'P3', startReferrals: 'Medically_Fit*D2A_Share*Split_P3', label: 'care-home assessment beds (P3)', occupied: 'D2A_CareHomeAssess', los: 'D2A_LoS_P3', planned: 'Planned_Util_Flex' },
  { key: 'HomeCare', startReferrals: 'Medically_Fit*(1-D2A_Share)*Split_HomeCare', label: 'long-term home care', occupied: 'LTC_HomeCare', los: 'HomeCare_Episode', planned: 'Planned_Util_Flex' },
  { key: 'CareHome', startReferrals: 'Medically_Fit*(1-D2A_Share)*Split_CareHome', label: 'long-term care-home places', occupied: 'LTC_CareHome', los: 'CareHome_LoS', planned: 'Target_Utilisation' },
];

for (const s of SERVICES) {
  const k = s.key;
  // The queue's starting value is its equilibrium at planned utilisation, so the baseline does not drift.
  stock('discharge', `Wait_${k}`, `${s.startReferrals}*Placement_Time_${k}/(1-${k === 'CareHome' ? 'Target_Utilisation' : 'Target_Utilisation_Start'}^Utilisation_Exponent)`, [`Referrals_${k}`], [`Placements_${k}`], 'patients', `Delay_Service part: funded or referred patients in hospital awaiting ${s.label}.`);
  aux('discharge', `Availability_${k}`, `MAX(0, 1-MIN(1, Utilisation_${k})^Utilisation_Exponent)`, 'share', `How freely ${s.label} can take new people: 1 − utilisation^n.`, 'assumption');
  flow('discharge', `Placements_${k}`, `Wait_${k}*Availability_${k}/Placement_Time_${k}`, 'patients/day', `Patients leaving hospital for ${s.label}.`);
}
// Stock starting values of the queues use the separate form's planned utilisation, so both forms start alike.
aux('commissioning', 'Target_Utilisation_Start', 'Target_Utilisation-Pooled_Share*Pooled_Slack', 'share', 'Planned utilisation at the start (before any pooling change).');
aux('discharge', 'Delay_Service', 'Wait_P1+Wait_P2+Wait_P3+Wait_HomeCare+Wait_CareHome', 'patients', 'Funded or referred patients awaiting a package, placement or D2A slot (five queues by destination).');
aux('discharge', 'Stranded_Beds', 'Delay_Assessment+Delay_Funding+Delay_Service', 'patients', 'Medically fit patients still in an acute bed: the sum of the three delay stocks.');

stock('community care', 'D2A_Home', 'Medically_Fit*D2A_Share*Split_P1*D2A_LoS_P1', ['Placements_P1'], ['P1_Completions'], 'patients', 'People receiving reablement at home after hospital (P1).', 'S8');
stock('community care', 'D2A_Bed', 'Medically_Fit*D2A_Share*Split_P2*D2A_LoS_P2', ['Placements_P2'], ['P2_Completions'], 'patients', 'People in intermediate-care rehabilitation beds (P2).', 'S8');
stock('community care', 'D2A_CareHomeAssess', 'Medically_Fit*D2A_Share*Split_P3*D2A_LoS_P3', ['Placements_P3'], ['P3_Completions'], 'patients', 'People in care-home assessment beds (P3).', 'S8');
flow('community care', 'P1_Completions', 'D2A_Home/D2A_LoS_P1', 'people/day', 'Reablement episodes ending.');
flow('community care', 'P2_Completions', 'D2A_Bed/D2A_LoS_P2', 'people/day', 'Rehabilitation stays ending.');
flow('community care', 'P3_Completions', 'D2A_CareHomeAssess/D2A_LoS_P3', 'people/day', 'Care-home assessment stays ending.');
flow('community care', 'P3_To_CareHome', 'P3_Completions*P3_To_CareHome_Share', 'people/day', 'People staying on in a care home after a P3 assessment.');
flow('community care', 'P1_To_HomeCare', 'P1_Completions*P1_To_HomeCare_Share', 'people/day', 'People who still need long-term home care after reablement.', 'S21');
flow('community care', 'P2_To_HomeCare', 'P2_Completions*P2_To_HomeCare_Share', 'people/day', 'People who need long-term home care after a rehabilitation bed.');

aux('community care', 'Community_Dependent', 'MAX(0, Pop_Dependent-LTC_HomeCare-LTC_CareHome)', 'people', 'Dependent people without a publicly funded long-term package.');
stock('community care', 'LTC_HomeCare', 'LTC_HomeCare_Initial', ['Placements_HomeCare', 'Community_HomeCare_Starts', 'P1_To_HomeCare', 'P2_To_HomeCare'], ['HomeCare_Ends'], 'clients', 'Publicly funded long-term home-care clients aged 65+ (a subset of Pop_Dependent).');
stock('community care', 'LTC_CareHome', 'LTC_CareHome_Initial', ['Placements_CareHome', 'Community_CareHome_Starts', 'P3_To_CareHome'], ['CareHome_Exits'], 'residents', 'Publicly funded care-home residents aged 65+ (a subset of Pop_Dependent).');
flow('community care', 'Community_HomeCare_Starts', 'Community_Dependent*Community_HomeCare_Rate/365*MIN(1, Availability_HomeCare/(1-Planned_Util_Flex^Utilisation_Exponent))', 'clients/day', 'Home-care packages started from the community, fewer when carers are short.');
flow('community care', 'Community_CareHome_Starts', 'Community_Dependent*Community_CareHome_Rate/365*MIN(1, Availability_CareHome/(1-Target_Utilisation^Utilisation_Exponent))', 'residents/day', 'Care-home admissions from the community, fewer when places are short.', 'S11');
flow('community care', 'HomeCare_Ends', 'LTC_HomeCare/HomeCare_Episode', 'clients/day', 'Home-care packages ending.');
flow('community care', 'CareHome_Exits', 'LTC_CareHome/CareHome_LoS', 'residents/day', 'Care-home stays ending (mostly deaths).', 'S11');

// Returning people to the community: simple discharges by the admission mix; complex ones by destination.
aux('population', 'Mix_Independent', 'SAFEDIV(Pop_Independent*Admission_Rate_Independent, Base_Emergency_Demand*365, 1)', 'share', 'Share of admissions from independent people.');
aux('population', 'Mix_Frail', 'SAFEDIV(Pop_Frail*Admission_Rate_Frail, Base_Emergency_Demand*365, 0)', 'share', 'Share of admissions from frail people.');
aux('population', 'Mean_Delay_Per_Discharge', 'SAFEDIV(Stranded_Beds, Simple_Discharges+Medically_Fit, 0)', 'days', 'Mean days of delay per discharge (fix: per discharge, not per delayed patient).');
aux('population', 'HAD_Now', 'MIN(1, Hospital_Associated_Disability*(1+Deconditioning_Per_Delay_Day*Mean_Delay_Per_Discharge))', 'share', 'Probability of losing function in hospital, higher with delay (R1).', 'S37');
flow('population', 'Return_Independent', 'Simple_Discharges*Mix_Independent*(1-HAD_Now)+P1_Completions*P1_Recovery_Share', 'people/day', 'People returning home independent.');
flow('population', 'Return_Frail', 'Simple_Discharges*(Mix_Frail*(1-HAD_Now)+Mix_Independent*HAD_Now)+P1_Completions*MAX(0, 1-P1_Recovery_Share-P1_To_HomeCare_Share)+P2_Completions-P2_To_HomeCare+D2A_None+Funded_None', 'people/day', 'People returning home frail, including independent people who lost function in hospital.');
flow('population', 'Return_Dependent', 'Simple_Discharges*((1-Mix_Independent-Mix_Frail)+Mix_Frail*HAD_Now)+Placements_HomeCare+Placements_CareHome+P3_Completions+P1_To_HomeCare+P2_To_HomeCare', 'people/day', 'People returning dependent: with a package, into a care home, or after losing function.');

// ------------------------------------------------------------------ commissioning (B2, B3)
aux('commissioning', 'Pooled_Now', 'Pooled_Share+Integration_Maturity*(Pooled_Share_Integrated-Pooled_Share)', 'share', 'Share of the budget pooled, ramped by maturity.', 'S15');
aux('commissioning', 'Delay_Pressure', 'SAFEDIV(SMTH1(Stranded_Beds, Capacity_Adjust_Now), INIT(Stranded_Beds), 0)', 'dimensionless', 'Delayed patients (averaged over the commissioning time) relative to the start: the bed-day cost a pooled budget sees.');
aux('commissioning', 'Planned_Util_Flex', 'MAX(0.3, Target_Utilisation-Pooled_Now*Pooled_Slack*Delay_Pressure)', 'share', 'Planned utilisation of reablement, D2A beds and home care: lower when a pooled budget sees the cost of delayed bed-days (B3).', 'S4');
aux('commissioning', 'Capacity_Adjust_Now', 'Capacity_Adjust_Time+Integration_Maturity*(Capacity_Adjust_Time_Integrated-Capacity_Adjust_Time)', 'days', 'Commissioning response time, ramped by maturity.');
aux('commissioning', 'Demand_HomeCare', 'Referrals_HomeCare+Community_Dependent*Community_HomeCare_Rate/365+P1_To_HomeCare+P2_To_HomeCare', 'clients/day', 'Home-care packages needed from hospital, after reablement or rehabilitation, and from the community.');
aux('commissioning', 'Demand_CareHome', 'Referrals_CareHome+Community_Dependent*Community_CareHome_Rate/365+P3_To_CareHome', 'residents/day', 'Care-home places needed from hospital, community and P3.');
for (const s of SERVICES) {
  const k = s.key;
  const demand = k === 'HomeCare' || k === 'CareHome' ? `Demand_${k}` : `Referrals_${k}`;
  const uplift = k === 'CareHome' ? '*(1+CareHome_Capacity_Uplift)' : '';
  aux('commissioning', `Expected_Demand_${k}`, `SMTH1(${demand}, Capacity_Adjust_Now)`, 'per day', `Demand for ${s.label} as commissioners see it.`);
  aux('commissioning', `Desired_Capacity_${k}`, `MAX(0, Expected_Demand_${k}+(Wait_${k}-Referrals_${k}*Placement_Time_${k}/(1-${s.planned}^Utilisation_Exponent))/Queue_Clear_Time)*${s.los}/${s.planned}${uplift}`, 'places', `Capacity of ${s.label} commissioners aim for: arrivals plus the excess queue (fix 5), at planned utilisation.`);
  if (k !== 'HomeCare') {
    const init = k === 'CareHome' ? 'LTC_CareHome_Initial/Target_Utilisation*(1+CareHome_Capacity_Uplift)' : `${s.startReferrals}*${s.los}/Target_Utilisation_Start`;
    stock('commissioning', `Capacity_${k}`, init, [`Capacity_Change_${k}`], [], 'places', `Commissioned ${s.label}.`);
    flow('commissioning', `Capacity_Change_${k}`, `(Desired_Capacity_${k}-Capacity_${k})/Capacity_Adjust_Now`, 'places/day', `Commissioning of ${s.label} (B2).`, 'structure', false);
  }
  aux('commissioning', `Utilisation_${k}`, `SAFEDIV(${s.occupied}, Capacity_${k}, 1)`, 'share', `Utilisation of ${s.label}.`);
}

// ------------------------------------------------------------------ care workforce (R4)
stock('workforce', 'SC_Workforce', 'LTC_HomeCare_Initial/Target_Utilisation_Start*Hours_Per_Package/Productive_Hours-Workforce_Flex*NHS_Community_Staff', ['Hires'], ['Leavers'], 'FTE', 'Care workers delivering home care.', 'S39');
aux('workforce', 'Flex_Now', 'Workforce_Flex+Integration_Maturity*(Workforce_Flex_Integrated-Workforce_Flex)', 'share', 'Share of NHS community staff covering care gaps, ramped by maturity.', 'S40');
aux('workforce', 'Capacity_HomeCare', '(SC_Workforce+Flex_Now*NHS_Community_Staff)*Productive_Hours*Transition_Productivity_Now/Hours_Per_Package', 'packages', 'Home-care packages the workforce can deliver.');
aux('workforce', 'Target_Workforce', 'MAX(0, Desired_Capacity_HomeCare*Hours_Per_Package/Productive_Hours-Flex_Now*NHS_Community_Staff)', 'FTE', 'Care workers needed for the home care commissioners want.');
aux('workforce', 'Funded_Posts', 'Target_Workforce*(1+Hiring_Time*Care_Workforce_Turnover/365)', 'FTE', 'Posts funded, allowing for the usual vacancies.', 'S39');
flow('workforce', 'Hires', 'MAX(0, Funded_Posts-SC_Workforce)/Hiring_Time', 'FTE/day', 'Vacancies filled.', 'S39');
aux('workforce', 'Workload_Pressure', 'SMTH1(Utilisation_HomeCare, Pressure_Perception_Time)/Planned_Util_Flex', 'dimensionless', 'Home-care workload relative to plan, as staff feel it.');
flow('workforce', 'Leavers', 'SC_Workforce*Care_Workforce_Turnover/365*MAX(0, 1+Burnout_Sensitivity*(Workload_Pressure-1))', 'FTE/day', 'Care workers leaving; more under pressure (R4 burnout).', 'S39');
aux('workforce', 'Vacancy_Rate', 'SAFEDIV(Funded_Posts-SC_Workforce, Funded_Posts, 0)', 'share', 'Share of funded care posts vacant.', 'S39');

// ------------------------------------------------------------------ electives (B1)
table('elective', 'Cancel_Share', 'Occupancy', [0.85, 0.9, 0.95, 1.0, 1.05], [0, 0.1, 0.3, 0.7, 1], 'share', 'Share of planned elective admissions cancelled at this occupancy (B1); graded so it settles (fix 3).', 'S13');
stock('elective', 'Elective_WaitList', 'Elective_Referrals*Elective_Target_Wait/MAX(0.01, 1-Cancel_Share)', ['Elective_Additions'], ['Elective_Admissions'], 'patients', 'Elective inpatient waiting list (all ages).');
flow('elective', 'Elective_Additions', 'Elective_Referrals', 'patients/day', 'Patients added to the waiting list.');
flow('elective', 'Elective_Admissions', 'Elective_WaitList/Elective_Target_Wait*(1-Cancel_Share)', 'patients/day', 'Elective admissions that go ahead.');
stock('elective', 'Elective_Inpatients', 'Elective_Referrals*Elective_LoS', ['Elective_Admissions'], ['Elective_Discharges'], 'patients', 'Elective patients in acute beds.');
flow('elective', 'Elective_Discharges', 'Elective_Inpatients/Elective_LoS', 'patients/day', 'Elective patients going home.');
aux('elective', 'Untreated_Emergencies', 'MAX(0, Elective_WaitList-INIT(Elective_WaitList))*Untreated_Emergency_Conversion/365', 'patients/day', 'Emergencies from conditions left untreated on a longer list (slow arm of B1).');

// ------------------------------------------------------------------ beds
aux('measures', 'Occupied_Beds', 'Acute_Simple+Acute_Complex+Stranded_Beds+Under65_Emergency_Beds+Elective_Inpatients', 'beds', 'Occupied acute beds.');
aux('measures', 'Occupancy', 'Occupied_Beds/Acute_Beds', 'share', 'Acute bed occupancy.', 'S41e');
aux('measures', 'LoS7_Patients', 'Acute_Simple*EXP(-7/Acute_Phase_Simple)+Acute_Complex*EXP(-7/Acute_Phase_Complex)+LoS7_Share_Delayed*Stranded_Beds+LoS7_Share_Other*(Under65_Emergency_Beds+Elective_Inpatients)', 'patients', 'Estimated patients with a length of stay of 7 days or more (Appendix proxy).', 'S41i');
stock('measures', 'Cum_Delayed_Bed_Days', '0', ['Delayed_Bed_Days'], [], 'bed-days', 'Bed-days occupied by medically fit, delayed patients since the start.');
flow('measures', 'Delayed_Bed_Days', 'Stranded_Beds', 'bed-days/day', 'Bed-days used by delayed patients each day.');

// ------------------------------------------------------------------ money (budget holders)
aux('money', 'Reimbursement', '(Delay_Funding+Wait_HomeCare+Wait_CareHome)*Reimbursement_Charge', '£/day', 'Delayed-discharge charge the council pays the NHS (off by default).', 'S42');
aux('money', 'ASC_Service_Spend', 'LTC_HomeCare*Hours_Per_Package*HomeCare_Hourly_Cost/7+LTC_CareHome*CareHome_Weekly_Cost/7+Placements_P1*Reablement_Episode_Cost', '£/day', 'Council spend on home care, care homes and reablement for people aged 65+.', 'S19');
flow('money', 'NHS_Spending', 'Occupied_Beds*Bed_Day_Cost+Capacity_P2*P2_Bed_Day_Cost+Capacity_P3*P3_Bed_Day_Cost-Reimbursement', '£/day', 'NHS spend: occupied acute bed-days plus commissioned D2A beds, less any reimbursement received.', 'S18', false);
flow('money', 'ASC_Spending', 'ASC_Service_Spend+Reimbursement', '£/day', 'Council adult social care spend.');
table('money', 'Saving_Realisation', '(TIME-Overhead_Saving_Start)/365', [-1e9, 0, 1, 2], [0, 0.36, 0.69, 1], 'share', 'Share of the overhead saving realised: 36% in its first year, 69% in its second, then all.', 'S34', 'discrete');
flow('money', 'Reorg_Spending', '(IF TIME < Reorganisation_Spend_Period THEN Reorganisation_Cost/Reorganisation_Spend_Period ELSE 0)-Overhead_Saving/365*Saving_Realisation', '£/day', 'One-off reorganisation cost spread over its period, less the phased management overhead saving.', 'S41c', false);
stock('money', 'Cum_NHS_Cost', '0', ['NHS_Spending'], [], '£', 'NHS cost since the start.', 'structure', false);
stock('money', 'Cum_ASC_Cost', '0', ['ASC_Spending'], [], '£', 'Council adult social care cost since the start.', 'structure', false);
stock('money', 'Cum_Reorg_Cost', '0', ['Reorg_Spending'], [], '£', 'Reorganisation cost (one-off less overhead savings) since the start.', 'structure', false);
stock('money', 'ASC_Spend_Smoothed', 'ASC_Service_Spend', ['Spend_Smoothing'], [], '£/day', 'Council care spend averaged over the smoothing time (fix 2).', 'structure', false);
flow('money', 'Spend_Smoothing', '(ASC_Spending-ASC_Spend_Smoothed)/Budget_Smoothing_Time', '£/day/day', 'Adjustment of the averaged spend.', 'structure', false);
aux('money', 'Spend_Ratio', 'ASC_Spend_Smoothed*365/ASC_Annual_Budget', 'dimensionless', 'Averaged spend at a yearly rate over the annual budget.');
aux('money', 'Gatekeeping_Now', 'Gatekeeping_Strength+Integration_Maturity*(Gatekeeping_Strength_Integrated-Gatekeeping_Strength)', 'dimensionless', 'Gatekeeping strength, ramped by maturity.', 'S23');
aux('money', 'Gatekeeping_Multiplier', '1+Gatekeeping_Now*MAX(0, Spend_Ratio-1)', 'dimensionless', 'How much an overspend slows funding decisions (R3).', 'S23');
stock('money', 'ASC_Budget_Remaining', 'ASC_Annual_Budget*(IF Financial_Year_Offset > 0 THEN Financial_Year_Offset/365 ELSE 1)', ['Budget_Reset'], ['ASC_Spending'], '£', 'Council 65+ care budget left this financial year; negative when overspent. Reported only: it drives nothing (fix 2).', 'structure', false);
flow('money', 'Budget_Reset', 'IF TIME >= Financial_Year_Offset AND TIME-Financial_Year_Offset-365*INT((TIME-Financial_Year_Offset)/365) < DT/2 THEN (ASC_Annual_Budget-ASC_Budget_Remaining)/DT ELSE 0', '£/day', 'Resets the remaining budget to the annual budget each 1 April.', 'structure', false);

// ------------------------------------------------------------------ integration
stock('integration', 'Integration_Maturity', '0', ['Maturity_Growth'], [], 'share', 'How far joint working is actually realised (0–1).', 'S30', false);
flow('integration', 'Maturity_Growth', 'IF TIME >= Integration_Start_Delay THEN (Integration_Target-Integration_Maturity)/(Integration_Time*365) ELSE 0', '1/day', 'Maturity moves towards its target after the start delay.', 'S34', false);
aux('integration', 'Transition_Productivity_Now', 'IF TIME < Transition_Duration THEN Transition_Productivity ELSE 1', 'share', 'Productivity of assessment and care staff: the transition dip.', 'S34');

// ------------------------------------------------------------------ healthy life expectancy (brief §4)
aux('measures', 'Community_65', 'Pop_Independent+Pop_Frail+Pop_Dependent', 'people', 'People aged 65+ in the community.');
aux('measures', 'People_In_Care_Pathway', 'Acute_Simple+Acute_Complex+Stranded_Beds+D2A_Home+D2A_Bed+D2A_CareHomeAssess', 'people', 'People aged 65+ in hospital or intermediate care.');
aux('measures', 'Poor_Health_Share', '(Weight_Frail*Pop_Frail+Pop_Dependent)/Community_65', 'share', 'Share of people aged 65+ in poor health (Sullivan approximation).', 'S38');
aux('measures', 'HLE_At_Birth', 'HLE_Baseline-(Poor_Health_Share-INIT(Poor_Health_Share))*Survival_To_65*Life_Expectancy_65', 'years', 'Indicative healthy life expectancy at birth.', 'S38');
aux('measures', 'HLE_At_65', 'HLE65_Baseline-(Poor_Health_Share-INIT(Poor_Health_Share))*Life_Expectancy_65', 'years', 'Indicative healthy life expectancy at 65.', 'S38');

/** Every non-constant variable with its documentation section and source. */
export const MODEL_VARIABLES: readonly ModelVariable[] = VARS;

/** The model as an engine spec: the constants come from the register at their separate-form defaults. */
export function buildModelSpec(): ModelSpec {
  const constants: VariableSpec[] = PARAMETERS.map((p) => ({
    name: p.name,
    kind: 'aux',
    equation: String(p.value),
    units: p.unit,
    doc: `${p.description} [${p.source}]`,
  }));
  const variables: VariableSpec[] = [
    ...VARS.map(({ section: _s, source: _src, ...v }) => ({ ...v, inflows: v.inflows && [...v.inflows], outflows: v.outflows && [...v.outflows], gf: v.gf && { ...v.gf, xs: [...v.gf.xs], ys: [...v.gf.ys] } })),
    ...constants,
  ];
  for (const v of variables) {
    if (v.inflows === undefined) delete v.inflows;
    if (v.outflows === undefined) delete v.outflows;
    if (v.gf === undefined) delete v.gf;
    if ((v as { nonNegative?: boolean }).nonNegative === undefined) delete v.nonNegative;
  }
  return {
    name: 'JoinedUp health and social care (Northamptonshire)',
    sim: { start: 0, stop: 3650, dt: DEFAULT_DT, saveStep: DEFAULT_SAVE_STEP, method: 'euler', timeUnits: 'day' },
    variables,
  };
}

/**
 * The parameter register of the health and social care model: every constant the model's equations use, with its
 * default (separate form, and the combined form where the brief's table 2.3 differs), unit, physically meaningful
 * bounds, plausible range, source and evidence grade. Pure data.
 *
 * Naming: a parameter ending in `_Integrated` is the value a combined organisation reaches at full integration
 * maturity; the model uses `base + maturity × (integrated − base)`. Under the separate form maturity stays 0, so
 * those values do not act (their separate default equals the base value).
 */
import type { ParameterGroup, ParameterInfo, SourceInfo } from './types.js';

type Grade = ParameterInfo['grade'];

interface Row {
  name: string;
  label: string;
  value: number;
  combined?: number;
  unit: string;
  bounds: [number, number];
  range: [number, number, number];
  source: string;
  grade: Grade;
  group: ParameterGroup;
  description: string;
}

const BIG = 1e12;

const ROWS: Row[] = [
  // ---- demand: the population aged 65+ ----
  { name: 'Pop_Independent_Initial', label: 'People 65+ independent at start', value: 89600, unit: 'people', bounds: [0, 1e7], range: [80000, 89600, 100000], source: 'S41g', grade: 'fitted', group: 'demand', description: 'People aged 65+ living independently at the start (Appendix split of about 130,000 people aged 65+).' },
  { name: 'Pop_Frail_Initial', label: 'People 65+ frail at start', value: 27100, unit: 'people', bounds: [0, 1e7], range: [22000, 27100, 32000], source: 'S41g', grade: 'fitted', group: 'demand', description: 'People aged 65+ at risk with some needs but no long-term care package at the start.' },
  { name: 'Pop_Dependent_Initial', label: 'People 65+ dependent at start', value: 13300, unit: 'people', bounds: [0, 1e7], range: [11000, 13300, 16000], source: 'S41g', grade: 'fitted', group: 'demand', description: 'People aged 65+ with long-term care needs (at home or in a care home) at the start.' },
  { name: 'Demographic_Growth', label: 'Growth in people turning 65', value: 0, unit: '1/year', bounds: [-0.1, 0.1], range: [0, 0, 0.03], source: 'assumption', grade: 'assumption', group: 'demand', description: 'Yearly compound growth of people turning 65; 0 keeps the baseline stationary (the brief notes 1.7% a year would overfill the hospital).' },
  { name: 'Admission_Rate_Independent', label: 'Emergency admissions, independent', value: 0.11, unit: '1/year', bounds: [0, 5], range: [0.08, 0.11, 0.14], source: 'S41a', grade: 'fitted', group: 'demand', description: 'Emergency admissions a year per independent person aged 65+ (Appendix; about 90 a day in total).' },
  { name: 'Admission_Rate_Frail', label: 'Emergency admissions, frail', value: 0.44, unit: '1/year', bounds: [0, 5], range: [0.33, 0.44, 0.55], source: 'S41a', grade: 'fitted', group: 'demand', description: 'Emergency admissions a year per frail person aged 65+.' },
  { name: 'Admission_Rate_Dependent', label: 'Emergency admissions, dependent', value: 0.83, unit: '1/year', bounds: [0, 5], range: [0.62, 0.83, 1.04], source: 'S41a', grade: 'fitted', group: 'demand', description: 'Emergency admissions a year per dependent person aged 65+.' },
  { name: 'Death_Rate_Independent', label: 'Deaths, independent', value: 0.023, unit: '1/year', bounds: [0, 1], range: [0.018, 0.023, 0.028], source: 'assumption', grade: 'assumption', group: 'demand', description: 'Yearly probability of death in the community for an independent person aged 65+.' },
  { name: 'Death_Rate_Frail', label: 'Deaths, frail', value: 0.07, unit: '1/year', bounds: [0, 1], range: [0.05, 0.07, 0.09], source: 'assumption', grade: 'assumption', group: 'demand', description: 'Yearly probability of death in the community for a frail person aged 65+.' },
  { name: 'Death_Rate_Dependent', label: 'Deaths, dependent', value: 0.2, unit: '1/year', bounds: [0, 1], range: [0.15, 0.2, 0.25], source: 'assumption', grade: 'assumption', group: 'demand', description: 'Yearly probability of death in the community for a dependent person aged 65+.' },
  { name: 'Frailty_Onset_Rate', label: 'Becoming frail', value: 0.035, unit: '1/year', bounds: [0, 1], range: [0.025, 0.035, 0.045], source: 'assumption', grade: 'assumption', group: 'demand', description: 'Yearly share of independent people who become frail, before any loss of prevention.' },
  { name: 'Frailty_Recovery_Rate', label: 'Recovering from frailty', value: 0.03905, unit: '1/year', bounds: [0, 1], range: [0.025, 0.03905, 0.06], source: 'assumption', grade: 'fitted', group: 'demand', description: 'Yearly share of frail people who regain independence; fitted so the baseline frail population is stationary.' },
  { name: 'Dependency_Onset_Rate', label: 'Becoming dependent', value: 0.03, unit: '1/year', bounds: [0, 1], range: [0.02, 0.03, 0.04], source: 'assumption', grade: 'assumption', group: 'demand', description: 'Yearly share of frail people who develop long-term care needs outside hospital.' },
  { name: 'Dependency_Recovery_Rate', label: 'Recovering from dependency', value: 0.1171, unit: '1/year', bounds: [0, 2], range: [0.05, 0.1171, 0.25], source: 'S37', grade: 'fitted', group: 'demand', description: 'Yearly share of dependent people who regain some function (Boyd: 30% recover within 12 months); fitted so the baseline is stationary.' },
  { name: 'Hospital_Death_Share', label: 'Deaths in hospital', value: 0.06, unit: 'share', bounds: [0, 1], range: [0.04, 0.06, 0.08], source: 'assumption', grade: 'assumption', group: 'demand', description: 'Share of emergency admissions of people aged 65+ that end in death in hospital.' },
  { name: 'Complex_Discharge_Share', label: 'Complex discharges', value: 0.215, unit: 'share', bounds: [0, 1], range: [0.15, 0.215, 0.3], source: 'assumption', grade: 'fitted', group: 'demand', description: 'Share of emergency admissions of people aged 65+ who need support arranged before or after leaving hospital.' },
  { name: 'Hospital_Associated_Disability', label: 'Loss of function from a stay', value: 0.3, unit: 'share', bounds: [0, 1], range: [0.24, 0.3, 0.33], source: 'S37', grade: 'sourced', group: 'demand', description: 'Probability that a person aged 65+ loses a daily-living ability during an admission (moves one step: independent to frail, frail to dependent).' },
  { name: 'Deconditioning_Per_Delay_Day', label: 'Extra deconditioning per day of delay', value: 0.01, unit: '1/day', bounds: [0, 0.2], range: [0, 0.01, 0.03], source: 'S37', grade: 'assumption', group: 'demand', description: 'Proportional rise in loss of function for each day of delay per discharge (R1; the "10 days" claim is disputed).' },
  { name: 'Elective_Referrals', label: 'Elective referrals', value: 40, unit: 'patients/day', bounds: [0, 10000], range: [30, 40, 50], source: 'assumption', grade: 'assumption', group: 'demand', description: 'Patients added to the elective inpatient waiting list each day (all ages).' },
  { name: 'Untreated_Emergency_Conversion', label: 'Untreated conditions becoming emergencies', value: 0.05, unit: '1/year', bounds: [0, 1], range: [0, 0.05, 0.15], source: 'assumption', grade: 'assumption', group: 'demand', description: 'Yearly share of the extra elective waiting list (above its starting size) that returns as emergency admissions (slow arm of B1).' },
  { name: 'Readmission_Prob_Early', label: 'Readmission after early discharge', value: 0.3, unit: 'share', bounds: [0, 1], range: [0.15, 0.3, 0.45], source: 'S2', grade: 'assumption', group: 'demand', description: 'Probability that a patient discharged early because the hospital is full is readmitted (R2, coping).' },

  // ---- capacity ----
  { name: 'Acute_Beds', label: 'Acute beds', value: 1100, unit: 'beds', bounds: [1, 100000], range: [1050, 1100, 1300], source: 'S41e', grade: 'sourced', group: 'capacity', description: 'General and acute beds across Northampton General and Kettering General hospitals.' },
  { name: 'Under65_Emergency_Beds', label: 'Beds used by under-65 emergencies', value: 303, unit: 'beds', bounds: [0, 100000], range: [250, 303, 350], source: 'assumption', grade: 'fitted', group: 'capacity', description: 'Beds occupied by emergency patients under 65, an external input (with elective beds, 393 in the Appendix). Monte Carlo does not sample it: each run re-fits it so the hospital starts at the observed occupancy.' },
  { name: 'Acute_Phase_Simple', label: 'Treatment time, simple discharge', value: 2.6, unit: 'days', bounds: [0.1, 60], range: [2, 2.6, 4], source: 'S14', grade: 'fitted', group: 'capacity', description: 'Mean days of acute treatment for patients aged 65+ who go straight home (with same-day stays).' },
  { name: 'Acute_Phase_Complex', label: 'Treatment time, complex discharge', value: 10, unit: 'days', bounds: [0.1, 60], range: [7, 10, 12], source: 'S14', grade: 'fitted', group: 'capacity', description: 'Mean days of acute treatment before patients who need support are medically fit.' },
  { name: 'Elective_Target_Wait', label: 'Elective waiting time when beds allow', value: 126, unit: 'days', bounds: [1, 2000], range: [90, 126, 180], source: 'assumption', grade: 'assumption', group: 'capacity', description: 'Mean wait for an elective admission when no operations are cancelled (18 weeks).' },
  { name: 'Elective_LoS', label: 'Elective length of stay', value: 2.25, unit: 'days', bounds: [0.1, 60], range: [1.5, 2.25, 4], source: 'assumption', grade: 'assumption', group: 'capacity', description: 'Mean inpatient stay of an elective patient.' },
  { name: 'Assess_Delay', label: 'Time to assess needs', value: 4, unit: 'days', bounds: [0.1, 60], range: [1, 4, 7], source: 'S35', grade: 'assumption', group: 'capacity', description: 'Mean days a medically fit patient waits for a needs assessment before integration.' },
  { name: 'Assess_Delay_Integrated', label: 'Time to assess needs, fully integrated', value: 4, combined: 2, unit: 'days', bounds: [0.1, 60], range: [1, 2, 4], source: 'S35', grade: 'assumption', group: 'integration', description: 'Assessment time a combined organisation reaches at full maturity (trusted assessor, one discharge team).' },
  { name: 'Funding_Delay', label: 'Time to decide funding', value: 5, unit: 'days', bounds: [0.1, 60], range: [3, 5, 8], source: 'assumption', grade: 'assumption', group: 'capacity', description: 'Mean days from assessment to a funding decision for patients not on discharge to assess; both forms (see fix 1).' },
  { name: 'D2A_Share', label: 'Complex discharges via discharge to assess', value: 0.5, unit: 'share', bounds: [0, 1], range: [0.3, 0.5, 0.9], source: 'S8', grade: 'assumption', group: 'capacity', description: 'Share of complex discharges that go through discharge to assess (decide long-term care after leaving hospital).' },
  { name: 'D2A_Share_Integrated', label: 'Discharge to assess share, fully integrated', value: 0.5, combined: 0.8, unit: 'share', bounds: [0, 1], range: [0.6, 0.8, 0.9], source: 'S8', grade: 'assumption', group: 'integration', description: 'Discharge-to-assess share a combined organisation reaches at full maturity.' },
  { name: 'Split_P1', label: 'D2A share to pathway 1 (home with reablement)', value: 0.54, unit: 'share', bounds: [0, 1], range: [0.45, 0.54, 0.6], source: 'S8', grade: 'sourced', group: 'capacity', description: 'Share of discharge-to-assess patients who go home with reablement (P1).' },
  { name: 'Split_P2', label: 'D2A share to pathway 2 (rehabilitation bed)', value: 0.17, unit: 'share', bounds: [0, 1], range: [0.12, 0.17, 0.22], source: 'S8', grade: 'sourced', group: 'capacity', description: 'Share of discharge-to-assess patients who go to a rehabilitation bed (P2).' },
  { name: 'Split_P3', label: 'D2A share to pathway 3 (care-home assessment)', value: 0.19, unit: 'share', bounds: [0, 1], range: [0.14, 0.19, 0.24], source: 'S8', grade: 'sourced', group: 'capacity', description: 'Share of discharge-to-assess patients assessed in a care-home bed (P3); the rest (about 10%) need nothing.' },
  { name: 'Split_HomeCare', label: 'Other complex discharges to home care', value: 0.49, unit: 'share', bounds: [0, 1], range: [0.4, 0.49, 0.6], source: 'assumption', grade: 'fitted', group: 'capacity', description: 'Share of complex discharges not on discharge to assess that need a long-term home-care package.' },
  { name: 'Split_CareHome', label: 'Other complex discharges to a care home', value: 0.14, unit: 'share', bounds: [0, 1], range: [0.1, 0.14, 0.2], source: 'assumption', grade: 'fitted', group: 'capacity', description: 'Share of complex discharges not on discharge to assess that need a long-term care-home place (the rest go home without a package).' },
  { name: 'Overprescription_Share', label: 'Over-intensive placements', value: 0.4, unit: 'share', bounds: [0, 1], range: [0.32, 0.4, 0.54], source: 'S36', grade: 'sourced', group: 'capacity', description: 'Share of discharges to a more intensive setting than needed, at which the observed splits hold.' },
  { name: 'Overprescription_Integrated', label: 'Over-intensive placements, fully integrated', value: 0.4, combined: 0.3, unit: 'share', bounds: [0, 1], range: [0.25, 0.3, 0.4], source: 'S36', grade: 'assumption', group: 'integration', description: 'Over-intensive share a combined organisation reaches; the difference moves that share of placements one rung down.' },
  { name: 'D2A_LoS_P1', label: 'Reablement episode length (P1)', value: 15, unit: 'days', bounds: [1, 365], range: [12, 15, 19], source: 'S8', grade: 'sourced', group: 'capacity', description: 'Mean days of reablement at home after hospital (P1).' },
  { name: 'D2A_LoS_P2', label: 'Rehabilitation bed stay (P2)', value: 38, unit: 'days', bounds: [1, 365], range: [34, 38, 43], source: 'S8', grade: 'sourced', group: 'capacity', description: 'Mean days in an intermediate-care rehabilitation bed (P2).' },
  { name: 'D2A_LoS_P3', label: 'Care-home assessment stay (P3)', value: 45, unit: 'days', bounds: [1, 365], range: [32, 45, 59], source: 'S8', grade: 'sourced', group: 'capacity', description: 'Mean days in a care-home assessment bed (P3).' },
  { name: 'P1_Recovery_Share', label: 'Reablement leading to independence', value: 0.3, unit: 'share', bounds: [0, 1], range: [0.15, 0.3, 0.45], source: 'S21', grade: 'assumption', group: 'capacity', description: 'Share of people finishing reablement who return to independence (the rest are frail).' },
  { name: 'P1_To_HomeCare_Share', label: 'Reablement followed by long-term home care', value: 0.35, unit: 'share', bounds: [0, 1], range: [0.2, 0.35, 0.5], source: 'S21', grade: 'assumption', group: 'capacity', description: 'Share of people finishing reablement (P1) who still need a long-term home-care package.' },
  { name: 'P2_To_HomeCare_Share', label: 'Rehabilitation followed by long-term home care', value: 0.4, unit: 'share', bounds: [0, 1], range: [0.25, 0.4, 0.6], source: 'S8', grade: 'assumption', group: 'capacity', description: 'Share of people leaving a rehabilitation bed (P2) who need a long-term home-care package.' },
  { name: 'P3_To_CareHome_Share', label: 'Care-home assessment leading to a long-term place', value: 0.5, unit: 'share', bounds: [0, 1], range: [0.3, 0.5, 0.7], source: 'assumption', grade: 'assumption', group: 'capacity', description: 'Share of people finishing a care-home assessment bed (P3) who stay on as long-term residents.' },
  { name: 'Placement_Time_P1', label: 'Time to start reablement', value: 4.749, unit: 'days', bounds: [0.1, 120], range: [3, 4.749, 8], source: 'assumption', grade: 'fitted', group: 'capacity', description: 'Days to arrange a reablement start when a slot is free (Appendix fit).' },
  { name: 'Placement_Time_P2', label: 'Time to find a rehabilitation bed', value: 6.286, unit: 'days', bounds: [0.1, 120], range: [4, 6.286, 10], source: 'assumption', grade: 'fitted', group: 'capacity', description: 'Days to arrange a rehabilitation bed when one is free.' },
  { name: 'Placement_Time_P3', label: 'Time to find a care-home assessment bed', value: 9.499, unit: 'days', bounds: [0.1, 120], range: [6, 9.499, 15], source: 'assumption', grade: 'fitted', group: 'capacity', description: 'Days to arrange a care-home assessment bed when one is free.' },
  { name: 'Placement_Time_HomeCare', label: 'Time to start a home-care package', value: 9.499, unit: 'days', bounds: [0.1, 120], range: [6, 9.499, 15], source: 'assumption', grade: 'fitted', group: 'capacity', description: 'Days to arrange a long-term home-care package when carers are available.' },
  { name: 'Placement_Time_CareHome', label: 'Time to find a care-home place', value: 15.785, unit: 'days', bounds: [0.1, 120], range: [10, 15.785, 25], source: 'assumption', grade: 'fitted', group: 'capacity', description: 'Days to arrange a long-term care-home place when one is free.' },
  { name: 'Utilisation_Exponent', label: 'How sharply a full service slows placements', value: 8, unit: 'dimensionless', bounds: [1, 50], range: [4, 8, 16], source: 'assumption', grade: 'fitted', group: 'capacity', description: 'Placements scale with 1 − utilisation^n: the larger n, the later a filling service starts to slow placements.' },
  { name: 'Target_Utilisation', label: 'Planned occupancy of care services', value: 0.85, unit: 'share', bounds: [0.3, 0.99], range: [0.8, 0.85, 0.9], source: 'S9', grade: 'fitted', group: 'capacity', description: 'Utilisation commissioners plan care capacity for (Appendix: 0.81–0.86).' },
  { name: 'Queue_Clear_Time', label: 'Time commissioners allow to clear a queue', value: 90, unit: 'days', bounds: [1, 3650], range: [30, 90, 180], source: 'assumption', grade: 'assumption', group: 'capacity', description: 'Commissioning buys for arrivals plus the excess queue over this time (B2; fix 5).' },
  { name: 'Capacity_Adjust_Time', label: 'Commissioning response time', value: 180, unit: 'days', bounds: [1, 3650], range: [90, 180, 365], source: 'assumption', grade: 'assumption', group: 'capacity', description: 'Time for commissioned care capacity to follow the need it sees (B2).' },
  { name: 'Capacity_Adjust_Time_Integrated', label: 'Commissioning response time, fully integrated', value: 180, combined: 90, unit: 'days', bounds: [1, 3650], range: [60, 90, 180], source: 'assumption', grade: 'assumption', group: 'integration', description: 'Commissioning response time with shared data and one plan, at full maturity.' },
  { name: 'HomeCare_Episode', label: 'Home-care package length', value: 300, unit: 'days', bounds: [1, 5000], range: [200, 300, 500], source: 'assumption', grade: 'fitted', group: 'capacity', description: 'Mean duration of a publicly funded long-term home-care package.' },
  { name: 'CareHome_LoS', label: 'Care-home stay', value: 852, unit: 'days', bounds: [1, 5000], range: [548, 852, 1096], source: 'S11', grade: 'sourced', group: 'capacity', description: 'Mean stay of a publicly funded care-home resident (28 months).' },
  { name: 'LTC_HomeCare_Initial', label: 'Home-care clients at start', value: 2649, unit: 'clients', bounds: [0, 1e6], range: [2000, 2649, 3300], source: 'S11', grade: 'fitted', group: 'capacity', description: 'Publicly funded home-care clients aged 65+ at the start (Appendix).' },
  { name: 'LTC_CareHome_Initial', label: 'Care-home residents at start', value: 2003, unit: 'residents', bounds: [0, 1e6], range: [1600, 2003, 2600], source: 'S11', grade: 'fitted', group: 'capacity', description: 'Publicly funded care-home residents aged 65+ at the start (66 admissions per 10,000 a year × 28 months).' },
  { name: 'Community_HomeCare_Rate', label: 'Home-care starts from the community', value: 0.08622, unit: '1/year', bounds: [0, 5], range: [0.04, 0.08622, 0.15], source: 'assumption', grade: 'fitted', group: 'capacity', description: 'Yearly home-care starts per dependent person without a package arriving from the community (not hospital); fitted for a steady baseline.' },
  { name: 'Community_CareHome_Rate', label: 'Care-home admissions from the community', value: 0.009106, unit: '1/year', bounds: [0, 5], range: [0.005, 0.009106, 0.02], source: 'S11', grade: 'fitted', group: 'capacity', description: 'Yearly care-home admissions per dependent person arriving from the community; fitted for a steady baseline.' },
  { name: 'CareHome_Capacity_Uplift', label: 'Extra care-home places', value: 0, unit: 'share', bounds: [-0.5, 2], range: [0, 0, 0.2], source: 'S22', grade: 'assumption', group: 'capacity', description: 'Policy lever: care-home places above what commissioning would buy (0.1 = 10% more places).' },
  { name: 'Pooled_Share', label: 'Share of budget pooled', value: 0.05, unit: 'share', bounds: [0, 1], range: [0.03, 0.05, 0.1], source: 'S15', grade: 'assumption', group: 'integration', description: 'Share of the in-scope budget pooled between NHS and council (Better Care Fund scale).' },
  { name: 'Pooled_Share_Integrated', label: 'Share of budget pooled, fully integrated', value: 0.05, combined: 1, unit: 'share', bounds: [0, 1], range: [0.5, 1, 1], source: 'S15', grade: 'assumption', group: 'integration', description: 'Pooled share under a single accountable body at full maturity.' },
  { name: 'Pooled_Slack', label: 'Spare intermediate care bought with a pooled budget', value: 0.05, unit: 'share', bounds: [0, 0.5], range: [0, 0.05, 0.1], source: 'S4', grade: 'assumption', group: 'integration', description: 'Points of planned utilisation of reablement, D2A beds and home care given up when the whole budget is pooled (B3).' },

  // ---- workforce ----
  { name: 'Care_Workforce_Turnover', label: 'Care staff turnover', value: 0.29, unit: '1/year', bounds: [0, 3], range: [0.25, 0.29, 0.35], source: 'S39', grade: 'sourced', group: 'workforce', description: 'Share of care workers leaving each year at normal pressure.' },
  { name: 'Hiring_Time', label: 'Time to fill a care vacancy', value: 150, unit: 'days', bounds: [1, 1000], range: [90, 150, 220], source: 'S39', grade: 'fitted', group: 'workforce', description: 'Mean time to fill a vacancy; 150 days makes turnover 0.29 consistent with a 10.7% vacancy rate.' },
  { name: 'Productive_Hours', label: 'Care hours delivered per worker', value: 26, unit: 'hours/week/FTE', bounds: [1, 60], range: [22, 26, 30], source: 'assumption', grade: 'assumption', group: 'workforce', description: 'Hours of home care a full-time care worker delivers each week after travel and training.' },
  { name: 'Hours_Per_Package', label: 'Hours per home-care package', value: 10, unit: 'hours/week', bounds: [0.5, 100], range: [5, 10, 20], source: 'assumption', grade: 'assumption', group: 'workforce', description: 'Mean weekly hours of a home-care package.' },
  { name: 'Burnout_Sensitivity', label: 'Staff leaving under pressure', value: 1, unit: 'dimensionless', bounds: [0, 10], range: [0.5, 1, 2], source: 'S41f', grade: 'assumption', group: 'workforce', description: 'Proportional rise in leaving for each unit of workload above plan (R4).' },
  { name: 'Pressure_Perception_Time', label: 'Time for pressure to be felt', value: 90, unit: 'days', bounds: [1, 1000], range: [30, 90, 180], source: 'assumption', grade: 'assumption', group: 'workforce', description: 'Averaging time of home-care workload before it changes leaving.' },
  { name: 'NHS_Community_Staff', label: 'NHS community and reablement staff', value: 1000, unit: 'FTE', bounds: [0, 1e6], range: [600, 1000, 1500], source: 'assumption', grade: 'assumption', group: 'workforce', description: 'NHS community and reablement staff in the area, some of whom can cover care gaps.' },
  { name: 'Workforce_Flex', label: 'NHS staff covering care gaps', value: 0.02, unit: 'share', bounds: [0, 1], range: [0, 0.02, 0.05], source: 'S40', grade: 'assumption', group: 'workforce', description: 'Share of NHS community staff time that can cover home-care gaps before integration.' },
  { name: 'Workforce_Flex_Integrated', label: 'NHS staff covering care gaps, fully integrated', value: 0.02, combined: 0.15, unit: 'share', bounds: [0, 1], range: [0.05, 0.15, 0.25], source: 'S40', grade: 'assumption', group: 'integration', description: 'Share reached by a combined organisation at full maturity (white-paper intent).' },

  // ---- costs ----
  { name: 'Bed_Day_Cost', label: 'Acute bed-day cost', value: 313, unit: '£/day', bounds: [0, 10000], range: [190, 313, 400], source: 'S18', grade: 'sourced', group: 'costs', description: 'Cost of one occupied acute bed-day (2016/17 prices).' },
  { name: 'P2_Bed_Day_Cost', label: 'Rehabilitation bed-day cost (P2)', value: 250, unit: '£/day', bounds: [0, 10000], range: [180, 250, 350], source: 'assumption', grade: 'assumption', group: 'costs', description: 'NHS cost of a commissioned intermediate-care rehabilitation bed per day.' },
  { name: 'P3_Bed_Day_Cost', label: 'Care-home assessment bed-day cost (P3)', value: 150, unit: '£/day', bounds: [0, 10000], range: [110, 150, 200], source: 'assumption', grade: 'assumption', group: 'costs', description: 'NHS cost of a commissioned care-home assessment bed per day.' },
  { name: 'CareHome_Weekly_Cost', label: 'Care-home fee', value: 790, unit: '£/week', bounds: [0, 10000], range: [650, 790, 1100], source: 'S19', grade: 'sourced', group: 'costs', description: 'Weekly residential care-home fee, East Midlands (2022/23).' },
  { name: 'HomeCare_Hourly_Cost', label: 'Home-care hourly price', value: 23.2, unit: '£/hour', bounds: [0, 1000], range: [18, 23.2, 30], source: 'S20', grade: 'sourced', group: 'costs', description: 'Price of an hour of home care (Homecare Association minimum, 2022/23).' },
  { name: 'Reablement_Episode_Cost', label: 'Reablement episode cost', value: 2088, unit: '£', bounds: [0, 100000], range: [1500, 2088, 3000], source: 'S21', grade: 'sourced', group: 'costs', description: 'Council cost of one reablement (P1) episode (2010 prices).' },
  { name: 'ASC_Annual_Budget', label: 'Council care budget for people 65+', value: 108e6, unit: '£/year', bounds: [0, BIG], range: [100e6, 108e6, 120e6], source: 'S41a', grade: 'fitted', group: 'costs', description: 'Yearly adult social care budget for people aged 65+, set below spend so it overspends as reported (2018/19 pressure £17.8m all ages).' },
  { name: 'Budget_Smoothing_Time', label: 'Time over which overspend is judged', value: 90, unit: 'days', bounds: [1, 365], range: [30, 90, 180], source: 'assumption', grade: 'assumption', group: 'costs', description: 'Averaging time of council care spend compared with the annual budget (fix 2: no March explosion).' },
  { name: 'Gatekeeping_Strength', label: 'Budget gatekeeping', value: 1, unit: 'dimensionless', bounds: [0, 20], range: [0.5, 1, 2], source: 'S23', grade: 'assumption', group: 'costs', description: 'How strongly an overspend slows funding decisions (R3): delay × (1 + g × overspend share).' },
  { name: 'Gatekeeping_Strength_Integrated', label: 'Budget gatekeeping, fully integrated', value: 1, combined: 0.3, unit: 'dimensionless', bounds: [0, 20], range: [0.1, 0.3, 0.6], source: 'S24', grade: 'assumption', group: 'integration', description: 'Gatekeeping strength when bed-day costs count inside the same budget, at full maturity.' },
  { name: 'Prevention_Loss_Effect', label: 'Frailty from lost prevention', value: 0.5, unit: 'dimensionless', bounds: [0, 20], range: [0, 0.5, 1.5], source: 'S41a', grade: 'assumption', group: 'costs', description: 'Proportional rise in becoming frail per unit of gatekeeping pressure, after the prevention lag (R3).' },
  { name: 'Prevention_Lag', label: 'Lag of prevention effects', value: 1095, unit: 'days', bounds: [1, 5000], range: [730, 1095, 1826], source: 'assumption', grade: 'assumption', group: 'costs', description: 'Third-order lag between prevention spending changes and frailty (2–5 years).' },
  { name: 'Reimbursement_Charge', label: 'Delayed-discharge charge', value: 0, unit: '£/day', bounds: [0, 10000], range: [0, 0, 200], source: 'S42', grade: 'assumption', group: 'costs', description: 'Daily charge the council pays the NHS per patient delayed for social care (legal basis S42; rate not verified, so off).' },
  { name: 'Financial_Year_Offset', label: 'Days to the next 1 April', value: 0, unit: 'days', bounds: [0, 365], range: [0, 0, 365], source: 'assumption', grade: 'assumption', group: 'costs', description: 'Days from the start date to the next council budget reset; set from the scenario start date.' },

  // ---- integration (one-off and transition) ----
  { name: 'Integration_Target', label: 'Joint working aimed for (0 none, 1 full)', value: 0, combined: 1, unit: 'dimensionless', bounds: [0, 1], range: [0, 0, 1], source: 'assumption', grade: 'assumption', group: 'integration', description: 'The maturity joint working moves towards: 0 under separate organisations, 1 under a combined one (or under separate ones adopting some joint practices).' },
  { name: 'Integration_Time', label: 'Years to integration maturity', value: 3, unit: 'years', bounds: [0.1, 30], range: [1, 3, 10], source: 'S30', grade: 'assumption', group: 'integration', description: 'Time constant of integration maturity (Torbay took about 10 years; effects after 5–6 years in S25).' },
  { name: 'Integration_Start_Delay', label: 'Delay before services change', value: 548, unit: 'days', bounds: [0, 3650], range: [0, 548, 913], source: 'S34', grade: 'sourced', group: 'integration', description: 'Service changes start at least 18 months after a merger (0 for new working practices without a merger).' },
  { name: 'Admission_Change_Integrated', label: 'Change in emergency admissions, fully integrated', value: 0, combined: -0.05, unit: 'share', bounds: [-0.5, 0.5], range: [-0.08, -0.05, 0], source: 'S26', grade: 'sourced', group: 'integration', description: 'Proportional change in emergency admissions at full integration maturity (−3 to −8% by year 5).' },
  { name: 'Transition_Productivity', label: 'Productivity during transition', value: 1, combined: 0.95, unit: 'share', bounds: [0.1, 1.5], range: [0.9, 0.95, 1], source: 'S34', grade: 'assumption', group: 'integration', description: 'Productivity of assessment and home-care staff during the reorganisation (5% dip assumed).' },
  { name: 'Transition_Duration', label: 'Length of the transition dip', value: 730, unit: 'days', bounds: [0, 3650], range: [365, 730, 913], source: 'S34', grade: 'assumption', group: 'integration', description: 'Days from the start during which the productivity dip applies (24 months).' },
  { name: 'Reorganisation_Cost', label: 'One-off reorganisation cost', value: 0, combined: 44e6, unit: '£', bounds: [0, BIG], range: [30e6, 44e6, 60e6], source: 'S41c', grade: 'sourced', group: 'integration', description: 'One-off cost of creating the combined organisation (unitary analogue £29.9m → ~£44m).' },
  { name: 'Reorganisation_Spend_Period', label: 'Period the one-off cost is spent over', value: 365, unit: 'days', bounds: [1, 3650], range: [180, 365, 730], source: 'assumption', grade: 'assumption', group: 'integration', description: 'Days from the start over which the one-off cost is spent evenly.' },
  { name: 'Overhead_Saving', label: 'Management overhead saving', value: 0, combined: 12.1e6, unit: '£/year', bounds: [0, BIG], range: [0, 12.1e6, 12.1e6], source: 'S41c', grade: 'sourced', group: 'integration', description: 'Yearly management overhead saving once fully realised (council-merger target).' },
  { name: 'Overhead_Saving_Start', label: 'When overhead savings begin', value: 730, unit: 'days', bounds: [0, 3650], range: [365, 730, 1095], source: 'S41c', grade: 'sourced', group: 'integration', description: 'Days from the start to the first overhead saving (expected from 2021/22); realised 36% in year 1, 69% in year 2 (S34).' },

  // ---- measures (length of stay and healthy life expectancy) ----
  { name: 'LoS7_Share_Delayed', label: 'Delayed patients with stays of 7+ days', value: 0.88, unit: 'share', bounds: [0, 1], range: [0.82, 0.88, 0.92], source: 'assumption', grade: 'fitted', group: 'capacity', description: 'Share of medically fit delayed patients whose stay so far is 7 days or more (Appendix proxy).' },
  { name: 'LoS7_Share_Other', label: 'Under-65 and elective patients with stays of 7+ days', value: 0.32, unit: 'share', bounds: [0, 1], range: [0.2, 0.32, 0.4], source: 'assumption', grade: 'fitted', group: 'capacity', description: 'Share of under-65 and elective occupied beds with stays of 7 days or more (Appendix proxy).' },
  { name: 'Weight_Frail', label: 'Poor-health weight of frailty', value: 0.5, unit: 'share', bounds: [0, 1], range: [0.3, 0.5, 0.7], source: 'S38', grade: 'assumption', group: 'demand', description: 'Weight of a frail person in the share of older people in poor health (dependent people count 1).' },
  { name: 'HLE_Baseline', label: 'Healthy life expectancy at birth at start', value: 66.05, unit: 'years', bounds: [40, 90], range: [64, 66.05, 68], source: 'S41m', grade: 'sourced', group: 'demand', description: 'Northamptonshire HLE at birth 2016–18 (women 66.3, men 65.8).' },
  { name: 'HLE65_Baseline', label: 'Healthy life expectancy at 65 at start', value: 10.9, unit: 'years', bounds: [0, 40], range: [9.5, 10.9, 12], source: 'S38', grade: 'assumption', group: 'demand', description: 'HLE at 65 at the start (England order of magnitude; local figure not found).' },
  { name: 'Survival_To_65', label: 'Survival from birth to 65', value: 0.9, unit: 'share', bounds: [0, 1], range: [0.88, 0.9, 0.92], source: 'assumption', grade: 'assumption', group: 'demand', description: 'Probability of surviving from birth to 65, used to carry 65+ health changes to HLE at birth.' },
  { name: 'Life_Expectancy_65', label: 'Life expectancy at 65', value: 19.6, unit: 'years', bounds: [0, 40], range: [18.3, 19.6, 20.9], source: 'S38', grade: 'sourced', group: 'demand', description: 'Life expectancy at 65, England & Wales 2010–12 (men 18.3, women 20.9).' },
];

/** The register: one entry per constant in the model's equations. */
export const PARAMETERS: ParameterInfo[] = ROWS.map((r) => {
  const info: ParameterInfo = {
    name: r.name,
    label: r.label,
    value: r.value,
    unit: r.unit,
    bounds: { min: r.bounds[0], max: r.bounds[1] },
    range: { low: r.range[0], mode: r.range[1], high: r.range[2] },
    distribution: 'triangular',
    source: r.source,
    grade: r.grade,
    description: r.description,
    group: r.group,
  };
  if (r.combined !== undefined && r.combined !== r.value) info.combinedValue = r.combined;
  return info;
});

/** The brief's citations, by key. */
export const SOURCES: SourceInfo[] = [
  { key: 'S1', citation: 'Wolstenholme E. A patient flow perspective of UK health services. System Dynamics Review 15(3), 1999.' },
  { key: 'S2', citation: 'Wolstenholme, Monk, McKelvie, Arnold. Coping but not coping in health and social care. SDR 23(4):371–389, 2007, doi:10.1002/sdr.390.' },
  { key: 'S3', citation: 'Wolstenholme & McKelvie. The Dynamics of Care. Springer, 2019 (chapters 2, 7, 10).' },
  { key: 'S4', citation: 'Wolstenholme E. Systems 10(5):135, 2022, doi:10.3390/systems10050135.' },
  { key: 'S5', citation: 'Insight Maker, "Hospital Fixes That Fail" — insightmaker.com/article/9826.' },
  { key: 'S6', citation: 'Brailsford et al. JORS 2004, doi:10.1057/palgrave.jors.2601667; Lattimer et al. EMJ 21(6), 2004.' },
  { key: 'S7', citation: 'Whole Systems Partnership — cheshire.thewholesystem.co.uk; Systems 11(5):247, 2023.' },
  { key: 'S8', citation: 'IPACS — github.com/nhs-bnssg-analytics/ipacs-model; inputs in github.com/AliHarp/IPACS_MODEL.' },
  { key: 'S9', citation: 'Wood et al. False economy of eliminating DTOCs. Appl Health Econ Health Policy 2023, doi:10.1007/s40258-022-00777-2.' },
  { key: 'S10', citation: 'Onen-Dumlu et al. PLOS ONE 2022, doi:10.1371/journal.pone.0268837.' },
  { key: 'S11', citation: 'Strategy Unit care-home demand simulator — github.com/The-Strategy-Unit/care-home-demand-simulator.' },
  { key: 'S12', citation: 'Symmetric Lab delayed-discharge simulation — symmetriclab.com/test-phone-model/.' },
  { key: 'S13', citation: 'Bagust, Place, Posnett. BMJ 319:155, 1999.' },
  { key: 'S14', citation: 'NAO. Discharging older patients from hospital, 2016.' },
  { key: 'S15', citation: 'NAO. Health and social care integration, 2017.' },
  { key: 'S16', citation: 'Nuffield Trust QualityWatch, delayed transfers of care.' },
  { key: 'S17', citation: 'Health Foundation. Why are delayed discharges from hospital increasing? 2023.' },
  { key: 'S18', citation: 'HFMA. Reference cost data published (2016/17), 2017.' },
  { key: 'S19', citation: 'Which?, LaingBuisson care-home fees 2022/23 (regional table).' },
  { key: 'S20', citation: 'Homecare Association Minimum Price 2022–23 and 2023–24.' },
  { key: 'S21', citation: 'Glendinning, Jones et al. Home care re-ablement services: investigating the longer-term impacts. SPRU/PSSRU, 2010.' },
  { key: 'S22', citation: 'Gaughan, Gravelle, Siciliani. Health Economics 24(S1):32–44, 2015.' },
  { key: 'S23', citation: 'Crawford, Stoye, Zaranko. IFS, 2018 and 2020 — ifs.org.uk/publications/15214.' },
  { key: 'S24', citation: 'Seamer et al. BMJ Open 9:e024577, 2019.' },
  { key: 'S25', citation: 'Health Foundation Improvement Analytics Unit. Have integrated care programmes reduced emergency admissions? 2021.' },
  { key: 'S26', citation: 'Pioneer and Vanguard emergency admissions. BMC Health Serv Res 2021, doi:10.1186/s12913-021-06692-x.' },
  { key: 'S27', citation: 'Integrated Care Pilots evaluation (RAND/Ernst & Young/Cambridge), reported by HSJ 2012.' },
  { key: 'S28', citation: 'Britteon et al. Lancet Public Health 7(10), 2022, doi:10.1016/S2468-2667(22)00198-0.' },
  { key: 'S29', citation: 'Britteon et al. Soc Sci Med 2024, reported in BMJ 2024;384:q767.' },
  { key: 'S30', citation: "Thistlethwaite. Integrating health and social care in Torbay. King's Fund, 2011; Ham, HSMC Birmingham, 2010." },
  { key: 'S31', citation: 'Audit Scotland. Health and social care integration: update on progress, Nov 2018.' },
  { key: 'S32', citation: "Ham et al. Integrated care in Northern Ireland, Scotland and Wales. King's Fund, 2013." },
  { key: 'S33', citation: 'Wyatt et al. Journal of Integrated Care, 2021 (structural integration of community nursing).' },
  { key: 'S34', citation: 'Fulop et al. BMJ 325:246, 2002; HSJ 8 Aug 2002 follow-up.' },
  { key: 'S35', citation: 'LGA. Lincolnshire care home trusted assessor (67% figure from a vendor page).' },
  { key: 'S36', citation: 'Newton Europe / LGA. People first, manage what matters.' },
  { key: 'S37', citation: 'Loyd et al. JAMDA 2020; Boyd et al. JAGS 2008; Hartley et al. Age Ageing 50(1), 2021.' },
  { key: 'S38', citation: 'ONS. Health state life expectancies UK 2018–2020; Health expectancies QMI; Interim life tables 2010–2012.' },
  { key: 'S39', citation: 'Skills for Care. State of the adult social care sector 2022.' },
  { key: 'S40', citation: 'DHSC. Health and social care integration: joining up care for people, places and populations, Feb 2022.' },
  { key: 'S41a', citation: 'Northants Telegraph and Northampton Chronicle, 26–27 Jun 2019 (900 stranded; £6m overspend; £240m; £12m prevention).' },
  { key: 'S41b', citation: 'Northamptonshire County Council press release, 16 Jan 2019 (delay days).' },
  { key: 'S41c', citation: 'Daventry Express / LocalGov, Aug 2018 (PwC figures); BBC, Feb 2019 (~£44m).' },
  { key: 'S41d', citation: 'Northampton Chronicle, 15 Jun 2018 (Newton review).' },
  { key: 'S41e', citation: 'Northampton Chronicle and homecare.co.uk, Jan 2022 (300 patients; 1,100 beds; 98%).' },
  { key: 'S41f', citation: 'homecare.co.uk, Jan 2022 (8% care staff loss).' },
  { key: 'S41g', citation: 'BBC, 29 Jun 2022 and Daventry Express, Jun 2022 (Census 2021).' },
  { key: 'S41h', citation: 'kgh.nhs.uk/about-us.' },
  { key: 'S41i', citation: 'NHS Improvement. Reviewing stranded patients.' },
  { key: 'S41j', citation: 'Northampton Chronicle: "Three wards\' worth" and NGH 23% delayed articles.' },
  { key: 'S41k', citation: 'Public Sector Executive, 2018.' },
  { key: 'S41l', citation: 'Northants Telegraph, Jun 2019 (CCG finances).' },
  { key: 'S41m', citation: 'Daventry Express, 27 Dec 2019 (HLE).' },
  { key: 'S42', citation: 'Community Care (Delayed Discharges etc.) Act 2003; Care and Support (Discharge of Hospital Patients) Regulations 2014.' },
  { key: 'S43', citation: 'HM Treasury. The Green Book: supplementary guidance, optimism bias (2003), Table 1: Equipment/Development, capital expenditure uplift 10% (lower bound) to 200% (upper bound). Used by the appraisal for the one-off reorganisation cost (models/analysis/appraisal.ts).' },
];

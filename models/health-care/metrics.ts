/** The headline metrics of a run: what each means and which model variable it comes from. */
import type { MetricInfo } from './types.js';

export const HLE_CAVEAT =
  'Indicative only: healthy life expectancy is a slow, noisy period measure driven mainly by deprivation; local-authority ' +
  'intervals are about ±2 years, so simulated differences of 0.1–0.3 years could not be seen in ONS data (brief §4). ' +
  'The model changes it only through the share of people aged 65+ who are frail or dependent.';

export const METRICS: MetricInfo[] = [
  { key: 'cost.total', label: 'Total cost over the horizon', unit: 'GBP', better: 'lower', derivation: 'Cum_NHS_Cost + Cum_ASC_Cost + Cum_Reorg_Cost at the end of the horizon (undiscounted).' },
  { key: 'cost.nhs', label: 'NHS cost', unit: 'GBP', better: 'lower', derivation: 'Cum_NHS_Cost at the end: the integral of NHS_Spending = Occupied_Beds × Bed_Day_Cost + Capacity_P2 × P2_Bed_Day_Cost + Capacity_P3 × P3_Bed_Day_Cost − Reimbursement.' },
  { key: 'cost.socialCare', label: 'Council adult social care cost', unit: 'GBP', better: 'lower', derivation: 'Cum_ASC_Cost at the end: the integral of ASC_Spending (home-care hours, care-home weeks, reablement episodes, any reimbursement charge).' },
  { key: 'cost.reorganisation', label: 'Reorganisation cost (net of overhead savings)', unit: 'GBP', better: 'lower', derivation: 'Cum_Reorg_Cost at the end: the one-off Reorganisation_Cost spread over Reorganisation_Spend_Period, less Overhead_Saving × Saving_Realisation.' },
  { key: 'cost.presentValue', label: 'Present value of total cost', unit: 'GBP', better: 'lower', derivation: "Each day's increase in total cost discounted at the scenario's discount rate: Σ ΔCost(t) × (1 + r)^(−t/365), t at mid-day." },
  { key: 'strandedBeds.initial', label: 'Stranded beds at the start', unit: 'beds', better: 'lower', derivation: 'Stranded_Beds = Delay_Assessment + Delay_Funding + Delay_Service (medically fit patients still in an acute bed) at the start.' },
  { key: 'strandedBeds.mean', label: 'Stranded beds, average', unit: 'beds', better: 'lower', derivation: 'Stranded_Beds averaged over the daily saved values of the horizon.' },
  { key: 'strandedBeds.final', label: 'Stranded beds at the end', unit: 'beds', better: 'lower', derivation: 'Stranded_Beds at the end of the horizon.' },
  { key: 'hle.initial', label: 'Healthy life expectancy at birth, start', unit: 'years', better: 'higher', indicative: true, derivation: 'HLE_At_Birth = HLE_Baseline − (Poor_Health_Share − its initial value) × Survival_To_65 × Life_Expectancy_65, at the start.' },
  { key: 'hle.final', label: 'Healthy life expectancy at birth, end', unit: 'years', better: 'higher', indicative: true, derivation: 'HLE_At_Birth at the end of the horizon.' },
  { key: 'hle65.initial', label: 'Healthy life expectancy at 65, start', unit: 'years', better: 'higher', indicative: true, derivation: 'HLE_At_65 = HLE65_Baseline − (Poor_Health_Share − its initial value) × Life_Expectancy_65, at the start.' },
  { key: 'hle65.final', label: 'Healthy life expectancy at 65, end', unit: 'years', better: 'higher', indicative: true, derivation: 'HLE_At_65 at the end of the horizon.' },
  { key: 'los7.initial', label: 'Patients in hospital 7+ days, start', unit: 'beds', better: 'lower', derivation: 'LoS7_Patients (Appendix proxy: treating patients × e^(−7/treatment time) + LoS7_Share_Delayed × Stranded_Beds + LoS7_Share_Other × other occupied beds) at the start.' },
  { key: 'los7.final', label: 'Patients in hospital 7+ days, end', unit: 'beds', better: 'lower', derivation: 'LoS7_Patients at the end of the horizon.' },
  { key: 'delayedBedDays.total', label: 'Bed-days used by delayed patients', unit: 'bed-days', better: 'lower', derivation: 'Cum_Delayed_Bed_Days at the end: the integral of Stranded_Beds over the horizon.' },
  { key: 'occupancy.mean', label: 'Acute bed occupancy, average', unit: 'share', better: 'lower', derivation: 'Occupancy = Occupied_Beds / Acute_Beds averaged over the daily saved values.' },
];

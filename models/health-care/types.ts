/** Types of the health and social care model's parameter register and results. Pure data. */

export type OrganisationalForm = 'separate' | 'combined';

export type ParameterGroup = 'demand' | 'capacity' | 'costs' | 'workforce' | 'integration';

/** How the parameter is sampled in uncertainty analysis. */
export type Distribution = 'triangular' | 'uniform';

export interface ParameterInfo {
  /** The model variable's name (a constant in the model). */
  name: string;
  /** Plain-English label for the window. */
  label: string;
  /** Default value under the separate form. */
  value: number;
  /** Default under the combined form, where it differs (the brief's table 2.3). */
  combinedValue?: number;
  unit: string;
  /** What is physically meaningful: values outside are refused. */
  bounds: { min: number; max: number };
  /** Plausible range (low, most likely, high): values outside run with a warning. */
  range: { low: number; mode: number; high: number };
  distribution?: Distribution;
  /** A source key from the brief (e.g. "S18", "S41c") or "assumption". */
  source: string;
  /** Evidence grade: "sourced" (S in the brief), "assumption" (A), or "fitted" (calibrated to §5 targets). */
  grade: 'sourced' | 'assumption' | 'fitted';
  description: string;
  group: ParameterGroup;
}

export interface SourceInfo {
  key: string;
  citation: string;
}

/**
 * Headline metrics of one run, all over the scenario's horizon. At least the DESIGN.md keys; costs in £
 * (undiscounted cumulative unless named presentValue), beds in beds, HLE in years.
 */
export interface Metrics {
  'cost.total': number;
  'cost.nhs': number;
  'cost.socialCare': number;
  'cost.reorganisation': number;
  'cost.presentValue': number;
  'strandedBeds.initial': number;
  'strandedBeds.mean': number;
  'strandedBeds.final': number;
  'hle.initial': number;
  'hle.final': number;
  'hle65.initial': number;
  'hle65.final': number;
  /** Estimated patients with a length of stay of 7 days or more. */
  'los7.initial': number;
  'los7.final': number;
  /** Occupied bed-days by medically fit, delayed patients over the horizon. */
  'delayedBedDays.total': number;
  'occupancy.mean': number;
}

export type MetricKey = keyof Metrics;

export interface MetricInfo {
  key: MetricKey;
  label: string;
  unit: 'GBP' | 'beds' | 'years' | 'share' | 'bed-days';
  better: 'lower' | 'higher';
  /** The model variable or computation the figure comes from, for "where does this number come from". */
  derivation: string;
  indicative?: boolean;
}

/** Time series the window charts, one value per saved time. */
export type SeriesKey =
  | 'cost.cumulative.total'
  | 'cost.cumulative.nhs'
  | 'cost.cumulative.socialCare'
  | 'cost.cumulative.reorganisation'
  | 'strandedBeds'
  | 'los7'
  | 'occupancy'
  | 'hle'
  | 'hle65'
  | 'integrationMaturity';

export interface YearlyCost {
  /** Year index from 1, and the financial year label, e.g. "2019/20". */
  year: number;
  label: string;
  nhs: number;
  socialCare: number;
  reorganisation: number;
  total: number;
}

export interface ScenarioRun {
  /** Days since the start date, one per saved time (saved daily or coarser). */
  times: number[];
  startDate: string;
  series: Record<SeriesKey, number[]>;
  yearly: YearlyCost[];
  metrics: Metrics;
  /** HLE figures are indicative (brief §4): always shown with this caveat. */
  hleCaveat: string;
  /** Plain-English warnings, e.g. a parameter outside its plausible range. */
  warnings: string[];
}

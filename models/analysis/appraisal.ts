/**
 * Appraisal in the HM Treasury Green Book manner: present value at the scenario's discount rate, break-even year,
 * and an optimism-bias uplift on the one-off reorganisation cost.
 *
 * Present value: the model's own when it gives one (the care model discounts each day's cost by
 * (1 + r)^−(t/365), a continuous form of the Green Book's yearly factors); otherwise yearly: the first modelled
 * year is the Green Book's year 0 and is not discounted, year t (from 1) is multiplied by 1 / (1 + r)^(t − 1).
 */
import type { AppraisalSettingsOf, YearlyCostLine } from './model.js';

/** A citation kept as data, so the briefing and the window can show where the default comes from. */
export interface Citation {
  key: string;
  citation: string;
  url: string;
}

/**
 * The optimism-bias default. The Green Book's supplementary guidance gives upper and lower bounds by project type
 * (from Mott MacDonald's review of 50 large public procurement projects). A health and social care
 * reorganisation's one-off cost is mostly systems, data and IT integration and the change programme: the nearest
 * category is "Equipment/Development" (projects that develop equipment, software or systems, or are
 * leading-edge). The guidance says to start at the upper bound and reduce it only as the contributory risks are
 * shown to be managed; a policy comparison before any business case has shown no such mitigation, so the
 * default is the upper bound for capital expenditure.
 */
export const OPTIMISM_BIAS_GUIDANCE = {
  category: 'Equipment/Development',
  measure: 'capital expenditure',
  upperBound: 2.0,
  lowerBound: 0.1,
  defaultUplift: 2.0,
  worksDurationUpperBound: 0.54,
  worksDurationLowerBound: 0.1,
  citation: {
    key: 'S43',
    citation:
      'HM Treasury. The Green Book: supplementary guidance — optimism bias (2003; Table 1, recommended adjustment ranges: ' +
      'Equipment/Development, capital expenditure upper bound 200%, lower bound 10%), from Mott MacDonald, ' +
      'Review of Large Public Procurement in the UK (2002)',
    url: 'https://www.gov.uk/government/publications/green-book-supplementary-guidance-optimism-bias',
  } satisfies Citation,
} as const;

export interface AppraisalOptions {
  /** The uplift as a fraction of the one-off cost (2.0 = +200%). */
  optimismBias?: number;
}

export interface Appraisal {
  discountRate: number;
  optimismBias: number;
  /** Undiscounted total cost over the horizon (£). */
  totalCost: number;
  presentValue: number;
  /** The one-off reorganisation cost the run includes and the uplift added to it (£, undiscounted). */
  oneOffCost: number;
  optimismBiasUplift: number;
  presentValueWithOptimismBias: number;
  /** Per year (from 1): cost, cost with the uplift, and their discounted values. */
  years: { year: number; label: string; cost: number; costWithUplift: number; discountFactor: number }[];
}

/** Shares of a cost spent evenly over `periodDays` from the start, by year of `daysPerYear` days. */
export function evenSpendShares(periodDays: number, years: number, daysPerYear = 365): number[] {
  const shares: number[] = [];
  for (let y = 0; y < years; y++) {
    const overlap = Math.max(0, Math.min(periodDays, (y + 1) * daysPerYear) - y * daysPerYear);
    shares.push(periodDays > 0 ? overlap / periodDays : y === 0 ? 1 : 0);
  }
  return shares;
}

/** The mean of (1 + r)^−(t/365) over t from 0 to `periodDays`: the discount on a cost spent evenly over the period. */
export function evenSpendDiscountFactor(rate: number, periodDays: number): number {
  const years = periodDays / 365;
  const k = Math.log(1 + rate);
  if (!(years > 0) || k === 0) return 1;
  return (1 - Math.exp(-k * years)) / (k * years);
}

export function discountFactor(rate: number, yearIndexFromOne: number): number {
  return 1 / Math.pow(1 + rate, yearIndexFromOne - 1);
}

/** Throws unless the uplift is a finite number ≥ 0. */
export function checkOptimismBias(value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`optimism bias must be a number ≥ 0 (a fraction: 2 means +200%), got ${value}`);
  }
}

export function appraise(yearly: YearlyCostLine[], settings: AppraisalSettingsOf, options: AppraisalOptions = {}): Appraisal {
  const optimismBias = options.optimismBias ?? OPTIMISM_BIAS_GUIDANCE.defaultUplift;
  checkOptimismBias(optimismBias);
  const uplift = settings.oneOffCost * optimismBias;
  let totalCost = 0;
  let yearlyPresentValue = 0;
  let yearlyUpliftPresentValue = 0;
  const years = yearly.map((line) => {
    const factor = discountFactor(settings.discountRate, line.year);
    const extra = uplift * (settings.oneOffShareByYear[line.year - 1] ?? 0);
    totalCost += line.total;
    yearlyPresentValue += line.total * factor;
    yearlyUpliftPresentValue += extra * factor;
    return { year: line.year, label: line.label, cost: line.total, costWithUplift: line.total + extra, discountFactor: factor };
  });
  const presentValue = settings.presentValue ?? yearlyPresentValue;
  const upliftPresentValue = settings.oneOffDiscountFactor === undefined ? yearlyUpliftPresentValue : uplift * settings.oneOffDiscountFactor;
  const presentValueWithOptimismBias = presentValue + upliftPresentValue;
  return {
    discountRate: settings.discountRate,
    optimismBias,
    totalCost,
    presentValue,
    oneOffCost: settings.oneOffCost,
    optimismBiasUplift: uplift,
    presentValueWithOptimismBias,
    years,
  };
}

/**
 * The first year (from 1) from which the option's cumulative cost stays below the baseline's to the end of the
 * horizon; null if it never does. `costOf` picks the yearly figure (plain, with uplift, or discounted).
 */
export function breakEvenYear(
  baseline: Appraisal,
  option: Appraisal,
  costOf: (y: Appraisal['years'][number]) => number,
): number | null {
  const n = Math.min(baseline.years.length, option.years.length);
  let cumBase = 0;
  let cumOption = 0;
  let candidate: number | null = null;
  for (let i = 0; i < n; i++) {
    cumBase += costOf(baseline.years[i]);
    cumOption += costOf(option.years[i]);
    if (cumOption < cumBase) candidate ??= option.years[i].year;
    else candidate = null;
  }
  return candidate;
}

export interface AppraisalComparison {
  /** Option minus baseline (£): negative means the option costs less. */
  totalCostDifference: number;
  presentValueDifference: number;
  presentValueDifferenceWithOptimismBias: number;
  breakEvenYear: number | null;
  breakEvenYearWithOptimismBias: number | null;
  /** Break-even on discounted cumulative cost, with the uplift. */
  discountedBreakEvenYearWithOptimismBias: number | null;
}

export function compareAppraisals(baseline: Appraisal, option: Appraisal): AppraisalComparison {
  return {
    totalCostDifference: option.totalCost - baseline.totalCost,
    presentValueDifference: option.presentValue - baseline.presentValue,
    presentValueDifferenceWithOptimismBias: option.presentValueWithOptimismBias - baseline.presentValueWithOptimismBias,
    breakEvenYear: breakEvenYear(baseline, option, (y) => y.cost),
    breakEvenYearWithOptimismBias: breakEvenYear(baseline, option, (y) => y.costWithUplift),
    discountedBreakEvenYearWithOptimismBias: breakEvenYear(baseline, option, (y) => y.costWithUplift * y.discountFactor),
  };
}

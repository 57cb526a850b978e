/**
 * Numbers and dates as the window's readers expect them: money in £ millions to one decimal place, beds as whole
 * numbers, years to one decimal place, dates in British order. Pure functions, no DOM, no React.
 */
import type { MetricInfo, YearlyCost } from '../models/health-care/types.js';

/** The typographic minus sign: reads better than a hyphen in tables and large type. */
export const MINUS = '\u2212';

const oneDecimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const upToTwo = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_MS = 86_400_000;

export type Unit = MetricInfo['unit'];

function signOf(value: number, rounded: string, signed: boolean): string {
  if (/^[0.,]*$/.test(rounded)) return '';
  if (value < 0) return MINUS;
  return signed ? '+' : '';
}

/** Format pounds as £ millions to one decimal place, e.g. 1234567 → "£1.2m". */
export function formatMoneyM(pounds: number, signed = false): string {
  if (!Number.isFinite(pounds)) return '–';
  const digits = oneDecimal.format(Math.abs(pounds) / 1e6);
  return `${signOf(pounds, digits, signed)}£${digits}m`;
}

/** Format a count of beds (or patients) as a whole number with thousands separators. */
export function formatBeds(beds: number, signed = false): string {
  if (!Number.isFinite(beds)) return '–';
  const digits = whole.format(Math.abs(beds));
  return `${signOf(beds, digits, signed)}${digits}`;
}

/** Format years to one decimal place, e.g. 63.14 → "63.1". */
export function formatYears(years: number, signed = false): string {
  if (!Number.isFinite(years)) return '–';
  const digits = oneDecimal.format(Math.abs(years));
  return `${signOf(years, digits, signed)}${digits}`;
}

/** Format a share (0–1) as a percentage to one decimal place; a difference of shares is in percentage points. */
export function formatShare(share: number, signed = false): string {
  if (!Number.isFinite(share)) return '–';
  const digits = oneDecimal.format(Math.abs(share) * 100);
  return `${signOf(share, digits, signed)}${digits}${signed ? ' pts' : '%'}`;
}

/** Format a value in the given metric unit, with the unit word where the reader needs it. */
export function formatMetric(value: number, unit: Unit): string {
  switch (unit) {
    case 'GBP':
      return formatMoneyM(value);
    case 'beds':
      return formatBeds(value);
    case 'bed-days':
      return formatBeds(value);
    case 'years':
      return `${formatYears(value)} years`;
    case 'share':
      return formatShare(value);
  }
}

/** Format a difference from the baseline: always signed, "no change" when it rounds to nothing. */
export function formatDifference(value: number, unit: Unit): string {
  let text: string;
  switch (unit) {
    case 'GBP':
      text = formatMoneyM(value, true);
      break;
    case 'beds':
    case 'bed-days':
      text = formatBeds(value, true);
      break;
    case 'years':
      text = `${formatYears(value, true)} years`;
      break;
    case 'share':
      text = formatShare(value, true);
      break;
  }
  return /^[£]?[0.,]+(m| years| pts)?$/.test(text) ? 'no change' : text;
}

/** Whether a difference from the baseline is an improvement, a worsening, or neither (after rounding for display). */
export function judgeDifference(value: number, unit: Unit, better: 'lower' | 'higher'): 'better' | 'worse' | 'same' {
  if (formatDifference(value, unit) === 'no change') return 'same';
  const improved = better === 'lower' ? value < 0 : value > 0;
  return improved ? 'better' : 'worse';
}

/** Milliseconds since the epoch (UTC) of an ISO date plus a number of days. */
export function dateAfter(startDate: string, days: number): number {
  const start = Date.parse(`${startDate}T00:00:00Z`);
  if (Number.isNaN(start)) throw new Error(`Not an ISO date (YYYY-MM-DD): "${startDate}"`);
  return start + Math.round(days * DAY_MS);
}

/** A date as "1 Apr 2019". */
export function formatDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** A date on a time axis: "Apr 2019". */
export function formatAxisDate(ms: number): string {
  const d = new Date(ms);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** A tick on a time axis: the year alone on the first of January, the month and year otherwise. */
export function formatAxisTick(ms: number): string {
  const d = new Date(ms);
  return d.getUTCMonth() === 0 && d.getUTCDate() === 1 ? String(d.getUTCFullYear()) : formatAxisDate(ms);
}

/** An ISO date (YYYY-MM-DD) for data files. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

// Building an Intl.NumberFormat is slow, so one is kept per number of decimal places.
const byDecimals: Intl.NumberFormat[] = [];
function toDecimals(decimals: number): Intl.NumberFormat {
  return (byDecimals[decimals] ??= new Intl.NumberFormat('en-GB', { maximumFractionDigits: decimals }));
}

/** Format a plain parameter value: up to four significant figures, thousands separators, no exponent. */
export function formatParameter(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  const decimals = abs === 0 ? 0 : Math.max(0, Math.min(6, 3 - Math.floor(Math.log10(abs))));
  const text = toDecimals(decimals).format(abs);
  return `${value < 0 ? MINUS : ''}${text}`;
}

/** A break-even year for people: "year 4 (2022/23)", or "does not break even". */
export function formatBreakEven(year: number | null, yearly: readonly YearlyCost[]): string {
  if (year === null) return 'does not break even';
  const label = yearly.find((y) => y.year === year)?.label;
  return label ? `year ${year} (${label})` : `year ${year}`;
}

/** A value on a chart's vertical axis: whole numbers with separators, up to two decimal places below 100. */
export function formatAxisNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  const abs = Math.abs(value);
  const text = abs < 100 && abs !== Math.round(abs) ? upToTwo.format(abs) : whole.format(abs);
  return `${value < 0 && text !== '0' ? MINUS : ''}${text}`;
}

/** A chart value in a tooltip, in the chart's axis unit (£m, beds, years). */
export function formatChartValue(value: number, unit: Unit): string {
  switch (unit) {
    case 'GBP':
      return formatMoneyM(value * 1e6);
    default:
      return formatMetric(value, unit);
  }
}

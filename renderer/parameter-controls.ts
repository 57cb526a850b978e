/**
 * The numbers behind a parameter's slider: its default under a form, the slider's span, its step, and where the
 * default and the plausible range sit on it. Pure functions, no DOM.
 */
import type { OrganisationalForm, ParameterInfo } from '../models/health-care/types.js';

/** The parameter's default under an organisational form. */
export function defaultFor(info: ParameterInfo, form: OrganisationalForm): number {
  return form === 'combined' && info.combinedValue !== undefined ? info.combinedValue : info.value;
}

/** The value a scenario runs with: its override, or the form's default. */
export function effectiveValue(info: ParameterInfo, form: OrganisationalForm, overrides: Record<string, number>): number {
  const v = overrides[info.name];
  return v === undefined ? defaultFor(info, form) : v;
}

export interface SliderDomain {
  min: number;
  max: number;
  step: number;
}

/** A round step giving the slider about 200 positions over its span. */
export function niceStep(span: number): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / 200;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  const nice = m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10;
  return nice * power;
}

/**
 * The slider's span: the allowed range when it is of the same order as the plausible range, otherwise the plausible
 * range widened by half its width each side (within the allowed range), and always wide enough for the default and
 * the current value. The number box beside it accepts the whole allowed range.
 */
export function sliderDomain(info: ParameterInfo, defaultValue: number, value: number): SliderDomain {
  const { min: bMin, max: bMax } = info.bounds;
  const pSpan = Math.max(info.range.high - info.range.low, Math.abs(info.range.mode) * 0.1, 1e-9);
  let min = bMin;
  let max = bMax;
  if (!Number.isFinite(bMin) || !Number.isFinite(bMax) || bMax - bMin > pSpan * 6) {
    min = Math.max(Number.isFinite(bMin) ? bMin : -Infinity, info.range.low - pSpan / 2);
    max = Math.min(Number.isFinite(bMax) ? bMax : Infinity, info.range.high + pSpan / 2);
  }
  min = Math.min(min, defaultValue, value);
  max = Math.max(max, defaultValue, value);
  const step = niceStep(max - min);
  // Snap the ends outwards to the step so every step position is a round number.
  const lo = Math.max(bMin, Math.floor(min / step + 1e-9) * step);
  const hi = Math.min(bMax, Math.ceil(max / step - 1e-9) * step);
  return { min: roundTo(lo, step), max: roundTo(hi, step), step };
}

/** Round to the precision of a step, so 0.1 + 0.2 shows as 0.3. */
export function roundTo(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(value.toFixed(Math.min(12, decimals)));
}

/** Where a value sits on the slider, as a percentage of its width (clamped to 0–100). */
export function percentOn(domain: SliderDomain, value: number): number {
  if (domain.max <= domain.min) return 0;
  return Math.min(100, Math.max(0, ((value - domain.min) / (domain.max - domain.min)) * 100));
}

export type ValueCheck = { kind: 'ok' } | { kind: 'warning'; message: string } | { kind: 'error'; message: string };

/** Check a typed value: outside the allowed range is refused, outside the plausible range runs with a warning. */
export function checkValue(info: ParameterInfo, value: number): ValueCheck {
  if (!Number.isFinite(value)) return { kind: 'error', message: `${info.label} needs a number.` };
  if (value < info.bounds.min || value > info.bounds.max) {
    return { kind: 'error', message: `${info.label} must be between ${info.bounds.min} and ${info.bounds.max} ${info.unit}.` };
  }
  if (value < info.range.low || value > info.range.high) {
    return {
      kind: 'warning',
      message: `Outside the plausible range (${info.range.low} to ${info.range.high} ${info.unit}); the model still runs.`,
    };
  }
  return { kind: 'ok' };
}

/** The evidence grades in words. */
export const GRADE_WORDS: Record<ParameterInfo['grade'], string> = {
  sourced: 'Sourced: taken from a cited source',
  assumption: 'Assumption: a judgement, not a measured figure',
  fitted: 'Fitted: calibrated to the Northamptonshire baseline',
};

/** The parameter groups in words, in the order the panel shows them. */
export const GROUP_WORDS: Record<ParameterInfo['group'], string> = {
  demand: 'People and demand',
  capacity: 'Hospital and care capacity',
  integration: 'Joint working',
  workforce: 'Care workforce',
  costs: 'Unit costs',
};

import { describe, expect, it } from 'vitest';
import type { ParameterInfo } from '../../models/health-care/types.js';
import { checkValue, defaultFor, effectiveValue, niceStep, percentOn, sliderDomain } from '../../renderer/parameter-controls.js';

const assessDelay: ParameterInfo = {
  name: 'assess_delay',
  label: 'Days waiting for a needs assessment',
  value: 4,
  combinedValue: 2,
  unit: 'days',
  bounds: { min: 0, max: 60 },
  range: { low: 1, mode: 4, high: 8 },
  source: 'S35',
  grade: 'assumption',
  description: 'Mean time from medically fit to assessed.',
  group: 'integration',
};

describe('parameter controls', () => {
  it('takes the default from the organisational form and an override over it', () => {
    expect(defaultFor(assessDelay, 'separate')).toBe(4);
    expect(defaultFor(assessDelay, 'combined')).toBe(2);
    expect(effectiveValue(assessDelay, 'combined', { assess_delay: 6 })).toBe(6);
    expect(effectiveValue(assessDelay, 'combined', {})).toBe(2);
  });

  it('spans the slider over the plausible range when the allowed range is much wider', () => {
    const d = sliderDomain(assessDelay, 4, 4);
    expect(d.min).toBe(0);
    expect(d.max).toBeGreaterThanOrEqual(11);
    expect(d.max).toBeLessThan(60);
    expect(percentOn(d, 4)).toBeGreaterThan(0);
  });

  it('widens the slider to hold a value typed outside it', () => {
    expect(sliderDomain(assessDelay, 4, 40).max).toBeGreaterThanOrEqual(40);
  });

  it('chooses round steps', () => {
    expect(niceStep(10)).toBe(0.05);
    expect(niceStep(1000)).toBe(5);
    expect(niceStep(0)).toBe(1);
  });

  it('refuses values outside the allowed range and warns outside the plausible range', () => {
    expect(checkValue(assessDelay, 61).kind).toBe('error');
    expect(checkValue(assessDelay, Number.NaN).kind).toBe('error');
    expect(checkValue(assessDelay, 20).kind).toBe('warning');
    expect(checkValue(assessDelay, 5).kind).toBe('ok');
  });
});

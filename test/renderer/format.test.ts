import { describe, expect, it } from 'vitest';
import {
  dateAfter,
  formatAxisDate,
  formatAxisNumber,
  formatBeds,
  formatBreakEven,
  formatDate,
  formatDifference,
  formatMetric,
  formatMoneyM,
  formatParameter,
  formatYears,
  isoDate,
  judgeDifference,
  MINUS,
} from '../../renderer/format.js';

describe('formatting numbers as readers expect them', () => {
  it('shows money in £ millions to one decimal place with thousands separators', () => {
    expect(formatMoneyM(1_234_567)).toBe('£1.2m');
    expect(formatMoneyM(2_345_678_901)).toBe('£2,345.7m');
    expect(formatMoneyM(-4_050_000)).toBe(`${MINUS}£4.1m`);
    expect(formatMoneyM(12_300_000, true)).toBe('+£12.3m');
  });

  it('shows beds as whole numbers and years to one decimal place', () => {
    expect(formatBeds(164.6)).toBe('165');
    expect(formatBeds(1234.4)).toBe('1,234');
    expect(formatYears(63.149)).toBe('63.1');
    expect(formatMetric(0.934, 'share')).toBe('93.4%');
    expect(formatMetric(63.14, 'years')).toBe('63.1 years');
  });

  it('signs differences and calls a difference that rounds away "no change"', () => {
    expect(formatDifference(-12.4, 'beds')).toBe(`${MINUS}12`);
    expect(formatDifference(3.6, 'beds')).toBe('+4');
    expect(formatDifference(0.4, 'beds')).toBe('no change');
    expect(formatDifference(-0.04, 'years')).toBe('no change');
    expect(formatDifference(20_000, 'GBP')).toBe('no change');
    expect(formatDifference(0.012, 'share')).toBe('+1.2 pts');
  });

  it('judges a difference by which direction is better, after rounding', () => {
    expect(judgeDifference(-5_000_000, 'GBP', 'lower')).toBe('better');
    expect(judgeDifference(5_000_000, 'GBP', 'lower')).toBe('worse');
    expect(judgeDifference(0.3, 'years', 'higher')).toBe('better');
    expect(judgeDifference(0.01, 'years', 'higher')).toBe('same');
  });

  it('puts dates on the time axis from the start date and days', () => {
    const t = dateAfter('2019-04-01', 365);
    expect(isoDate(t)).toBe('2020-03-31');
    expect(formatDate(t)).toBe('31 Mar 2020');
    expect(formatAxisDate(dateAfter('2019-04-01', 0))).toBe('Apr 2019');
    expect(() => dateAfter('April 2019', 0)).toThrow(/April 2019/);
  });

  it('formats axis values, parameters and break-even years', () => {
    expect(formatAxisNumber(1500)).toBe('1,500');
    expect(formatAxisNumber(2.5)).toBe('2.5');
    expect(formatParameter(313)).toBe('313');
    expect(formatParameter(0.0123456)).toBe('0.01235');
    expect(formatParameter(44_000_000)).toBe('44,000,000');
    const yearly = [{ year: 4, label: '2022/23', nhs: 0, socialCare: 0, reorganisation: 0, total: 0 }];
    expect(formatBreakEven(4, yearly)).toBe('year 4 (2022/23)');
    expect(formatBreakEven(null, yearly)).toBe('does not break even');
  });
});

import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../models/engine/api.js';
import { closePysd, closeTestModels, compare, parseExpected } from './harness.js';

describe('conformance harness', () => {
  it('reads CR, CRLF and LF files, with or without a final newline, and carries blank cells down', () => {
    const lf = 'Time\tA\tB\n0\t1\t5\n1\t\t6\n2\t\t7\n';
    for (const text of [lf, lf.replace(/\n/g, '\r'), lf.replace(/\n/g, '\r\n'), lf.trimEnd()]) {
      expect(parseExpected(text, 'x.tab')).toEqual({
        columns: ['Time', 'A', 'B'],
        rows: [
          [0, 1, 5],
          [1, 1, 6],
          [2, 1, 7],
        ],
      });
    }
  });

  it('reads quoted CSV headers and rejects non-numbers and blanks with nothing above', () => {
    expect(parseExpected('Time,"a, b",c\n0.000,1,2\n', 'x.csv').columns).toEqual(['Time', 'a, b', 'c']);
    expect(() => parseExpected('Time,a\n0,x\n', 'x.csv')).toThrow(/'x' is not a number/);
    expect(() => parseExpected('Time\ta\n0\t\n', 'x.tab')).toThrow(/blank cell/);
  });

  it('applies the test-models rule and the stricter PySD rule', () => {
    expect(closeTestModels(100, 100.009)).toBe(true);
    expect(closeTestModels(100, 100.02)).toBe(false);
    expect(closeTestModels(2.9e-6, -9e-7)).toBe(true);
    expect(closeTestModels(2.9e-6, 2e-6)).toBe(false);
    expect(closePysd(100, 100.0009)).toBe(true);
    expect(closePysd(100, 100.009)).toBe(false);
  });

  it('matches columns by the name rule, skips control columns, and rows by nearest time', () => {
    const result: RunResult = {
      names: ['Teacup_Temperature', 'Stock with \\n Newline'],
      times: Float64Array.from([0, 0.03125, 0.0625, 99.96875]),
      series: [Float64Array.from([1, 2, 3, 4]), Float64Array.from([5, 6, 7, 8])],
    };
    const expected = parseExpected(
      'Time\t"teacup temperature"\tStock with   Newline\tSAVEPER\tmissing\n0\t1\t5\t1\t0\n0.03125\t2\t6\t\t\n0.0625\t3\t7.1\t\t\n99.9688\t4\t8\t\t\n',
      'e.tab',
    );
    const cmp = compare(result, expected);
    expect(cmp.matched).toEqual([
      ['"teacup temperature"', 'Teacup_Temperature'],
      ['Stock with   Newline', 'Stock with \\n Newline'],
    ]);
    expect(cmp.skippedControl).toEqual(['SAVEPER']);
    expect(cmp.unmatched).toEqual(['missing']);
    expect(cmp.unmatchedTimes).toEqual([]);
    expect(cmp.points).toBe(8);
    expect(cmp.failures).toEqual([{ column: 'Stock with   Newline', time: 0.0625, expected: 7.1, actual: 7 }]);
  });
});

import { describe, expect, it } from 'vitest';
import { compileModel, ModelError, parseEquation } from '../../../models/engine/index.js';
import { aux, spec, value } from './helpers.js';

function parseError(equation: string, variable = 'My Var'): ModelError {
  try {
    parseEquation({ variable, equation });
  } catch (e) {
    if (e instanceof ModelError) return e;
    throw e;
  }
  throw new Error(`expected "${equation}" to fail`);
}

function compileError(variables: Parameters<typeof spec>[0]): ModelError {
  try {
    compileModel(spec(variables));
  } catch (e) {
    if (e instanceof ModelError) return e;
    throw e;
  }
  throw new Error('expected the model to fail');
}

describe('parser: precedence and literals', () => {
  it('binds ^ tighter than unary minus: -2^2 = -4', () => {
    expect(value('-2^2')).toBe(-4);
    expect(value('(-2)^2')).toBe(4);
    expect(value('2^-1')).toBe(0.5);
  });
  it('follows the usual arithmetic precedence and left associativity', () => {
    expect(value('1 + 2 * 3')).toBe(7);
    expect(value('(1 + 2) * 3')).toBe(9);
    expect(value('10 - 2 - 3')).toBe(5);
    expect(value('8 / 4 / 2')).toBe(1);
    expect(value('2 * -3')).toBe(-6);
    expect(value('- -3')).toBe(3);
    expect(value('-y * 2', [aux('y', '3')])).toBe(-6);
  });
  it('reads .34, +.72, -.67, 3e-05 and 1.05E-15', () => {
    expect(value('.34')).toBe(0.34);
    expect(value('+.72')).toBe(0.72);
    expect(value('-.67')).toBe(-0.67);
    expect(value('3e-05')).toBe(3e-5);
    expect(value('1.05E-15')).toBe(1.05e-15);
  });
  it('strips {comments}', () => {
    expect(value('{a comment} 2 + {another} 3')).toBe(5);
  });
  it('treats = and <> as comparisons giving 1 or 0', () => {
    expect(value('3 = 3')).toBe(1);
    expect(value('3 = 4')).toBe(0);
    expect(value('3 <> 4')).toBe(1);
    expect(value('3 <= 3')).toBe(1);
    expect(value('3 < 3')).toBe(0);
    expect(value('4 >= 5')).toBe(0);
    expect(value('4 > 3')).toBe(1);
  });
  it('evaluates AND / OR / NOT case-insensitively with AND binding tighter than OR', () => {
    expect(value('1 AnD 0')).toBe(0);
    expect(value('1 oR 0')).toBe(1);
    expect(value('NoT 0')).toBe(1);
    expect(value('not 5')).toBe(0);
    expect(value('1 or 0 and 0')).toBe(1);
  });
  it('parses IF THEN ELSE, nested and case-insensitive, with the ELSE branch extending to the end', () => {
    expect(value('IF 1 THEN 2 ELSE 3')).toBe(2);
    expect(value('if 0 then 2 else 3 + 4')).toBe(7);
    expect(value('IF 1 THEN IF 0 THEN 1 ELSE 2 ELSE 3')).toBe(2);
    expect(value('IF 0 THEN 1 ELSE IF 0 THEN 2 ELSE 3')).toBe(3);
    expect(value('MAX(IF 1 THEN 4 ELSE 5, 3) * 2')).toBe(8);
    expect(value('( IF 2 > 1 THEN 1 ELSE 0 ) + 1')).toBe(2);
    expect(value('IF THEN ELSE(0, 1, 2)')).toBe(2);
  });
  it('supports infix MOD with the sign of the dividend', () => {
    expect(value('7 mod 3')).toBe(1);
    expect(value('-10 MOD 3')).toBe(-1);
  });
});

describe('parser: names', () => {
  it('matches names case-insensitively with spaces and underscores as the same separator', () => {
    expect(value('room_TEMPERATURE * 2', [aux('Room Temperature', '21')])).toBe(42);
    expect(value('Room Temperature * 2', [aux('Room_Temperature', '21')])).toBe(42);
  });
  it('reads quoted names, including special characters and a literal \\n', () => {
    expect(value('"Room Temperature" + 1', [aux('Room Temperature', '21')])).toBe(22);
    expect(value('"Aux_with_$peC!@|_characters" * 2', [aux('Aux with $peC!@| characters', '5')])).toBe(10);
    expect(value('"Stock with \\n Newline" + 1', [aux('Stock with \\n Newline', '1')])).toBe(2);
  });
  it('calls builtins case-insensitively', () => {
    expect(value('abs(-2) + ABS(-2) + Abs(-2)')).toBe(6);
  });
});

describe('parser: errors name the variable and the equation', () => {
  it('reports syntax errors', () => {
    const e = parseError('a +');
    expect(e.code).toBe('syntax');
    expect(e.variable).toBe('My Var');
    expect(e.equation).toBe('a +');
    expect(e.message).toContain('My Var');
    expect(e.message).toContain('"a +"');
  });
  it('rejects what the whitelist does not allow', () => {
    expect(parseError("x'").code).toBe('syntax');
    expect(parseError('a := 3').code).toBe('syntax');
    expect(parseError('a b').message).toMatch(/missing operator/);
    expect(parseError('2(3)').code).toBe('syntax');
    expect(parseError('a ? b : c').code).toBe('syntax');
    expect(parseError('5!').code).toBe('syntax');
    expect(parseError('a < b = c').message).toMatch(/chained comparison/);
    expect(parseError('IF a THEN b').message).toMatch(/IF without THEN and ELSE/);
    expect(parseError('a THEN b').message).toMatch(/THEN without a matching IF/);
    expect(parseError('(1 + 2').message).toMatch(/unclosed/);
    expect(parseError('{ never closed').message).toMatch(/unclosed \{comment\}/);
    expect(parseError('').message).toMatch(/empty equation/);
    expect(parseError('( IF false_input not  THEN 1 ELSE 0 )').code).toBe('syntax');
  });
  it('reports arrays as unsupported, naming the feature', () => {
    const e = parseError('population[region] * 2');
    expect(e.code).toBe('unsupported');
    expect(e.message).toMatch(/arrays/);
    expect(e.message).toContain('population[region] * 2');
    expect(parseError('hares.hares').code).toBe('unsupported');
  });
  it('reports an unknown variable naming both it and the equation', () => {
    const e = compileError([aux('Total', 'apples + pears'), aux('apples', '1')]);
    expect(e.code).toBe('unknown-variable');
    expect(e.variable).toBe('Total');
    expect(e.message).toContain('"pears"');
    expect(e.message).toContain('apples + pears');
  });
  it('reports unknown functions and wrong argument counts', () => {
    const unknown = compileError([aux('x', 'FROB(1)')]);
    expect(unknown.code).toBe('unknown-function');
    expect(unknown.message).toContain('FROB');
    const arity = compileError([aux('x', 'SMTH1(1)')]);
    expect(arity.code).toBe('bad-arguments');
    expect(arity.message).toMatch(/SMTH1 takes 2 to 3 arguments but has 1/);
    expect(compileError([aux('x', 'ABS(1, 2)')]).code).toBe('bad-arguments');
    expect(compileError([aux('x', 'y(1)'), aux('y', '2')]).code).toBe('unknown-function');
  });
});

describe('parser: hostile sizes', () => {
  it('refuses expressions nested too deeply with a syntax error instead of overflowing the stack', () => {
    for (const equation of ['('.repeat(5000) + '1' + ')'.repeat(5000), Array(30000).fill('1').join('+'), '-'.repeat(20000) + '1']) {
      const e = parseError(equation);
      expect(e.code).toBe('syntax');
      expect(e.message).toMatch(/nested too deeply/);
      expect(e.message.length).toBeLessThan(500);
    }
  });
  it('accepts long but shallow sums', () => {
    expect(value(Array(400).fill('1').join(' + '))).toBe(400);
  });
});

import { describe, expect, it } from 'vitest';
import { normalizeName } from '../../../models/engine/names.js';

describe('normalizeName', () => {
  it('ignores case and treats spaces and underscores as one separator', () => {
    expect(normalizeName('Teacup_Temperature')).toBe('teacup temperature');
    expect(normalizeName('teacup   temperature')).toBe('teacup temperature');
    expect(normalizeName('TEACUP__ _Temperature')).toBe('teacup temperature');
  });
  it('strips quotes and surrounding whitespace', () => {
    expect(normalizeName('  "Room Temperature" ')).toBe('room temperature');
  });
  it('treats a literal \\n and real newlines as separators', () => {
    expect(normalizeName('Stock with \\n Newline Character')).toBe('stock with newline character');
    expect(normalizeName('Stock with\nNewline\r\n Character')).toBe('stock with newline character');
    expect(normalizeName('Stock with   Newline Character')).toBe('stock with newline character');
  });
  it('keeps other special characters', () => {
    expect(normalizeName('Aux_with_$peC!@|_characters')).toBe('aux with $pec!@| characters');
  });
});

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, scenarioHash, sha256Hex } from '../../../models/analysis/hash.js';

describe('scenario hash', () => {
  it('matches Node’s SHA-256 on ASCII, multi-byte text and block boundaries', () => {
    for (const text of ['', 'abc', 'Healthy life expectancy £44m – “combined” 🏥', 'x'.repeat(55), 'y'.repeat(64), 'z'.repeat(1000)]) {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });

  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
    expect(scenarioHash({ a: 1, b: 2 })).toBe(scenarioHash({ b: 2, a: 1 }));
    expect(scenarioHash({ a: 1 })).not.toBe(scenarioHash({ a: 2 }));
  });
});

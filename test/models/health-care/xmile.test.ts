import { describe, expect, it } from 'vitest';
import { compileModel } from '../../../models/engine/index.js';
import { buildModelSpec, effectiveParameters } from '../../../models/health-care/index.js';
import { exportXmile, parseXmile } from '../../../models/xmile/index.js';

describe('the care model as XMILE', () => {
  it('exports to XMILE that the importer re-reads to identical results', () => {
    const spec = buildModelSpec();
    const reread = parseXmile(exportXmile(spec), 'health-care.xmile');
    const a = compileModel(spec).run({ set: effectiveParameters('combined', {}) });
    const b = compileModel(reread).run({ set: effectiveParameters('combined', {}) });
    expect(b.names).toEqual(a.names);
    for (let i = 0; i < a.names.length; i++) expect(Array.from(b.series[i]), a.names[i]).toEqual(Array.from(a.series[i]));
  });
});

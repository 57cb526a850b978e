import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../../models/engine/index.js';
import { exportXmile, parseXmile } from '../../../models/xmile/index.js';

const conformance = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'conformance', 'models');

// Models chosen to cover stocks and flows, graphical functions (standalone, embedded, xscale), DELAY, names with
// special characters and a literal \n, non-negative stocks and flows from <behavior>, RK4 and the recovered file.
const MODELS = [
  'samples/teacup/teacup.stmx',
  'tests/lookups/test_lookups.xmile',
  'tests/lookups/test_lookups_xscale.xmile',
  'tests/lookups/test_lookups_no-indirect.xmile',
  'tests/delay_xmile/test_delay_xmile.xmile',
  'tests/special_characters_xmile/test_special_variable_names.xmile',
  'tests/non_negative_stocks/test_non_negative_stocks_behavior.xmile',
  'tests/non_negative_flows/test_non_negative_flows_behavior.xmile',
  'tests/zeroled_decimals/test_zeroled_decimals.xmile',
  'tests/trig/test_trig.xmile',
];

describe('exportXmile round trip', () => {
  it.each(MODELS)('%s: parseXmile(exportXmile(spec)) runs to identical results', (path) => {
    const spec = parseXmile(readFileSync(join(conformance, path), 'utf8'), path);
    const text = exportXmile(spec);
    const again = parseXmile(text, `${path} (exported)`);
    const original = compileModel(spec).run();
    const exported = compileModel(again).run();
    expect(exported.names).toEqual(original.names);
    expect(exported.times).toEqual(original.times);
    expect(exported.series).toEqual(original.series);
    // The export is standard XMILE: OASIS namespace, <variables> wrapper, no behavior block needed.
    expect(text).toContain('xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0"');
    expect(text).toContain('<variables>');
    expect(text).not.toContain('<behavior>');
  });
});

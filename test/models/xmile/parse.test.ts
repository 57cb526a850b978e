import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ModelError } from '../../../models/engine/api.js';
import { exportXmile, importXmile, parseXmile } from '../../../models/xmile/index.js';

const conformance = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'conformance', 'models');
const readModel = (path: string) => readFileSync(join(conformance, path), 'utf8');

const OASIS = 'http://docs.oasis-open.org/xmile/ns/XMILE/v1.0';

function xmile(body: string, opts: { sim?: string; ns?: string; root?: string } = {}): string {
  const sim = opts.sim ?? '<sim_specs><start>0</start><stop>10</stop><dt>1</dt></sim_specs>';
  return `<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="${opts.ns ?? OASIS}">
  <header><name>t</name></header>
  ${sim}
  ${opts.root ?? ''}
  <model><variables>${body}</variables></model>
</xmile>`;
}

function caught(fn: () => unknown): ModelError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ModelError);
    return e as ModelError;
  }
  throw new Error('expected a ModelError');
}

describe('parseXmile: structure', () => {
  it('reads an OASIS XMILE file: stocks, flows, auxiliaries, units and sim specs', () => {
    const spec = parseXmile(readModel('samples/teacup/teacup.xmile'), 'teacup.xmile');
    expect(spec.sim).toEqual({ start: 0, stop: 30, dt: 0.125, method: 'euler' });
    const stock = spec.variables.find((v) => v.kind === 'stock');
    expect(stock).toMatchObject({ name: 'Teacup Temperature', equation: '180', outflows: ['"Heat Loss to Room"'] });
    expect(spec.variables.map((v) => v.kind).sort()).toEqual(['aux', 'aux', 'flow', 'stock']);
  });

  it('reads Stella files with and without the <variables> wrapper, both namespaces, undeclared isee: prefix', () => {
    const wrapped = parseXmile(readModel('samples/teacup/teacup.stmx'), 'teacup.stmx');
    const legacy = parseXmile(readModel('samples/teacup/teacup_legacy.stmx'), 'teacup_legacy.stmx');
    const diagram = parseXmile(readModel('samples/teacup/teacup_w_diagram.xmile'), 'teacup_w_diagram.xmile');
    for (const spec of [wrapped, legacy, diagram]) {
      expect(spec.variables).toHaveLength(4);
      expect(spec.sim.dt).toBe(0.125);
      expect(spec.variables.find((v) => v.kind === 'stock')?.nonNegative).toBe(true);
      expect(spec.variables.find((v) => v.kind === 'flow')?.units).toBe('deg/time');
    }
    expect(legacy.sim.timeUnits).toBe('Time');
  });

  it('keeps names with a literal \\n, quoted flow names, docs and {comments} as written', () => {
    const spec = parseXmile(
      xmile(`<stock name="Stock with \\n Newline"><eqn>1 {initial}</eqn><inflow>"in flow"</inflow></stock>
        <flow name="in flow"><eqn>2</eqn><doc>  Explained.  </doc><units>people/year</units></flow>`),
    );
    expect(spec.variables[0]).toMatchObject({ name: 'Stock with \\n Newline', equation: '1 {initial}', inflows: ['"in flow"'] });
    expect(spec.variables[1]).toMatchObject({ doc: 'Explained.', units: 'people/year' });
  });

  it('accepts auxiliaries listed as a stock inflow or outflow', () => {
    const spec = parseXmile(readModel('tests/zeroled_decimals/test_zeroled_decimals.xmile'));
    const flow1 = spec.variables.find((v) => v.name === 'flow1');
    expect(flow1?.kind).toBe('aux');
    expect(spec.variables.some((v) => v.kind === 'stock' && v.inflows?.includes('flow1'))).toBe(true);
    expect(spec.sim.method).toBe('rk4');
  });

  it('names the model from the header, else from the file name', () => {
    expect(parseXmile(xmile('<aux name="a"><eqn>1</eqn></aux>')).name).toBe('t');
    const noHeader = xmile('<aux name="a"><eqn>1</eqn></aux>').replace('<header><name>t</name></header>', '');
    expect(parseXmile(noHeader, 'dir/my model.stmx').name).toBe('my model');
  });
});

describe('parseXmile: sim specs', () => {
  it('reads dt as a reciprocal, a save step and RK4', () => {
    const sim = '<sim_specs method="RK4" time_units="Years"><start>2020</start><stop>2030</stop><dt reciprocal="true">4</dt><savestep>0.5</savestep></sim_specs>';
    expect(parseXmile(xmile('<aux name="a"><eqn>1</eqn></aux>', { sim })).sim).toEqual({
      start: 2020,
      stop: 2030,
      dt: 0.25,
      saveStep: 0.5,
      method: 'rk4',
      timeUnits: 'Years',
    });
    const alt = '<sim_specs><start>0</start><stop>1</stop><save_step>0.5</save_step></sim_specs>';
    expect(parseXmile(xmile('<aux name="a"><eqn>1</eqn></aux>', { sim: alt })).sim).toEqual({
      start: 0,
      stop: 1,
      dt: 1,
      saveStep: 0.5,
      method: 'euler',
    });
  });

  it("reads Stella's isee:save_interval and the first supported method in a fallback list", () => {
    const sim = '<sim_specs isee:save_interval="2" method="gear, RK4, euler"><start>0</start><stop>10</stop><dt>0.5</dt></sim_specs>';
    expect(parseXmile(xmile('<aux name="a"><eqn>1</eqn></aux>', { sim })).sim).toEqual({ start: 0, stop: 10, dt: 0.5, saveStep: 2, method: 'rk4' });
    const text = exportXmile(parseXmile(xmile('<aux name="a"><eqn>1</eqn></aux>', { sim })));
    expect(text).toContain('isee:save_interval="2"');
    expect(text).toContain('xmlns:isee="http://iseesystems.com/XMILE"');
  });

  it("merges the model's <sim_specs> over the file's, field by field", () => {
    const text = xmile('<aux name="a"><eqn>1</eqn></aux>', {
      sim: '<sim_specs method="RK4" time_units="Years"><start>0</start><stop>10</stop><dt>0.5</dt></sim_specs>',
    }).replace('<model>', '<model><sim_specs method="Euler"><stop>20</stop></sim_specs>');
    expect(parseXmile(text).sim).toEqual({ start: 0, stop: 20, dt: 0.5, method: 'euler', timeUnits: 'Years' });
    const modelOnly = xmile('<aux name="a"><eqn>1</eqn></aux>', { sim: '' }).replace('<model>', '<model><sim_specs><start>1</start><stop>3</stop></sim_specs>');
    expect(parseXmile(modelOnly).sim).toEqual({ start: 1, stop: 3, dt: 1, method: 'euler' });
  });

  it('refuses missing or impossible sim specs and unknown methods', () => {
    const body = '<aux name="a"><eqn>1</eqn></aux>';
    expect(caught(() => parseXmile(xmile(body, { sim: '<sim_specs><start>0</start></sim_specs>' }), 'f.xmile'))).toMatchObject({
      code: 'bad-sim-specs',
      file: 'f.xmile',
      message: expect.stringContaining('<stop>'),
    });
    expect(caught(() => parseXmile(xmile(body, { sim: '<sim_specs><start>0</start><stop>x</stop></sim_specs>' })))).toMatchObject({
      code: 'bad-sim-specs',
    });
    expect(caught(() => parseXmile(xmile(body, { sim: '<sim_specs><start>0</start><stop>5</stop><dt>0</dt></sim_specs>' })))).toMatchObject({
      code: 'bad-sim-specs',
    });
    const rk2 = caught(() => parseXmile(xmile(body, { sim: '<sim_specs method="RK2"><start>0</start><stop>5</stop></sim_specs>' }), 'f.xmile'));
    expect(rk2.code).toBe('unsupported');
    expect(rk2.message).toContain('RK2');
  });
});

describe('parseXmile: graphical functions', () => {
  it('reads xpts with a separator, xscale, and the three kinds', () => {
    const spec = parseXmile(
      xmile(`<gf name="g" type="extrapolate"><xpts sep=";">0; 1;3</xpts><ypts>1,2,4</ypts></gf>
        <aux name="a"><eqn>Time</eqn><gf type="Discrete"><xscale min="0" max="10"/><ypts sep="|">0|5|10</ypts></gf></aux>
        <flow name="f"><eqn>Time</eqn><gf discrete="true"><xpts>0,1</xpts><ypts>3,4</ypts></gf></flow>
        <aux name="c"><eqn>Time</eqn><gf><xpts>0,1</xpts><ypts>3,4</ypts></gf></aux>`),
    );
    expect(spec.variables[0]).toMatchObject({ kind: 'gf', gf: { kind: 'extrapolate', xs: [0, 1, 3], ys: [1, 2, 4] } });
    expect(spec.variables[1]).toMatchObject({ kind: 'aux', equation: 'Time', gf: { kind: 'discrete', xs: [0, 5, 10], ys: [0, 5, 10] } });
    expect(spec.variables[2].gf?.kind).toBe('discrete');
    expect(spec.variables[3].gf?.kind).toBe('continuous');
  });

  it('names the variable when a graphical function is wrong', () => {
    const bad = [
      '<gf name="g"><xpts>0,1,2</xpts><ypts>1,2</ypts></gf>',
      '<gf name="g"><xpts>0,x</xpts><ypts>1,2</ypts></gf>',
      '<gf name="g"><ypts>1,2</ypts></gf>',
      '<gf name="g"><xpts>0,0</xpts><ypts>1,2</ypts></gf>',
      '<gf name="g" type="cubic"><xpts>0,1</xpts><ypts>1,2</ypts></gf>',
    ];
    for (const body of bad) {
      const e = caught(() => parseXmile(xmile(body), 'g.xmile'));
      expect(e.code).toBe('bad-file');
      expect(e.variable).toBe('g');
      expect(e.message).toContain("'g'");
      expect(e.message).toContain('g.xmile');
    }
  });
});

describe('parseXmile: non-negative stocks and flows', () => {
  it('reads <non_negative/>, TruE and FALSE-with-spaces, and the <behavior> defaults', () => {
    const spec = parseXmile(
      xmile(
        `<stock name="s1"><eqn>1</eqn></stock>
         <stock name="s2"><eqn>1</eqn><non_negative>false</non_negative></stock>
         <flow name="f1"><eqn>1</eqn></flow>
         <flow name="f2"><eqn>1</eqn><non_negative> TruE  </non_negative></flow>
         <flow name="f3"><eqn>1</eqn><non_negative>FALSE  </non_negative></flow>
         <flow name="f4"><eqn>1</eqn><non_negative/></flow>`,
        { root: '<behavior><stock><non_negative/></stock></behavior>' },
      ),
    );
    const nn = Object.fromEntries(spec.variables.map((v) => [v.name, v.nonNegative]));
    expect(nn).toEqual({ s1: true, s2: false, f1: false, f2: true, f3: false, f4: true });
    const all = parseXmile(xmile('<stock name="s"><eqn>1</eqn></stock><flow name="f"><eqn>1</eqn></flow>', { root: '<behavior><non_negative/></behavior>' }));
    expect(all.variables.map((v) => v.nonNegative)).toEqual([true, true]);
  });

  it('rejects a <non_negative> value that is not true or false', () => {
    const e = caught(() => parseXmile(xmile('<flow name="f"><eqn>1</eqn><non_negative>yes</non_negative></flow>'), 'n.xmile'));
    expect(e).toMatchObject({ code: 'bad-file', variable: 'f', file: 'n.xmile' });
  });
});

describe('parseXmile: unsupported features are named, never run', () => {
  const cases: [string, string, string][] = [
    ['arrays', xmile('<aux name="a"><eqn>1</eqn></aux>', { root: '<dimensions><dim name="Region" size="3"/></dimensions>' }), 'Region'],
    ['arrays', xmile('<aux name="a"><dimensions><dim name="R"/></dimensions><eqn>1</eqn></aux>'), "'a'"],
    ['arrays', xmile('<aux name="a"><element subscript="1"><eqn>1</eqn></element></aux>'), "'a'"],
    ['arrays', xmile('<aux name="a"><eqn>b[1] + 2</eqn></aux>'), 'b[1]'],
    ['modules', xmile('<module name="hares"/>'), 'hares'],
    ['macros', xmile('<aux name="a"><eqn>1</eqn></aux>', { root: '<macro name="double"><eqn>2*x</eqn></macro>' }), 'double'],
    ['conveyors', xmile('<stock name="c"><eqn>1</eqn><conveyor><len>2</len></conveyor></stock>'), "'c'"],
    ['included files', xmile('<aux name="a"><eqn>1</eqn></aux>').replace('<header>', '<header><includes><include resource="macros.xmile"/></includes>'), 'macros.xmile'],
    ['ovens', xmile('<stock name="o"><eqn>1</eqn><isee:oven/></stock>'), "'o'"],
    ['queues', xmile('<stock name="q"><eqn>1</eqn><queue/></stock>'), "'q'"],
    ['conveyors and queues', xmile('<flow name="f"><eqn>1</eqn><leak/></flow>'), '<leak>'],
  ];
  it.each(cases)('%s', (feature, text, detail) => {
    const e = caught(() => parseXmile(text, 'models/x.xmile'));
    expect(e.code).toBe('unsupported');
    expect(e.file).toBe('models/x.xmile');
    expect(e.message).toContain(feature);
    expect(e.message).toContain('models/x.xmile');
    expect(e.message).toContain(detail);
  });

  it('the upstream modules sample fails as unsupported in all three variants', () => {
    for (const f of ['model.xmile', 'model.stmx', 'model_legacy.stmx']) {
      const e = caught(() => parseXmile(readModel(`samples/bpowers-hares_and_lynxes_modules/${f}`), f));
      expect(e.code).toBe('unsupported');
      expect(e.message).toContain('modules');
    }
  });

  it('an empty <dimensions/> is not an array model, and brackets inside quoted names or comments are fine', () => {
    const spec = parseXmile(xmile('<aux name="a[1]"><eqn>"a[1]" {see [ref]} + 1</eqn></aux>', { root: '<dimensions/>' }));
    expect(spec.variables[0].equation).toBe('"a[1]" {see [ref]} + 1');
  });
});

describe('parseXmile: bad files', () => {
  it('malformed XML is a bad-file error naming the file and the line', () => {
    const texts = [
      '<xmile><model><variables><aux name="a"><eqn>1</eqn></aux></variables></model>',
      '<xmile><model></variables></model></xmile>',
      '<xmile><model><aux name="a><eqn>1</eqn></aux></model></xmile>',
      '<xmile><model><aux name="a"><eqn>1 &foo; 2</eqn></aux></model></xmile>',
      'just text',
      '',
    ];
    for (const text of texts) {
      const e = caught(() => parseXmile(text, 'broken.xmile'));
      expect(e.code).toBe('bad-file');
      expect(e.file).toBe('broken.xmile');
      expect(e.message).toMatch(/^broken\.xmile: /);
    }
    expect(caught(() => parseXmile('<xmile>\n<model>\n</xmile>', 'b.xmile')).message).toContain('line 3');
  });

  it('a file that is XML but not XMILE, a variable without a name, a stock without an initial value', () => {
    expect(caught(() => parseXmile('<html><body/></html>', 'page.html')).message).toContain('not an XMILE file');
    expect(caught(() => parseXmile(xmile('<aux><eqn>1</eqn></aux>'))).message).toContain('no name');
    expect(caught(() => parseXmile(xmile('<stock name="s"/>')))).toMatchObject({ code: 'bad-file', variable: 's' });
    expect(caught(() => parseXmile(xmile('<aux name="a"/>')))).toMatchObject({ code: 'bad-file', variable: 'a' });
    expect(caught(() => parseXmile(xmile('<stock name="s"><eqn>1</eqn><gf><xpts>0,1</xpts><ypts>0,1</ypts></gf></stock>')))).toMatchObject({
      code: 'bad-file',
      variable: 's',
    });
    expect(caught(() => parseXmile(xmile('', { sim: '' })))).toMatchObject({ code: 'bad-sim-specs' });
  });

  it('does not expand entities declared in a DOCTYPE', () => {
    const text = `<?xml version="1.0"?><!DOCTYPE xmile [<!ENTITY boom "x">]>${xmile('<aux name="a"><eqn>&boom;</eqn></aux>').replace(/^<\?xml[^>]*>/, '')}`;
    expect(caught(() => parseXmile(text, 'e.xmile')).message).toContain('unknown entity');
  });

  it('recovers a variable left without its end tag (upstream non_negative_flows) and says so', () => {
    const { spec, warnings } = importXmile(readModel('tests/non_negative_flows/test_non_negative_flows.xmile'), 'nnf.xmile');
    expect(spec.variables.map((v) => v.name)).toEqual([
      'OutFlow0',
      'OutFlow1',
      'TestStock0',
      'TestStock1',
      'if_else2',
      'if_else3',
      'TestStock2',
      'TestStock3',
    ]);
    expect(spec.variables.find((v) => v.name === 'if_else3')).toMatchObject({ kind: 'flow', nonNegative: false });
    expect(spec.variables.find((v) => v.name === 'TestStock3')).toMatchObject({ kind: 'stock', inflows: ['if_else3'] });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('nnf.xmile');
    expect(warnings[0]).toContain('<flow>');
  });

  it('refuses a recovery that could misplace an element', () => {
    // <eqn> left open swallows the inflow: guessing would give a stock without its inflow.
    const text = xmile('<stock name="s"><eqn>1<inflow>f</inflow></stock><flow name="f"><eqn>1</eqn></flow>');
    expect(caught(() => parseXmile(text, 'r.xmile')).code).toBe('bad-file');
    const text2 = xmile('<flow name="f"><eqn>1</eqn><aux name="a"><eqn>1</eqn></aux><non_negative/></variables></model></xmile>').replace(
      /<\/variables><\/model>\n<\/xmile>$/,
      '',
    );
    expect(caught(() => parseXmile(text2, 'r.xmile')).code).toBe('bad-file');
  });
});

describe('exportXmile', () => {
  it('writes XMILE that reads back to the same spec', () => {
    for (const path of ['tests/lookups/test_lookups.xmile', 'tests/special_characters_xmile/test_special_variable_names.xmile', 'tests/delay_xmile/test_delay_xmile.xmile', 'tests/non_negative_stocks/test_non_negative_stocks_behavior.xmile']) {
      const spec = parseXmile(readModel(path), path);
      const again = parseXmile(exportXmile(spec), 'exported.xmile');
      expect(again).toEqual(spec);
    }
  });

  it('escapes names, equations, units and docs, and keeps save step and method', () => {
    const spec = {
      name: 'A & B <model>',
      sim: { start: 0.1, stop: 1 / 3, dt: 1 / 64, saveStep: 0.25, method: 'rk4' as const, timeUnits: 'Years "fiscal"' },
      variables: [
        { name: 'x "quoted" <&>\ttab', kind: 'aux' as const, equation: 'IF a < b AND c > d THEN 1 ELSE 2', units: 'a&b', doc: 'line1\nline2 <b>' },
        { name: 's', kind: 'stock' as const, equation: '1', inflows: ['f'], outflows: [], nonNegative: true },
        { name: 'f', kind: 'flow' as const, equation: 'x', nonNegative: false, gf: { kind: 'extrapolate' as const, xs: [0, 0.1, 1e-7 + 1], ys: [1, -2.5e-10, 3] } },
        { name: 'g', kind: 'gf' as const, equation: '', gf: { kind: 'discrete' as const, xs: [1, 2], ys: [3, 4] } },
      ],
    };
    expect(parseXmile(exportXmile(spec))).toEqual(spec);
  });
});

describe('parseXmile: prefixed XMILE elements', () => {
  it('reads a file whose XMILE elements carry a prefix, still ignoring vendor elements', () => {
    const text = `<x:xmile xmlns:x="${OASIS}" xmlns:isee="http://iseesystems.com/XMILE"><x:sim_specs><x:start>0</x:start><x:stop>2</x:stop></x:sim_specs>
      <x:model><x:variables><x:aux name="a"><x:eqn>3</x:eqn><isee:eqn>4</isee:eqn></x:aux></x:variables></x:model></x:xmile>`;
    expect(parseXmile(text).variables).toEqual([{ name: 'a', kind: 'aux', equation: '3' }]);
  });
});

/**
 * XMILE import: XMILE 1.0 (OASIS) and Stella `.stmx` text → the engine's ModelSpec.
 *
 * What it reads:
 * - both namespaces (`http://docs.oasis-open.org/xmile/ns/XMILE/v1.0` and the pre-standard
 *   `http://www.systemdynamics.org/XMILE`); the namespace is not checked, the root must be `<xmile>`;
 * - variables inside `<model><variables>` or directly under `<model>` (pre-standard Stella 10 files);
 * - vendor extensions (`isee:` elements and attributes, declared or not) are ignored;
 * - `<stock>` (initial value, `<inflow>`, `<outflow>`), `<flow>`, `<aux>` (also when a stock lists it as a
 *   flow: the engine accepts auxiliaries as flows), standalone `<gf>` and a `<gf>` embedded in an aux or flow
 *   (`xpts`, or `xscale` for evenly spaced x; `ypts`; a `sep` attribute; `type` continuous / extrapolate /
 *   discrete, or the pre-standard `discrete="true"`);
 * - `<non_negative/>`, `<non_negative>true|false</non_negative>` (case and spaces ignored) and the `<behavior>`
 *   defaults (`<behavior><non_negative/></behavior>` for stocks and flows, or inside `<stock>`/`<flow>`); the
 *   model's own `<behavior>` overrides the file's;
 * - `<sim_specs>` (file level and/or the model's, the model's fields winning): start, stop, dt (`reciprocal="true"`), a save step
 *   (`isee:save_interval`, or a `<savestep>`/`<save_step>` element or attribute), method (Euler or RK4, or the
 *   first of them in a fallback list such as "gear, rk4") and time_units;
 * - units and `<doc>` are kept as metadata; equations are kept as written, `{comments}` included (the engine
 *   strips them).
 *
 * What it refuses, with a ModelError naming the feature and the file (never a silently wrong answer):
 * arrays (`<dimensions>` with `<dim>`, subscripted variables, `[ ]` in an equation), modules (`<module>` or a
 * second `<model>`), macros (`<macro>`), included files (`<includes>`), conveyors and queues (and their flow options leak, overflow, multiplier),
 * integration methods other than Euler and RK4
 * ('unsupported'); malformed XML and structural mistakes ('bad-file'); impossible sim specs ('bad-sim-specs').
 *
 * Malformed XML that is recovered: an element left without its end tag and closed by its parent's end tag (the
 * upstream test file `non_negative_flows` has a `<flow>` without `</flow>`). libxml2's recover mode (what PySD
 * uses) keeps the following siblings inside the unclosed element. We only accept the recovery when the unclosed
 * element is a variable inside the variable list: variables found inside it are moved back into the list (XMILE
 * never nests variables), and anything else after the first of them is an error. Every recovery is reported in
 * `warnings`. Any other malformation is a 'bad-file' error with the line.
 */
import { ModelError } from '../engine/api.js';
import type {
  GraphicalFunctionKind,
  GraphicalFunctionSpec,
  IntegrationMethod,
  ModelSpec,
  SimSpec,
  VariableKind,
  VariableSpec,
} from '../engine/spec.js';
import { parseXml, XmlSyntaxError, type XmlElement } from './xml.js';

export interface XmileImport {
  spec: ModelSpec;
  /** Things the reader recovered from or ignored that a user should know about (malformed XML recovered). */
  warnings: string[];
}

const VARIABLE_TAGS = new Set(['stock', 'flow', 'aux', 'gf']);

/** Parse XMILE text into a ModelSpec. Throws ModelError with `file` set. */
export function parseXmile(text: string, fileName?: string): ModelSpec {
  return importXmile(text, fileName).spec;
}

/** Like parseXmile, also returning the recovery warnings. */
export function importXmile(text: string, fileName?: string): XmileImport {
  const file = fileName ?? 'model';
  const where = fileName ? `${fileName}: ` : '';
  const err = (
    code: 'bad-file' | 'unsupported' | 'bad-sim-specs',
    message: string,
    details: { variable?: string; equation?: string } = {},
  ): ModelError => new ModelError(code, where + message, { ...details, file });

  let root: XmlElement;
  const warnings: string[] = [];
  try {
    const doc = parseXml(text);
    root = doc.root;
    for (const w of doc.warnings) warnings.push(`${where}malformed XML recovered: ${w}`);
  } catch (e) {
    if (e instanceof XmlSyntaxError) throw err('bad-file', `not well-formed XML (${e.message})`);
    throw e;
  }
  if (root.local !== 'xmile') throw err('bad-file', `not an XMILE file: the root element is <${root.name}>, not <xmile>`);
  if (root.name !== root.local) unprefix(root, root.name.slice(0, root.name.indexOf(':') + 1));

  const unsupported = (feature: string, detail: string, variable?: string): ModelError =>
    err('unsupported', `uses ${feature}, which JoinedUp does not support yet (${detail})`, { variable });

  // --- file-level features we refuse ---
  for (const includes of [...kids(root, 'includes'), ...kids(kid(root, 'header'), 'includes')]) {
    const inc = kids(includes, 'include')[0];
    if (inc) throw unsupported('included files', `<include resource="${inc.attrs.resource ?? ''}"> at line ${inc.line}`);
  }
  const macro = kids(root, 'macro')[0];
  if (macro) throw unsupported('macros', `<macro name="${macro.attrs.name ?? ''}"> at line ${macro.line}`);
  for (const dims of kids(root, 'dimensions')) {
    const dim = kids(dims, 'dim')[0];
    if (dim) throw unsupported('arrays', `<dimensions> declares <dim name="${dim.attrs.name ?? ''}"> at line ${dim.line}`);
  }
  const models = kids(root, 'model');
  if (models.length === 0) throw err('bad-file', 'no <model> element');
  if (models.length > 1) {
    const sub = models.find((m) => m.attrs.name !== undefined) ?? models[1];
    throw unsupported('modules', `a second <model name="${sub.attrs.name ?? ''}"> at line ${sub.line}`);
  }
  const model = models[0];

  // --- behaviour defaults ---
  let stockDefault = false;
  let flowDefault = false;
  for (const behavior of [...kids(root, 'behavior'), ...kids(model, 'behavior')]) {
    const all = flag(kid(behavior, 'non_negative'), '<behavior>');
    if (all !== undefined) {
      stockDefault = all;
      flowDefault = all;
    }
    const s = flag(kid(kid(behavior, 'stock'), 'non_negative'), '<behavior><stock>');
    if (s !== undefined) stockDefault = s;
    const f = flag(kid(kid(behavior, 'flow'), 'non_negative'), '<behavior><flow>');
    if (f !== undefined) flowDefault = f;
  }

  function flag(el: XmlElement | undefined, owner: string): boolean | undefined {
    if (!el) return undefined;
    const v = el.text.trim().toLowerCase();
    if (v === '' || v === 'true') return true;
    if (v === 'false') return false;
    throw err(
      'bad-file',
      `<non_negative> in ${owner} at line ${el.line} must be empty, true or false, not '${el.text.trim()}'`,
      owner.startsWith('<behavior>') ? {} : { variable: owner },
    );
  }

  // --- the variable list ---
  const containers = kids(model, 'variables');
  const elements: XmlElement[] = [];
  for (const container of containers.length > 0 ? containers : [model]) {
    for (const child of container.children) {
      if (isVendor(child)) continue;
      if (child.local === 'module') {
        throw unsupported('modules', `<module name="${child.attrs.name ?? ''}"> at line ${child.line}`, child.attrs.name);
      }
      if (VARIABLE_TAGS.has(child.local)) collectVariable(child, elements);
    }
  }

  function collectVariable(el: XmlElement, out: XmlElement[]): void {
    out.push(el);
    if (!el.autoClosed) return;
    // Recovery (see the header comment): variables swallowed by an unclosed variable go back into the list.
    const firstNested = el.children.findIndex((c) => !isVendor(c) && (VARIABLE_TAGS.has(c.local) || c.local === 'module'));
    if (firstNested < 0) return;
    const swallowed = el.children.slice(firstNested);
    el.children = el.children.slice(0, firstNested);
    for (const c of swallowed) {
      if (isVendor(c)) continue;
      if (c.local === 'module') throw unsupported('modules', `<module name="${c.attrs.name ?? ''}"> at line ${c.line}`);
      if (!VARIABLE_TAGS.has(c.local)) {
        throw err(
          'bad-file',
          `not well-formed XML: <${el.name} name="${el.attrs.name ?? ''}"> at line ${el.line} has no end tag and <${c.name}> at line ${c.line} cannot be placed safely`,
        );
      }
      collectVariable(c, out);
    }
  }

  // Any other element left without its end tag cannot be placed safely.
  const accepted = new Set(elements.filter((el) => el.autoClosed));
  const checkRecovered = (el: XmlElement): void => {
    if (el.autoClosed && !accepted.has(el)) {
      throw err('bad-file', `not well-formed XML: <${el.name}> at line ${el.line} has no end tag before ${el.closedBy ?? 'its parent ends'}`);
    }
    for (const c of el.children) checkRecovered(c);
  };
  checkRecovered(root);

  const variables: VariableSpec[] = [];
  for (const el of elements) variables.push(readVariable(el));

  function readVariable(el: XmlElement): VariableSpec {
    const kind = el.local as VariableKind;
    const name = el.attrs.name;
    if (name === undefined || name.trim() === '') throw err('bad-file', `<${el.name}> at line ${el.line} has no name attribute`);
    const at = `'${name}' (line ${el.line})`;
    if (kid(el, 'dimensions') || kid(el, 'element')) throw unsupported('arrays', `${at} is subscripted`, name);
    // Conveyors, queues (and Stella's ovens, in any namespace) change what a stock does: refuse, never approximate.
    for (const tag of ['conveyor', 'queue', 'oven']) {
      if (el.children.some((c) => c.local === tag)) throw unsupported(`${tag}s`, `${at} is a ${tag}`, name);
    }
    for (const tag of ['leak', 'overflow', 'multiplier']) {
      if (kid(el, tag)) throw unsupported('conveyors and queues', `${at} has <${tag}>, a conveyor or queue flow option`, name);
    }
    if (kind === 'stock' && kid(el, 'gf')) throw err('bad-file', `stock ${at} cannot have a graphical function`, { variable: name });
    const eqnEl = kid(el, 'eqn');
    const equation = eqnEl ? eqnEl.text.trim() : '';
    const bracket = findBracket(equation);
    if (bracket) throw unsupported('arrays', `the equation of ${at} has a subscript '${bracket}'`, name);

    const spec: VariableSpec = { name, kind, equation };
    if (kind === 'stock') {
      if (!eqnEl || equation === '') throw err('bad-file', `stock ${at} has no initial value (<eqn>)`, { variable: name });
      spec.inflows = kids(el, 'inflow').map((f) => f.text.trim());
      spec.outflows = kids(el, 'outflow').map((f) => f.text.trim());
      for (const f of [...spec.inflows, ...spec.outflows]) {
        if (f === '') throw err('bad-file', `stock ${at} has an empty <inflow> or <outflow>`, { variable: name });
      }
      spec.nonNegative = flag(kid(el, 'non_negative'), name) ?? stockDefault;
    } else if (kind === 'flow') {
      spec.nonNegative = flag(kid(el, 'non_negative'), name) ?? flowDefault;
    } else if (kind === 'aux') {
      const nn = flag(kid(el, 'non_negative'), name);
      if (nn !== undefined) spec.nonNegative = nn;
    }

    const gfEl = kind === 'gf' ? el : kid(el, 'gf');
    if (gfEl) spec.gf = readGf(gfEl, name, at);
    if (kind !== 'gf' && kind !== 'stock' && equation === '') {
      throw err('bad-file', `${el.local} ${at} has no equation (<eqn>)`, { variable: name });
    }
    const units = kid(el, 'units')?.text.trim();
    if (units) spec.units = units;
    const doc = kid(el, 'doc')?.text.trim();
    if (doc) spec.doc = doc;
    return spec;
  }

  function readGf(el: XmlElement, name: string, at: string): GraphicalFunctionSpec {
    let kind: GraphicalFunctionKind = 'continuous';
    const type = el.attrs.type?.trim().toLowerCase();
    if (type !== undefined && type !== '') {
      if (type !== 'continuous' && type !== 'extrapolate' && type !== 'discrete') {
        throw err('bad-file', `graphical function of ${at} has type '${el.attrs.type}' (expected continuous, extrapolate or discrete)`, {
          variable: name,
        });
      }
      kind = type;
    } else if (el.attrs.discrete?.trim().toLowerCase() === 'true') {
      kind = 'discrete';
    }
    const yEl = kid(el, 'ypts');
    if (!yEl) throw err('bad-file', `graphical function of ${at} has no <ypts>`, { variable: name });
    const ys = numberList(yEl, name, at);
    let xs: number[];
    const xEl = kid(el, 'xpts');
    const scale = kid(el, 'xscale');
    if (xEl) {
      xs = numberList(xEl, name, at);
    } else if (scale) {
      const min = Number(scale.attrs.min);
      const max = Number(scale.attrs.max);
      if (scale.attrs.min === undefined || scale.attrs.max === undefined || !Number.isFinite(min) || !Number.isFinite(max)) {
        throw err('bad-file', `graphical function of ${at}: <xscale> needs numeric min and max`, { variable: name });
      }
      const count = ys.length;
      xs = ys.map((_, i) => (count === 1 ? min : min + ((max - min) * i) / (count - 1)));
    } else {
      throw err('bad-file', `graphical function of ${at} has neither <xpts> nor <xscale>`, { variable: name });
    }
    if (xs.length !== ys.length) {
      throw err('bad-file', `graphical function of ${at} has ${xs.length} x points and ${ys.length} y points`, { variable: name });
    }
    if (ys.length === 0) throw err('bad-file', `graphical function of ${at} has no points`, { variable: name });
    for (let i = 1; i < xs.length; i++) {
      if (!(xs[i] > xs[i - 1])) {
        throw err('bad-file', `graphical function of ${at}: x points must increase (${xs[i - 1]} then ${xs[i]})`, { variable: name });
      }
    }
    return { kind, xs, ys };
  }

  function numberList(el: XmlElement, name: string, at: string): number[] {
    const sep = el.attrs.sep ?? ',';
    const raw = el.text.trim();
    if (raw === '') return [];
    return raw.split(sep === '' ? ',' : sep).map((part) => {
      const t = part.trim();
      const v = Number(t);
      if (t === '' || !Number.isFinite(v)) {
        throw err('bad-file', `graphical function of ${at}: '${t}' in <${el.name}> (line ${el.line}) is not a number`, {
          variable: name,
        });
      }
      return v;
    });
  }

  // --- sim specs ---
  // XMILE: sim specs at file level, in the model, or both (the model's settings override the file's, field by field).
  const fileSim = kid(root, 'sim_specs');
  const modelSim = kid(model, 'sim_specs');
  if (!fileSim && !modelSim) throw err('bad-sim-specs', 'no <sim_specs> element');
  const sim = readSimSpecs({
    name: 'sim_specs',
    local: 'sim_specs',
    attrs: { ...fileSim?.attrs, ...modelSim?.attrs },
    children: [...(modelSim?.children ?? []), ...(fileSim?.children ?? [])],
    text: '',
    line: (modelSim ?? fileSim)?.line ?? 0,
  });

  function simNumber(label: string, raw: string | undefined, required: boolean, fallback?: number): number | undefined {
    if (raw === undefined || raw.trim() === '') {
      if (required) throw err('bad-sim-specs', `<sim_specs> has no <${label}>`);
      return fallback;
    }
    const v = Number(raw.trim());
    if (!Number.isFinite(v)) throw err('bad-sim-specs', `<sim_specs> ${label} '${raw.trim()}' is not a number`);
    return v;
  }

  function readSimSpecs(el: XmlElement): SimSpec {
    const start = simNumber('start', kid(el, 'start')?.text, true) as number;
    const stop = simNumber('stop', kid(el, 'stop')?.text, true) as number;
    const dtEl = kid(el, 'dt');
    let dt = simNumber('dt', dtEl?.text, false, 1) as number;
    if (dtEl && dtEl.attrs.reciprocal?.trim().toLowerCase() === 'true') {
      if (dt === 0) throw err('bad-sim-specs', '<sim_specs> dt is reciprocal and 0');
      dt = 1 / dt;
    }
    if (!(dt > 0)) throw err('bad-sim-specs', `<sim_specs> dt must be positive (got ${dt})`);
    if (!(stop >= start)) throw err('bad-sim-specs', `<sim_specs> stop (${stop}) is before start (${start})`);
    // XMILE 1.0 defines no save step. Stella, Simlin and xmutil write the vendor attribute isee:save_interval;
    // a <savestep>/<save_step> element or attribute is also accepted.
    const saveRaw =
      kid(el, 'savestep')?.text ??
      kid(el, 'save_step')?.text ??
      el.attrs.savestep ??
      el.attrs.save_step ??
      Object.entries(el.attrs).find(([k]) => k.endsWith(':save_interval'))?.[1];
    const saveStep = simNumber('savestep', saveRaw, false);
    if (saveStep !== undefined && !(saveStep > 0)) throw err('bad-sim-specs', `<sim_specs> save step must be positive (got ${saveStep})`);
    // XMILE allows a fallback list ("gear, rk4"): use the first method we implement.
    const listed = (el.attrs.method ?? '').split(',').map((m) => m.trim().toLowerCase()).filter((m) => m !== '');
    const method = (listed.length === 0 ? 'euler' : listed.find((m) => m === 'euler' || m === 'rk4')) as IntegrationMethod | undefined;
    if (!method) throw unsupported(`the integration method '${el.attrs.method}'`, 'only Euler and RK4 are implemented');
    const result: SimSpec = { start, stop, dt, method };
    if (saveStep !== undefined) result.saveStep = saveStep;
    const units = el.attrs.time_units?.trim();
    if (units) result.timeUnits = units;
    return result;
  }

  const header = kid(root, 'header');
  const headerName = kid(header, 'name')?.text.trim();
  const name = headerName || (fileName ? baseName(fileName) : 'model');
  return { spec: { name, sim, variables }, warnings };
}

/** A file that writes XMILE's own elements with a prefix (`<x:xmile xmlns:x=…>`): read them as unprefixed. */
function unprefix(el: XmlElement, prefix: string): void {
  if (el.name.startsWith(prefix)) el.name = el.local;
  for (const c of el.children) unprefix(c, prefix);
}

/** Elements in a vendor namespace (`isee:…`) are extensions we do not read. */
function isVendor(el: XmlElement): boolean {
  return el.name.includes(':');
}

function kids(el: XmlElement | undefined, local: string): XmlElement[] {
  if (!el) return [];
  return el.children.filter((c) => c.local === local && !isVendor(c));
}

function kid(el: XmlElement | undefined, local: string): XmlElement | undefined {
  if (!el) return undefined;
  return el.children.find((c) => c.local === local && !isVendor(c));
}

function baseName(path: string): string {
  const last = path.split(/[\\/]/).pop() ?? path;
  return last.replace(/\.(xmile|stmx|xml)$/i, '') || last;
}

/** A `[…]` subscript outside quoted names and `{comments}`, or undefined. */
function findBracket(equation: string): string | undefined {
  let inQuote = false;
  let depth = 0;
  for (let i = 0; i < equation.length; i++) {
    const c = equation[i];
    if (inQuote) {
      if (c === '\\') i++;
      else if (c === '"') inQuote = false;
    } else if (depth > 0) {
      if (c === '{') depth++;
      else if (c === '}') depth--;
    } else if (c === '"') inQuote = true;
    else if (c === '{') depth++;
    else if (c === '[') {
      const end = equation.indexOf(']', i);
      return equation.slice(Math.max(0, i - 20), end < 0 ? i + 1 : end + 1).trim();
    }
  }
  return undefined;
}

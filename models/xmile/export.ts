/**
 * XMILE export: ModelSpec → XMILE 1.0 text (OASIS namespace, `<variables>` wrapper). `parseXmile` reads it back
 * into an equivalent spec. Non-negative stocks and flows are written explicitly (`<non_negative/>`), so the file
 * needs no `<behavior>` block. The save step, which XMILE 1.0 does not define, is written as the vendor attribute
 * `isee:save_interval` that Stella, Simlin and xmutil use.
 */
import type { GraphicalFunctionSpec, ModelSpec, VariableSpec } from '../engine/spec.js';

const XMILE_NS = 'http://docs.oasis-open.org/xmile/ns/XMILE/v1.0';
const ISEE_NS = 'http://iseesystems.com/XMILE';

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(s: string): string {
  return escapeText(s)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** Shortest text that reads back as the same double. */
function num(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`cannot export the non-finite number ${v}`);
  return String(v);
}

function gfXml(gf: GraphicalFunctionSpec, indent: string): string[] {
  return [
    `${indent}<gf type="${gf.kind}">`,
    `${indent}\t<xpts>${gf.xs.map(num).join(',')}</xpts>`,
    `${indent}\t<ypts>${gf.ys.map(num).join(',')}</ypts>`,
    `${indent}</gf>`,
  ];
}

function variableXml(v: VariableSpec): string[] {
  const i = '\t\t\t';
  const out: string[] = [];
  const name = escapeAttr(v.name);
  if (v.kind === 'gf') {
    if (!v.gf) throw new Error(`graphical function '${v.name}' has no points`);
    out.push(`${i}<gf name="${name}" type="${v.gf.kind}">`);
    out.push(`${i}\t<xpts>${v.gf.xs.map(num).join(',')}</xpts>`);
    out.push(`${i}\t<ypts>${v.gf.ys.map(num).join(',')}</ypts>`);
  } else {
    out.push(`${i}<${v.kind} name="${name}">`);
    out.push(`${i}\t<eqn>${escapeText(v.equation)}</eqn>`);
    if (v.kind === 'stock') {
      for (const f of v.inflows ?? []) out.push(`${i}\t<inflow>${escapeText(f)}</inflow>`);
      for (const f of v.outflows ?? []) out.push(`${i}\t<outflow>${escapeText(f)}</outflow>`);
    }
    if (v.nonNegative) out.push(`${i}\t<non_negative/>`);
    if (v.gf) out.push(...gfXml(v.gf, `${i}\t`));
  }
  if (v.units) out.push(`${i}\t<units>${escapeText(v.units)}</units>`);
  if (v.doc) out.push(`${i}\t<doc>${escapeText(v.doc)}</doc>`);
  out.push(`${i}</${v.kind}>`);
  return out;
}

export function exportXmile(spec: ModelSpec): string {
  const s = spec.sim;
  const simAttrs = [`method="${s.method === 'rk4' ? 'RK4' : 'Euler'}"`];
  if (s.timeUnits) simAttrs.push(`time_units="${escapeAttr(s.timeUnits)}"`);
  if (s.saveStep !== undefined) simAttrs.push(`isee:save_interval="${num(s.saveStep)}"`);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<xmile version="1.0" xmlns="${XMILE_NS}" xmlns:isee="${ISEE_NS}">`,
    '\t<header>',
    `\t\t<name>${escapeText(spec.name)}</name>`,
    '\t\t<vendor>JoinedUp</vendor>',
    '\t\t<product version="1.0">JoinedUp</product>',
    '\t</header>',
    `\t<sim_specs ${simAttrs.join(' ')}>`,
    `\t\t<start>${num(s.start)}</start>`,
    `\t\t<stop>${num(s.stop)}</stop>`,
    `\t\t<dt>${num(s.dt)}</dt>`,
  ];
  lines.push('\t</sim_specs>', '\t<model>', '\t\t<variables>');
  for (const v of spec.variables) lines.push(...variableXml(v));
  lines.push('\t\t</variables>', '\t</model>', '</xmile>', '');
  return lines.join('\n');
}

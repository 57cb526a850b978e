/** Parameter values for a form, and checks of user overrides against the register's bounds and ranges. */
import { normalizeName } from '../engine/names.js';
import { PARAMETERS } from './parameters.js';
import type { OrganisationalForm, ParameterInfo } from './types.js';

const BY_NAME = new Map<string, ParameterInfo>(PARAMETERS.map((p) => [normalizeName(p.name), p]));

/** The register entry a (case-insensitive, spaces ≡ underscores) name refers to, if any. */
export function findParameter(name: string): ParameterInfo | undefined {
  return BY_NAME.get(normalizeName(name));
}

/** The default of one parameter under a form. */
export function formDefault(p: ParameterInfo, form: OrganisationalForm): number {
  return form === 'combined' && p.combinedValue !== undefined ? p.combinedValue : p.value;
}

/** Form defaults plus overrides (by register name), for every constant of the model. */
export function effectiveParameters(form: OrganisationalForm, overrides: Record<string, number> = {}): Record<string, number> {
  const values: Record<string, number> = {};
  for (const p of PARAMETERS) values[p.name] = formDefault(p, form);
  for (const [name, value] of Object.entries(overrides)) {
    const p = findParameter(name);
    if (p) values[p.name] = value;
  }
  return values;
}

function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a !== 0 && (a >= 1e6 || a < 1e-3)) return x.toExponential(3).replace(/\.?0+e/, 'e');
  return String(Number(x.toPrecision(6)));
}

/** Groups of shares that must not add up to more than 1 (else people would be created). */
const SHARE_GROUPS: string[][] = [
  ['Split_P1', 'Split_P2', 'Split_P3'],
  ['Split_HomeCare', 'Split_CareHome'],
  ['P1_Recovery_Share', 'P1_To_HomeCare_Share'],
];

/**
 * Checks user overrides: an unknown name, a value that is not a finite number or lies outside the parameter's
 * allowed bounds is an error naming it and its bounds; a value outside the plausible range is a warning.
 */
export function checkOverrides(overrides: Record<string, number>): { errors: { name: string; message: string }[]; warnings: string[] } {
  const errors: { name: string; message: string }[] = [];
  const warnings: string[] = [];
  for (const [name, value] of Object.entries(overrides)) {
    const p = findParameter(name);
    if (!p) {
      errors.push({ name, message: `unknown parameter "${name}": the care model has no such parameter (see \`joinedup model doc\` for the list)` });
      continue;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      errors.push({ name, message: `parameter ${p.name} must be a finite number, got ${String(value)}` });
      continue;
    }
    if (value < p.bounds.min || value > p.bounds.max) {
      errors.push({
        name,
        message: `parameter ${p.name} = ${fmt(value)} is outside its allowed bounds ${fmt(p.bounds.min)} to ${fmt(p.bounds.max)} (${p.unit})`,
      });
      continue;
    }
    if (value < p.range.low || value > p.range.high) {
      warnings.push(
        `parameter ${p.name} = ${fmt(value)} is outside its plausible range ${fmt(p.range.low)} to ${fmt(p.range.high)} (${p.unit}; most likely ${fmt(p.range.mode)}): results rest on a value the evidence does not support`,
      );
    }
  }
  if (errors.length === 0) {
    for (const form of ['separate', 'combined'] as const) {
      const values = effectiveParameters(form, overrides);
      for (const group of SHARE_GROUPS) {
        if (!group.some((n) => Object.keys(overrides).some((k) => findParameter(k)?.name === n))) continue;
        const sum = group.reduce((a, n) => a + values[n], 0);
        if (sum > 1 + 1e-9) {
          errors.push({ name: group.join('+'), message: `${group.join(' + ')} = ${fmt(sum)} must not exceed 1 (they are shares of the same patients)` });
          break;
        }
      }
      if (errors.length > 0) break;
    }
  }
  return { errors, warnings };
}

/**
 * The engine's model specification: what an importer (XMILE) or a built-in model (health-care) hands to the
 * compiler. Pure data, no functions, so it can cross a worker boundary and be written back out as XMILE.
 */

/** How a graphical function treats x outside its points and between them (XMILE 1.0 §3.1.4). */
export type GraphicalFunctionKind = 'continuous' | 'extrapolate' | 'discrete';

/** A graphical function (lookup table): y as a function of x through the given points. */
export interface GraphicalFunctionSpec {
  kind: GraphicalFunctionKind;
  /** Strictly increasing x values, same length as `ys`. */
  xs: number[];
  ys: number[];
}

export type VariableKind = 'stock' | 'flow' | 'aux' | 'gf';

/**
 * One model variable.
 * - `stock`: `equation` is its initial value; `inflows`/`outflows` name flows (or auxiliaries used as flows).
 * - `flow`, `aux`: `equation` gives the value each step. With `gf`, the value is `gf(equation)`.
 * - `gf`: a standalone graphical function, called as `name(x)` or `LOOKUP(name, x)`; it has no value of its own.
 */
export interface VariableSpec {
  /** The name as written in the model (display name); references match it case-insensitively with spaces ≡ underscores. */
  name: string;
  kind: VariableKind;
  equation: string;
  inflows?: string[];
  outflows?: string[];
  /** Stocks: never below zero. Flows: never below zero (a uniflow). Defaults come from the model's `<behavior>`. */
  nonNegative?: boolean;
  gf?: GraphicalFunctionSpec;
  units?: string;
  doc?: string;
}

export type IntegrationMethod = 'euler' | 'rk4';

export interface SimSpec {
  start: number;
  stop: number;
  /** The integration step (already the reciprocal when the file said `reciprocal="true"`). */
  dt: number;
  /** Save every `saveStep` time units; defaults to `dt`. */
  saveStep?: number;
  method: IntegrationMethod;
  timeUnits?: string;
}

export interface ModelSpec {
  name: string;
  sim: SimSpec;
  variables: VariableSpec[];
}

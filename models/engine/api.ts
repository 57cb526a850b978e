/**
 * The engine's public types. `compileModel` (models/engine/index.ts) turns a ModelSpec into a CompiledModel;
 * `run` simulates it. Everything here is plain data so results can cross worker and IPC boundaries.
 */
import type { IntegrationMethod, ModelSpec, SimSpec } from './spec.js';

export interface RunOptions {
  /**
   * Override constants by name (matched like references: case-insensitive, spaces ≡ underscores).
   * Only variables whose equation is a constant expression can be set; anything else is a ModelError.
   */
  set?: Record<string, number>;
  method?: IntegrationMethod;
  /** Override parts of the sim specs (start, stop, dt, saveStep). */
  sim?: Partial<SimSpec>;
  /**
   * Save only these variables (matched like `set`); RunResult keeps model order. Default: every output.
   * Saving fewer series makes many runs of a large model markedly faster. An unknown name is a ModelError.
   */
  outputs?: readonly string[];
}

export interface RunResult {
  /** Output variables in model order: stocks, flows and auxiliaries (standalone graphical functions excluded). */
  names: string[];
  /** One entry per save step from start to stop inclusive. */
  times: Float64Array;
  /** `series[i][k]` is variable `names[i]` at `times[k]`. */
  series: Float64Array[];
}

export interface CompiledModel {
  readonly spec: ModelSpec;
  /** Same order as RunResult.names. */
  readonly outputNames: readonly string[];
  /** Variables that `RunOptions.set` may override. */
  readonly constantNames: readonly string[];
  run(options?: RunOptions): RunResult;
}

export type ModelErrorCode =
  | 'syntax'
  | 'unknown-variable'
  | 'unknown-function'
  | 'bad-arguments'
  | 'unsupported'
  | 'cycle'
  | 'non-finite'
  | 'bad-sim-specs'
  | 'bad-override'
  | 'bad-file';

/** Every model problem the engine or importer reports: names the variable and equation (and file when known). */
export class ModelError extends Error {
  readonly code: ModelErrorCode;
  readonly variable?: string;
  readonly equation?: string;
  file?: string;
  readonly time?: number;
  /** For `cycle`: the variables in the loop. */
  readonly variables?: string[];
  constructor(
    code: ModelErrorCode,
    message: string,
    details: { variable?: string; equation?: string; file?: string; time?: number; variables?: string[] } = {},
  ) {
    super(message);
    this.name = 'ModelError';
    this.code = code;
    this.variable = details.variable;
    this.equation = details.equation;
    this.file = details.file;
    this.time = details.time;
    this.variables = details.variables;
  }
}

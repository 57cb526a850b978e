/** The compiled system-dynamics engine: `compileModel(spec)` and the shared engine types. */
export { compileModel } from './compile.js';
export { normalizeName } from './names.js';
export { parseEquation } from './parse.js';
export { createNameIndex, type NameIndex } from './tokenize.js';
export type { Expr } from './ast.js';
export * from './api.js';
export type * from './spec.js';

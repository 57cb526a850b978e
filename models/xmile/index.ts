/** XMILE import and export (pure: no node:*). */
export { parseXmile, importXmile } from './parse.js';
export type { XmileImport } from './parse.js';
export { exportXmile } from './export.js';

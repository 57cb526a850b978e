/**
 * The JoinedUp health and social care model: combined versus separate health and adult social care organisations,
 * calibrated to Northamptonshire. Pure TypeScript (no node:*, no DOM).
 */
import { buildModelSpec } from './model.js';
import { PARAMETERS, SOURCES } from './parameters.js';

export const HEALTH_CARE_MODEL_ID = 'health-care';

/** FNV-1a over the text, as 8 hex digits: small, pure and stable across platforms. */
function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Changes whenever an equation, a default or a register entry changes: a hash of the spec and the register. */
export const MODEL_VERSION: string = (() => {
  const text = JSON.stringify(buildModelSpec()) + JSON.stringify(PARAMETERS);
  const a = fnv1a(text).toString(16).padStart(8, '0');
  const b = fnv1a(text, 0x01234567).toString(16).padStart(8, '0');
  return `hc-${a}${b}`.slice(0, 15);
})();

export { PARAMETERS, SOURCES };
export { METRICS, HLE_CAVEAT } from './metrics.js';
export { buildModelSpec, DEFAULT_DT } from './model.js';
export { effectiveParameters, checkOverrides, findParameter } from './register.js';
export { runScenario, runScenarioArrays, runScenarioModel, startingValues, compareRuns, financialYearOffset, financialYearLabel, ScenarioParameterError } from './run.js';
export { formDifferences, modelDocMarkdown } from './doc.js';

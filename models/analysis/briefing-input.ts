/** Pieces of a briefing's input taken from care-model scenarios: shared by the command line and the handlers. */
import type { Scenario } from '../../scenarios/scenario.js';
import { PARAMETERS } from '../health-care/index.js';
import { changedParameters } from './attribution.js';
import type { BriefingParameter, BriefingScenario } from './briefing.js';
import { careAnalysisModel } from './care-model.js';
import { scenarioHash } from './hash.js';

export function briefingScenario(s: Scenario): BriefingScenario {
  return {
    name: s.name,
    description: s.description,
    form: s.form,
    startDate: s.startDate,
    horizonYears: s.horizonYears,
    discountRate: s.discountRate,
    hash: scenarioHash(s),
  };
}

/** Every parameter whose effective value differs between the baseline and the option, with its source and grade. */
export function differingParameters(baseline: Scenario, option: Scenario): BriefingParameter[] {
  const b = careAnalysisModel.effectiveParameters(baseline);
  const o = careAnalysisModel.effectiveParameters(option);
  const info = new Map(PARAMETERS.map((p) => [p.name, p]));
  return changedParameters(careAnalysisModel, baseline, option).map((name) => {
    const p = info.get(name);
    return {
      name,
      label: p?.label ?? name,
      unit: p?.unit ?? '',
      baseline: b[name],
      option: o[name],
      source: p?.source ?? 'unknown',
      grade: p?.grade ?? 'unknown',
    };
  });
}

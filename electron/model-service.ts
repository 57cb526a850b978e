/**
 * Adapts the care model's module (models/health-care/index.ts) to the handlers' `ModelService`. Kept apart from
 * app-deps so the adapter is tested with the real module and the handlers stay independent of it.
 */
import type { MetricInfo, MetricKey, OrganisationalForm, ParameterInfo, ScenarioRun } from '../models/health-care/types.js';
import type { Scenario } from '../scenarios/scenario.js';
import type { ModelService } from './handlers.js';
import type { ModelDescription } from './ipc-contract.js';

/** The exports of models/health-care/index.ts that the app uses (TEAM.md "Shared interfaces"). */
export interface CareModelModule {
  HEALTH_CARE_MODEL_ID: string;
  MODEL_VERSION: string;
  PARAMETERS: ParameterInfo[];
  METRICS: MetricInfo[];
  effectiveParameters(form: OrganisationalForm, overrides: Record<string, number>): Record<string, number>;
  runScenario(scenario: Scenario, options?: { dt?: number; parameters?: Record<string, number> }): ScenarioRun;
  compareRuns(baseline: ScenarioRun, option: ScenarioRun): { differences: Record<MetricKey, number>; breakEvenYear: number | null };
  formDifferences(): ModelDescription['formDifferences'];
  modelDocMarkdown(): string;
}

export function createModelService(model: CareModelModule): ModelService {
  let description: ModelDescription | undefined;
  return {
    modelId: model.HEALTH_CARE_MODEL_ID,
    modelVersion: model.MODEL_VERSION,
    parameters: model.PARAMETERS,
    describe() {
      // The documentation is built once per process: it depends only on the model version.
      description ??= {
        modelVersion: model.MODEL_VERSION,
        parameters: model.PARAMETERS,
        metrics: model.METRICS,
        formDifferences: model.formDifferences(),
        markdown: model.modelDocMarkdown(),
      };
      return description;
    },
    run: (scenario) => model.runScenario(scenario),
    compare: (baseline, option) => model.compareRuns(baseline, option),
    effectiveParameters: (form, overrides) => model.effectiveParameters(form, overrides),
  };
}

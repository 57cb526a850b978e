/**
 * A small stand-in for the care model behind the `ModelService` interface, counting its runs so tests can see the
 * run cache at work. Its figures are simple functions of the parameters, so a changed input changes the result.
 */
import type { ModelService } from '../../electron/handlers.js';
import type { MetricKey, Metrics, ParameterInfo, ScenarioRun } from '../../models/health-care/types.js';

export const FAKE_PARAMETERS: ParameterInfo[] = [
  {
    name: 'acute_beds', label: 'Acute beds', value: 1100, combinedValue: 1100, unit: 'beds', bounds: { min: 0, max: 10000 },
    range: { low: 900, mode: 1100, high: 1300 }, source: 'S41a', grade: 'sourced', description: 'Beds', group: 'capacity',
  },
  {
    name: 'assessment_delay', label: 'Assessment delay', value: 6, combinedValue: 3, unit: 'days', bounds: { min: 0, max: 60 },
    range: { low: 1, mode: 5, high: 14 }, source: 'assumption', grade: 'assumption', description: 'Delay', group: 'integration',
  },
];

export function fakeModel(version = 'fake-1'): ModelService & { runs: number } {
  const effective = (form: 'separate' | 'combined', overrides: Record<string, number>) => {
    const out: Record<string, number> = {};
    for (const p of FAKE_PARAMETERS) out[p.name] = overrides[p.name] ?? (form === 'combined' ? p.combinedValue ?? p.value : p.value);
    return out;
  };
  const service = {
    runs: 0,
    modelId: 'health-care',
    modelVersion: version,
    parameters: FAKE_PARAMETERS,
    describe: () => ({ modelVersion: version, parameters: FAKE_PARAMETERS, metrics: [], formDifferences: [], markdown: '# Fake model' }),
    effectiveParameters: effective,
    run(scenario: Parameters<ModelService['run']>[0]): ScenarioRun {
      service.runs++;
      const p = effective(scenario.form, scenario.parameters);
      const stranded = p.assessment_delay * 20;
      const cost = p.acute_beds * 1000 * scenario.horizonYears;
      const metrics = Object.fromEntries(
        ['cost.total', 'cost.nhs', 'cost.socialCare', 'cost.reorganisation', 'cost.presentValue', 'strandedBeds.initial', 'strandedBeds.mean',
          'strandedBeds.final', 'hle.initial', 'hle.final', 'hle65.initial', 'hle65.final', 'los7.initial', 'los7.final', 'delayedBedDays.total',
          'occupancy.mean'].map((k) => [k, 0]),
      ) as unknown as Metrics;
      metrics['cost.total'] = cost;
      metrics['strandedBeds.mean'] = stranded;
      return { times: [0, 365], startDate: scenario.startDate, series: {} as ScenarioRun['series'], yearly: [], metrics, hleCaveat: 'indicative', warnings: [] };
    },
    compare(baseline: ScenarioRun, option: ScenarioRun) {
      const differences = {} as Record<MetricKey, number>;
      for (const k of Object.keys(baseline.metrics) as MetricKey[]) differences[k] = option.metrics[k] - baseline.metrics[k];
      return { differences, breakEvenYear: differences['cost.total'] < 0 ? 1 : null };
    },
  };
  return service;
}

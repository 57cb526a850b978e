/**
 * What the analysis needs from a model. The care model is adapted to this in `care-model.ts`; tests use small
 * stand-in models. Everything the analysis does goes through `run`, so it cannot tell the models apart.
 */
import type { Distribution, PlausibleRange } from './sampling.js';

/** One entry of the parameter register, as the analysis sees it. */
export interface RegisterParameter {
  name: string;
  label: string;
  unit: string;
  range: PlausibleRange;
  distribution?: Distribution;
  source?: string;
  grade?: string;
}

export interface MetricDescriptor {
  key: string;
  label: string;
  unit: string;
  /** Which direction is better for the people the model serves. */
  better: 'lower' | 'higher';
}

/** A yearly cost line: year index from 1, with the financial-year label. */
export interface YearlyCostLine {
  year: number;
  label: string;
  total: number;
  reorganisation: number;
}

/** The outputs of one run. */
export interface ModelOutput {
  /** Saved times in days since the start; the same for every run of a scenario. */
  times: ArrayLike<number>;
  /** Typed arrays are fine (and cheaper): everything reads them by index and they survive structured cloning. */
  series: Record<string, ArrayLike<number>>;
  metrics: Record<string, number>;
  yearly: YearlyCostLine[];
}

/** The scenario settings the appraisal needs. */
export interface AppraisalSettingsOf {
  discountRate: number;
  horizonYears: number;
  /** The one-off reorganisation cost (£) this scenario's run includes. */
  oneOffCost: number;
  /** The share of the one-off cost spent in each year (index 0 is year 1); sums to 1 when there is a cost. */
  oneOffShareByYear: number[];
  /**
   * The model's own present value of the run's costs, when it computes one (so the appraisal agrees with the
   * rest of the app), and the average discount factor over the one-off cost's spending. Without them the
   * appraisal discounts yearly totals itself (year 1 undiscounted, year t by 1/(1+r)^(t−1)).
   */
  presentValue?: number;
  oneOffDiscountFactor?: number;
}

export interface AnalysisModel<S> {
  /** Identifies the model to worker threads (see `worker-models.ts`). */
  id: string;
  version: string;
  parameters: readonly RegisterParameter[];
  /** Every parameter with its label (the sampled ones and any held as settings), for naming attribution parts. */
  allParameters?: readonly RegisterParameter[];
  metrics: readonly MetricDescriptor[];
  /** The metrics a reader sees first: bands, paired probabilities and the tornado are reported for these. */
  headline: readonly string[];
  /** Series that get bands over time. */
  seriesKeys: readonly string[];
  /** The values a deterministic run of the scenario uses: form defaults plus the scenario's own overrides. */
  effectiveParameters(scenario: S): Record<string, number>;
  /** Parameters the scenario sets explicitly: they stay at their set value in every sampled run. */
  explicitParameters(scenario: S): readonly string[];
  /** The scenario's plausible range for a parameter (it may depend on the scenario, e.g. on its form). */
  samplingRange(scenario: S, parameter: RegisterParameter): PlausibleRange;
  /**
   * Re-fits, after sampling, the parameters that calibration ties to observed starting data, so every sampled
   * run starts from what was observed. `base` are the scenario's effective values; `parameters` a sampled set.
   * Applied to Monte Carlo and tornado runs, never to attribution (whose runs must be the scenarios' own).
   */
  calibrate?(scenario: S, base: Record<string, number>, parameters: Record<string, number>): Record<string, number>;
  /**
   * What `calibrate` does, for readers of the results: the parameters it re-fits, and one plain sentence built
   * from the scenario's own (central) run, so any figure in it is the run's.
   */
  calibration?: { parameters: readonly string[]; describe(central: ModelOutput): string };
  /** Run with every parameter value given (a complete set, as `effectiveParameters` returns). */
  run(scenario: S, parameters: Record<string, number>): ModelOutput;
  /** Scenario settings the appraisal needs, given the values a run used and its output. */
  appraisalSettings(scenario: S, parameters: Record<string, number>, output: ModelOutput): AppraisalSettingsOf;
  scenarioName(scenario: S): string;
  /** Does the one-off work before the first run (compiling the model), so a warmed worker is ready to run. */
  prepare?(): void;
}

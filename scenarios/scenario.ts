/** The scenario file format (DESIGN.md "Scenario file"). Version 1. */
import type { OrganisationalForm } from '../models/health-care/types.js';

export const SCENARIO_FORMAT = 'joinedup-scenario';
export const SCENARIO_VERSION = 1;

export interface Scenario {
  format: typeof SCENARIO_FORMAT;
  version: typeof SCENARIO_VERSION;
  name: string;
  description: string;
  /** A built-in model id (`health-care`) or a path to an XMILE file. */
  model: string;
  form: OrganisationalForm;
  /** Parameter overrides by name, on top of the form's defaults. */
  parameters: Record<string, number>;
  /** ISO date (YYYY-MM-DD) of the simulation's start. */
  startDate: string;
  horizonYears: number;
  /** Yearly discount rate for present values, e.g. 0.035. */
  discountRate: number;
  notes: string;
  tags: string[];
}

/**
 * Request and response types of the analysis channels, for the IPC contract. Types only (no runtime code), so
 * `electron/ipc-contract.ts` and the renderer can import them.
 *
 *   'analysis:uncertainty': { request: UncertaintyRequest; response: UncertaintyReport }
 *   'analysis:brief':       { request: BriefRequest;       response: BriefResponse }
 *   'analysis:cancel':      { request: CancelRequest;      response: CancelResponse }
 */
import type { UncertaintyReport } from '../models/analysis/uncertainty.js';
import type { Scenario } from '../scenarios/scenario.js';

export type { UncertaintyReport };

/** `analysis:uncertainty`: each scenario by saved id or given whole (an unsaved draft). */
export interface UncertaintyRequest {
  optionId?: string;
  option?: Scenario;
  baselineId?: string;
  baseline?: Scenario;
  /** 2 to 100,000. */
  runs: number;
  /** A whole number from 0 to 2^53 − 1: the same seed gives the same report. */
  seed: number;
  /** Optimism-bias uplift on the one-off reorganisation cost, as a fraction (default 2.0 = +200%). */
  optimismBias?: number;
  /** Skip the tornado or the attribution (default: both run). */
  tornado?: boolean;
  attribution?: boolean;
  /** Lets `analysis:cancel` stop this request. */
  requestId?: string;
}

/** `analysis:brief`: saved scenarios by id; 1 to 3 options. */
export interface BriefRequest {
  baselineId: string;
  optionIds: string[];
  /** Default 500. */
  runs?: number;
  /** Default 1. */
  seed?: number;
  optimismBias?: number;
  requestId?: string;
}

export interface BriefResponse {
  /** A suggested file name ending in .pdf. */
  fileName: string;
  /** The self-contained briefing HTML (A4 print styles, inline SVG charts). */
  html: string;
  /** The PDF, base64-encoded, when the host can print (Electron's printToPDF, Chromium in the browser host). */
  pdfBase64?: string;
}

export interface CancelRequest {
  requestId: string;
}

export interface CancelResponse {
  /** False when no request with that id was running. */
  cancelled: boolean;
}

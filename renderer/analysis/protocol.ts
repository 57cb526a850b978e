/** Messages between the window and its analysis Web Workers. Plain data only. */
import type { ChunkResult, ChunkTask } from '../../models/analysis/monte-carlo.js';
import type { Scenario } from '../../scenarios/scenario.js';

export type AnalysisWorkerRequest = { type: 'chunk'; id: number; task: ChunkTask<Scenario> };

export type AnalysisWorkerReply =
  | { type: 'run'; id: number }
  | { type: 'chunk-done'; id: number; result: ChunkResult }
  | { type: 'error'; id: number; message: string };

/**
 * What every view of the window receives. Views are listed as data (views/registry.ts), so a new view, such as the
 * analysis engineer's Uncertainty view, is one entry in views/extra-views.ts and one component.
 */
import type { ComponentType } from 'react';
import type { ComparedScenario, ModelDescription, RendererApi, ScenarioSummary, StoredScenario } from '../../electron/ipc-contract.js';
import type { Scenario } from '../../scenarios/scenario.js';
import type { BriefingState } from '../briefing.js';
import type { EditHistory } from '../edit-history.js';
import type { EvaluateItem, ItemError } from '../worker-protocol.js';

export type ViewId = string;

/** The latest comparison the model worker returned. */
export interface Evaluation {
  /** The baseline first, then the options, as run (with any unsaved edits). */
  compared: ComparedScenario[];
  errors: ItemError[];
  /** True while a newer request is being run. */
  busy: boolean;
  /** Counts results drawn; the benchmark watches it. */
  seq: number;
  /** Milliseconds the worker spent running the model for the latest result (cached runs cost nothing). */
  modelMs: number;
}

export interface Editing {
  id: string;
  stored: StoredScenario;
  history: EditHistory<Scenario>;
  /** The scenario as edited (the history's present). */
  draft: Scenario;
  dirty: boolean;
}

export interface WorkspaceActions {
  /** Open a scenario for editing (adding it to the comparison) and go to the Edit view. */
  open(id: string): Promise<void>;
  addToComparison(id: string): Promise<void>;
  removeFromComparison(id: string): void;
  /** Compare exactly these scenarios, the first as the baseline (at most five). */
  setComparison(ids: string[]): Promise<void>;
  makeBaseline(id: string): void;
  /** Record an edit of the open scenario; `tag` groups a slider drag into one undo step. */
  edit(next: Scenario, tag: string): void;
  undo(): void;
  redo(): void;
  /** Save the open scenario (a read-only built-in is saved as a new scenario). */
  save(): Promise<void>;
  /** Drop the open scenario's unsaved changes. */
  discard(): void;
  refreshList(): Promise<void>;
  go(view: ViewId): void;
  present(): void;
  /** Make the briefing PDF for the compared baseline and up to three options (`analysis:brief`) and download it. */
  exportBriefing(): void;
  /** Stop a briefing being made. */
  cancelBriefing(): void;
  notify(message: string, action?: { label: string; run: () => void }): void;
}

export interface ViewContext {
  api: RendererApi;
  model: ModelDescription;
  /** Every saved and built-in scenario. */
  list: ScenarioSummary[];
  listLoading: boolean;
  /** Baseline first, then up to four options. */
  compareIds: string[];
  /** The scenarios being compared as they run (unsaved edits included), baseline first. */
  items: EvaluateItem[];
  evaluation: Evaluation;
  editing: Editing | null;
  /** Ids of scenarios with unsaved changes. */
  dirtyIds: ReadonlySet<string>;
  /** Source key → citation, for "where does this come from". */
  sources: Record<string, string>;
  actions: WorkspaceActions;
  /** The briefing export's progress or outcome, shown on the Compare view. */
  briefing: BriefingState;
}

export interface ViewDefinition {
  id: ViewId;
  /** The tab's label. */
  label: string;
  component: ComponentType<ViewContext>;
}

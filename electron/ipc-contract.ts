/**
 * THE contract between every front end (Electron preload, browser host's HTTP bridge, command line) and the
 * handlers. Each channel maps to its request and response types; main, preload, renderer and the browser host
 * derive their types from this map, so a missing or extra channel is a compile error.
 *
 * No electron import here, and no runtime code beyond the channel list.
 */
import type { Scenario } from '../scenarios/scenario.js';
import type { MetricInfo, MetricKey, ParameterInfo, ScenarioRun } from '../models/health-care/types.js';
import type {
  BriefRequest,
  BriefResponse,
  CancelRequest,
  CancelResponse,
  UncertaintyReport,
  UncertaintyRequest,
} from './analysis-contract.js';

export type { BriefRequest, BriefResponse, CancelRequest, CancelResponse, UncertaintyReport, UncertaintyRequest };

export interface AppInfo {
  name: string;
  version: string;
  modelVersion: string;
  /** Where the database lives (shown in Help › Where my data lives). */
  databasePath: string;
}

export interface ScenarioSummary {
  id: string;
  name: string;
  description: string;
  form: Scenario['form'];
  tags: string[];
  readOnly: boolean;
  builtIn: boolean;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export interface StoredScenario extends ScenarioSummary {
  scenario: Scenario;
}

export type ImportConflictPolicy = 'fail' | 'copy' | 'replace';

export interface ImportResult {
  imported: StoredScenario[];
  /** Scenarios not imported because one of that name exists (policy `fail`). Nothing was overwritten. */
  conflicts: { name: string; existingId: string }[];
}

export interface ParameterDifference {
  name: string;
  label: string;
  unit: string;
  baseline: number;
  option: number;
  source: string;
  grade: ParameterInfo['grade'];
}

export interface ComparedScenario {
  id: string;
  name: string;
  form: Scenario['form'];
  run: ScenarioRun;
  /** Option metric minus baseline metric (zero for the baseline itself). */
  differences: Record<MetricKey, number>;
  /** First year in which the option's cumulative cost falls below the baseline's and stays there; null if never. */
  breakEvenYear: number | null;
  /** Every parameter whose effective value differs from the baseline's. */
  differingParameters: ParameterDifference[];
}

export interface Comparison {
  baselineId: string;
  scenarios: ComparedScenario[];
}

export interface ModelDescription {
  modelVersion: string;
  parameters: ParameterInfo[];
  metrics: MetricInfo[];
  /** The parameters that differ between the two organisational forms. */
  formDifferences: { name: string; label: string; unit: string; separate: number; combined: number }[];
  /** The whole model documentation as Markdown (`joinedup model doc`). */
  markdown: string;
}

/** Channel → request and response. Requests are validated as `unknown` by the handlers. */
export interface IpcContract {
  'app:info': { request: Record<string, never>; response: AppInfo };

  'scenarios:list': {
    request: { search?: string; tag?: string; includeDeleted?: boolean };
    response: ScenarioSummary[];
  };
  'scenarios:get': { request: { id: string }; response: StoredScenario };
  /** Create (no id) or update (id of a writable scenario). */
  'scenarios:save': { request: { id?: string; scenario: Scenario }; response: StoredScenario };
  'scenarios:duplicate': { request: { id: string; name?: string }; response: StoredScenario };
  'scenarios:rename': { request: { id: string; name: string }; response: StoredScenario };
  /** Soft delete: undone by `scenarios:restore` until the bin is emptied. */
  'scenarios:delete': { request: { id: string }; response: { id: string } };
  'scenarios:restore': { request: { id: string }; response: StoredScenario };
  'scenarios:setNotes': { request: { id: string; notes: string }; response: StoredScenario };
  'scenarios:setTags': { request: { id: string; tags: string[] }; response: StoredScenario };
  /** Import the text of a scenario file (one scenario or `{ scenarios: [...] }`). */
  'scenarios:import': {
    request: { text: string; fileName?: string; onConflict?: ImportConflictPolicy };
    response: ImportResult;
  };
  /** Export one or many scenarios as the text of a scenario file. */
  'scenarios:export': { request: { ids: string[] }; response: { fileName: string; text: string } };

  'model:describe': { request: { model?: string }; response: ModelDescription };
  /** Run a saved scenario (cached by model version and inputs) or an unsaved one. */
  'run:scenario': { request: { id?: string; scenario?: Scenario }; response: ScenarioRun };
  'run:compare': { request: { baselineId: string; optionIds: string[] }; response: Comparison };

  /** Monte Carlo bands, paired comparison, tornado and attribution for an option (and optional baseline). */
  'analysis:uncertainty': { request: UncertaintyRequest; response: UncertaintyReport };
  /** The briefing for saved scenarios: its HTML, and the PDF when the host can print. */
  'analysis:brief': { request: BriefRequest; response: BriefResponse };
  /** Stop a running `analysis:uncertainty` or `analysis:brief` by its `requestId`. */
  'analysis:cancel': { request: CancelRequest; response: CancelResponse };
}

export type Channel = keyof IpcContract;
export type RequestOf<C extends Channel> = IpcContract[C]['request'];
export type ResponseOf<C extends Channel> = IpcContract[C]['response'];

export interface ApiError {
  /** A stable code: 'invalid-request', 'not-found', 'read-only', 'invalid-scenario', 'model-error', 'conflict', 'internal', … */
  code: string;
  message: string;
  /** The field, file, parameter or variable the error is about. */
  where?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What every front end calls: one async method per channel. The preload object `satisfies` this. */
export type RendererApi = { [C in Channel]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>> };

/** The handlers `createHandlers(deps)` returns: one per channel, taking unknown input. */
export type Handlers = { [C in Channel]: (request: unknown) => Promise<Result<ResponseOf<C>>> };

/** Every channel, for code that must enumerate them (registration, preload, HTTP bridge, tests). */
export const CHANNELS = [
  'app:info',
  'scenarios:list',
  'scenarios:get',
  'scenarios:save',
  'scenarios:duplicate',
  'scenarios:rename',
  'scenarios:delete',
  'scenarios:restore',
  'scenarios:setNotes',
  'scenarios:setTags',
  'scenarios:import',
  'scenarios:export',
  'model:describe',
  'run:scenario',
  'run:compare',
  'analysis:uncertainty',
  'analysis:brief',
  'analysis:cancel',
] as const satisfies readonly Channel[];

// A compile error here means CHANNELS and IpcContract disagree.
type MissingChannels = Exclude<Channel, (typeof CHANNELS)[number]>;
const channelsComplete: MissingChannels extends never ? true : MissingChannels = true;
void channelsComplete;

/**
 * Desktop only: commands the native menu (or the operating system, for a file opened with the app) sends to the
 * window. It is one-way, main → window, and carries no reply. The browser host never sends them; the window
 * offers the same actions on screen. The preload adds `onMenuCommand` beside the channel methods; it is the only
 * other thing it exposes.
 *
 * - `new-scenario`, `save`: as the window's own buttons.
 * - `save-as-file`, `export-csv`, `export-chart`, `export-briefing`: the window produces the file's content
 *   (a scenario file through `scenarios:export`, CSV, PNG, the briefing) and hands it to the page as a download;
 *   main then asks where to save it with the native save dialog and checks the extension.
 * - `undo`, `redo`: undo or redo the last edit. When a text field has the focus, the window lets the field's own
 *   undo act instead.
 * - `present`: enter presenting mode.
 * - `scenarios-imported`: main has imported a scenario file (File › Open, a file given on the command line or
 *   opened from the file manager) through `scenarios:import`; `ids` are the imported scenarios, in file order.
 */
export type MenuEvent =
  | { command: 'new-scenario' }
  | { command: 'save' }
  | { command: 'save-as-file' }
  | { command: 'export-csv' }
  | { command: 'export-chart' }
  | { command: 'export-briefing' }
  | { command: 'undo' }
  | { command: 'redo' }
  | { command: 'present' }
  | { command: 'scenarios-imported'; ids: string[] };

export type MenuCommand = MenuEvent['command'];

/** The one IPC channel main uses to send menu events to a window. */
export const MENU_EVENT_CHANNEL = 'menu:event';

/** What the Electron preload exposes as `window.joinedUp`: the API plus the menu subscription. */
export type DesktopBridge = RendererApi & {
  /** Call `listener` for every menu event; returns a function that stops listening. */
  onMenuCommand(listener: (event: MenuEvent) => void): () => void;
};

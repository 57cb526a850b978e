/**
 * The real dependencies of the handlers: the scenario store at the given path (opened, migrated and seeded with the
 * built-in library) and the care model. Shared by the Electron main process, the browser host and the command line.
 * No electron import.
 *
 * Opening is eager, so a damaged or newer database throws a `StoreError` (code `damaged` or `newer-database`)
 * here, where the caller can offer `restoreLastBackup` or `startFresh` (scenarios/store.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as careModel from '../models/health-care/index.js';
import { openStoreWithLibrary, type Library } from '../scenarios/library.js';
import { createAnalysisPool, type AnalysisPool } from './analysis-pool.js';
import { renderPdf as chromiumPdf } from './chromium-pdf.js';
import type { HandlerDeps } from './handlers.js';
import { createModelService } from './model-service.js';

/** Scenarios stay in the bin (restorable) this many days before they are removed for good. */
export const BIN_DAYS = 30;

export interface AppDepsOptions {
  dbPath: string;
  /** The built-in scenario folder (default scenarios/library). */
  libraryDir?: string;
  /**
   * Prints the briefing HTML to PDF. Default: Debian's Chromium through playwright-core (electron/chromium-pdf.ts),
   * for the browser host and the command line; the Electron main process passes its own `printToPDF`.
   */
  renderPdf?: (html: string) => Promise<Uint8Array>;
  /** Worker threads for the analysis channels (default: one per core). The pool starts on first use. */
  analysisThreads?: number;
}

export interface AppDeps extends HandlerDeps {
  /** The built-in library as loaded, with any file errors (each naming its file). */
  library: Library;
  close(): void;
}

export function createAppDeps(options: AppDepsOptions): AppDeps {
  const model = createModelService(careModel);
  const { store, library } = openStoreWithLibrary(options.dbPath, { register: model.parameters, libraryDir: options.libraryDir });
  // Results of other model versions can never be served (the key includes the version); this only frees the space.
  store.pruneRunCache(model.modelVersion);
  store.emptyBin(BIN_DAYS);
  // The analysis pool's workers each load the model (a second or more), so they start only when an analysis runs.
  let pool: AnalysisPool | undefined;
  return {
    app: { name: 'JoinedUp', version: appVersion() },
    databasePath: options.dbPath,
    store: () => store,
    model,
    analysis: {
      executor: () => (pool ??= createAnalysisPool(options.analysisThreads === undefined ? {} : { size: options.analysisThreads })),
      renderPdf: options.renderPdf ?? chromiumPdf,
    },
    library,
    close: () => {
      const running = pool;
      pool = undefined;
      // Workers are unref'd, so an unfinished close never holds the process open.
      if (running) void running.close().catch(() => undefined);
      store.close();
    },
  };
}

/** The version in package.json, found from the source tree or from the built app (dist-electron/electron). */
function appVersion(): string {
  for (const candidate of ['../package.json', '../../package.json']) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (!existsSync(path)) continue;
    try {
      const pkg = JSON.parse(readFileSync(path, 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'joinedup' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // Unreadable: try the next candidate.
    }
  }
  return '0.0.0';
}

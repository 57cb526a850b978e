/**
 * Find a saved scenario by id or by name for commands that take "a file or a saved scenario" (`joinedup compare`).
 */
import type { Scenario } from '../scenarios/scenario.js';
import { openStoreWithLibrary } from '../scenarios/library.js';
import { resolveDatabasePath } from '../scenarios/paths.js';
import { StoreError, type ScenarioStore } from '../scenarios/store.js';

export interface SavedScenarioOptions {
  /** The `--db` path, if given; otherwise `JOINEDUP_DB`, otherwise the user data folder. */
  db?: string;
  env: Record<string, string | undefined>;
}

/**
 * The saved scenario whose id is `nameOrId`, or else the one (not in the bin) whose name matches ignoring case.
 * Throws a `StoreError` whose message names the database when none or several match.
 */
export function resolveSavedScenario(nameOrId: string, options: SavedScenarioOptions): Scenario {
  const path = resolveDatabasePath({ db: options.db, env: options.env });
  const { store } = openStoreWithLibrary(path);
  try {
    return findSaved(store, nameOrId).scenario;
  } finally {
    store.close();
  }
}

/** The stored scenario with this id, or the single one with this name. */
export function findSaved(store: ScenarioStore, nameOrId: string) {
  try {
    return store.get(nameOrId);
  } catch (err) {
    if (!(err instanceof StoreError) || err.code !== 'not-found') throw err;
  }
  const matches = store.findByName(nameOrId);
  if (matches.length === 1) return store.get(matches[0].id);
  if (matches.length === 0) {
    throw new StoreError('not-found', `no saved scenario named or with id ${JSON.stringify(nameOrId)} in ${store.path}`, nameOrId);
  }
  throw new StoreError(
    'ambiguous',
    `${matches.length} saved scenarios are named ${JSON.stringify(nameOrId)} in ${store.path} (ids ${matches.map((m) => m.id).join(', ')}); give an id instead`,
    nameOrId,
  );
}

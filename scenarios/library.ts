/**
 * The built-in scenarios: `scenarios/library/*.json`, each a scenario file checked by the same parser as any other.
 * A file's name (without `.json`) is its stable key, so the store can seed them once and update them in later
 * releases.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParameterInfo } from '../models/health-care/types.js';
import { parseScenarioText, type ParseError } from './parse.js';
import { openStore, type BuiltInScenario, type OpenStoreOptions, type ScenarioStore } from './store.js';

/** The folder of built-in scenario files shipped with the app. */
export const LIBRARY_DIR = fileURLToPath(new URL('./library/', import.meta.url));

export interface Library {
  scenarios: BuiltInScenario[];
  /** Errors in library files, each naming its file; those files are left out. */
  errors: ParseError[];
  warnings: string[];
}

/** Read and check every `*.json` file in `dir`, in name order. */
export function loadLibrary(dir: string = LIBRARY_DIR, register?: readonly ParameterInfo[]): Library {
  const library: Library = { scenarios: [], errors: [], warnings: [] };
  if (!existsSync(dir)) return library;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const parsed = parseScenarioText(readFileSync(join(dir, file), 'utf8'), file, register);
    if (parsed.ok) {
      library.scenarios.push({ key: file.replace(/\.json$/, ''), scenario: parsed.scenario });
      library.warnings.push(...parsed.warnings.map((w) => `${file}: ${w}`));
    } else library.errors.push(...parsed.errors);
  }
  return library;
}

/** Open the store at `path` and seed (or update) the built-in scenarios from the library. */
export function openStoreWithLibrary(
  path: string,
  options: OpenStoreOptions & { libraryDir?: string } = {},
): { store: ScenarioStore; library: Library } {
  const store = openStore(path, options);
  try {
    const library = loadLibrary(options.libraryDir, options.register);
    store.seedBuiltIns(library.scenarios);
    return { store, library };
  } catch (err) {
    store.close();
    throw err;
  }
}

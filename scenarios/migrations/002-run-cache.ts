import type { Migration } from './index.js';

/** Cached run results, keyed by a hash of the model version and the scenario's inputs; and store metadata. */
export const migration002: Migration = {
  version: 2,
  name: 'run-cache',
  up(db) {
    db.exec(`
      CREATE TABLE run_cache (
        key TEXT PRIMARY KEY,
        model_version TEXT NOT NULL,
        created_at TEXT NOT NULL,
        result_json TEXT NOT NULL
      );
      CREATE INDEX run_cache_by_model ON run_cache (model_version);
      CREATE TABLE store_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `);
  },
};

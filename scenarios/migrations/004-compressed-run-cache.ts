import type { Migration } from './index.js';

/**
 * Cached runs stored deflated (a ten-year daily run is about 600 kB of JSON, 300 kB deflated). The cache only saves
 * time, so the old table is dropped rather than converted.
 */
export const migration004: Migration = {
  version: 4,
  name: 'compressed-run-cache',
  up(db) {
    db.exec(`
      DROP TABLE run_cache;
      CREATE TABLE run_cache (
        key TEXT PRIMARY KEY,
        model_version TEXT NOT NULL,
        created_at TEXT NOT NULL,
        result BLOB NOT NULL
      );
      CREATE INDEX run_cache_by_model ON run_cache (model_version);
      CREATE INDEX run_cache_by_age ON run_cache (created_at);
    `);
  },
};

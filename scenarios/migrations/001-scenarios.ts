import type { Migration } from './index.js';

/** Saved scenarios, their tags, and the migration log. */
export const migration001: Migration = {
  version: 1,
  name: 'scenarios',
  up(db) {
    db.exec(`
      CREATE TABLE schema_migrations (
        version INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        applied_at TEXT NOT NULL
      );
      CREATE TABLE scenarios (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        description TEXT NOT NULL,
        form TEXT NOT NULL,
        tags_json TEXT NOT NULL,
        notes TEXT NOT NULL,
        body_json TEXT NOT NULL,
        read_only INTEGER NOT NULL DEFAULT 0,
        built_in_key TEXT UNIQUE,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      );
      CREATE INDEX scenarios_by_name ON scenarios (name COLLATE NOCASE);
      CREATE TABLE scenario_tags (
        scenario_id TEXT NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        PRIMARY KEY (scenario_id, tag)
      ) WITHOUT ROWID;
      CREATE INDEX scenario_tags_by_tag ON scenario_tags (tag COLLATE NOCASE);
    `);
  },
};

import type { Migration } from './index.js';

/**
 * A covering index in list order with every summary column, so listing thousands of scenarios reads only the
 * index, never the scenario bodies and notes stored in the table.
 */
export const migration003: Migration = {
  version: 3,
  name: 'list-index',
  up(db) {
    db.exec(`
      CREATE INDEX scenarios_summary ON scenarios (
        (built_in_key IS NULL), name COLLATE NOCASE, id,
        description, form, tags_json, read_only, built_in_key, created_at, updated_at, deleted_at
      );
    `);
  },
};

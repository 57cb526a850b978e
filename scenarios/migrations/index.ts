/**
 * Forward-only, numbered schema migrations. The database's `PRAGMA user_version` is the number of the last one
 * applied; `schema_migrations` records when each ran. A migration is never edited once released: a change is a
 * new, higher-numbered migration.
 */
import type Database from 'better-sqlite3';
import { migration001 } from './001-scenarios.js';
import { migration002 } from './002-run-cache.js';
import { migration003 } from './003-list-index.js';
import { migration004 } from './004-compressed-run-cache.js';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004];

/** The schema version this code writes. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/**
 * Apply every migration newer than the database's `user_version`, each in its own transaction together with its
 * log row and the version bump, so a crash leaves the database at one version or the next, never between.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS, now: () => Date = () => new Date()): number[] {
  const applied: number[] = [];
  for (const m of migrations) {
    // IMMEDIATE takes the write lock first, and the version is read again under it, so two processes opening a
    // new database at once (the app and the command line) apply each migration exactly once.
    const ran = db
      .transaction(() => {
        if ((db.pragma('user_version', { simple: true }) as number) >= m.version) return false;
        m.up(db);
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, now().toISOString());
        db.pragma(`user_version = ${Math.trunc(m.version)}`);
        return true;
      })
      .immediate();
    if (ran) applied.push(m.version);
  }
  return applied;
}

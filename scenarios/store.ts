/**
 * The saved-scenario store: one SQLite file (better-sqlite3, WAL mode, synchronous FULL), so a saved scenario
 * survives a crash or power cut the moment `save` returns. Every write is one transaction. The schema moves forward
 * through numbered migrations (`./migrations/`), with a copy of the file taken before any migration; a database made
 * by a newer JoinedUp is refused, and a damaged file is reported by name with two ways out (`restoreLastBackup`,
 * `startFresh`) that never delete it.
 *
 * Scenarios are validated on the way in (`parseScenario`) and rebuilt on the way out, so the store never holds or
 * hands out anything the scenario parser would refuse.
 */
import Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readSync, readdirSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ImportConflictPolicy, ImportResult, ScenarioSummary, StoredScenario } from '../electron/ipc-contract.js';
import type { ParameterInfo, ScenarioRun } from '../models/health-care/types.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrate } from './migrations/index.js';
import { formatParseErrors, formatScenarioFile, parseScenario, type ParseError } from './parse.js';
import type { Scenario } from './scenario.js';

export type StoreErrorCode =
  | 'damaged'
  | 'unavailable'
  | 'newer-database'
  | 'no-backup'
  | 'not-found'
  | 'read-only'
  | 'deleted'
  | 'ambiguous'
  | 'invalid-scenario';

/** A store failure with a stable code, the thing it is about (`where`) and, for invalid scenarios, every error. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly where?: string,
    readonly errors: ParseError[] = [],
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export interface ListQuery {
  /** Matches name, description, notes and tags, ignoring case. */
  search?: string;
  /** Only scenarios carrying this tag (ignoring case). */
  tag?: string;
  /** Include scenarios in the bin (their `deletedAt` is set). */
  includeDeleted?: boolean;
}

export interface OpenStoreOptions {
  /** The parameter register scenarios are checked against (the care model's PARAMETERS). */
  register?: readonly ParameterInfo[];
  /** Clock, for tests of the bin. */
  now?: () => Date;
  /** Keep a daily copy of the file for `restoreLastBackup` (default true). */
  dailyBackup?: boolean;
}

/** A built-in scenario to seed: `key` is stable across releases (the library file's name). */
export interface BuiltInScenario {
  key: string;
  scenario: Scenario;
}

const BACKUP_KEEP = 5;
const LIST_CACHE_QUERIES = 32;
/** Cached runs kept (newest first); about 300 kB each. */
const RUN_CACHE_KEEP = 64;
const DAY_MS = 86_400_000;
const SQLITE_HEADER = 'SQLite format 3\u0000';

interface Row {
  id: string;
  name: string;
  description: string;
  form: string;
  tags_json: string;
  notes: string;
  body_json: string;
  read_only: number;
  built_in_key: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

type SummaryRow = Omit<Row, 'body_json' | 'notes'>;

const SUMMARY_COLUMNS = 'id, name, description, form, tags_json, read_only, built_in_key, created_at, updated_at, deleted_at';

/** Open (creating, migrating and checking as needed) the store at `path`. Throws `StoreError` naming the file. */
export function openStore(path: string, options: OpenStoreOptions = {}): ScenarioStore {
  return new ScenarioStore(path, options);
}

export class ScenarioStore {
  readonly path: string;
  /** The schema version the file was at when opened, before migrations. */
  readonly openedAtVersion: number;
  /** Backup copies made while opening (before migrations, or the daily copy). */
  readonly backupsMade: string[] = [];
  private readonly db: Database.Database;
  private readonly register?: readonly ParameterInfo[];
  private readonly now: () => Date;
  private readonly stmts: ReturnType<typeof prepare>;
  private readonly listCache = new Map<string, ScenarioSummary[]>();
  private listStamp = '';

  constructor(path: string, options: OpenStoreOptions = {}) {
    this.path = path;
    this.register = options.register;
    this.now = options.now ?? (() => new Date());
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (err) {
      throw new StoreError('unavailable', `Cannot create the folder for the scenario database ${path}: ${(err as Error).message}`, path);
    }
    checkHeader(path);
    let db: Database.Database | undefined;
    try {
      db = new Database(path);
      db.pragma('busy_timeout = 5000');
      const mode = db.pragma('journal_mode = WAL', { simple: true });
      if (mode !== 'wal') throw new Error(`could not switch to WAL mode (got ${String(mode)})`);
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new StoreError('damaged', damagedMessage(path, String(check)), path);
    } catch (err) {
      db?.close();
      throw asDamaged(err, path);
    }
    this.db = db;
    try {
      const version = db.pragma('user_version', { simple: true }) as number;
      this.openedAtVersion = version;
      if (version > LATEST_SCHEMA_VERSION) {
        throw new StoreError(
          'newer-database',
          `${path} was made by a newer version of JoinedUp (database schema ${version}; this version understands up to ${LATEST_SCHEMA_VERSION}). ` +
            'Update JoinedUp to open it; the file has not been changed.',
          path,
        );
      }
      if (version < LATEST_SCHEMA_VERSION) {
        if (version > 0) this.backupsMade.push(this.backup(version));
        migrate(db, MIGRATIONS, this.now);
      } else if (options.dailyBackup !== false) {
        const newest = listBackups(path)[0];
        if (!newest || this.now().getTime() - backupTime(newest) > DAY_MS) {
          this.backupsMade.push(this.backup(version));
          pruneBackups(path);
        }
      }
    } catch (err) {
      db.close();
      throw err instanceof StoreError ? err : asDamaged(err, path);
    }
    this.stmts = prepare(db);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** The schema version of the open file (always the latest once opened). */
  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  /** Check the whole file; `ok` when sound. */
  integrityCheck(): string {
    return String(this.db.pragma('integrity_check', { simple: true }));
  }

  // ------------------------------------------------------------------------------------------------------------
  // Reading

  /**
   * Summaries, built-in first, then by name. Results are kept per query until the data changes: this connection's
   * own writes move `total_changes()`, another process's commits move `PRAGMA data_version`, and either empties the
   * cache. The summaries are frozen, as they are shared between calls.
   */
  list(query: ListQuery = {}): ScenarioSummary[] {
    const search = query.search?.trim() ? `%${escapeLike(query.search.trim())}%` : null;
    const tag = query.tag?.trim() ? query.tag.trim() : null;
    const stamp = `${String(this.stmts.dataVersion.get())}:${String(this.stmts.totalChanges.get())}`;
    if (stamp !== this.listStamp) {
      this.listCache.clear();
      this.listStamp = stamp;
    }
    const key = JSON.stringify([search, tag, query.includeDeleted === true]);
    let cached = this.listCache.get(key);
    if (!cached) {
      // Raw rows (arrays) cost far less to build than row objects when listing thousands.
      const includeDeleted = query.includeDeleted ? 1 : 0;
      const rows = (search === null ? this.stmts.list.all({ includeDeleted, tag }) : this.stmts.search.all({ includeDeleted, tag, search })) as RawSummaryRow[];
      cached = rows.map(rawToSummary);
      if (this.listCache.size >= LIST_CACHE_QUERIES) this.listCache.clear();
      this.listCache.set(key, cached);
    }
    return cached.slice();
  }

  /** A scenario by id, including one in the bin (its `deletedAt` is set). */
  get(id: string): StoredScenario {
    return this.toStored(this.row(id));
  }

  /** Scenarios not in the bin whose name equals `name`, ignoring case. */
  findByName(name: string): ScenarioSummary[] {
    return (this.stmts.byName.all(name.trim()) as SummaryRow[]).map(toSummary);
  }

  // ------------------------------------------------------------------------------------------------------------
  // Writing: each public method is one transaction

  /** Create (no id) or update (the id of a writable scenario not in the bin). */
  save(scenario: Scenario, id?: string): StoredScenario {
    const valid = this.validate(scenario);
    return this.db.transaction(() => {
      if (id === undefined) return this.get(this.insert(valid, null, false));
      this.writable(this.row(id));
      this.update(id, valid);
      return this.get(id);
    }).immediate();
  }

  duplicate(id: string, name?: string): StoredScenario {
    return this.db.transaction(() => {
      const source = this.get(id);
      const copy = this.validate({ ...source.scenario, name: name ?? this.uniqueName(`${source.name} (copy)`) });
      return this.get(this.insert(copy, null, false));
    }).immediate();
  }

  rename(id: string, name: string): StoredScenario {
    return this.edit(id, (s) => ({ ...s, name }));
  }

  setNotes(id: string, notes: string): StoredScenario {
    return this.edit(id, (s) => ({ ...s, notes }));
  }

  setTags(id: string, tags: string[]): StoredScenario {
    return this.edit(id, (s) => ({ ...s, tags }));
  }

  /** Move to the bin; `restore` undoes it until the bin is emptied. Deleting what is already in the bin is a no-op. */
  delete(id: string): { id: string } {
    this.db.transaction(() => {
      const row = this.row(id);
      if (row.deleted_at === null) this.stmts.setDeleted.run({ id, deletedAt: this.now().toISOString() });
    }).immediate();
    return { id };
  }

  restore(id: string): StoredScenario {
    return this.db.transaction(() => {
      this.row(id);
      this.stmts.setDeleted.run({ id, deletedAt: null });
      return this.get(id);
    }).immediate();
  }

  /**
   * Remove for good the scenarios put in the bin more than `olderThanDays` days ago. Built-in scenarios are never
   * removed (they stay in the bin). Returns how many were removed.
   */
  emptyBin(olderThanDays: number): number {
    if (!Number.isFinite(olderThanDays) || olderThanDays < 0) throw new RangeError('olderThanDays must be a number of days, 0 or more');
    const cutoff = new Date(this.now().getTime() - olderThanDays * DAY_MS).toISOString();
    return this.db.transaction(() => this.stmts.purge.run(cutoff).changes).immediate();
  }

  /**
   * Import scenarios in one transaction. A scenario whose name is already used (by one not in the bin) is never
   * overwritten silently: `fail` reports it as a conflict, `copy` imports it under a free name, `replace` updates
   * the existing one (unless it is read-only, which is reported as a conflict).
   */
  import(scenarios: readonly Scenario[], policy: ImportConflictPolicy = 'fail'): ImportResult {
    const valid = scenarios.map((s, i) => this.validate(s, `scenarios[${i}]`));
    return this.db.transaction(() => {
      const result: ImportResult = { imported: [], conflicts: [] };
      for (const scenario of valid) {
        const existing = this.stmts.byName.get(scenario.name) as SummaryRow | undefined;
        if (!existing) {
          result.imported.push(this.get(this.insert(scenario, null, false)));
        } else if (policy === 'copy') {
          result.imported.push(this.get(this.insert({ ...scenario, name: this.uniqueName(scenario.name) }, null, false)));
        } else if (policy === 'replace' && existing.read_only === 0) {
          this.update(existing.id, scenario);
          result.imported.push(this.get(existing.id));
        } else {
          result.conflicts.push({ name: scenario.name, existingId: existing.id });
        }
      }
      return result;
    }).immediate();
  }

  /** The text of a scenario file holding the given scenarios (one scenario, or a set for several). */
  export(ids: readonly string[]): { fileName: string; text: string } {
    if (ids.length === 0) throw new StoreError('not-found', 'no scenarios to export', 'ids');
    const stored = ids.map((id) => this.get(id));
    const fileName = stored.length === 1 ? `${slug(stored[0].name)}.joinedup.json` : `joinedup-scenarios-${stored.length}.json`;
    return { fileName, text: formatScenarioFile(stored.map((s) => s.scenario)) };
  }

  /**
   * Add the built-in scenarios that are missing, read-only, and bring changed ones up to date (they cannot have
   * been edited, being read-only). Returns how many were added or updated.
   */
  seedBuiltIns(builtIns: readonly BuiltInScenario[]): number {
    const valid = builtIns.map((b) => ({ key: b.key, scenario: this.validate(b.scenario, b.key) }));
    return this.db.transaction(() => {
      let changed = 0;
      for (const { key, scenario } of valid) {
        const row = this.stmts.byBuiltInKey.get(key) as Row | undefined;
        if (!row) {
          this.insert(scenario, key, true);
          changed++;
        } else if (row.body_json !== JSON.stringify(scenario)) {
          this.update(row.id, scenario);
          changed++;
        }
      }
      return changed;
    }).immediate();
  }

  // ------------------------------------------------------------------------------------------------------------
  // Run cache

  /** The cached run for this key and model version, if any. An unreadable entry counts as a miss. */
  getCachedRun(key: string, modelVersion: string): ScenarioRun | undefined {
    const row = this.stmts.getRun.get(key, modelVersion) as { result: Buffer } | undefined;
    if (!row) return undefined;
    try {
      return JSON.parse(inflateSync(row.result).toString('utf8')) as ScenarioRun;
    } catch {
      return undefined;
    }
  }

  putCachedRun(key: string, modelVersion: string, run: ScenarioRun): void {
    // Level 1: nearly the size of the best level, at half the time.
    const result = deflateSync(JSON.stringify(run), { level: 1 });
    this.db.transaction(() => {
      this.stmts.putRun.run(key, modelVersion, this.now().toISOString(), result);
      this.stmts.trimRuns.run(RUN_CACHE_KEEP);
    }).immediate();
  }

  /** Drop cached runs of any other model version. Returns how many were dropped. */
  pruneRunCache(currentModelVersion: string): number {
    return this.db.transaction(() => this.stmts.pruneRuns.run(currentModelVersion).changes).immediate();
  }

  // ------------------------------------------------------------------------------------------------------------
  // Internals

  private validate(scenario: Scenario, where?: string): Scenario {
    const parsed = parseScenario(scenario, undefined, this.register);
    if (!parsed.ok) {
      const errors = where ? parsed.errors.map((e) => ({ ...e, where: `${where}.${e.where}` })) : parsed.errors;
      throw new StoreError('invalid-scenario', formatParseErrors(errors), errors[0]?.where, errors);
    }
    return parsed.scenario;
  }

  private row(id: string): Row {
    const row = this.stmts.get.get(id) as Row | undefined;
    if (!row) throw new StoreError('not-found', `no saved scenario with id ${JSON.stringify(id)}`, 'id');
    return row;
  }

  private writable(row: Row): void {
    if (row.read_only) {
      throw new StoreError('read-only', `"${row.name}" is a built-in scenario and cannot be changed; duplicate it to edit a copy`, 'id');
    }
    if (row.deleted_at !== null) {
      throw new StoreError('deleted', `"${row.name}" is in the bin; restore it before changing it`, 'id');
    }
  }

  private edit(id: string, change: (s: Scenario) => Scenario): StoredScenario {
    return this.db.transaction(() => {
      const row = this.row(id);
      this.writable(row);
      this.update(id, this.validate(change(this.toStored(row).scenario)));
      return this.get(id);
    }).immediate();
  }

  private insert(scenario: Scenario, builtInKey: string | null, readOnly: boolean): string {
    const id = builtInKey ? `builtin-${builtInKey}` : randomUUID();
    const at = this.now().toISOString();
    this.stmts.insert.run({ ...columns(scenario), id, readOnly: readOnly ? 1 : 0, builtInKey, createdAt: at, updatedAt: at });
    this.writeTags(id, scenario.tags);
    return id;
  }

  private update(id: string, scenario: Scenario): void {
    this.stmts.update.run({ ...columns(scenario), id, updatedAt: this.now().toISOString() });
    this.writeTags(id, scenario.tags);
  }

  private writeTags(id: string, tags: readonly string[]): void {
    this.stmts.deleteTags.run(id);
    for (const tag of tags) this.stmts.insertTag.run(id, tag);
  }

  /** `base`, or `base (2)`, `base (3)`, … whichever is not used by a scenario outside the bin. */
  private uniqueName(base: string): string {
    if (!this.stmts.byName.get(base)) return base;
    for (let n = 2; ; n++) {
      const candidate = `${base} (${n})`;
      if (!this.stmts.byName.get(candidate)) return candidate;
    }
  }

  private toStored(row: Row): StoredScenario {
    // Rebuilt through the parser so an older stored format version is upgraded on the way out.
    const parsed = parseScenario(JSON.parse(row.body_json) as unknown);
    if (!parsed.ok) {
      throw new StoreError('damaged', `saved scenario ${row.id} in ${this.path} is unreadable: ${formatParseErrors(parsed.errors)}`, row.id);
    }
    return { ...toSummary(row), scenario: parsed.scenario };
  }

  /** A consistent copy of the database, written under a temporary name and renamed, so a crash never leaves a partial backup. */
  private backup(version: number): string {
    const target = `${this.path}.backup-v${version}-${stamp(this.now())}`;
    const partial = `${target}.partial`;
    if (existsSync(partial)) unlinkSync(partial);
    this.db.prepare('VACUUM INTO ?').run(partial);
    renameSync(partial, target);
    return target;
  }
}

function prepare(db: Database.Database) {
  return {
    // Without a text search the list reads only the covering index `scenarios_summary` (migration 3).
    list: db
      .prepare(
        `
      SELECT ${SUMMARY_COLUMNS} FROM scenarios
      WHERE (deleted_at IS NULL OR @includeDeleted = 1)
        AND (@tag IS NULL OR id IN (SELECT scenario_id FROM scenario_tags WHERE tag = @tag COLLATE NOCASE))
      ORDER BY built_in_key IS NULL, name COLLATE NOCASE, id`,
      )
      .raw(true),
    search: db
      .prepare(
        `
      SELECT ${SUMMARY_COLUMNS} FROM scenarios
      WHERE (deleted_at IS NULL OR @includeDeleted = 1)
        AND (@tag IS NULL OR id IN (SELECT scenario_id FROM scenario_tags WHERE tag = @tag COLLATE NOCASE))
        AND (name LIKE @search ESCAPE '\\' OR description LIKE @search ESCAPE '\\'
             OR notes LIKE @search ESCAPE '\\' OR tags_json LIKE @search ESCAPE '\\')
      ORDER BY built_in_key IS NULL, name COLLATE NOCASE, id`,
      )
      .raw(true),
    dataVersion: db.prepare('PRAGMA data_version').pluck(),
    totalChanges: db.prepare('SELECT total_changes()').pluck(),
    get: db.prepare('SELECT * FROM scenarios WHERE id = ?'),
    byName: db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM scenarios WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL ORDER BY created_at, id`),
    byBuiltInKey: db.prepare('SELECT * FROM scenarios WHERE built_in_key = ?'),
    insert: db.prepare(`
      INSERT INTO scenarios (id, name, description, form, tags_json, notes, body_json, read_only, built_in_key, created_at, updated_at, deleted_at)
      VALUES (@id, @name, @description, @form, @tagsJson, @notes, @bodyJson, @readOnly, @builtInKey, @createdAt, @updatedAt, NULL)`),
    update: db.prepare(`
      UPDATE scenarios SET name = @name, description = @description, form = @form, tags_json = @tagsJson, notes = @notes,
        body_json = @bodyJson, updated_at = @updatedAt WHERE id = @id`),
    setDeleted: db.prepare('UPDATE scenarios SET deleted_at = @deletedAt WHERE id = @id'),
    purge: db.prepare('DELETE FROM scenarios WHERE deleted_at IS NOT NULL AND deleted_at < ? AND built_in_key IS NULL'),
    deleteTags: db.prepare('DELETE FROM scenario_tags WHERE scenario_id = ?'),
    insertTag: db.prepare('INSERT OR IGNORE INTO scenario_tags (scenario_id, tag) VALUES (?, ?)'),
    getRun: db.prepare('SELECT result FROM run_cache WHERE key = ? AND model_version = ?'),
    putRun: db.prepare('INSERT OR REPLACE INTO run_cache (key, model_version, created_at, result) VALUES (?, ?, ?, ?)'),
    trimRuns: db.prepare('DELETE FROM run_cache WHERE key NOT IN (SELECT key FROM run_cache ORDER BY created_at DESC LIMIT ?)'),
    pruneRuns: db.prepare('DELETE FROM run_cache WHERE model_version != ?'),
  };
}

function columns(s: Scenario) {
  return {
    name: s.name,
    description: s.description,
    form: s.form,
    tagsJson: JSON.stringify(s.tags),
    notes: s.notes,
    bodyJson: JSON.stringify(s),
  };
}

/** A summary row in `SUMMARY_COLUMNS` order. */
type RawSummaryRow = [string, string, string, string, string, number, string | null, string, string, string | null];

function rawToSummary(r: RawSummaryRow): ScenarioSummary {
  return Object.freeze({
    id: r[0],
    name: r[1],
    description: r[2],
    form: r[3] as ScenarioSummary['form'],
    tags: Object.freeze(JSON.parse(r[4]) as string[]) as string[],
    readOnly: r[5] === 1,
    builtIn: r[6] !== null,
    createdAt: r[7],
    updatedAt: r[8],
    deletedAt: r[9],
  });
}

function toSummary(row: SummaryRow): ScenarioSummary {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    form: row.form as ScenarioSummary['form'],
    tags: JSON.parse(row.tags_json) as string[],
    readOnly: row.read_only === 1,
    builtIn: row.built_in_key !== null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Run cache keys

/**
 * The run-cache key: a hash of the model version and every scenario input that changes a run (not its name,
 * description, notes or tags), so a renamed scenario reuses its result and a new model version never does.
 */
export function runCacheKey(modelVersion: string, scenario: Scenario): string {
  const parameters = Object.keys(scenario.parameters)
    .sort()
    .map((name) => [name, scenario.parameters[name]]);
  const inputs = [modelVersion, scenario.model, scenario.form, parameters, scenario.startDate, scenario.horizonYears, scenario.discountRate];
  return createHash('sha256').update(JSON.stringify(inputs)).digest('hex');
}

// ---------------------------------------------------------------------------------------------------------------
// Damaged files, backups and recovery

function damagedMessage(path: string, detail: string): string {
  return (
    `The scenario database ${path} is damaged or is not a JoinedUp database (${detail}). ` +
    'You can restore the last backup or start a fresh database; the damaged file is kept either way.'
  );
}

/** Refuse early a file that is not SQLite at all or too short to be one (SQLite would otherwise treat some as empty). */
function checkHeader(path: string): void {
  try {
    readHeader(path);
  } catch (err) {
    if (err instanceof StoreError) throw err;
    throw new StoreError('unavailable', `Cannot read the scenario database ${path}: ${(err as Error).message}`, path);
  }
}

function readHeader(path: string): void {
  if (!existsSync(path)) return;
  const size = statSync(path).size;
  if (size === 0) return;
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 100) throw new StoreError('damaged', damagedMessage(path, `the file is truncated: ${size} bytes`), path);
  if (header.toString('latin1', 0, 16) !== SQLITE_HEADER) {
    throw new StoreError('damaged', damagedMessage(path, 'not an SQLite file'), path);
  }
  const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
  const pages = header.readUInt32BE(28);
  // The header's page count is valid when the change counters agree (SQLite's own rule); then a shorter file is truncated.
  if (header.readUInt32BE(24) === header.readUInt32BE(92) && pages > 0 && size < pages * pageSize && !existsSync(`${path}-wal`)) {
    throw new StoreError('damaged', damagedMessage(path, `the file is truncated: ${size} bytes, expected ${pages * pageSize}`), path);
  }
}

function asDamaged(err: unknown, path: string): StoreError {
  if (err instanceof StoreError) return err;
  const e = err as { code?: string; message?: string };
  const detail = e?.message ?? String(err);
  if (typeof e?.code === 'string' && /^SQLITE_(NOTADB|CORRUPT)/.test(e.code)) return new StoreError('damaged', damagedMessage(path, detail), path);
  // Not damage (permissions, a full disk, a lock held too long): recovery by renaming the file would not help.
  return new StoreError('unavailable', `Could not open the scenario database ${path}: ${detail}`, path);
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

const BACKUP_NAME = /\.backup-v(\d+)-(\d{8}T\d{9}Z)$/;

function backupTime(file: string): number {
  const m = BACKUP_NAME.exec(file);
  if (!m) return 0;
  const s = m[2];
  return Date.parse(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`);
}

/** Backup copies of the database at `dbPath`, newest first. */
export function listBackups(dbPath: string): string[] {
  const dir = dirname(dbPath);
  const prefix = `${basename(dbPath)}.backup-v`;
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && BACKUP_NAME.test(f))
    .map((f) => join(dir, f))
    .sort((a, b) => backupTime(b) - backupTime(a));
}

function pruneBackups(dbPath: string): void {
  for (const old of listBackups(dbPath).slice(BACKUP_KEEP)) unlinkSync(old);
  // Left by a backup interrupted by a crash.
  const dir = dirname(dbPath);
  const prefix = `${basename(dbPath)}.backup-v`;
  for (const f of readdirSync(dir)) {
    if (f.startsWith(prefix) && f.endsWith('.partial')) unlinkSync(join(dir, f));
  }
}

/** Rename the database file (and its WAL and shared-memory files) aside; returns the new name, or null if absent. */
function moveAside(dbPath: string, now: Date): string | null {
  if (!existsSync(dbPath)) return null;
  const aside = `${dbPath}.damaged-${stamp(now)}`;
  renameSync(dbPath, aside);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(dbPath + suffix)) renameSync(dbPath + suffix, aside + suffix);
  }
  return aside;
}

/**
 * Put the newest backup in place of a damaged database. The damaged file is renamed aside
 * (`<db>.damaged-<time>`), never deleted. Open the store again afterwards.
 */
export function restoreLastBackup(dbPath: string, now: Date = new Date()): { restoredFrom: string; damagedMovedTo: string | null } {
  // The newest backup that is at least a whole SQLite file (a copy can itself be damaged).
  const newest = listBackups(dbPath).find((file) => {
    try {
      checkHeader(file);
      return statSync(file).size > 0;
    } catch {
      return false;
    }
  });
  if (!newest) throw new StoreError('no-backup', `there is no usable backup of ${dbPath} to restore`, dbPath);
  const damagedMovedTo = moveAside(dbPath, now);
  copyFileSync(newest, dbPath);
  return { restoredFrom: newest, damagedMovedTo };
}

/** Rename a damaged database aside (never deleting it) so the next open starts an empty one. */
export function startFresh(dbPath: string, now: Date = new Date()): { damagedMovedTo: string | null } {
  return { damagedMovedTo: moveAside(dbPath, now) };
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'scenario'
  );
}

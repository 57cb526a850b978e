import Database from 'better-sqlite3';
import { existsSync, readFileSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParameterInfo } from '../../models/health-care/types.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrate } from '../../scenarios/migrations/index.js';
import { listBackups, openStore, restoreLastBackup, runCacheKey, startFresh, StoreError } from '../../scenarios/store.js';
import { scenario, useTempDir } from './helpers.js';

const tempDir = useTempDir();
const register: ParameterInfo[] = [
  {
    name: 'acute_beds', label: 'Acute beds', value: 1100, unit: 'beds', bounds: { min: 0, max: 10000 },
    range: { low: 900, mode: 1100, high: 1300 }, source: 'S41a', grade: 'sourced', description: '', group: 'capacity',
  },
];

function fresh(options: Parameters<typeof openStore>[1] = {}) {
  const path = join(tempDir(), 'joinedup.db');
  return openStore(path, { register, ...options });
}

function storeError(fn: () => unknown): StoreError {
  try {
    fn();
  } catch (err) {
    if (err instanceof StoreError) return err;
    throw err;
  }
  throw new Error('expected a StoreError');
}

describe('scenario store', () => {
  it('opens in WAL mode at the latest schema', () => {
    const store = fresh();
    expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    const db = new Database(store.path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    store.close();
  });

  it('creates, gets, updates and keeps created and updated times', () => {
    let t = Date.parse('2026-01-01T00:00:00Z');
    const store = fresh({ now: () => new Date(t) });
    const a = store.save(scenario('Option A', { parameters: { acute_beds: 1000 }, tags: ['draft'] }));
    expect(a).toMatchObject({ name: 'Option A', tags: ['draft'], readOnly: false, builtIn: false, deletedAt: null });
    expect(store.get(a.id).scenario.parameters).toEqual({ acute_beds: 1000 });
    t += 60_000;
    const b = store.save({ ...a.scenario, description: 'changed' }, a.id);
    expect(b.id).toBe(a.id);
    expect(b.description).toBe('changed');
    expect(b.createdAt).toBe(a.createdAt);
    expect(Date.parse(b.updatedAt)).toBe(t);
    store.close();
  });

  it('refuses an invalid scenario and writes nothing', () => {
    const store = fresh();
    const e = storeError(() => store.save(scenario('Bad', { parameters: { acute_beds: -5 } })));
    expect(e.code).toBe('invalid-scenario');
    expect(e.where).toBe('parameters.acute_beds');
    expect(store.list()).toEqual([]);
    store.close();
  });

  it('lists with search by name, text and tag', () => {
    const store = fresh();
    store.save(scenario('Combined fast', { tags: ['Workshop'], notes: 'from March' }));
    store.save(scenario('Separate slow', { description: 'the 100% baseline' }));
    store.save(scenario('Other'));
    expect(store.list().map((s) => s.name)).toEqual(['Combined fast', 'Other', 'Separate slow']);
    expect(store.list({ search: 'SLOW' }).map((s) => s.name)).toEqual(['Separate slow']);
    expect(store.list({ search: 'march' }).map((s) => s.name)).toEqual(['Combined fast']);
    expect(store.list({ search: '100%' }).map((s) => s.name)).toEqual(['Separate slow']);
    expect(store.list({ search: '_' })).toEqual([]);
    expect(store.list({ tag: 'workshop' }).map((s) => s.name)).toEqual(['Combined fast']);
    expect(store.list({ search: 'workshop' }).map((s) => s.name)).toEqual(['Combined fast']);
    store.close();
  });

  it('a list sees writes made through another connection (another process)', () => {
    const a = fresh();
    const b = openStore(a.path, { register });
    expect(a.list()).toEqual([]);
    const saved = b.save(scenario('From elsewhere'));
    expect(a.list().map((s) => s.id)).toEqual([saved.id]);
    b.delete(saved.id);
    expect(a.list()).toEqual([]);
    expect(a.list({ includeDeleted: true })).toHaveLength(1);
    b.close();
    a.close();
  });

  it('duplicates, renames, sets notes and tags', () => {
    const store = fresh();
    const a = store.save(scenario('A', { tags: ['x'] }));
    const copy = store.duplicate(a.id);
    expect(copy).toMatchObject({ name: 'A (copy)', tags: ['x'] });
    expect(copy.id).not.toBe(a.id);
    expect(store.duplicate(a.id).name).toBe('A (copy) (2)');
    expect(store.rename(a.id, 'Renamed').scenario.name).toBe('Renamed');
    expect(store.setNotes(a.id, 'n1').scenario.notes).toBe('n1');
    expect(store.setTags(a.id, ['p', 'q', 'p']).tags).toEqual(['p', 'q']);
    expect(store.list({ tag: 'q' }).map((s) => s.id)).toEqual([a.id]);
    expect(storeError(() => store.rename(a.id, '<script>x</script>'))).toMatchObject({ code: 'invalid-scenario', where: 'name' });
    expect(storeError(() => store.get('nope')).code).toBe('not-found');
    store.close();
  });

  it('soft deletes with restore, and empties the bin of old items only', () => {
    let t = Date.parse('2026-01-01T00:00:00Z');
    const store = fresh({ now: () => new Date(t) });
    const a = store.save(scenario('A'));
    const b = store.save(scenario('B'));
    store.delete(a.id);
    expect(store.list().map((s) => s.name)).toEqual(['B']);
    expect(store.list({ includeDeleted: true }).find((s) => s.id === a.id)?.deletedAt).toBe(new Date(t).toISOString());
    expect(storeError(() => store.save(scenario('A2'), a.id)).code).toBe('deleted');
    expect(store.restore(a.id).deletedAt).toBeNull();
    store.delete(a.id);
    t += 10 * 86_400_000;
    store.delete(b.id);
    expect(store.emptyBin(30)).toBe(0);
    expect(store.emptyBin(5)).toBe(1);
    expect(storeError(() => store.get(a.id)).code).toBe('not-found');
    expect(store.get(b.id).deletedAt).not.toBeNull();
    store.close();
  });

  it('seeds built-ins read-only, once, and duplicating gives an editable copy', () => {
    const store = fresh();
    const builtIns = [{ key: 'northants-separate', scenario: scenario('Northamptonshire, separate') }];
    expect(store.seedBuiltIns(builtIns)).toBe(1);
    expect(store.seedBuiltIns(builtIns)).toBe(0);
    const [b] = store.list();
    expect(b).toMatchObject({ id: 'builtin-northants-separate', readOnly: true, builtIn: true });
    expect(storeError(() => store.save(b && store.get(b.id).scenario, b.id)).code).toBe('read-only');
    expect(storeError(() => store.rename(b.id, 'x')).code).toBe('read-only');
    const copy = store.duplicate(b.id);
    expect(copy).toMatchObject({ readOnly: false, builtIn: false });
    expect(store.rename(copy.id, 'Mine').name).toBe('Mine');
    store.delete(b.id);
    expect(store.emptyBin(0)).toBe(0);
    store.close();
  });

  it('imports without overwriting silently: fail, copy, replace', () => {
    const store = fresh();
    const a = store.save(scenario('A', { notes: 'original' }));
    const incoming = [scenario('A', { notes: 'theirs' }), scenario('B')];
    const failed = store.import(incoming, 'fail');
    expect(failed.conflicts).toEqual([{ name: 'A', existingId: a.id }]);
    expect(failed.imported.map((s) => s.name)).toEqual(['B']);
    expect(store.get(a.id).scenario.notes).toBe('original');
    const copied = store.import([scenario('A', { notes: 'theirs' })], 'copy');
    expect(copied.imported.map((s) => s.name)).toEqual(['A (2)']);
    const replaced = store.import([scenario('a', { notes: 'theirs' })], 'replace');
    expect(replaced.imported[0].id).toBe(a.id);
    expect(store.get(a.id).scenario.notes).toBe('theirs');
    store.close();
  });

  it('an import with one invalid scenario changes nothing', () => {
    const store = fresh();
    const e = storeError(() => store.import([scenario('Ok'), scenario('Bad', { horizonYears: 500 })]));
    expect(e).toMatchObject({ code: 'invalid-scenario', where: 'scenarios[1].horizonYears' });
    expect(store.list()).toEqual([]);
    store.close();
  });

  it('exports one scenario as a scenario file and several as a set', () => {
    const store = fresh();
    const a = store.save(scenario('Option A!'));
    const b = store.save(scenario('B'));
    const one = store.export([a.id]);
    expect(one.fileName).toBe('option-a.joinedup.json');
    expect(JSON.parse(one.text)).toEqual(a.scenario);
    const many = store.export([a.id, b.id]);
    expect(JSON.parse(many.text)).toMatchObject({ format: 'joinedup-scenarios', version: 1, scenarios: [a.scenario, b.scenario] });
    store.close();
  });

  it('caches runs by model version and inputs, never serving another version', () => {
    const store = fresh();
    const s = scenario('A', { parameters: { acute_beds: 1000 } });
    const key = runCacheKey('m1', s);
    expect(runCacheKey('m1', { ...s, name: 'renamed', notes: 'x', tags: ['t'] })).toBe(key);
    expect(runCacheKey('m2', s)).not.toBe(key);
    expect(runCacheKey('m1', { ...s, parameters: { acute_beds: 1001 } })).not.toBe(key);
    const run = { times: [0, 1], metrics: { 'cost.total': 5 } } as never;
    store.putCachedRun(key, 'm1', run);
    expect(store.getCachedRun(key, 'm1')).toEqual(run);
    expect(store.getCachedRun(key, 'm2')).toBeUndefined();
    expect(store.pruneRunCache('m2')).toBe(1);
    expect(store.getCachedRun(key, 'm1')).toBeUndefined();
    store.close();
  });

  it('keeps the newest cached runs only, so the cache cannot grow without end', () => {
    let t = Date.parse('2026-01-01T00:00:00Z');
    const store = fresh({ now: () => new Date((t += 1000)) });
    const keys = Array.from({ length: 80 }, (_, i) => runCacheKey('m1', scenario('A', { horizonYears: 1 + i / 10 })));
    keys.forEach((key, i) => store.putCachedRun(key, 'm1', { times: [i] } as never));
    expect(store.getCachedRun(keys[0], 'm1')).toBeUndefined();
    expect(store.getCachedRun(keys[79], 'm1')).toEqual({ times: [79] });
    expect(keys.filter((k) => store.getCachedRun(k, 'm1')).length).toBeGreaterThanOrEqual(32);
    expect(keys.filter((k) => store.getCachedRun(k, 'm1')).length).toBeLessThan(80);
    store.close();
  });

  it('keeps saved scenarios across reopening', () => {
    const store = fresh();
    const a = store.save(scenario('Kept'));
    store.close();
    const again = openStore(store.path, { register });
    expect(again.get(a.id).name).toBe('Kept');
    expect(again.integrityCheck()).toBe('ok');
    again.close();
  });
});

describe('migrations', () => {
  it('copies the file before migrating an older database, then migrates it', () => {
    const path = join(tempDir(), 'old.db');
    const db = new Database(path);
    migrate(db, MIGRATIONS.slice(0, 1));
    db.prepare(
      "INSERT INTO scenarios (id, name, description, form, tags_json, notes, body_json, created_at, updated_at) VALUES ('x', 'Old', '', 'separate', '[]', '', ?, 't', 't')",
    ).run(JSON.stringify(scenario('Old')));
    db.close();
    const store = openStore(path, { now: () => new Date('2026-02-03T04:05:06.789Z') });
    expect(store.openedAtVersion).toBe(1);
    expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(store.backupsMade).toEqual([`${path}.backup-v1-20260203T040506789Z`]);
    const copy = new Database(store.backupsMade[0], { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare('SELECT name FROM scenarios').all()).toEqual([{ name: 'Old' }]);
    copy.close();
    expect(store.get('x').name).toBe('Old');
    const log = new Database(path, { readonly: true });
    expect(log.prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
    log.close();
    store.close();
  });

  it('refuses a database made by a newer version and leaves it unchanged', () => {
    const store = fresh();
    store.save(scenario('A'));
    store.close();
    const db = new Database(store.path);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    const before = readFileSync(store.path);
    const e = storeError(() => openStore(store.path));
    expect(e.code).toBe('newer-database');
    expect(e.message).toContain(store.path);
    expect(e.message).toMatch(/newer version of JoinedUp/);
    expect(readFileSync(store.path).equals(before)).toBe(true);
  });

  it('makes no backup of a brand-new database', () => {
    const store = fresh();
    expect(store.backupsMade).toEqual([]);
    store.close();
  });
});

describe('damaged database files', () => {
  it('a garbage file gives a clear error naming it, and startFresh keeps the file', () => {
    const dir = tempDir();
    const path = join(dir, 'joinedup.db');
    writeFileSync(path, 'this is not a database, just some text that is long enough to fill a header '.repeat(10));
    const e = storeError(() => openStore(path));
    expect(e.code).toBe('damaged');
    expect(e.where).toBe(path);
    expect(e.message).toContain(path);
    const { damagedMovedTo } = startFresh(path);
    expect(damagedMovedTo && existsSync(damagedMovedTo)).toBe(true);
    const store = openStore(path);
    expect(store.list()).toEqual([]);
    store.close();
  });

  it('a truncated file is reported, and restoreLastBackup brings back the last copy', () => {
    const dir = tempDir();
    const path = join(dir, 'joinedup.db');
    let t = Date.parse('2026-01-01T00:00:00Z');
    const store = openStore(path, { now: () => new Date(t) });
    for (let i = 0; i < 200; i++) store.save(scenario(`S${i}`, { notes: 'x'.repeat(2000) }));
    store.close();
    t += 2 * 86_400_000;
    const second = openStore(path, { now: () => new Date(t) });
    expect(second.backupsMade).toHaveLength(1);
    second.close();
    const size = statSync(path).size;
    truncateSync(path, Math.floor(size / 2));
    const e = storeError(() => openStore(path));
    expect(e.code).toBe('damaged');
    expect(e.message).toContain(path);
    expect(listBackups(path)).toHaveLength(1);
    const restored = restoreLastBackup(path);
    expect(restored.restoredFrom).toBe(listBackups(path)[0]);
    expect(statSync(restored.damagedMovedTo!).size).toBe(Math.floor(size / 2));
    const back = openStore(path);
    expect(back.list()).toHaveLength(200);
    expect(back.integrityCheck()).toBe('ok');
    back.close();
    expect(readdirSync(dir).some((f) => f.includes('.damaged-'))).toBe(true);
  });

  it('restoreLastBackup skips a damaged backup and takes the newest sound one', () => {
    const dir = tempDir();
    const path = join(dir, 'joinedup.db');
    let t = Date.parse('2026-01-01T00:00:00Z');
    const first = openStore(path, { now: () => new Date(t) });
    first.save(scenario('Kept'));
    first.close();
    for (let i = 0; i < 2; i++) {
      t += 2 * 86_400_000;
      openStore(path, { now: () => new Date(t) }).close();
    }
    const [newest, older] = listBackups(path);
    expect(older).toBeDefined();
    writeFileSync(newest, 'half a backup');
    writeFileSync(path, 'garbage'.repeat(100));
    expect(restoreLastBackup(path).restoredFrom).toBe(older);
    const back = openStore(path, { dailyBackup: false });
    expect(back.list().map((s) => s.name)).toEqual(['Kept']);
    back.close();
  });

  it('a database that cannot be read is unavailable, not damaged', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), 'x');
    const blocked = storeError(() => openStore(join(dir, 'file', 'joinedup.db')));
    expect(blocked.code).toBe('unavailable');
    expect(blocked.message).toContain(join(dir, 'file', 'joinedup.db'));
  });

  it('restoreLastBackup without a backup says so', () => {
    const path = join(tempDir(), 'joinedup.db');
    writeFileSync(path, 'garbage');
    expect(storeError(() => restoreLastBackup(path)).code).toBe('no-backup');
    expect(existsSync(path)).toBe(true);
  });
});

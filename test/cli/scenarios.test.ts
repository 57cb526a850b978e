import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, type OpenHandlers } from '../../cli/commands/scenarios.js';
import type { CliIo } from '../../cli/io.js';
import { createHandlers } from '../../electron/handlers.js';
import { formatScenarioFile } from '../../scenarios/parse.js';
import { openStore } from '../../scenarios/store.js';
import { FAKE_PARAMETERS, fakeModel } from '../electron/fake-model.js';
import { scenario, useTempDir } from '../scenarios/helpers.js';

const tempDir = useTempDir();

/** The real store at the given path, with the stand-in model (the CLI's own opener uses the care model). */
const openWithFake: OpenHandlers = async (dbPath) => {
  const store = openStore(dbPath, { register: FAKE_PARAMETERS });
  return {
    handlers: createHandlers({ app: { name: 'JoinedUp', version: '0' }, databasePath: dbPath, store: () => store, model: fakeModel() }),
    close: () => store.close(),
  };
};

function cli(cwd: string, env: Record<string, string | undefined> = {}) {
  return async (...args: string[]) => {
    let stdout = '';
    let stderr = '';
    const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env, cwd };
    const code = await run(args, io, openWithFake);
    return { code, stdout, stderr };
  };
}

describe('joinedup scenarios', () => {
  it('save, list, show, export, delete and restore, with --db', async () => {
    const dir = tempDir();
    const db = join(dir, 'my.db');
    const j = cli(dir);
    writeFileSync(join(dir, 'a.json'), formatScenarioFile([scenario('Option A', { parameters: { acute_beds: 1000 }, tags: ['draft'] })]));
    const saved = await j('save', 'a.json', '--db', db);
    expect(saved).toMatchObject({ code: 0 });
    const id = /^saved (\S+) Option A$/m.exec(saved.stdout)![1];

    const list = await j('list', '--db', db);
    expect(list.stdout).toMatch(new RegExp(`${id}\\s+Option A\\s+separate\\s+draft`));
    expect(JSON.parse((await j('list', '--json', `--db=${db}`)).stdout)).toEqual([expect.objectContaining({ id, name: 'Option A' })]);
    expect((await j('list', '--search', 'nothing', '--db', db)).stdout).toBe('no saved scenarios\n');

    const show = await j('show', 'option a', '--db', db);
    expect(show.stdout).toContain('acute_beds = 1000');
    expect(JSON.parse((await j('show', id, '--json', '--db', db)).stdout).scenario.parameters).toEqual({ acute_beds: 1000 });

    const exported = await j('export', 'Option A', '--db', db);
    expect(JSON.parse(exported.stdout)).toMatchObject({ format: 'joinedup-scenario', name: 'Option A' });
    expect((await j('export', id, '--out', 'out.json', '--db', db)).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).name).toBe('Option A');

    expect((await j('delete', id, '--db', db)).stdout).toMatch(/moved to the bin/);
    expect((await j('list', '--db', db)).stdout).toBe('no saved scenarios\n');
    expect((await j('list', '--deleted', '--db', db)).stdout).toMatch(/in the bin/);
    expect((await j('restore', 'Option A', '--db', db)).code).toBe(0);
    expect((await j('list', '--db', db)).stdout).toContain('Option A');
  });

  it('JOINEDUP_DB chooses the database when --db is absent', async () => {
    const dir = tempDir();
    const db = join(dir, 'env.db');
    writeFileSync(join(dir, 'a.json'), formatScenarioFile([scenario('From env')]));
    expect((await cli(dir, { JOINEDUP_DB: db })('save', 'a.json')).code).toBe(0);
    expect((await cli(dir)('list', '--db', db)).stdout).toContain('From env');
  });

  it('import never overwrites silently and names the conflict', async () => {
    const dir = tempDir();
    const db = join(dir, 'x.db');
    const j = cli(dir);
    writeFileSync(join(dir, 'a.json'), formatScenarioFile([scenario('A')]));
    await j('save', 'a.json', '--db', db);
    writeFileSync(join(dir, 'set.json'), formatScenarioFile([scenario('A', { notes: 'theirs' }), scenario('B')]));
    const r = await j('import', 'set.json', '--db', db);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/imported \S+ B/);
    expect(r.stderr).toMatch(/"A" already exists/);
    const copy = await j('import', 'set.json', '--on-conflict', 'copy', '--db', db);
    expect(copy.stdout).toMatch(/imported \S+ A \(2\)/);
  });

  it('a bad file exits 1 naming the file and field; usage errors exit 2', async () => {
    const dir = tempDir();
    const db = join(dir, 'x.db');
    const j = cli(dir);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...scenario('Bad'), parameters: { acute_beds: 'acute_beds*2' } }));
    const bad = await j('import', 'bad.json', '--db', db);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(join(dir, 'bad.json'));
    expect(bad.stderr).toContain('parameters.acute_beds');
    const saveBad = await j('save', 'bad.json', '--db', db);
    expect(saveBad.code).toBe(1);
    expect(saveBad.stderr).toContain('parameters.acute_beds');
    expect((await j('show', 'missing', '--db', db)).stderr).toMatch(/no saved scenario named or with id "missing"/);
    expect((await j('import', 'nope.json', '--db', db)).stderr).toMatch(/cannot read .*nope\.json: ENOENT/);
    expect((await j('frobnicate')).code).toBe(2);
    expect((await j('list', '--wat')).code).toBe(2);
    expect((await j('show')).code).toBe(2);
    expect((await j('import', 'x.json', '--on-conflict', 'merge')).code).toBe(2);
    expect((await j('list', '--out', 'x', '--db', db)).code).toBe(2);
  });

  it('a damaged database exits 1 naming the file, and recover starts fresh keeping the damaged file', async () => {
    const dir = tempDir();
    const db = join(dir, 'broken.db');
    writeFileSync(db, 'not a database'.repeat(20));
    const j = cli(dir);
    const r = await j('list', '--db', db);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(db);
    expect(r.stderr).toMatch(/joinedup scenarios recover --restore-backup/);
    expect((await j('recover', '--db', db)).code).toBe(2);
    const noBackup = await j('recover', '--restore-backup', '--db', db);
    expect(noBackup.code).toBe(1);
    expect(noBackup.stderr).toMatch(/no usable backup/);
    const fresh = await j('recover', '--start-fresh', '--db', db);
    expect(fresh.code).toBe(0);
    const kept = /kept as (\S+);/.exec(fresh.stdout)![1];
    expect(readFileSync(kept, 'utf8')).toContain('not a database');
    expect((await j('list', '--db', db)).stdout).toBe('no saved scenarios\n');
  });
});

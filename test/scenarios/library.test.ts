import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARAMETERS } from '../../models/health-care/index.js';
import { LIBRARY_DIR, loadLibrary, openStoreWithLibrary } from '../../scenarios/library.js';
import { formatScenarioFile } from '../../scenarios/parse.js';
import { resolveDatabasePath, userDataFolder } from '../../scenarios/paths.js';
import { scenario, useTempDir } from './helpers.js';

const tempDir = useTempDir();

describe('built-in library', () => {
  it('loads every json file by name, names a bad file, and seeds them read-only once', () => {
    const dir = join(tempDir(), 'library');
    mkdirSync(dir);
    writeFileSync(join(dir, 'b-combined.json'), formatScenarioFile([scenario('Combined', { form: 'combined' })]));
    writeFileSync(join(dir, 'a-separate.json'), formatScenarioFile([scenario('Separate')]));
    writeFileSync(join(dir, 'broken.json'), '{"format":"joinedup-scenario","version":1,"name":"x","form":"merged"}');
    writeFileSync(join(dir, 'readme.txt'), 'not a scenario');
    const library = loadLibrary(dir);
    expect(library.scenarios.map((s) => s.key)).toEqual(['a-separate', 'b-combined']);
    expect(library.errors).toEqual([expect.objectContaining({ file: 'broken.json', where: 'form' })]);

    const path = join(tempDir(), 'joinedup.db');
    const first = openStoreWithLibrary(path, { libraryDir: dir });
    expect(first.store.list().map((s) => [s.name, s.readOnly])).toEqual([['Combined', true], ['Separate', true]]);
    first.store.close();
    const second = openStoreWithLibrary(path, { libraryDir: dir });
    expect(second.store.list()).toHaveLength(2);
    second.store.close();
  });

  const shipped = readdirSync(LIBRARY_DIR).filter((f) => f.endsWith('.json'));
  it.skipIf(shipped.length === 0)('every shipped library file parses against the care model register', () => {
    const library = loadLibrary(LIBRARY_DIR, PARAMETERS);
    expect(library.errors).toEqual([]);
    expect(library.scenarios).toHaveLength(shipped.length);
  });
});

describe('database path', () => {
  it('prefers --db, then JOINEDUP_DB, then the platform data folder', () => {
    expect(resolveDatabasePath({ db: '/x/a.db', env: { JOINEDUP_DB: '/y/b.db' } })).toBe('/x/a.db');
    expect(resolveDatabasePath({ env: { JOINEDUP_DB: '/y/b.db' } })).toBe('/y/b.db');
    expect(resolveDatabasePath({ env: { XDG_DATA_HOME: '/data' }, platform: 'linux', home: '/home/u' })).toBe('/data/JoinedUp/joinedup.db');
    expect(userDataFolder({}, 'linux', '/home/u')).toBe('/home/u/.local/share/JoinedUp');
    expect(userDataFolder({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/JoinedUp');
    expect(userDataFolder({ APPDATA: 'C:/Users/u/AppData/Roaming' }, 'win32', 'C:/Users/u')).toBe(join('C:/Users/u/AppData/Roaming', 'JoinedUp'));
  });
});

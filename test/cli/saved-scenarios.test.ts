import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveSavedScenario } from '../../cli/saved-scenarios.js';
import { openStore } from '../../scenarios/store.js';
import { scenario, useTempDir } from '../scenarios/helpers.js';

const tempDir = useTempDir();

describe('resolveSavedScenario', () => {
  it('finds by id or by name (ignoring case), via --db or JOINEDUP_DB, and names the database when it cannot', () => {
    const db = join(tempDir(), 'saved.db');
    const store = openStore(db);
    const a = store.save(scenario('Option A', { horizonYears: 7 }));
    store.save(scenario('Twin'));
    store.save(scenario('twin'));
    store.close();
    expect(resolveSavedScenario(a.id, { db, env: {} }).horizonYears).toBe(7);
    expect(resolveSavedScenario('option a', { env: { JOINEDUP_DB: db } }).name).toBe('Option A');
    expect(() => resolveSavedScenario('nothing', { db, env: {} })).toThrow(`no saved scenario named or with id "nothing" in ${db}`);
    expect(() => resolveSavedScenario('Twin', { db, env: {} })).toThrow(/2 saved scenarios are named "Twin".*give an id/);
  });
});

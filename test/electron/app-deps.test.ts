import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppDeps } from '../../electron/app-deps.js';
import { createHandlers } from '../../electron/handlers.js';
import { MODEL_VERSION, PARAMETERS } from '../../models/health-care/index.js';
import { runCacheKey, StoreError } from '../../scenarios/store.js';
import { useTempDir } from '../scenarios/helpers.js';

const tempDir = useTempDir();

describe('createAppDeps (the real care model and library)', () => {
  it('seeds the built-in scenarios on first run, runs and caches them, and compares', async () => {
    const dbPath = join(tempDir(), 'joinedup.db');
    const deps = createAppDeps({ dbPath });
    try {
      const h = createHandlers(deps);
      expect(deps.library.errors).toEqual([]);
      const info = await h['app:info']({});
      expect(info.ok && info.value).toMatchObject({ name: 'JoinedUp', modelVersion: MODEL_VERSION, databasePath: dbPath });
      const list = await h['scenarios:list']({});
      if (!list.ok) throw new Error(list.error.message);
      expect(list.value.length).toBeGreaterThanOrEqual(2);
      expect(list.value.every((s) => s.builtIn && s.readOnly)).toBe(true);

      const baseline = list.value.find((s) => s.form === 'separate')!;
      const option = list.value.find((s) => s.form === 'combined')!;
      const run = await h['run:scenario']({ id: baseline.id });
      if (!run.ok) throw new Error(run.error.message);
      expect(run.value.metrics['cost.total']).toBeGreaterThan(0);
      const stored = deps.store().get(baseline.id).scenario;
      expect(deps.store().getCachedRun(runCacheKey(MODEL_VERSION, stored), MODEL_VERSION)).toEqual(run.value);

      const c = await h['run:compare']({ baselineId: baseline.id, optionIds: [option.id] });
      if (!c.ok) throw new Error(c.error.message);
      expect(c.value.scenarios[1].differences['cost.total']).toBeCloseTo(
        c.value.scenarios[1].run.metrics['cost.total'] - c.value.scenarios[0].run.metrics['cost.total'],
      );
      expect(c.value.scenarios[1].differingParameters.length).toBeGreaterThan(0);

      const d = await h['model:describe']({});
      expect(d.ok && d.value.parameters).toBe(PARAMETERS);
      expect(d.ok && d.value.markdown.length).toBeGreaterThan(100);

      const bad = await h['scenarios:save']({ scenario: { ...stored, name: 'x', parameters: { Not_A_Parameter: 1 } } });
      expect(!bad.ok && bad.error).toMatchObject({ code: 'invalid-scenario', where: 'scenario.parameters.Not_A_Parameter' });
    } finally {
      deps.close();
    }
  });

  it('throws a StoreError naming a damaged database, for the shell to offer recovery', () => {
    const dbPath = join(tempDir(), 'joinedup.db');
    writeFileSync(dbPath, 'garbage'.repeat(50));
    let error: unknown;
    try {
      createAppDeps({ dbPath });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'damaged' });
    expect((error as Error).message).toContain(dbPath);
  });
});

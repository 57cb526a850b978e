import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS, type Handlers } from '../../electron/ipc-contract.js';
import { createHandlers, type HandlerDeps } from '../../electron/handlers.js';
import { formatScenarioFile } from '../../scenarios/parse.js';
import { openStore, type ScenarioStore } from '../../scenarios/store.js';
import { scenario, useTempDir } from '../scenarios/helpers.js';
import { FAKE_PARAMETERS, fakeModel } from './fake-model.js';

const tempDir = useTempDir();

function setup(modelVersion = 'fake-1', dbPath?: string) {
  const path = dbPath ?? join(tempDir(), 'joinedup.db');
  const store = openStore(path, { register: FAKE_PARAMETERS });
  const model = fakeModel(modelVersion);
  const deps: HandlerDeps = { app: { name: 'JoinedUp', version: '0.1.0' }, databasePath: path, store: () => store, model };
  return { h: createHandlers(deps), store, model, path };
}

async function value<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
}

async function error(p: Promise<{ ok: boolean; error?: unknown }>) {
  const r = await p;
  if (r.ok) throw new Error('expected an error');
  return r.error as { code: string; message: string; where?: string };
}

function snapshot(store: ScenarioStore) {
  return JSON.stringify(store.list({ includeDeleted: true }).map((s) => store.get(s.id)));
}

describe('createHandlers', () => {
  it('has one handler per channel', () => {
    const { h, store } = setup();
    expect(Object.keys(h).sort()).toEqual([...CHANNELS].sort());
    store.close();
  });

  it('app:info names the database and model version', async () => {
    const { h, store, path } = setup();
    expect(await value(h['app:info']({}))).toEqual({ name: 'JoinedUp', version: '0.1.0', modelVersion: 'fake-1', databasePath: path });
    expect(await error(h['app:info']({ x: 1 }))).toMatchObject({ code: 'invalid-request', where: 'x' });
    store.close();
  });

  it('saves, lists, gets, duplicates, renames, tags, notes, deletes and restores', async () => {
    const { h, store } = setup();
    const a = await value(h['scenarios:save']({ scenario: scenario('A', { parameters: { acute_beds: 1000 } }) }));
    expect((await value(h['scenarios:get']({ id: a.id }))).scenario.parameters).toEqual({ acute_beds: 1000 });
    const copy = await value(h['scenarios:duplicate']({ id: a.id, name: 'B' }));
    await value(h['scenarios:rename']({ id: copy.id, name: 'B2' }));
    await value(h['scenarios:setTags']({ id: copy.id, tags: ['t'] }));
    expect((await value(h['scenarios:setNotes']({ id: copy.id, notes: 'hello' }))).scenario.notes).toBe('hello');
    expect((await value(h['scenarios:list']({ tag: 't' }))).map((s) => s.name)).toEqual(['B2']);
    expect(await value(h['scenarios:delete']({ id: a.id }))).toEqual({ id: a.id });
    expect((await value(h['scenarios:list']({}))).map((s) => s.name)).toEqual(['B2']);
    expect((await value(h['scenarios:restore']({ id: a.id }))).deletedAt).toBeNull();
    expect(await value(h['scenarios:list'](undefined))).toHaveLength(2);
    store.close();
  });

  it('validates every request: wrong types, unknown fields, missing ids, all named', async () => {
    const { h, store } = setup();
    const cases: [keyof Handlers, unknown, string][] = [
      ['scenarios:get', {}, 'id'],
      ['scenarios:get', { id: 5 }, 'id'],
      ['scenarios:get', 'abc', 'request'],
      ['scenarios:list', { search: ['x'] }, 'search'],
      ['scenarios:list', { includeDeleted: 'yes' }, 'includeDeleted'],
      ['scenarios:save', { scenario: scenario('x'), extra: 1 }, 'extra'],
      ['scenarios:save', {}, 'scenario'],
      ['scenarios:setTags', { id: 'x', tags: 'a,b' }, 'tags'],
      ['scenarios:setTags', { id: 'x', tags: ['a', 3] }, 'tags[1]'],
      ['scenarios:import', { text: 1 }, 'text'],
      ['scenarios:import', { text: '{}', onConflict: 'merge' }, 'onConflict'],
      ['scenarios:export', { ids: [] }, 'ids'],
      ['run:scenario', {}, 'id'],
      ['run:compare', { baselineId: 'x', optionIds: 'y' }, 'optionIds'],
    ];
    for (const [channel, request, where] of cases) {
      const e = await error(h[channel](request));
      expect(e, `${channel} ${JSON.stringify(request)}`).toMatchObject({ code: 'invalid-request', where });
    }
    expect(await error(h['scenarios:get']({ id: 'missing' }))).toMatchObject({ code: 'not-found' });
    expect(await error(h['model:describe']({ model: 'other' }))).toMatchObject({ code: 'not-found', where: 'model' });
    store.close();
  });

  it('refuses hostile scenarios with named errors and leaves the store unchanged', async () => {
    const { h, store } = setup();
    await value(h['scenarios:save']({ scenario: scenario('Existing') }));
    const before = snapshot(store);
    const hostile: [unknown, string][] = [
      [{ ...scenario('x'), horizonYears: 'ten' }, 'scenario.horizonYears'],
      [{ ...scenario('x'), parameters: { acute_beds: 'acute_beds*2' } }, 'scenario.parameters.acute_beds'],
      [{ ...scenario('x'), parameters: { nonsense: 1 } }, 'scenario.parameters.nonsense'],
      [{ ...scenario('x'), parameters: { acute_beds: 1e9 } }, 'scenario.parameters.acute_beds'],
      [{ ...scenario('x'), name: '<script>alert(1)</script>' }, 'scenario.name'],
      [{ ...scenario('x'), notes: 'x'.repeat(200_000) }, 'scenario.notes'],
      [JSON.parse('{"__proto__": {"polluted": true}}'), 'scenario.__proto__'],
      [{ ...scenario('x'), constructor: { prototype: {} } }, 'scenario.constructor'],
      [{ ...scenario('x'), version: 7 }, 'scenario.version'],
    ];
    for (const [s, where] of hostile) {
      const e = await error(h['scenarios:save']({ scenario: s }));
      expect(e, where).toMatchObject({ code: 'invalid-scenario', where });
    }
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = [deep];
    expect(await error(h['scenarios:save']({ scenario: { ...scenario('x'), tags: deep } }))).toMatchObject({ code: 'invalid-scenario' });
    const files = [
      '{"format":"joinedup-scenario","version":1,"name":"x","form":"separate","parameters":{"__proto__":{"x":1}}}',
      `{"format":"joinedup-scenario","version":1,"name":"x","form":"separate","description":"${'a'.repeat(200_000)}"}`,
      `{"format":"joinedup-scenarios","version":1,"scenarios":[${'['.repeat(10_000)}${']'.repeat(10_000)}]}`,
      '{"format":"joinedup-scenario","version":1,"name":"x","form":"separate","model":"process.exit(1)"}',
      'not json at all',
    ];
    for (const text of files) {
      expect(await error(h['scenarios:import']({ text, fileName: 'evil.json' }))).toMatchObject({ code: 'invalid-scenario' });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(snapshot(store)).toBe(before);
    store.close();
  });

  it('imports with a conflict policy and exports a file that imports back', async () => {
    const { h, store } = setup();
    const a = await value(h['scenarios:save']({ scenario: scenario('A') }));
    const text = formatScenarioFile([scenario('A', { notes: 'theirs' }), scenario('C')]);
    const r = await value(h['scenarios:import']({ text, fileName: 'client.json' }));
    expect(r.conflicts).toEqual([{ name: 'A', existingId: a.id }]);
    expect(r.imported.map((s) => s.name)).toEqual(['C']);
    const exported = await value(h['scenarios:export']({ ids: [a.id] }));
    expect(exported.fileName).toBe('a.joinedup.json');
    const again = await value(h['scenarios:import']({ text: exported.text, onConflict: 'copy' }));
    expect(again.imported[0].name).toBe('A (2)');
    store.close();
  });

  it('refuses to change a built-in scenario', async () => {
    const { h, store } = setup();
    store.seedBuiltIns([{ key: 'base', scenario: scenario('Base') }]);
    expect(await error(h['scenarios:rename']({ id: 'builtin-base', name: 'x' }))).toMatchObject({ code: 'read-only' });
    expect(await error(h['scenarios:save']({ id: 'builtin-base', scenario: scenario('x') }))).toMatchObject({ code: 'read-only' });
    store.close();
  });

  it('runs a saved scenario once and serves the cache after reopening, but never to another model version', async () => {
    const first = setup('v1');
    const a = await value(first.h['scenarios:save']({ scenario: scenario('A', { parameters: { acute_beds: 1000 } }) }));
    const run = await value(first.h['run:scenario']({ id: a.id }));
    expect(run.metrics['cost.total']).toBe(1000 * 1000 * 10);
    await value(first.h['run:scenario']({ id: a.id }));
    expect(first.model.runs).toBe(1);
    first.store.close();

    const reopened = setup('v1', first.path);
    expect(await value(reopened.h['run:scenario']({ id: a.id }))).toEqual(run);
    expect(reopened.model.runs).toBe(0);
    await value(reopened.h['scenarios:save']({ id: a.id, scenario: scenario('A', { parameters: { acute_beds: 900 } }) }));
    expect((await value(reopened.h['run:scenario']({ id: a.id }))).metrics['cost.total']).toBe(900 * 1000 * 10);
    expect(reopened.model.runs).toBe(1);
    reopened.store.close();

    const newModel = setup('v2', first.path);
    await value(newModel.h['run:scenario']({ id: a.id }));
    expect(newModel.model.runs).toBe(1);
    newModel.store.close();
  });

  it('runs an unsaved scenario after checking it, and refuses an XMILE model', async () => {
    const { h, store, model } = setup();
    const run = await value(h['run:scenario']({ scenario: scenario('Draft', { form: 'combined' }) }));
    expect(run.metrics['strandedBeds.mean']).toBe(60);
    expect(await error(h['run:scenario']({ scenario: scenario('X', { model: 'models/other.xmile' }) }))).toMatchObject({ code: 'model-error' });
    expect(await error(h['run:scenario']({ id: 'x', scenario: scenario('X') }))).toMatchObject({ code: 'invalid-request' });
    expect(model.runs).toBe(1);
    store.close();
  });

  it('compares options with a baseline: differences, break-even, differing parameters', async () => {
    const { h, store } = setup();
    const base = await value(h['scenarios:save']({ scenario: scenario('Separate') }));
    const opt = await value(h['scenarios:save']({ scenario: scenario('Combined', { form: 'combined', parameters: { acute_beds: 1000 } }) }));
    const c = await value(h['run:compare']({ baselineId: base.id, optionIds: [opt.id] }));
    expect(c.baselineId).toBe(base.id);
    expect(c.scenarios.map((s) => s.name)).toEqual(['Separate', 'Combined']);
    expect(c.scenarios[0].differences['cost.total']).toBe(0);
    expect(c.scenarios[1].differences['cost.total']).toBe(-100 * 1000 * 10);
    expect(c.scenarios[1].breakEvenYear).toBe(1);
    expect(c.scenarios[1].differingParameters.map((p) => [p.name, p.baseline, p.option])).toEqual([
      ['acute_beds', 1100, 1000],
      ['assessment_delay', 6, 3],
    ]);
    store.close();
  });

  it('a model that fails while running gives a model error, never a throw', async () => {
    const { h, store, model } = setup();
    model.run = () => {
      throw new Error('stock went negative');
    };
    const e = await error(h['run:scenario']({ scenario: scenario('X') }));
    expect(e).toMatchObject({ code: 'model-error' });
    expect(e.message).toContain('stock went negative');
    store.close();
  });

  it('reports a damaged database as an error naming the file, never throwing', async () => {
    const path = join(tempDir(), 'x.db');
    const deps: HandlerDeps = {
      app: { name: 'JoinedUp', version: '0' },
      databasePath: path,
      store: () => openStore(path),
      model: fakeModel(),
    };
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path, 'garbage'.repeat(100));
    const e = await error(createHandlers(deps)['scenarios:list']({}));
    expect(e).toMatchObject({ code: 'damaged', where: path });
    expect(e.message).toContain(path);
  });
});

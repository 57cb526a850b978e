/**
 * The analysis channels through the one `createHandlers(deps)` that every front end registers: a temporary store
 * with the built-in library and the real care model, small runs (20), and a stand-in printer for the PDF.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppDeps } from '../../electron/app-deps.js';
import { createHandlers, type HandlerDeps } from '../../electron/handlers.js';
import { CHANNELS } from '../../electron/ipc-contract.js';
import { createModelService } from '../../electron/model-service.js';
import * as careModel from '../../models/health-care/index.js';
import { openStoreWithLibrary } from '../../scenarios/library.js';
import { useTempDir } from '../scenarios/helpers.js';

const tempDir = useTempDir();

function setup(analysis?: HandlerDeps['analysis']) {
  const model = createModelService(careModel);
  const path = join(tempDir(), 'joinedup.db');
  const { store } = openStoreWithLibrary(path, { register: model.parameters });
  const h = createHandlers({ app: { name: 'JoinedUp', version: '0' }, databasePath: path, store: () => store, model, analysis });
  const idOf = (prefix: string) => {
    const found = store.list({}).find((s) => s.name.startsWith(prefix));
    if (!found) throw new Error(`no built-in scenario named ${prefix}…`);
    return found;
  };
  return { h, store, idOf };
}

describe('createHandlers: the analysis channels', () => {
  it('are in the contract and the handlers, once each', () => {
    const { h, store } = setup();
    for (const channel of ['analysis:uncertainty', 'analysis:brief', 'analysis:cancel'] as const) {
      expect(CHANNELS.filter((c) => c === channel)).toHaveLength(1);
      expect(typeof h[channel]).toBe('function');
    }
    expect(Object.keys(h).sort()).toEqual([...CHANNELS].sort());
    store.close();
  });

  it('analysis:uncertainty: 20 runs of a saved option against a saved baseline, the same for the same seed', async () => {
    const { h, store, idOf } = setup();
    const baseline = idOf('Northamptonshire');
    const option = idOf('Combined organisation, like Greater');
    const request = { optionId: option.id, baselineId: baseline.id, runs: 20, seed: 7, tornado: false, attribution: false };
    const a = await h['analysis:uncertainty'](request);
    if (!a.ok) throw new Error(a.error.message);
    expect(a.value.runs).toBe(20);
    expect(a.value.baseline?.name).toBe(baseline.name);
    const paired = a.value.paired!['cost.total'];
    expect(paired.betterRuns + paired.worseRuns + paired.equalRuns).toBe(20);
    const b = await h['analysis:uncertainty'](request);
    expect(b).toEqual(a);

    const bad = await h['analysis:uncertainty']({ ...request, runs: 1 });
    expect(bad.ok ? null : bad.error).toMatchObject({ code: 'invalid-request', where: 'runs' });
    const missing = await h['analysis:uncertainty']({ ...request, optionId: 'no-such-id' });
    expect(missing.ok ? null : missing.error.code).toBe('not-found');
    store.close();
  }, 120_000);

  it('analysis:brief: the briefing HTML names the scenarios, and the PDF comes from the host printer', async () => {
    const printed: string[] = [];
    const { h, store, idOf } = setup({
      renderPdf: async (html) => {
        printed.push(html);
        return new TextEncoder().encode(`%PDF-stand-in ${html.length}`);
      },
      now: () => new Date('2026-11-25T12:00:00Z'),
    });
    const baseline = idOf('Northamptonshire');
    const option = idOf('Combined organisation, like Greater');
    const r = await h['analysis:brief']({ baselineId: baseline.id, optionIds: [option.id], runs: 20, seed: 3 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.fileName).toBe(`JoinedUp briefing - ${option.name}.pdf`);
    expect(r.value.html).toContain(baseline.name);
    expect(r.value.html).toContain(option.name);
    expect(r.value.html).toContain('25 November 2026');
    expect(printed).toEqual([r.value.html]);
    expect(Buffer.from(r.value.pdfBase64!, 'base64').toString('latin1')).toBe(`%PDF-stand-in ${r.value.html.length}`);

    const tooMany = await h['analysis:brief']({ baselineId: baseline.id, optionIds: ['a', 'b', 'c', 'd'] });
    expect(tooMany.ok ? null : tooMany.error).toMatchObject({ code: 'invalid-request', where: 'optionIds' });
    store.close();
  }, 300_000);

  it('analysis:brief without a printer returns the HTML only; a printer that fails is reported', async () => {
    const plain = setup();
    const baselineId = plain.idOf('Northamptonshire').id;
    const optionId = plain.idOf('Combined organisation, like Greater').id;
    const r = await plain.h['analysis:brief']({ baselineId, optionIds: [optionId], runs: 20, seed: 3 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.pdfBase64).toBeUndefined();
    expect(r.value.html).toMatch(/^<!doctype html>/);
    plain.store.close();

    const broken = setup({
      renderPdf: async () => {
        throw new Error('no printer here');
      },
    });
    const failed = await broken.h['analysis:brief']({ baselineId, optionIds: [optionId], runs: 20, seed: 3 });
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.error.message).toContain('no printer here');
    broken.store.close();
  }, 300_000);

  it('analysis:cancel: an id that is not running is not cancelled', async () => {
    const { h, store } = setup();
    expect(await h['analysis:cancel']({ requestId: 'nothing-running' })).toEqual({ ok: true, value: { cancelled: false } });
    const bad = await h['analysis:cancel']({});
    expect(bad.ok ? null : bad.error.where).toBe('requestId');
    store.close();
  });

  it('createAppDeps wires the analysis: a worker pool on first use and the given printer', async () => {
    const deps = createAppDeps({
      dbPath: join(tempDir(), 'joinedup.db'),
      analysisThreads: 1,
      renderPdf: async (html) => new TextEncoder().encode(`%PDF-app-deps ${html.length}`),
    });
    try {
      const h = createHandlers(deps);
      const list = await h['scenarios:list']({});
      if (!list.ok) throw new Error(list.error.message);
      const baseline = list.value.find((s) => s.name.startsWith('Northamptonshire'))!;
      const option = list.value.find((s) => s.name.startsWith('Combined organisation, like Greater'))!;
      const r = await h['analysis:brief']({ baselineId: baseline.id, optionIds: [option.id], runs: 20, seed: 5 });
      if (!r.ok) throw new Error(r.error.message);
      expect(Buffer.from(r.value.pdfBase64!, 'base64').toString('latin1')).toBe(`%PDF-app-deps ${r.value.html.length}`);
    } finally {
      deps.close();
    }
  }, 300_000);
});

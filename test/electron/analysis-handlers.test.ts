import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAnalysisHandlers } from '../../electron/analysis-handlers.js';
import { createAnalysisPool } from '../../electron/analysis-pool.js';
import { defaultScenario } from '../../scenarios/parse.js';
import { openStoreWithLibrary } from '../../scenarios/library.js';

const { store } = openStoreWithLibrary(join(mkdtempSync(join(tmpdir(), 'ju-ah-')), 'a.db'));
const idOf = (name: string) => store.list({}).find((s) => s.name.startsWith(name))!.id;
const pool = createAnalysisPool({ size: 2 });
afterAll(async () => {
  await pool.close();
  store.close();
});
const handlers = createAnalysisHandlers({ store: () => store, now: () => new Date('2026-11-25T12:00:00Z') });

describe('analysis handlers', () => {
  it('runs an uncertainty report for saved ids or an unsaved scenario, reproducibly', async () => {
    const request = { optionId: idOf('Combined organisation, like Greater'), baseline: defaultScenario('Draft baseline'), runs: 4, seed: 9, tornado: false, attribution: false };
    const a = await handlers['analysis:uncertainty'](request);
    if (!a.ok) throw new Error(a.error.message);
    expect(a.value.runs).toBe(4);
    expect(a.value.baseline!.name).toBe('Draft baseline');
    expect(a.value.paired!['cost.total'].betterRuns + a.value.paired!['cost.total'].worseRuns + a.value.paired!['cost.total'].equalRuns).toBe(4);
    const b = await handlers['analysis:uncertainty'](request);
    expect(b).toEqual(a);
  }, 120_000);

  it('refuses bad requests with the field named', async () => {
    const bad = async (request: unknown, where: string, code = 'invalid-request') => {
      const r = await handlers['analysis:uncertainty'](request);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe(code);
        expect(r.error.where).toBe(where);
      }
    };
    await bad({ runs: 10, seed: 1 }, 'optionId');
    await bad({ optionId: idOf('Northamptonshire'), runs: 1, seed: 1 }, 'runs');
    await bad({ optionId: idOf('Northamptonshire'), runs: 10, seed: -1 }, 'seed');
    await bad({ optionId: idOf('Northamptonshire'), runs: 10, seed: 1, colour: 'red' }, 'colour');
    await bad({ optionId: idOf('Northamptonshire'), runs: 10, seed: 1, optimismBias: -2 }, 'optimismBias');
    await bad({ option: { ...defaultScenario('x'), parameters: { No_Such: 1 } }, runs: 10, seed: 1 }, 'option.parameters.No_Such', 'invalid-scenario');
    const missing = await handlers['analysis:uncertainty']({ optionId: 'nope', runs: 10, seed: 1 });
    expect(missing.ok || missing.error.code).toBe('not-found');
    const notObject = await handlers['analysis:uncertainty']('run it');
    expect(notObject.ok).toBe(false);
  });

  it('cancels a running request by its id', async () => {
    const running = handlers['analysis:uncertainty']({ optionId: idOf('Northamptonshire'), runs: 400, seed: 1, tornado: false, requestId: 'r1' });
    await new Promise((r) => setTimeout(r, 300));
    const cancel = await handlers['analysis:cancel']({ requestId: 'r1' });
    expect(cancel).toEqual({ ok: true, value: { cancelled: true } });
    const result = await running;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('cancelled');
    expect(await handlers['analysis:cancel']({ requestId: 'r1' })).toEqual({ ok: true, value: { cancelled: false } });
  }, 60_000);

  it('builds the briefing HTML and the PDF when the host can print', async () => {
    const printing = createAnalysisHandlers({
      store: () => store,
      executor: () => pool,
      renderPdf: async (html) => new TextEncoder().encode(`%PDF-fake ${html.length}`),
      now: () => new Date('2026-11-25T12:00:00Z'),
    });
    const r = await printing['analysis:brief']({ baselineId: idOf('Northamptonshire'), optionIds: [idOf('Combined organisation, like Greater')], runs: 4, seed: 2 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.fileName).toMatch(/^JoinedUp briefing - Combined organisation, like Greater Manchester\.pdf$/);
    expect(r.value.html).toContain('25 November 2026');
    expect(r.value.html).toContain('How sure');
    expect(Buffer.from(r.value.pdfBase64!, 'base64').toString()).toBe(`%PDF-fake ${r.value.html.length}`);
    const tooMany = await printing['analysis:brief']({ baselineId: 'x', optionIds: [] });
    expect(tooMany.ok).toBe(false);
  }, 300_000);
});

import { describe, expect, it } from 'vitest';
import type { RendererApi } from '../../electron/ipc-contract.js';
import { base64ToBytes, exportBriefing, planBriefing } from '../../renderer/briefing.js';

const names: Record<string, string> = { a: 'Baseline A', b: 'Option B', c: 'Option C', d: 'Option D', e: 'Option E' };
const nameOf = (id: string) => names[id] ?? id;

describe('planBriefing', () => {
  it('takes the baseline and up to three options, saying which are left out', () => {
    expect(planBriefing(['a', 'b'], new Set(), nameOf)).toEqual({ ok: true, baselineId: 'a', optionIds: ['b'] });
    const five = planBriefing(['a', 'b', 'c', 'd', 'e'], new Set(), nameOf);
    expect(five).toMatchObject({ ok: true, baselineId: 'a', optionIds: ['b', 'c', 'd'] });
    expect(five.ok && five.note).toContain('“Option E” is left out');
  });

  it('needs an option, and refuses scenarios with unsaved changes, naming them', () => {
    const alone = planBriefing(['a'], new Set(), nameOf);
    expect(alone.ok ? '' : alone.message).toMatch(/at least one option/);
    const dirty = planBriefing(['a', 'b', 'c'], new Set(['c']), nameOf);
    expect(dirty.ok ? '' : dirty.message).toContain('Save your changes to “Option C” first');
    // A fifth scenario left out of the briefing may have unsaved changes.
    expect(planBriefing(['a', 'b', 'c', 'd', 'e'], new Set(['e']), nameOf).ok).toBe(true);
  });
});

describe('the briefing export', () => {
  it('decodes the PDF from base64', () => {
    const bytes = base64ToBytes(Buffer.from('%PDF-1.7\n\u00ff').toString('base64'));
    expect(Buffer.from(bytes).toString('latin1')).toBe(Buffer.from('%PDF-1.7\n\u00ff').toString('latin1'));
  });

  const apiAnswering = (answer: Awaited<ReturnType<RendererApi['analysis:brief']>>, seen: unknown[] = []) =>
    ({
      'analysis:brief': async (request: unknown) => {
        seen.push(request);
        return answer;
      },
    }) as unknown as RendererApi;

  it('offers the PDF as a download when the host printed it', async () => {
    const pdf = Buffer.from('%PDF-1.7 briefing');
    const saved: { name: string; data: Blob }[] = [];
    const outcome = await exportBriefing(
      apiAnswering({ ok: true, value: { fileName: 'JoinedUp briefing - B.pdf', html: '<p>B</p>', pdfBase64: pdf.toString('base64') } }),
      { baselineId: 'a', optionIds: ['b'] },
      'r0',
      (name, data) => saved.push({ name, data }),
    );
    expect(outcome).toEqual({ ok: true, fileName: 'JoinedUp briefing - B.pdf' });
    expect(saved.map((s) => [s.name, s.data.type])).toEqual([['JoinedUp briefing - B.pdf', 'application/pdf']]);
    expect(Buffer.from(await saved[0].data.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it('says clearly when the host cannot print, and keeps the HTML to save instead', async () => {
    const seen: unknown[] = [];
    const api = apiAnswering({ ok: true, value: { fileName: 'JoinedUp briefing - B.pdf', html: '<!doctype html><p>B</p>' } }, seen);
    const saved: string[] = [];
    const outcome = await exportBriefing(api, { baselineId: 'a', optionIds: ['b'] }, 'r1', (name) => saved.push(name));
    expect(saved).toEqual([]);
    expect(seen).toEqual([{ baselineId: 'a', optionIds: ['b'], requestId: 'r1' }]);
    expect(outcome).toEqual({
      ok: false,
      message: expect.stringContaining('cannot print the briefing to PDF'),
      html: { fileName: 'JoinedUp briefing - B.html', text: '<!doctype html><p>B</p>' },
    });
  });

  it("passes on the host's error, and a cancellation as such", async () => {
    const failed = await exportBriefing(
      apiAnswering({ ok: false, error: { code: 'internal', message: 'analysis:brief failed: could not start Chromium' } }),
      { baselineId: 'a', optionIds: ['b'] },
      'r2',
      () => {
        throw new Error('nothing to save');
      },
    );
    expect(failed).toEqual({ ok: false, message: 'The briefing could not be made: analysis:brief failed: could not start Chromium' });
    const cancelled = await exportBriefing(apiAnswering({ ok: false, error: { code: 'cancelled', message: 'x' } }), { baselineId: 'a', optionIds: ['b'] }, 'r3', () => undefined);
    expect(cancelled).toEqual({ ok: false, message: 'The briefing was cancelled.' });
  });
});

/**
 * The briefing export: which scenarios go into it (the compared baseline and up to three options, as saved), the
 * `analysis:brief` call, and the PDF it returns (base64) as a Blob for the download helper (`download.ts`'s
 * `saveFile`, passed in, so this module needs no DOM and its tests run under Node).
 */
import type { RendererApi } from '../electron/ipc-contract.js';

/** The briefing covers the baseline and at most this many options (the handler's limit). */
export const BRIEFING_MAX_OPTIONS = 3;

/** Where the briefing export is: shown on the Compare view beside its button. */
export type BriefingState =
  | { status: 'idle' }
  | { status: 'running'; names: string[]; requestId: string }
  | { status: 'done'; fileName: string; note?: string }
  | { status: 'failed'; message: string; html?: { fileName: string; text: string } };

export type BriefingPlan =
  | { ok: true; baselineId: string; optionIds: string[]; note?: string }
  | { ok: false; message: string };

/** The scenarios for a briefing from the compared ids (baseline first), refusing unsaved changes. */
export function planBriefing(compareIds: readonly string[], dirtyIds: ReadonlySet<string>, nameOf: (id: string) => string): BriefingPlan {
  if (compareIds.length < 2) {
    return { ok: false, message: 'Choose a baseline and at least one option to compare first: the briefing compares options with a baseline.' };
  }
  const [baselineId, ...options] = compareIds;
  const optionIds = options.slice(0, BRIEFING_MAX_OPTIONS);
  const unsaved = [baselineId, ...optionIds].filter((id) => dirtyIds.has(id));
  if (unsaved.length > 0) {
    return {
      ok: false,
      message: `Save your changes to ${unsaved.map((id) => `“${nameOf(id)}”`).join(', ')} first: the briefing is made from saved scenarios.`,
    };
  }
  const left = options.slice(BRIEFING_MAX_OPTIONS);
  const note = left.length
    ? `The briefing covers the first ${BRIEFING_MAX_OPTIONS} options; ${left.map((id) => `“${nameOf(id)}”`).join(', ')} ${left.length === 1 ? 'is' : 'are'} left out.`
    : undefined;
  return { ok: true, baselineId, optionIds, ...(note ? { note } : {}) };
}

/** Decode base64 to bytes (the browser's `atob`, no Node Buffer in the window). */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export type BriefingOutcome =
  | { ok: true; fileName: string }
  | { ok: false; message: string; html?: { fileName: string; text: string } };

/**
 * Ask the host for the briefing and offer the PDF as a download. When the host cannot print (no PDF in the
 * answer), the outcome says so and carries the HTML, which the user may save instead.
 */
export async function exportBriefing(
  api: RendererApi,
  plan: { baselineId: string; optionIds: string[] },
  requestId: string,
  saveFile: (fileName: string, data: Blob) => void,
): Promise<BriefingOutcome> {
  const r = await api['analysis:brief']({ baselineId: plan.baselineId, optionIds: plan.optionIds, requestId });
  if (!r.ok) {
    if (r.error.code === 'cancelled') return { ok: false, message: 'The briefing was cancelled.' };
    return { ok: false, message: `The briefing could not be made: ${r.error.message}` };
  }
  const { fileName, html, pdfBase64 } = r.value;
  if (!pdfBase64) {
    return {
      ok: false,
      message: 'This host cannot print the briefing to PDF (no PDF printer is available to it). You can save the briefing as a web page instead and print it from a browser.',
      html: { fileName: fileName.replace(/\.pdf$/i, '') + '.html', text: html },
    };
  }
  saveFile(fileName, new Blob([base64ToBytes(pdfBase64)], { type: 'application/pdf' }));
  return { ok: true, fileName };
}

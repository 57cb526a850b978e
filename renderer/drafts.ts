/**
 * Unsaved edits kept in the window's local storage, so closing the window or switching scenario never loses them.
 * A draft records which saved version it started from; the window asks before using or discarding one.
 */
import type { Scenario } from '../scenarios/scenario.js';

const PREFIX = 'joinedup.draft.';

export interface Draft {
  scenario: Scenario;
  /** The saved scenario's updatedAt when editing began. */
  baseUpdatedAt: string;
  /** When the draft was last written (ISO). */
  savedAt: string;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function readDraft(id: string): Draft | null {
  const text = storage()?.getItem(PREFIX + id);
  if (!text) return null;
  try {
    const d = JSON.parse(text) as Partial<Draft>;
    if (!d || typeof d !== 'object' || !d.scenario || typeof d.scenario !== 'object') return null;
    if (typeof d.scenario.parameters !== 'object' || d.scenario.parameters === null) return null;
    return { scenario: d.scenario, baseUpdatedAt: String(d.baseUpdatedAt ?? ''), savedAt: String(d.savedAt ?? '') };
  } catch {
    return null;
  }
}

export function writeDraft(id: string, scenario: Scenario, baseUpdatedAt: string): void {
  const draft: Draft = { scenario, baseUpdatedAt, savedAt: new Date().toISOString() };
  try {
    storage()?.setItem(PREFIX + id, JSON.stringify(draft));
  } catch {
    // Storage full or refused: the draft still lives in memory for this session.
  }
}

export function clearDraft(id: string): void {
  storage()?.removeItem(PREFIX + id);
}

/** Ids of every scenario with a draft. */
export function draftIds(): string[] {
  const s = storage();
  if (!s) return [];
  const ids: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const k = s.key(i);
    if (k?.startsWith(PREFIX)) ids.push(k.slice(PREFIX.length));
  }
  return ids;
}

/** Whether two scenarios would save differently. */
export function sameScenario(a: Scenario, b: Scenario): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(s: Scenario): unknown {
  const params = Object.keys(s.parameters)
    .sort()
    .map((k) => [k, s.parameters[k]]);
  return { ...s, parameters: params, tags: [...s.tags] };
}

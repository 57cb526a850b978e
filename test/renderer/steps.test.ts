import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, COALESCE_MS, record, redo, startHistory, undo } from '../../renderer/edit-history.js';
import { PRESENT_START, stepPresent } from '../../renderer/present-steps.js';

describe('undo and redo of edits', () => {
  it('merges a slider drag on one parameter into one step, but not changes to two parameters', () => {
    let h = startHistory({ a: 1, b: 1 });
    h = record(h, { a: 2, b: 1 }, 'param:a', 1000);
    h = record(h, { a: 3, b: 1 }, 'param:a', 1000 + COALESCE_MS / 2);
    h = record(h, { a: 3, b: 5 }, 'param:b', 1100 + COALESCE_MS / 2);
    expect(h.past).toHaveLength(2);
    h = undo(h);
    expect(h.present).toEqual({ a: 3, b: 1 });
    h = undo(h);
    expect(h.present).toEqual({ a: 1, b: 1 });
    expect(canUndo(h)).toBe(false);
    h = redo(redo(h));
    expect(h.present).toEqual({ a: 3, b: 5 });
    expect(canRedo(h)).toBe(false);
  });

  it('starts a new step after a pause, and a new edit clears the redo list', () => {
    let h = startHistory(0);
    h = record(h, 1, 'x', 0);
    h = record(h, 2, 'x', COALESCE_MS + 1);
    expect(h.past).toEqual([0, 1]);
    h = undo(h);
    h = record(h, 7, 'y', 5000);
    expect(h.future).toEqual([]);
    expect(h.past).toEqual([0, 1]);
  });
});

describe('stepping through a presentation', () => {
  it('moves between slides within bounds with left and right', () => {
    let s = PRESENT_START;
    s = stepPresent(s, 'ArrowLeft', 7, 3) ?? s;
    expect(s.slide).toBe(0);
    for (let i = 0; i < 10; i++) s = stepPresent(s, 'ArrowRight', 7, 3) ?? s;
    expect(s.slide).toBe(6);
    expect(stepPresent(s, 'Home', 7, 3)?.slide).toBe(0);
  });

  it('cycles the spotlight through the options and back to all with up and down', () => {
    let s = PRESENT_START;
    const seen: number[] = [];
    for (let i = 0; i < 4; i++) {
      s = stepPresent(s, 'ArrowDown', 7, 3) ?? s;
      seen.push(s.spotlight);
    }
    expect(seen).toEqual([1, 2, -1, 1]);
    expect(stepPresent(PRESENT_START, 'ArrowUp', 7, 3)?.spotlight).toBe(2);
    expect(stepPresent(PRESENT_START, 'x', 7, 3)).toBeNull();
  });
});

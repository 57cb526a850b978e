/**
 * Undo and redo of a scenario's edits. A run of changes to the same parameter within a short time (dragging a
 * slider) is one step. Pure: the caller keeps the state and passes the clock in.
 */
export interface EditHistory<T> {
  past: T[];
  present: T;
  future: T[];
  /** What the last change touched and when, for coalescing slider drags. */
  lastTag: string | null;
  lastAt: number;
}

/** How close together changes to the same thing must be to merge into one undo step. */
export const COALESCE_MS = 800;
export const HISTORY_LIMIT = 200;

export function startHistory<T>(present: T): EditHistory<T> {
  return { past: [], present, future: [], lastTag: null, lastAt: 0 };
}

/** Record a new state. Changes with the same tag within COALESCE_MS of the last one replace it instead of stacking. */
export function record<T>(h: EditHistory<T>, next: T, tag: string, now: number): EditHistory<T> {
  if (Object.is(next, h.present)) return h;
  const merge = tag === h.lastTag && now - h.lastAt < COALESCE_MS && h.past.length > 0;
  const past = merge ? h.past : [...h.past, h.present].slice(-HISTORY_LIMIT);
  return { past, present: next, future: [], lastTag: tag, lastAt: now };
}

export function undo<T>(h: EditHistory<T>): EditHistory<T> {
  if (h.past.length === 0) return h;
  const previous = h.past[h.past.length - 1];
  return { past: h.past.slice(0, -1), present: previous, future: [h.present, ...h.future], lastTag: null, lastAt: 0 };
}

export function redo<T>(h: EditHistory<T>): EditHistory<T> {
  if (h.future.length === 0) return h;
  const [next, ...rest] = h.future;
  return { past: [...h.past, h.present], present: next, future: rest, lastTag: null, lastAt: 0 };
}

export const canUndo = <T>(h: EditHistory<T>): boolean => h.past.length > 0;
export const canRedo = <T>(h: EditHistory<T>): boolean => h.future.length > 0;

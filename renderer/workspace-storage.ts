/**
 * The workspace (which scenarios are compared, which one is open, which view) kept in local storage, so the window
 * reopens where the user left it. Read defensively: anything malformed is ignored.
 */
const KEY = 'joinedup.workspace';

export interface SavedWorkspace {
  compareIds: string[];
  editingId: string | null;
  view: string;
}

export function readWorkspace(): SavedWorkspace | null {
  try {
    const raw = window.localStorage.getItem(KEY);
    if (!raw) return null;
    const w = JSON.parse(raw) as Partial<SavedWorkspace>;
    const compareIds = Array.isArray(w.compareIds) ? w.compareIds.filter((x): x is string => typeof x === 'string').slice(0, 5) : [];
    const editingId = typeof w.editingId === 'string' ? w.editingId : null;
    const view = typeof w.view === 'string' ? w.view : 'library';
    return { compareIds, editingId, view };
  } catch {
    return null;
  }
}

export function writeWorkspace(w: SavedWorkspace): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(w));
  } catch {
    // Storage refused: the window simply opens on the library next time.
  }
}

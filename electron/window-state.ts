/**
 * The window's size and position, remembered between runs in a small JSON file in the user data folder.
 * A missing, damaged or foreign file, or a position on a screen that is no longer attached, falls back to a
 * centred default: the app always opens on a visible screen.
 *
 * No electron import here: main.ts passes the screens' work areas and the window's bounds.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Absent when the window should be centred. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_WINDOW_STATE: Readonly<WindowState> = Object.freeze({ width: 1280, height: 820, maximized: false });
export const MIN_WIDTH = 900;
export const MIN_HEIGHT = 600;
/** How much of the window's title bar must be on a screen for a saved position to be kept. */
const MIN_VISIBLE = 64;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 100_000;

/** Rebuild a WindowState from untrusted JSON, field by field; null if it is not one. */
export function parseWindowState(value: unknown): WindowState | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  if (!isInt(v.width) || !isInt(v.height)) return null;
  const state: WindowState = {
    width: Math.max(MIN_WIDTH, v.width),
    height: Math.max(MIN_HEIGHT, v.height),
    maximized: v.maximized === true,
  };
  if (isInt(v.x) && isInt(v.y)) {
    state.x = v.x;
    state.y = v.y;
  }
  return state;
}

function overlap(a: Rectangle, b: Rectangle): Rectangle | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

/**
 * Fit a saved state to the screens attached now: keep the position if the top of the window is visible enough
 * on one of them, otherwise drop it (centre); shrink the size to the largest screen's work area.
 */
export function fitToScreens(state: WindowState, workAreas: readonly Rectangle[]): WindowState {
  if (workAreas.length === 0) return { ...state };
  const largest = workAreas.reduce((a, b) => (a.width * a.height >= b.width * b.height ? a : b));
  const fitted: WindowState = {
    width: Math.min(state.width, largest.width),
    height: Math.min(state.height, largest.height),
    maximized: state.maximized,
  };
  if (state.x !== undefined && state.y !== undefined) {
    const titleBar: Rectangle = { x: state.x, y: state.y, width: fitted.width, height: 32 };
    const visible = workAreas.some((area) => {
      const o = overlap(titleBar, area);
      return o !== null && o.width >= MIN_VISIBLE && state.y! >= area.y;
    });
    if (visible) {
      fitted.x = state.x;
      fitted.y = state.y;
    }
  }
  return fitted;
}

/** Read the saved state from `dir`, or the default when there is none or it cannot be read. */
export function loadWindowState(dir: string): WindowState {
  try {
    const text = fs.readFileSync(path.join(dir, WINDOW_STATE_FILE), 'utf8');
    if (text.length > 10_000) return { ...DEFAULT_WINDOW_STATE };
    return parseWindowState(JSON.parse(text)) ?? { ...DEFAULT_WINDOW_STATE };
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
}

/** The state to remember for a window with these normal (unmaximised) bounds. */
export function stateFromBounds(bounds: Rectangle, maximized: boolean): WindowState {
  return {
    x: Math.round(bounds.x),
    y: Math.round(bounds.y),
    width: Math.round(bounds.width),
    height: Math.round(bounds.height),
    maximized,
  };
}

/** Save the state to `dir` atomically (write a temporary file, then rename over the old one). */
export function saveWindowState(dir: string, state: WindowState): void {
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, WINDOW_STATE_FILE);
  const temporary = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`, 'utf8');
  fs.renameSync(temporary, target);
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  fitToScreens,
  loadWindowState,
  MIN_WIDTH,
  parseWindowState,
  saveWindowState,
  stateFromBounds,
  WINDOW_STATE_FILE,
} from '../../electron/window-state.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'joinedup-window-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const screen = { x: 0, y: 0, width: 1920, height: 1040 };

describe('window state', () => {
  it('round-trips through the user data folder', () => {
    const dir = tempDir();
    const state = stateFromBounds({ x: 100.4, y: 50, width: 1400, height: 900 }, true);
    saveWindowState(dir, state);
    expect(loadWindowState(dir)).toEqual({ x: 100, y: 50, width: 1400, height: 900, maximized: true });
  });

  it('falls back to the default for a missing, damaged or foreign file', () => {
    const dir = tempDir();
    expect(loadWindowState(dir)).toEqual(DEFAULT_WINDOW_STATE);
    for (const text of ['{', 'null', '[]', '{"width":"big","height":1}', '{"__proto__":{"width":5000}}', 'x'.repeat(20_000)]) {
      fs.writeFileSync(path.join(dir, WINDOW_STATE_FILE), text);
      expect(loadWindowState(dir)).toEqual(DEFAULT_WINDOW_STATE);
    }
  });

  it('rebuilds a state field by field and enforces the minimum size', () => {
    expect(parseWindowState({ width: 10, height: 10, x: 5, y: 6, maximized: 'yes', extra: 1 })).toEqual({
      width: MIN_WIDTH,
      height: 600,
      x: 5,
      y: 6,
      maximized: false,
    });
    expect(parseWindowState({ width: 1000, height: 700, x: 1.5, y: 2 })).toEqual({ width: 1000, height: 700, maximized: false });
  });

  it('keeps a position on an attached screen', () => {
    expect(fitToScreens({ x: 200, y: 100, width: 1200, height: 800, maximized: false }, [screen])).toEqual({
      x: 200,
      y: 100,
      width: 1200,
      height: 800,
      maximized: false,
    });
  });

  it('centres a window whose screen has gone, and shrinks it to fit', () => {
    const fitted = fitToScreens({ x: 2500, y: 100, width: 2400, height: 1400, maximized: false }, [screen]);
    expect(fitted).toEqual({ width: 1920, height: 1040, maximized: false });
  });

  it('centres a window whose title bar is above the screen', () => {
    expect(fitToScreens({ x: 100, y: -500, width: 1000, height: 700, maximized: false }, [screen]).x).toBeUndefined();
  });

  it('keeps a position on a second screen', () => {
    const second = { x: 1920, y: 0, width: 1280, height: 1000 };
    expect(fitToScreens({ x: 2000, y: 40, width: 1000, height: 700, maximized: false }, [screen, second])).toMatchObject({ x: 2000, y: 40 });
  });
});

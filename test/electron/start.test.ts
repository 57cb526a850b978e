import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBinaryStatus, planStart } from '../../scripts/launch-plan.js';

const dir = '/project/node_modules/electron';
function files(contents: Record<string, string>, existing: string[] = []) {
  return {
    electronPackageDir: dir,
    env: {},
    readText: (p: string) => contents[path.relative(dir, p)] ?? null,
    exists: (p: string) => existing.includes(path.relative(dir, p)),
  };
}
const pkg = JSON.stringify({ name: 'electron', version: '45.5.0' });

describe('finding the Electron binary without downloading it', () => {
  it('reports the package as missing', () => {
    expect(electronBinaryStatus(files({}))).toEqual({ available: false, reason: expect.stringMatching(/not installed/) });
  });

  it('reports a package whose binary was never downloaded (this machine)', () => {
    expect(electronBinaryStatus(files({ 'package.json': pkg }))).toEqual({ available: false, reason: expect.stringMatching(/path\.txt is missing/) });
  });

  it('reports a binary that path.txt names but that is not there', () => {
    expect(electronBinaryStatus(files({ 'package.json': pkg, 'path.txt': 'electron' }))).toEqual({ available: false, reason: expect.stringMatching(/missing/) });
  });

  it('reports a binary of another version', () => {
    const status = electronBinaryStatus(files({ 'package.json': pkg, 'path.txt': 'electron', 'dist/version': 'v44.0.0' }, ['dist/electron']));
    expect(status).toEqual({ available: false, reason: expect.stringMatching(/44\.0\.0.*45\.5\.0/) });
  });

  it('finds a downloaded binary', () => {
    const status = electronBinaryStatus(files({ 'package.json': pkg, 'path.txt': 'electron', 'dist/version': 'v45.5.0' }, ['dist/electron']));
    expect(status).toEqual({ available: true, executable: path.join(dir, 'dist', 'electron') });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as electron itself does', () => {
    const found = { ...files({ 'package.json': pkg }), env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' }, exists: (p: string) => p === '/opt/electron/electron' };
    expect(electronBinaryStatus(found)).toEqual({ available: true, executable: '/opt/electron/electron' });
    const missing = { ...found, exists: () => false };
    expect(electronBinaryStatus(missing)).toEqual({ available: false, reason: expect.stringMatching(/does not exist/) });
  });

  it('sees this checkout as it is: the binary cannot be obtained here', () => {
    const root = path.resolve(import.meta.dirname, '..', '..');
    const status = electronBinaryStatus({ electronPackageDir: path.join(root, 'node_modules', 'electron'), env: {} });
    expect(status.available).toBe(false);
  });
});

describe('what npm start does', () => {
  const available = { available: true as const, executable: '/x/electron' };
  const unavailable = { available: false as const, reason: "Electron's binary has not been downloaded" };

  it('launches Electron when its binary is there', () => {
    expect(planStart({ electron: available, hasRendererSource: true, hasServeCommand: true })).toEqual({ kind: 'electron', executable: '/x/electron' });
  });

  it('falls back to the browser host with one line saying why', () => {
    const plan = planStart({ electron: unavailable, hasRendererSource: true, hasServeCommand: true });
    expect(plan.kind).toBe('browser-host');
    if (plan.kind === 'browser-host') {
      expect(plan.notice.split('\n')).toHaveLength(1);
      expect(plan.notice).toMatch(/Electron is not available here: Electron's binary has not been downloaded; starting the browser host instead/);
    }
  });

  it('starts the browser host on request even where Electron is available', () => {
    expect(planStart({ electron: available, hasRendererSource: true, hasServeCommand: true, forceBrowser: true })).toMatchObject({ kind: 'browser-host' });
  });

  it('fails clearly when there is nothing to start', () => {
    expect(planStart({ electron: unavailable, hasRendererSource: true, hasServeCommand: false })).toEqual({ kind: 'fail', message: expect.stringMatching(/browser host .* not in this checkout/) });
    expect(planStart({ electron: available, hasRendererSource: false, hasServeCommand: true })).toEqual({ kind: 'fail', message: expect.stringMatching(/renderer/) });
  });
});

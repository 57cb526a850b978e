/**
 * What `npm start` should launch, decided without running or downloading anything. Pure apart from reading a few
 * files, so test/electron/start.test.ts checks every branch.
 *
 * The electron package (42 and later) has no install script: its binary is fetched the first time
 * `require('electron')` runs, which fails where the download site cannot be reached. So we never require it here;
 * we look for what a completed download leaves behind (path.txt naming the executable inside dist/, and
 * dist/version), or for ELECTRON_OVERRIDE_DIST_PATH, exactly as node_modules/electron/index.js resolves it.
 */
import fs from 'node:fs';
import path from 'node:path';

/**
 * @param {{ electronPackageDir: string, env?: Record<string, string | undefined>, exists?: (p: string) => boolean, readText?: (p: string) => string | null }} options
 * @returns {{ available: true, executable: string } | { available: false, reason: string }}
 */
export function electronBinaryStatus({ electronPackageDir, env = process.env, exists = fs.existsSync, readText = readTextOrNull }) {
  const packageJson = readText(path.join(electronPackageDir, 'package.json'));
  if (packageJson === null) return { available: false, reason: 'the electron package is not installed (run npm install)' };
  const executableName = readText(path.join(electronPackageDir, 'path.txt'));
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const executable = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, executableName ?? 'electron');
    return exists(executable)
      ? { available: true, executable }
      : { available: false, reason: `ELECTRON_OVERRIDE_DIST_PATH names ${executable}, which does not exist` };
  }
  if (executableName === null) {
    return { available: false, reason: "Electron's binary has not been downloaded (node_modules/electron/path.txt is missing)" };
  }
  const executable = path.join(electronPackageDir, 'dist', executableName);
  if (!exists(executable)) return { available: false, reason: `Electron's binary is missing (${executable})` };
  let version = null;
  try {
    version = JSON.parse(packageJson).version;
  } catch {
    return { available: false, reason: 'node_modules/electron/package.json is unreadable' };
  }
  const distVersion = readText(path.join(electronPackageDir, 'dist', 'version'));
  if (distVersion !== null && distVersion.trim().replace(/^v/, '') !== version) {
    return { available: false, reason: `Electron's binary is version ${distVersion.trim()}, not the installed package's ${version}` };
  }
  return { available: true, executable };
}

function readTextOrNull(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * Decide what `npm start` does.
 * @param {{ electron: ReturnType<typeof electronBinaryStatus>, hasRendererSource: boolean, hasServeCommand: boolean, forceBrowser?: boolean }} facts
 * @returns {{ kind: 'electron', executable: string } | { kind: 'browser-host', notice: string } | { kind: 'fail', message: string }}
 */
export function planStart({ electron, hasRendererSource, hasServeCommand, forceBrowser = false }) {
  if (!hasRendererSource) return { kind: 'fail', message: 'The window (renderer/) is not in this checkout yet, so there is nothing to start.' };
  if (electron.available && !forceBrowser) return { kind: 'electron', executable: electron.executable };
  if (!hasServeCommand) {
    return {
      kind: 'fail',
      message: `Electron cannot run here (${forceBrowser ? 'browser host requested' : electron.reason}) and the browser host (joinedup serve) is not in this checkout yet.`,
    };
  }
  const why = forceBrowser ? 'JOINEDUP_BROWSER=1 is set' : `Electron is not available here: ${electron.reason}`;
  return { kind: 'browser-host', notice: `JoinedUp: ${why}; starting the browser host instead (open the URL below in a browser).` };
}

#!/usr/bin/env node
/**
 * `npm start`: build, then launch the desktop app on the user's scenarios (the built-in ones on first run).
 * Where the Electron binary cannot be obtained, say so in one line and start the browser host instead
 * (`joinedup serve`, which prints its URL). See scripts/launch-plan.js for the decision.
 *
 * JOINEDUP_BROWSER=1 starts the browser host even where Electron is available.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinaryStatus, planStart } from './launch-plan.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function fail(message) {
  console.error(`npm start: ${message}`);
  process.exit(1);
}

async function buildRenderer() {
  const { build } = await import('vite');
  try {
    await build({ configFile: path.join(root, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
  } catch (error) {
    fail(`the window (renderer) did not build: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!fs.existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) fail('the renderer build did not produce dist/renderer/index.html.');
}

/** Run a child with the terminal attached, pass Ctrl+C on, and exit with its status. */
function runAttached(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => fail(`could not start ${command}: ${error.message}`));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const plan = planStart({
  electron: electronBinaryStatus({ electronPackageDir: path.join(root, 'node_modules', 'electron') }),
  hasRendererSource: fs.existsSync(path.join(root, 'renderer', 'vite.config.ts')),
  hasServeCommand: fs.existsSync(path.join(root, 'cli', 'commands', 'serve.ts')),
  forceBrowser: process.env.JOINEDUP_BROWSER === '1',
});

if (plan.kind === 'fail') fail(plan.message);

await buildRenderer();

if (plan.kind === 'electron') {
  const { buildElectron } = await import('./build-electron.js');
  try {
    await buildElectron();
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const { prepareElectronSqlite } = require('./electron-native.cjs');
  const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  try {
    await prepareElectronSqlite({ projectDir: root, electronVersion });
  } catch (error) {
    fail(`better-sqlite3 could not be built for Electron ${electronVersion}: ${error instanceof Error ? error.message : String(error)}`);
  }
  // ELECTRON_RUN_AS_NODE from a parent shell would make the binary behave as plain Node.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  runAttached(plan.executable, [root, ...process.argv.slice(2)], env);
} else {
  console.log(plan.notice);
  runAttached(process.execPath, [path.join(root, 'bin', 'joinedup.js'), 'serve', ...process.argv.slice(2)]);
}

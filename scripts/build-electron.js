#!/usr/bin/env node
/**
 * Build the Electron side into dist-electron/:
 * 1. the main process and everything it imports (electron/, models/, scenarios/), with tsc (electron/tsconfig.build.json);
 * 2. the files those modules read beside themselves at run time (scenarios/library/*.json, …);
 * 3. the preload, bundled by esbuild into one CommonJS file, dist-electron/preload.cjs: a sandboxed preload may
 *    load no other file, so the contract's channel list is bundled into it.
 * `npm run build:electron` should run this file; `npm start` and the packaging hook call it too.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist-electron');
const require = createRequire(import.meta.url);

/** Folders whose compiled modules read data files next to themselves. */
const ASSET_ROOTS = ['models', 'scenarios'];
const ASSET_EXTENSIONS = new Set(['.json', '.sql', '.xmile', '.stmx', '.csv', '.md']);

function compileMain() {
  const tsc = require.resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'electron', 'tsconfig.build.json')], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('tsc could not compile the main process (errors above).');
}

function copyAssets() {
  let copied = 0;
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (ASSET_EXTENSIONS.has(path.extname(entry.name)) && entry.name !== 'tsconfig.json') {
        const target = path.join(out, path.relative(root, file));
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.copyFileSync(file, target);
        copied++;
      }
    }
  };
  for (const dir of ASSET_ROOTS) if (fs.existsSync(path.join(root, dir))) walk(path.join(root, dir));
  return copied;
}

async function bundlePreload() {
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [path.join(root, 'electron', 'preload.ts')],
    outfile: path.join(out, 'preload.cjs'),
    bundle: true,
    format: 'cjs',
    platform: 'browser',
    target: 'es2022',
    external: ['electron'],
    sourcemap: false,
    logLevel: 'warning',
  });
  // The sandbox gives a preload `require` for a few built-in modules only; anything else here would fail at run time.
  const text = fs.readFileSync(path.join(out, 'preload.cjs'), 'utf8');
  const required = [...text.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
  const unexpected = required.filter((name) => name !== 'electron');
  if (unexpected.length > 0) throw new Error(`The preload bundle requires ${unexpected.join(', ')}; a sandboxed preload may only require electron.`);
}

function writeOutputPackage() {
  // Keeps dist-electron's .js files ES modules if scripts/electron-native.cjs has not written this file yet.
  const file = path.join(out, 'package.json');
  if (!fs.existsSync(file)) fs.writeFileSync(file, `${JSON.stringify({ name: 'joinedup-electron', private: true, type: 'module' }, null, 2)}\n`);
}

export async function buildElectron() {
  compileMain();
  const assets = copyAssets();
  await bundlePreload();
  writeOutputPackage();
  return { assets };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { assets } = await buildElectron();
    console.log(`Built dist-electron/electron/main.js, dist-electron/preload.cjs and ${assets} data files.`);
  } catch (error) {
    console.error(`build-electron: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

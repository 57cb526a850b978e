/**
 * electron-builder's beforePack hook (electron-builder.config.cjs sets `npmRebuild: false`, so this is the only
 * native rebuild):
 * 1. build the Electron side again with scripts/build-electron.js (main, its data files, the bundled preload), so
 *    the package never depends on which build script ran before;
 * 2. check the window's build (dist/renderer) is there;
 * 3. build better-sqlite3 for the Electron being packaged into dist-electron/node_modules
 *    (scripts/electron-native.cjs). node_modules/better-sqlite3 is not touched, so the tests keep working after a
 *    packaging run.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { prepareElectronSqlite } = require('./electron-native.cjs');

/** electron-builder's Arch enum, by value. */
const ARCH_NAMES = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' };

/** The files `npm run build` must have produced before anything is packed. */
const REQUIRED_OUTPUTS = ['dist/renderer/index.html', 'dist-electron/electron/main.js', 'dist-electron/preload.cjs'];

function missingOutputs(projectDir) {
  return REQUIRED_OUTPUTS.filter((file) => !fs.existsSync(path.join(projectDir, file)));
}

module.exports = async function beforePack(context) {
  const projectDir = context.packager.projectDir ?? context.packager.info.projectDir;
  if (path.resolve(projectDir) === path.resolve(__dirname, '..')) {
    const { buildElectron } = await import(require('node:url').pathToFileURL(path.join(__dirname, 'build-electron.js')).href);
    await buildElectron();
  }
  const missing = missingOutputs(projectDir);
  if (missing.length > 0) {
    throw new Error(`Cannot package JoinedUp: ${missing.join(', ')} missing. Run "npm run build" first.`);
  }
  const electronVersion =
    context.packager.info?.framework?.version ?? require(path.join(projectDir, 'node_modules', 'electron', 'package.json')).version;
  const arch = ARCH_NAMES[context.arch] ?? String(context.arch);
  if (arch === 'universal') throw new Error('Universal macOS builds are not supported: build x64 and arm64 separately.');
  await prepareElectronSqlite({
    projectDir,
    electronVersion,
    platform: context.electronPlatformName,
    arch,
    log: (line) => console.log(`  • ${line}`),
  });
};

module.exports.missingOutputs = missingOutputs;
module.exports.REQUIRED_OUTPUTS = REQUIRED_OUTPUTS;

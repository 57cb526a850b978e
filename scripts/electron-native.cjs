/**
 * better-sqlite3 for Electron, kept apart from the copy in node_modules (which stays built for Node, so the tests
 * keep running): a copy of the package in dist-electron/node_modules, rebuilt for Electron's ABI with
 * @electron/rebuild. Code compiled into dist-electron resolves `better-sqlite3` to that copy first (Node looks in
 * the nearest node_modules), in `npm start` and inside the packaged app alike.
 *
 * Used by scripts/before-pack.cjs (packaging) and scripts/start.js (running Electron from the checkout).
 * Needs Electron's headers from electronjs.org (or a prebuilt binary from GitHub), so it cannot run offline.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const MODULE = 'better-sqlite3';
const MARKER = '.joinedup-electron-build.json';

/** Where the Electron build of better-sqlite3 lives under the project. */
function stagedModuleDir(projectDir) {
  return path.join(projectDir, 'dist-electron', 'node_modules', MODULE);
}

/** The files better-sqlite3 needs at run time; the rest (SQLite's sources, object files) is 20 MB of build input. */
const RUNTIME_FILES = ['package.json', 'LICENSE', 'lib', path.join('build', 'Release', 'better_sqlite3.node'), MARKER];

/** Delete everything in the staged copy but its run-time files, so the packaged app carries only those. */
function pruneToRuntime(moduleDir) {
  const keep = new Set(RUNTIME_FILES.map((f) => path.join(moduleDir, f)));
  const prune = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (keep.has(file)) continue;
      const holdsKept = [...keep].some((k) => k.startsWith(file + path.sep));
      if (entry.isDirectory() && holdsKept) prune(file);
      else fs.rmSync(file, { recursive: true, force: true });
    }
  };
  prune(moduleDir);
}

/** What the staged copy was built for, or null when there is none. */
function readStagedBuild(projectDir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(stagedModuleDir(projectDir), MARKER), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * The environment for the rebuild: without npm's `nodedir`, which would make node-gyp compile against Node's
 * headers (/usr/include/node) and report success while producing a binary Electron cannot load.
 */
function rebuildEnvironment(env) {
  const clean = { ...env };
  for (const key of Object.keys(clean)) {
    if (key.toLowerCase() === 'npm_config_nodedir') delete clean[key];
  }
  return clean;
}

/**
 * Make dist-electron/node_modules/better-sqlite3 a build for `electronVersion` on `platform`/`arch`, unless it
 * already is one. Native modules cannot be cross-compiled, so `platform` must be this machine's.
 */
async function prepareElectronSqlite({ projectDir, electronVersion, platform = process.platform, arch = process.arch, log = console.log }) {
  if (platform !== process.platform) {
    throw new Error(
      `better-sqlite3 cannot be built for ${platform} on ${process.platform}: build the ${platform} installer on a ${platform} machine.`,
    );
  }
  const source = path.join(projectDir, 'node_modules', MODULE);
  const sourcePackage = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8'));
  const wanted = { electronVersion, platform, arch, moduleVersion: sourcePackage.version };
  const existing = readStagedBuild(projectDir);
  const target = stagedModuleDir(projectDir);
  if (existing && JSON.stringify(existing) === JSON.stringify(wanted) && fs.existsSync(path.join(target, 'build', 'Release', 'better_sqlite3.node'))) {
    log(`better-sqlite3 ${wanted.moduleVersion} for Electron ${electronVersion} (${platform}-${arch}) is already built.`);
    return target;
  }

  log(`Building better-sqlite3 ${wanted.moduleVersion} for Electron ${electronVersion} (${platform}-${arch}) in ${path.relative(projectDir, target)}…`);
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // Copy the sources, not the Node build: a stale Node binary must never be picked up by Electron.
  fs.cpSync(source, target, {
    recursive: true,
    filter: (file) => {
      const relative = path.relative(source, file);
      return relative !== 'build' && !relative.startsWith(`build${path.sep}`);
    },
  });
  // @electron/rebuild walks the dependencies named in the build folder's package.json. "type": "module" keeps
  // the compiled main process (dist-electron/electron/*.js) an ES module, as under the root package.json.
  fs.writeFileSync(
    path.join(projectDir, 'dist-electron', 'package.json'),
    `${JSON.stringify({ name: 'joinedup-electron', private: true, type: 'module', dependencies: { [MODULE]: sourcePackage.version } }, null, 2)}\n`,
  );

  const removed = Object.entries(process.env).filter(([key]) => !(key in rebuildEnvironment(process.env)));
  for (const [key] of removed) delete process.env[key];
  try {
    const { rebuild } = await import('@electron/rebuild');
    await rebuild({
      buildPath: path.join(projectDir, 'dist-electron'),
      electronVersion,
      arch,
      onlyModules: [MODULE],
      force: true,
    });
  } catch (error) {
    // A half-built copy must not shadow anything: remove it.
    fs.rmSync(target, { recursive: true, force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `could not build better-sqlite3 for Electron ${electronVersion}: ${reason}. ` +
        "This needs Electron's headers from electronjs.org (or a prebuilt binary from github.com); check the network or proxy.",
    );
  } finally {
    for (const [key, value] of removed) process.env[key] = value;
  }
  const binary = path.join(target, 'build', 'Release', 'better_sqlite3.node');
  if (!fs.existsSync(binary)) throw new Error(`@electron/rebuild finished but ${binary} is missing.`);
  pruneToRuntime(target);
  fs.writeFileSync(path.join(target, MARKER), `${JSON.stringify(wanted)}\n`);
  log(`Built ${path.relative(projectDir, binary)} for Electron ${electronVersion}.`);
  return target;
}

module.exports = { prepareElectronSqlite, stagedModuleDir, readStagedBuild, rebuildEnvironment, pruneToRuntime, MARKER };

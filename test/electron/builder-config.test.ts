import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const config = require(path.join(root, 'electron-builder.config.cjs'));
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

const targetsOf = (platform: { target: (string | { target: string })[] }) =>
  platform.target.map((t) => (typeof t === 'string' ? t : t.target));

describe('electron-builder configuration', () => {
  it('names the app and points at the icon', () => {
    expect(config.productName).toBe('JoinedUp');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    for (const platform of [config.linux, config.win, config.mac]) expect(platform.icon).toBe('build/icon.png');
    const png = fs.readFileSync(path.join(root, 'build', 'icon.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });

  it('builds AppImage and deb, NSIS, and dmg', () => {
    expect(targetsOf(config.linux).sort()).toEqual(['AppImage', 'deb']);
    expect(targetsOf(config.win)).toEqual(['nsis']);
    expect(targetsOf(config.mac)).toEqual(['dmg']);
  });

  it('associates .joinedup.json scenario files with the app', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'joinedup.json', name: 'JoinedUp scenario', role: 'Editor' })]);
    expect(config.fileAssociations[0].mimeType).toMatch(/^application\/[a-z0-9.+-]+$/);
  });

  it('never rebuilds node_modules for Electron; the beforePack hook builds better-sqlite3 apart', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
    expect(config.beforePack).toBe('./scripts/before-pack.cjs');
    const hook = require(path.join(root, config.beforePack));
    expect(typeof hook).toBe('function');
    const source = fs.readFileSync(path.join(root, 'scripts', 'electron-native.cjs'), 'utf8');
    expect(source).toMatch(/@electron\/rebuild/);
    expect(source).toMatch(/onlyModules: \[MODULE\]/);
    // The Electron build goes to dist-electron/node_modules, is packed as a file set of its own (electron-builder
    // drops node_modules folders from the app's files), and is unpacked from the asar archive; the Node build is not packed.
    expect(config.files).toContainEqual({ from: 'dist-electron/node_modules', to: 'dist-electron/node_modules', filter: ['better-sqlite3/**/*'] });
    expect(config.files).toContain('!node_modules/better-sqlite3/**');
    expect(config.asarUnpack).toEqual(['dist-electron/node_modules/better-sqlite3/**']);
    expect(pkg.scripts).not.toHaveProperty('postinstall');
  });

  it('packs the built window and main process that package.json starts', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/renderer/**/*', 'dist-electron/**/*']));
    expect(pkg.main).toBe('dist-electron/electron/main.js');
    const hook = require(path.join(root, config.beforePack));
    expect(hook.REQUIRED_OUTPUTS).toEqual(['dist/renderer/index.html', 'dist-electron/electron/main.js', 'dist-electron/preload.cjs']);
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('has a dist script that builds then packages with this configuration', () => {
    expect(pkg.scripts.dist).toMatch(/npm run build && electron-builder --config electron-builder\.config\.cjs/);
  });
});

describe('the beforePack hook', () => {
  it('refuses to package before the build has run, naming what is missing', async () => {
    const hook = require(path.join(root, 'scripts', 'before-pack.cjs'));
    const empty = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'joinedup-pack-'));
    try {
      await expect(hook({ packager: { projectDir: empty, info: {} }, arch: 1, electronPlatformName: process.platform })).rejects.toThrow(
        /dist\/renderer\/index\.html, dist-electron\/electron\/main\.js, dist-electron\/preload\.cjs missing.*npm run build/,
      );
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it('rebuilds without npm nodedir, which would silently compile against Node headers', () => {
    const { rebuildEnvironment } = require(path.join(root, 'scripts', 'electron-native.cjs'));
    expect(rebuildEnvironment({ npm_config_nodedir: '/usr', NPM_CONFIG_NODEDIR: '/usr', PATH: '/bin' })).toEqual({ PATH: '/bin' });
  });

  it('keeps only the run-time files of the Electron build', () => {
    const { pruneToRuntime } = require(path.join(root, 'scripts', 'electron-native.cjs'));
    const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'joinedup-prune-'));
    const files = ['package.json', 'LICENSE', 'lib/index.js', 'lib/methods/pragma.js', 'build/Release/better_sqlite3.node', 'build/Release/test_extension.node', 'build/Release/obj/x.o', 'deps/sqlite3/sqlite3.c', 'src/addon.cpp', 'binding.gyp'];
    for (const file of files) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), '');
    }
    try {
      pruneToRuntime(dir);
      const left = files.filter((f) => fs.existsSync(path.join(dir, f)));
      expect(left).toEqual(['package.json', 'LICENSE', 'lib/index.js', 'lib/methods/pragma.js', 'build/Release/better_sqlite3.node']);
      expect(fs.readdirSync(dir).sort()).toEqual(['LICENSE', 'build', 'lib', 'package.json']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to cross-compile the native module', async () => {
    const { prepareElectronSqlite } = require(path.join(root, 'scripts', 'electron-native.cjs'));
    const other = process.platform === 'win32' ? 'linux' : 'win32';
    await expect(prepareElectronSqlite({ projectDir: root, electronVersion: '45.5.0', platform: other })).rejects.toThrow(/cannot be built for/);
  });
});

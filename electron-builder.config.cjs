/**
 * electron-builder configuration: `npm run dist` builds the installers for the current platform into release/.
 * Linux: AppImage and deb. Windows: NSIS. macOS: dmg.
 *
 * Native modules: `npmRebuild: false`, so electron-builder never rebuilds node_modules in place;
 * scripts/before-pack.cjs builds better-sqlite3 for Electron into dist-electron/node_modules instead, which the
 * compiled main process resolves first. It is unpacked from the asar archive because a .node file must be loaded
 * from disk.
 */
'use strict';

module.exports = {
  appId: 'uk.org.joinedup.desktop',
  productName: 'JoinedUp',
  executableName: 'joinedup',
  copyright: 'Copyright © 2026 JoinedUp contributors',
  directories: { output: 'release', buildResources: 'build' },
  files: [
    'package.json',
    'dist/renderer/**/*',
    'dist-electron/**/*',
    '!dist-electron/**/*.map',
    'build/icon.png',
    // electron-builder leaves every node_modules folder out of the app's own files, so the Electron build of
    // better-sqlite3 is added as a file set of its own (only its runtime files: lib/, the .node binary).
    { from: 'dist-electron/node_modules', to: 'dist-electron/node_modules', filter: ['better-sqlite3/**/*'] },
    // Not packed: the Node build of better-sqlite3 (the app loads the Electron build above; leaving the Node build
    // out turns a missing Electron build into "module not found" rather than an ABI mismatch), and the TypeScript
    // runner (the packaged app runs compiled JavaScript).
    '!node_modules/better-sqlite3/**',
    '!node_modules/{tsx,esbuild,@esbuild}/**',
  ],
  asar: true,
  asarUnpack: ['dist-electron/node_modules/better-sqlite3/**'],

  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  beforePack: './scripts/before-pack.cjs',

  // Electron fuses (security checklist item 19): flipped at package time, before signing.
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },

  // Linux matches the whole `*.joinedup.json` glob (the deb's shared-mime-info entry, the AppImage's .desktop file).
  // Windows Explorer and macOS Launch Services decide a file's type by its last extension (.json), so there a
  // double-click on a scenario file opens the .json handler; File › Open and "Open with JoinedUp" still work.
  fileAssociations: [
    {
      ext: 'joinedup.json',
      name: 'JoinedUp scenario',
      description: 'JoinedUp scenario',
      mimeType: 'application/x-joinedup-scenario+json',
      role: 'Editor',
    },
  ],

  linux: {
    target: ['AppImage', 'deb'],
    category: 'Science',
    icon: 'build/icon.png',
    synopsis: 'Compare combined and separate health and social care organisations',
    description:
      'System-dynamics comparison of combined versus separate health and adult social care organisations: cost, stranded beds and healthy life expectancy across saved scenarios.',
    maintainer: 'JoinedUp contributors',
  },
  deb: { packageCategory: 'science' },
  appImage: { artifactName: '${productName}-${version}-${arch}.${ext}' },

  win: { target: ['nsis'], icon: 'build/icon.png' },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    artifactName: '${productName}-Setup-${version}.${ext}',
  },

  mac: { target: ['dmg'], category: 'public.app-category.productivity', icon: 'build/icon.png', hardenedRuntime: true },
  dmg: { artifactName: '${productName}-${version}-${arch}.${ext}' },
};

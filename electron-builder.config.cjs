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
    // Named explicitly: electron-builder excludes every node_modules folder in `files` unless a pattern names one.
    'dist-electron/node_modules/better-sqlite3/**/*',
    '!dist-electron/**/*.map',
    '!dist-electron/node_modules/better-sqlite3/{deps,src,docs,benchmark}/**',
    '!dist-electron/node_modules/better-sqlite3/build/{Release/obj,Release/obj.target,Release/.deps,deps}/**',
    'build/icon.png',
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

/**
 * The layering rules of DESIGN.md, checked on the source itself: models/ is pure (no Node, no electron, no DOM
 * access through imports), only the three shell files import electron, and every tsconfig type-checks strictly.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Module specifiers of value imports (type-only imports erase at compile time and are allowed anywhere). */
function valueImports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specifiers: string[] = [];
  const re = /^\s*(import|export)\s+(?!type\b)[^'"`;]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/gm;
  for (const m of text.matchAll(re)) specifiers.push(m[2] ?? m[3] ?? m[4] ?? m[5]);
  return specifiers;
}

describe('architecture', () => {
  it('keeps models/ pure: only relative imports inside models/ and the whitelisted parsing libraries', () => {
    const allowedPackages = new Set(['mathjs', 'mathjs/number', 'fast-xml-parser']);
    const offences: string[] = [];
    for (const file of sourceFiles('models')) {
      for (const spec of valueImports(file)) {
        if (spec.startsWith('.')) {
          const target = relative(root, resolve(root, dirname(file), spec));
          if (!target.startsWith('models')) offences.push(`${file} imports ${spec} (outside models/)`);
        } else if (!allowedPackages.has(spec)) {
          offences.push(`${file} imports ${spec}`);
        }
      }
    }
    expect(offences).toEqual([]);
  });

  it('lets only electron/main.ts, register-ipc.ts and preload.ts import electron', () => {
    const shell = new Set(['electron/main.ts', 'electron/register-ipc.ts', 'electron/preload.ts']);
    const importers = ['models', 'scenarios', 'electron', 'cli', 'renderer']
      .flatMap(sourceFiles)
      .filter((file) => valueImports(file).some((spec) => spec === 'electron' || spec.startsWith('electron/')));
    expect(importers.filter((f) => !shell.has(f))).toEqual([]);
    expect(importers.sort()).toEqual([...shell].sort());
  });

  it('type-checks strictly under all three tsconfigs (Node side, pure models, renderer)', () => {
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    for (const project of ['tsconfig.json', 'models/tsconfig.json', 'renderer/tsconfig.json']) {
      let output = '';
      try {
        execFileSync(process.execPath, [tsc, '-p', project], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
      } catch (err) {
        output = String((err as { stdout?: string }).stdout ?? err);
      }
      expect(output, project).toBe('');
    }
  }, 180_000);
});

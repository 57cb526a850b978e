import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { defaultScenario } from '../../scenarios/parse.js';
import type { Scenario } from '../../scenarios/scenario.js';

/** A fresh temporary folder per test, removed afterwards. */
export function useTempDir(): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const d = mkdtempSync(join(tmpdir(), 'joinedup-test-'));
    dirs.push(d);
    return d;
  };
}

export function scenario(name: string, extra: Partial<Scenario> = {}): Scenario {
  return { ...defaultScenario(name), ...extra };
}

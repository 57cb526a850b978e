/**
 * Crash safety: child processes save scenarios in a loop and are killed with SIGKILL at a random moment; the
 * database must then pass `PRAGMA integrity_check` and hold every scenario whose save had returned (printed).
 * Two children write to the same database at once in each round, so kills also land while the other waits on
 * the lock.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../scenarios/store.js';
import { useTempDir } from './helpers.js';

const tempDir = useTempDir();
const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const ROUNDS = 11;
const CHILDREN_PER_ROUND = 2;

interface Watched {
  child: ChildProcess;
  saved: string[];
  /** Resolves once the child has reported its first completed save. */
  firstSave: Promise<void>;
  exited: Promise<string>;
}

function startChild(db: string, tag: string): Watched {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, db, tag], { stdio: ['ignore', 'pipe', 'pipe'] });
  const saved: string[] = [];
  let buffer = '';
  let stderr = '';
  let onFirst: () => void = () => {};
  let onFail: (e: Error) => void = () => {};
  const firstSave = new Promise<void>((resolve, reject) => {
    onFirst = resolve;
    onFail = reject;
  });
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    buffer += chunk;
    let nl: number;
    // Only complete lines count: a line is printed after its save returned.
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (line.startsWith('saved ')) {
        saved.push(line.slice(6));
        onFirst();
      }
    }
  });
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<string>((resolve) =>
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') onFail(new Error(`child exited with ${code}: ${stderr}`));
      resolve(signal === 'SIGKILL' ? signal : `exit ${code}: ${stderr}`);
    }),
  );
  return { child, saved, firstSave, exited };
}

describe('crash safety', () => {
  it(`keeps every returned save through ${ROUNDS * CHILDREN_PER_ROUND} SIGKILLs`, async () => {
    const db = join(tempDir(), 'crash.db');
    const all: string[] = [];
    let kills = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const children = Array.from({ length: CHILDREN_PER_ROUND }, (_, k) => startChild(db, `r${round}c${k}`));
      await Promise.all(children.map((c) => c.firstSave));
      await Promise.all(
        children.map(async (c) => {
          await new Promise((r) => setTimeout(r, Math.random() * 150));
          c.child.kill('SIGKILL');
          expect(await c.exited).toBe('SIGKILL');
          kills++;
        }),
      );
      const store = openStore(db, { dailyBackup: false });
      try {
        expect(store.integrityCheck()).toBe('ok');
        for (const c of children) all.push(...c.saved);
        const present = new Set(store.list().map((s) => s.id));
        const missing = all.filter((id) => !present.has(id));
        expect(missing, `round ${round}`).toEqual([]);
      } finally {
        store.close();
      }
    }
    expect(kills).toBeGreaterThanOrEqual(20);
    expect(all.length).toBeGreaterThan(kills);
  });
});

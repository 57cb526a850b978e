/**
 * `joinedup bench` (`npm run bench`): runs every benchmark script in test/bench/*.bench.ts, one after another,
 * each in its own process so they do not disturb each other's timings, and passes their output through.
 * Benchmarks print their own figures as ratios against a baseline measured in the same run.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../io.js';

export const summary = 'run the benchmarks in test/bench';

export async function run(args: string[], io: CliIo): Promise<number> {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const benchDir = join(root, 'test', 'bench');
  const only = args.filter((a) => !a.startsWith('-'));
  let files: string[];
  try {
    files = readdirSync(benchDir)
      .filter((f) => f.endsWith('.bench.ts'))
      .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
      .sort();
  } catch {
    io.stderr(`joinedup bench: no benchmark folder at ${benchDir}\n`);
    return 1;
  }
  if (files.length === 0) {
    io.stderr('joinedup bench: no benchmark matched\n');
    return 2;
  }
  let failures = 0;
  const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  for (const file of files) {
    io.stdout(`\n== ${file} ==\n`);
    const result = spawnSync(process.execPath, [tsx, join(benchDir, file)], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    io.stdout(result.stdout ?? '');
    if (result.stderr) io.stderr(result.stderr);
    if (result.status !== 0) {
      failures += 1;
      io.stderr(`${file}: exited with ${result.status ?? result.signal}\n`);
    }
  }
  return failures === 0 ? 0 : 1;
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_SCENARIO_FILE_BYTES,
  planSave,
  readScenarioFile,
  safeFileName,
  scenarioFilesFromArgv,
  withExtension,
} from '../../electron/file-paths.js';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'joinedup-files-'));
  fs.writeFileSync(path.join(dir, 'a.joinedup.json'), '{"format":"joinedup-scenario"}');
  fs.writeFileSync(path.join(dir, 'plain.json'), '{}');
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'hello');
  fs.writeFileSync(path.join(dir, 'big.joinedup.json'), Buffer.alloc(MAX_SCENARIO_FILE_BYTES + 1, 32));
  fs.writeFileSync(path.join(dir, 'latin1.joinedup.json'), Buffer.from([0x7b, 0xe9, 0x7d]));
  fs.mkdirSync(path.join(dir, 'folder.joinedup.json'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('reading a scenario file', () => {
  it('reads a .joinedup.json file', () => {
    expect(readScenarioFile(path.join(dir, 'a.joinedup.json'), { allowPlainJson: false })).toEqual({
      ok: true,
      text: '{"format":"joinedup-scenario"}',
      fileName: 'a.joinedup.json',
    });
  });

  it('reads plain .json only when the user picked it in the open dialog', () => {
    expect(readScenarioFile(path.join(dir, 'plain.json'), { allowPlainJson: true }).ok).toBe(true);
    expect(readScenarioFile(path.join(dir, 'plain.json'), { allowPlainJson: false })).toMatchObject({ ok: false, message: expect.stringMatching(/\.joinedup\.json/) });
  });

  it.each([
    ['another extension', 'notes.txt', /must end in/],
    ['a relative path', 'a.joinedup.json', /absolute/],
    ['a missing file', 'missing.joinedup.json', /does not exist/],
    ['a directory', 'folder.joinedup.json', /regular file|EISDIR|Cannot read/],
    ['an oversized file', 'big.joinedup.json', /at most/],
    ['text that is not UTF-8', 'latin1.joinedup.json', /UTF-8/],
  ])('refuses %s, naming the file', (_label, name, message) => {
    const filePath = name === 'a.joinedup.json' ? name : path.join(dir, name);
    const result = readScenarioFile(filePath, { allowPlainJson: true });
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(message) });
    if (!result.ok) expect(result.message).toContain(path.basename(name));
  });

  it('refuses a device file', () => {
    if (process.platform === 'win32') return;
    expect(readScenarioFile('/dev/zero', { allowPlainJson: true }).ok).toBe(false);
  });
});

describe('files on the command line', () => {
  it('takes only .joinedup.json arguments, resolved against the working directory', () => {
    const argv = ['/opt/JoinedUp/joinedup', '--no-sandbox', '.', 'relative/x.joinedup.json', '/abs/Y.JOINEDUP.JSON', 'other.json', '--flag=a.joinedup.json'];
    expect(scenarioFilesFromArgv(argv, '/home/u')).toEqual([path.resolve('/home/u', 'relative/x.joinedup.json'), path.resolve('/abs/Y.JOINEDUP.JSON')]);
  });
  it('ignores the executable itself', () => {
    expect(scenarioFilesFromArgv(['/tmp/evil.joinedup.json'], '/')).toEqual([]);
  });
});

describe('saving downloads', () => {
  it.each([
    ['northants.joinedup.json', 'JoinedUp scenario', 'joinedup.json'],
    ['comparison.csv', 'CSV (comma-separated values)', 'csv'],
    ['stranded-beds.png', 'PNG image', 'png'],
    ['briefing.pdf', 'PDF document', 'pdf'],
  ])('plans a save dialog for %s', (name, filterName, extension) => {
    expect(planSave(name, '/home/u/Documents')).toEqual({
      ok: true,
      defaultPath: path.join('/home/u/Documents', name),
      filters: [{ name: filterName, extensions: [extension] }],
    });
  });

  it.each(['run.exe', 'script.js', 'page.svg', 'x.desktop', 'plain.json', 'noextension', 'archive.csv.lnk'])('refuses to save %s', (name) => {
    expect(planSave(name, '/tmp')).toMatchObject({ ok: false, message: expect.stringMatching(/does not save/) });
  });

  it('strips directories and dangerous characters from suggested names', () => {
    expect(safeFileName('../../.bashrc.csv')).toBe('bashrc.csv');
    expect(safeFileName('..\\..\\evil.csv')).toBe('evil.csv');
    expect(safeFileName('a<b>c:d"e|f?g*h.csv')).toBe('a-b-c-d-e-f-g-h.csv');
    expect(safeFileName('line\nbreak.csv')).toBe('line-break.csv');
    expect(safeFileName('CON.csv')).toBe('joinedup-export');
    expect(safeFileName('...')).toBe('joinedup-export');
    const long = safeFileName(`${'x'.repeat(300)}.joinedup.json`);
    expect(long.length).toBe(120);
    expect(long.endsWith('.joinedup.json')).toBe(true);
  });

  it('adds the extension if the user removed it', () => {
    expect(withExtension('/tmp/mine', 'a.csv')).toBe('/tmp/mine.csv');
    expect(withExtension('/tmp/mine.CSV', 'a.csv')).toBe('/tmp/mine.CSV');
    expect(withExtension('/tmp/mine.json', 'a.joinedup.json')).toBe('/tmp/mine.json.joinedup.json');
  });
});

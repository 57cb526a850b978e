import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendErrorLog, ERROR_LOG_FILE, errorDialogText, toErrorRecord } from '../../electron/error-log.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'joinedup-log-'));
  dirs.push(dir);
  return dir;
};

describe('error log', () => {
  it('appends one JSON line per error with its stack', () => {
    const dir = tempDir();
    const file = appendErrorLog(dir, toErrorRecord('uncaughtException', new Error('boom'), '0.1.0', new Date('2026-01-02T03:04:05Z')));
    appendErrorLog(dir, toErrorRecord('unhandledRejection', 'plain reason', '0.1.0'));
    expect(file).toBe(path.join(dir, ERROR_LOG_FILE));
    const lines = fs.readFileSync(file!, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ time: '2026-01-02T03:04:05.000Z', source: 'uncaughtException', message: 'boom', appVersion: '0.1.0' });
    expect(lines[0].stack).toContain('boom');
    expect(lines[1]).toMatchObject({ source: 'unhandledRejection', message: 'plain reason' });
  });

  it('keeps the log small, dropping the oldest half', () => {
    const dir = tempDir();
    for (let i = 0; i < 200; i++) appendErrorLog(dir, toErrorRecord('test', new Error(`error ${i}`), '0.1.0'), 20_000);
    const text = fs.readFileSync(path.join(dir, ERROR_LOG_FILE), 'utf8');
    expect(text.length).toBeLessThan(25_000);
    expect(text).toContain('error 199');
    expect(text).not.toContain('"error 0"');
    for (const line of text.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('never throws when the log cannot be written', () => {
    const dir = tempDir();
    const blocker = path.join(dir, 'not-a-dir');
    fs.writeFileSync(blocker, '');
    expect(appendErrorLog(blocker, toErrorRecord('test', new Error('x'), '0.1.0'))).toBeNull();
  });

  it('tells the user what happened and where the details are', () => {
    const record = toErrorRecord('startup', new Error('disk full'), '0.1.0');
    expect(errorDialogText(record, '/data/joinedup-errors.log').detail).toMatch(/disk full[\s\S]*\/data\/joinedup-errors\.log/);
    expect(errorDialogText(record, null).detail).toMatch(/could not be saved/);
  });
});

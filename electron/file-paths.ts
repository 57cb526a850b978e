/**
 * Paths that reach main from outside: a file the user picked in the open dialog, a file the operating system
 * passed on the command line or through the file association, and the name a download offers for the save
 * dialog. Each is checked here before anything is read or written. The file's content is never trusted here:
 * it goes to `scenarios:import`, which parses it field by field.
 *
 * No electron import here.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The scenario file extension the app registers with the operating system. */
export const SCENARIO_FILE_EXTENSION = '.joinedup.json';
/** Scenario files are a few kilobytes; anything far larger is not one and is not read into memory. */
export const MAX_SCENARIO_FILE_BYTES = 5 * 1024 * 1024;

/** Filters for the native open dialog. */
export const OPEN_SCENARIO_FILTERS = [
  { name: 'JoinedUp scenario', extensions: ['joinedup.json'] },
  { name: 'JSON', extensions: ['json'] },
];

const lower = (p: string) => p.toLowerCase();

/** Whether `filePath` names a scenario file (`.joinedup.json`), or, if `allowPlainJson`, any `.json` file. */
export function hasScenarioExtension(filePath: string, allowPlainJson: boolean): boolean {
  const name = lower(path.basename(filePath));
  return name.endsWith(SCENARIO_FILE_EXTENSION) || (allowPlainJson && name.endsWith('.json') && name.length > 5);
}

export type ReadScenarioFileResult = { ok: true; text: string; fileName: string } | { ok: false; message: string };

/**
 * Read a scenario file the user chose (open dialog: `.joinedup.json` or `.json`) or the operating system passed
 * (`.joinedup.json` only). Checks: an absolute path, the extension, a regular file (not a directory, device or
 * FIFO), at most `MAX_SCENARIO_FILE_BYTES`, valid UTF-8. Size and type are checked on the open file descriptor,
 * so the file cannot be swapped between the check and the read.
 */
export function readScenarioFile(filePath: string, options: { allowPlainJson: boolean }): ReadScenarioFileResult {
  const fileName = path.basename(filePath);
  if (typeof filePath !== 'string' || filePath.includes('\0') || !path.isAbsolute(filePath)) {
    return { ok: false, message: `"${fileName}" is not an absolute file path.` };
  }
  if (!hasScenarioExtension(filePath, options.allowPlainJson)) {
    return {
      ok: false,
      message: `"${fileName}" is not a scenario file: the name must end in ${SCENARIO_FILE_EXTENSION}${options.allowPlainJson ? ' or .json' : ''}.`,
    };
  }
  let fd: number | undefined;
  try {
    fd = fs.openSync(filePath, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { ok: false, message: `"${fileName}" is not a regular file.` };
    if (stat.size > MAX_SCENARIO_FILE_BYTES) {
      return { ok: false, message: `"${fileName}" is ${stat.size} bytes; a scenario file is at most ${MAX_SCENARIO_FILE_BYTES} bytes.` };
    }
    const bytes = fs.readFileSync(fd);
    if (bytes.length > MAX_SCENARIO_FILE_BYTES) {
      return { ok: false, message: `"${fileName}" grew while being read; a scenario file is at most ${MAX_SCENARIO_FILE_BYTES} bytes.` };
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, message: `"${fileName}" is not UTF-8 text.` };
    }
    return { ok: true, text, fileName };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'it does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : String((error as Error).message);
    return { ok: false, message: `Cannot read "${fileName}": ${why}.` };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * The scenario files among a launch's arguments (the file association and "open with" pass them this way;
 * a second launch forwards its own). Only `.joinedup.json` names count, and switches are skipped, so nothing
 * else on a command line is taken for a file. Relative paths resolve against `workingDirectory`.
 */
export function scenarioFilesFromArgv(argv: readonly string[], workingDirectory: string): string[] {
  const files: string[] = [];
  for (const arg of argv.slice(1)) {
    if (typeof arg !== 'string' || arg.startsWith('-') || arg.includes('\0')) continue;
    if (!lower(arg).endsWith(SCENARIO_FILE_EXTENSION)) continue;
    files.push(path.resolve(workingDirectory, arg));
  }
  return files;
}

/** What the window may save through a download, by extension, and the save dialog's filter for each. */
export const SAVE_KINDS: readonly { extension: string; filterName: string }[] = Object.freeze([
  { extension: SCENARIO_FILE_EXTENSION, filterName: 'JoinedUp scenario' },
  { extension: '.csv', filterName: 'CSV (comma-separated values)' },
  { extension: '.png', filterName: 'PNG image' },
  { extension: '.pdf', filterName: 'PDF document' },
  { extension: '.html', filterName: 'Web page' },
]);

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * A file name safe to offer in a save dialog on every platform: no directories, no characters Windows or
 * macOS refuse, no control characters, not a reserved device name, not hidden, at most 120 characters.
 */
export function safeFileName(suggested: string, fallback = 'joinedup-export'): string {
  let name = path.basename(String(suggested).replace(/\\/g, '/'));
  name = name.replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '-').replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (name.length > 120) {
    const ext = saveKindOf(name)?.extension ?? '';
    name = name.slice(0, 120 - ext.length) + ext;
  }
  if (name === '' || WINDOWS_RESERVED.test(name)) return fallback;
  return name;
}

/** The save kind a file name belongs to, or null when the app does not save files of that kind. */
export function saveKindOf(fileName: string): { extension: string; filterName: string } | null {
  const name = lower(fileName);
  // Longest extension first, so `.joinedup.json` is not taken for plain JSON (which is not a save kind).
  return [...SAVE_KINDS].sort((a, b) => b.extension.length - a.extension.length).find((k) => name.endsWith(k.extension)) ?? null;
}

export type SavePlan = { ok: true; defaultPath: string; filters: { name: string; extensions: string[] }[] } | { ok: false; message: string };

/** Plan the native save dialog for a download the window offers as `suggestedName`, starting in `directory`. */
export function planSave(suggestedName: string, directory: string): SavePlan {
  const name = safeFileName(suggestedName);
  const kind = saveKindOf(name);
  if (!kind) {
    return { ok: false, message: `JoinedUp does not save files like "${name}" (allowed: ${SAVE_KINDS.map((k) => k.extension).join(', ')}).` };
  }
  return { ok: true, defaultPath: path.join(directory, name), filters: [{ name: kind.filterName, extensions: [kind.extension.slice(1)] }] };
}

/** The path to write: what the user chose, with the expected extension added if they removed it. */
export function withExtension(chosenPath: string, suggestedName: string): string {
  const kind = saveKindOf(safeFileName(suggestedName));
  if (!kind || lower(chosenPath).endsWith(kind.extension)) return chosenPath;
  return chosenPath + kind.extension;
}

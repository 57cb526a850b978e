/**
 * The main process's error log: one JSON line per error, in the user data folder, so that a failure on a locked
 * laptop can be reported without a console. The log is kept small (the older half is dropped past a limit).
 * main.ts writes every uncaught exception, unhandled rejection and renderer crash here and shows the user a
 * dialog that names the file.
 *
 * No electron import here.
 */
import fs from 'node:fs';
import path from 'node:path';

export const ERROR_LOG_FILE = 'joinedup-errors.log';
export const MAX_LOG_BYTES = 512 * 1024;

export interface ErrorRecord {
  time: string;
  /** Where it happened: 'uncaughtException', 'unhandledRejection', 'render-process-gone', 'startup', … */
  source: string;
  message: string;
  stack?: string;
  appVersion: string;
}

/** Turn anything thrown into a record. */
export function toErrorRecord(source: string, error: unknown, appVersion: string, now: Date = new Date()): ErrorRecord {
  const record: ErrorRecord = { time: now.toISOString(), source, message: describeError(error), appVersion };
  if (error instanceof Error && error.stack) record.stack = error.stack;
  return record;
}

/** A one-line description of anything thrown. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

/**
 * Append `record` to the log in `dir`, trimming the log to its newer half when it has grown past `maxBytes`.
 * Never throws: a log that cannot be written must not turn one error into two. Returns the log's path, or null
 * when it could not be written.
 */
export function appendErrorLog(dir: string, record: ErrorRecord, maxBytes = MAX_LOG_BYTES): string | null {
  const file = path.join(dir, ERROR_LOG_FILE);
  try {
    fs.mkdirSync(dir, { recursive: true });
    try {
      const size = fs.statSync(file).size;
      if (size > maxBytes) {
        const text = fs.readFileSync(file, 'utf8');
        const keepFrom = text.indexOf('\n', Math.floor(text.length / 2));
        fs.writeFileSync(file, keepFrom >= 0 ? text.slice(keepFrom + 1) : '', 'utf8');
      }
    } catch {
      // No log yet.
    }
    fs.appendFileSync(file, `${JSON.stringify(record)}\n`, 'utf8');
    return file;
  } catch {
    return null;
  }
}

/** The text of the error dialog: what happened, in plain words, and where the details are. */
export function errorDialogText(record: ErrorRecord, logPath: string | null): { title: string; message: string; detail: string } {
  return {
    title: 'JoinedUp',
    message: 'Something went wrong in JoinedUp.',
    detail:
      `${record.message}\n\n` +
      (logPath ? `The details are saved in ${logPath}. Please include that file if you report this.` : 'The details could not be saved to the error log.') +
      '\n\nYour saved scenarios are kept in the database and are not affected by this error.',
  };
}

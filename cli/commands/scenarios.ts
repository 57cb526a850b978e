/**
 * `joinedup scenarios list|show|save|export|import|delete|restore … [--db PATH]`: the saved scenarios from the
 * command line, through the same handlers as the window. `--db` (or `JOINEDUP_DB`) chooses the database; the
 * default is the one the desktop app uses, in the user data folder.
 *
 * Exit 0 on success, 1 on an input error (a bad file, an unknown scenario, a damaged database), 2 on a usage error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createHandlers } from '../../electron/handlers.js';
import type { ApiError, Handlers, ImportConflictPolicy, Result, ScenarioSummary, StoredScenario } from '../../electron/ipc-contract.js';
import { resolveDatabasePath } from '../../scenarios/paths.js';
import { restoreLastBackup, startFresh } from '../../scenarios/store.js';
import type { CliIo } from '../io.js';

export const summary = 'list, show, save, export, import and delete saved scenarios';

const USAGE = [
  'usage: joinedup scenarios <action> … [--db PATH]',
  '  list [--search TEXT] [--tag TAG] [--deleted] [--json]',
  '  show <name|id> [--json]',
  '  save <scenario.json> [--id ID]            save a file as a new scenario (or update scenario ID)',
  '  export <name|id>... [--out FILE]          write a scenario file (a set for several)',
  '  import <file.json> [--on-conflict fail|copy|replace]',
  '  delete <name|id>                          move to the bin (undo with restore)',
  '  restore <name|id>',
  '  recover --restore-backup | --start-fresh   for a damaged database (the damaged file is kept, renamed)',
  'The database is --db PATH, else $JOINEDUP_DB, else the user data folder.',
].join('\n');

/** Opens the handlers for a database path; the tests pass their own. */
export type OpenHandlers = (dbPath: string) => Promise<{ handlers: Handlers; close(): void }>;

const openAppHandlers: OpenHandlers = async (dbPath) => {
  // Loaded on use, so the command's parsing and its tests do not load the care model.
  const { createAppDeps } = await import('../../electron/app-deps.js');
  const deps = createAppDeps({ dbPath });
  return { handlers: createHandlers(deps), close: deps.close };
};

const VALUE_FLAGS = new Set(['--db', '--search', '--tag', '--out', '--id', '--on-conflict']);
const BOOLEAN_FLAGS = new Set(['--json', '--deleted', '--restore-backup', '--start-fresh']);

class UsageError extends Error {}
class InputError extends Error {}

interface Parsed {
  action: string;
  positional: string[];
  flags: Map<string, string | true>;
}

function parseArgs(args: string[]): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(0, eq) : arg;
      if (VALUE_FLAGS.has(name)) {
        const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
        if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
        flags.set(name, value);
      } else if (BOOLEAN_FLAGS.has(name) && eq < 0) flags.set(name, true);
      else throw new UsageError(`unknown option ${arg}`);
    } else positional.push(arg);
  }
  const [action = '', ...rest] = positional;
  return { action, positional: rest, flags };
}

function allowOnly(p: Parsed, allowed: string[]): void {
  for (const name of p.flags.keys()) {
    if (name !== '--db' && !allowed.includes(name)) throw new UsageError(`${name} does not apply to "scenarios ${p.action}"`);
  }
}

function flag(p: Parsed, name: string): string | undefined {
  const v = p.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

export async function run(args: string[], io: CliIo, open: OpenHandlers = openAppHandlers): Promise<number> {
  let parsed: Parsed;
  try {
    parsed = parseArgs(args);
    if (!parsed.action || parsed.action === 'help' || parsed.flags.has('--help')) {
      io.stdout(`${USAGE}\n`);
      return parsed.action === 'help' ? 0 : 2;
    }
    if (!ACTIONS[parsed.action] && parsed.action !== 'recover') throw new UsageError(`unknown action "${parsed.action}"`);
  } catch (err) {
    io.stderr(`joinedup scenarios: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const dbPath = resolve(io.cwd, resolveDatabasePath({ db: flag(parsed, '--db'), env: io.env }));
  if (parsed.action === 'recover') return recover(parsed, dbPath, io);
  let session: Awaited<ReturnType<OpenHandlers>> | undefined;
  try {
    ACTIONS[parsed.action].check(parsed);
    session = await open(dbPath);
    await ACTIONS[parsed.action].run(parsed, session.handlers, io);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`joinedup scenarios ${parsed.action}: ${err.message}\n${USAGE}\n`);
      return 2;
    }
    io.stderr(`joinedup scenarios ${parsed.action}: ${(err as Error).message}\n`);
    if ((err as { code?: unknown }).code === 'damaged') {
      io.stderr(`To recover: joinedup scenarios recover --restore-backup (or --start-fresh) --db ${JSON.stringify(dbPath)}\n`);
    }
    return 1;
  } finally {
    session?.close();
  }
}

/** `recover`: put the newest sound backup in place, or start an empty database; the damaged file is renamed aside. */
function recover(p: Parsed, dbPath: string, io: CliIo): number {
  const restore = p.flags.has('--restore-backup');
  const fresh = p.flags.has('--start-fresh');
  const unknown = [...p.flags.keys()].filter((f) => !['--db', '--restore-backup', '--start-fresh'].includes(f));
  if (restore === fresh || p.positional.length > 0 || unknown.length > 0) {
    io.stderr(`joinedup scenarios recover: give exactly one of --restore-backup or --start-fresh\n${USAGE}\n`);
    return 2;
  }
  try {
    if (restore) {
      const r = restoreLastBackup(dbPath);
      io.stdout(`restored ${dbPath} from ${r.restoredFrom}\n`);
      if (r.damagedMovedTo) io.stdout(`the damaged file is kept as ${r.damagedMovedTo}\n`);
    } else {
      const r = startFresh(dbPath);
      io.stdout(r.damagedMovedTo ? `the damaged file is kept as ${r.damagedMovedTo}; a new database starts at ${dbPath}\n` : `no database at ${dbPath}; nothing to move\n`);
    }
    return 0;
  } catch (err) {
    io.stderr(`joinedup scenarios recover: ${(err as Error).message}\n`);
    return 1;
  }
}

interface Action {
  check(p: Parsed): void;
  run(p: Parsed, h: Handlers, io: CliIo): Promise<void>;
}

const ACTIONS: Record<string, Action> = {
  list: {
    check(p) {
      allowOnly(p, ['--search', '--tag', '--deleted', '--json']);
      if (p.positional.length > 0) throw new UsageError('list takes no arguments (use --search TEXT)');
    },
    async run(p, h, io) {
      const list = value(await h['scenarios:list']({ search: flag(p, '--search'), tag: flag(p, '--tag'), includeDeleted: p.flags.has('--deleted') }));
      if (p.flags.has('--json')) return io.stdout(`${JSON.stringify(list, null, 2)}\n`);
      io.stdout(table(list));
    },
  },

  show: {
    check(p) {
      allowOnly(p, ['--json']);
      one(p, 'show <name|id>');
    },
    async run(p, h, io) {
      const stored = await find(h, p.positional[0]);
      if (p.flags.has('--json')) return io.stdout(`${JSON.stringify(stored, null, 2)}\n`);
      io.stdout(describeStored(stored));
    },
  },

  save: {
    check(p) {
      allowOnly(p, ['--id']);
      one(p, 'save <scenario.json>');
    },
    async run(p, h, io) {
      const path = resolve(io.cwd, p.positional[0]);
      const text = readText(path);
      // The file is checked by the import parser for its messages (naming the file); the handler checks it again.
      let scenario: unknown;
      try {
        scenario = JSON.parse(text);
      } catch (err) {
        throw new InputError(`${path}: not valid JSON (${(err as Error).message.slice(0, 200)})`);
      }
      const saved = value(await h['scenarios:save']({ id: flag(p, '--id'), scenario }), path);
      io.stdout(`saved ${saved.id} ${saved.name}\n`);
    },
  },

  export: {
    check(p) {
      allowOnly(p, ['--out']);
      if (p.positional.length === 0) throw new UsageError('export needs at least one scenario name or id');
    },
    async run(p, h, io) {
      const ids: string[] = [];
      for (const ref of p.positional) ids.push((await find(h, ref, true)).id);
      const file = value(await h['scenarios:export']({ ids }));
      const out = flag(p, '--out');
      if (!out) return io.stdout(file.text);
      const path = resolve(io.cwd, out);
      writeFileSync(path, file.text, 'utf8');
      io.stderr(`wrote ${ids.length} scenario${ids.length === 1 ? '' : 's'} to ${path}\n`);
    },
  },

  import: {
    check(p) {
      allowOnly(p, ['--on-conflict']);
      one(p, 'import <file.json>');
      const policy = flag(p, '--on-conflict');
      if (policy !== undefined && !['fail', 'copy', 'replace'].includes(policy)) throw new UsageError('--on-conflict must be fail, copy or replace');
    },
    async run(p, h, io) {
      const path = resolve(io.cwd, p.positional[0]);
      const text = readText(path);
      const onConflict = (flag(p, '--on-conflict') ?? 'fail') as ImportConflictPolicy;
      const result = value(await h['scenarios:import']({ text, fileName: path, onConflict }), path);
      for (const s of result.imported) io.stdout(`imported ${s.id} ${s.name}\n`);
      for (const c of result.conflicts) {
        io.stderr(`not imported: "${c.name}" already exists (${c.existingId}); use --on-conflict copy or replace\n`);
      }
      if (result.conflicts.length > 0) throw new InputError(`${result.conflicts.length} scenario(s) not imported because of name conflicts; nothing was overwritten`);
    },
  },

  delete: {
    check(p) {
      allowOnly(p, []);
      one(p, 'delete <name|id>');
    },
    async run(p, h, io) {
      const stored = await find(h, p.positional[0]);
      value(await h['scenarios:delete']({ id: stored.id }));
      io.stdout(`moved to the bin: ${stored.id} ${stored.name} (undo: joinedup scenarios restore ${stored.id})\n`);
    },
  },

  restore: {
    check(p) {
      allowOnly(p, []);
      one(p, 'restore <name|id>');
    },
    async run(p, h, io) {
      const stored = await find(h, p.positional[0], true);
      const restored = value(await h['scenarios:restore']({ id: stored.id }));
      io.stdout(`restored ${restored.id} ${restored.name}\n`);
    },
  },
};

function one(p: Parsed, usage: string): void {
  if (p.positional.length !== 1) throw new UsageError(`usage: joinedup scenarios ${usage}`);
}

function value<T>(result: Result<T>, file?: string): T {
  if (result.ok) return result.value;
  throw new InputError(errorText(result.error, file));
}

function errorText(error: ApiError, file?: string): string {
  const where = error.where && !error.message.includes(error.where) ? ` (${error.where})` : '';
  const prefix = file && !error.message.includes(file) ? `${file}: ` : '';
  return `${prefix}${error.message}${where}`;
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

/** A saved scenario by id, else by exact name (ignoring case); several of one name is an error listing their ids. */
async function find(h: Handlers, ref: string, includeDeleted = false): Promise<StoredScenario> {
  const byId = await h['scenarios:get']({ id: ref });
  if (byId.ok) return byId.value;
  if (byId.error.code !== 'not-found') throw new InputError(errorText(byId.error));
  const list = value(await h['scenarios:list']({ search: ref, includeDeleted }));
  const matches = list.filter((s) => s.name.toLowerCase() === ref.trim().toLowerCase());
  const live = matches.filter((s) => s.deletedAt === null);
  const chosen = live.length > 0 ? live : matches;
  if (chosen.length === 1) return value(await h['scenarios:get']({ id: chosen[0].id }));
  if (chosen.length === 0) throw new InputError(`no saved scenario named or with id ${JSON.stringify(ref)}`);
  throw new InputError(`${chosen.length} saved scenarios are named ${JSON.stringify(ref)} (ids ${chosen.map((s) => s.id).join(', ')}); give an id instead`);
}

function table(list: ScenarioSummary[]): string {
  if (list.length === 0) return 'no saved scenarios\n';
  const rows = list.map((s) => [
    s.id,
    s.name,
    s.form,
    s.tags.join(', '),
    s.updatedAt.slice(0, 16).replace('T', ' '),
    [s.builtIn ? 'built-in' : '', s.readOnly ? 'read-only' : '', s.deletedAt ? 'in the bin' : ''].filter(Boolean).join(', '),
  ]);
  const head = ['id', 'name', 'form', 'tags', 'updated', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [line(head), ...rows.map(line)].join('\n') + '\n';
}

function describeStored(s: StoredScenario): string {
  const sc = s.scenario;
  const lines = [
    `${s.name}${s.builtIn ? ' (built-in, read-only)' : ''}${s.deletedAt ? ` (in the bin since ${s.deletedAt})` : ''}`,
    `id:          ${s.id}`,
    `form:        ${sc.form}`,
    `model:       ${sc.model}`,
    `start:       ${sc.startDate}, ${sc.horizonYears} years, discount ${(sc.discountRate * 100).toFixed(2).replace(/\.?0+$/, '')}% a year`,
    `tags:        ${sc.tags.join(', ') || '(none)'}`,
    `created:     ${s.createdAt}`,
    `updated:     ${s.updatedAt}`,
  ];
  if (sc.description) lines.push('', sc.description);
  const params = Object.entries(sc.parameters);
  lines.push('', params.length === 0 ? 'parameters:  the form\'s defaults' : 'parameters:');
  for (const [name, v] of params) lines.push(`  ${name} = ${v}`);
  if (sc.notes) lines.push('', 'notes:', sc.notes);
  return lines.join('\n') + '\n';
}

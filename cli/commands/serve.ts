/**
 * `joinedup serve [--port N] [--db PATH]` (`npm run serve`): the browser host. Prints the address with this run's
 * token and serves until interrupted.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBrowserHost } from '../../electron/browser-host.js';
import { createAppDeps } from '../../electron/app-deps.js';
import { createHandlers } from '../../electron/handlers.js';
import { resolveDatabasePath } from '../../scenarios/paths.js';
import type { CliIo } from '../io.js';

export const summary = 'serve the window and the API to a local browser (127.0.0.1, per-run token)';

const USAGE = 'usage: joinedup serve [--port N] [--db PATH]';

export interface ServeOptions {
  /** Resolves when the server should stop; default: SIGINT or SIGTERM. */
  until?: Promise<void>;
}

export async function run(args: string[], io: CliIo, options: ServeOptions = {}): Promise<number> {
  let port = 0;
  let db: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const [name, inline] = args[i].includes('=') ? args[i].split(/=(.*)/s, 2) : [args[i], undefined];
    const value = inline ?? args[i + 1];
    if (name === '--port' || name === '--db') {
      if (value === undefined || value === '') return usage(io, `${name} needs a value`);
      if (inline === undefined) i++;
      if (name === '--db') db = value;
      else {
        port = Number(value);
        if (!Number.isInteger(port) || port < 1 || port > 65535) return usage(io, `--port must be a whole number from 1 to 65535, got ${value}`);
      }
    } else if (name === '--help' || name === '-h') {
      io.stdout(`${USAGE}\n`);
      return 0;
    } else return usage(io, `unknown argument ${args[i]}`);
  }

  const dbPath = resolve(io.cwd, resolveDatabasePath({ db, env: io.env }));
  let deps: ReturnType<typeof createAppDeps>;
  try {
    deps = createAppDeps({ dbPath });
  } catch (err) {
    io.stderr(`joinedup serve: ${(err as Error).message}\n`);
    if ((err as { code?: unknown }).code === 'damaged') {
      io.stderr(`To recover: joinedup scenarios recover --restore-backup (or --start-fresh) --db ${JSON.stringify(dbPath)}\n`);
    }
    return 1;
  }
  for (const e of deps.library.errors) io.stderr(`joinedup serve: built-in scenario ${e.file}: ${e.where}: ${e.message}\n`);
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  let host;
  try {
    host = await startBrowserHost({ handlers: createHandlers(deps), port, rendererDir: join(root, 'dist', 'renderer') });
  } catch (err) {
    deps.close();
    io.stderr(`joinedup serve: cannot listen on 127.0.0.1${port ? `:${port}` : ''}: ${(err as Error).message}\n`);
    return 1;
  }
  io.stdout(`JoinedUp is running at ${host.url}\n`);
  io.stdout(`Database: ${dbPath}\nOpen the address above in a browser on this computer. Press Ctrl+C to stop.\n`);
  await (options.until ??
    new Promise<void>((done) => {
      process.once('SIGINT', () => done());
      process.once('SIGTERM', () => done());
    }));
  await host.close();
  deps.close();
  return 0;
}

function usage(io: CliIo, message: string): number {
  io.stderr(`joinedup serve: ${message}\n${USAGE}\n`);
  return 2;
}

/** Where the scenario database lives: the user's data folder, unless `--db` or `JOINEDUP_DB` says otherwise. */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER = 'JoinedUp';
export const DATABASE_FILE = 'joinedup.db';

/** The per-user data folder for JoinedUp on this platform. */
export function userDataFolder(
  env: Record<string, string | undefined> = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), APP_FOLDER);
}

/** The database path: an explicit path first, then `JOINEDUP_DB`, then the user data folder. */
export function resolveDatabasePath(options: {
  db?: string;
  env?: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
  home?: string;
}): string {
  const env = options.env ?? process.env;
  if (options.db) return options.db;
  if (env.JOINEDUP_DB) return env.JOINEDUP_DB;
  return join(userDataFolder(env, options.platform, options.home), DATABASE_FILE);
}

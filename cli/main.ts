/**
 * `joinedup <command> …`: a table of subcommands, each in cli/commands/<name>.ts exporting
 * `run(args: string[], io: CliIo): Promise<number>`. Exit codes: 0 success, 1 model or input error, 2 usage error.
 */
import type { CliIo } from './io.js';
import { processIo } from './io.js';

type CommandModule = { run(args: string[], io: CliIo): Promise<number>; summary: string };

const commands: Record<string, () => Promise<CommandModule>> = {
  run: () => import('./commands/run.js'),
  compare: () => import('./commands/compare.js'),
  model: () => import('./commands/model.js'),
  scenarios: () => import('./commands/scenarios.js'),
  serve: () => import('./commands/serve.js'),
  uncertainty: () => import('./commands/uncertainty.js'),
  brief: () => import('./commands/brief.js'),
  bench: () => import('./commands/bench.js'),
};

function usage(): string {
  return [
    'usage: joinedup <command> [options]',
    '',
    'commands:',
    '  run <model.xmile|model.stmx|scenario.json> [--set NAME=VALUE]... [--method euler|rk4] [--csv FILE] [--repeat R]',
    '  compare <scenario>... [--baseline <scenario>] [--json]',
    '  model doc',
    '  scenarios list|show|save|export|import|delete … [--db PATH]',
    '  serve [--port N]',
    '  uncertainty <scenario> [--baseline <scenario>] --runs N --seed S [--json]',
    '  brief <scenario>... --baseline <scenario> --out FILE.pdf',
    '  bench',
  ].join('\n');
}

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.stdout : io.stderr)(usage() + '\n');
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    io.stderr(`joinedup: unknown command '${name}'\n${usage()}\n`);
    return 2;
  }
  let mod: CommandModule;
  try {
    mod = await load();
  } catch (err) {
    io.stderr(`joinedup ${name}: this command is not available in this build (${(err as Error).message})\n`);
    return 2;
  }
  return mod.run(rest, io);
}

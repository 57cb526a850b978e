/** `joinedup model doc`: prints the care model's documentation (every variable, the loops, the fixes) as Markdown. */
import { modelDocMarkdown } from '../../models/health-care/index.js';
import type { CliIo } from '../io.js';

export const summary = "print the care model's documentation as Markdown";

export async function run(args: string[], io: CliIo): Promise<number> {
  if (args.length === 1 && args[0] === 'doc') {
    io.stdout(modelDocMarkdown());
    return 0;
  }
  io.stderr('usage: joinedup model doc\n');
  return 2;
}

/**
 * Child process for the crash-safety test: saves scenarios in a loop into the database given as the first
 * argument and prints `saved <id>` after each save has returned, until it is killed.
 */
import { defaultScenario } from '../../scenarios/parse.js';
import { openStore } from '../../scenarios/store.js';

const path = process.argv[2];
const tag = process.argv[3] ?? 'child';
const store = openStore(path, { dailyBackup: false });
process.stdout.write('ready\n');
let previous: string | undefined;
// A safety net: never outlive a test that forgot to kill us, and stop if the reader has gone.
const deadline = Date.now() + 30_000;
process.stdout.on('error', () => process.exit(3));
for (let i = 0; Date.now() < deadline; i++) {
  const notes = 'n'.repeat(Math.floor(Math.random() * 20_000));
  const saved = store.save({ ...defaultScenario(`${tag} ${i}`), notes, tags: [tag, `i${i % 7}`], parameters: { some_parameter: i } });
  process.stdout.write(`saved ${saved.id}\n`);
  // An update of the previous one, so kills also land inside updates.
  if (previous) store.setNotes(previous, `updated ${i}`);
  previous = saved.id;
}
process.exit(4);

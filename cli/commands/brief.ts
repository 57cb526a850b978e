/**
 * `joinedup brief <scenario>... --baseline <scenario> --out FILE.pdf`: a 2–4 page briefing PDF, rendered from the
 * briefing HTML (models/analysis/briefing.ts) by Debian's Chromium through playwright-core.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createAnalysisPool } from '../../electron/analysis-pool.js';
import { renderPdf } from '../../electron/chromium-pdf.js';
import { OPTIMISM_BIAS_GUIDANCE } from '../../models/analysis/appraisal.js';
import type { BriefingOption } from '../../models/analysis/briefing.js';
import { buildBriefingHtml } from '../../models/analysis/briefing.js';
import { briefingScenario, differingParameters } from '../../models/analysis/briefing-input.js';
import { careAnalysisModel } from '../../models/analysis/care-model.js';
import { inlineExecutor } from '../../models/analysis/monte-carlo.js';
import { MAX_RUNS, analyseUncertainty } from '../../models/analysis/uncertainty.js';
import { HLE_CAVEAT, SOURCES } from '../../models/health-care/index.js';
import type { CliIo } from '../io.js';
import { CommandError, loadScenarioArg, optimismBiasFlag, parseArgs, reportingErrors, single, wholeNumber } from '../analysis-common.js';

export const summary = 'write a 2–4 page briefing PDF comparing options with a baseline';

const USAGE =
  'usage: joinedup brief <scenario>... --baseline <scenario> --out FILE.pdf [--runs N] [--seed S] [--html FILE] [--threads N] [--optimism-bias X] [--db PATH]';

export const DEFAULT_BRIEF_RUNS = 500;
export const DEFAULT_BRIEF_SEED = 1;
/** A briefing compares a baseline with up to three options (DESIGN.md: "a baseline and two or three options"). */
export const MAX_OPTIONS = 3;

export async function run(args: string[], io: CliIo): Promise<number> {
  return reportingErrors('brief', USAGE, io, () => brief(args, io));
}

async function brief(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, ['baseline', 'out', 'runs', 'seed', 'html', 'threads', 'optimism-bias', 'db'], ['help']);
  if (parsed.flags.has('help')) {
    io.stdout(USAGE + '\n');
    return 0;
  }
  if (parsed.positional.length === 0) throw new CommandError('give at least one option scenario', 2);
  if (parsed.positional.length > MAX_OPTIONS) throw new CommandError(`a briefing compares at most ${MAX_OPTIONS} options`, 2);
  const baselineArg = single(parsed, 'baseline');
  if (baselineArg === undefined) throw new CommandError('--baseline <scenario> is required', 2);
  const out = single(parsed, 'out');
  if (out === undefined) throw new CommandError('--out FILE.pdf is required', 2);
  const runs = wholeNumber(single(parsed, 'runs'), 'runs', 2, MAX_RUNS) ?? DEFAULT_BRIEF_RUNS;
  const seed = wholeNumber(single(parsed, 'seed'), 'seed', 0, Number.MAX_SAFE_INTEGER) ?? DEFAULT_BRIEF_SEED;
  const threads = wholeNumber(single(parsed, 'threads'), 'threads', 1, 256);
  const optimismBias = optimismBiasFlag(parsed);
  const where = { cwd: io.cwd, env: io.env, db: single(parsed, 'db') };
  const baseline = loadScenarioArg(baselineArg, where);
  const options = parsed.positional.map((a) => loadScenarioArg(a, where));
  const pool = threads === 1 ? undefined : createAnalysisPool({ size: threads });
  void pool?.warm().catch(() => undefined);
  const briefingOptions: BriefingOption[] = [];
  try {
    for (const option of options) {
      io.stderr(`joinedup brief: analysing ${option.name} against ${baseline.name}\n`);
      const report = await analyseUncertainty(careAnalysisModel, option, baseline, {
        runs,
        seed,
        optimismBias,
        executor: pool ?? inlineExecutor(careAnalysisModel),
      });
      briefingOptions.push({ scenario: briefingScenario(option), report, differingParameters: differingParameters(baseline, option) });
    }
  } finally {
    await pool?.close();
  }
  const quote = (a: string) => (/^[\w./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);
  const html = buildBriefingHtml({
    dateText: new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }),
    baseline: briefingScenario(baseline),
    options: briefingOptions,
    sources: [...SOURCES, OPTIMISM_BIAS_GUIDANCE.citation],
    hleCaveat: HLE_CAVEAT,
    command: `joinedup brief ${parsed.positional.map(quote).join(' ')} --baseline ${quote(baselineArg)} --runs ${runs} --seed ${seed}${optimismBias === undefined ? '' : ` --optimism-bias ${optimismBias}`}`,
  });
  const htmlOut = single(parsed, 'html');
  if (htmlOut) writeFileSync(resolve(io.cwd, htmlOut), html);
  const pdf = await renderPdf(html);
  const target = resolve(io.cwd, out);
  writeFileSync(target, pdf);
  io.stdout(`wrote ${target} (${Math.round(pdf.length / 1024)} kB; ${runs} runs, seed ${seed})\n`);
  return 0;
}

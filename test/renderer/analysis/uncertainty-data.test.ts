import { describe, expect, it } from 'vitest';
import { analyseUncertainty } from '../../../models/analysis/uncertainty.js';
import { bandRows, pairedRows, tornadoRows, waterfallRows } from '../../../renderer/analysis/uncertainty-data.js';
import { standInModel, standInScenario } from '../../models/analysis/stand-in-model.js';

const separate = standInScenario();
const combined = standInScenario({ name: 'Combined', form: 'combined' });

describe('Uncertainty view data', async () => {
  const report = await analyseUncertainty(standInModel, combined, separate, { runs: 30, seed: 2 });

  it('shapes bands as [P10, P90] ranges with the central run, by date', () => {
    const { rows, lines } = bandRows(report, 'strandedBeds', 1, '2018-04-01');
    expect(lines.map((l) => l.id)).toEqual(['baseline', 'option']);
    expect(rows).toHaveLength(report.gridTimes.length);
    expect(rows[0].t).toBe(Date.UTC(2018, 3, 1));
    rows.forEach((row, k) => {
      expect(row.optionBand).toEqual([report.option.seriesBands.strandedBeds.p10[k], report.option.seriesBands.strandedBeds.p90[k]]);
      expect(row.baselineRun).toBe(report.baseline!.deterministic.series.strandedBeds[k]);
      expect(row.optionBand[0]).toBeLessThanOrEqual(row.optionBand[1]);
    });
  });

  it('says in how many futures the option is better', () => {
    const rows = pairedRows(report);
    const stranded = rows.find((r) => r.key === 'strandedBeds.final')!;
    expect(stranded.betterRuns).toBe(report.paired!['strandedBeds.final'].betterRuns);
    expect(stranded.sentence).toBe(`better in ${Math.round((stranded.betterRuns / 30) * 10)} of 10 plausible futures (${stranded.betterRuns} of 30)`);
  });

  it('orders tornado bars widest first and leaves out assumptions that move nothing', () => {
    const { rows, reference } = tornadoRows(report.tornado!.difference!, 'cost.total', 1e-6);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.label)).not.toContain('A parameter with no range');
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1].width).toBeGreaterThanOrEqual(rows[i].width);
    expect(rows[0].lowBar[0]).toBe(reference);
    const { domain } = tornadoRows(report.tornado!.difference!, 'cost.total', 1e-6);
    for (const r of rows) for (const v of [...r.lowBar, ...r.highBar]) expect(v >= domain[0] && v <= domain[1]).toBe(true);
  });

  it('builds waterfalls that end at the total difference, either way of splitting it', () => {
    for (const mode of ['alone', 'shapley'] as const) {
      const rows = waterfallRows(report.attribution!, 'cost.total', 1e-6, mode);
      const total = rows[rows.length - 1];
      expect(total.kind).toBe('total');
      const steps = rows.slice(0, -1);
      expect(steps[steps.length - 1].bar[1]).toBeCloseTo(total.bar[1], 6);
      expect(total.value).toBeCloseTo(report.attribution!.total['cost.total'] * 1e-6, 9);
      expect(rows.some((r) => r.kind === 'interaction')).toBe(mode === 'alone');
    }
  });
});

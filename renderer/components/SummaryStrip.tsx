import { memo, useMemo } from 'react';
import type { ModelDescription } from '../../electron/ipc-contract.js';
import { colourFor, HEADLINE_METRICS, summaryTable } from '../chart-data.js';
import type { Evaluation } from '../views/view-types.js';

/** The headline numbers of every compared scenario and their difference from the baseline, always in view. */
export const SummaryStrip = memo(function SummaryStrip({ model, evaluation }: { model: ModelDescription; evaluation: Evaluation }) {
  const metrics = useMemo(
    () => HEADLINE_METRICS.flatMap((k) => model.metrics.filter((m) => m.key === k)),
    [model.metrics],
  );
  const rows = useMemo(() => summaryTable(metrics, evaluation.compared).filter((r) => r.key !== 'breakEvenYear'), [metrics, evaluation.compared]);
  if (evaluation.compared.length === 0) return null;
  return (
    <section className="summary-strip" aria-label="Headline numbers">
      {rows.map((row) => (
        <div key={row.key} className="headline">
          <h2 className="headline-label">
            {row.label}
            {row.indicative && <span className="indicative-tag"> indicative</span>}
          </h2>
          <ul>
            {row.cells.map((cell, i) => (
              <li key={evaluation.compared[i].id} title={evaluation.compared[i].name}>
                <span className="swatch-line" style={{ borderColor: colourFor(i, i === 0) }} aria-hidden="true" />
                <span className="visually-hidden">{evaluation.compared[i].name}: </span>
                <span className="headline-value">{cell.text}</span>
                {i > 0 && <span className={`diff diff-${cell.judgement}`}>{cell.differenceText}</span>}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
});

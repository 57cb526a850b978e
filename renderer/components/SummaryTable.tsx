import { memo, useMemo } from 'react';
import type { ComparedScenario } from '../../electron/ipc-contract.js';
import type { MetricInfo } from '../../models/health-care/types.js';
import { colourFor, summaryTable } from '../chart-data.js';

/** Each metric for every compared scenario with its difference from the baseline, and the break-even year. */
export const SummaryTable = memo(function SummaryTable({
  metrics,
  compared,
  spotlight,
}: {
  metrics: readonly MetricInfo[];
  compared: readonly ComparedScenario[];
  spotlight?: number;
}) {
  const rows = useMemo(() => summaryTable(metrics, compared), [metrics, compared]);
  return (
    <div className="table-wrap">
      <table className="summary-table">
        <caption>
          Results over each scenario’s horizon. Money in £ millions, not discounted unless marked as present value. Differences are
          against the baseline.
        </caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            {compared.map((c, i) => (
              <th key={c.id} scope="col" className={spotlight !== undefined && spotlight > 0 && i !== 0 && i !== spotlight ? 'faded' : undefined}>
                <span className="swatch-line" style={{ borderColor: colourFor(i, i === 0) }} aria-hidden="true" />
                {c.name}
                <span className="col-role">{i === 0 ? 'baseline' : `option ${i}`}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-metric={row.key}>
              <th scope="row">
                <details className="derivation">
                  <summary>
                    {row.label}
                    {row.indicative && <span className="indicative-tag"> indicative</span>}
                  </summary>
                  <span className="derivation-text">{row.derivation}</span>
                </details>
              </th>
              {row.cells.map((cell, i) => (
                <td
                  key={compared[i].id}
                  className={spotlight !== undefined && spotlight > 0 && i !== 0 && i !== spotlight ? 'faded' : undefined}
                >
                  <span className="cell-value">{cell.text}</span>
                  {i > 0 && cell.differenceText && <span className={`diff diff-${cell.judgement}`}>{cell.differenceText}</span>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});

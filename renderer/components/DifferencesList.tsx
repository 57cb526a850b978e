import type { ComparedScenario } from '../../electron/ipc-contract.js';
import { colourFor } from '../chart-data.js';
import { formatParameter } from '../format.js';

/** Every assumption that differs between each option and the baseline. */
export function DifferencesList({ compared }: { compared: readonly ComparedScenario[] }) {
  const base = compared[0];
  if (!base || compared.length < 2) return null;
  return (
    <section className="differences" aria-labelledby="what-differs">
      <h2 id="what-differs">What differs from the baseline</h2>
      {compared.slice(1).map((c, k) => (
        <div key={c.id} className="difference-block">
          <h3>
            <span className="swatch-line" style={{ borderColor: colourFor(k + 1, false) }} aria-hidden="true" />
            {c.name} <span className="muted">against {base.name}</span>
          </h3>
          {c.differingParameters.length === 0 ? (
            <p className="empty-inline">No assumption differs: any difference in results comes from the scenario settings.</p>
          ) : (
            <table className="differences-table">
              <thead>
                <tr>
                  <th scope="col">Assumption</th>
                  <th scope="col">Baseline</th>
                  <th scope="col">This option</th>
                  <th scope="col">Unit</th>
                  <th scope="col">Source</th>
                </tr>
              </thead>
              <tbody>
                {c.differingParameters.map((d) => (
                  <tr key={d.name}>
                    <th scope="row">{d.label}</th>
                    <td>{formatParameter(d.baseline)}</td>
                    <td>{formatParameter(d.option)}</td>
                    <td>{d.unit}</td>
                    <td>
                      {d.source} ({d.grade})
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
    </section>
  );
}

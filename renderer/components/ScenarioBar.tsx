import { colourFor, MAX_COMPARED } from '../chart-data.js';
import type { ViewContext } from '../views/view-types.js';

/** The scenarios being compared, each with its colour: the baseline first, then up to four options. */
export function ScenarioBar({ context }: { context: ViewContext }) {
  const { compareIds, list, items, editing, dirtyIds, actions, evaluation } = context;
  const nameOf = (id: string) => items.find((i) => i.key === id)?.name ?? list.find((s) => s.id === id)?.name ?? '…';
  const available = list.filter((s) => !s.deletedAt && !compareIds.includes(s.id));
  return (
    <section className="scenario-bar" aria-label="Scenarios being compared">
      {compareIds.length === 0 ? (
        <p className="empty-inline">No scenarios chosen yet. Open one from the library, or add one here.</p>
      ) : (
        <ol className="chips">
          {compareIds.map((id, i) => {
            const baseline = i === 0;
            const name = nameOf(id);
            return (
              <li key={id} className={`chip${editing?.id === id ? ' chip-editing' : ''}`}>
                <span
                  className={`swatch${baseline ? ' swatch-baseline' : ''}`}
                  style={{ background: baseline ? undefined : colourFor(i, false), borderColor: colourFor(i, baseline) }}
                  aria-hidden="true"
                />
                <span className="chip-role">{baseline ? 'Baseline' : `Option ${i}`}</span>
                <button type="button" className="chip-name" onClick={() => void actions.open(id)} aria-label={`Edit ${name}`}>
                  {name}
                  {dirtyIds.has(id) && <span className="unsaved"> (unsaved)</span>}
                </button>
                {!baseline && (
                  <button type="button" className="quiet small" onClick={() => actions.makeBaseline(id)} aria-label={`Make baseline: ${name}`}>
                    Make baseline
                  </button>
                )}
                <button type="button" className="quiet small" onClick={() => actions.removeFromComparison(id)} aria-label={`Remove ${name} from the comparison`}>
                  ×
                </button>
              </li>
            );
          })}
        </ol>
      )}
      {compareIds.length < MAX_COMPARED && available.length > 0 && (
        <label className="add-scenario">
          <span className="visually-hidden">Add a scenario to the comparison</span>
          <select
            value=""
            onChange={(e) => {
              if (e.target.value) void actions.addToComparison(e.target.value);
            }}
          >
            <option value="">+ Add to comparison…</option>
            {available.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
                {s.builtIn ? ' (built in)' : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      <span className="run-state" role="status" aria-live="polite">
        {evaluation.busy ? 'Running the model…' : ''}
      </span>
    </section>
  );
}

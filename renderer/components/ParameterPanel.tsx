import { memo, useCallback, useMemo, useRef, useState } from 'react';
import type { ParameterInfo } from '../../models/health-care/types.js';
import type { Scenario } from '../../scenarios/scenario.js';
import { defaultFor, effectiveValue, GROUP_WORDS } from '../parameter-controls.js';
import { ParameterRow } from './ParameterRow.js';

export interface ParameterPanelProps {
  parameters: readonly ParameterInfo[];
  scenario: Scenario;
  onEdit: (next: Scenario, tag: string) => void;
  /** Source key → citation, from the model documentation where available. */
  sources?: Record<string, string>;
}

/** The assumptions of the scenario being edited, in their groups. */
export const ParameterPanel = memo(function ParameterPanel({ parameters, scenario, onEdit, sources }: ParameterPanelProps) {
  const [filter, setFilter] = useState('');
  const [changedOnly, setChangedOnly] = useState(false);
  const overrides = scenario.parameters;
  const groups = useMemo(() => {
    const order = Object.keys(GROUP_WORDS) as ParameterInfo['group'][];
    const q = filter.trim().toLowerCase();
    const shown = parameters.filter(
      (p) =>
        (!q || `${p.label} ${p.name} ${p.description}`.toLowerCase().includes(q)) &&
        (!changedOnly || overrides[p.name] !== undefined),
    );
    return order.map((g) => ({ group: g, items: shown.filter((p) => p.group === g) })).filter((g) => g.items.length > 0);
  }, [parameters, filter, changedOnly, changedOnly ? overrides : null]);
  const byName = useMemo(() => new Map(parameters.map((p) => [p.name, p])), [parameters]);
  // The rows' callbacks read the latest scenario through a ref, so moving one slider re-renders only its row.
  const latest = useRef({ scenario, onEdit });
  latest.current = { scenario, onEdit };

  const onChange = useCallback(
    (name: string, value: number) => {
      const info = byName.get(name);
      if (!info) return;
      const { scenario, onEdit } = latest.current;
      const parameters = { ...scenario.parameters };
      // A value equal to the form's default is not an override, so changing the form later still moves it.
      if (value === defaultFor(info, scenario.form)) delete parameters[name];
      else parameters[name] = value;
      onEdit({ ...scenario, parameters }, `param:${name}`);
    },
    [byName],
  );
  const onReset = useCallback((name: string) => {
      const { scenario, onEdit } = latest.current;
      const parameters = { ...scenario.parameters };
      delete parameters[name];
      onEdit({ ...scenario, parameters }, `reset:${name}`);
  }, []);
  const changedCount = Object.keys(scenario.parameters).length;

  return (
    <section className="parameter-panel" aria-label="Assumptions">
      <div className="panel-head">
        <h2>Assumptions</h2>
        <button
          type="button"
          className="small"
          disabled={changedCount === 0}
          onClick={() => onEdit({ ...scenario, parameters: {} }, 'reset-all')}
        >
          Reset all{changedCount > 0 ? ` (${changedCount} changed)` : ''}
        </button>
      </div>
      <div className="panel-filter">
        <label>
          <span className="visually-hidden">Find an assumption</span>
          <input type="search" placeholder="Find an assumption" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={changedOnly} onChange={(e) => setChangedOnly(e.target.checked)} /> Changed only
        </label>
      </div>
      {groups.length === 0 && <p className="empty-inline">No assumption matches.</p>}
      {groups.map(({ group, items }) => (
        <details key={group} open className="parameter-group">
          <summary>
            {GROUP_WORDS[group]}
            <span className="group-count">
              {' '}
              ({items.filter((p) => scenario.parameters[p.name] !== undefined).length} changed of {items.length})
            </span>
          </summary>
          <ul className="parameter-list">
            {items.map((info) => (
              <ParameterRow
                key={info.name}
                info={info}
                value={effectiveValue(info, scenario.form, scenario.parameters)}
                defaultValue={defaultFor(info, scenario.form)}
                sourceText={sources?.[info.source]}
                onChange={onChange}
                onReset={onReset}
              />
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
});

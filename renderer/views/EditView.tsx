import { useCallback, useEffect, useState } from 'react';
import { CHARTS } from '../chart-data.js';
import type { OrganisationalForm } from '../../models/health-care/types.js';
import { ChartGrid } from '../components/ChartGrid.js';
import { ParameterPanel } from '../components/ParameterPanel.js';
import { canRedo, canUndo } from '../edit-history.js';
import type { ViewContext } from './view-types.js';

const HEADLINE_CHARTS = CHARTS.filter((c) => c.group !== 'cost-by-holder');

/** Edit one scenario's assumptions and watch every compared scenario's charts follow. */
export function EditView({ model, editing, evaluation, sources, actions }: ViewContext) {
  const { undo, redo, save, notify } = actions;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const target = e.target as HTMLElement | null;
      const typing = target?.tagName === 'TEXTAREA' || (target?.tagName === 'INPUT' && (target as HTMLInputElement).type === 'text');
      const key = e.key.toLowerCase();
      if (key === 's') {
        e.preventDefault();
        void save();
      } else if (!typing && key === 'z' && !e.shiftKey) {
        e.preventDefault();
        undo();
      } else if (!typing && (key === 'y' || (key === 'z' && e.shiftKey))) {
        e.preventDefault();
        redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo, save]);
  const exportError = useCallback((m: string) => notify(`The chart was not saved: ${m}`), [notify]);
  // The headline charts follow a drag; the split by budget holder is one click away (and on the Compare view), so
  // a drag redraws three charts rather than six.
  const [byHolder, setByHolder] = useState(false);
  const charts = byHolder ? CHARTS : HEADLINE_CHARTS;

  if (!editing) {
    return (
      <div className="empty-state">
        <h1>Nothing open to edit</h1>
        <p>Open a scenario from the library, or start a new one from a built-in scenario.</p>
        <button type="button" className="primary" onClick={() => actions.go('library')}>
          Go to the library
        </button>
      </div>
    );
  }
  const { draft, stored, dirty, history } = editing;
  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K], tag: string) => actions.edit({ ...draft, [key]: value }, tag);
  const errors = evaluation.errors.filter((e) => e.key === editing.id);
  return (
    <div className="edit-view">
      <ParameterPanel parameters={model.parameters} scenario={draft} onEdit={actions.edit} sources={sources} />
      <div className="edit-main">
        <div className="toolbar" role="toolbar" aria-label="Editing">
          <h1 className="scenario-title">
            {draft.name}
            {stored.readOnly && <span className="tag">built in, read only</span>}
            {dirty && <span className="tag tag-unsaved">unsaved changes</span>}
          </h1>
          <button type="button" onClick={undo} disabled={!canUndo(history)} aria-keyshortcuts="Control+Z">
            Undo
          </button>
          <button type="button" onClick={redo} disabled={!canRedo(history)} aria-keyshortcuts="Control+Y">
            Redo
          </button>
          <button type="button" onClick={actions.discard} disabled={!dirty}>
            Discard changes
          </button>
          <button type="button" className="primary" onClick={() => void save()} disabled={!dirty} aria-keyshortcuts="Control+S">
            {stored.readOnly ? 'Save as new scenario' : 'Save'}
          </button>
        </div>
        <details className="scenario-settings">
          <summary>Scenario settings: organisation, horizon, discount rate, notes</summary>
          <div className="settings-grid">
            <label>
              Name
              <input type="text" value={draft.name} onChange={(e) => set('name', e.target.value, 'name')} />
            </label>
            <label>
              How care is organised
              <select value={draft.form} onChange={(e) => set('form', e.target.value as OrganisationalForm, 'form')}>
                <option value="separate">Separate NHS and council organisations</option>
                <option value="combined">One combined organisation</option>
              </select>
            </label>
            <label>
              Start date
              <input type="date" value={draft.startDate} onChange={(e) => e.target.value && set('startDate', e.target.value, 'start')} />
            </label>
            <label>
              Years to simulate
              <input
                type="number"
                min={1}
                max={30}
                step={1}
                value={draft.horizonYears}
                onChange={(e) => Number(e.target.value) >= 1 && set('horizonYears', Number(e.target.value), 'horizon')}
              />
            </label>
            <label>
              Discount rate (% a year; Green Book 3.5)
              <input
                type="number"
                min={0}
                max={20}
                step={0.1}
                value={Number((draft.discountRate * 100).toFixed(3))}
                onChange={(e) => e.target.value !== '' && set('discountRate', Number(e.target.value) / 100, 'discount')}
              />
            </label>
            <label className="wide">
              Description
              <input type="text" value={draft.description} onChange={(e) => set('description', e.target.value, 'description')} />
            </label>
            <label className="wide">
              Notes
              <textarea rows={3} value={draft.notes} onChange={(e) => set('notes', e.target.value, 'notes')} />
            </label>
          </div>
        </details>
        {errors.map((e) => (
          <p key={e.key} className="error-banner" role="alert">
            This scenario cannot run: {e.message}
            {e.where ? ` (${e.where})` : ''}
          </p>
        ))}
        {evaluation.compared.length === 0 ? (
          errors.length === 0 && (
            <p className="loading-inline" role="status">
              Running the model…
            </p>
          )
        ) : (
          <>
            <ChartGrid compared={evaluation.compared} charts={charts} onExportError={exportError} />
            <button type="button" className="small more-charts" aria-expanded={byHolder} onClick={() => setByHolder((b) => !b)}>
              {byHolder ? 'Hide the cost by budget holder' : 'Show the cost by budget holder (NHS, council, reorganisation)'}
            </button>
          </>
        )}
      </div>
    </div>
  );
}

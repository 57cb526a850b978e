import { useCallback } from 'react';
import { comparedCsv, MAX_COMPARED } from '../chart-data.js';
import { ChartGrid } from '../components/ChartGrid.js';
import { DifferencesList } from '../components/DifferencesList.js';
import { SummaryTable } from '../components/SummaryTable.js';
import { fileNameFor, saveText } from '../download.js';
import type { ViewContext } from './view-types.js';

/** A baseline and up to four options: charts with the baseline on each, the summary table, and what differs. */
export function CompareView({ model, list, compareIds, evaluation, actions, briefing }: ViewContext) {
  const { notify } = actions;
  const exportError = useCallback((m: string) => notify(`The chart was not saved: ${m}`), [notify]);
  const choices = list.filter((s) => !s.deletedAt);
  const briefingRunning = briefing.status === 'running';
  const exportCsv = () => {
    const csv = comparedCsv(model.metrics, evaluation.compared);
    saveText(fileNameFor(`joinedup comparison ${evaluation.compared.map((c) => c.name).join(' vs ')}`, 'csv'), csv, 'text/csv');
  };
  const setSlot = (index: number, id: string) => {
    const next = [...compareIds];
    if (!id) next.splice(index, 1);
    else {
      // A scenario chosen for one place leaves any other place it held.
      const elsewhere = next.indexOf(id);
      next[index] = id;
      if (elsewhere >= 0 && elsewhere !== index) next.splice(elsewhere, 1);
    }
    void actions.setComparison(next);
  };
  return (
    <div className="compare-view">
      <div className="compare-head">
        <h1>Compare scenarios</h1>
        <fieldset className="compare-picker">
          <legend>Choose a baseline and up to {MAX_COMPARED - 1} options</legend>
          {Array.from({ length: Math.min(MAX_COMPARED, compareIds.length + 1) }, (_, i) => (
            <label key={i}>
              <span>{i === 0 ? 'Baseline' : `Option ${i}`}</span>
              <select aria-label={i === 0 ? 'Baseline' : `Option ${i}`} value={compareIds[i] ?? ''} onChange={(e) => setSlot(i, e.target.value)}>
                <option value="">{i < compareIds.length ? '(remove)' : '(none)'}</option>
                {choices
                  .filter((s) => s.id === compareIds[i] || !compareIds.includes(s.id))
                  .map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
              </select>
            </label>
          ))}
        </fieldset>
        <div className="compare-actions">
          <button type="button" onClick={exportCsv} disabled={evaluation.compared.length === 0}>
            Export compared data (CSV)
          </button>
          <button
            type="button"
            onClick={() => {
              if (!briefingRunning) actions.exportBriefing();
            }}
            disabled={compareIds.length < 2}
            aria-disabled={briefingRunning || undefined}
            aria-busy={briefingRunning || undefined}
            aria-describedby="briefing-status"
            title="A 2–4 page PDF: the baseline and up to three options, with how sure the results are (saved scenarios)"
          >
            Export briefing (PDF)
          </button>
          <button type="button" onClick={actions.present} disabled={evaluation.compared.length === 0}>
            Present
          </button>
        </div>
      </div>
      <div id="briefing-status" className="briefing-status" aria-live="polite">
        {briefing.status === 'running' && (
          <p className="loading-inline">
            Preparing the briefing for {briefing.names.map((n) => `“${n}”`).join(', ')}: running the uncertainty analysis and printing it…{' '}
            <button type="button" className="quiet" onClick={actions.cancelBriefing}>
              Cancel briefing
            </button>
          </p>
        )}
        {briefing.status === 'done' && (
          <p>
            Briefing ready: {briefing.fileName}.{briefing.note ? ` ${briefing.note}` : ''}
          </p>
        )}
        {briefing.status === 'failed' && (
          <p className="error-banner" role="alert">
            {briefing.message}
            {briefing.html && (
              <>
                {' '}
                <button type="button" onClick={() => briefing.html && saveText(briefing.html.fileName, briefing.html.text, 'text/html')}>
                  Save the briefing as a web page
                </button>
              </>
            )}
          </p>
        )}
      </div>
      {compareIds.length === 0 ? (
        <div className="empty-state">
          <h2>Nothing to compare yet</h2>
          <p>Choose a baseline above, then one or more options to compare with it.</p>
        </div>
      ) : evaluation.compared.length === 0 ? (
        evaluation.errors.length > 0 ? (
          evaluation.errors.map((e) => (
            <p key={e.key} className="error-banner" role="alert">
              “{e.name}” cannot run: {e.message}
            </p>
          ))
        ) : (
          <p className="loading-inline" role="status">
            Running the model…
          </p>
        )
      ) : (
        <>
          {evaluation.errors.map((e) => (
            <p key={e.key} className="error-banner" role="alert">
              “{e.name}” cannot run: {e.message}
            </p>
          ))}
          <SummaryTable metrics={model.metrics} compared={evaluation.compared} />
          <ChartGrid compared={evaluation.compared} onExportError={exportError} />
          <DifferencesList compared={evaluation.compared} />
        </>
      )}
    </div>
  );
}

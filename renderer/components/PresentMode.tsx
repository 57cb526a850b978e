import { useEffect, useMemo, useRef, useState } from 'react';
import { CHARTS, colourFor, shapeTimeSeries } from '../chart-data.js';
import { PRESENT_START, stepPresent, type PresentState } from '../present-steps.js';
import type { ViewContext } from '../views/view-types.js';
import { chartNote, plotted } from './ChartGrid.js';
import { SummaryTable } from './SummaryTable.js';
import { TimeChart } from './TimeChart.js';

/**
 * Full screen, large type: the summary and then each chart, one to a slide, the baseline on every one. Left and right
 * step through slides, up and down put each option in the spotlight in turn, Escape leaves.
 */
export function PresentMode({ context, onLeave }: { context: ViewContext; onLeave: () => void }) {
  const { evaluation, model } = context;
  const compared = evaluation.compared;
  const [state, setState] = useState<PresentState>(PRESENT_START);
  const rootRef = useRef<HTMLDivElement>(null);
  const slides = 1 + CHARTS.length;
  const scenarios = useMemo(() => plotted(compared), [compared]);

  const leaveRef = useRef(onLeave);
  leaveRef.current = onLeave;
  useEffect(() => {
    const root = rootRef.current;
    root?.focus();
    let entered = false;
    // Full screen where the platform allows it; the layout fills the window either way. The browser takes the
    // first Escape to end full screen, so ending full screen also leaves the presentation.
    if (root && document.fullscreenEnabled && !document.fullscreenElement) {
      root
        .requestFullscreen()
        .then(() => {
          entered = true;
        })
        .catch(() => undefined);
    }
    const onFullscreenChange = () => {
      if (!document.fullscreenElement && entered) leaveRef.current();
    };
    document.addEventListener('fullscreenchange', onFullscreenChange);
    return () => {
      entered = false;
      document.removeEventListener('fullscreenchange', onFullscreenChange);
      if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
    };
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        onLeave();
        return;
      }
      const next = stepPresent(state, e.key, slides, compared.length);
      if (next) {
        e.preventDefault();
        setState(next);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [state, slides, compared.length, onLeave]);

  const spotlightKey = state.spotlight > 0 ? `s${state.spotlight}` : undefined;
  const def = state.slide > 0 ? CHARTS[state.slide - 1] : null;
  const data = useMemo(() => (def ? shapeTimeSeries(def, scenarios) : null), [def, scenarios]);
  const focus = state.spotlight > 0 ? compared[state.spotlight] : null;

  return (
    <div ref={rootRef} className="present" tabIndex={-1} role="region" aria-roledescription="presentation" aria-label="Presentation">
      <header className="present-head">
        <ol className="present-legend" aria-label="Scenarios">
          {compared.map((c, i) => (
            <li key={c.id} className={focus && i !== 0 && i !== state.spotlight ? 'faded' : undefined}>
              <span className="swatch-line" style={{ borderColor: colourFor(i, i === 0) }} aria-hidden="true" />
              {c.name}
              <span className="legend-role">{i === 0 ? 'baseline' : `option ${i}`}</span>
            </li>
          ))}
        </ol>
        <p className="present-position" aria-live="polite">
          Slide {state.slide + 1} of {slides}
          {focus ? ` · ${focus.name} against the baseline` : ''}
        </p>
      </header>
      <main className="present-slide">
        {compared.length === 0 ? (
          <p className="empty-inline">Nothing to present: choose scenarios to compare first.</p>
        ) : def && data ? (
          <TimeChart def={def} data={data} note={chartNote(def, compared)} spotlight={spotlightKey} height={460} large />
        ) : (
          <>
            <h1 className="present-title">What happens under each option</h1>
            <SummaryTable metrics={model.metrics} compared={compared} spotlight={state.spotlight} />
          </>
        )}
      </main>
      <footer className="present-help">
        <span>← → slides · ↑ ↓ spotlight an option · Esc to leave</span>
        <button type="button" onClick={onLeave}>
          Leave presentation
        </button>
      </footer>
    </div>
  );
}

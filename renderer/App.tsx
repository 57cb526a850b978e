/**
 * The window: a scenario bar across the top, the view tabs, the current view, and the summary strip. It owns the
 * workspace (which scenarios are compared, which is being edited, unsaved drafts) and the model worker.
 */
import { Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { DesktopBridge, MenuEvent, ModelDescription, RendererApi, ScenarioSummary, StoredScenario } from '../electron/ipc-contract.js';
import type { Scenario } from '../scenarios/scenario.js';
import { unwrap } from './api.js';
import { exportBriefing as requestBriefing, planBriefing, type BriefingState } from './briefing.js';
import { comparedCsv, MAX_COMPARED } from './chart-data.js';
import { ConfirmDialog, type ConfirmRequest } from './components/ConfirmDialog.js';
import { PresentMode } from './components/PresentMode.js';
import { ScenarioBar } from './components/ScenarioBar.js';
import { SummaryStrip } from './components/SummaryStrip.js';
import { Toast, type ToastMessage } from './components/Toast.js';
import { ViewErrorBoundary } from './components/ViewErrorBoundary.js';
import { clearDraft, readDraft, sameScenario, writeDraft } from './drafts.js';
import { fileNameFor, saveFile, saveSvgAsPng, saveText } from './download.js';
import { record, redo as redoHistory, startHistory, undo as undoHistory, type EditHistory } from './edit-history.js';
import type { ModelClient } from './model-client.js';
import { VIEWS } from './views/registry.js';
import type { Editing, Evaluation, ViewContext, ViewId, WorkspaceActions } from './views/view-types.js';
import type { EvaluateItem } from './worker-protocol.js';
import { readWorkspace, writeWorkspace } from './workspace-storage.js';

const EMPTY_EVALUATION: Evaluation = { compared: [], errors: [], busy: false, seq: 0, modelMs: 0 };

export interface AppProps {
  api: RendererApi;
  client: ModelClient;
  /** The desktop menu's commands, when the window runs inside Electron. */
  onMenuCommand?: DesktopBridge['onMenuCommand'];
}

export function App({ api, client, onMenuCommand }: AppProps) {
  const [model, setModel] = useState<ModelDescription | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  const [list, setList] = useState<ScenarioSummary[]>([]);
  const [listLoading, setListLoading] = useState(true);
  const [stored, setStored] = useState<Record<string, StoredScenario>>({});
  const [histories, setHistories] = useState<Record<string, EditHistory<Scenario>>>({});
  const [compareIds, setCompareIds] = useState<string[]>([]);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [view, setView] = useState<ViewId>('library');
  const [presenting, setPresenting] = useState(false);
  const [evaluation, setEvaluation] = useState<Evaluation>(EMPTY_EVALUATION);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const [sources, setSources] = useState<Record<string, string>>({});
  const [briefing, setBriefing] = useState<BriefingState>({ status: 'idle' });
  const briefingRef = useRef(briefing);
  briefingRef.current = briefing;
  useEffect(() => client.onSources((list) => setSources(Object.fromEntries(list.map((s) => [s.key, s.citation])))), [client]);
  const storedRef = useRef(stored);
  storedRef.current = stored;
  const historiesRef = useRef(histories);
  historiesRef.current = histories;

  const notify = useCallback<WorkspaceActions['notify']>((message, action) => {
    setToast({ id: Date.now(), message, action });
  }, []);

  const refreshList = useCallback(async () => {
    setListLoading(true);
    try {
      setList(await unwrap(api['scenarios:list']({})));
    } catch (error) {
      notify(`Could not list scenarios: ${(error as Error).message}`);
    } finally {
      setListLoading(false);
    }
  }, [api, notify]);

  useEffect(() => {
    unwrap(api['model:describe']({}))
      .then(setModel)
      .catch((error: Error) => setFatal(`The model could not be loaded: ${error.message}`));
    void refreshList();
  }, [api, refreshList]);

  /** Fetch a scenario once; later calls use the copy in memory. */
  const load = useCallback(
    async (id: string): Promise<StoredScenario> => {
      const have = storedRef.current[id];
      if (have) return have;
      const s = await unwrap(api['scenarios:get']({ id }));
      setStored((prev) => ({ ...prev, [id]: s }));
      storedRef.current = { ...storedRef.current, [id]: s };
      return s;
    },
    [api],
  );

  /** Offer a draft left in local storage by an earlier session, once per scenario. */
  const offerDraft = useCallback((s: StoredScenario) => {
    if (historiesRef.current[s.id]) return;
    const draft = readDraft(s.id);
    if (!draft || sameScenario(draft.scenario, s.scenario)) {
      if (draft) clearDraft(s.id);
      return;
    }
    const when = draft.savedAt ? new Date(draft.savedAt).toLocaleString('en-GB') : 'an earlier session';
    const newer = draft.baseUpdatedAt && draft.baseUpdatedAt !== s.updatedAt;
    setConfirm({
      title: 'Unsaved changes found',
      message: `“${s.name}” has changes from ${when} that were never saved.${newer ? ' The saved scenario has changed since.' : ''} Restore them?`,
      confirmLabel: 'Restore my changes',
      cancelLabel: 'Discard them',
      onConfirm: () => {
        setHistories((prev) => ({ ...prev, [s.id]: record(startHistory(s.scenario), draft.scenario, 'restore', 0) }));
      },
      onCancel: () => clearDraft(s.id),
    });
  }, []);

  const addToComparison = useCallback(
    async (id: string) => {
      try {
        const s = await load(id);
        setCompareIds((ids) => {
          if (ids.includes(id)) return ids;
          if (ids.length < MAX_COMPARED) return [...ids, id];
          return [...ids.slice(0, MAX_COMPARED - 1), id];
        });
        offerDraft(s);
      } catch (error) {
        notify(`Could not open the scenario: ${(error as Error).message}`);
      }
    },
    [load, notify, offerDraft],
  );

  const open = useCallback(
    async (id: string) => {
      await addToComparison(id);
      if (storedRef.current[id]) {
        setEditingId(id);
        setView('edit');
      }
    },
    [addToComparison],
  );

  // Reopen where the user left off: the compared scenarios, the open one and the view.
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current) return;
    restored.current = true;
    const saved = readWorkspace();
    if (!saved || saved.compareIds.length === 0) return;
    void Promise.allSettled(saved.compareIds.map((id) => load(id))).then((results) => {
      const ids = saved.compareIds.filter((_, i) => results[i].status === 'fulfilled');
      setCompareIds(ids);
      for (const r of results) if (r.status === 'fulfilled') offerDraft(r.value);
      if (saved.editingId && ids.includes(saved.editingId)) setEditingId(saved.editingId);
      setView(saved.view);
    });
  }, [load, offerDraft]);
  useEffect(() => {
    if (restored.current) writeWorkspace({ compareIds, editingId, view });
  }, [compareIds, editingId, view]);

  const setComparison = useCallback(
    async (ids: string[]) => {
      const wanted = [...new Set(ids)].slice(0, MAX_COMPARED);
      const results = await Promise.allSettled(wanted.map((id) => load(id)));
      const failed = results.find((r) => r.status === 'rejected');
      if (failed) notify(`Could not open a scenario: ${(failed.reason as Error).message}`);
      setCompareIds(wanted.filter((_, i) => results[i].status === 'fulfilled'));
      for (const r of results) if (r.status === 'fulfilled') offerDraft(r.value);
    },
    [load, notify, offerDraft],
  );

  const removeFromComparison = useCallback((id: string) => {
    setCompareIds((ids) => ids.filter((x) => x !== id));
    setEditingId((e) => (e === id ? null : e));
  }, []);

  const makeBaseline = useCallback((id: string) => {
    setCompareIds((ids) => (ids.includes(id) ? [id, ...ids.filter((x) => x !== id)] : ids));
  }, []);

  const editing: Editing | null = useMemo(() => {
    if (!editingId) return null;
    const s = stored[editingId];
    if (!s) return null;
    const history = histories[editingId] ?? startHistory(s.scenario);
    return { id: editingId, stored: s, history, draft: history.present, dirty: !sameScenario(history.present, s.scenario) };
  }, [editingId, stored, histories]);

  const dirtyIds = useMemo(() => {
    const ids = new Set<string>();
    for (const [id, h] of Object.entries(histories)) {
      const s = stored[id];
      if (s && !sameScenario(h.present, s.scenario)) ids.add(id);
    }
    return ids;
  }, [histories, stored]);

  // Every edit is written to local storage at once, so closing the window loses nothing.
  const setHistory = useCallback((id: string, h: EditHistory<Scenario>) => {
    setHistories((prev) => ({ ...prev, [id]: h }));
    const s = storedRef.current[id];
    if (!s) return;
    if (sameScenario(h.present, s.scenario)) clearDraft(id);
    else writeDraft(id, h.present, s.updatedAt);
  }, []);

  const edit = useCallback(
    (next: Scenario, tag: string) => {
      if (!editing) return;
      setHistory(editing.id, record(editing.history, next, tag, performance.now()));
    },
    [editing, setHistory],
  );
  const undo = useCallback(() => editing && setHistory(editing.id, undoHistory(editing.history)), [editing, setHistory]);
  const redo = useCallback(() => editing && setHistory(editing.id, redoHistory(editing.history)), [editing, setHistory]);

  const discard = useCallback(() => {
    if (!editing) return;
    clearDraft(editing.id);
    setHistories((prev) => {
      const { [editing.id]: _dropped, ...rest } = prev;
      return rest;
    });
  }, [editing]);

  const save = useCallback(async () => {
    if (!editing) return;
    const { id, stored: s, draft } = editing;
    try {
      if (s.readOnly) {
        const name = draft.name === s.scenario.name ? `${draft.name} (my version)` : draft.name;
        const saved = await unwrap(api['scenarios:save']({ scenario: { ...draft, name } }));
        setStored((prev) => ({ ...prev, [saved.id]: saved }));
        storedRef.current = { ...storedRef.current, [saved.id]: saved };
        clearDraft(id);
        setHistories((prev) => {
          const { [id]: _dropped, ...rest } = prev;
          return rest;
        });
        setCompareIds((ids) => ids.map((x) => (x === id ? saved.id : x)));
        setEditingId(saved.id);
        notify(`“${s.name}” is built in, so your changes were saved as a new scenario, “${saved.name}”.`);
      } else {
        const saved = await unwrap(api['scenarios:save']({ id, scenario: draft }));
        setStored((prev) => ({ ...prev, [id]: saved }));
        storedRef.current = { ...storedRef.current, [id]: saved };
        clearDraft(id);
        setHistories((prev) => ({ ...prev, [id]: { ...(prev[id] ?? startHistory(saved.scenario)), present: saved.scenario } }));
        notify(`Saved “${saved.name}”.`);
      }
      void refreshList();
    } catch (error) {
      notify(`Not saved: ${(error as Error).message}`);
    }
  }, [api, editing, notify, refreshList]);

  // Ask before closing the window while anything is unsaved (the draft is kept either way).
  useEffect(() => {
    if (dirtyIds.size === 0) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirtyIds]);

  // Keep in-memory copies fresh when the library changes a scenario (rename) or deletes one.
  useEffect(() => {
    const byId = new Map(list.map((s) => [s.id, s]));
    setStored((prev) => {
      let changed = false;
      const next = { ...prev };
      for (const [id, s] of Object.entries(prev)) {
        const summary = byId.get(id);
        if (summary && summary.updatedAt !== s.updatedAt) {
          next[id] = { ...s, ...summary, scenario: { ...s.scenario, name: summary.name } };
          changed = true;
        }
      }
      return changed ? next : prev;
    });
    // A rename in the library also renames an unsaved draft, so saving the draft does not undo the rename.
    setHistories((prev) => {
      let changed = false;
      const next = { ...prev };
      for (const [id, h] of Object.entries(prev)) {
        const summary = byId.get(id);
        const before = storedRef.current[id];
        if (summary && before && summary.name !== before.name && h.present.name === before.name) {
          next[id] = { ...h, present: { ...h.present, name: summary.name } };
          changed = true;
        }
      }
      return changed ? next : prev;
    });
    if (!listLoading) {
      setCompareIds((ids) => {
        const kept = ids.filter((id) => byId.has(id) && !byId.get(id)?.deletedAt);
        return kept.length === ids.length ? ids : kept;
      });
    }
  }, [list, listLoading]);

  const drawnOnce = useRef(false);
  const items: EvaluateItem[] = useMemo(
    () =>
      compareIds.flatMap((id) => {
        const s = stored[id];
        if (!s) return [];
        const scenario = histories[id]?.present ?? s.scenario;
        return [{ key: id, name: scenario.name, scenario }];
      }),
    [compareIds, stored, histories],
  );

  useEffect(() => {
    if (items.length === 0) {
      setEvaluation((e) => ({ ...EMPTY_EVALUATION, seq: e.seq }));
      return;
    }
    let live = true;
    setEvaluation((e) => (e.busy ? e : { ...e, busy: true }));
    // Before anything is drawn, run the first scenario alone so its charts appear while the others run.
    if (!drawnOnce.current && items.length > 1) {
      void client.evaluate(items.slice(0, 1)).then((outcome) => {
        if (outcome.kind !== 'done' || drawnOnce.current) return;
        setEvaluation((e) => ({ ...e, compared: outcome.response.compared, errors: outcome.response.errors, modelMs: outcome.response.modelMs }));
      });
    }
    void client.evaluate(items).then((outcome) => {
      if (!live && outcome.kind !== 'done') return;
      if (outcome.kind === 'done') {
        // Marks for the benchmark's breakdown: result received, then drawn (below).
        performance.mark('joinedup:result');
        drawnOnce.current = true;
        setEvaluation((e) => ({
          compared: outcome.response.compared,
          errors: outcome.response.errors,
          busy: !live,
          seq: e.seq + 1,
          modelMs: outcome.response.modelMs,
        }));
      } else if (outcome.kind === 'failed') {
        setEvaluation((e) => ({ ...e, busy: false }));
        notify(`The model could not run: ${outcome.message}`);
      }
    });
    return () => {
      live = false;
    };
  }, [client, items, notify]);

  // The number of results drawn, on the root element, for the benchmark and the end-to-end test.
  useLayoutEffect(() => {
    performance.mark('joinedup:drawn');
    document.documentElement.dataset.chartsSeq = String(evaluation.seq);
    document.documentElement.dataset.modelMs = evaluation.modelMs.toFixed(2);
  }, [evaluation.seq, evaluation.modelMs]);

  // The briefing: the compared baseline and up to three options, as saved, printed by the host.
  const briefingInputs = useRef({ compareIds, dirtyIds, stored });
  briefingInputs.current = { compareIds, dirtyIds, stored };
  const exportBriefing = useCallback(() => {
    if (briefingRef.current.status === 'running') return;
    const { compareIds: ids, dirtyIds: dirty, stored: byId } = briefingInputs.current;
    const nameOf = (id: string) => byId[id]?.name ?? 'a scenario';
    setView('compare');
    const plan = planBriefing(ids, dirty, nameOf);
    if (!plan.ok) {
      setBriefing({ status: 'failed', message: plan.message });
      return;
    }
    const requestId = `brief-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    const running: BriefingState = { status: 'running', names: [plan.baselineId, ...plan.optionIds].map(nameOf), requestId };
    briefingRef.current = running;
    setBriefing(running);
    requestBriefing(api, plan, requestId, saveFile)
      .then((outcome) => {
        const next: BriefingState = outcome.ok
          ? { status: 'done', fileName: outcome.fileName, ...(plan.note ? { note: plan.note } : {}) }
          : { status: 'failed', message: outcome.message, ...(outcome.html ? { html: outcome.html } : {}) };
        briefingRef.current = next;
        setBriefing(next);
      })
      .catch((error: Error) => {
        const next: BriefingState = { status: 'failed', message: `The briefing could not be made: ${error.message}` };
        briefingRef.current = next;
        setBriefing(next);
      });
  }, [api]);
  const cancelBriefing = useCallback(() => {
    const current = briefingRef.current;
    if (current.status === 'running') void api['analysis:cancel']({ requestId: current.requestId });
  }, [api]);

  const actions: WorkspaceActions = useMemo(
    () => ({
      open,
      addToComparison,
      removeFromComparison,
      setComparison,
      makeBaseline,
      edit,
      undo,
      redo,
      save,
      discard,
      refreshList,
      go: setView,
      present: () => setPresenting(true),
      exportBriefing,
      cancelBriefing,
      notify,
    }),
    [open, addToComparison, removeFromComparison, setComparison, makeBaseline, edit, undo, redo, save, discard, refreshList, exportBriefing, cancelBriefing, notify],
  );

  // Desktop menu commands do what the window's own buttons do.
  const menuState = useRef({ actions, editing, evaluation, model, view });
  menuState.current = { actions, editing, evaluation, model, view };
  useEffect(() => {
    if (!onMenuCommand) return;
    return onMenuCommand((event: MenuEvent) => {
      const { actions: a, editing: e, evaluation: ev, model: m } = menuState.current;
      switch (event.command) {
        case 'new-scenario':
          a.go('library');
          a.notify('Choose a built-in scenario and press “Start from this”.');
          break;
        case 'save':
          void a.save();
          break;
        case 'save-as-file':
          if (!e) a.notify('Open a scenario first.');
          else if (e.dirty) a.notify('Save your changes first; the file holds the saved scenario.');
          else
            void unwrap(api['scenarios:export']({ ids: [e.id] }))
              .then((file) => saveText(file.fileName, file.text, 'application/json'))
              .catch((err: Error) => a.notify(`Not exported: ${err.message}`));
          break;
        case 'export-csv':
          if (!m || ev.compared.length === 0) a.notify('Nothing to export: choose scenarios to compare first.');
          else saveText(fileNameFor(`joinedup comparison ${ev.compared.map((c) => c.name).join(' vs ')}`, 'csv'), comparedCsv(m.metrics, ev.compared), 'text/csv');
          break;
        case 'export-chart': {
          const active = document.activeElement?.closest('figure.chart') ?? document.querySelector('figure.chart');
          const svg = active?.querySelector('svg.recharts-surface');
          const title = active?.querySelector('.chart-title')?.textContent ?? 'chart';
          const subtitle = active?.querySelector('.chart-subtitle')?.textContent ?? '';
          if (svg instanceof SVGSVGElement) saveSvgAsPng(svg, title, subtitle, fileNameFor(title, 'png')).catch((err: Error) => a.notify(err.message));
          else a.notify('No chart to export on this screen.');
          break;
        }
        case 'export-briefing':
          a.exportBriefing();
          break;
        case 'undo':
        case 'redo': {
          const el = document.activeElement;
          const typing = el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && el.type === 'text');
          if (typing) document.execCommand(event.command);
          else if (event.command === 'undo') a.undo();
          else a.redo();
          break;
        }
        case 'present':
          a.present();
          break;
        case 'scenarios-imported':
          void a.refreshList().then(() => {
            if (event.ids[0]) void a.open(event.ids[0]);
          });
          break;
      }
    });
  }, [api, onMenuCommand]);

  if (fatal) {
    return (
      <main className="fatal" role="alert">
        <h1>JoinedUp could not start</h1>
        <p>{fatal}</p>
      </main>
    );
  }
  if (!model) {
    return (
      <main className="loading-screen" aria-busy="true">
        <h1>JoinedUp</h1>
        <p role="status">Loading the care model…</p>
      </main>
    );
  }

  const context: ViewContext = {
    api,
    model,
    list,
    listLoading,
    compareIds,
    items,
    evaluation,
    editing,
    dirtyIds,
    sources,
    actions,
    briefing,
  };

  if (presenting) {
    return <PresentMode context={context} onLeave={() => setPresenting(false)} />;
  }

  const current = VIEWS.find((v) => v.id === view) ?? VIEWS[0];
  const Current = current.component;
  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">JoinedUp</span>
          <span className="brand-tag">Health and social care, combined or separate?</span>
        </div>
        <nav aria-label="Views" className="tabs">
          {VIEWS.map((v) => (
            <button
              key={v.id}
              type="button"
              className="tab"
              aria-current={v.id === current.id ? 'page' : undefined}
              onClick={() => setView(v.id)}
            >
              {v.label}
            </button>
          ))}
          <button type="button" className="tab present-button" onClick={() => setPresenting(true)} disabled={items.length === 0}>
            Present
          </button>
        </nav>
      </header>
      <ScenarioBar context={context} />
      <main className="view" id="main" aria-label={current.label}>
        <ViewErrorBoundary resetKey={current.id} onLeave={() => setView('library')}>
          <Suspense
            fallback={
              <p className="loading-inline" role="status">
                Loading…
              </p>
            }
          >
            <Current {...context} />
          </Suspense>
        </ViewErrorBoundary>
      </main>
      <SummaryStrip model={model} evaluation={evaluation} />
      {toast && <Toast toast={toast} onClose={() => setToast(null)} />}
      {confirm && <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />}
    </div>
  );
}

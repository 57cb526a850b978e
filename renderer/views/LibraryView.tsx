import { useEffect, useMemo, useRef, useState } from 'react';
import type { ScenarioSummary } from '../../electron/ipc-contract.js';
import { unwrap } from '../api.js';
import { saveText } from '../download.js';
import type { ViewContext } from './view-types.js';

const FORM_WORDS = { separate: 'Separate organisations', combined: 'One combined organisation' } as const;

/** Every built-in and saved scenario: search, open, start from a built-in, duplicate, rename, delete, import, export. */
export function LibraryView({ api, list, listLoading, compareIds, dirtyIds, actions }: ViewContext) {
  const [search, setSearch] = useState('');
  const [renaming, setRenaming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const { notify, refreshList } = actions;

  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    return list
      .filter((s) => !s.deletedAt)
      .filter((s) => !q || `${s.name} ${s.description} ${s.tags.join(' ')}`.toLowerCase().includes(q));
  }, [list, search]);
  const builtIn = shown.filter((s) => s.builtIn);
  const saved = shown.filter((s) => !s.builtIn);

  const run = async (what: string, f: () => Promise<void>) => {
    setBusy(true);
    try {
      await f();
    } catch (error) {
      notify(`${what} failed: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const startFrom = (s: ScenarioSummary) =>
    run('Creating the scenario', async () => {
      const copy = await unwrap(api['scenarios:duplicate']({ id: s.id, name: `My ${s.name}` }));
      await refreshList();
      await actions.open(copy.id);
    });
  const duplicate = (s: ScenarioSummary) =>
    run('Duplicating', async () => {
      const copy = await unwrap(api['scenarios:duplicate']({ id: s.id }));
      await refreshList();
      notify(`Made “${copy.name}”.`);
    });
  const remove = (s: ScenarioSummary) =>
    run('Deleting', async () => {
      await unwrap(api['scenarios:delete']({ id: s.id }));
      await refreshList();
      notify(`Deleted “${s.name}”.`, {
        label: 'Undo',
        run: () =>
          void run('Restoring', async () => {
            await unwrap(api['scenarios:restore']({ id: s.id }));
            await refreshList();
            notify(`Restored “${s.name}”.`);
          }),
      });
    });
  const exportFile = (ids: string[]) =>
    run('Exporting', async () => {
      const file = await unwrap(api['scenarios:export']({ ids }));
      saveText(file.fileName, file.text, 'application/json');
    });
  const importFiles = (files: FileList | null) =>
    run('Importing', async () => {
      if (!files) return;
      const names: string[] = [];
      for (const file of Array.from(files)) {
        const text = await file.text();
        const result = await unwrap(api['scenarios:import']({ text, fileName: file.name, onConflict: 'copy' }));
        names.push(...result.imported.map((s) => s.name));
      }
      await refreshList();
      notify(names.length ? `Imported ${names.map((n) => `“${n}”`).join(', ')}.` : 'Nothing was imported.');
    });

  return (
    <div className="library-view">
      <div className="library-head">
        <h1>Scenario library</h1>
        <label className="search">
          <span>Search scenarios</span>
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Name, description or tag" />
        </label>
        <button type="button" onClick={() => fileRef.current?.click()} disabled={busy}>
          Import scenario file…
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          multiple
          hidden
          aria-label="Scenario files to import"
          onChange={(e) => {
            void importFiles(e.target.files);
            e.target.value = '';
          }}
        />
        <button type="button" onClick={() => void exportFile(saved.map((s) => s.id))} disabled={busy || saved.length === 0}>
          Export my scenarios
        </button>
      </div>
      {listLoading && list.length === 0 ? (
        <p className="loading-inline" role="status">
          Loading scenarios…
        </p>
      ) : (
        <>
          <ScenarioTable
            title="Built-in scenarios"
            emptyText={search ? 'No built-in scenario matches your search.' : 'No built-in scenarios are installed.'}
            scenarios={builtIn}
            compareIds={compareIds}
            dirtyIds={dirtyIds}
            renaming={null}
            busy={busy}
            actions={{
              open: (s) => void actions.open(s.id),
              primary: { label: 'Start from this', run: (s) => void startFrom(s) },
              exportOne: (s) => void exportFile([s.id]),
            }}
          />
          <ScenarioTable
            title="My scenarios"
            emptyText={
              search
                ? 'None of your scenarios matches your search.'
                : 'You have no saved scenarios yet. Start from a built-in scenario above, or import a file.'
            }
            scenarios={saved}
            compareIds={compareIds}
            dirtyIds={dirtyIds}
            renaming={renaming}
            busy={busy}
            actions={{
              open: (s) => void actions.open(s.id),
              primary: { label: 'Duplicate', run: (s) => void duplicate(s) },
              rename: (s) => setRenaming(s.id),
              commitRename: (s, name) =>
                void run('Renaming', async () => {
                  setRenaming(null);
                  if (name.trim() && name.trim() !== s.name) {
                    await unwrap(api['scenarios:rename']({ id: s.id, name: name.trim() }));
                    await refreshList();
                  }
                }),
              cancelRename: () => setRenaming(null),
              remove: (s) => void remove(s),
              exportOne: (s) => void exportFile([s.id]),
            }}
          />
        </>
      )}
    </div>
  );
}

interface TableActions {
  open: (s: ScenarioSummary) => void;
  primary: { label: string; run: (s: ScenarioSummary) => void };
  rename?: (s: ScenarioSummary) => void;
  commitRename?: (s: ScenarioSummary, name: string) => void;
  cancelRename?: () => void;
  remove?: (s: ScenarioSummary) => void;
  exportOne: (s: ScenarioSummary) => void;
}

function ScenarioTable(props: {
  title: string;
  emptyText: string;
  scenarios: ScenarioSummary[];
  compareIds: string[];
  dirtyIds: ReadonlySet<string>;
  renaming: string | null;
  busy: boolean;
  actions: TableActions;
}) {
  const { title, emptyText, scenarios, compareIds, dirtyIds, renaming, busy, actions } = props;
  const headingId = `lib-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section className="library-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {scenarios.length === 0 ? (
        <p className="empty-inline">{emptyText}</p>
      ) : (
        <ul className="scenario-list">
          {scenarios.map((s) => (
            <li key={s.id} className="scenario-card" data-scenario-id={s.id}>
              <div className="card-text">
                {renaming === s.id && actions.commitRename ? (
                  <RenameBox scenario={s} onCommit={actions.commitRename} onCancel={actions.cancelRename ?? (() => undefined)} />
                ) : (
                  <h3 className="card-name">
                    {s.name}
                    {compareIds[0] === s.id && <span className="tag">baseline</span>}
                    {compareIds.includes(s.id) && compareIds[0] !== s.id && <span className="tag">compared</span>}
                    {dirtyIds.has(s.id) && <span className="tag tag-unsaved">unsaved changes</span>}
                  </h3>
                )}
                <p className="card-meta">
                  {FORM_WORDS[s.form]}
                  {s.builtIn ? ' · built in' : ` · saved ${new Date(s.updatedAt).toLocaleDateString('en-GB')}`}
                  {s.tags.length > 0 && ` · ${s.tags.join(', ')}`}
                </p>
                {s.description && <p className="card-description">{s.description}</p>}
              </div>
              <div className="card-actions">
                <button type="button" className="primary" onClick={() => actions.open(s)} aria-label={`Open ${s.name}`}>
                  Open
                </button>
                <button type="button" disabled={busy} onClick={() => actions.primary.run(s)} aria-label={`${actions.primary.label}: ${s.name}`}>
                  {actions.primary.label}
                </button>
                {actions.rename && (
                  <button type="button" disabled={busy} onClick={() => actions.rename?.(s)} aria-label={`Rename ${s.name}`}>
                    Rename
                  </button>
                )}
                <button type="button" disabled={busy} onClick={() => actions.exportOne(s)} aria-label={`Export ${s.name} as a file`}>
                  Export
                </button>
                {actions.remove && (
                  <button type="button" disabled={busy} className="danger" onClick={() => actions.remove?.(s)} aria-label={`Delete ${s.name}`}>
                    Delete
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function RenameBox({
  scenario,
  onCommit,
  onCancel,
}: {
  scenario: ScenarioSummary;
  onCommit: (s: ScenarioSummary, name: string) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(scenario.name);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  return (
    <form
      className="rename"
      onSubmit={(e) => {
        e.preventDefault();
        onCommit(scenario, name);
      }}
    >
      <label>
        <span className="visually-hidden">New name for {scenario.name}</span>
        <input
          ref={ref}
          type="text"
          value={name}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && onCancel()}
        />
      </label>
      <button type="submit">Rename</button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}

import { useMemo, useRef, useState } from 'preact/hooks';
import { Api } from '../api';
import { CatalogDetail, ENTRY_STATUSES, EntryTags, LAUNCHER_KINDS, Select, TRANSPORTS, TextField } from '../catalog';
import type { CatalogEntry, Page } from '../types';
import { Drawer, Empty, ErrorNote, Loading, go, useDebounced, useLoad, useRoute } from '../ui';

interface Filter {
  q: string;
  tags: string;
  category: string;
  publisher: string;
  transport: string;
  launcherKind: string;
  status: string;
}

const NO_FILTER: Filter = { q: '', tags: '', category: '', publisher: '', transport: '', launcherKind: '', status: '' };
const PAGE = 50;

/** The Hub's public catalog: search as you type, filters, a count, and each entry's detail. */
export function HubApp({ nodeUrl }: { nodeUrl?: string }) {
  const api = useMemo(() => new Api(), []);
  const route = useRoute();
  const [filter, setFilter] = useState(NO_FILTER);
  const [size, setSize] = useState(PAGE);
  const settled = useDebounced(filter);
  const facets = useRef({ categories: new Set<string>(), publishers: new Set<string>(), tags: new Set<string>() });
  const results = useLoad(
    () => api.get<Page<CatalogEntry>>('/v1/mcp/catalog/search', { ...settled, size }),
    [JSON.stringify(settled), size],
  );
  const items = results.value?.items ?? [];
  for (const entry of items) {
    entry.category && facets.current.categories.add(entry.category);
    entry.publisher && facets.current.publishers.add(entry.publisher);
    (entry.tags ?? []).forEach((tag) => facets.current.tags.add(tag));
  }
  const set = (key: keyof Filter) => (value: string) => {
    setSize(PAGE);
    setFilter((before) => ({ ...before, [key]: value }));
  };
  const selected = route[0] === 'entry' ? route[1] : undefined;
  return (
    <div class="app">
      <header class="top">
        <div class="brand">
          <span class="logo" aria-hidden="true">⚓</span> Harbor Hub <span class="muted">MCP catalog</span>
        </div>
      </header>
      <main>
        <section class="filters" aria-label="Search and filters">
          <TextField label="Search" name="q" type="search" value={filter.q} onInput={set('q')} placeholder="name, tag, publisher…" />
          <TextField label="Tags" name="tags" value={filter.tags} onInput={set('tags')} placeholder="comma-separated" list="hub-tags" />
          <TextField label="Category" name="category" value={filter.category} onInput={set('category')} list="hub-categories" />
          <TextField label="Publisher" name="publisher" value={filter.publisher} onInput={set('publisher')} list="hub-publishers" />
          <Select label="Transport" value={filter.transport} options={TRANSPORTS} any="any" onChange={set('transport')} />
          <Select label="Launcher" value={filter.launcherKind} options={LAUNCHER_KINDS} any="any" onChange={set('launcherKind')} />
          <Select label="Status" value={filter.status} options={ENTRY_STATUSES} any="listed" onChange={set('status')} />
          <button type="button" class="secondary" onClick={() => setFilter(NO_FILTER)}>
            Clear
          </button>
          <Facets id="hub-tags" values={facets.current.tags} />
          <Facets id="hub-categories" values={facets.current.categories} />
          <Facets id="hub-publishers" values={facets.current.publishers} />
        </section>
        <p class="count" aria-live="polite" data-testid="result-count">
          {results.value ? `${results.value.total} ${results.value.total === 1 ? 'server' : 'servers'}` : ''}
          {results.loading && results.value ? ' · updating…' : ''}
        </p>
        {results.error !== undefined && <ErrorNote error={results.error} retry={results.reload} />}
        {!results.value && results.loading && <Loading what="the catalog" />}
        {results.value && items.length === 0 && <Empty>No server matches these filters.</Empty>}
        <ul class="cards">
          {items.map((entry) => (
            <li key={entry.id}>
              <button type="button" class="card" onClick={() => go('entry', entry.id)} data-entry={entry.id}>
                <strong>{entry.name}</strong>
                <span class="muted small">
                  {entry.id}
                  {entry.publisher ? ` · ${entry.publisher}` : ''}
                </span>
                <span class="clamp">{entry.description}</span>
                <EntryTags entry={entry} />
              </button>
            </li>
          ))}
        </ul>
        {results.value && items.length < results.value.total && (
          <button type="button" class="secondary more" onClick={() => setSize(Math.min(size + PAGE, 200))} disabled={size >= 200}>
            {size >= 200 ? 'Narrow the search to see more' : 'Show more'}
          </button>
        )}
      </main>
      {selected && <EntryDrawer api={api} id={selected} nodeUrl={nodeUrl} />}
    </div>
  );
}

function Facets({ id, values }: { id: string; values: Set<string> }) {
  return (
    <datalist id={id}>
      {[...values].sort().map((value) => (
        <option value={value} />
      ))}
    </datalist>
  );
}

function EntryDrawer({ api, id, nodeUrl }: { api: Api; id: string; nodeUrl?: string }) {
  const entry = useLoad(() => api.get<CatalogEntry>(`/v1/mcp/catalog/${encodeURIComponent(id)}`), [id]);
  const close = () => go();
  return (
    <Drawer title={entry.value?.name ?? id} onClose={close}>
      {entry.error !== undefined && <ErrorNote error={entry.error} retry={entry.reload} />}
      {!entry.value && entry.loading && <Loading what="the entry" />}
      {entry.value && (
        <CatalogDetail entry={entry.value}>
          <NodeAvailability entry={entry.value} nodeUrl={nodeUrl} />
        </CatalogDetail>
      )}
    </Drawer>
  );
}

function NodeAvailability({ entry, nodeUrl }: { entry: CatalogEntry; nodeUrl?: string }) {
  if (entry.launcherKind !== 'docker' || !entry.launchable) {
    return (
      <div class="callout muted-callout" data-testid="node-availability">
        <strong>Not run by Harbor Node.</strong>{' '}
        {entry.notLaunchableReason ??
          (entry.launcherKind === 'remote' ? 'A hosted server: connect to it directly.' : 'Only a package; Harbor runs container images.')}
      </div>
    );
  }
  return (
    <div class="callout ok-callout" data-testid="node-availability">
      <strong>Available in Harbor Node.</strong> A Node runs it as a hardened container once an operator allows it.{' '}
      {nodeUrl ? (
        <a href={`${nodeUrl.replace(/\/$/, '')}/ui/#/catalog/${encodeURIComponent(entry.id)}`} target="_blank" rel="noopener">
          Open on the Harbor Node
        </a>
      ) : (
        <span class="muted">No Node is linked to this Hub (HARBOR_HUB_NODE_URL).</span>
      )}
    </div>
  );
}

import { useMemo, useState } from 'preact/hooks';
import { messageOf, type Api } from '../api';
import { CatalogDetail, EntryTags, LAUNCHER_KINDS, Select, TRANSPORTS, TextField } from '../catalog';
import { STATUS_LABELS, dateTime, who } from '../format';
import type { CatalogEntry, LocalState, NodeCatalogItem, Page, SetupAnswer } from '../types';
import { Drawer, Empty, ErrorNote, Loading, Tag, go, useDebounced, useLoad } from '../ui';
import type { Live } from './live';

const PAGE = 50;

/**
 * The Hub catalog as this Node mirrors it, with the Node's own state: enable or disable entries (with
 * a reason), filter by state, and set up an allowed entry in one click.
 */
export function NodeCatalog({ api, live, selected }: { api: Api; live: Live; selected?: string }) {
  const [q, setQ] = useState('');
  const [state, setState] = useState('all');
  const [launcherKind, setLauncherKind] = useState('');
  const [transport, setTransport] = useState('');
  const [size, setSize] = useState(PAGE);
  const [changed, setChanged] = useState(new Map<string, LocalState>());
  const search = useDebounced(q, 300);
  const results = useLoad(
    () => api.get<Page<NodeCatalogItem>>('/v1/mcp/catalog/search', { q: search, state, launcherKind, transport, size }),
    [search, state, launcherKind, transport, size],
  );
  const localOf = (item: NodeCatalogItem): LocalState => {
    const event = live.states.get(item.entry.id);
    const answered = changed.get(item.entry.id);
    if (event && (!answered || (event.changedAt ?? '') >= (answered.changedAt ?? ''))) {
      return event;
    }
    return answered ?? item.local;
  };
  const remember = (id: string, local: LocalState) => setChanged(new Map(changed).set(id, local));
  const items = results.value?.items ?? [];
  const reset = (set: (value: string) => void) => (value: string) => {
    setSize(PAGE);
    set(value);
  };
  return (
    <section class="panel" aria-labelledby="catalog-title">
      <div class="panel-head">
        <h2 id="catalog-title">Catalog on this Node</h2>
      </div>
      <div class="filters">
        <TextField label="Search" name="q" type="search" value={q} onInput={reset(setQ)} placeholder="name, tag, publisher…" />
        <Select label="State" value={state} options={['all', 'enabled', 'disabled']} onChange={reset(setState)} />
        <Select label="Launcher" value={launcherKind} options={LAUNCHER_KINDS} any="any" onChange={reset(setLauncherKind)} />
        <Select label="Transport" value={transport} options={TRANSPORTS} any="any" onChange={reset(setTransport)} />
      </div>
      <p class="count" aria-live="polite" data-testid="result-count">
        {results.value ? `${results.value.total} ${results.value.total === 1 ? 'entry' : 'entries'}` : ''}
        {results.loading && results.value ? ' · updating…' : ''}
      </p>
      {results.error !== undefined && <ErrorNote error={results.error} retry={results.reload} />}
      {!results.value && results.loading && <Loading what="the catalog" />}
      {results.value && items.length === 0 && <Empty>No entry matches.</Empty>}
      <ul class="entries">
        {items.map((item) => (
          <EntryRow key={item.entry.id} api={api} entry={item.entry} local={localOf(item)} remember={remember} />
        ))}
      </ul>
      {results.value && items.length < results.value.total && (
        <button type="button" class="secondary more" disabled={size >= 200} onClick={() => setSize(Math.min(size + PAGE, 200))}>
          {size >= 200 ? 'Narrow the search to see more' : 'Show more'}
        </button>
      )}
      {selected && <EntryDrawer api={api} id={selected} live={live} localOf={localOf} remember={remember} />}
    </section>
  );
}

type Remember = (id: string, local: LocalState) => void;

function EntryRow({ api, entry, local, remember }: { api: Api; entry: CatalogEntry; local: LocalState; remember: Remember }) {
  return (
    <li class={local.enabled ? 'entry' : 'entry disabled'} data-entry={entry.id} data-enabled={String(local.enabled)}>
      <div class="entry-what">
        <a href={`#/catalog/${encodeURIComponent(entry.id)}`} class="entry-name">
          {entry.name}
        </a>
        <span class="muted small">
          {' '}
          {entry.id}
          {entry.publisher ? ` · ${entry.publisher}` : ''}
        </span>
        <div class="clamp small">{entry.description}</div>
        <EntryTags entry={entry} />{' '}
        <StateNote local={local} />
      </div>
      <EntryActions api={api} entry={entry} local={local} remember={remember} />
    </li>
  );
}

function StateNote({ local }: { local: LocalState }) {
  if (local.enabled) {
    return <Tag tone="ok">enabled</Tag>;
  }
  return (
    <div class="state-note" data-testid="disabled-note">
      <Tag tone="bad">disabled on this Node</Tag> {local.reason ? `“${local.reason}”` : 'no reason given'}
      {local.changedBy && (
        <span class="muted small">
          {' '}
          — {who(local.changedBy)}, {dateTime(local.changedAt)}
        </span>
      )}
    </div>
  );
}

function EntryActions({ api, entry, local, remember }: { api: Api; entry: CatalogEntry; local: LocalState; remember: Remember }) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; tone: string; instance?: string }>();
  const path = `/v1/mcp/catalog/${encodeURIComponent(entry.id)}`;
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setMessage(undefined);
    try {
      await work();
    } catch (failure) {
      setMessage({ text: messageOf(failure), tone: 'bad' });
    } finally {
      setBusy(false);
    }
  };
  const toggle = (enable: boolean) =>
    run(async () => {
      const item = await api.post<NodeCatalogItem>(`${path}/${enable ? 'enable' : 'disable'}`, enable ? undefined : { reason: reason.trim() || undefined });
      remember(entry.id, item.local);
      setAsking(false);
      setReason('');
    });
  const setup = () =>
    run(async () => {
      const answer = await api.post<SetupAnswer>('/v1/mcp/setup', { catalogId: entry.id });
      if (answer.status === 'denied') {
        setMessage({ text: `Refused: ${answer.decision?.reason ?? 'denied'} (${answer.decision?.rule})`, tone: 'bad', instance: answer.instanceId });
      } else {
        const status = answer.status ? STATUS_LABELS[answer.status] : 'requested';
        setMessage({ text: `${answer.existing ? 'Already set up' : 'Set up'}: ${status}.`, tone: 'ok', instance: answer.instanceId });
      }
    });
  const canSetUp = local.enabled && entry.launchable && entry.launcherKind === 'docker';
  return (
    <div class="entry-actions">
      {!asking && (
        <div class="buttons">
          {canSetUp && (
            <button type="button" disabled={busy} onClick={setup}>
              Set up<span class="sr-only"> {entry.name}</span>
            </button>
          )}
          {local.enabled ? (
            <button type="button" class="secondary" disabled={busy} onClick={() => setAsking(true)}>
              Disable<span class="sr-only"> {entry.name}</span>
            </button>
          ) : (
            <button type="button" class="secondary" disabled={busy} onClick={() => toggle(true)}>
              Enable<span class="sr-only"> {entry.name}</span>
            </button>
          )}
        </div>
      )}
      {asking && (
        <form
          class="disable-form"
          onSubmit={(event) => {
            event.preventDefault();
            toggle(false);
          }}
        >
          <label class="field">
            <span>Why disable it?</span>
            <input value={reason} maxLength={500} autofocus onInput={(event) => setReason(event.currentTarget.value)} />
          </label>
          <div class="buttons">
            <button type="submit" class="danger" disabled={busy}>
              Disable
            </button>
            <button type="button" class="secondary" onClick={() => setAsking(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {message && (
        <p class={`small ${message.tone === 'bad' ? 'error-text' : 'ok-text'}`} role="status" data-testid="entry-message">
          {message.text}{' '}
          {message.instance && (
            <button type="button" class="link" onClick={() => go('instances', message.instance!)}>
              Open instance
            </button>
          )}
        </p>
      )}
    </div>
  );
}

function EntryDrawer(props: { api: Api; id: string; live: Live; localOf: (item: NodeCatalogItem) => LocalState; remember: Remember }) {
  const { api, id } = props;
  const item = useLoad(() => api.get<NodeCatalogItem>(`/v1/mcp/catalog/${encodeURIComponent(id)}`), [id]);
  const instances = useMemo(
    () => (props.live.instances ?? []).filter((instance) => instance.catalogId === id),
    [props.live.instances, id],
  );
  return (
    <Drawer title={item.value?.entry.name ?? id} onClose={() => go('catalog')}>
      {item.error !== undefined && <ErrorNote error={item.error} retry={item.reload} />}
      {!item.value && item.loading && <Loading what="the entry" />}
      {item.value && (
        <CatalogDetail entry={item.value.entry}>
          <div class="callout">
            <StateNote local={props.localOf(item.value)} />
            <EntryActions api={api} entry={item.value.entry} local={props.localOf(item.value)} remember={props.remember} />
            {instances.length > 0 && (
              <p class="small">
                Instances here:{' '}
                {instances.map((instance) => (
                  <a href={`#/instances/${instance.id}`}>
                    {instance.id} ({STATUS_LABELS[instance.status]}){' '}
                  </a>
                ))}
              </p>
            )}
          </div>
        </CatalogDetail>
      )}
    </Drawer>
  );
}

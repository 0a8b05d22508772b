import { useState } from 'preact/hooks';
import type { Api } from '../api';
import { Select, TextField } from '../catalog';
import { dateTime, words } from '../format';
import type { AuditPage } from '../types';
import { Empty, ErrorNote, Loading, Tag, useDebounced, useLoad } from '../ui';
import { ACTOR_KINDS, AUDIT_TYPES, OUTCOMES, TYPE_GROUPS } from './auditTypes';
import { outcomeTone } from './InstanceDrawer';
import type { Live } from './live';

interface Filter {
  text: string;
  types: string;
  outcome: string;
  actorKind: string;
  actorName: string;
  catalogId: string;
  instanceId: string;
  from: string;
  to: string;
}

const NO_FILTER: Filter = { text: '', types: 'lifecycle', outcome: '', actorKind: '', actorName: '', catalogId: '', instanceId: '', from: '', to: '' };
const SIZE = 50;

function isoOf(local: string): string | undefined {
  return local ? new Date(local).toISOString() : undefined;
}

/** The Node's audit trail, newest first, with search and filters; the first page follows live changes. */
export function AuditView({ api, live }: { api: Api; live: Live }) {
  const [filter, setFilter] = useState(NO_FILTER);
  const [page, setPage] = useState(0);
  const settled = useDebounced(filter, 300);
  const changes = useDebounced(page === 0 ? live.changes : 0, 1500);
  const result = useLoad(() => {
    const { types, from, to, ...rest } = settled;
    return api.get<AuditPage>('/v1/mcp/audit', {
      ...rest,
      types: TYPE_GROUPS.find(([id]) => id === types)?.[2].join(',') ?? types,
      from: isoOf(from),
      to: isoOf(to),
      page,
      size: SIZE,
    });
  }, [JSON.stringify(settled), page, changes]);
  const set = (key: keyof Filter) => (value: string) => {
    setPage(0);
    setFilter((before) => ({ ...before, [key]: value }));
  };
  const items = result.value?.items ?? [];
  return (
    <section class="panel" aria-labelledby="audit-title">
      <div class="panel-head">
        <h2 id="audit-title">Logs and audit trail</h2>
      </div>
      <div class="filters">
        <TextField label="Search" name="text" type="search" value={filter.text} onInput={set('text')} placeholder="message, reason, details" />
        <label class="field">
          <span>Event</span>
          <select name="types" aria-label="Event" value={filter.types} onChange={(event) => set('types')(event.currentTarget.value)}>
            {TYPE_GROUPS.map(([id, label]) => (
              <option value={id}>{label}</option>
            ))}
            <option value="">everything</option>
            {AUDIT_TYPES.map((type) => (
              <option value={type}>{words(type)}</option>
            ))}
          </select>
        </label>
        <Select label="Outcome" value={filter.outcome} options={OUTCOMES} any="any" onChange={set('outcome')} />
        <Select label="Actor kind" value={filter.actorKind} options={ACTOR_KINDS} any="any" onChange={set('actorKind')} />
        <TextField label="Actor (agent) name" name="actorName" value={filter.actorName} onInput={set('actorName')} />
        <TextField label="Catalog entry" name="catalogId" value={filter.catalogId} onInput={set('catalogId')} />
        <TextField label="Instance" name="instanceId" value={filter.instanceId} onInput={set('instanceId')} />
        <TextField label="From" name="from" type="datetime-local" value={filter.from} onInput={set('from')} />
        <TextField label="To" name="to" type="datetime-local" value={filter.to} onInput={set('to')} />
        <button type="button" class="secondary" onClick={() => setFilter(NO_FILTER)}>
          Clear
        </button>
      </div>
      <p class="count" aria-live="polite" data-testid="audit-count">
        {result.value &&
          (result.value.total !== undefined
            ? `${result.value.total} events`
            : `events ${page * SIZE + 1}–${page * SIZE + items.length}${result.value.hasMore ? ', more below' : ''}`)}
      </p>
      {result.error !== undefined && <ErrorNote error={result.error} retry={result.reload} />}
      {!result.value && result.loading && <Loading what="the audit trail" />}
      {result.value && items.length === 0 && <Empty>No event matches these filters.</Empty>}
      {items.length > 0 && (
        <div class="table-wrap">
          <table class="audit">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Event</th>
                <th scope="col">Outcome</th>
                <th scope="col">Actor</th>
                <th scope="col">Entry / instance</th>
                <th scope="col">What happened</th>
              </tr>
            </thead>
            <tbody>
              {items.map((event) => (
                <tr key={event.id} data-type={event.type}>
                  <td class="nowrap">{dateTime(event.at)}</td>
                  <td class="nowrap">{words(event.type)}</td>
                  <td>{event.outcome ? <Tag tone={outcomeTone(event.outcome)}>{event.outcome}</Tag> : <span class="muted">—</span>}</td>
                  <td class="nowrap">
                    <Tag>{event.actor.kind}</Tag> {event.actor.name}
                  </td>
                  <td class="small nowrap">
                    {event.catalogId && <div>{event.catalogId}</div>}
                    {event.instanceId && <a href={`#/instances/${event.instanceId}`}>{event.instanceId}</a>}
                  </td>
                  <td>
                    {event.message}
                    {event.reason && <div class="small muted">{event.reason}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div class="pager">
        <button type="button" class="secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
          Newer
        </button>
        <span class="muted small">page {page + 1}</span>
        <button type="button" class="secondary" disabled={!result.value?.hasMore} onClick={() => setPage(page + 1)}>
          Older
        </button>
      </div>
    </section>
  );
}

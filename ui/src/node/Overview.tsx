import type { Api } from '../api';
import { STATUS_LABELS } from '../format';
import { STATUSES, type AuditPage, type Status } from '../types';
import { ErrorNote, useDebounced, useLoad } from '../ui';
import { ACTIVITY_TYPES } from './auditTypes';
import type { Live } from './live';

const HOURS = 24;
const HOUR_MS = 3_600_000;

/** Counts of instances by status, and the last day's activity as a bar per hour. */
export function Overview({ api, live }: { api: Api; live: Live }) {
  const counts = new Map<Status, number>();
  for (const instance of live.instances ?? []) {
    counts.set(instance.status, (counts.get(instance.status) ?? 0) + 1);
  }
  return (
    <section class="overview" aria-label="Overview">
      <ul class="counts">
        {STATUSES.map((status) => {
          const count = counts.get(status) ?? 0;
          return (
            <li class={`count-card status-${status} ${count === 0 ? 'zero' : ''}`} data-count={status}>
              <span class="number">{live.instances ? count : '–'}</span>
              <span class="label">{STATUS_LABELS[status]}</span>
            </li>
          );
        })}
      </ul>
      <Activity api={api} changes={live.changes} />
    </section>
  );
}

function Activity({ api, changes }: { api: Api; changes: number }) {
  const settled = useDebounced(changes, 1500);
  const recent = useLoad(() => {
    const from = new Date(Date.now() - HOURS * HOUR_MS).toISOString();
    return api.get<AuditPage>('/v1/mcp/audit', { from, size: 200, types: ACTIVITY_TYPES.join(',') });
  }, [settled]);
  const end = Date.now();
  const bars = Array.from({ length: HOURS }, () => ({ all: 0, bad: 0 }));
  for (const event of recent.value?.items ?? []) {
    const slot = HOURS - 1 - Math.floor((end - Date.parse(event.at)) / HOUR_MS);
    if (slot >= 0 && slot < HOURS) {
      bars[slot].all++;
      if (event.outcome === 'failed' || event.outcome === 'denied') {
        bars[slot].bad++;
      }
    }
  }
  const total = bars.reduce((sum, bar) => sum + bar.all, 0);
  const bad = bars.reduce((sum, bar) => sum + bar.bad, 0);
  const peak = Math.max(1, ...bars.map((bar) => bar.all));
  const height = 56;
  return (
    <figure class="activity">
      <figcaption>
        <strong>Activity, last 24 hours</strong>
        <span class="muted small" data-testid="activity-summary">
          {recent.value
            ? `${recent.value.hasMore ? 'at least ' : ''}${total} events, ${bad} failed or denied`
            : recent.loading
              ? 'loading…'
              : ''}
        </span>
      </figcaption>
      {recent.error !== undefined && <ErrorNote error={recent.error} retry={recent.reload} />}
      <svg viewBox={`0 0 ${HOURS * 12} ${height}`} role="img" aria-label={`${total} events in the last 24 hours, ${bad} failed or denied`}>
        {bars.map((bar, index) => {
          const all = (bar.all / peak) * (height - 4);
          const worse = (bar.bad / peak) * (height - 4);
          const hour = new Date(end - (HOURS - 1 - index) * HOUR_MS);
          return (
            <g>
              <title>{`${hour.getHours()}:00 — ${bar.all} events, ${bar.bad} failed or denied`}</title>
              <rect class="bar" x={index * 12 + 1} y={height - all} width="10" height={all} />
              <rect class="bar-bad" x={index * 12 + 1} y={height - worse} width="10" height={worse} />
              <rect class="bar-base" x={index * 12 + 1} y={height - 1} width="10" height="1" />
            </g>
          );
        })}
      </svg>
      <div class="axis small muted" aria-hidden="true">
        <span>24 h ago</span>
        <span>now</span>
      </div>
    </figure>
  );
}

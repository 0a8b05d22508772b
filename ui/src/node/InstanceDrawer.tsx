import { useRef, useState } from 'preact/hooks';
import { messageOf, type Api } from '../api';
import { STATUS_LABELS, dateTime, who, words } from '../format';
import type { AuditEvent, AuditPage, Instance, SecretState, Status } from '../types';
import { CopyButton, Drawer, Empty, ErrorNote, Loading, StatusBadge, Tag, When, useDebounced, useLoad } from '../ui';
import type { Live } from './live';

const RESTARTABLE: Status[] = ['active', 'degraded', 'failed'];
const REMOVABLE: Status[] = ['requested', 'pending_approval', 'installing', 'secret_missing', 'active', 'degraded', 'failed'];

/** Everything about one instance: request, decision, connection, secrets, history, logs and actions. */
export function InstanceDrawer({ api, live, id, onClose }: { api: Api; live: Live; id: string; onClose: () => void }) {
  const known = live.instances?.find((instance) => instance.id === id);
  const version = useDebounced(known?.updatedAt ?? '', 600);
  const path = `/v1/mcp/instances/${encodeURIComponent(id)}`;
  const detail = useLoad(() => api.get<Instance>(path), [id, version]);
  const instance = detail.value;
  return (
    <Drawer title={instance?.name ?? known?.name ?? id} onClose={onClose}>
      {detail.error !== undefined && <ErrorNote error={detail.error} retry={detail.reload} />}
      {!instance && detail.loading && <Loading what="the instance" />}
      {instance && (
        <div class="instance-detail" data-instance={instance.id} data-status={instance.status}>
          <div class="status-line">
            <StatusBadge status={instance.status} /> <code class="small">{instance.id}</code>
            <span class="muted small">
              updated <When at={instance.updatedAt} />
            </span>
          </div>
          {instance.errorMessage && (
            <p class="callout bad-callout" role="alert">
              {instance.errorMessage}
            </p>
          )}
          <Actions api={api} instance={instance} path={path} />
          <Request instance={instance} />
          <Connection instance={instance} />
          <Secrets api={api} path={path} version={version} />
          <History api={api} path={path} version={version} instance={instance} />
        </div>
      )}
    </Drawer>
  );
}

function Actions({ api, instance, path }: { api: Api; instance: Instance; path: string }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const act = async (verb: 'restart' | 'remove') => {
    setBusy(true);
    setError(undefined);
    try {
      await api.post(`${path}/${verb}`);
      setConfirming(false);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };
  const removable = REMOVABLE.includes(instance.status);
  return (
    <div class="actions">
      {!confirming && (
        <>
          <button type="button" class="secondary" disabled={busy || !RESTARTABLE.includes(instance.status)} onClick={() => act('restart')}>
            Restart
          </button>
          <button type="button" class="danger" disabled={busy || !removable} onClick={() => setConfirming(true)}>
            Remove
          </button>
        </>
      )}
      {confirming && (
        <div class="confirm" role="group" aria-label="Confirm removal">
          <span>Remove this instance? Its container and supplied secrets are deleted.</span>
          <button type="button" class="danger" disabled={busy} onClick={() => act('remove')}>
            Yes, remove
          </button>
          <button type="button" class="secondary" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      )}
      {error && (
        <p class="error-text" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function Request({ instance }: { instance: Instance }) {
  const decision = instance.decision;
  const approval = instance.approval;
  const config = Object.entries(instance.config ?? {});
  return (
    <section class="drawer-section" aria-labelledby="request-title">
      <h3 id="request-title">Request and decision</h3>
      <dl class="facts">
        <dt>Asked by</dt>
        <dd data-testid="requested-by">
          <Tag>{instance.requestedBy.kind}</Tag> {instance.requestedBy.name}
        </dd>
        <dt>Asked at</dt>
        <dd>{dateTime(instance.createdAt)}</dd>
        <dt>Catalog entry</dt>
        <dd>
          <a href={`#/catalog/${encodeURIComponent(instance.catalogId)}`}>{instance.catalogId}</a>
        </dd>
        {config.length > 0 && (
          <>
            <dt>Settings</dt>
            <dd>
              {config.map(([key, value]) => (
                <div>
                  <code>
                    {key}={value}
                  </code>
                </div>
              ))}
            </dd>
          </>
        )}
        <dt>Decision</dt>
        <dd data-testid="decision">
          {decision ? (
            <>
              <Tag tone={decision.effect === 'deny' ? 'bad' : decision.effect === 'allow' ? 'ok' : 'warn'}>{words(decision.effect)}</Tag> by rule{' '}
              <code>{decision.rule}</code>
              {decision.reason ? ` — ${decision.reason}` : ''} <span class="muted small">({dateTime(decision.decidedAt)})</span>
            </>
          ) : (
            'not decided yet'
          )}
        </dd>
        {approval && (
          <>
            <dt>Approval</dt>
            <dd data-testid="approval">
              {words(approval.state)}
              {approval.decidedBy ? ` by ${who(approval.decidedBy)} ${dateTime(approval.decidedAt)}` : ''}
              {approval.note ? ` — “${approval.note}”` : ''}
              {approval.state === 'pending' && <div class="muted small">expires {dateTime(approval.expiresAt)}</div>}
            </dd>
          </>
        )}
        {instance.dockerImage && (
          <>
            <dt>Image</dt>
            <dd>
              <code>{instance.dockerImage}</code>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

function Connection({ instance }: { instance: Instance }) {
  const block = useRef<HTMLPreElement>(null);
  const text = instance.clientConfig ? JSON.stringify(instance.clientConfig, null, 2) : '';
  const info = instance.connectionInfo ?? {};
  return (
    <section class="drawer-section" aria-labelledby="connection-title">
      <h3 id="connection-title">Client configuration</h3>
      {!text ? (
        <p class="muted">Shown once the server runs and has answered Harbor's MCP probe.</p>
      ) : (
        <>
          <p class="muted small">
            Paste into Claude Desktop, Cursor or VS Code (<code>mcpServers</code>).
            {info.serverName && ` ${info.serverName} ${info.serverVersion ?? ''}, ${info.toolCount ?? '?'} tools.`}
          </p>
          <pre class="config" ref={block} data-testid="client-config">
            {text}
          </pre>
          <CopyButton text={text} shown={block} label="Copy configuration" />
        </>
      )}
    </section>
  );
}

function Secrets({ api, path, version }: { api: Api; path: string; version: string }) {
  const secrets = useLoad(() => api.get<{ secrets?: SecretState[] }>(`${path}/secrets`), [path, version]);
  const list = secrets.value?.secrets ?? [];
  return (
    <section class="drawer-section" aria-labelledby="secrets-title">
      <h3 id="secrets-title">Secrets</h3>
      {secrets.error !== undefined && <ErrorNote error={secrets.error} retry={secrets.reload} />}
      {!secrets.value && secrets.loading && <Loading what="secrets" />}
      {secrets.value && list.length === 0 && <p class="muted">This server needs no secrets.</p>}
      {list.length > 0 && (
        <>
          <p class="muted small">Values are write-only: Harbor never shows them again, here or anywhere.</p>
          <ul class="secrets">
            {list.map((secret) => (
              <SecretRow api={api} path={path} secret={secret} saved={secrets.reload} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function SecretRow({ api, path, secret, saved }: { api: Api; path: string; secret: SecretState; saved: () => void }) {
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const value = new FormData(form).get('value') as string;
    form.reset();
    setBusy(true);
    setMessage('');
    try {
      await api.put(`${path}/secrets/${encodeURIComponent(secret.name)}`, { value });
      setMessage('Saved.');
      saved();
    } catch (failure) {
      setMessage(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };
  const inputId = `secret-${secret.name}`;
  return (
    <li class={secret.supplied ? 'secret supplied' : 'secret missing'} data-secret={secret.name}>
      <div>
        <code>{secret.name}</code>{' '}
        {secret.supplied ? <Tag tone="ok">supplied</Tag> : <Tag tone={secret.required ? 'bad' : 'warn'}>missing</Tag>}{' '}
        {secret.required && <Tag>required</Tag>}
        {secret.description && <div class="muted small">{secret.description}</div>}
      </div>
      <form class="secret-form" onSubmit={submit} autocomplete="off">
        <label for={inputId} class="sr-only">
          Value of {secret.name}
        </label>
        <input id={inputId} name="value" type="password" autocomplete="new-password" required placeholder={secret.supplied ? 'replace value' : 'value'} />
        <button type="submit" disabled={busy}>
          {secret.supplied ? 'Replace' : 'Supply'}
        </button>
        <span class="small" role="status">
          {message}
        </span>
      </form>
    </li>
  );
}

function History({ api, path, version, instance }: { api: Api; path: string; version: string; instance: Instance }) {
  const logs = useLoad(() => api.get<AuditPage>(`${path}/logs`, { size: 100 }), [path, version]);
  const events = logs.value?.items ?? [];
  const changes = events.filter((event) => event.type === 'status_changed').reverse();
  return (
    <>
      <section class="drawer-section" aria-labelledby="history-title">
        <div class="section-head">
          <h3 id="history-title">Status history</h3>
          <button type="button" class="link small" onClick={logs.reload}>
            Refresh
          </button>
        </div>
        {logs.error !== undefined && <ErrorNote error={logs.error} retry={logs.reload} />}
        {!logs.value && logs.loading && <Loading what="the history" />}
        {logs.value && changes.length === 0 && <Empty>No status change recorded yet.</Empty>}
        <ol class="timeline">
          {logs.value && (
            <li data-to="requested">
              <span class="dot status-requested" aria-hidden="true" />
              <strong>Requested</strong>
              <span class="muted small">
                {' '}
                by {who(instance.requestedBy)} · {dateTime(instance.createdAt)}
              </span>
            </li>
          )}
          {changes.map((event) => (
            <li data-to={event.details?.to}>
              <span class={`dot status-${event.details?.to}`} aria-hidden="true" />
              <strong>{STATUS_LABELS[event.details?.to as Status] ?? event.details?.to}</strong>
              <span class="muted small">
                {' '}
                from {words(event.details?.from ?? 'nothing')} · {dateTime(event.at)}
              </span>
              {event.reason && <div class="small">{event.reason}</div>}
            </li>
          ))}
        </ol>
      </section>
      <section class="drawer-section" aria-labelledby="logs-title">
        <h3 id="logs-title">Lifecycle log</h3>
        {logs.value && events.length === 0 && <Empty>Nothing logged yet.</Empty>}
        <ul class="log" data-testid="lifecycle-log">
          {events.map((event) => (
            <LogLine event={event} />
          ))}
        </ul>
      </section>
    </>
  );
}

function LogLine({ event }: { event: AuditEvent }) {
  const { logTail, ...details } = event.details ?? {};
  const facts = Object.entries(details);
  return (
    <li data-type={event.type}>
      <div>
        <span class="muted small">{dateTime(event.at)}</span> <strong>{words(event.type)}</strong>{' '}
        {event.outcome && <Tag tone={outcomeTone(event.outcome)}>{event.outcome}</Tag>}{' '}
        <span class="muted small">{who(event.actor)}</span>
      </div>
      <div>{event.message}</div>
      {event.reason && <div class="small">{event.reason}</div>}
      {facts.length > 0 && (
        <div class="small muted">
          {facts.map(([key, value]) => `${key}: ${value}`).join(' · ')}
        </div>
      )}
      {logTail && <pre class="log-tail">{logTail}</pre>}
    </li>
  );
}

export function outcomeTone(outcome: string): string {
  return { succeeded: 'ok', failed: 'bad', denied: 'bad', pending: 'warn' }[outcome] ?? 'plain';
}

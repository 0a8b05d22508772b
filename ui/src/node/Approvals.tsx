import { useState } from 'preact/hooks';
import { messageOf, type Api } from '../api';
import { dateTime, fromNow } from '../format';
import type { ApprovalItem } from '../types';
import { Loading, Tag, When, go } from '../ui';
import type { Live } from './live';

/** Setups waiting for an operator: they stand out, and each can be approved or denied with a note. */
export function Approvals({ api, live }: { api: Api; live: Live }) {
  const items = live.approvals;
  if (!items) {
    return <Loading what="approvals" />;
  }
  if (items.length === 0) {
    return (
      <section class="panel approvals-none" aria-label="Approvals">
        <p class="muted">Nothing waits for your approval.</p>
      </section>
    );
  }
  return (
    <section class="panel approvals" aria-labelledby="approvals-title">
      <h2 id="approvals-title">
        Needs your approval <span class="count-badge">{items.length}</span>
      </h2>
      <ul>
        {items.map((item) => (
          <PendingApproval key={item.instanceId} api={api} item={item} />
        ))}
      </ul>
    </section>
  );
}

function PendingApproval({ api, item }: { api: Api; item: ApprovalItem }) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const answer = async (verb: 'approve' | 'deny') => {
    setBusy(true);
    setError(undefined);
    try {
      const body = verb === 'approve' ? { specHash: item.specHash, note: note || undefined } : { note: note || undefined };
      await api.post(`/v1/mcp/instances/${item.instanceId}/${verb}`, body);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };
  const config = Object.entries(item.config ?? {});
  const soon = Date.parse(item.expiresAt) - Date.now() < 3_600_000;
  return (
    <li class="approval" data-approval={item.instanceId}>
      <div class="approval-what">
        <strong>{item.name}</strong> <span class="muted small">{item.catalogId}</span>
        <div>
          asked by <Tag>{item.requestedBy.kind}</Tag> {item.requestedBy.name} <When at={item.requestedAt} />
        </div>
        <div class={soon ? 'error-text' : 'muted'} title={dateTime(item.expiresAt)}>
          Expires {fromNow(item.expiresAt)}; unanswered, the setup is denied.
        </div>
        {config.length > 0 && (
          <div class="small">
            Settings:{' '}
            {config.map(([key, value]) => (
              <code>
                {key}={value}{' '}
              </code>
            ))}
          </div>
        )}
        <button type="button" class="link small" onClick={() => go('instances', item.instanceId)}>
          Open details
        </button>
      </div>
      <div class="approval-answer">
        <label class="field">
          <span>Note (optional)</span>
          <input value={note} maxLength={500} onInput={(event) => setNote(event.currentTarget.value)} />
        </label>
        <div class="buttons">
          <button type="button" class="approve" disabled={busy} onClick={() => answer('approve')}>
            Approve<span class="sr-only"> {item.name}</span>
          </button>
          <button type="button" class="danger" disabled={busy} onClick={() => answer('deny')}>
            Deny<span class="sr-only"> {item.name}</span>
          </button>
        </div>
        {error && (
          <p class="error-text" role="alert">
            {error}
          </p>
        )}
      </div>
    </li>
  );
}

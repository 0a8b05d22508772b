import { useRef, useState } from 'preact/hooks';
import { ApiError, type Api } from '../api';
import { Select } from '../catalog';
import type { ClientFormat, ConfigImportAnswer, ImportStatus, ImportedServer, Instance } from '../types';
import { CopyButton, Empty, ErrorNote, Loading, StatusBadge, Tag, useDebounced, useLoad } from '../ui';
import type { Live } from './live';

const FORMATS: Record<ClientFormat, string> = {
  claude: 'Claude Desktop / Cursor',
  vscode: 'VS Code',
};

const RESULTS: Record<ImportStatus, { label: string; tone: string }> = {
  setup_requested: { label: 'Set up requested', tone: 'ok' },
  would_set_up: { label: 'Would be set up', tone: 'info' },
  not_in_catalog: { label: 'Not in the catalog', tone: 'plain' },
  disabled: { label: 'Entry disabled here', tone: 'warn' },
  not_launchable: { label: 'Not launchable', tone: 'warn' },
  denied: { label: 'Denied', tone: 'bad' },
  invalid_config: { label: 'Invalid configuration', tone: 'bad' },
  conflict: { label: 'Conflict', tone: 'bad' },
};

const EXAMPLE = '{"mcpServers": {"fetch": {"command": "docker", "args": ["run", "-i", "--rm", "mcp/fetch"]}}}';

/** The running servers as one client configuration, and a pasted client configuration imported as setups. */
export function ClientConfigView({ api, live }: { api: Api; live: Live }) {
  return (
    <>
      <ExportPanel api={api} live={live} />
      <ImportPanel api={api} live={live} />
    </>
  );
}

const running = (instance: Instance) => instance.status === 'active' || instance.status === 'degraded';

function ExportPanel({ api, live }: { api: Api; live: Live }) {
  const [format, setFormat] = useState<ClientFormat>('claude');
  const block = useRef<HTMLPreElement>(null);
  const runningNow = (live.instances ?? [])
    .filter(running)
    .map((instance) => `${instance.id}@${instance.updatedAt}`)
    .join(' ');
  const settled = useDebounced(runningNow, 400);
  const config = useLoad(() => api.get<Record<string, Record<string, unknown>>>('/v1/mcp/config', { format }), [format, settled]);
  const servers = config.value ? Object.values(config.value)[0] ?? {} : undefined;
  const count = servers ? Object.keys(servers).length : 0;
  const text = config.value ? JSON.stringify(config.value, null, 2) : '';
  return (
    <section class="panel" aria-labelledby="export-title">
      <div class="panel-head">
        <div>
          <h2 id="export-title">Client configuration of the running servers</h2>
          <p class="muted small">
            One configuration for every active or degraded instance: paste it into the client. It holds addresses and{' '}
            <code>docker exec</code> command lines, never a secret.
          </p>
        </div>
        <div class="filters inline">
          <Select
            label="Format"
            value={format}
            options={Object.keys(FORMATS)}
            labels={FORMATS}
            onChange={(value) => setFormat(value as ClientFormat)}
          />
        </div>
      </div>
      {config.error !== undefined && <ErrorNote error={config.error} retry={config.reload} />}
      {!config.value && config.loading && <Loading what="the configuration" />}
      {servers && count === 0 && (
        <Empty>No server runs on this Node. Set one up from the catalog, or import a configuration below.</Empty>
      )}
      {count > 0 && (
        <>
          <p class="small" data-testid="export-count">
            {count === 1 ? '1 server' : `${count} servers`}, for {FORMATS[format]}
          </p>
          <pre class="config" ref={block} data-testid="export-config">
            {text}
          </pre>
          <CopyButton text={text} shown={block} label="Copy configuration" />
        </>
      )}
    </section>
  );
}

function ImportPanel({ api, live }: { api: Api; live: Live }) {
  const [paste, setPaste] = useState('');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<ConfigImportAnswer>();
  const [refused, setRefused] = useState<ApiError>();
  const [failure, setFailure] = useState<unknown>();
  const send = async (dryRun: boolean) => {
    setBusy(true);
    setRefused(undefined);
    setFailure(undefined);
    try {
      setAnswer(await api.postText<ConfigImportAnswer>('/v1/mcp/config/import', paste, dryRun ? { dryRun: 'true' } : {}));
    } catch (error) {
      setAnswer(undefined);
      if (error instanceof ApiError && error.status === 400) {
        setRefused(error);
      } else {
        setFailure(error);
      }
    } finally {
      setBusy(false);
    }
  };
  const empty = paste.trim() === '';
  return (
    <section class="panel" aria-labelledby="import-title">
      <h2 id="import-title">Import a client configuration</h2>
      <p class="muted small" id="import-help">
        Paste a Claude Desktop or Cursor configuration (<code>mcpServers</code>) or VS Code's (<code>servers</code>).
        Servers that run a catalog entry's image, package or remote are set up as if you asked for them; environment
        values stay in this box, except those that fill an entry's settings. Preview first: it changes nothing.
      </p>
      <label class="field paste">
        <span>Configuration to import</span>
        <textarea
          name="paste"
          rows={10}
          spellcheck={false}
          autocomplete="off"
          placeholder={EXAMPLE}
          value={paste}
          aria-invalid={refused ? 'true' : undefined}
          aria-describedby={refused ? 'import-help import-problem' : 'import-help'}
          onInput={(event) => setPaste(event.currentTarget.value)}
        />
      </label>
      {refused && (
        <p class="error-text" role="alert" id="import-problem" data-testid="import-problem">
          {refused.field && (
            <>
              <code>{refused.field}</code>:{' '}
            </>
          )}
          {refused.message}
        </p>
      )}
      {failure !== undefined && <ErrorNote error={failure} />}
      <div class="buttons import-buttons">
        <button type="button" class="secondary" disabled={busy || empty} onClick={() => send(true)}>
          Preview
        </button>
        <button type="button" disabled={busy || empty} onClick={() => send(false)}>
          Import
        </button>
        {busy && (
          <span class="muted small" role="status">
            Sending…
          </span>
        )}
      </div>
      {answer && <ImportResult answer={answer} live={live} />}
    </section>
  );
}

function ImportResult({ answer, live }: { answer: ConfigImportAnswer; live: Live }) {
  const servers = answer.servers ?? [];
  const counts = new Map<ImportStatus, number>();
  servers.forEach((server) => counts.set(server.status, (counts.get(server.status) ?? 0) + 1));
  return (
    <div class="import-answer" data-dry-run={answer.dryRun}>
      <h3 id="import-result-title">{answer.dryRun ? 'Preview: nothing was sent' : 'Imported'}</h3>
      <p class="small" role="status">
        {[...counts].map(([status, count]) => `${count} ${RESULTS[status].label.toLowerCase()}`).join(' · ')}
      </p>
      <div class="table-wrap">
        <table class="import-result" aria-labelledby="import-result-title">
          <thead>
            <tr>
              <th scope="col">Server</th>
              <th scope="col">Result</th>
              <th scope="col">Catalog entry</th>
              <th scope="col">Matched by</th>
              <th scope="col">Secrets to supply</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {servers.map((server) => (
              <ImportRow server={server} instance={live.instances?.find((known) => known.id === server.instanceId)} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function ImportRow({ server, instance }: { server: ImportedServer; instance?: Instance }) {
  const result = RESULTS[server.status] ?? { label: server.status, tone: 'plain' };
  const status = instance?.status ?? server.instanceStatus;
  const secrets = server.secretsToSupply ?? [];
  return (
    <tr data-server={server.name} data-result={server.status}>
      <td>
        <strong>{server.name}</strong>
      </td>
      <td>
        <Tag tone={result.tone}>{result.label}</Tag>
        {server.instanceId && (
          <div class="small">
            <a
              href={`#/config/${encodeURIComponent(server.instanceId)}`}
              aria-label={`Details of ${server.instanceId}`}
              data-testid="imported-instance"
            >
              {server.instanceId}
            </a>{' '}
            {status && <StatusBadge status={status} />}
          </div>
        )}
      </td>
      <td>
        {server.catalogId ? (
          <a href={`#/catalog/${encodeURIComponent(server.catalogId)}`} data-testid="catalog-entry">
            {server.catalogId}
          </a>
        ) : (
          <span class="muted">—</span>
        )}
      </td>
      <td>
        {server.matchedBy ? (
          <>
            {server.matchedBy}
            {server.matched && (
              <div class="small wrap">
                <code>{server.matched}</code>
              </div>
            )}
          </>
        ) : (
          <span class="muted">—</span>
        )}
      </td>
      <td>
        {secrets.length > 0 ? (
          <>
            {secrets.map((name) => (
              <div>
                <code>{name}</code>
              </div>
            ))}
            {server.instanceId && <div class="muted small">in the instance's details</div>}
          </>
        ) : (
          <span class="muted">none</span>
        )}
      </td>
      <td class="small">
        {server.detail && <div>{server.detail}</div>}
        {server.configKeys && server.configKeys.length > 0 && (
          <div>
            Settings from the paste: <code>{server.configKeys.join(', ')}</code>
          </div>
        )}
        {server.ignoredEnv && server.ignoredEnv.length > 0 && (
          <div class="muted">
            Variables not used: <code>{server.ignoredEnv.join(', ')}</code>
          </div>
        )}
      </td>
    </tr>
  );
}

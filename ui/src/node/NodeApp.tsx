import { useMemo, useState } from 'preact/hooks';
import { Api, ApiError } from '../api';
import { ErrorNote, go, useRoute } from '../ui';
import { AuditView } from './Audit';
import { ClientConfigView } from './ClientConfig';
import { InstanceDrawer } from './InstanceDrawer';
import { InstancesView } from './Instances';
import { useLive, type Connection } from './live';
import { NodeCatalog } from './NodeCatalog';

const TOKEN_KEY = 'harbor.operatorToken';

/** The Node's MCP page; an operator signs in with the operator token, kept for this tab only. */
export function NodeApp() {
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY));
  const signOut = () => {
    sessionStorage.removeItem(TOKEN_KEY);
    setToken(null);
  };
  if (!token) {
    return (
      <SignIn
        onSignedIn={(value) => {
          sessionStorage.setItem(TOKEN_KEY, value);
          setToken(value);
        }}
      />
    );
  }
  return <Console token={token} signOut={signOut} />;
}

function SignIn({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const token = (new FormData(form).get('token') as string).trim();
    setBusy(true);
    setError(undefined);
    try {
      await new Api(token).get('/v1/tokens');
      form.reset();
      onSignedIn(token);
    } catch (failure) {
      const status = failure instanceof ApiError ? failure.status : 0;
      setError(
        status === 401
          ? new Error('This token is unknown or revoked.')
          : status === 403
            ? new Error('This is not an operator token.')
            : failure,
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="app signin-page">
      <main>
        <form class="signin" onSubmit={submit}>
          <h1>
            <span class="logo" aria-hidden="true">⚓</span> Harbor Node
          </h1>
          <p class="muted">
            Sign in with the operator token. The Node wrote it to <code>$HARBOR_HOME/operator.token</code> when it first
            started. It stays in this browser tab only.
          </p>
          <label class="field">
            <span>Operator token</span>
            <input name="token" type="password" autocomplete="off" required autofocus />
          </label>
          {error !== undefined && <ErrorNote error={error} />}
          <button type="submit" disabled={busy}>
            {busy ? 'Checking…' : 'Sign in'}
          </button>
        </form>
      </main>
    </div>
  );
}

const VIEWS = [
  ['instances', 'Instances'],
  ['catalog', 'Catalog'],
  ['config', 'Client config'],
  ['audit', 'Logs & audit'],
] as const;

function Console({ token, signOut }: { token: string; signOut: () => void }) {
  const api = useMemo(() => new Api(token, signOut), [token]);
  const live = useLive(api, token, signOut);
  const route = useRoute();
  const view = route[0] ?? 'instances';
  const drawer = (view === 'instances' || view === 'config') && route[1];
  return (
    <div class="app">
      <header class="top">
        <div class="brand">
          <span class="logo" aria-hidden="true">⚓</span> Harbor Node <span class="muted">MCP</span>
        </div>
        <nav aria-label="Views">
          {VIEWS.map(([id, label]) => (
            <a href={`#/${id}`} class={view === id ? 'current' : ''} aria-current={view === id ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
        <ConnectionPill connection={live.connection} />
        <button type="button" class="secondary" onClick={signOut}>
          Sign out
        </button>
      </header>
      <main>
        {live.error !== undefined && <ErrorNote error={live.error} />}
        {view === 'catalog' && <NodeCatalog api={api} live={live} selected={route[1]} />}
        {view === 'audit' && <AuditView api={api} live={live} />}
        {view === 'config' && <ClientConfigView api={api} live={live} />}
        {!['catalog', 'audit', 'config'].includes(view) && <InstancesView api={api} live={live} />}
      </main>
      {drawer && <InstanceDrawer api={api} live={live} id={drawer} onClose={() => go(view)} />}
    </div>
  );
}

function ConnectionPill({ connection }: { connection: Connection }) {
  const text = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…' }[connection];
  return (
    <span class={`pill connection-${connection}`} role="status" data-connection={connection}>
      {text}
    </span>
  );
}

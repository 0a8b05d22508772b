import type { ComponentChildren } from 'preact';
import { words } from './format';
import { Tag } from './ui';
import type { CatalogEntry } from './types';

export const TRANSPORTS = ['stdio', 'streamable_http', 'sse', 'mixed', 'unknown'];
export const LAUNCHER_KINDS = ['docker', 'remote', 'package'];
export const ENTRY_STATUSES = ['available', 'deprecated', 'hidden'];

export function Select(props: {
  label: string;
  value: string;
  options: string[];
  /** What each option reads as, when not its value with `_` as spaces. */
  labels?: Record<string, string>;
  any?: string;
  onChange: (value: string) => void;
}) {
  return (
    <label class="field">
      <span>{props.label}</span>
      <select aria-label={props.label} value={props.value} onChange={(event) => props.onChange(event.currentTarget.value)}>
        {props.any !== undefined && <option value="">{props.any}</option>}
        {props.options.map((option) => (
          <option value={option}>{props.labels?.[option] ?? words(option)}</option>
        ))}
      </select>
    </label>
  );
}

export function TextField(props: {
  label: string;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'search' | 'datetime-local';
  placeholder?: string;
  list?: string;
  name?: string;
}) {
  return (
    <label class="field">
      <span>{props.label}</span>
      <input
        aria-label={props.label}
        type={props.type ?? 'text'}
        name={props.name}
        value={props.value}
        placeholder={props.placeholder}
        list={props.list}
        autocomplete="off"
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
    </label>
  );
}

/** One line about how the entry runs: transport and launcher, as tags. */
export function EntryTags({ entry }: { entry: CatalogEntry }) {
  return (
    <span class="tags">
      <Tag>{words(entry.transport)}</Tag>
      <Tag tone={entry.launcherKind === 'docker' ? 'info' : 'plain'}>{entry.launcherKind}</Tag>
      {entry.category && <Tag>{entry.category}</Tag>}
      {entry.status !== 'available' && <Tag tone="warn">{entry.status}</Tag>}
    </span>
  );
}

function Link({ href, children }: { href?: string; children: ComponentChildren }) {
  if (!href || !/^https?:\/\//.test(href)) {
    return null;
  }
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

/** Everything the catalog says about an entry; `children` go below the summary (links, actions). */
export function CatalogDetail({ entry, children }: { entry: CatalogEntry; children?: ComponentChildren }) {
  const image = entry.image ? `${entry.image}${entry.imageTagDefault ? ':' + entry.imageTagDefault : ''}` : undefined;
  const env = entry.env ?? [];
  const secrets = entry.secrets ?? [];
  const parameters = entry.parameters ?? [];
  const tools = entry.tools ?? [];
  return (
    <div class="detail" data-entry={entry.id}>
      <p class="description">{entry.description ?? 'No description.'}</p>
      <EntryTags entry={entry} />
      {children}
      <dl class="facts">
        <dt>Id</dt>
        <dd>
          <code>{entry.id}</code>
        </dd>
        <dt>Publisher</dt>
        <dd>{entry.publisher ?? '—'}</dd>
        <dt>Image</dt>
        <dd>{image ? <code>{image}</code> : '—'}</dd>
        {entry.imageDigest && (
          <>
            <dt>Digest</dt>
            <dd>
              <code class="wrap">{entry.imageDigest}</code>
            </dd>
          </>
        )}
        <dt>Transport</dt>
        <dd>{words(entry.transport)}</dd>
        <dt>Launcher</dt>
        <dd>
          {entry.launcherKind}
          {!entry.launchable && entry.notLaunchableReason ? ` — ${entry.notLaunchableReason}` : ''}
        </dd>
        {entry.version && (
          <>
            <dt>Version</dt>
            <dd>{entry.version}</dd>
          </>
        )}
        <dt>Tags</dt>
        <dd>{(entry.tags ?? []).join(', ') || '—'}</dd>
        <dt>Source</dt>
        <dd>
          {words(entry.source.format)}: {entry.source.sourceName}{' '}
          <Link href={entry.source.repositoryUrl}>repository</Link>
        </dd>
        <dt>Licence</dt>
        <dd>{entry.source.license ?? 'not stated'}</dd>
        {(entry.homepageUrl || entry.docsUrl) && (
          <>
            <dt>Links</dt>
            <dd class="links">
              <Link href={entry.homepageUrl}>homepage</Link> <Link href={entry.docsUrl}>documentation</Link>
            </dd>
          </>
        )}
      </dl>
      <h3>Configuration</h3>
      {parameters.length + env.length === 0 ? (
        <p class="muted">No settings.</p>
      ) : (
        <ul class="requirements">
          {parameters.map((p) => (
            <li>
              <code>{p.name}</code> <Tag tone={p.required ? 'warn' : 'plain'}>{p.required ? 'required' : 'optional'}</Tag>{' '}
              {p.description}
            </li>
          ))}
          {env.map((e) => (
            <li>
              <code>{e.name}</code> <Tag tone={e.required ? 'warn' : 'plain'}>{e.required ? 'required' : 'optional'}</Tag>{' '}
              environment variable {e.description ? `— ${e.description}` : ''}
            </li>
          ))}
        </ul>
      )}
      <h3>Secrets</h3>
      {secrets.length === 0 ? (
        <p class="muted">Needs no secrets.</p>
      ) : (
        <ul class="requirements">
          {secrets.map((s) => (
            <li>
              <code>{s.name}</code> <Tag tone={s.required ? 'warn' : 'plain'}>{s.required ? 'required' : 'optional'}</Tag>{' '}
              {s.description}
              {s.env ? ` (read from ${s.env})` : ''}
            </li>
          ))}
        </ul>
      )}
      <h3>Tools</h3>
      {tools.length === 0 ? (
        <p class="muted">Not known until the server runs.</p>
      ) : (
        <ul class="tools">
          {tools.map((t) => (
            <li>
              <code>{t.name}</code> {t.description}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import type { ComponentChildren, RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { messageOf } from './api';
import { STATUS_LABELS, dateTime, fromNow } from './format';
import type { Status } from './types';

export function StatusBadge({ status }: { status: Status }) {
  return (
    <span class={`badge status-${status}`} data-status={status}>
      {STATUS_LABELS[status] ?? status}
    </span>
  );
}

export function Tag({ tone = 'plain', children }: { tone?: string; children: ComponentChildren }) {
  return <span class={`tag tone-${tone}`}>{children}</span>;
}

export function Loading({ what }: { what: string }) {
  return (
    <p class="state loading" role="status">
      Loading {what}…
    </p>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="state empty">{children}</p>;
}

export function ErrorNote({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <div class="state error" role="alert">
      <span>{messageOf(error)}</span>
      {retry && (
        <button type="button" class="link" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** A time shown relative ("5 minutes ago") with the exact time on hover and for screen readers. */
export function When({ at }: { at?: string }) {
  if (!at) {
    return null;
  }
  return (
    <time dateTime={at} title={dateTime(at)}>
      {fromNow(at)}
    </time>
  );
}

/** A side panel over the page: Escape or the close button closes it; focus moves in and back. */
export function Drawer(props: { title: ComponentChildren; onClose: () => void; children: ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    heading.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        props.onClose();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      opener?.focus?.();
    };
  }, []);
  return (
    <div class="drawer-backdrop" onClick={(event) => event.target === event.currentTarget && props.onClose()}>
      <div class="drawer" role="dialog" aria-modal="true" aria-labelledby="drawer-title">
        <header class="drawer-head">
          <h2 id="drawer-title" tabIndex={-1} ref={heading}>
            {props.title}
          </h2>
          <button type="button" class="icon" aria-label="Close" onClick={props.onClose}>
            ×
          </button>
        </header>
        <div class="drawer-body">{props.children}</div>
      </div>
    </div>
  );
}

/**
 * Copies `text` to the clipboard. Where the page may not use the clipboard (an insecure origin, a
 * refused permission) it selects the text shown in `shown` instead, for the reader to copy.
 */
export function CopyButton({ text, shown, label }: { text: string; shown: RefObject<HTMLElement | null>; label: string }) {
  const [said, setSaid] = useState('');
  useEffect(() => setSaid(''), [text]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setSaid('Copied to the clipboard.');
    } catch {
      const selection = getSelection();
      if (shown.current && selection) {
        const range = document.createRange();
        range.selectNodeContents(shown.current);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      setSaid('Selected: press Ctrl+C to copy.');
    }
  };
  return (
    <>
      <button type="button" class="secondary" onClick={copy}>
        {label}
      </button>{' '}
      <span class="small" role="status">
        {said}
      </span>
    </>
  );
}

/** A value that follows `value` after it has stopped changing for `ms` (search as you type). */
export function useDebounced<T>(value: T, ms = 250): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The location hash as path parts: `#/catalog/docker.fetch` is ['catalog', 'docker.fetch']. */
export function useRoute(): string[] {
  const read = () =>
    location.hash
      .replace(/^#\/?/, '')
      .split('/')
      .filter(Boolean)
      .map(decodeURIComponent);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = () => setRoute(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function go(...parts: string[]) {
  location.hash = '#/' + parts.map(encodeURIComponent).join('/');
}

/** Loads with `load` whenever `deps` change; keeps the last good value while reloading. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [state, setState] = useState<{ value?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    setState((before) => ({ value: before.value, loading: true }));
    load().then(
      (value) => current && setState({ value, loading: false }),
      (error) => current && setState((before) => ({ value: before.value, error, loading: false })),
    );
    return () => {
      current = false;
    };
  }, [...deps, round]);
  return { ...state, reload: () => setRound((n) => n + 1) };
}

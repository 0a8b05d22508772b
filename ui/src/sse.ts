/** One server-sent event, or a comment line (`: connected`, `: keep-alive`). */
export type SseItem = { event: string; data: string } | { comment: string };

/**
 * An incremental text/event-stream parser: feed it chunks as they arrive, get back the complete
 * events and comments they finish. Lines may end in LF, CR or CRLF and may be split across chunks.
 */
export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];

  push(chunk: string): SseItem[] {
    let text = this.buffer + chunk;
    // A trailing CR may be the first half of a CRLF: keep it until the next chunk tells.
    const held = text.endsWith('\r') ? '\r' : '';
    text = held ? text.slice(0, -1) : text;
    const lines = text.split(/\r\n|\r|\n/);
    this.buffer = (lines.pop() ?? '') + held;
    const items: SseItem[] = [];
    for (const line of lines) {
      this.line(line, items);
    }
    return items;
  }

  private line(line: string, items: SseItem[]) {
    if (line === '') {
      if (this.data.length > 0) {
        items.push({ event: this.event || 'message', data: this.data.join('\n') });
      }
      this.event = '';
      this.data = [];
      return;
    }
    if (line.startsWith(':')) {
      items.push({ comment: line.slice(1).trim() });
      return;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) {
      value = value.slice(1);
    }
    if (field === 'event') {
      this.event = value;
    } else if (field === 'data') {
      this.data.push(value);
    }
  }
}

export interface StreamListener {
  /** The stream follows the Node from now on: read the current state. */
  connected(): void;
  event(name: string, data: unknown): void;
  /** The stream broke; it reconnects by itself after a pause. */
  lost(): void;
  unauthorized(): void;
}

const MAX_PAUSE_MS = 15_000;

/**
 * Follows a server-sent events stream with a bearer token (EventSource cannot send one): fetch, read
 * the body as it arrives, and reconnect after a growing pause when it breaks. Returns a stop function.
 */
export function followStream(url: string, token: string, listener: StreamListener): () => void {
  const abort = new AbortController();
  let pause = 1000;

  async function once(): Promise<boolean> {
    const response = await fetch(url, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
      cache: 'no-store',
      signal: abort.signal,
    });
    if (response.status === 401) {
      listener.unauthorized();
      return false;
    }
    if (!response.ok || !response.body) {
      return true;
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    const parser = new SseParser();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return true;
      }
      for (const item of parser.push(value)) {
        if ('comment' in item) {
          if (item.comment === 'connected') {
            pause = 1000;
            listener.connected();
          }
        } else {
          listener.event(item.event, JSON.parse(item.data));
        }
      }
    }
  }

  (async () => {
    while (!abort.signal.aborted) {
      let again = true;
      try {
        again = await once();
      } catch {
        again = !abort.signal.aborted;
      }
      if (!again || abort.signal.aborted) {
        return;
      }
      listener.lost();
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, MAX_PAUSE_MS);
    }
  })();
  return () => abort.abort();
}

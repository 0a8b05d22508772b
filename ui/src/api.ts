/** A refused or failed call: the HTTP status (0 when the service could not be reached) and its message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export type Params = Record<string, string | number | undefined>;

/** `?a=1&b=x` from the parameters that have a value. */
export function query(params: Params): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * JSON calls to the service that served the page. The token, when there is one, travels only in the
 * Authorization header. `unauthorized` is told when the Node stops accepting it.
 */
export class Api {
  constructor(
    private readonly token?: string,
    private readonly unauthorized: () => void = () => {},
  ) {}

  get<T>(path: string, params: Params = {}): Promise<T> {
    return this.call<T>('GET', path + query(params));
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.call<T>('POST', path, body);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.call<T>('PUT', path, body);
  }

  /** POST with `json` sent as it is, for text the service should judge itself (a pasted configuration). */
  postText<T>(path: string, json: string, params: Params = {}): Promise<T> {
    return this.call<T>('POST', path + query(params), json, true);
  }

  private async call<T>(method: string, path: string, body?: unknown, asIs = false): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.token) {
      headers.Authorization = `Bearer ${this.token}`;
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : asIs ? String(body) : JSON.stringify(body),
        cache: 'no-store',
      });
    } catch {
      throw new ApiError(0, 'The service cannot be reached.');
    }
    const text = await response.text();
    let data: unknown;
    try {
      data = text ? JSON.parse(text) : undefined;
    } catch {
      data = undefined;
    }
    if (!response.ok) {
      if (response.status === 401 && this.token) {
        this.unauthorized();
      }
      const error = (data ?? {}) as { message?: string; field?: string };
      throw new ApiError(response.status, error.message ?? `${response.status} ${response.statusText}`, error.field);
    }
    return data as T;
  }
}

export function messageOf(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 503) {
      return 'The service is still starting; try again in a moment.';
    }
    return error.field ? `${error.message} (${error.field})` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

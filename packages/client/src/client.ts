import createFetchClient, { type Client } from 'openapi-fetch';
import { SignxApiError } from './envelope.js';
import type { paths } from './schema.js';

export interface SignxClientOptions {
  /** Where the server is, e.g. `https://signx.example.com` (paths start with /api/v1). */
  baseUrl: string;
  /** An integration key (`X-API-Key`), made under Settings → API keys or `POST /api/v1/api-keys`. */
  apiKey?: string;
  /** An access token (`Authorization: Bearer`), or a function returning the current one. */
  bearerToken?: string | (() => string | Promise<string>);
  /** Sent with every request (e.g. your own `X-Request-Id`). */
  headers?: Record<string, string>;
  /** The fetch to use (default: the global one). */
  fetch?: (request: Request) => Promise<Response>;
}

type Outcome = { data?: unknown; error?: unknown; response: Response };
/** The `data` of the success envelope of an openapi-fetch result. */
export type DataOf<R> =
  Extract<R, { error?: never }> extends { data?: infer E }
    ? NonNullable<E> extends { data: infer D }
      ? D
      : never
    : never;

export interface SignxClient {
  /** The typed client: `api.GET('/api/v1/…', { params })`, paths and bodies checked by the compiler. */
  api: Client<paths>;
  /** Awaits a typed call and returns the envelope's `data`, or throws a `SignxApiError`. */
  call<R extends Outcome>(pending: Promise<R>): Promise<DataOf<R>>;
  /**
   * A raw request with the client's credentials, for what the typed client does not model:
   * multipart uploads and binary downloads. Throws a `SignxApiError` for a non-2xx answer.
   */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** `POST /api/v1/documents` (multipart): files one document and returns its envelope data. */
  uploadDocument(
    file: { name: string; content: Uint8Array; type?: string },
    fields: Record<string, string>,
  ): Promise<{ document: { id: string }; version: { version: number } } & Record<string, unknown>>;
  /**
   * The bytes of a download (a document version, an evidence package, a certificate), by path
   * or by a link of a webhook's `links` (always fetched from `baseUrl`).
   */
  download(path: string): Promise<Uint8Array>;
}

/**
 * A path under the server, from a path or from an absolute link the server gave (webhook
 * `links`): the credentials only ever go to `baseUrl`, never to a host named in a payload.
 */
function apiPath(pathOrLink: string): string {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(pathOrLink)) return pathOrLink;
  const url = new URL(pathOrLink);
  const at = url.pathname.indexOf('/api/');
  if (at < 0) throw new Error(`not a SignX API link: ${pathOrLink}`);
  return url.pathname.slice(at) + url.search;
}

export function createSignxClient(options: SignxClientOptions): SignxClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const send = options.fetch ?? ((request: Request) => fetch(request));
  const authorize = async (request: Request): Promise<Request> => {
    for (const [name, value] of Object.entries(options.headers ?? {})) request.headers.set(name, value);
    if (options.apiKey) request.headers.set('x-api-key', options.apiKey);
    const token =
      typeof options.bearerToken === 'function' ? await options.bearerToken() : options.bearerToken;
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  };
  const api = createFetchClient<paths>({ baseUrl, fetch: send });
  api.use({ onRequest: ({ request }) => authorize(request) });

  const raw = async (path: string, init: RequestInit = {}): Promise<Response> => {
    let response: Response;
    try {
      response = await send(await authorize(new Request(`${baseUrl}${apiPath(path)}`, init)));
    } catch (cause) {
      throw Object.assign(new SignxApiError(0, 0, `network error: ${String(cause)}`), { cause });
    }
    if (!response.ok) {
      const body = await response.json().catch(() => null);
      throw SignxApiError.fromResponse(response, body);
    }
    return response;
  };

  return {
    api,
    async call<R extends Outcome>(pending: Promise<R>): Promise<DataOf<R>> {
      let outcome: R;
      try {
        outcome = await pending;
      } catch (cause) {
        throw Object.assign(new SignxApiError(0, 0, `network error: ${String(cause)}`), { cause });
      }
      const { data, error, response } = outcome;
      if (response.ok && data && typeof data === 'object' && 'data' in data) return data.data as DataOf<R>;
      throw SignxApiError.fromResponse(response, error ?? data);
    },
    fetch: raw,
    async uploadDocument(file, fields) {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      const blob = new Blob([file.content], { type: file.type ?? 'application/octet-stream' });
      form.append('file', blob, file.name);
      const response = await raw('/api/v1/documents', { method: 'POST', body: form });
      return ((await response.json()) as { data: never }).data;
    },
    async download(path) {
      return new Uint8Array(await (await raw(path)).arrayBuffer());
    },
  };
}

import createClient from 'openapi-fetch';
import { accessToken, hasSession, refreshAccess } from '../auth/tokens';
import { ApiError } from './api-error';
import type { paths } from './schema';

/**
 * The typed API client (types generated from the server's OpenAPI document, so a renamed
 * field breaks the build, not the page). Every request carries the in-memory access token;
 * a 401 on a signed-in session triggers one silent refresh and a single retry.
 */
export const api = createClient<paths>({ baseUrl: '', fetch: authorizedFetch });

export async function authorizedFetch(request: Request): Promise<Response> {
  const retry = request.clone();
  const first = await send(request);
  const response =
    first.status !== 401 || request.url.includes('/api/v1/auth/') || !hasSession()
      ? first
      : (await refreshAccess())
        ? await send(retry)
        : first;
  if (response.status === 403) await noticeRestriction(response);
  return response;
}

/** Why the server holds a signed-in session to one task (`details.reason` of its 403). */
export type SessionRestriction = 'password_change_required' | 'mfa_enrolment_required';
const restrictions: readonly string[] = ['password_change_required', 'mfa_enrolment_required'];
let restrictedListener: (reason: SessionRestriction) => void = () => undefined;

/**
 * Called when a call is refused because the session became restricted while the app was
 * open (a role started requiring MFA, the password expired): the app then takes the user to
 * the page that lifts the restriction instead of showing a bare 403.
 */
export function onSessionRestricted(listener: (reason: SessionRestriction) => void): void {
  restrictedListener = listener;
}

async function noticeRestriction(response: Response): Promise<void> {
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as { details?: { reason?: unknown } } | null;
  const reason = body?.details?.reason;
  if (typeof reason === 'string' && restrictions.includes(reason))
    restrictedListener(reason as SessionRestriction);
}

function send(request: Request): Promise<Response> {
  const token = accessToken();
  if (token) request.headers.set('authorization', `Bearer ${token}`);
  return fetch(request);
}

type Outcome = { data?: unknown; error?: unknown; response: Response };
/** The `data` of the success envelope of an openapi-fetch result. */
type DataOf<R> =
  Extract<R, { error?: never }> extends { data?: infer E }
    ? NonNullable<E> extends { data: infer D }
      ? D
      : never
    : never;

/** Awaits an API call and returns the envelope's `data`, or throws an ApiError. */
export async function call<R extends Outcome>(pending: Promise<R>): Promise<DataOf<R>> {
  let outcome: R;
  try {
    outcome = await pending;
  } catch (cause) {
    throw ApiError.network(cause);
  }
  const { data, error, response } = outcome;
  if (response.ok && data && typeof data === 'object' && 'data' in data) return data.data as DataOf<R>;
  throw ApiError.fromResponse(response, error ?? data);
}

/**
 * The access token lives only here, in memory: never in storage an injected script could
 * read. The refresh token is an HttpOnly cookie the page cannot see at all; refreshing
 * asks the server to read it. Refreshes are serialised across tabs with a Web Lock, because
 * each refresh token works once: two tabs rotating the same cookie would end the session.
 */
let token: string | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
let inflight: Promise<boolean> | null = null;
let expiredListener: () => void = () => undefined;

export const refreshHeaders = { 'x-refresh-transport': 'cookie' } as const;

export interface AccessGrant {
  access_token: string;
  expires_in: number;
}

export function accessToken(): string | null {
  return token;
}

export function hasSession(): boolean {
  return token !== null;
}

/** Keeps a new access token and schedules the silent refresh a minute before it expires. */
export function setAccess(grant: AccessGrant): void {
  token = grant.access_token;
  clearTimeout(timer);
  const lead = Math.max(10, grant.expires_in - 60) * 1000;
  timer = setTimeout(() => void refreshAccess(), lead);
}

export function clearAccess(): void {
  token = null;
  clearTimeout(timer);
}

/** Called when a refresh fails on a session that existed: the session has ended. */
export function onSessionExpired(listener: () => void): void {
  expiredListener = listener;
}

/** One refresh at a time per page (and per browser, through the lock); true when it worked. */
export function refreshAccess(): Promise<boolean> {
  inflight ??= withLock(refreshOnce).finally(() => {
    inflight = null;
  });
  return inflight;
}

async function refreshOnce(): Promise<boolean> {
  const hadSession = hasSession();
  let response: Response;
  try {
    response = await (takeEarlyRefresh() ??
      fetch('/api/v1/auth/refresh', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...refreshHeaders },
        body: '{}',
        credentials: 'same-origin',
      }));
  } catch {
    return false;
  }
  if (!response.ok) {
    clearAccess();
    if (hadSession) expiredListener();
    return false;
  }
  const body = (await response.json()) as { data: AccessGrant };
  setAccess(body.data);
  return true;
}

/**
 * The refresh public/boot.js started before the app loaded (signed-in visits only): its
 * answer is the first refresh's, so the page makes one request instead of two. Taken once.
 */
function takeEarlyRefresh(): Promise<Response> | undefined {
  const holder = globalThis as { __signxRefresh?: Promise<Response> };
  const early = holder.__signxRefresh;
  delete holder.__signxRefresh;
  return early;
}

function withLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request('signx-refresh', work) as Promise<T>) : work();
}

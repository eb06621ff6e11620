import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api, call } from '../api/http-client';
import { clearBootMenu } from '../layout/boot-menu';
import { clearAccess, onSessionExpired, refreshAccess, refreshHeaders, setAccess } from './tokens';

type LoginData = {
  status: string;
  tokens?: TokenPair;
  challenge_token?: string;
  methods?: string[];
  expires_at?: string;
};
type TokenPair = { access_token: string; expires_in: number };
export type Me = Awaited<ReturnType<typeof fetchMe>>;
export type SecondFactor = 'totp' | 'email' | 'recovery';

/** What the sign-in page shows next after a password was accepted. */
export type LoginStep =
  | { kind: 'signed-in' }
  | { kind: 'mfa'; challengeToken: string; methods: SecondFactor[]; expiresAt: string };

// Not a secret: only says a refresh cookie may exist, so anonymous visits skip a doomed refresh.
const hintKey = 'signx.signed-in';
const channel = typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel('signx-session') : null;

function fetchMe() {
  return call(api.GET('/api/v1/me'));
}

/**
 * The signed-in user: who they are, what they may do (the permission codes /me returns drive
 * menus and `v-access`; the server checks every call again), and the sign-in, refresh and
 * sign-out flows. Signing out in one tab signs out every tab.
 */
export const useSessionStore = defineStore('session', () => {
  const me = ref<Me | null>(null);
  const restored = ref(false);
  const expired = ref(false);
  const permissions = computed(() => new Set(me.value?.permissions ?? []));
  const signedIn = computed(() => me.value !== null);
  const mustChangePassword = computed(() => me.value?.user.must_change_password === true);
  const mustEnrolMfa = computed(() => Boolean(me.value?.mfa.required && !me.value.mfa.totp_bound));

  function can(required: string | readonly string[] | undefined): boolean {
    if (!required) return true;
    const codes = typeof required === 'string' ? [required] : required;
    return codes.length === 0 || codes.some((code) => permissions.value.has(code));
  }

  async function loadMe(): Promise<void> {
    me.value = await fetchMe();
    expired.value = false;
  }

  /** On page load: a valid refresh cookie restores the session without a password. */
  async function restore(): Promise<void> {
    if (restored.value) return;
    try {
      if (localStorage.getItem(hintKey) && (await refreshAccess())) await loadMe();
      else localStorage.removeItem(hintKey);
    } finally {
      restored.value = true;
    }
  }

  async function accept(tokens: TokenPair): Promise<void> {
    setAccess(tokens);
    localStorage.setItem(hintKey, '1');
    clearBootMenu(); // maybe another user's: the shell writes this user's menu once shown
    await loadMe();
    channel?.postMessage({ type: 'signed-in' });
  }

  async function login(username: string, password: string): Promise<LoginStep> {
    const data: LoginData = await call(
      api.POST('/api/v1/auth/login', { body: { username, password }, headers: refreshHeaders }),
    );
    if (data.status === 'mfa_required' && data.challenge_token) {
      // 'passkey' (POST /auth/mfa/passkey) is for API clients; this page offers the code methods.
      const methods = (data.methods ?? []).filter((m) => m !== 'passkey') as SecondFactor[];
      return { kind: 'mfa', challengeToken: data.challenge_token, methods, expiresAt: data.expires_at ?? '' };
    }
    if (!data.tokens) throw new Error(`Unexpected sign-in state: ${data.status}`);
    await accept(data.tokens);
    return { kind: 'signed-in' };
  }

  async function verifySecondFactor(challengeToken: string, method: SecondFactor, code: string) {
    const tokens = await call(
      api.POST('/api/v1/auth/mfa/verify', {
        body: { challenge_token: challengeToken, method, code },
        headers: refreshHeaders,
      }),
    );
    await accept(tokens);
  }

  function forget(): void {
    clearAccess();
    localStorage.removeItem(hintKey);
    clearBootMenu();
    me.value = null;
  }

  async function logout(everywhere = false): Promise<void> {
    const path = everywhere ? '/api/v1/auth/logout/all' : '/api/v1/auth/logout';
    await call(api.POST(path, { headers: refreshHeaders })).catch(() => undefined);
    forget();
    channel?.postMessage({ type: 'signed-out' });
  }

  function markExpired(): void {
    if (!me.value) return;
    forget();
    expired.value = true;
  }

  onSessionExpired(markExpired);
  channel?.addEventListener('message', (event: MessageEvent<{ type: string }>) => {
    if (event.data.type === 'signed-out' && me.value) {
      forget();
      window.location.assign('/login');
    }
  });

  return {
    me,
    restored,
    expired,
    permissions,
    signedIn,
    mustChangePassword,
    mustEnrolMfa,
    can,
    loadMe,
    restore,
    login,
    verifySecondFactor,
    logout,
    markExpired,
    forget,
  };
});

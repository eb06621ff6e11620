import { createPasskeyAssertionOptions } from '../src/modules/identity/passkeys/passkey-assertion.service.js';
import { bearer, type IdentityTestApp, reauthenticatedHeaders } from './identity-fixtures.js';
import { SoftAuthenticator } from './soft-authenticator.js';

/** What the passkey suites share: the configured relying party and API helpers around a test app. */
export const passkeyOrigin = 'https://sign.example.test';
export const passkeyRpId = 'sign.example.test';

/** Helpers over the suite's app (`app()`: set in its beforeAll). */
export function passkeyKit(app: () => IdentityTestApp) {
  const inject = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    headers: object,
    payload?: object,
  ) =>
    app().app.inject({ method, url: `/api/v1${url}`, headers: headers as Record<string, string>, payload });
  /** The session behind an access token (its `sid` claim). */
  const sessionOf = (accessToken: string) =>
    JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString()).sid as string;
  return {
    inject,
    sessionOf,
    key: () => new SoftAuthenticator(passkeyOrigin, passkeyRpId),
    passkeyRow: (credentialId: string) =>
      app()
        .app.signx.db.selectFrom('identity_passkeys')
        .selectAll()
        .where('credential_id', '=', credentialId)
        .executeTakeFirst(),
    /** Registers `authenticator` for the user behind `token` through the API; the raw answer. */
    async register(token: string, authenticator: SoftAuthenticator, name = 'Laptop key') {
      const started = await inject(
        'POST',
        '/auth/passkeys/registration/options',
        await reauthenticatedHeaders(app().app, token),
      );
      if (started.statusCode !== 200) throw new Error(`registration options: ${started.body}`);
      const { challenge_id, options } = started.json().data;
      return inject('POST', '/auth/passkeys/registration', bearer(token), {
        challenge_id,
        name,
        response: authenticator.register(options),
      });
    },
    /** Assertion options for `userId` bound to the session of `token`, through the exported service. */
    async challengeFor(userId: string, token: string) {
      const sessionId = sessionOf(token);
      const started = await createPasskeyAssertionOptions(app().app.signx, { userId, sessionId });
      return { ...started, sessionId };
    },
  };
}

import {
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
  startAuthentication,
  startRegistration,
} from '@simplewebauthn/browser';
import { api, call } from '@/platform/api/http-client';

/** The caller's passkeys (WebAuthn): list, add (after a step-up), rename, remove, verify. */
const id = (value: string) => ({ params: { path: { id: value } } });

export const passkeysApi = {
  list: () => call(api.GET('/api/v1/me/passkeys')),
  rename: (passkeyId: string, name: string) =>
    call(api.PATCH('/api/v1/me/passkeys/{id}', { ...id(passkeyId), body: { name } })),
  remove: (passkeyId: string) => call(api.DELETE('/api/v1/me/passkeys/{id}', id(passkeyId))),

  /** Password step-up, then the browser's passkey creation, then the server's verification. */
  async add(password: string, name: string) {
    const { proof } = await call(api.POST('/api/v1/auth/step-up', { body: { password } }));
    const started = await call(
      api.POST('/api/v1/auth/passkeys/registration/options', {
        params: { header: { 'x-step-up-proof': proof } },
      }),
    );
    const optionsJSON = started.options as unknown as PublicKeyCredentialCreationOptionsJSON;
    const response: RegistrationResponseJSON = await startRegistration({ optionsJSON });
    return call(
      api.POST('/api/v1/auth/passkeys/registration', {
        body: { challenge_id: started.challenge_id, name, response: response as never },
      }),
    );
  },

  /** Re-authenticates with a passkey (user verification required); returns the step-up result. */
  async verify() {
    const started = await call(api.POST('/api/v1/auth/step-up/passkey/options'));
    const optionsJSON = started.options as unknown as PublicKeyCredentialRequestOptionsJSON;
    const response: AuthenticationResponseJSON = await startAuthentication({ optionsJSON });
    return call(
      api.POST('/api/v1/auth/step-up/passkey', {
        body: { challenge_id: started.challenge_id, response: response as never },
      }),
    );
  },
};

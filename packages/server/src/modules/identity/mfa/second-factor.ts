/** The second factors a user can prove at sign-in or step-up (checked by the secret verifier). */
export type SecondFactorMethod = 'totp' | 'email' | 'recovery';

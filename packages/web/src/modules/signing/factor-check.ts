import type { NewSigner, SecondFactor } from './signing.api';

/** Roles that sign (the server asks the factor of these external parties). */
const signingRoles = new Set(['signer', 'approver', 'witness', 'author', 'reviewer']);

type Translate = (key: string, values?: Record<string, unknown>) => string;

/**
 * The server's rule for the second factor, checked before anything is created: an access code
 * of 6–64 characters, or every signing party has the address the code is sent to. Null when
 * the request may be sent.
 */
export function factorProblem(
  factor: SecondFactor,
  accessCode: string,
  signers: NewSigner[],
  t: Translate,
): string | null {
  if (factor === 'access_code') {
    const length = accessCode.trim().length;
    return length < 6 || length > 64 ? t('signing.factor.codeTooShort') : null;
  }
  const field = factor === 'email_code' ? 'signer_email' : factor === 'sms_code' ? 'signer_phone' : null;
  if (!field) return null;
  const missing = signers.filter((s) => signingRoles.has(s.role ?? 'signer') && !s[field]?.trim());
  if (missing.length === 0) return null;
  const names = missing.map((s, i) => s.signer_name || t('signing.create.partyN', { n: i + 1 })).join(', ');
  return t(field === 'signer_email' ? 'signing.factor.needsEmail' : 'signing.factor.needsPhone', { names });
}

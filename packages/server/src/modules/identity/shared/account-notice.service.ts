import type { Trx } from '../../../platform/db/schema.js';
import type { IdentityDeps } from '../identity.deps.js';
import { identityEvents, recordIdentity } from './identity-audit.js';
import { sendIdentityMail } from './identity-mail.js';

/** Changes to how an account signs in; the owner is always told, so a takeover cannot stay silent. */
export type AccountChange =
  | 'email_changed'
  | 'password_changed'
  | 'password_reset'
  | 'mfa_bound'
  | 'mfa_removed'
  | 'recovery_codes_regenerated'
  | 'passkey_added'
  | 'passkey_removed';

const wording: Record<AccountChange, string> = {
  email_changed: 'The email address of your SignX account was changed',
  password_changed: 'The password of your SignX account was changed',
  password_reset: 'The password of your SignX account was reset by an administrator',
  mfa_bound: 'An authenticator app was bound to your SignX account',
  mfa_removed: 'The authenticator app was removed from your SignX account',
  recovery_codes_regenerated: 'New MFA recovery codes were generated for your SignX account',
  passkey_added: 'A passkey was added to your SignX account',
  passkey_removed: 'A passkey was removed from your SignX account',
};

/**
 * Mails the account's owner about a change to its email, password or MFA: to the current
 * address and, after an email change, to the previous one too (the one an attacker would
 * have replaced). Enqueued in the caller's transaction, so the mail exists exactly when the
 * change committed.
 */
export async function notifyAccountChange(
  trx: Trx,
  runtime: IdentityDeps,
  user: { id: string; username: string; email: string | null },
  input: { change: AccountChange; previousEmail?: string | null; byAdministrator?: string | null },
): Promise<void> {
  const recipients = [...new Set([user.email, input.previousEmail].filter((e): e is string => Boolean(e)))];
  if (recipients.length === 0) return;
  const when = runtime.ctx.clock.now().toISOString();
  const who = input.byAdministrator
    ? `by the administrator ${input.byAdministrator}`
    : 'from your own session';
  const summary = `${wording[input.change]} ${who} at ${when} (UTC).`;
  const newEmail = input.change === 'email_changed' ? (user.email ?? '(none)') : null;
  for (const to of recipients) {
    await sendIdentityMail(trx, runtime, to, {
      template: 'identity.account-notice',
      params: { summary, username: user.username, newEmail },
    });
  }
  await recordIdentity(trx, 'identity', {
    action: identityEvents['user.notified'],
    entityType: 'user',
    entityId: user.id,
    details: { change: input.change, recipients: recipients.length },
  });
}

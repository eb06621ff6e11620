import { systemActor } from '../../../platform/actor.js';
import type { Trx } from '../../../platform/db/schema.js';
import { notifications } from '../../notifications/index.js';
import type { IdentityDeps } from '../identity.deps.js';
import './identity-templates.js';

export type IdentityMail =
  | {
      template: 'identity.password-link';
      params: { reason: string; username: string; minutes: number; link: string };
    }
  | { template: 'identity.email-code'; params: { code: string; minutes: number } }
  | {
      template: 'identity.account-notice';
      params: { summary: string; username: string; newEmail: string | null };
    };

/**
 * Identity's mail goes through the notification center in the caller's transaction: the
 * message exists exactly when the reset token or code it carries does, SMTP is never
 * called inside a request's transaction, and the send log shows it (content sealed).
 */
export async function sendIdentityMail(
  trx: Trx,
  runtime: IdentityDeps,
  to: string,
  mail: IdentityMail,
): Promise<void> {
  await notifications.send(trx, runtime.ctx, systemActor('identity'), {
    template: mail.template,
    channels: ['email'],
    recipients: [{ type: 'email', address: to }],
    params: mail.params,
    priority: 'urgent',
  });
}

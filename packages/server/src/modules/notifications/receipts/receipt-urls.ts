import type { NotificationsDeps } from '../notifications.deps.js';
import type { NotificationProvidersTable } from '../notifications.tables.js';
import { hmac, sameText } from '../sealed.js';

/**
 * Where each SMS provider posts its delivery receipts. Twilio gets the URL with every
 * message (`StatusCallback`) and signs what it posts; Aliyun and Tencent are configured
 * once in their consoles and sign nothing, so their URL ends in a token, an HMAC of the
 * provider record under a keyring key: unguessable, stored nowhere, and a different one per
 * provider (removing a provider and adding it again gives a new URL).
 */
type Kind = NotificationProvidersTable['kind'];

export const receiptsPath = '/api/v1/notifications/callbacks';

export function receiptToken(keys: NotificationsDeps['keys'], kind: Kind, providerId: string): string {
  return hmac(keys.receipts, `sms-receipt:${kind}:${providerId}`);
}

export function isReceiptToken(
  keys: NotificationsDeps['keys'],
  kind: Kind,
  providerId: string,
  token: string,
): boolean {
  return sameText(token, receiptToken(keys, kind, providerId));
}

/** The receipt URL of a provider: Twilio's is sent with each message, the others go into the console. */
export function receiptUrl(
  deps: Pick<NotificationsDeps, 'keys' | 'publicUrl'>,
  kind: Kind,
  providerId: string,
): string {
  const base = `${deps.publicUrl}${receiptsPath}/${kind}/${providerId}`;
  return kind === 'twilio' ? base : `${base}/${receiptToken(deps.keys, kind, providerId)}`;
}

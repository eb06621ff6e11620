import { decodeJson } from '../../../platform/db/json-codec.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { domainError } from '../../../platform/errors.js';
import {
  aliyunReceipts,
  type Receipt,
  tencentReceipts,
  twilioReceipt,
  twilioSignature,
} from '../channels/sms/sms-receipts.js';
import { findDelivery, moveDelivery } from '../dispatch/deliveries.repository.js';
import type { NotificationsDeps } from '../notifications.deps.js';
import { notificationsErrors as errors } from '../notifications.errors.js';
import type { NotificationProvidersTable } from '../notifications.tables.js';
import { sameText, unseal } from '../sealed.js';
import { findProvider } from '../setup/groups.repository.js';
import { isReceiptToken } from './receipt-urls.js';
import * as repo from './receipts.repository.js';

type Kind = NotificationProvidersTable['kind'];

/** One answer for every refusal (unknown provider, wrong kind, bad signature or token): nothing to probe. */
const refused = () =>
  domainError(errors.RECEIPT_REFUSED, 'This delivery receipt is not signed by a configured provider');

async function providerOf(deps: NotificationsDeps, id: string, kind: Kind) {
  const provider = await findProvider(deps.db, id);
  if (provider?.kind !== kind) throw refused();
  return provider;
}

/**
 * A Twilio status callback: verified against the provider's auth token over the URL Twilio
 * was given (the public URL plus the path it called) and every posted parameter, and it
 * must name the provider's account. Only then is anything changed.
 */
export async function acceptTwilioReceipt(
  deps: NotificationsDeps,
  input: { providerId: string; path: string; params: Record<string, string>; signature: unknown },
): Promise<ReceiptTally> {
  const provider = await providerOf(deps, input.providerId, 'twilio');
  const token = unseal(deps.keys.seal, provider.secret_sealed);
  const expected = twilioSignature(`${deps.publicUrl}${input.path}`, input.params, token);
  if (typeof input.signature !== 'string' || !sameText(input.signature, expected)) throw refused();
  const account = decodeJson<Record<string, string>>(provider.settings)?.account_sid;
  if (!account || input.params.AccountSid !== account) throw refused();
  const receipt = twilioReceipt(input.params);
  return applyReceipts(deps, provider, receipt ? [receipt] : []);
}

/** An Aliyun or Tencent push: the token in the URL is checked before the provider is even read. */
export async function acceptConsoleReceipts(
  deps: NotificationsDeps,
  input: { kind: 'aliyun' | 'tencent'; providerId: string; token: string; body: unknown },
): Promise<ReceiptTally> {
  if (!isReceiptToken(deps.keys, input.kind, input.providerId, input.token)) throw refused();
  const provider = await providerOf(deps, input.providerId, input.kind);
  const receipts = input.kind === 'aliyun' ? aliyunReceipts(input.body) : tencentReceipts(input.body);
  return applyReceipts(deps, provider, receipts);
}

export interface ReceiptTally {
  /** Final receipts that changed an attempt (and its delivery when the attempt is its latest). */
  applied: number;
  /** Receipts for an attempt that already had its final receipt: nothing changed. */
  repeated: number;
  /** Progress reports (Twilio `sent`, `queued`…): nothing to change. */
  progress: number;
  /** Receipts naming no attempt of this provider (a removed record, or another provider's id). */
  unmatched: number;
}

/**
 * Applies a provider's delivery receipts. Each names the provider's message id; the attempt
 * that got that id from this provider takes the first final receipt (delivered, or failed
 * with the provider's code) and ignores any later one, so a provider's repeated push changes
 * nothing. The delivery moves from `sent` to `delivered` or `failed` only when the receipt is
 * for its latest sent attempt: a late receipt of an earlier attempt stays on that attempt.
 * A failed delivery can be resent from the send log like any other.
 */
export async function applyReceipts(
  deps: NotificationsDeps,
  provider: Pick<NotificationProvidersTable, 'id' | 'kind'>,
  receipts: readonly Receipt[],
): Promise<ReceiptTally> {
  const tally: ReceiptTally = { applied: 0, repeated: 0, progress: 0, unmatched: 0 };
  const final = receipts.filter((r) => r.outcome !== 'progress');
  tally.progress = receipts.length - final.length;
  const name = `sms:${provider.kind}:${provider.id}`;
  const attempts = await repo.attemptsByMessageIds(
    deps.db,
    name,
    final.map((r) => r.messageId),
  );
  for (const receipt of final) {
    const attempt = attempts.find(
      (a) =>
        a.provider_message_id === receipt.messageId &&
        (receipt.deliveryId === null || a.delivery_id === receipt.deliveryId),
    );
    if (!attempt) {
      tally.unmatched++;
      deps.logger.warn(
        { provider: name, messageId: receipt.messageId },
        'delivery receipt for no known attempt',
      );
      continue;
    }
    const applied = await inTransaction(deps.db, async (trx) => {
      const at = deps.clock.now().toISOString();
      const outcome = receipt.outcome as 'delivered' | 'failed';
      const recorded = await repo.recordReceipt(trx, attempt.id, {
        receipt_status: outcome,
        receipt_code: receipt.code.slice(0, 100),
        receipt_at: at,
      });
      if (!recorded) return false;
      const delivery = await findDelivery(trx, attempt.delivery_id);
      if (delivery?.provider_message_id !== receipt.messageId || delivery.provider !== name) return true;
      const detail = receipt.detail ? `: ${receipt.detail}` : '';
      await moveDelivery(
        trx,
        delivery.id,
        ['sent'],
        outcome === 'delivered'
          ? { status: 'delivered', delivered_at: at, updated_at: at }
          : {
              status: 'failed',
              last_error: `${name} reported ${receipt.code}${detail}`.slice(0, 1000),
              updated_at: at,
            },
      );
      return true;
    });
    if (applied) tally.applied++;
    else tally.repeated++;
  }
  return tally;
}

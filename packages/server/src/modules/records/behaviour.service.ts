import type { Actor } from '../../platform/actor.js';
import { newId } from '../../platform/db/ids.js';
import type { Trx } from '../../platform/db/schema.js';
import { domainError } from '../../platform/errors.js';
import * as store from './ceremony.repository.js';
import { fail } from './ceremony.service.js';
import { sendBehaviourAlert } from './ceremony-alert.js';
import type { PolicyRow } from './policies.repository.js';
import type { RecordsDeps } from './records.deps.js';
import { recordsErrors } from './records.errors.js';
import { networkOf, timePlaceRefusal } from './time-place.js';

/**
 * Time and place (seed 002 §10.1.2, §10.2.1): the policy's time windows and network ranges,
 * judged with the server's clock and the server-resolved client IP, before any component is
 * checked; and behaviour analysis after a successful signature.
 */
export async function assertTimeAndPlace(
  deps: RecordsDeps,
  actor: Actor,
  userId: string,
  policy: PolicyRow,
): Promise<void> {
  const reason = timePlaceRefusal(policy, deps.clock.now(), actor.ip);
  if (!reason) return;
  const refusal =
    reason === 'outside_time_window'
      ? domainError(
          recordsErrors.OUTSIDE_TIME_WINDOW,
          'The signature policy does not allow signing at this time',
        )
      : domainError(
          recordsErrors.OUTSIDE_NETWORK,
          'The signature policy does not allow signing from this network',
        );
  await fail(deps, actor, userId, [], reason, null, refusal);
}

/** How many earlier successes the analysis looks at, and needs before judging hours. */
const HISTORY = 200;
const HOURS_BASELINE = 5;

/**
 * After a successful signature (before its own authentication-log row is written): an alert
 * to the security contacts when the signer's /24 (IPv4) or /48 (IPv6) network is not among
 * the networks of their earlier successful ceremonies (and there were some), or when the UTC
 * hour is neither an hour of at least 5 earlier successes nor next to one. One alert per user
 * and network, and per user and hour.
 */
export async function analyseSuccess(
  trx: Trx,
  deps: RecordsDeps,
  actor: Actor,
  input: { userId: string; username: string; now: Date },
): Promise<string[]> {
  const hour = input.now.getUTCHours();
  const nearHours = [hour, (hour + 23) % 24, (hour + 1) % 24];
  // The usual case first: an earlier success from this very address (so its network is
  // known) and one at or next to this hour raise nothing; only otherwise the history is grouped.
  if (actor.ip) {
    const hours = nearHours.map((h) => String(h).padStart(2, '0'));
    const usual = await store.usualSuccess(trx, input.userId, HISTORY, actor.ip, hours);
    if (usual.sameIp && usual.nearHour) return [];
  }
  const history = await store.recentSuccesses(trx, input.userId, HISTORY);
  const successes = history.reduce((sum, row) => sum + Number(row.n), 0);
  if (successes === 0) return [];
  const network = networkOf(actor.ip) ?? 'unknown';
  const raised: string[] = [];
  const seen = new Set(history.map((row) => networkOf(row.ip_address) ?? 'unknown'));
  if (!seen.has(network)) raised.push('new_network');
  const hours = new Set(history.map((row) => Number(row.hour)));
  const near = nearHours.some((h) => hours.has(h));
  if (successes >= HOURS_BASELINE && !near) raised.push('unusual_hour');
  const at = input.now.toISOString();
  const sent: string[] = [];
  for (const kind of raised) {
    const windowKey = kind === 'new_network' ? network : at.slice(0, 13);
    const claimed = await store.claimAlert(trx, {
      id: newId(),
      user_id: input.userId,
      kind,
      window_key: windowKey,
      detail: `${kind} ${network} ${at}`,
      created_at: at,
    });
    if (!claimed) continue;
    await sendBehaviourAlert(trx, deps.ctx, actor, {
      role: deps.guard.securityContactRole,
      username: input.username,
      network,
      time: at,
      detail: kind,
      dedupeKey: `records.behaviour-alert:${input.userId}:${kind}:${windowKey}`,
    });
    sent.push(kind);
  }
  return sent;
}

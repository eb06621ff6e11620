import type { PageRequest } from '../../platform/db/pagination.js';
import type { Principal } from '../../platform/http/access.js';
import { credentialInventory, dormantAccountDays } from '../identity/index.js';
import { isPinExpired } from './components.js';
import type { RecordsDeps } from './records.deps.js';
import { settingsOfUsers } from './settings.repository.js';

/**
 * The credential inventory (21 CFR §11.300): identity's page of users in the caller's data
 * scope (last sign-in, TOTP, passkeys, dormancy), with each user's signature PIN state added.
 */
export async function credentialReport(
  deps: RecordsDeps,
  principal: Principal,
  filter: Parameters<typeof credentialInventory>[2],
  page: PageRequest,
) {
  const result = await credentialInventory(deps.ctx, principal, filter, page);
  const settings = new Map(
    (
      await settingsOfUsers(
        deps.db,
        result.items.map((i) => i.userId),
      )
    ).map((s) => [s.user_id, s]),
  );
  const now = deps.clock.now();
  return {
    ...result,
    dormant_account_days: dormantAccountDays(deps.ctx),
    items: result.items.map((item) => {
      const pin = settings.get(item.userId);
      const hasPin = Boolean(pin?.pin_hash);
      return {
        user_id: item.userId,
        username: item.username,
        full_name: item.fullName,
        status: item.status,
        created_at: item.createdAt,
        last_login_at: item.lastLoginAt,
        has_totp: item.hasTotp,
        passkeys: item.passkeys,
        passkey_last_used_at: item.passkeyLastUsedAt,
        has_pin: hasPin,
        is_pin_expired: Boolean(pin && hasPin && isPinExpired(pin, now)),
        is_dormant: item.isDormant,
      };
    }),
  };
}

import { availableComponents, type ComponentContext, isPinExpired } from './components.js';
import type { SettingsRow } from './settings.service.js';

/** Settings row in, response out (the PIN hash never leaves the server). */
export function presentSettings(row: SettingsRow, c: ComponentContext) {
  return {
    preferred_method: row.preferred_method,
    is_biometric_enabled: row.is_biometric_enabled === 1,
    has_pin: row.pin_hash !== null,
    is_pin_expired: row.pin_hash !== null && isPinExpired(row, c.now),
    pin_expiry_days: row.pin_expiry_days,
    last_changed_at: row.last_changed_at,
    components: availableComponents({ ...c, settings: row }),
  };
}

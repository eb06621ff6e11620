import { domainError } from '../../platform/errors.js';
import { type ProfileAppearance, profileAppearance, profileReason } from './profile-appearance.js';
import { profilesErrors } from './profiles.errors.js';
import type { ResolvedProfile } from './profiles.service.js';
import type { ProfileSettings } from './profiles.settings.js';

/**
 * What a signature made under a resolved profile carries, decided in one place for signing
 * requests and seals alike: its /Reason, its meaning, its /Location and its appearance.
 */
export interface ProfileUse {
  /** The signer's reason (checked against the profile's list), else its first reason. */
  reason: string | undefined;
  /** The meaning (checked against the profile's list), else its first meaning. */
  meaning: string | undefined;
  /** The profile's location (PDF /Location and the location line). */
  location: string | undefined;
  /** Undefined for the built-in platform default. */
  appearance: ProfileAppearance | undefined;
}

/**
 * The meaning of a signature under a profile: the one given, which must be one of the
 * profile's meanings when it lists some (else PROFILE_MEANING_REFUSED, 40028, before anything
 * is signed), else the profile's first meaning; undefined when neither.
 */
export function profileMeaning(settings: ProfileSettings, given: string | undefined): string | undefined {
  if (given === undefined) return settings.meanings[0];
  if (settings.meanings.length > 0 && !settings.meanings.includes(given))
    throw domainError(
      profilesErrors.PROFILE_MEANING_REFUSED,
      `meaning "${given.slice(0, 200)}" is not one the signing profile allows (${settings.meanings.join('; ')})`,
    );
  return given;
}

/** Everything a signature under `profile` carries (throws 40022/40028 for a refused reason or meaning). */
export function useProfile(
  profile: ResolvedProfile,
  given: { reason?: string | undefined; meaning?: string | undefined },
): ProfileUse {
  const location = profile.settings.location?.trim();
  return {
    reason: profileReason(profile.settings, given.reason),
    meaning: profileMeaning(profile.settings, given.meaning),
    location: location ? location : undefined,
    appearance: profileAppearance(profile),
  };
}

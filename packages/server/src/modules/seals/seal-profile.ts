import type { Signer } from '@signx/pades';
import { domainError, isDomainError } from '../../platform/errors.js';
import { keys, keysErrors } from '../keys/index.js';
import {
  assertCertificateAllowed,
  type ProfileUse,
  profilesErrors,
  type ResolvedProfile,
  resolveProfile,
  useProfile,
} from '../profiles/index.js';
import type { SealsDeps } from './seals.deps.js';
import * as repo from './seals.repository.js';

/**
 * A seal under its organisation's signing profile, resolved through the profiles module's one
 * path (`useProfile`, as signing requests): the seal must be the one the profile names (when it
 * names one), the profile's organisation certificate signs when it names one (it must be of the
 * seal's organisation and able to sign), and the reason, meaning, location and appearance
 * follow the profile. Every refusal happens before anything is signed.
 */
export interface SealUnderProfile {
  profile: ResolvedProfile;
  use: ProfileUse;
  signer: Signer;
}

export async function sealUnderProfile(
  deps: SealsDeps,
  seal: repo.SealRow,
  given: { meaning?: string | undefined },
): Promise<SealUnderProfile> {
  const profile = await resolveProfile(deps.db, { organisation: seal.organisation });
  const use = useProfile(profile, { meaning: given.meaning });
  const { seal_id: sealId, certificate_id: certificateId } = profile.settings;
  if (sealId && sealId !== seal.id) {
    const named = await repo.findSeal(deps.db, sealId);
    throw domainError(
      profilesErrors.PROFILE_SEAL_MISMATCH,
      `The signing profile of ${seal.organisation} names the seal “${named?.name ?? sealId}”; “${seal.name}” cannot be applied under it.`,
    );
  }
  const signer =
    certificateId && certificateId !== seal.certificate_id
      ? await profileSigner(deps, seal, certificateId)
      : await deps.signerFor(seal);
  assertCertificateAllowed(profile.settings, signer.certificate, signer.hash);
  return { profile, use, signer };
}

/** The profile's organisation certificate: of the seal's organisation, and not revoked or expired. */
async function profileSigner(deps: SealsDeps, seal: repo.SealRow, certificateId: string): Promise<Signer> {
  const unusable = (why: string) =>
    domainError(
      profilesErrors.PROFILE_CERTIFICATE_UNUSABLE,
      `The certificate the signing profile names cannot seal for ${seal.organisation}: ${why}.`,
    );
  const info = await keys.certificateInfo(deps.db, certificateId).catch((error: unknown) => {
    if (isDomainError(error, keysErrors.CERTIFICATE_NOT_FOUND)) return undefined;
    throw error;
  });
  if (!info) throw unusable('there is no such organisation certificate');
  if (info.legal_name !== seal.organisation) throw unusable(`it belongs to ${info.legal_name}`);
  return keys.signerFor(deps.ctx, certificateId).catch((error: unknown) => {
    throw unusable(error instanceof Error ? error.message.replace(/\.$/, '') : 'it cannot sign');
  });
}

import type { HashName } from '@signx/pades';
import type { DbOrTrx } from '../../platform/db/schema.js';
import type { PlatformTrust } from '../../platform/trust/platform-trust.js';
import { usersByIds } from '../identity/index.js';
import {
  assertCertificateAllowed,
  type ProfileAppearance,
  type ResolvedProfile,
  resolveProfile,
  type SigningPlan,
  signingPlan,
  useProfile,
} from '../profiles/index.js';
import type { DigitalSignatureRequestsTable } from './signing.tables.js';

/**
 * The signing profile of a request: its template's profile, else the profile of the
 * requester's department, else the platform's (profiles module, template → department →
 * organisation → platform default).
 */
export async function requestProfile(
  db: DbOrTrx,
  request: Pick<DigitalSignatureRequestsTable, 'template_id' | 'requested_by'>,
): Promise<ResolvedProfile> {
  const requester = request.requested_by
    ? (await usersByIds(db, [request.requested_by])).get(request.requested_by)
    : undefined;
  return resolveProfile(db, {
    template: request.template_id,
    department: requester?.department_id ?? null,
  });
}

/**
 * Checks the certificate a signer is about to sign with against the request's profile
 * (key usage, EKU, policy OIDs, key size or curve, hash): PROFILE_CERTIFICATE_REJECTED
 * (40024) listing every failed requirement, before anything is signed or stored.
 */
export async function assertSignerCertificate(
  db: DbOrTrx,
  request: Pick<DigitalSignatureRequestsTable, 'template_id' | 'requested_by'>,
  certificate: Uint8Array,
  hash: HashName,
): Promise<ResolvedProfile> {
  const profile = await requestProfile(db, request);
  assertCertificateAllowed(profile.settings, certificate, hash);
  return profile;
}

/**
 * How a signer's signature is made under the request's profile: a configured profile
 * (template, department, organisation or platform row) gives its PAdES level and its TSA
 * list with failover (`signingPlan`, as seal apply); all TSAs down is 503 before anything is
 * stored. Without any configured profile the signature stays B-T with the platform TSA: the
 * built-in default's B-LTA is reached once, by the completion seal, not per signer.
 */
export async function signerSigningPlan(
  profile: ResolvedProfile,
  options: { trust: PlatformTrust; fetch: typeof fetch },
): Promise<SigningPlan> {
  if (profile.profile_id === null) return { level: 'B-T', timestamper: await options.trust.timestamper() };
  return signingPlan(profile.settings, options);
}

/**
 * What a signer's signature carries under the request's profile (the profiles module's one
 * path, `useProfile`, as seals): the /Reason (the signer's, which must be one of the profile's
 * reasons when it lists some, else 40022 before anything is signed; else the profile's first
 * reason; else `fallback`, the request title), the meaning (the signer's, which must be one of
 * the profile's meanings, else 40028; else its first; else approval), the /Location and, for a
 * configured profile, its layout, printed fields, caption languages and font.
 */
export function signerAppearance(
  profile: ResolvedProfile,
  given: { reason?: string | undefined; meaning?: string | undefined },
  fallback: string,
): { reason: string; meaning: string; location?: string; appearance?: ProfileAppearance } {
  const use = useProfile(profile, given);
  return {
    reason: (use.reason ?? fallback).slice(0, 200),
    meaning: use.meaning ?? 'approval',
    ...(use.location ? { location: use.location } : {}),
    ...(use.appearance ? { appearance: use.appearance } : {}),
  };
}

import { domainError } from '../../platform/errors.js';
import { openOwnCertificate } from './own-certificate.js';
import type { SignInput } from './sign.service.js';
import type { SigningDeps } from './signing.deps.js';
import { signingErrors } from './signing.errors.js';
import type { SignerAccess } from './signing-link.service.js';

/**
 * The certificate that signs: the signer's own PKCS#12 for `certificate` signatures (opened
 * in memory, checked, dropped after this signing), otherwise one the platform CA issues to
 * this signer.
 */
export async function signerFor(deps: SigningDeps, access: SignerAccess, input: SignInput, at: Date) {
  if (input.signature_type !== 'certificate')
    return deps.trust.issueSigner({
      name: access.signer.signer_name,
      email: access.signer.signer_email,
      validityDays: access.bundle.request.signature_valid_days,
    });
  if (!input.certificate_p12)
    throw domainError(signingErrors.CERTIFICATE_UNUSABLE, 'A certificate signature needs certificate_p12');
  const own = await openOwnCertificate(input.certificate_p12, input.certificate_password ?? '', at);
  return { ...own, certificate: own.signer.certificate };
}

import {
  hasKeyUsage,
  isPadesError,
  KEY_USAGE,
  parseCertificate,
  type Signer,
  signerFromPkcs12,
} from '@signx/pades';
import { domainError } from '../../platform/errors.js';
import { signingErrors } from './signing.errors.js';

/** A PKCS#12 upload is small; anything bigger is not a personal signing certificate. */
export const MAX_P12_BYTES = 64 * 1024;

/** The signer's own certificate, opened for one signing and then dropped. */
export interface OwnCertificate {
  signer: Signer;
  serial: string;
  subject: string;
}

const unusable = (message: string) => domainError(signingErrors.CERTIFICATE_UNUSABLE, message);

/**
 * Opens the signer's own PKCS#12 (base64) with their password, in memory only: the file and
 * password are never written, logged or put into an error (the messages name only what is
 * wrong). The certificate must be valid at `at` and allowed to sign (key usage
 * digitalSignature or nonRepudiation when the extension is present; an extended key usage,
 * when present, must not exclude document signing).
 */
export async function openOwnCertificate(
  p12Base64: string,
  password: string,
  at: Date,
): Promise<OwnCertificate> {
  const bytes = Buffer.from(p12Base64, 'base64');
  if (bytes.length === 0 || bytes.length > MAX_P12_BYTES)
    throw unusable(`certificate_p12 must be a base64 PKCS#12 file of at most ${MAX_P12_BYTES} bytes`);
  let signer: Signer;
  try {
    signer = await signerFromPkcs12(bytes, password);
  } catch (err) {
    if (isPadesError(err, 'BAD_PASSWORD'))
      throw domainError(signingErrors.CERTIFICATE_PASSWORD_WRONG, 'The certificate password is wrong');
    if (isPadesError(err)) throw unusable(`The certificate file cannot be used: ${err.code}`);
    throw unusable('The certificate file is not a readable PKCS#12 file');
  } finally {
    bytes.fill(0);
  }
  const cert = parseCertificate(signer.certificate);
  if (at < cert.notBefore || at > cert.notAfter)
    throw unusable(
      `The certificate is valid from ${cert.notBefore.toISOString()} to ${cert.notAfter.toISOString()}`,
    );
  if (
    cert.keyUsage !== undefined &&
    !hasKeyUsage(cert.keyUsage, KEY_USAGE.digitalSignature) &&
    !hasKeyUsage(cert.keyUsage, KEY_USAGE.nonRepudiation)
  )
    throw unusable('The certificate’s key usage does not allow signing');
  if (cert.isCa) throw unusable('A CA certificate cannot sign documents');
  if (cert.extendedKeyUsage && !cert.extendedKeyUsage.some((oid) => SIGNING_EKUS.has(oid)))
    throw unusable('The certificate’s extended key usage does not allow document signing');
  return { signer, serial: cert.serial, subject: cert.subject };
}

/** anyExtendedKeyUsage, emailProtection, documentSigning (RFC 9336), Adobe and Microsoft document signing. */
const SIGNING_EKUS = new Set([
  '2.5.29.37.0',
  '1.3.6.1.5.5.7.3.4',
  '1.3.6.1.5.5.7.3.36',
  '1.2.840.113583.1.1.5',
  '1.3.6.1.4.1.311.10.3.12',
]);

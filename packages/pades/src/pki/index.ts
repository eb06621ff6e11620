/**
 * PKI layer of @signx/pades: signers (PKCS#12, PEM), the platform's own CA, CRL, OCSP and
 * RFC 3161 services, clients for external TSA/OCSP/CRL, and certificate path validation.
 */
export type { ParsedCertificate } from './certificate.parser.js';
export { parseCertificate } from './certificate.parser.js';
export type {
  IssuingCaOptions,
  RootCaOptions,
  ServiceCertificateOptions,
  SignerCertificateOptions,
} from './certificate-authority.js';
export {
  certifyServiceKey,
  createIssuingCa,
  createRootCa,
  issueOcspResponderCertificate,
  issueSignerCertificate,
  issueTsaCertificate,
  signerCaMaterial,
} from './certificate-authority.js';
export type { CertificateExtensions } from './certificate-extensions.parser.js';
export { hasKeyUsage, KEY_USAGE } from './certificate-extensions.parser.js';
export type {
  CertificatePolicy,
  CurveName,
  KeyUsageName,
  PolicyCheckCode,
  PolicyCheckResult,
} from './certificate-policy-check.js';
export { checkCertificatePolicy, DEFAULT_CERTIFICATE_POLICY } from './certificate-policy-check.js';
export type { ChainOptions } from './chain-verifier.js';
export { verifyChain } from './chain-verifier.js';
export type { GeneralName, NameConstraints } from './constraint-extensions.parser.js';
export type { CrlOptions, ParsedCrl } from './crl.service.js';
export { createCrl, isCrlSignedBy, parseCrl } from './crl.service.js';
export type { HttpTimestamperOptions } from './http-timestamper.js';
export { httpTimestamper } from './http-timestamper.js';
export { nameToString } from './name.codec.js';
export type { OcspRequestOptions } from './ocsp-request.js';
export { buildOcspRequest, parseOcspRequest } from './ocsp-request.js';
export type { OcspAuthority, OcspResponderOptions } from './ocsp-responder.js';
export { OCSP_STATUS, ocspRespond, ocspRespondAmong } from './ocsp-responder.js';
export type { OcspSingleResponse, ParsedOcspResponse } from './ocsp-response.parser.js';
export { findSingleResponse, ocspSigner, parseOcspResponse } from './ocsp-response.parser.js';
export type { OrganisationCertificateOptions, OrganisationSubject } from './organisation-certificate.js';
export {
  encodeOrganisationName,
  issueOrganisationCertificate,
  ORGANIZATION_IDENTIFIER_OID,
  organisationOf,
} from './organisation-certificate.js';
export { certificatesFromBytes, certificatesFromPem, pemBlocks, toPem } from './pem.codec.js';
export { readPkcs12 } from './pkcs12.reader.js';
export type * from './pki.types.js';
export type { PolicyOptions } from './policy-tree.js';
export type { CollectRevocationOptions, RevocationData } from './revocation-collector.js';
export { collectAvailableRevocationData, collectRevocationData } from './revocation-collector.js';
export type { FetchOptions } from './revocation-fetch.js';
export { fetchCrl, fetchOcsp } from './revocation-fetch.js';
export { normalizeSerial, RevocationRegistry } from './revocation-registry.js';
export type { HashName, SignatureAlgorithm, Signer, SignerOptions } from './signer.js';
export { createLocalSigner, inspectKey, signerFromPem, signerFromPkcs12 } from './signer.js';
export type { TimestampRequestOptions } from './timestamp-request.js';
export { buildTimestampRequest, parseTimestampResponse } from './timestamp-request.js';
export type { PlatformTrustOptions, PlatformTrustServices } from './trust-services.js';
export { createPlatformTrustServices } from './trust-services.js';
export type { TimestampAuthority, TimestampAuthorityOptions, TokenOptions } from './tsa.service.js';
export { createTimestampAuthority, inProcessTimestamper } from './tsa.service.js';

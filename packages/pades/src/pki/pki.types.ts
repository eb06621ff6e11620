import type { HashName, Signer } from './signer.js';

/** Key families the platform CA issues; EC is much faster to sign with, RSA is the most compatible. */
export type KeyType = 'rsa' | 'ec';

/** Elliptic curves accepted for signing keys (ETSI TS 119 312 / seed 002). */
export type EcCurve = 'P-256' | 'P-384';

/**
 * A CA's certificate and key, serialisable (DER + PEM) so the server can keep it in its keyring.
 * `chain` lists the issuers above this CA, nearest first; empty for a root.
 */
export interface CaMaterial {
  readonly certificate: Uint8Array;
  readonly privateKeyPem: string;
  readonly chain: readonly Uint8Array[];
  /**
   * Set when the key is not in this process (a PKCS#11 token): the CA signs through this
   * Signer, and `privateKeyPem` is not used (see signerCaMaterial, whose PEM getter throws).
   */
  readonly signer?: Signer;
}

/** Key choice shared by every issuing function. */
export interface KeyOptions {
  keyType?: KeyType;
  rsaBits?: number;
  curve?: EcCurve;
}

/** What every certificate issued by the platform can carry. */
export interface IssueOptions extends KeyOptions {
  validityDays?: number;
  notBefore?: Date;
  ocspUrl?: string;
  crlUrl?: string;
  caIssuersUrl?: string;
  organization?: string;
  country?: string;
  /** Extra DER extensions (name constraints, certificate policies, …), appended as given. */
  extraExtensions?: readonly Uint8Array[];
}

/** A freshly issued end-entity certificate with its key. */
export interface IssuedCertificate {
  readonly certificate: Uint8Array;
  readonly privateKeyPem: string;
  /** Issuer chain, nearest first, ending with the root. */
  readonly chain: readonly Uint8Array[];
}

/** An issued signer certificate with a ready-to-use Signer. */
export interface IssuedSigner extends IssuedCertificate {
  readonly signer: Signer;
}

/** RFC 5280 CRLReason values. */
export type RevocationReason =
  | 'unspecified'
  | 'keyCompromise'
  | 'cACompromise'
  | 'affiliationChanged'
  | 'superseded'
  | 'cessationOfOperation'
  | 'certificateHold'
  | 'removeFromCRL'
  | 'privilegeWithdrawn'
  | 'aACompromise';

/** One revoked certificate; serial as lowercase hex with leading zero bytes stripped. */
export interface RevokedEntry {
  readonly serial: string;
  readonly revokedAt: Date;
  readonly reason: RevocationReason;
}

/** The answer of a status source for one serial number. */
export type CertificateStatus =
  | { status: 'good' }
  | { status: 'revoked'; revokedAt: Date; reason: RevocationReason }
  | { status: 'unknown' };

/** A time-stamp source: returns a DER TimeStampToken (ContentInfo of SignedData) for a digest. */
export interface Timestamper {
  /** `messageImprint` is the already computed digest (with `hash`) of the time-stamped data. */
  timestamp(messageImprint: Uint8Array, hash: HashName): Promise<Uint8Array>;
}

/** How revocation is checked: only with data in the file, also by fetching, or not at all. */
export type RevocationMode = 'embedded' | 'online' | 'off';

/** Revocation outcome for one certificate of a path, with the source that proved it. */
export interface RevocationReport {
  readonly status: 'good' | 'revoked' | 'unknown' | 'not-checked';
  readonly source: 'ocsp' | 'crl' | 'none';
  readonly online: boolean;
  readonly revokedAt?: Date;
  readonly reason?: RevocationReason;
  readonly producedAt?: Date;
}

/** One certificate of a built path, for reports. */
export interface ChainElement {
  readonly certificate: Uint8Array;
  readonly subject: string;
  readonly issuer: string;
  readonly serial: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly isTrustAnchor: boolean;
  readonly revocation: RevocationReport;
}

/** Problems a chain check can find; a report is valid only when the list is empty. */
export type ChainProblem =
  | 'NO_PATH_TO_TRUST_ANCHOR'
  | 'BAD_CERTIFICATE_SIGNATURE'
  | 'EXPIRED'
  | 'NOT_YET_VALID'
  | 'NOT_A_CA'
  | 'KEY_USAGE'
  | 'EXTENDED_KEY_USAGE'
  | 'REVOKED'
  | 'REVOCATION_UNKNOWN'
  | 'MALFORMED_CERTIFICATE'
  | 'NAME_CONSTRAINTS'
  | 'CERTIFICATE_POLICY';

/**
 * The result of verifyChain: the path (signer first, anchor last) and every problem found.
 * `isValid` is true when `problems` is empty; REVOCATION_UNKNOWN goes to `warnings`.
 */
export interface ChainReport {
  readonly isValid: boolean;
  readonly isTrusted: boolean;
  readonly path: readonly ChainElement[];
  readonly problems: readonly { code: ChainProblem; message: string; subject?: string }[];
  /** Things that do not invalidate the path but lower assurance (e.g. revocation not determined). */
  readonly warnings: readonly { code: ChainProblem; message: string; subject?: string }[];
  /** Certificates, OCSP responses and CRLs that were used (fetched or embedded), for a DSS. */
  readonly used: { certificates: Uint8Array[]; ocspResponses: Uint8Array[]; crls: Uint8Array[] };
  /** The end entity's valid certificate policies after RFC 5280 policy processing. */
  readonly policies: readonly string[];
}

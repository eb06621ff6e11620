import type { HashName } from '../pki/signer.js';
import type { ReadSignatureAlgorithm } from './algorithms.js';

/** One attribute as found: its type and the DER of each value. */
export interface CmsAttribute {
  readonly oid: string;
  readonly values: readonly Uint8Array[];
}

/** ESSCertID / ESSCertIDv2 as found in signing-certificate(-v2). */
export interface EssCertId {
  readonly hash: HashName | 'SHA-1';
  readonly certHash: Uint8Array;
  readonly issuerSerial?: { readonly issuerDer: Uint8Array; readonly serial: string };
}

/** A decoded SignerInfo; signedAttrsDer is the SET (tag 0x31) form the signature is computed over. */
export interface ParsedSignerInfo {
  readonly version: number;
  readonly sid:
    | { readonly issuerDer: Uint8Array; readonly serial: string }
    | { readonly subjectKeyId: Uint8Array };
  readonly digestAlgorithmOid: string;
  readonly hash?: HashName;
  readonly signatureAlgorithm: ReadSignatureAlgorithm;
  readonly signedAttrsDer?: Uint8Array;
  readonly signedAttributes: readonly CmsAttribute[];
  readonly unsignedAttributes: readonly CmsAttribute[];
  readonly signature: Uint8Array;
  readonly contentType?: string;
  readonly messageDigest?: Uint8Array;
  readonly signingTime?: Date;
  readonly signingCertificateV2?: readonly EssCertId[];
  readonly signingCertificateV1?: readonly EssCertId[];
  readonly timestampTokens: readonly Uint8Array[];
}

/** A decoded CMS SignedData (ContentInfo), enough for PAdES validation and reporting. */
export interface ParsedSignedData {
  readonly eContentType: string;
  /** eContent when embedded (a detached PAdES CMS must have none; a TST token has its TSTInfo). */
  readonly content?: Uint8Array;
  readonly hasEmbeddedContent: boolean;
  readonly digestAlgorithmOids: readonly string[];
  readonly certificates: readonly Uint8Array[];
  readonly crls: readonly Uint8Array[];
  readonly signerInfos: readonly ParsedSignerInfo[];
  /** The first (for PAdES: the only) SignerInfo. */
  readonly signerInfo: ParsedSignerInfo;
  /** The certificate that matches the first SignerInfo's sid, if included. */
  readonly signerCertificate?: Uint8Array;
  /** OIDs of the first SignerInfo's signed attributes (to report e.g. signing-time). */
  readonly signedAttributeOids: readonly string[];
  readonly timestampTokens: readonly Uint8Array[];
}

/** A problem found while verifying a CMS or a time-stamp token. */
export interface CmsProblem {
  readonly code:
    | 'DIGEST_MISMATCH'
    | 'BAD_SIGNATURE'
    | 'SIGNER_CERTIFICATE_MISSING'
    | 'SIGNING_CERTIFICATE_MISSING'
    | 'SIGNING_CERTIFICATE_MISMATCH'
    | 'CONTENT_TYPE'
    | 'SIGNING_TIME_PRESENT'
    | 'EMBEDDED_CONTENT'
    | 'TIMESTAMP_INVALID'
    | 'IMPRINT_MISMATCH'
    | 'TSA_EKU'
    | 'UNSUPPORTED';
  readonly message: string;
}

/** The result of verifyTimestampToken. */
export interface TimestampVerification {
  readonly isValid: boolean;
  readonly genTime?: Date;
  readonly hash?: HashName;
  readonly imprintMatches: boolean;
  readonly signatureValid: boolean;
  readonly policy?: string;
  readonly serial?: string;
  readonly nonce?: string;
  readonly accuracyMs?: number;
  readonly tsaCertificate?: Uint8Array;
  readonly certificates: readonly Uint8Array[];
  readonly hasTimeStampingEku: boolean;
  readonly problems: readonly CmsProblem[];
}

/** The result of verifySignedData. `isValid` covers the math and the bindings, not the chain. */
export interface CmsVerification {
  readonly isValid: boolean;
  readonly hash?: HashName;
  readonly digestMatches: boolean;
  readonly signatureValid: boolean;
  readonly signingCertificate: 'v2' | 'v1' | 'none';
  readonly signingCertificateBound: boolean;
  readonly signerCertificate?: Uint8Array;
  readonly certificates: readonly Uint8Array[];
  readonly signedAttributeOids: readonly string[];
  readonly hasSigningTime: boolean;
  readonly signingTime?: Date;
  readonly hasEmbeddedContent: boolean;
  readonly timestamps: readonly TimestampVerification[];
  /** Problems that make the CMS invalid. */
  readonly problems: readonly CmsProblem[];
  /** PAdES baseline non-conformities that do not break the signature math (e.g. signing-time). */
  readonly nonConformities: readonly CmsProblem[];
}

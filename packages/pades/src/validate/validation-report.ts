import type { PadesLevel } from '../sign/sign-options.js';

/** How a signature's /ByteRange relates to the file. */
export interface CoverageReport {
  byteRange: readonly number[];
  /** Bytes covered (both ranges). */
  coveredBytes: number;
  /** True when the signed part ends exactly at the end of a revision (after its %%EOF). */
  endsAtRevision: boolean;
  /** True when everything after the signed part consists of complete later revisions. */
  restIsLaterRevisions: boolean;
  coversWholeFile: boolean;
  /** Index of the signed revision, 1 = the original document. */
  revision: number;
  problems: string[];
}

/** One object changed after the signature, classified. */
export interface ChangeReport {
  object: number;
  kind:
    | 'signature'
    | 'signature-field'
    | 'form-filling'
    | 'dss'
    | 'document-timestamp'
    | 'appearance'
    | 'acroform'
    | 'catalog'
    | 'page-annotations'
    | 'page-content'
    | 'annotation'
    | 'metadata'
    | 'other';
  allowed: boolean;
  detail: string;
}

export interface TimestampReport {
  isValid: boolean;
  genTime?: Date;
  tsaSubject?: string;
  isTsaTrusted: boolean;
  problems: string[];
}

/** Everything checked for one signature or document time-stamp. */
export interface SignatureReport {
  fieldName: string;
  kind: 'signature' | 'document-timestamp';
  subFilter?: string;
  /**
   * Who signed, from the signing certificate the signature verifies against (its common
   * name; the TSA's for a document time-stamp). Undefined when the CMS cannot be read.
   */
  signerName?: string;
  /** The signing certificate's full subject DN. */
  signerSubject?: string;
  /**
   * The signature dictionary's /Name: a claim written by whoever produced the signature,
   * not covered by the certificate. Show it only labelled as such, never as "signed by".
   */
  declaredName?: string;
  /** /M: the time the signer claims (not proven). */
  claimedTime?: Date;
  reason?: string;
  /** The /Location the signer gave (a signing profile's location). */
  location?: string;
  coverage: CoverageReport;
  digestMatches: boolean;
  signatureValid: boolean;
  signingCertificateV2: 'bound' | 'mismatch' | 'missing';
  chain: { isTrusted: boolean; isValid: boolean; problems: string[]; path: string[] };
  revocation: {
    status: 'good' | 'revoked' | 'unknown' | 'not-checked';
    detail: string[];
    /**
     * True when the file itself (its DSS) holds an OCSP response or CRL for every certificate
     * of the signer's chain that needs one; undefined when revocation was not checked.
     */
    inFile?: boolean;
  };
  timestamp?: TimestampReport;
  docMdp?: 1 | 2 | 3;
  changes: ChangeReport[];
  /** Highest PAdES baseline level whose requirements are all met (trust aside). */
  level: PadesLevel | 'none';
  /** Why the level is not higher when that is not obvious (e.g. no signature time-stamp). */
  levelNotes?: string[];
  nonConformities: string[];
  /** Integrity, coverage, chain trust, revocation (when checked) and allowed changes all fine. */
  isValid: boolean;
  problems: string[];
}

/** The validation of a whole PDF. */
export interface ValidationReport {
  isValid: boolean;
  revisions: number;
  signatures: SignatureReport[];
  hasDss: boolean;
}

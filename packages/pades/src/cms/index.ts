/**
 * CMS layer of @signx/pades: builds the detached CAdES SignedData that goes into /Contents,
 * and parses/verifies CMS and RFC 3161 tokens found in PDFs.
 */
export type { ReadSignatureAlgorithm } from './algorithms.js';
export { digestAlgorithmId, hashFromOid, hashLength, nodeHash, signatureAlgorithmId } from './algorithms.js';
export type {
  CmsAttribute,
  CmsProblem,
  CmsVerification,
  EssCertId,
  ParsedSignedData,
  ParsedSignerInfo,
  TimestampVerification,
} from './cms.types.js';
export { OID } from './oids.js';
export type { PadesSignedDataOptions } from './signed-data.builder.js';
export { buildPadesSignedData, estimateSignedDataSize } from './signed-data.builder.js';
export { matchesSid, parseSignedData } from './signed-data.parser.js';
export { signedDataHash, verifySignedData } from './signed-data.verifier.js';
export type { ImprintInput } from './timestamp-token.verifier.js';
export { verifyTimestampToken } from './timestamp-token.verifier.js';
export type { TstInfo } from './tst-info.parser.js';
export { parseTstInfo } from './tst-info.parser.js';

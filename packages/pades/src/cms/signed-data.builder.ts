import { createHash } from 'node:crypto';
import { parseCertificate } from '../pki/certificate.parser.js';
import type { Timestamper } from '../pki/pki.types.js';
import type { HashName, Signer } from '../pki/signer.js';
import { digestAlgorithmId, nodeHash, signatureAlgorithmId } from './algorithms.js';
import { explicit, int, octets, oid, seq, set, setOf, tlv } from './der-writer.js';
import { OID } from './oids.js';

/**
 * Hand-built detached CAdES SignedData for PAdES (SubFilter ETSI.CAdES.detached). Everything
 * that depends only on the signer (certificates, sid, algorithm identifiers, the
 * signing-certificate-v2 attribute) is encoded once per Signer and reused, so a signature costs
 * the key operation plus a few small copies.
 */
export interface PadesSignedDataOptions {
  signer: Signer;
  /** Digest (with signer.hash) of the PDF byte ranges. */
  documentDigest: Uint8Array;
  /** When given, a signature-time-stamp unsigned attribute is added (B-T); its failure is thrown. */
  timestamper?: Timestamper;
}

/** The per-signer DER pieces; also used by the TSA to build its tokens. */
export interface SignerParts {
  readonly hash: HashName;
  readonly digestAlgorithmId: Uint8Array;
  readonly digestAlgorithms: Uint8Array;
  readonly signatureAlgorithmId: Uint8Array;
  readonly sid: Uint8Array;
  readonly certificates: Uint8Array;
  readonly signingCertificateV2: Uint8Array;
  readonly maxSignatureSize: number;
}

const partsCache = new WeakMap<object, SignerParts>();

/** ESSCertIDv2 (hash algorithm omitted for SHA-256: it is the DEFAULT) with issuerSerial. */
function essCertIdV2(certDer: Uint8Array, hash: HashName): Uint8Array {
  const cert = parseCertificate(certDer);
  const issuerSerial = seq(seq(explicit(4, cert.issuerDer)), cert.serialDer);
  const certHash = octets(cert.digest(nodeHash(hash)));
  return hash === 'SHA-256'
    ? seq(certHash, issuerSerial)
    : seq(digestAlgorithmId(hash), certHash, issuerSerial);
}

function maxSignatureSize(certDer: Uint8Array): number {
  const details = parseCertificate(certDer).publicKey.asymmetricKeyDetails ?? {};
  if (details.modulusLength) return Math.ceil(details.modulusLength / 8);
  return details.namedCurve === 'secp384r1' ? 104 : details.namedCurve === 'secp521r1' ? 139 : 72;
}

/**
 * Encodes the signer-dependent parts of a SignerInfo/SignedData once per `owner` (a Signer or a
 * TSA instance), whose certificate, chain and algorithm must not change.
 */
export function signerParts(
  owner: object,
  certificate: Uint8Array,
  chain: readonly Uint8Array[],
  algorithm: Signer['algorithm'],
  hash: HashName,
): SignerParts {
  const hit = partsCache.get(owner);
  if (hit) return hit;
  const cert = parseCertificate(certificate);
  const digestAlg = digestAlgorithmId(hash);
  const parts: SignerParts = {
    hash,
    digestAlgorithmId: digestAlg,
    digestAlgorithms: set(digestAlg),
    signatureAlgorithmId: signatureAlgorithmId(algorithm, hash),
    sid: seq(cert.issuerDer, cert.serialDer),
    certificates: setOf([certificate, ...chain], 0xa0),
    signingCertificateV2: attribute(OID.signingCertificateV2, seq(seq(essCertIdV2(certificate, hash)))),
    maxSignatureSize: maxSignatureSize(certificate),
  };
  partsCache.set(owner, parts);
  return parts;
}

/** One Attribute with a single value. */
export const attribute = (type: string, value: Uint8Array): Uint8Array => seq(oid(type), set(value));

const DATA_CONTENT_TYPE = attribute(OID.contentType, oid(OID.data));

/** The SET form (tag 0x31) of the signed attributes, which is what gets signed. */
export function signedAttributes(
  messageDigest: Uint8Array,
  parts: SignerParts,
  contentType = DATA_CONTENT_TYPE,
) {
  return setOf([
    contentType,
    attribute(OID.messageDigest, octets(messageDigest)),
    parts.signingCertificateV2,
  ]);
}

/** Assembles ContentInfo(SignedData) from already signed pieces. */
export function assembleSignedData(p: {
  parts: SignerParts;
  signedAttrs: Uint8Array;
  signature: Uint8Array;
  eContentType?: string;
  eContent?: Uint8Array;
  unsignedAttrs?: readonly Uint8Array[];
  includeCertificates?: boolean;
}): Uint8Array {
  const signedAttrsImplicit = Uint8Array.from(p.signedAttrs);
  signedAttrsImplicit[0] = 0xa0;
  const unsigned = p.unsignedAttrs?.length ? [setOf(p.unsignedAttrs, 0xa1)] : [];
  const signerInfo = seq(
    int(1),
    p.parts.sid,
    p.parts.digestAlgorithmId,
    signedAttrsImplicit,
    p.parts.signatureAlgorithmId,
    octets(p.signature),
    ...unsigned,
  );
  const eType = p.eContentType ?? OID.data;
  const encap = p.eContent ? seq(oid(eType), explicit(0, octets(p.eContent))) : seq(oid(eType));
  const certs = p.includeCertificates === false ? [] : [p.parts.certificates];
  const version = eType === OID.data ? 1 : 3;
  const signedData = seq(int(version), p.parts.digestAlgorithms, encap, ...certs, set(signerInfo));
  return seq(oid(OID.signedData), explicit(0, signedData));
}

/** Builds the DER ContentInfo for /Contents: detached, no signing-time, optional signature time-stamp. */
export async function buildPadesSignedData(opts: PadesSignedDataOptions): Promise<Uint8Array> {
  const { signer } = opts;
  const parts = signerParts(signer, signer.certificate, signer.chain, signer.algorithm, signer.hash);
  const signedAttrs = signedAttributes(opts.documentDigest, parts);
  const signature = await signer.sign(signedAttrs);
  const unsignedAttrs: Uint8Array[] = [];
  if (opts.timestamper) {
    const imprint = createHash(nodeHash(signer.hash)).update(signature).digest();
    const token = await opts.timestamper.timestamp(imprint, signer.hash);
    unsignedAttrs.push(tlv(0x30, oid(OID.signatureTimeStamp), set(token)));
  }
  return assembleSignedData({ parts, signedAttrs, signature, unsignedAttrs });
}

/**
 * Upper bound of the DER size of buildPadesSignedData's output, so the PDF layer reserves enough
 * /Contents space. `timestampSize` defaults to 12 KiB, enough for public TSAs that embed chains.
 */
export function estimateSignedDataSize(
  signer: Signer,
  withTimestamp: boolean,
  timestampSize = 12_288,
): number {
  const parts = signerParts(signer, signer.certificate, signer.chain, signer.algorithm, signer.hash);
  const digestLen = parts.hash === 'SHA-256' ? 32 : parts.hash === 'SHA-384' ? 48 : 64;
  const signedAttrs = signedAttributes(new Uint8Array(digestLen), parts);
  const signature = new Uint8Array(parts.maxSignatureSize);
  const base = assembleSignedData({ parts, signedAttrs, signature }).length;
  return base + (withTimestamp ? timestampSize + 32 : 0) + 16;
}

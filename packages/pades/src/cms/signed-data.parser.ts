import { isPadesError, PadesError } from '../errors.js';
import { parseCertificate } from '../pki/certificate.parser.js';
import { hashFromOid, readSignatureAlgorithm } from './algorithms.js';
import type { CmsAttribute, EssCertId, ParsedSignedData, ParsedSignerInfo } from './cms.types.js';
import {
  bytesOf,
  child,
  children,
  contentOf,
  hexInt,
  octetValue,
  oidOf,
  readRoot,
  smallInt,
  type Tlv,
  timeOf,
} from './der-reader.js';
import { OID } from './oids.js';

/**
 * Decodes a CMS ContentInfo(SignedData) with the light TLV reader: PAdES validation runs it for
 * every signature and every time-stamp token, so it avoids building asn1js object trees.
 */
function attributes(buf: Uint8Array, t: Tlv | undefined): CmsAttribute[] {
  if (!t) return [];
  return children(buf, t).map((a) => {
    const [type, values] = children(buf, a);
    if (!type || !values) throw new PadesError('MALFORMED_CMS', 'attribute without values');
    return { oid: oidOf(buf, type), values: children(buf, values).map((v) => bytesOf(buf, v)) };
  });
}

function essIds(value: Uint8Array, v2: boolean): EssCertId[] {
  const root = readRoot(value);
  const certs = child(value, children(value, root), 0, 0x30);
  return children(value, certs).map((id) => {
    const kids = children(value, id);
    const hasAlg = v2 && kids[0]?.tag === 0x30;
    const hash = v2
      ? hasAlg
        ? hashFromOid(oidOf(value, child(value, children(value, kids[0] as Tlv), 0)))
        : 'SHA-256'
      : 'SHA-1';
    const certHash = contentOf(value, child(value, kids, hasAlg ? 1 : 0, 0x04));
    const isT = kids[hasAlg ? 2 : 1];
    let issuerSerial: EssCertId['issuerSerial'];
    if (isT) {
      const [names, serial] = children(value, isT);
      const dirName = names ? children(value, names).find((n) => n.tag === 0xa4) : undefined;
      const name = dirName ? children(value, dirName)[0] : undefined;
      if (name && serial) issuerSerial = { issuerDer: bytesOf(value, name), serial: hexInt(value, serial) };
    }
    return { hash: hash ?? ('unknown' as 'SHA-1'), certHash, issuerSerial };
  });
}

function firstValue(attrs: readonly CmsAttribute[], type: string): Uint8Array | undefined {
  return attrs.find((a) => a.oid === type)?.values[0];
}

type KnownAttributes = Pick<
  ParsedSignerInfo,
  'contentType' | 'messageDigest' | 'signingTime' | 'signingCertificateV2' | 'signingCertificateV1'
>;

/** Decodes the signed attributes PAdES cares about. */
function knownAttributes(signed: readonly CmsAttribute[]): KnownAttributes {
  const ct = firstValue(signed, OID.contentType);
  const md = firstValue(signed, OID.messageDigest);
  const st = firstValue(signed, OID.signingTime);
  const v2 = firstValue(signed, OID.signingCertificateV2);
  const v1 = firstValue(signed, OID.signingCertificate);
  return {
    contentType: ct ? oidOf(ct, readRoot(ct)) : undefined,
    messageDigest: md ? octetValue(md, readRoot(md)) : undefined,
    signingTime: st ? timeOf(st, readRoot(st)) : undefined,
    signingCertificateV2: v2 ? essIds(v2, true) : undefined,
    signingCertificateV1: v1 ? essIds(v1, false) : undefined,
  };
}

function readSid(buf: Uint8Array, sidT: Tlv): ParsedSignerInfo['sid'] {
  if (sidT.tag === 0x80) return { subjectKeyId: contentOf(buf, sidT) };
  const k = children(buf, sidT);
  return { issuerDer: bytesOf(buf, child(buf, k, 0)), serial: hexInt(buf, child(buf, k, 1)) };
}

function signerInfo(buf: Uint8Array, t: Tlv): ParsedSignerInfo {
  const k = children(buf, t);
  const digestAlgorithmOid = oidOf(buf, child(buf, children(buf, child(buf, k, 2, 0x30)), 0));
  let i = 3;
  const signedT = k[i]?.tag === 0xa0 ? k[i++] : undefined;
  const sigAlgT = child(buf, k, i++, 0x30);
  const sigT = child(buf, k, i++, 0x04);
  const signed = attributes(buf, signedT);
  const unsigned = attributes(buf, k[i]?.tag === 0xa1 ? k[i] : undefined);
  let signedAttrsDer: Uint8Array | undefined;
  if (signedT) {
    signedAttrsDer = Uint8Array.from(bytesOf(buf, signedT));
    signedAttrsDer[0] = 0x31;
  }
  return {
    version: smallInt(buf, child(buf, k, 0, 0x02)),
    sid: readSid(buf, child(buf, k, 1)),
    digestAlgorithmOid,
    hash: hashFromOid(digestAlgorithmOid),
    signatureAlgorithm: readSignatureAlgorithm(buf, sigAlgT),
    signedAttrsDer,
    signedAttributes: signed,
    unsignedAttributes: unsigned,
    signature: octetValue(buf, sigT),
    ...knownAttributes(signed),
    timestampTokens: unsigned.filter((a) => a.oid === OID.signatureTimeStamp).flatMap((a) => a.values),
  };
}

/** The certificate a SignerInfo's sid names (issuer+serial or subject key identifier). */
export function matchesSid(cert: Uint8Array, si: ParsedSignerInfo): boolean {
  const c = parseCertificate(cert);
  if ('subjectKeyId' in si.sid)
    return !!c.subjectKeyId && Buffer.compare(c.subjectKeyId, si.sid.subjectKeyId) === 0;
  return c.serial === si.sid.serial && Buffer.compare(c.issuerDer, si.sid.issuerDer) === 0;
}

function decode(buf: Uint8Array): ParsedSignedData {
  const ci = children(buf, readRoot(buf));
  if (oidOf(buf, child(buf, ci, 0, 0x06)) !== OID.signedData)
    throw new PadesError('MALFORMED_CMS', 'not a CMS SignedData');
  const sd = children(buf, child(buf, children(buf, child(buf, ci, 1, 0xa0)), 0, 0x30));
  const encap = children(buf, child(buf, sd, 2, 0x30));
  const eContentT = encap[1] ? children(buf, encap[1])[0] : undefined;
  const certsT = sd.find((t, i) => i > 2 && t.tag === 0xa0);
  const crlsT = sd.find((t, i) => i > 2 && t.tag === 0xa1);
  const infos = children(buf, sd[sd.length - 1] as Tlv).map((t) => signerInfo(buf, t));
  const first = infos[0];
  if (!first) throw new PadesError('MALFORMED_CMS', 'SignedData without SignerInfo');
  const certificates = certsT
    ? children(buf, certsT)
        .filter((t) => t.tag === 0x30)
        .map((t) => bytesOf(buf, t))
    : [];
  return {
    eContentType: oidOf(buf, child(buf, encap, 0, 0x06)),
    content: eContentT ? octetValue(buf, eContentT) : undefined,
    hasEmbeddedContent: eContentT !== undefined,
    digestAlgorithmOids: children(buf, child(buf, sd, 1, 0x31)).map((a) =>
      oidOf(buf, child(buf, children(buf, a), 0)),
    ),
    certificates,
    crls: crlsT
      ? children(buf, crlsT)
          .filter((t) => t.tag === 0x30)
          .map((t) => bytesOf(buf, t))
      : [],
    signerInfos: infos,
    signerInfo: first,
    signerCertificate: certificates.find((c) => matchesSid(c, first)),
    signedAttributeOids: first.signedAttributes.map((a) => a.oid),
    timestampTokens: first.timestampTokens,
  };
}

/** Parses a DER (or BER) CMS ContentInfo; trailing zero padding (from /Contents) is ignored. */
export function parseSignedData(der: Uint8Array): ParsedSignedData {
  try {
    return decode(der);
  } catch (err) {
    if (isPadesError(err) && err.code !== 'MALFORMED_DER') throw err;
    throw new PadesError('MALFORMED_CMS', `malformed CMS signature: ${(err as Error).message}`, {
      cause: err,
    });
  }
}

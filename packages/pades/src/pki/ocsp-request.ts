import { createHash, randomBytes } from 'node:crypto';
import {
  bytesOf,
  child,
  children,
  contentOf,
  hexInt,
  octetValue,
  oidOf,
  readRoot,
  type readTlv,
} from '../cms/der-reader.js';
import { explicit, nul, octets, oid, seq } from '../cms/der-writer.js';
import { OID } from '../cms/oids.js';
import { PadesError } from '../errors.js';
import { extension } from './certificate.builder.js';
import { type ParsedCertificate, parseCertificate } from './certificate.parser.js';

/**
 * OCSP requests (RFC 6960): built by our client, read by our responder. CertID uses SHA-1 by
 * default because every responder supports it; SHA-256 is available.
 */
export interface OcspRequestOptions {
  hash?: 'SHA-1' | 'SHA-256';
  /** Nonce bytes, `true` for a random 16-byte nonce (default), `false` for none. */
  nonce?: Uint8Array | boolean;
}

const CERT_ID_HASH = {
  'SHA-1': { oid: OID.sha1, node: 'sha1' },
  'SHA-256': { oid: OID.sha256, node: 'sha256' },
};
const NODE_BY_OID = new Map<string, string>([
  [OID.sha1, 'sha1'],
  [OID.sha256, 'sha256'],
  [OID.sha384, 'sha384'],
  [OID.sha512, 'sha512'],
]);

/** Node hash name for a CertID hash OID, or undefined. */
export const certIdHash = (hashOid: string): string | undefined => NODE_BY_OID.get(hashOid);

/** issuerNameHash and issuerKeyHash of `issuer` with a Node hash. */
export function issuerHashes(
  issuer: ParsedCertificate,
  nodeHashName: string,
): { name: Uint8Array; key: Uint8Array } {
  return {
    name: createHash(nodeHashName).update(issuer.subjectDer).digest(),
    key: createHash(nodeHashName).update(issuer.publicKeyBits).digest(),
  };
}

/** A DER OCSPRequest for one certificate. */
export function buildOcspRequest(
  cert: Uint8Array,
  issuer: Uint8Array,
  opts: OcspRequestOptions = {},
): Uint8Array {
  const c = parseCertificate(cert);
  const h = CERT_ID_HASH[opts.hash ?? 'SHA-1'];
  const ih = issuerHashes(parseCertificate(issuer), h.node);
  const certId = seq(seq(oid(h.oid), nul()), octets(ih.name), octets(ih.key), c.serialDer);
  const nonce =
    opts.nonce === false ? undefined : opts.nonce instanceof Uint8Array ? opts.nonce : randomBytes(16);
  const exts = nonce ? [explicit(2, seq(extension(OID.ocspNonce, false, octets(nonce))))] : [];
  return seq(seq(seq(seq(certId)), ...exts));
}

/** One CertID as read. */
export interface CertId {
  readonly der: Uint8Array;
  readonly hashOid: string;
  readonly issuerNameHash: Uint8Array;
  readonly issuerKeyHash: Uint8Array;
  readonly serial: string;
}

/** Decodes a CertID element. */
export function readCertId(der: Uint8Array, t: ReturnType<typeof readTlv>): CertId {
  const k = children(der, t);
  return {
    der: bytesOf(der, t),
    hashOid: oidOf(der, child(der, children(der, child(der, k, 0, 0x30)), 0)),
    issuerNameHash: contentOf(der, child(der, k, 1, 0x04)),
    issuerKeyHash: contentOf(der, child(der, k, 2, 0x04)),
    serial: hexInt(der, child(der, k, 3, 0x02)),
  };
}

/** Nonce extension value (the inner OCTET STRING) from an Extensions SEQUENCE, if any. */
export function readNonce(
  der: Uint8Array,
  exts: ReturnType<typeof readTlv> | undefined,
): Uint8Array | undefined {
  for (const e of exts ? children(der, exts) : []) {
    const parts = children(der, e);
    const id = parts[0];
    const value = parts[parts.length - 1];
    if (id && value && oidOf(der, id) === OID.ocspNonce) {
      const inner = octetValue(der, value);
      return inner[0] === 0x04 ? octetValue(inner, readRoot(inner)) : inner;
    }
  }
  return undefined;
}

/** Decodes an OCSPRequest (responder side); throws INVALID_REQUEST. */
export function parseOcspRequest(der: Uint8Array): { certIds: CertId[]; nonce?: Uint8Array } {
  try {
    const tbs = child(der, children(der, readRoot(der)), 0, 0x30);
    const k = children(der, tbs);
    const list = k.find((t) => t.tag === 0x30);
    if (!list) throw new Error('no requestList');
    const certIds = children(der, list).map((r) => readCertId(der, child(der, children(der, r), 0, 0x30)));
    const extsWrap = k.find((t) => t.tag === 0xa2);
    const nonce = readNonce(der, extsWrap ? child(der, children(der, extsWrap), 0, 0x30) : undefined);
    return { certIds, nonce };
  } catch (err) {
    throw new PadesError('INVALID_REQUEST', `malformed OCSP request: ${(err as Error).message}`, {
      cause: err,
    });
  }
}

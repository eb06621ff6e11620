import { randomBytes } from 'node:crypto';
import { digestAlgorithmId, hashFromOid } from '../cms/algorithms.js';
import {
  bytesOf,
  child,
  children,
  contentOf,
  oidOf,
  readRoot,
  smallInt,
  type Tlv,
} from '../cms/der-reader.js';
import { bitString, bool, int, octets, oid, seq, utf8 } from '../cms/der-writer.js';
import { isPadesError, PadesError } from '../errors.js';
import type { HashName } from './signer.js';

/**
 * RFC 3161 request and response envelopes, for both sides: our HTTP client builds requests and
 * reads responses, our TSA reads requests and writes responses.
 */
export interface TimestampRequestOptions {
  /** Nonce bytes; a random 8-byte nonce is used when omitted (pass `false` for none). */
  nonce?: Uint8Array | false;
  /** Ask the TSA to include its certificate (default true: validators need it). */
  certReq?: boolean;
  policyOid?: string;
}

/** A DER TimeStampReq for a digest. */
export function buildTimestampRequest(
  imprint: Uint8Array,
  hash: HashName,
  opts: TimestampRequestOptions = {},
): Uint8Array {
  const nonce = opts.nonce === false ? undefined : (opts.nonce ?? randomBytes(8));
  return seq(
    int(1),
    seq(digestAlgorithmId(hash), octets(imprint)),
    ...(opts.policyOid ? [oid(opts.policyOid)] : []),
    ...(nonce ? [int(nonce)] : []),
    ...(opts.certReq === false ? [] : [bool(true)]),
  );
}

/** A decoded TimeStampReq (TSA side). `nonceDer` is echoed verbatim into the TSTInfo. */
export interface ParsedTimestampRequest {
  readonly hashAlgorithmDer: Uint8Array;
  readonly hash?: HashName;
  readonly hashedMessage: Uint8Array;
  readonly policyOid?: string;
  readonly nonceDer?: Uint8Array;
  readonly certReq: boolean;
}

/** Parses a TimeStampReq; throws INVALID_REQUEST on anything malformed. */
export function parseTimestampRequest(der: Uint8Array): ParsedTimestampRequest {
  try {
    const k = children(der, readRoot(der));
    if (smallInt(der, child(der, k, 0, 0x02)) !== 1) throw new Error('version must be 1');
    const mi = children(der, child(der, k, 1, 0x30));
    const algT = child(der, mi, 0, 0x30);
    const find = (tag: number): Tlv | undefined => k.slice(2).find((t) => t.tag === tag);
    const policy = find(0x06);
    const nonce = find(0x02);
    const certReq = find(0x01);
    return {
      hashAlgorithmDer: bytesOf(der, algT),
      hash: hashFromOid(oidOf(der, child(der, children(der, algT), 0))),
      hashedMessage: contentOf(der, child(der, mi, 1, 0x04)),
      policyOid: policy ? oidOf(der, policy) : undefined,
      nonceDer: nonce ? bytesOf(der, nonce) : undefined,
      certReq: !!certReq && der[certReq.contentStart] !== 0,
    };
  } catch (err) {
    if (isPadesError(err) && err.code === 'INVALID_REQUEST') throw err;
    throw new PadesError('INVALID_REQUEST', `malformed time-stamp request: ${(err as Error).message}`, {
      cause: err,
    });
  }
}

/** PKIFailureInfo bits used by our TSA. */
export const TSA_FAILURE = {
  badAlg: 0,
  badRequest: 2,
  badDataFormat: 5,
  unacceptedPolicy: 15,
  systemFailure: 25,
} as const;

/** A granted TimeStampResp around a token. */
export const grantedResponse = (token: Uint8Array): Uint8Array => seq(seq(int(0)), token);

/** A rejection TimeStampResp with one failure bit and a text. */
export function rejectionResponse(failBit: number, text: string): Uint8Array {
  const bytes = new Uint8Array(Math.floor(failBit / 8) + 1);
  bytes[failBit >> 3] = 0x80 >> (failBit & 7);
  return seq(seq(int(2), seq(utf8(text)), bitString(bytes, 7 - (failBit & 7))));
}

/** Reads a TimeStampResp: PKI status (0 granted, 1 with mods, 2+ refused), text and token. */
export function parseTimestampResponse(der: Uint8Array): {
  status: number;
  statusText?: string;
  token?: Uint8Array;
} {
  try {
    const k = children(der, readRoot(der));
    const si = children(der, child(der, k, 0, 0x30));
    const texts =
      si[1]?.tag === 0x30
        ? children(der, si[1]).map((t) => Buffer.from(contentOf(der, t)).toString('utf8'))
        : [];
    return {
      status: smallInt(der, child(der, si, 0, 0x02)),
      statusText: texts.length ? texts.join('; ') : undefined,
      token: k[1] ? bytesOf(der, k[1]) : undefined,
    };
  } catch (err) {
    throw new PadesError('TSA_UNAVAILABLE', `malformed time-stamp response: ${(err as Error).message}`, {
      cause: err,
    });
  }
}

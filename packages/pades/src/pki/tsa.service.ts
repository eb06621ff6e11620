import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { digestAlgorithmId, hashLength, nodeHash } from '../cms/algorithms.js';
import { generalizedTime, int, octets, oid, seq } from '../cms/der-writer.js';
import { OID } from '../cms/oids.js';
import {
  assembleSignedData,
  attribute,
  type SignerParts,
  signedAttributes,
  signerParts,
} from '../cms/signed-data.builder.js';
import { isPadesError, PadesError } from '../errors.js';
import { parseCertificate } from './certificate.parser.js';
import { type IssuerKey, issuerKeyOf, keyFromPem, randomSerial } from './key-signing.js';
import type { Timestamper } from './pki.types.js';
import type { HashName, Signer } from './signer.js';
import {
  grantedResponse,
  type ParsedTimestampRequest,
  parseTimestampRequest,
  rejectionResponse,
  TSA_FAILURE,
} from './timestamp-request.js';

/**
 * The platform's RFC 3161 time-stamp authority as a function (bytes in, bytes out): the HTTP
 * route and the in-process B-T path share it. Key, certificate DER and algorithm identifiers
 * are prepared once, so a token costs one signature plus a few small encodings.
 */
export interface TimestampAuthorityOptions {
  certificate: Uint8Array;
  /** The TSA private key (PEM, or a KeyObject), or the Signer of a key held elsewhere (an HSM). */
  key: string | KeyObject | Signer;
  /** Issuer chain, nearest first; included in tokens when certReq is true. */
  chain?: readonly Uint8Array[];
  /** The TSA policy OID; defaults to an example-arc OID (2.999...), set your own in production. */
  policyOid?: string;
  /** Clock, injectable for tests. */
  now?: () => Date;
}

/** An RFC 3161 TSA. */
export interface TimestampAuthority {
  /** TimeStampReq DER in, TimeStampResp DER out (rejections are responses, not throws). */
  respond(requestDer: Uint8Array): Promise<Uint8Array>;
  /** A TimeStampToken directly, for in-process B-T signing. */
  issueToken(imprint: Uint8Array, hash: HashName, opts?: TokenOptions): Promise<Uint8Array>;
}

/** Per-token choices: the request's nonce (echoed DER), certReq, and its hash AlgorithmIdentifier. */
export interface TokenOptions {
  nonceDer?: Uint8Array;
  certReq?: boolean;
  imprintAlgorithmDer?: Uint8Array;
}

const DEFAULT_POLICY = '2.999.1.3161';
const ACCURACY = seq(int(1));
const TST_CONTENT_TYPE = attribute(OID.contentType, oid(OID.tstInfo));

class LocalTimestampAuthority implements TimestampAuthority {
  readonly #sk: IssuerKey;
  readonly #parts: SignerParts;
  readonly #policyOid: string;
  readonly #policy: Uint8Array;
  readonly #now: () => Date;

  constructor(opts: TimestampAuthorityOptions) {
    const key = typeof opts.key === 'string' ? keyFromPem(opts.key) : opts.key;
    const cert = parseCertificate(opts.certificate);
    // A Signer vouches for its own key (the PKCS#11 signer compares the token's key with it).
    const matches =
      'sign' in key
        ? Buffer.compare(Buffer.from(key.certificate), Buffer.from(opts.certificate)) === 0
        : Buffer.compare(createPublicKey(key).export({ format: 'der', type: 'spki' }), cert.spki) === 0;
    if (!matches) throw new PadesError('INVALID_KEY', 'the TSA key does not match its certificate');
    if (!cert.extendedKeyUsage?.includes(OID.ekuTimeStamping)) {
      throw new PadesError(
        'INVALID_ARGUMENT',
        'the TSA certificate lacks the timeStamping extended key usage',
      );
    }
    this.#sk = issuerKeyOf(key);
    this.#parts = signerParts(this, opts.certificate, opts.chain ?? [], this.#sk.algorithm, this.#sk.hash);
    this.#policyOid = opts.policyOid ?? DEFAULT_POLICY;
    this.#policy = oid(this.#policyOid);
    this.#now = opts.now ?? (() => new Date());
  }

  async issueToken(imprint: Uint8Array, hash: HashName, o: TokenOptions = {}): Promise<Uint8Array> {
    const tstInfo = seq(
      int(1),
      this.#policy,
      seq(o.imprintAlgorithmDer ?? digestAlgorithmId(hash), octets(imprint)),
      int(randomSerial()),
      generalizedTime(this.#now(), true),
      ACCURACY,
      ...(o.nonceDer ? [o.nonceDer] : []),
    );
    const digest = createHash(nodeHash(this.#sk.hash)).update(tstInfo).digest();
    const signedAttrs = signedAttributes(digest, this.#parts, TST_CONTENT_TYPE);
    return assembleSignedData({
      parts: this.#parts,
      signedAttrs,
      signature: await this.#sk.sign(signedAttrs),
      eContentType: OID.tstInfo,
      eContent: tstInfo,
      includeCertificates: o.certReq !== false,
    });
  }

  async respond(requestDer: Uint8Array): Promise<Uint8Array> {
    try {
      const req = parseTimestampRequest(requestDer);
      const refusal = this.#refusal(req);
      if (refusal || !req.hash) return refusal as Uint8Array;
      const opts = {
        nonceDer: req.nonceDer,
        certReq: req.certReq,
        imprintAlgorithmDer: req.hashAlgorithmDer,
      };
      return grantedResponse(await this.issueToken(req.hashedMessage, req.hash, opts));
    } catch (err) {
      if (isPadesError(err, 'INVALID_REQUEST'))
        return rejectionResponse(TSA_FAILURE.badDataFormat, err.message);
      return rejectionResponse(TSA_FAILURE.systemFailure, 'time-stamping failed');
    }
  }

  #refusal(req: ParsedTimestampRequest): Uint8Array | undefined {
    if (!req.hash) return rejectionResponse(TSA_FAILURE.badAlg, 'unsupported hash algorithm');
    if (req.hashedMessage.length !== hashLength(req.hash)) {
      return rejectionResponse(TSA_FAILURE.badDataFormat, 'imprint length does not match its hash');
    }
    if (req.policyOid && req.policyOid !== this.#policyOid) {
      return rejectionResponse(TSA_FAILURE.unacceptedPolicy, 'unaccepted policy');
    }
    return undefined;
  }
}

/** Creates the TSA; throws INVALID_KEY/INVALID_ARGUMENT when key, certificate or EKU do not fit. */
export function createTimestampAuthority(opts: TimestampAuthorityOptions): TimestampAuthority {
  return new LocalTimestampAuthority(opts);
}

/** The in-process Timestamper over our own TSA (no HTTP): the default B-T path of the platform. */
export function inProcessTimestamper(tsa: TimestampAuthority): Timestamper {
  return { timestamp: (imprint, hash) => tsa.issueToken(imprint, hash, { certReq: true }) };
}

import type { KeyObject } from 'node:crypto';
import { bitStringValue, child, children, readRoot } from '../cms/der-reader.js';
import { OID } from '../cms/oids.js';
import { PadesError } from '../errors.js';
import * as ext from './certificate.builder.js';
import { buildCertificate } from './certificate.builder.js';
import { parseCertificate } from './certificate.parser.js';
import { KEY_USAGE as KU } from './certificate-extensions.parser.js';
import { caKey, generateKeyPairWithSpki, keyIdentifier, pemOf } from './key-signing.js';
import { encodeName } from './name.codec.js';
import type { CaMaterial, IssuedCertificate, IssuedSigner, IssueOptions } from './pki.types.js';
import { type HashName, type KeyInfo, localSigner, type Signer } from './signer.js';

/**
 * The platform's own CA, so the embedded default signs with real, verifiable certificates and
 * needs no outside service: a root, an issuing CA, and per-signer, TSA and OCSP certificates.
 */
export interface RootCaOptions extends IssueOptions {
  commonName: string;
}
/** Options of createIssuingCa. */
export interface IssuingCaOptions extends IssueOptions {
  commonName: string;
  pathLength?: number;
}
/** Options of issueSignerCertificate; `legalName` becomes the subject CN (UTF-8). */
export interface SignerCertificateOptions extends IssueOptions {
  legalName: string;
  email?: string;
  organizationalUnit?: string;
  hash?: HashName;
  rsaPadding?: 'pkcs1' | 'pss';
}
/** Options of issueTsaCertificate / issueOcspResponderCertificate. */
export interface ServiceCertificateOptions extends IssueOptions {
  commonName: string;
}

const DAY = 86_400_000;

interface Profile {
  subject: Uint8Array;
  defaultDays: number;
  extensions: (aki: Uint8Array | undefined) => (Uint8Array | undefined)[];
}

async function issue(
  ca: CaMaterial | undefined,
  opts: IssueOptions,
  profile: Profile,
): Promise<{ certificate: Uint8Array; chain: Uint8Array[]; privateKey: KeyObject; info: KeyInfo }> {
  const { privateKey, spki, info } = await generateKeyPairWithSpki(opts);
  const certificate = await certify(ca, spki, opts, profile, privateKey);
  return { certificate, chain: ca ? [ca.certificate, ...ca.chain] : [], privateKey, info };
}

/** Builds and signs the certificate of `spki` (self-signed with `selfKey` when there is no CA). */
async function certify(
  ca: CaMaterial | undefined,
  spki: Uint8Array,
  opts: IssueOptions,
  profile: Profile,
  selfKey?: KeyObject,
): Promise<Uint8Array> {
  const spkiRoot = readRoot(spki);
  const ski = keyIdentifier(bitStringValue(spki, child(spki, children(spki, spkiRoot), 1, 0x03)));
  const issuerCert = ca ? parseCertificate(ca.certificate) : undefined;
  const notBefore = opts.notBefore ?? new Date(Date.now() - 5 * 60_000);
  let notAfter = new Date(notBefore.getTime() + (opts.validityDays ?? profile.defaultDays) * DAY);
  if (issuerCert && notAfter > issuerCert.notAfter) notAfter = issuerCert.notAfter;
  const aki = issuerCert ? (issuerCert.subjectKeyId ?? keyIdentifier(issuerCert.publicKeyBits)) : ski;
  const extensions = [
    ext.subjectKeyId(ski),
    ...profile.extensions(aki),
    ...(opts.extraExtensions ?? []),
  ].filter((e): e is Uint8Array => !!e);
  return buildCertificate(
    {
      subject: profile.subject,
      issuer: issuerCert?.subjectDer ?? profile.subject,
      spki,
      notBefore,
      notAfter,
      extensions,
    },
    ca ? caKey(ca) : (selfKey as KeyObject),
  );
}

/** The certificate alone, without the key object the signer needs: what CA and service issuers return. */
async function issueMaterial(
  ca: CaMaterial | undefined,
  opts: IssueOptions,
  profile: Profile,
): Promise<IssuedCertificate> {
  const { certificate, chain, privateKey } = await issue(ca, opts, profile);
  return { certificate, privateKeyPem: pemOf(privateKey), chain };
}

/** The subject of CA and service certificates: CN plus the shared organisation and country. */
function namedSubject(opts: IssueOptions & { commonName: string }): Uint8Array {
  return encodeName({ commonName: opts.commonName, organization: opts.organization, country: opts.country });
}

/** URLs an issued certificate points to (OCSP, CA issuers, CRL). */
function revocationPointers(opts: IssueOptions): (Uint8Array | undefined)[] {
  return [
    ext.authorityInfoAccess(opts.ocspUrl, opts.caIssuersUrl),
    opts.crlUrl ? ext.crlDistributionPoint(opts.crlUrl) : undefined,
  ];
}

/**
 * The CaMaterial of a CA whose key is held by `signer` (a PKCS#11 token): it issues and
 * signs CRLs through the signer; asking for its PEM throws, as the key cannot leave.
 */
export function signerCaMaterial(signer: Signer): CaMaterial {
  return {
    certificate: signer.certificate,
    chain: signer.chain,
    signer,
    get privateKeyPem(): string {
      throw new PadesError('INVALID_KEY', 'this CA key is held by a signer (HSM) and cannot be exported');
    },
  };
}

/** A self-signed root CA (EC P-256 by default; keyType 'rsa' for RSA-2048). */
export async function createRootCa(opts: RootCaOptions): Promise<CaMaterial> {
  return issueMaterial(undefined, opts, {
    subject: namedSubject(opts),
    defaultDays: 20 * 365,
    extensions: () => [ext.basicConstraints(true), ext.keyUsage([KU.keyCertSign, KU.cRLSign])],
  });
}

/** An issuing CA under `parent` (path length 0 by default: it issues only end entities). */
export async function createIssuingCa(parent: CaMaterial, opts: IssuingCaOptions): Promise<CaMaterial> {
  return issueMaterial(parent, opts, issuingCaProfile(opts));
}

function issuingCaProfile(opts: IssuingCaOptions): Profile {
  return {
    subject: namedSubject(opts),
    defaultDays: 10 * 365,
    extensions: (aki) => [
      ext.authorityKeyId(aki as Uint8Array),
      ext.basicConstraints(true, opts.pathLength ?? 0),
      ext.keyUsage([KU.keyCertSign, KU.cRLSign]),
      ...revocationPointers(opts),
    ],
  };
}

/**
 * The issuing CA certificate (or, with `tsa`, the TSA certificate) of a key made elsewhere,
 * e.g. generated inside a PKCS#11 token: only its DER SubjectPublicKeyInfo is needed.
 */
export async function certifyServiceKey(
  ca: CaMaterial,
  spki: Uint8Array,
  opts: IssuingCaOptions & { role: 'issuing-ca' | 'tsa' },
): Promise<Uint8Array> {
  return certify(ca, spki, opts, opts.role === 'tsa' ? tsaProfile(opts) : issuingCaProfile(opts));
}

/**
 * A per-signer certificate: digitalSignature + nonRepudiation, EKU emailProtection (which
 * poppler/NSS require) + documentSigning, the legal name as UTF-8 CN.
 */
export async function issueSignerCertificate(
  ca: CaMaterial,
  opts: SignerCertificateOptions,
): Promise<IssuedSigner> {
  const subject = encodeName({
    commonName: opts.legalName,
    organization: opts.organization,
    organizationalUnit: opts.organizationalUnit,
    country: opts.country,
  });
  const issued = await issue(ca, opts, {
    subject,
    defaultDays: 2 * 365,
    extensions: (aki) => [
      ext.authorityKeyId(aki as Uint8Array),
      ext.basicConstraints(false),
      ext.keyUsage([KU.digitalSignature, KU.nonRepudiation]),
      ext.extendedKeyUsage([OID.ekuEmailProtection, OID.ekuDocumentSigning]),
      opts.email ? ext.emailAltName(opts.email) : undefined,
      ...revocationPointers(opts),
    ],
  });
  // The certificate was just built over this key's own SPKI: no key/certificate match to check.
  const signer = localSigner(issued.privateKey, issued.certificate, issued.chain, opts, issued.info);
  const { privateKey } = issued;
  let pem: string | undefined;
  return {
    certificate: issued.certificate,
    // Exported only if asked for (the per-signer key normally lives in the Signer only).
    get privateKeyPem() {
      pem ??= pemOf(privateKey);
      return pem;
    },
    chain: issued.chain,
    signer,
  };
}

/** A time-stamping unit certificate: EKU timeStamping, critical, as RFC 3161 requires. */
export async function issueTsaCertificate(
  ca: CaMaterial,
  opts: ServiceCertificateOptions,
): Promise<IssuedCertificate> {
  return issueMaterial(ca, opts, tsaProfile(opts));
}

function tsaProfile(opts: ServiceCertificateOptions): Profile {
  return {
    subject: namedSubject(opts),
    defaultDays: 5 * 365,
    extensions: (aki) => [
      ext.authorityKeyId(aki as Uint8Array),
      ext.basicConstraints(false),
      ext.keyUsage([KU.digitalSignature]),
      ext.extendedKeyUsage([OID.ekuTimeStamping], true),
      ...revocationPointers(opts),
    ],
  };
}

/** A delegated OCSP responder certificate: EKU OCSPSigning and id-pkix-ocsp-nocheck. */
export async function issueOcspResponderCertificate(
  ca: CaMaterial,
  opts: ServiceCertificateOptions,
): Promise<IssuedCertificate> {
  return issueMaterial(ca, opts, {
    subject: namedSubject(opts),
    defaultDays: 365,
    extensions: (aki) => [
      ext.authorityKeyId(aki as Uint8Array),
      ext.basicConstraints(false),
      ext.keyUsage([KU.digitalSignature]),
      ext.extendedKeyUsage([OID.ekuOcspSigning]),
      ext.ocspNoCheck(),
    ],
  });
}

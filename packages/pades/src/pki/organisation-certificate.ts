import { children, contentOf, oidOf, readRoot } from '../cms/der-reader.js';
import { oid, printable, seq, set, utf8 } from '../cms/der-writer.js';
import { OID } from '../cms/oids.js';
import { PadesError } from '../errors.js';
import * as ext from './certificate.builder.js';
import { buildCertificate } from './certificate.builder.js';
import { parseCertificate } from './certificate.parser.js';
import { KEY_USAGE as KU } from './certificate-extensions.parser.js';
import { caKey, keyIdentifier } from './key-signing.js';
import type { CaMaterial } from './pki.types.js';

/** X.520 organizationIdentifier (ETSI EN 319 412-1 §5.1.4: "NTR" + country + "-" + registration id). */
export const ORGANIZATION_IDENTIFIER_OID = '2.5.4.97';

/** What an organisation (seal) certificate says about its holder. */
export interface OrganisationSubject {
  /** The organisation's registered legal name (subject O, and CN unless `commonName` is given). */
  legalName: string;
  /** The registration number; for China the 18-character unified social credit code. */
  registrationId: string;
  /** ISO 3166 country of the register (default CN): organizationIdentifier is `NTR<country>-<id>`. */
  country?: string;
  commonName?: string;
  organizationalUnit?: string;
}

/** Options of issueOrganisationCertificate: the key stays wherever it is; only its SPKI is needed. */
export interface OrganisationCertificateOptions extends OrganisationSubject {
  /** DER SubjectPublicKeyInfo of the holder's key (a file key or one generated inside an HSM). */
  spki: Uint8Array;
  validityDays?: number;
  notBefore?: Date;
  ocspUrl?: string;
  crlUrl?: string;
  caIssuersUrl?: string;
}

const DAY = 86_400_000;

/** The subject C, O, OU, CN, organizationIdentifier of an organisation certificate. */
export function encodeOrganisationName(s: OrganisationSubject): Uint8Array {
  const country = s.country ?? 'CN';
  const rdn = (type: string, value: Uint8Array) => set(seq(oid(type), value));
  return seq(
    rdn(OID.countryName, printable(country)),
    rdn(OID.organizationName, utf8(s.legalName)),
    ...(s.organizationalUnit ? [rdn(OID.organizationalUnitName, utf8(s.organizationalUnit))] : []),
    rdn(OID.commonName, utf8(s.commonName ?? s.legalName)),
    rdn(ORGANIZATION_IDENTIFIER_OID, printable(`NTR${country}-${s.registrationId}`)),
  );
}

/**
 * An organisation certificate for a key the CA never sees (file key or HSM key): signed by
 * the CA's key, digitalSignature + nonRepudiation, EKU emailProtection + documentSigning, the
 * organisation's legal name in O and its registration id in organizationIdentifier.
 */
export async function issueOrganisationCertificate(
  ca: CaMaterial,
  opts: OrganisationCertificateOptions,
): Promise<Uint8Array> {
  const spkiRoot = readRoot(opts.spki);
  const bits = children(opts.spki, spkiRoot)[1];
  if (bits?.tag !== 0x03) {
    throw new PadesError('INVALID_ARGUMENT', 'not a SubjectPublicKeyInfo');
  }
  const ski = keyIdentifier(contentOf(opts.spki, bits).subarray(1));
  const issuer = parseCertificate(ca.certificate);
  const notBefore = opts.notBefore ?? new Date(Date.now() - 5 * 60_000);
  let notAfter = new Date(notBefore.getTime() + (opts.validityDays ?? 2 * 365) * DAY);
  if (notAfter > issuer.notAfter) notAfter = issuer.notAfter;
  const aki = issuer.subjectKeyId ?? keyIdentifier(issuer.publicKeyBits);
  const extensions = [
    ext.subjectKeyId(ski),
    ext.authorityKeyId(aki),
    ext.basicConstraints(false),
    ext.keyUsage([KU.digitalSignature, KU.nonRepudiation]),
    ext.extendedKeyUsage([OID.ekuEmailProtection, OID.ekuDocumentSigning]),
    ext.authorityInfoAccess(opts.ocspUrl, opts.caIssuersUrl),
    opts.crlUrl ? ext.crlDistributionPoint(opts.crlUrl) : undefined,
  ].filter((e): e is Uint8Array => !!e);
  return buildCertificate(
    {
      subject: encodeOrganisationName(opts),
      issuer: issuer.subjectDer,
      spki: opts.spki,
      notBefore,
      notAfter,
      extensions,
    },
    caKey(ca),
  );
}

/** The organisation a certificate names: O, CN and the id after `NTRxx-` in organizationIdentifier. */
export function organisationOf(certificate: Uint8Array): {
  organization: string | null;
  commonName: string | null;
  registrationId: string | null;
  country: string | null;
} {
  const der = parseCertificate(certificate).subjectDer;
  const found = new Map<string, string>();
  for (const rdn of children(der, readRoot(der))) {
    for (const atv of children(der, rdn)) {
      const [type, value] = children(der, atv);
      if (type && value) found.set(oidOf(der, type), Buffer.from(contentOf(der, value)).toString('utf8'));
    }
  }
  const orgId = found.get(ORGANIZATION_IDENTIFIER_OID) ?? null;
  return {
    organization: found.get(OID.organizationName) ?? null,
    commonName: found.get(OID.commonName) ?? null,
    registrationId: orgId ? orgId.replace(/^NTR[A-Z]{2}-/, '') : null,
    country: found.get(OID.countryName) ?? null,
  };
}

import { join } from 'node:path';
import {
  type CertificateStatus,
  createCrl,
  createTimestampAuthority,
  type DssOptions,
  inProcessTimestamper,
  issueSignerCertificate,
  normalizeSerial,
  ocspRespondAmong,
  parseCertificate,
  type RevocationReason,
  type Signer,
  signerFromPem,
  type Timestamper,
  toPem,
} from '@signx/pades';
import type { Config } from '../../config.js';
import type { Db, Trx } from '../db/schema.js';
import type { Pkcs11Options, Pkcs11Token, TokenKeyAlgorithm } from '../hsm/pkcs11-token.js';
import type { RealtimeBus } from '../realtime/realtime-bus.js';
import {
  checkHeldKeys,
  type HeldKeyCheck,
  HsmKeyProblem,
  type HsmPkiOptions,
  type HsmRole,
  openPlatformToken,
  type ProvisionedKey,
  provisionHsmKey,
} from './hsm-pki.js';
import {
  generationPointers,
  loadCaMaterial,
  loadPkiMaterial,
  loadRootMaterial,
  ocspAuthorities,
  type PkiMaterial,
  type PkiPointers,
} from './pki-material.js';
import { createRevocationCache } from './revocation-cache.js';
import { allRevocations, insertRevocation } from './trust.repository.js';

/** A per-signer certificate just issued, with its signer (the key lives only in memory). */
export interface IssuedSignerCertificate {
  signer: Signer;
  certificate: Uint8Array;
  serial: string;
  subject: string;
  notAfter: string;
}

/**
 * The ONE platform PKI (root → issuing CA → TSA, OCSP responder, seal, per-signer
 * certificates). Keys live under DATA_DIR/pki; revocations in the database, published at
 * the public CRL and OCSP endpoints (trust.routes.ts) that every issued certificate names.
 */
export interface PlatformTrust {
  readonly pointers: PkiPointers;
  material(): Promise<PkiMaterial>;
  /** The trust anchor third parties import (DER). */
  rootCertificate(): Promise<Uint8Array>;
  timestamper(): Promise<Timestamper>;
  sealSigner(): Promise<Signer>;
  /** Issues a signing certificate whose subject is the signer's name (and email). */
  issueSigner(input: {
    name: string;
    email?: string | null;
    validityDays?: number;
  }): Promise<IssuedSignerCertificate>;
  /** Revokes in the caller's transaction, so the revocation commits with the business change. */
  revoke(
    trx: Trx,
    input: {
      serial: string;
      reason?: RevocationReason;
      at: Date;
      subject?: string | null;
      note?: string | null;
    },
  ): Promise<void>;
  statusOf(serial: string): Promise<CertificateStatus>;
  /** A fresh CRL of the CA with this certificate (issuing CA or root); undefined for other issuers. */
  crlFor(issuerDer: Uint8Array): Promise<Uint8Array | undefined>;
  crl(which: 'issuing' | 'root'): Promise<Uint8Array>;
  /** The CRL of the issuing CA generation with this serial (current or retired, hex); undefined if unknown. */
  generationCrl(serial: string): Promise<Uint8Array | undefined>;
  /** The pointers for certificates the current issuing CA signs (its own CRL URL, generationPointers). */
  issuingPointers(): Promise<PkiPointers>;
  ocsp(requestDer: Uint8Array): Promise<Uint8Array>;
  /** What B-LT/B-LTA needs to gather validation data from the platform without the network. */
  revocationSources(): Promise<DssOptions>;
  /**
   * Generates (`generate`) or replaces (`rotate`) the HSM key of the issuing CA or the TSA
   * and its certificate (an EC-P256 key unless `algorithm` says otherwise); HsmKeyProblem when
   * not configured, or the key is (not) there yet.
   */
  provisionHsmKey(
    role: HsmRole,
    mode: 'generate' | 'rotate',
    algorithm?: TokenKeyAlgorithm,
  ): Promise<ProvisionedKey>;
  /** The startup self-check: loads the platform keys and signs a canary with each HSM-held one. */
  checkKeys(): Promise<void>;
  /** The same check, one result per configured HSM-held key (the daily keys self-test); [] without an HSM. */
  checkHeldKeys(): Promise<HeldKeyCheck[]>;
  /** Closes the PKCS#11 session of HSM-held platform keys, if one was opened. */
  close(): void;
}

/** The HSM options of the platform keys from the configuration; undefined when all are file keys. */
export function platformHsm(
  config: Config,
): { pkcs11: Pkcs11Options; labels: HsmPkiOptions['labels'] } | undefined {
  const { pkcs11, platformKeys } = config.keys;
  if (!pkcs11 || (!platformKeys.ca && !platformKeys.tsa)) return undefined;
  return { pkcs11, labels: { issuing: platformKeys.ca, tsa: platformKeys.tsa } };
}

/**
 * Builds the platform trust service; material is loaded (or created) on first use, so a
 * process that never signs never touches the keys.
 */
export function createPlatformTrust(options: {
  dataDir: string;
  publicUrl: string;
  db?: () => Db;
  /** Tells the other processes a certificate is being revoked (revocation-cache.ts). */
  bus?: () => RealtimeBus;
  /** The token and labels of an issuing CA and/or TSA key held in an HSM (hsm-pki.ts). */
  hsm?: { pkcs11: Pkcs11Options; labels: HsmPkiOptions['labels'] };
}): PlatformTrust {
  const base = options.publicUrl.replace(/\/+$/, '');
  const pointers: PkiPointers = {
    crlUrl: `${base}/pki/issuing.crl`,
    ocspUrl: `${base}/pki/ocsp`,
    caIssuersUrl: `${base}/pki/issuing.crt`,
  };
  let loading: Promise<PkiMaterial> | undefined;
  let tsa: Timestamper | undefined;
  let seal: Signer | undefined;
  let token: Pkcs11Token | undefined;
  const hsm = options.hsm;
  const hsmOptions = hsm && {
    labels: hsm.labels,
    token: () => {
      token ??= openPlatformToken(hsm.pkcs11);
      return token;
    },
  };
  const material = () => {
    if (!loading) {
      loading = loadPkiMaterial(join(options.dataDir, 'pki'), pointers, hsmOptions);
      // A failed load (token or key missing) is not kept: the next call tries again.
      loading.catch(() => {
        loading = undefined;
      });
    }
    return loading;
  };
  // Without a database (the `signx pdf` CLI) nothing is revoked: the list lives in the database.
  const revoked = async () => (options.db ? allRevocations(options.db()) : []);
  const cache = options.db ? createRevocationCache({ db: options.db, bus: options.bus }) : null;
  const statusOf = async (serial: string): Promise<CertificateStatus> =>
    cache ? cache.statusOf(normalizeSerial(serial)) : { status: 'good' };
  const crl = async (which: 'issuing' | 'root') => {
    const m = await material();
    if (which === 'root') return createCrl(m.root, []);
    return createCrl(m.issuing, await revoked());
  };
  const trust: PlatformTrust = {
    pointers,
    material,
    rootCertificate: async () => (await material()).root.certificate,
    timestamper: async () => {
      if (tsa) return tsa;
      const m = await material();
      tsa = inProcessTimestamper(
        createTimestampAuthority({
          certificate: m.tsa.certificate,
          key: m.tsa.signer ?? m.tsa.privateKeyPem,
          chain: m.tsa.chain,
        }),
      );
      return tsa;
    },
    sealSigner: async () => {
      if (seal) return seal;
      const m = await material();
      seal = await signerFromPem(
        m.seal.privateKeyPem,
        toPem(m.seal.certificate),
        m.seal.chain.map((c) => toPem(c)),
      );
      return seal;
    },
    issueSigner: async (input) => {
      const m = await material();
      const issuedPointers = generationPointers(pointers, m.issuing.certificate);
      const issued = await issueSignerCertificate(m.issuing, {
        legalName: input.name,
        ...(input.email ? { email: input.email } : {}),
        validityDays: input.validityDays ?? 365,
        ...issuedPointers,
      });
      const parsed = parseCertificate(issued.certificate);
      return {
        signer: issued.signer,
        certificate: issued.certificate,
        serial: normalizeSerial(parsed.serial),
        subject: parsed.subject,
        notAfter: parsed.notAfter.toISOString(),
      };
    },
    revoke: async (trx, input) => {
      const serial = normalizeSerial(input.serial);
      // before the insert: from here every process reads this serial from the database
      await cache?.revoking(serial);
      await insertRevocation(trx, {
        serial,
        reason: input.reason ?? 'unspecified',
        revokedAt: input.at.toISOString(),
        subject: input.subject ?? null,
        note: input.note ?? null,
      });
    },
    statusOf,
    crl,
    crlFor: async (issuerDer) => {
      const m = await material();
      if (Buffer.compare(Buffer.from(m.issuing.certificate), Buffer.from(issuerDer)) === 0)
        return crl('issuing');
      if (Buffer.compare(Buffer.from(m.root.certificate), Buffer.from(issuerDer)) === 0) return crl('root');
      // A rotated-out CA still signs the CRL of the certificates it issued.
      const old = m.retired.find(
        (r) => Buffer.compare(Buffer.from(r.certificate), Buffer.from(issuerDer)) === 0,
      );
      return old ? createCrl(old, await revoked()) : undefined;
    },
    generationCrl: async (serial) => {
      const m = await material();
      const ca = [m.issuing, ...m.retired].find(
        (c) => normalizeSerial(parseCertificate(c.certificate).serial) === normalizeSerial(serial),
      );
      return ca ? trust.crlFor(ca.certificate) : undefined;
    },
    issuingPointers: async () => generationPointers(pointers, (await material()).issuing.certificate),
    // Every issuing CA generation answers, current or retired: the request's CertID picks it.
    ocsp: async (requestDer) => {
      const m = await material();
      return ocspRespondAmong(requestDer, ocspAuthorities(m), { statusOf });
    },
    revocationSources: async () => {
      const m = await material();
      const authorities = ocspAuthorities(m);
      return {
        ocspResponder: async (request, _cert, issuer) =>
          authorities.some((a) => Buffer.compare(Buffer.from(a.issuer), Buffer.from(issuer)) === 0)
            ? trust.ocsp(request)
            : undefined,
        crlProvider: trust.crlFor,
        issuers: [m.root.certificate, m.issuing.certificate, ...m.retired.map((r) => r.certificate)],
        certificates: authorities.map((a) => a.responder.certificate),
      };
    },
    provisionHsmKey: async (role, mode, algorithm) => {
      const label = hsmOptions?.labels[role];
      if (!hsmOptions || !label) {
        throw new HsmKeyProblem(
          `KEYS_PKCS11_${role === 'issuing' ? 'CA' : 'TSA'}_KEY is not set (with KEYS_PKCS11_LIBRARY)`,
          'unconfigured',
        );
      }
      const dir = join(options.dataDir, 'pki');
      const issuer =
        role === 'issuing'
          ? await loadRootMaterial(dir)
          : (await loadCaMaterial(dir, pointers, hsmOptions)).issuing;
      const input = { role, label, issuer, pointers, mode, ...(algorithm ? { algorithm } : {}) };
      const done = await provisionHsmKey(dir, hsmOptions.token(), input);
      // from now on the new key signs: reload the material and the TSA built on it
      loading = undefined;
      tsa = undefined;
      return done;
    },
    checkKeys: async () => {
      await material(); // a load failure keeps its own error
      const failed = (await trust.checkHeldKeys()).find((c) => c.error);
      if (failed?.error) throw new HsmKeyProblem(failed.error);
    },
    checkHeldKeys: async () => (hsmOptions ? checkHeldKeys(material, hsmOptions.labels) : []),
    close: () => {
      token?.close();
      token = undefined;
    },
  };
  return trust;
}

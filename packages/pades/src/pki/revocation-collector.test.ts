import { beforeAll, describe, expect, it } from 'vitest';
import { PadesError } from '../errors.js';
import { verifyChain } from './chain-verifier.js';
import { createCrl } from './crl.service.js';
import { ocspRespond } from './ocsp-responder.js';
import { createFixturePki, type FixturePki, issueSignerCertificate, loopbackServer } from './pki.fixture.js';
import type { IssuedSigner } from './pki.types.js';
import { collectRevocationData } from './revocation-collector.js';
import { RevocationRegistry } from './revocation-registry.js';

let pki: FixturePki;
let signer: IssuedSigner;
const registry = new RevocationRegistry();

const ocspResponder = (req: Uint8Array) =>
  ocspRespond(req, {
    issuer: pki.issuing.certificate,
    responder: pki.ocsp,
    statusOf: (s) => registry.statusOf(s),
  });
const crlProvider = async (issuer: Uint8Array) =>
  Buffer.compare(issuer, pki.root.certificate) === 0 ? createCrl(pki.root, []) : undefined;

beforeAll(async () => {
  pki = await createFixturePki();
  signer = await issueSignerCertificate(pki.issuing, { legalName: '韩梅梅', keyType: 'rsa' });
});

describe('collectRevocationData', () => {
  it('gathers OCSP for the signer, a CRL for the issuing CA and the responder certificate', async () => {
    const data = await collectRevocationData([signer.certificate, ...signer.chain], {
      ocspResponder,
      crlProvider,
    });
    expect(data.ocspResponses).toHaveLength(1);
    expect(data.crls).toHaveLength(1);
    expect(data.certificates).toHaveLength(4);
    expect(data.certificates).toContainEqual(pki.ocsp.certificate);
    const report = await verifyChain(signer.certificate, {
      intermediates: data.certificates,
      trustAnchors: [pki.root.certificate],
      revocation: 'embedded',
      ocspResponses: data.ocspResponses,
      crls: data.crls,
    });
    expect(report.problems).toEqual([]);
    expect(report.warnings).toEqual([]);
  });

  it('finds the root among `issuers` when the chain omits it', async () => {
    const data = await collectRevocationData([signer.certificate, pki.issuing.certificate], {
      ocspResponder,
      crlProvider,
      issuers: [pki.root.certificate],
    });
    expect(data.crls).toHaveLength(1);
    expect(data.certificates).toContainEqual(pki.root.certificate);
  });

  it('fails with REVOCATION_UNAVAILABLE when a certificate has no obtainable status', async () => {
    const err = await collectRevocationData([signer.certificate, ...signer.chain], { ocspResponder }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(PadesError);
    expect((err as PadesError).code).toBe('REVOCATION_UNAVAILABLE');
    expect((err as PadesError).message).toContain('SignX Test Issuing CA');
  });

  it('uses the network (injected fetch) for URLs in the certificates', async () => {
    const server = await loopbackServer(async (req, body, res) => {
      if (req.url === '/ocsp') res.end(await ocspResponder(body));
      else res.end(await createCrl(pki.root, []));
    });
    try {
      const local = await createFixturePki({ crlUrl: `${server.url}/root.crl` });
      pki = { ...pki, issuing: local.issuing, root: local.root, ocsp: local.ocsp };
      const s = await issueSignerCertificate(local.issuing, {
        legalName: 'Net',
        ocspUrl: `${server.url}/ocsp`,
      });
      const data = await collectRevocationData([s.certificate, ...s.chain], { fetch });
      expect(data.ocspResponses).toHaveLength(1);
      expect(data.crls).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});

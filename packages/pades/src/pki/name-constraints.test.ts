import { beforeAll, describe, expect, it } from 'vitest';
import { oid, printable, seq, set, utf8 } from '../cms/der-writer.js';
import { OID } from '../cms/oids.js';
import { nameConstraints, subjectAltNames } from './certificate.builder.js';
import { createIssuingCa, createRootCa, issueSignerCertificate } from './certificate-authority.js';
import { verifyChain } from './chain-verifier.js';
import type { CaMaterial } from './pki.types.js';

/** Name constraints (RFC 5280 §4.2.1.10) in verifyChain, with certificates from our own builder. */
let root: CaMaterial;
const acmeDn = seq(
  set(seq(oid(OID.countryName), printable('CN'))),
  set(seq(oid(OID.organizationName), utf8('Acme 集团'))),
);
const org = { organization: 'Acme 集团', country: 'CN' };

beforeAll(async () => {
  root = await createRootCa({ commonName: 'NC Root' });
});

async function chainOf(ca: CaMaterial, leafOpts: Parameters<typeof issueSignerCertificate>[1]) {
  const leaf = await issueSignerCertificate(ca, leafOpts);
  return verifyChain(leaf.certificate, {
    intermediates: ca.chain.length ? [ca.certificate, ...ca.chain.slice(0, -1)] : [],
    trustAnchors: [root.certificate],
    revocation: 'off',
  });
}

const codes = (r: Awaited<ReturnType<typeof verifyChain>>) => r.problems.map((p) => p.code);

describe('name constraints: directoryName', () => {
  let ca: CaMaterial;
  beforeAll(async () => {
    ca = await createIssuingCa(root, {
      commonName: 'Acme CA',
      ...org,
      extraExtensions: [nameConstraints([{ dn: acmeDn }])],
    });
  });
  it('passes a subject inside the permitted subtree (case and spacing ignored)', async () => {
    const r = await chainOf(ca, { legalName: 'Alice', ...org });
    expect(r.problems).toEqual([]);
    expect(r.isValid).toBe(true);
  });
  it('fails a subject outside the permitted subtree with a clear reason', async () => {
    const r = await chainOf(ca, { legalName: 'Mallory', organization: 'Evil Corp', country: 'CN' });
    expect(r.isValid).toBe(false);
    expect(codes(r)).toEqual(['NAME_CONSTRAINTS']);
    expect(r.problems[0]?.message).toMatch(/outside the permitted subtrees/);
    expect(r.problems[0]?.subject).toContain('CN=Mallory');
  });
});

describe('name constraints: dNSName and rfc822Name', () => {
  let ca: CaMaterial;
  beforeAll(async () => {
    ca = await createIssuingCa(root, {
      commonName: 'DNS CA',
      extraExtensions: [
        nameConstraints(
          [{ dns: 'example.com' }, { email: 'acme.cn' }],
          [{ dns: 'bad.example.com' }, { email: 'eve@acme.cn' }],
        ),
      ],
    });
  });
  const withSan = (names: Parameters<typeof subjectAltNames>[0]) => ({
    legalName: 'Server',
    extraExtensions: [subjectAltNames(names)],
  });
  it('passes names inside the permitted subtrees', async () => {
    const r = await chainOf(ca, withSan([{ dns: 'sign.example.com' }, { email: 'alice@acme.cn' }]));
    expect(r.problems).toEqual([]);
  });
  it('fails a dNSName outside the permitted subtree', async () => {
    const r = await chainOf(ca, withSan([{ dns: 'example.org' }]));
    expect(codes(r)).toEqual(['NAME_CONSTRAINTS']);
    expect(r.problems[0]?.message).toContain('dns example.org');
  });
  it('does not treat a suffix match without a label boundary as inside', async () => {
    const r = await chainOf(ca, withSan([{ dns: 'evilexample.com' }]));
    expect(codes(r)).toEqual(['NAME_CONSTRAINTS']);
  });
  it('fails a dNSName in an excluded subtree even though it is permitted', async () => {
    const r = await chainOf(ca, withSan([{ dns: 'x.bad.example.com' }]));
    expect(r.problems[0]?.message).toMatch(/excluded subtree dns bad.example.com/);
  });
  it('fails rfc822Names outside the permitted host and an excluded mailbox', async () => {
    expect(codes(await chainOf(ca, { legalName: 'Bob', email: 'bob@evil.com' }))).toEqual([
      'NAME_CONSTRAINTS',
    ]);
    const eve = await chainOf(ca, { legalName: 'Eve', email: 'EVE@acme.cn' });
    expect(eve.problems[0]?.message).toMatch(/excluded subtree email eve@acme.cn/);
    expect((await chainOf(ca, { legalName: 'Alice', email: 'alice@acme.cn' })).isValid).toBe(true);
  });
});

describe('name constraints across several CAs', () => {
  it('intersects permitted subtrees: a name must satisfy every constraining CA', async () => {
    const outer = await createIssuingCa(root, {
      commonName: 'Outer CA',
      pathLength: 1,
      extraExtensions: [nameConstraints([{ dns: 'example.com' }])],
    });
    const inner = await createIssuingCa(outer, {
      commonName: 'Inner CA',
      extraExtensions: [nameConstraints([{ dns: 'other.com' }, { dns: 'ok.example.com' }])],
    });
    const leaf = (dns: string) => ({ legalName: 'S', extraExtensions: [subjectAltNames([{ dns }])] });
    expect((await chainOf(inner, leaf('a.ok.example.com'))).problems).toEqual([]);
    expect(codes(await chainOf(inner, leaf('a.other.com')))).toEqual(['NAME_CONSTRAINTS']);
    expect(codes(await chainOf(inner, leaf('a.example.com')))).toEqual(['NAME_CONSTRAINTS']);
  });
  it('checks an intermediate CA name against constraints set above it', async () => {
    const outer = await createIssuingCa(root, {
      commonName: 'Outer CA',
      ...org,
      pathLength: 1,
      extraExtensions: [nameConstraints([{ dn: acmeDn }])],
    });
    const rogue = await createIssuingCa(outer, {
      commonName: 'Rogue CA',
      organization: 'Rogue',
      country: 'CN',
    });
    const r = await chainOf(rogue, { legalName: 'Alice', ...org });
    expect(r.problems.map((p) => [p.code, p.subject])).toEqual([
      ['NAME_CONSTRAINTS', 'CN=Rogue CA, O=Rogue, C=CN'],
    ]);
  });
});

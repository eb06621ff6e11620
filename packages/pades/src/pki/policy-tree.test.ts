import { beforeAll, describe, expect, it } from 'vitest';
import { OID } from '../cms/oids.js';
import {
  certificatePolicies,
  inhibitAnyPolicy,
  policyConstraints,
  policyMappings,
} from './certificate.builder.js';
import { createIssuingCa, createRootCa, issueSignerCertificate } from './certificate-authority.js';
import { type ChainOptions, verifyChain } from './chain-verifier.js';
import type { CaMaterial } from './pki.types.js';

/** RFC 5280 §6.1 certificate policy processing in verifyChain. */
const P1 = '1.3.6.1.4.1.59999.1.1';
const P2 = '1.3.6.1.4.1.59999.1.2';
const ANY = OID.anyPolicy;
let root: CaMaterial;

beforeAll(async () => {
  root = await createRootCa({ commonName: 'Policy Root' });
});

async function verify(ca: CaMaterial, leafPolicies: string[] | undefined, policy?: ChainOptions['policy']) {
  const leaf = await issueSignerCertificate(ca, {
    legalName: 'Alice',
    extraExtensions: leafPolicies ? [certificatePolicies(leafPolicies)] : [],
  });
  return verifyChain(leaf.certificate, {
    intermediates: [ca.certificate, ...ca.chain.slice(0, -1)],
    trustAnchors: [root.certificate],
    revocation: 'off',
    policy,
  });
}

const codes = (r: Awaited<ReturnType<typeof verifyChain>>) => r.problems.map((p) => p.code);
const ca = (name: string, extra: Uint8Array[], parent?: CaMaterial, pathLength = 0) =>
  createIssuingCa(parent ?? root, { commonName: name, pathLength, extraExtensions: extra });

describe('required policy OIDs (initial-policy-set with explicit policy)', () => {
  let p1Ca: CaMaterial;
  beforeAll(async () => {
    p1Ca = await ca('P1 CA', [certificatePolicies([P1])]);
  });
  it('passes when every certificate asserts the required policy and reports it', async () => {
    const r = await verify(p1Ca, [P1], { initialPolicySet: [P1] });
    expect(r.problems).toEqual([]);
    expect(r.policies).toEqual([P1]);
  });
  it('fails when the path asserts another policy, naming the required set', async () => {
    const r = await verify(p1Ca, [P1], { initialPolicySet: [P2] });
    expect(codes(r)).toEqual(['CERTIFICATE_POLICY']);
    expect(r.problems[0]?.message).toContain(P2);
  });
  it('fails when the end entity has no certificatePolicies, but only when a policy is required', async () => {
    expect(codes(await verify(p1Ca, undefined, { initialPolicySet: [P1] }))).toEqual(['CERTIFICATE_POLICY']);
    expect((await verify(p1Ca, undefined)).problems).toEqual([]);
  });
  it('accepts anyPolicy in a CA as covering the required policy', async () => {
    const anyCa = await ca('Any CA', [certificatePolicies([ANY])]);
    expect((await verify(anyCa, [P1], { initialPolicySet: [P1] })).problems).toEqual([]);
    expect(codes(await verify(anyCa, [P2], { initialPolicySet: [P1] }))).toEqual(['CERTIFICATE_POLICY']);
  });
});

describe('policy constraints', () => {
  it('requireExplicitPolicy=0 in a CA demands policies even when none is required by the caller', async () => {
    const strict = await ca('Strict CA', [
      certificatePolicies([P1]),
      policyConstraints({ requireExplicitPolicy: 0 }),
    ]);
    expect(codes(await verify(strict, undefined))).toEqual(['CERTIFICATE_POLICY']);
    expect((await verify(strict, [P1])).problems).toEqual([]);
  });
  it('inhibitAnyPolicy=0 stops a lower CA from using anyPolicy', async () => {
    const open = await ca('Open CA', [certificatePolicies([ANY])], undefined, 1);
    const inhibiting = await ca(
      'Inhibit CA',
      [certificatePolicies([ANY]), inhibitAnyPolicy(0)],
      undefined,
      1,
    );
    const subOpen = await ca('Sub CA', [certificatePolicies([ANY])], open);
    const subInhibited = await ca('Sub CA', [certificatePolicies([ANY])], inhibiting);
    expect((await verify(subOpen, [P1], { initialPolicySet: [P1] })).problems).toEqual([]);
    const r = await verify(subInhibited, [P1], { initialPolicySet: [P1] });
    expect(codes(r)).toEqual(['CERTIFICATE_POLICY']);
    expect(r.problems[0]?.message).toMatch(/no acceptable certificate policy at CN=Sub CA/);
  });
});

describe('policy mappings', () => {
  it('maps an issuer-domain policy to the subject-domain policy of the end entity', async () => {
    const top = await ca('Top CA', [certificatePolicies([ANY])], undefined, 1);
    const bridge = await ca('Bridge CA', [certificatePolicies([P1]), policyMappings([[P1, P2]])], top);
    const r = await verify(bridge, [P2], { initialPolicySet: [P1] });
    expect(r.problems).toEqual([]);
    expect(r.policies).toEqual([P2]);
    const unmapped = await ca('Plain CA', [certificatePolicies([P1])], top);
    expect(codes(await verify(unmapped, [P2], { initialPolicySet: [P1] }))).toEqual(['CERTIFICATE_POLICY']);
  });
  it('inhibitPolicyMapping=0 above the bridge deletes the mapped policy, so the path fails', async () => {
    const top = await ca(
      'Top CA',
      [certificatePolicies([ANY]), policyConstraints({ inhibitPolicyMapping: 0 })],
      undefined,
      1,
    );
    const bridge = await ca('Bridge CA', [certificatePolicies([P1]), policyMappings([[P1, P2]])], top);
    expect(codes(await verify(bridge, [P2], { initialPolicySet: [P1] }))).toEqual(['CERTIFICATE_POLICY']);
  });
  it('rejects a mapping to anyPolicy', async () => {
    const top = await ca('Top CA', [certificatePolicies([ANY])], undefined, 1);
    const bad = await ca('Bad CA', [certificatePolicies([P1]), policyMappings([[P1, ANY]])], top);
    const r = await verify(bad, [P1]);
    expect(r.problems[0]?.message).toMatch(/policy mapping to or from anyPolicy/);
  });
});

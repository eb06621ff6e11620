import type { ParsedCertificate } from './certificate.parser.js';
import { hasKeyUsage, KEY_USAGE } from './certificate-extensions.parser.js';
import { addNameConstraints, initialNameState, nameViolation } from './name-constraints.js';
import { type BuiltPath, buildPath } from './path-builder.js';
import type {
  ChainElement,
  ChainProblem,
  ChainReport,
  RevocationMode,
  RevocationReport,
} from './pki.types.js';
import { type PolicyOptions, processCertificatePolicies } from './policy-tree.js';
import { checkRevocation, type RevocationSources } from './revocation-checker.js';

/**
 * Certificate path validation for signatures and time-stamps: path to a trust anchor, validity
 * at the given time, CA flags and key usage, and revocation with the source that proved it.
 */
export interface ChainOptions {
  intermediates?: readonly Uint8Array[];
  trustAnchors: readonly Uint8Array[];
  /** Validation time (e.g. the signature time-stamp's genTime); default now. */
  at?: Date;
  revocation: RevocationMode;
  ocspResponses?: readonly Uint8Array[];
  crls?: readonly Uint8Array[];
  /** Needed for revocation 'online'; the server passes its SSRF-safe client. */
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Required extended key usage of the end entity (e.g. time-stamping for a TSA). */
  requiredEku?: string;
  /**
   * RFC 5280 policy inputs. A non-empty `initialPolicySet` (the policy OIDs a signing profile
   * requires) turns on initial-explicit-policy unless `initialExplicitPolicy` says otherwise.
   */
  policy?: PolicyOptions;
}

type Issue = { code: ChainProblem; message: string; subject?: string };
const ANY_EKU = '2.5.29.37.0';
const NOT_CHECKED: RevocationReport = { status: 'not-checked', source: 'none', online: false };

function certificateIssues(c: ParsedCertificate, index: number, at: Date, o: ChainOptions): Issue[] {
  const out: Issue[] = [];
  const add = (code: ChainProblem, message: string) => out.push({ code, message, subject: c.subject });
  if (at < c.notBefore) add('NOT_YET_VALID', `not valid before ${c.notBefore.toISOString()}`);
  if (at > c.notAfter) add('EXPIRED', `expired ${c.notAfter.toISOString()}`);
  if (c.unknownCritical.length)
    add('MALFORMED_CERTIFICATE', `unknown critical extension ${c.unknownCritical.join(', ')}`);
  if (index > 0) {
    if (!c.isCa) add('NOT_A_CA', 'issuer certificate is not a CA');
    if (c.keyUsage !== undefined && !hasKeyUsage(c.keyUsage, KEY_USAGE.keyCertSign))
      add('KEY_USAGE', 'CA lacks keyCertSign');
    if (c.pathLength !== undefined && index - 1 > c.pathLength)
      add('NOT_A_CA', 'path length constraint exceeded');
    return out;
  }
  const ku = c.keyUsage;
  if (
    ku !== undefined &&
    !hasKeyUsage(ku, KEY_USAGE.digitalSignature) &&
    !hasKeyUsage(ku, KEY_USAGE.nonRepudiation)
  ) {
    add('KEY_USAGE', 'key usage allows neither digitalSignature nor nonRepudiation');
  }
  const eku = c.extendedKeyUsage;
  if (o.requiredEku && eku && !eku.includes(o.requiredEku) && !eku.includes(ANY_EKU)) {
    add('EXTENDED_KEY_USAGE', `extended key usage lacks ${o.requiredEku}`);
  }
  return out;
}

function revocationIssue(c: ParsedCertificate, r: RevocationReport, at: Date): Issue | undefined {
  if (r.status === 'revoked' && r.revokedAt && r.revokedAt <= at) {
    return {
      code: 'REVOKED',
      message: `revoked ${r.revokedAt.toISOString()} (${r.reason})`,
      subject: c.subject,
    };
  }
  return undefined;
}

interface Accumulator {
  problems: Issue[];
  warnings: Issue[];
  used: ChainReport['used'];
}

function pathIssues(built: BuiltPath): Issue[] {
  if (built.badSignatureAt) {
    const subject = built.badSignatureAt.subject;
    return [{ code: 'BAD_CERTIFICATE_SIGNATURE', message: 'issuer signature does not verify', subject }];
  }
  if (!built.anchored) {
    return [
      {
        code: 'NO_PATH_TO_TRUST_ANCHOR',
        message: 'no path to a trust anchor',
        subject: built.path.at(-1)?.subject,
      },
    ];
  }
  return [];
}

async function revocationOf(
  c: ParsedCertificate,
  issuer: ParsedCertificate,
  sources: RevocationSources,
  at: Date,
  acc: Accumulator,
): Promise<RevocationReport> {
  const outcome = await checkRevocation(c, issuer, sources);
  if (outcome.ocspResponse) acc.used.ocspResponses.push(outcome.ocspResponse);
  if (outcome.crl) acc.used.crls.push(outcome.crl);
  acc.used.certificates.push(...outcome.responderCertificates);
  const issue = revocationIssue(c, outcome.report, at);
  if (issue) acc.problems.push(issue);
  if (outcome.report.status === 'unknown') {
    acc.warnings.push({
      code: 'REVOCATION_UNKNOWN',
      message: 'revocation status not determined',
      subject: c.subject,
    });
  }
  return outcome.report;
}

/** Name constraints and certificate policies over the anchored path (RFC 5280 §6.1). */
function constraintIssues(built: BuiltPath, o: ChainOptions): { issues: Issue[]; policies: string[] } {
  if (!built.anchored) return { issues: [], policies: [] };
  const certs = built.path.slice(0, -1).reverse();
  const issues: Issue[] = [];
  const names = initialNameState();
  for (const [k, c] of certs.entries()) {
    const last = k === certs.length - 1;
    if (last || !c.isSelfIssued) {
      const why = nameViolation(c, names);
      if (why) issues.push({ code: 'NAME_CONSTRAINTS', message: why, subject: c.subject });
    }
    if (!last) addNameConstraints(c, names);
  }
  const p = o.policy ?? {};
  const outcome = processCertificatePolicies(certs, {
    ...p,
    initialExplicitPolicy: p.initialExplicitPolicy ?? (p.initialPolicySet?.length ?? 0) > 0,
  });
  if (outcome.problem) {
    issues.push({ code: 'CERTIFICATE_POLICY', message: outcome.problem, subject: certs.at(-1)?.subject });
  }
  return { issues, policies: [...outcome.validPolicies] };
}

/** Validates the path of `cert`; never throws for validation failures, they are in the report. */
export async function verifyChain(cert: Uint8Array, o: ChainOptions): Promise<ChainReport> {
  const at = o.at ?? new Date();
  const built = buildPath(cert, o.intermediates ?? [], o.trustAnchors);
  const acc: Accumulator = {
    problems: pathIssues(built),
    warnings: [],
    used: { certificates: built.path.map((c) => c.der), ocspResponses: [], crls: [] },
  };
  const sources: RevocationSources = {
    mode: o.revocation,
    ocspResponses: o.ocspResponses ?? [],
    crls: o.crls ?? [],
    fetch: o.fetch,
    timeoutMs: o.timeoutMs,
  };
  const path: ChainElement[] = [];
  for (const [i, c] of built.path.entries()) {
    acc.problems.push(...certificateIssues(c, i, at, o));
    const isTrustAnchor = built.anchored && i === built.path.length - 1;
    const issuer = built.path[i + 1];
    const revocation =
      !isTrustAnchor && issuer && !c.hasOcspNoCheck
        ? await revocationOf(c, issuer, sources, at, acc)
        : NOT_CHECKED;
    const { subject, serial, notBefore, notAfter } = c;
    path.push({
      certificate: c.der,
      subject,
      issuer: c.issuer,
      serial,
      notBefore,
      notAfter,
      isTrustAnchor,
      revocation,
    });
  }
  const constraints = constraintIssues(built, o);
  acc.problems.push(...constraints.issues);
  const isTrusted = built.anchored && !built.badSignatureAt;
  return { isValid: acc.problems.length === 0, isTrusted, path, ...acc, policies: constraints.policies };
}

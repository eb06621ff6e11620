import { bytesOf, children, contentOf, oidOf, smallInt, type Tlv } from '../cms/der-reader.js';
import { OID } from '../cms/oids.js';

/**
 * Decoders for the extensions that constrain a path (RFC 5280 §4.2.1.4, .5, .6, .10, .11, .14):
 * certificate policies, policy mappings, policy constraints, inhibitAnyPolicy, subjectAltName and
 * name constraints. Only the GeneralName forms the engine enforces are kept as text; the others
 * are reported as 'other' so a constraint on them can still be recognised.
 */
export type GeneralName =
  | { readonly type: 'dns'; readonly value: string }
  | { readonly type: 'email'; readonly value: string }
  | { readonly type: 'uri'; readonly value: string }
  | { readonly type: 'dn'; readonly value: Uint8Array }
  | { readonly type: 'other'; readonly tag: number };

/** Permitted and excluded subtrees of a nameConstraints extension (base names only). */
export interface NameConstraints {
  readonly permitted: readonly GeneralName[];
  readonly excluded: readonly GeneralName[];
}

/** The constraint extensions of one certificate, decoded. */
export interface ConstraintExtensions {
  /** Policy OIDs of certificatePolicies (anyPolicy included as 2.5.29.32.0); undefined when absent. */
  readonly policies?: readonly string[];
  /** policyMappings pairs [issuerDomainPolicy, subjectDomainPolicy]. */
  readonly policyMappings?: readonly (readonly [string, string])[];
  readonly requireExplicitPolicy?: number;
  readonly inhibitPolicyMapping?: number;
  readonly inhibitAnyPolicy?: number;
  readonly subjectAltNames?: readonly GeneralName[];
  readonly nameConstraints?: NameConstraints;
}

const latin1 = (buf: Uint8Array, t: Tlv) => Buffer.from(contentOf(buf, t)).toString('latin1');

/** One GeneralName (context tags [1] rfc822, [2] dNS, [4] directoryName, [6] URI). */
export function readGeneralName(buf: Uint8Array, t: Tlv): GeneralName {
  const tag = t.tag & 0x1f;
  if (tag === 1) return { type: 'email', value: latin1(buf, t) };
  if (tag === 2) return { type: 'dns', value: latin1(buf, t) };
  if (tag === 6) return { type: 'uri', value: latin1(buf, t) };
  if (tag === 4) {
    const inner = children(buf, t)[0];
    if (inner) return { type: 'dn', value: bytesOf(buf, inner) };
  }
  return { type: 'other', tag };
}

function subtrees(buf: Uint8Array, t: Tlv | undefined): GeneralName[] {
  if (!t) return [];
  return children(buf, t).flatMap((sub) => {
    const base = children(buf, sub)[0];
    return base ? [readGeneralName(buf, base)] : [];
  });
}

/** The extension OIDs this file decodes (and so the path validator understands when critical). */
export const CONSTRAINT_EXTENSIONS: readonly string[] = [
  OID.certificatePolicies,
  OID.policyMappings,
  OID.policyConstraints,
  OID.inhibitAnyPolicy,
  OID.subjectAltName,
  OID.nameConstraints,
];

type Mutable = { -readonly [K in keyof ConstraintExtensions]: ConstraintExtensions[K] };

/** Applies one extension value to `ext` when it is one of CONSTRAINT_EXTENSIONS. */
export function applyConstraintExtension(ext: Mutable, buf: Uint8Array, id: string, v: Tlv): void {
  if (id === OID.certificatePolicies) {
    ext.policies = children(buf, v).map((info) => oidOf(buf, children(buf, info)[0] as Tlv));
  } else if (id === OID.policyMappings) {
    ext.policyMappings = children(buf, v).map((m) => {
      const [a, b] = children(buf, m);
      return [oidOf(buf, a as Tlv), oidOf(buf, b as Tlv)] as const;
    });
  } else if (id === OID.policyConstraints) {
    for (const k of children(buf, v)) {
      const n = smallInt(buf, k);
      if (k.tag === 0x80) ext.requireExplicitPolicy = n;
      if (k.tag === 0x81) ext.inhibitPolicyMapping = n;
    }
  } else if (id === OID.inhibitAnyPolicy) {
    ext.inhibitAnyPolicy = smallInt(buf, v);
  } else if (id === OID.subjectAltName) {
    ext.subjectAltNames = children(buf, v).map((n) => readGeneralName(buf, n));
  } else if (id === OID.nameConstraints) {
    const kids = children(buf, v);
    ext.nameConstraints = {
      permitted: subtrees(
        buf,
        kids.find((k) => k.tag === 0xa0),
      ),
      excluded: subtrees(
        buf,
        kids.find((k) => k.tag === 0xa1),
      ),
    };
  }
}

import { children, contentOf, oidOf, type Tlv } from '../cms/der-reader.js';
import { OID } from '../cms/oids.js';
import type { ParsedCertificate } from './certificate.parser.js';
import type { GeneralName } from './constraint-extensions.parser.js';

/**
 * Name constraints in path validation (RFC 5280 §4.2.1.10, §6.1.3 (b)(c), §6.1.4 (g)) for
 * directoryName, dNSName and rfc822Name (subject e-mail attributes count as rfc822Name).
 * Permitted subtrees are kept as layers, one per constraining CA: a name of a constrained type
 * must lie inside one subtree of that type in every layer, which is the RFC's intersection.
 * Excluded subtrees accumulate as a union. Other name forms are not constrained by this engine.
 */
type Kind = 'dns' | 'email' | 'dn';
type Constraint = Extract<GeneralName, { type: Kind }>;

export interface NameConstraintState {
  readonly permitted: (readonly Constraint[])[];
  readonly excluded: Constraint[];
}

export const initialNameState = (): NameConstraintState => ({ permitted: [], excluded: [] });

const isKind = (n: GeneralName): n is Constraint => n.type === 'dns' || n.type === 'email' || n.type === 'dn';

/** RDNs of a DER Name as normalised "oid=value" strings (case-folded, whitespace collapsed). */
function rdns(der: Uint8Array): string[] {
  const root = { tag: 0x30, start: 0, contentStart: 0, contentEnd: der.length, end: der.length };
  const top = children(der, root)[0];
  if (!top) return [];
  return children(der, top).map((rdn) =>
    children(der, rdn)
      .map((atv) => {
        const [type, value] = children(der, atv) as [Tlv, Tlv];
        const text = Buffer.from(contentOf(der, value)).toString(value.tag === 0x0c ? 'utf8' : 'latin1');
        return `${oidOf(der, type)}=${text.trim().replace(/\s+/g, ' ').toLowerCase()}`;
      })
      .sort()
      .join('+'),
  );
}

function dnWithin(name: Uint8Array, base: Uint8Array): boolean {
  const n = rdns(name);
  const b = rdns(base);
  return b.length <= n.length && b.every((r, i) => r === n[i]);
}

function dnsWithin(name: string, base: string): boolean {
  const n = name.toLowerCase().replace(/\.$/, '');
  const b = base.toLowerCase().replace(/\.$/, '');
  if (b === '') return true;
  if (b.startsWith('.')) return n.endsWith(b);
  return n === b || n.endsWith(`.${b}`);
}

function emailWithin(name: string, base: string): boolean {
  const n = name.toLowerCase();
  const b = base.toLowerCase();
  if (b.includes('@')) return n === b;
  const host = n.slice(n.lastIndexOf('@') + 1);
  if (b.startsWith('.')) return host.endsWith(b);
  return host === b;
}

function within(name: Constraint, base: Constraint): boolean {
  if (name.type === 'dn' && base.type === 'dn') return dnWithin(name.value, base.value);
  if (name.type === 'dns' && base.type === 'dns') return dnsWithin(name.value, base.value);
  if (name.type === 'email' && base.type === 'email') return emailWithin(name.value, base.value);
  return false;
}

/** E-mail addresses in the subject's emailAddress attributes (§4.2.1.10: treat as rfc822Name). */
function subjectEmails(der: Uint8Array): Constraint[] {
  const root = { tag: 0x30, start: 0, contentStart: 0, contentEnd: der.length, end: der.length };
  const top = children(der, root)[0];
  if (!top) return [];
  return children(der, top).flatMap((rdn) =>
    children(der, rdn).flatMap((atv) => {
      const [type, value] = children(der, atv) as [Tlv, Tlv];
      if (oidOf(der, type) !== OID.emailAddress) return [];
      return [{ type: 'email' as const, value: Buffer.from(contentOf(der, value)).toString('latin1') }];
    }),
  );
}

function namesOf(c: ParsedCertificate): Constraint[] {
  const subjectEmpty = c.subjectDer.length <= 2;
  const names: Constraint[] = subjectEmpty ? [] : [{ type: 'dn', value: c.subjectDer }];
  names.push(...subjectEmails(c.subjectDer));
  for (const n of c.subjectAltNames ?? []) if (isKind(n)) names.push(n);
  return names;
}

const describe = (n: Constraint): string =>
  n.type === 'dn' ? `directoryName ${rdns(n.value).reverse().join(', ')}` : `${n.type} ${n.value}`;

/** The first name of `c` that the state forbids, with the reason; undefined when all pass. */
export function nameViolation(c: ParsedCertificate, state: NameConstraintState): string | undefined {
  for (const name of namesOf(c)) {
    const excluded = state.excluded.find((e) => within(name, e));
    if (excluded) return `${describe(name)} is in excluded subtree ${describe(excluded)}`;
    for (const layer of state.permitted) {
      const sameType = layer.filter((p) => p.type === name.type);
      if (sameType.length > 0 && !sameType.some((p) => within(name, p))) {
        return `${describe(name)} is outside the permitted subtrees (${sameType.map(describe).join('; ')})`;
      }
    }
  }
  return undefined;
}

/** Adds a CA certificate's nameConstraints to the state (§6.1.4 (g)). */
export function addNameConstraints(c: ParsedCertificate, state: NameConstraintState): void {
  const nc = c.nameConstraints;
  if (!nc) return;
  const permitted = nc.permitted.filter(isKind);
  if (permitted.length > 0) state.permitted.push(permitted);
  state.excluded.push(...nc.excluded.filter(isKind));
}

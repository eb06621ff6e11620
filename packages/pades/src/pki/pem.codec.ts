import { PadesError } from '../errors.js';

/**
 * PEM <-> DER. Certificates travel as PEM in configuration and the keyring, as DER inside CMS;
 * these helpers keep that conversion in one place.
 */
const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/** Every PEM block of `text` with its label, in order. */
export function pemBlocks(text: string): { label: string; der: Uint8Array }[] {
  const out: { label: string; der: Uint8Array }[] = [];
  for (const m of text.matchAll(BLOCK)) {
    out.push({
      label: m[1] as string,
      der: new Uint8Array(Buffer.from((m[2] as string).replace(/\s+/g, ''), 'base64')),
    });
  }
  return out;
}

/** All CERTIFICATE blocks of a PEM text as DER; throws INVALID_ARGUMENT when there are none. */
export function certificatesFromPem(text: string): Uint8Array[] {
  const certs = pemBlocks(text)
    .filter((b) => b.label === 'CERTIFICATE')
    .map((b) => b.der);
  if (certs.length === 0) throw new PadesError('INVALID_ARGUMENT', 'no CERTIFICATE block in the PEM text');
  return certs;
}

/** PEM text for DER with `label` (64-column base64). */
export function toPem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const b64 = Buffer.from(der).toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** Accepts DER or PEM bytes (files on disk come both ways) and returns DER certificates. */
export function certificatesFromBytes(bytes: Uint8Array): Uint8Array[] {
  const head = Buffer.from(bytes.subarray(0, 64)).toString('latin1');
  if (head.includes('-----BEGIN')) return certificatesFromPem(Buffer.from(bytes).toString('latin1'));
  return [bytes];
}

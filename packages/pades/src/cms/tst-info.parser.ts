import { PadesError } from '../errors.js';
import type { HashName } from '../pki/signer.js';
import { hashFromOid } from './algorithms.js';
import { child, children, contentOf, hexInt, oidOf, readRoot, smallInt, timeOf } from './der-reader.js';

/** A decoded RFC 3161 TSTInfo: what was time-stamped, when, and by which policy. */
export interface TstInfo {
  readonly policy: string;
  readonly hash?: HashName;
  readonly hashOid: string;
  readonly hashedMessage: Uint8Array;
  readonly serial: string;
  readonly genTime: Date;
  readonly accuracyMs?: number;
  readonly nonce?: string;
}

/** Parses TSTInfo DER (the eContent of a time-stamp token). */
export function parseTstInfo(der: Uint8Array): TstInfo {
  try {
    const k = children(der, readRoot(der));
    const imprint = children(der, child(der, k, 2, 0x30));
    const hashOid = oidOf(der, child(der, children(der, child(der, imprint, 0, 0x30)), 0));
    let accuracyMs: number | undefined;
    let nonce: string | undefined;
    for (const t of k.slice(5)) {
      if (t.tag === 0x30) {
        accuracyMs = 0;
        for (const a of children(der, t)) {
          if (a.tag === 0x02) accuracyMs += smallInt(der, a) * 1000;
          if (a.tag === 0x80) accuracyMs += smallInt(der, a);
          if (a.tag === 0x81) accuracyMs += smallInt(der, a) / 1000;
        }
      }
      if (t.tag === 0x02) nonce = hexInt(der, t);
    }
    return {
      policy: oidOf(der, child(der, k, 1, 0x06)),
      hash: hashFromOid(hashOid),
      hashOid,
      hashedMessage: contentOf(der, child(der, imprint, 1, 0x04)),
      serial: hexInt(der, child(der, k, 3, 0x02)),
      genTime: timeOf(der, child(der, k, 4, 0x18)),
      accuracyMs,
      nonce,
    };
  } catch (err) {
    throw new PadesError('MALFORMED_CMS', `malformed TSTInfo: ${(err as Error).message}`, { cause: err });
  }
}

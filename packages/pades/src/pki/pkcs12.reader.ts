import { createHmac, createPrivateKey, type KeyObject, timingSafeEqual } from 'node:crypto';
import {
  bytesOf,
  child,
  children,
  contentOf,
  octetValue,
  oidOf,
  readRoot,
  smallInt,
  type Tlv,
} from '../cms/der-reader.js';
import { isPadesError, PadesError } from '../errors.js';
import { parseCertificate } from './certificate.parser.js';
import { bmpPassword, pbeDecrypt, pkcs12Kdf } from './pkcs12-crypto.js';

/**
 * Reads a PKCS#12 file into a key, its certificate and the rest of the chain. The MAC is
 * checked first so that a wrong password is reported as BAD_PASSWORD, not as garbage.
 */
const MAC_HASH: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
const BAG = {
  key: '1.2.840.113549.1.12.10.1.1',
  shroudedKey: '1.2.840.113549.1.12.10.1.2',
  cert: '1.2.840.113549.1.12.10.1.3',
};
const LOCAL_KEY_ID = '1.2.840.113549.1.9.21';

interface Bags {
  keys: { der: Uint8Array; localKeyId?: string }[];
  certs: { der: Uint8Array; localKeyId?: string }[];
}

function checkMac(buf: Uint8Array, macData: Tlv, content: Uint8Array, password: string): void {
  const [mac, saltT, iterT] = children(buf, macData);
  if (!mac || !saltT) throw new PadesError('UNSUPPORTED', 'bad PKCS#12 MAC data');
  const [algT, digestT] = children(buf, mac);
  const hash = algT ? MAC_HASH[oidOf(buf, child(buf, children(buf, algT), 0))] : undefined;
  if (!hash || !digestT) throw new PadesError('UNSUPPORTED', 'unsupported PKCS#12 MAC algorithm');
  const expected = contentOf(buf, digestT);
  const iterations = iterT ? smallInt(buf, iterT) : 1;
  const candidates = password === '' ? [bmpPassword(''), new Uint8Array(0)] : [bmpPassword(password)];
  for (const pw of candidates) {
    const key = pkcs12Kdf(hash, pw, contentOf(buf, saltT), iterations, 3, expected.length);
    const got = createHmac(hash, key).update(content).digest();
    if (got.length === expected.length && timingSafeEqual(got, expected)) return;
  }
  throw new PadesError('BAD_PASSWORD', 'wrong PKCS#12 password');
}

function localKeyId(buf: Uint8Array, attrs: Tlv | undefined): string | undefined {
  for (const attr of attrs ? children(buf, attrs) : []) {
    const [type, values] = children(buf, attr);
    if (type && values && oidOf(buf, type) === LOCAL_KEY_ID) {
      const v = children(buf, values)[0];
      return v ? Buffer.from(contentOf(buf, v)).toString('hex') : undefined;
    }
  }
  return undefined;
}

function readSafeContents(buf: Uint8Array, password: string, bags: Bags): void {
  for (const bag of children(buf, readRoot(buf))) {
    const [idT, valueWrap, attrs] = children(buf, bag);
    if (!idT || !valueWrap) continue;
    const id = oidOf(buf, idT);
    const value = child(buf, children(buf, valueWrap), 0);
    const keyId = localKeyId(buf, attrs);
    if (id === BAG.key) bags.keys.push({ der: bytesOf(buf, value), localKeyId: keyId });
    if (id === BAG.shroudedKey) {
      const [alg, enc] = children(buf, value);
      if (!alg || !enc) throw new PadesError('UNSUPPORTED', 'bad shrouded key bag');
      bags.keys.push({ der: pbeDecrypt(buf, alg, password, contentOf(buf, enc)), localKeyId: keyId });
    }
    if (id === BAG.cert) {
      const wrapped = child(buf, children(buf, value), 1);
      bags.certs.push({ der: octetValue(buf, child(buf, children(buf, wrapped), 0)), localKeyId: keyId });
    }
  }
}

function readAuthSafe(buf: Uint8Array, password: string): Bags {
  const bags: Bags = { keys: [], certs: [] };
  for (const ci of children(buf, readRoot(buf))) {
    const [typeT, wrap] = children(buf, ci);
    if (!typeT || !wrap) continue;
    const type = oidOf(buf, typeT);
    const inner = child(buf, children(buf, wrap), 0);
    if (type === '1.2.840.113549.1.7.1') readSafeContents(octetValue(buf, inner), password, bags);
    else if (type === '1.2.840.113549.1.7.6') {
      const eci = child(buf, children(buf, inner), 1, 0x30);
      const [, alg, encT] = children(buf, eci);
      if (!alg || !encT) continue;
      const data = encT.tag === 0xa0 ? octetValue(buf, { ...encT, tag: 0x24 }) : contentOf(buf, encT);
      readSafeContents(pbeDecrypt(buf, alg, password, data), password, bags);
    }
  }
  return bags;
}

function pickKey(bags: Bags): { key: KeyObject; localKeyId?: string } {
  const first = bags.keys[0];
  if (!first) throw new PadesError('INVALID_KEY', 'the PKCS#12 file holds no private key');
  try {
    return {
      key: createPrivateKey({ key: Buffer.from(first.der), format: 'der', type: 'pkcs8' }),
      localKeyId: first.localKeyId,
    };
  } catch (err) {
    throw new PadesError('BAD_PASSWORD', 'the PKCS#12 private key could not be decrypted', { cause: err });
  }
}

/** Decodes a PKCS#12 file: the key, the certificate that matches it, and the other certificates. */
export function readPkcs12(
  p12: Uint8Array,
  password: string,
): { key: KeyObject; certificate: Uint8Array; chain: Uint8Array[] } {
  try {
    const buf = Uint8Array.from(p12);
    const [version, authSafe, macData] = children(buf, readRoot(buf));
    if (!version || !authSafe || smallInt(buf, version) !== 3)
      throw new PadesError('UNSUPPORTED', 'not a PKCS#12 v3 file');
    const content = octetValue(buf, child(buf, children(buf, child(buf, children(buf, authSafe), 1)), 0));
    if (macData) checkMac(buf, macData, content, password);
    const bags = readAuthSafe(content, password);
    const { key, localKeyId: keyId } = pickKey(bags);
    const matches = (c: { der: Uint8Array; localKeyId?: string }) =>
      keyId !== undefined ? c.localKeyId === keyId : !parseCertificate(c.der).isCa;
    const own = bags.certs.find(matches) ?? bags.certs[0];
    if (!own) throw new PadesError('INVALID_KEY', 'the PKCS#12 file holds no certificate');
    const chain = orderChain(
      own.der,
      bags.certs.filter((c) => c !== own).map((c) => c.der),
    );
    return { key, certificate: own.der, chain };
  } catch (err) {
    if (isPadesError(err) && err.code !== 'MALFORMED_DER') throw err;
    throw new PadesError('INVALID_KEY', `unreadable PKCS#12 file: ${(err as Error).message}`, { cause: err });
  }
}

/** Orders the extra certificates issuer-first from the signer upward; leftovers go last. */
function orderChain(leaf: Uint8Array, others: Uint8Array[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  const pool = [...others];
  let current = parseCertificate(leaf);
  while (!current.isSelfIssued) {
    const i = pool.findIndex((c) => Buffer.compare(parseCertificate(c).subjectDer, current.issuerDer) === 0);
    if (i < 0) break;
    const [next] = pool.splice(i, 1);
    out.push(next as Uint8Array);
    current = parseCertificate(next as Uint8Array);
  }
  return [...out, ...pool];
}

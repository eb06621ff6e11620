import { createDecipheriv, createHash, pbkdf2Sync } from 'node:crypto';
import { child, children, contentOf, oidOf, smallInt, type Tlv } from '../cms/der-reader.js';
import { PadesError } from '../errors.js';

/**
 * The password-based crypto of PKCS#12 (RFC 7292, RFC 8018): the PKCS#12 KDF used by the MAC
 * and the legacy 3DES scheme, and PBES2 with PBKDF2 used by OpenSSL 3 and current Windows.
 * Node has no PKCS#12 reader, and pkijs handles only PBES2, so we decode the files ourselves.
 */
const BLOCK: Record<string, number> = { sha1: 64, sha256: 64, sha384: 128, sha512: 128 };
/** Bounds the work a hostile file can ask for (OpenSSL uses 2048, Windows 2000-10000). */
const MAX_ITERATIONS = 2_000_000;

/** Password as PKCS#12 wants it for its own KDF: UTF-16BE with a terminating NUL. */
export function bmpPassword(password: string): Uint8Array {
  const le = Buffer.from(password + '\0', 'utf16le');
  return Uint8Array.from(le.swap16());
}

/** RFC 7292 appendix B.2 key derivation: id 1 = key, 2 = IV, 3 = MAC key. */
export function pkcs12Kdf(
  hash: string,
  password: Uint8Array,
  salt: Uint8Array,
  iterations: number,
  id: number,
  size: number,
): Uint8Array {
  if (iterations > MAX_ITERATIONS) throw new PadesError('UNSUPPORTED', 'PKCS#12 iteration count too large');
  const v = BLOCK[hash];
  if (!v) throw new PadesError('UNSUPPORTED', `unsupported PKCS#12 hash ${hash}`);
  const repeatTo = (src: Uint8Array) => {
    const len = src.length === 0 ? 0 : v * Math.ceil(src.length / v);
    const out = new Uint8Array(len);
    for (let i = 0; i < len; i++) out[i] = src[i % src.length] as number;
    return out;
  };
  const D = new Uint8Array(v).fill(id);
  const I = Buffer.concat([repeatTo(salt), repeatTo(password)]);
  const out: Buffer[] = [];
  let produced = 0;
  while (produced < size) {
    let A: Buffer = createHash(hash).update(D).update(I).digest();
    for (let r = 1; r < iterations; r++) A = createHash(hash).update(A).digest();
    out.push(A);
    produced += A.length;
    for (let j = 0; j < I.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = (I[j + k] as number) + (A[k % A.length] as number) + carry;
        I[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return Buffer.concat(out).subarray(0, size);
}

const PRF: Record<string, string> = {
  '1.2.840.113549.2.7': 'sha1',
  '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
};
const CIPHER: Record<string, { name: string; keyLen: number }> = {
  '2.16.840.1.101.3.4.1.2': { name: 'aes-128-cbc', keyLen: 16 },
  '2.16.840.1.101.3.4.1.22': { name: 'aes-192-cbc', keyLen: 24 },
  '2.16.840.1.101.3.4.1.42': { name: 'aes-256-cbc', keyLen: 32 },
  '1.2.840.113549.3.7': { name: 'des-ede3-cbc', keyLen: 24 },
};

function decipher(name: string, key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  try {
    const d = createDecipheriv(name, key, iv);
    return Buffer.concat([d.update(data), d.final()]);
  } catch (err) {
    throw new PadesError('BAD_PASSWORD', 'wrong PKCS#12 password', { cause: err });
  }
}

function pbes2(buf: Uint8Array, params: Tlv, password: string, data: Uint8Array): Uint8Array {
  const [kdf, scheme] = children(buf, params);
  if (!kdf || !scheme) throw new PadesError('UNSUPPORTED', 'bad PBES2 parameters');
  const [kdfOid, kdfParams] = children(buf, kdf);
  if (!kdfOid || !kdfParams || oidOf(buf, kdfOid) !== '1.2.840.113549.1.5.12') {
    throw new PadesError('UNSUPPORTED', 'PBES2 key derivation other than PBKDF2');
  }
  const kp = children(buf, kdfParams);
  const salt = contentOf(buf, child(buf, kp, 0, 0x04));
  const iterations = smallInt(buf, child(buf, kp, 1, 0x02));
  if (iterations > MAX_ITERATIONS) throw new PadesError('UNSUPPORTED', 'PBKDF2 iteration count too large');
  const prfT = kp.find((t) => t.tag === 0x30);
  const prf = prfT ? PRF[oidOf(buf, child(buf, children(buf, prfT), 0))] : 'sha1';
  const [encOid, ivT] = children(buf, scheme);
  const cipher = encOid ? CIPHER[oidOf(buf, encOid)] : undefined;
  if (!prf || !cipher || !ivT) throw new PadesError('UNSUPPORTED', 'unsupported PBES2 cipher or PRF');
  const key = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, cipher.keyLen, prf);
  return decipher(cipher.name, key, contentOf(buf, ivT), data);
}

/** Decrypts with the scheme of AlgorithmIdentifier `alg` (PBES2, or legacy PKCS#12 3DES). */
export function pbeDecrypt(buf: Uint8Array, alg: Tlv, password: string, data: Uint8Array): Uint8Array {
  const [algOid, params] = children(buf, alg);
  const id = algOid ? oidOf(buf, algOid) : '';
  if (id === '1.2.840.113549.1.5.13' && params) return pbes2(buf, params, password, data);
  if (id === '1.2.840.113549.1.12.1.3' && params) {
    const p = children(buf, params);
    const salt = contentOf(buf, child(buf, p, 0, 0x04));
    const iter = smallInt(buf, child(buf, p, 1, 0x02));
    const pw = bmpPassword(password);
    const key = pkcs12Kdf('sha1', pw, salt, iter, 1, 24);
    const iv = pkcs12Kdf('sha1', pw, salt, iter, 2, 8);
    return decipher('des-ede3-cbc', key, iv, data);
  }
  throw new PadesError(
    'UNSUPPORTED',
    `PKCS#12 encryption ${id} is not supported (legacy RC2/RC4); re-export the file with AES (OpenSSL 3 default)`,
  );
}

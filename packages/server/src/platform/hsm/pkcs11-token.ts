import { createHash, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import type * as Pkcs11Module from 'pkcs11js';
import {
  ecdsaRawToDer,
  ecParams,
  ecPointToSpki,
  keyShape,
  rsaToSpki,
  type TokenKeyAlgorithm,
} from './key-encoding.js';

export type { TokenKeyAlgorithm } from './key-encoding.js';

/** The digests a token signature covers (the pades HashName). */
export type TokenHash = 'SHA-256' | 'SHA-384' | 'SHA-512';

type Pkcs11Lib = typeof Pkcs11Module;
type Handle = Buffer;

/** Where the token is and how to log in (KEYS_PKCS11_LIBRARY, KEYS_PKCS11_TOKEN, KEYS_PKCS11_PIN). */
export interface Pkcs11Options {
  library: string;
  tokenLabel: string;
  pin: string;
}

/** A key pair in the token: its CKA_ID (hex) and its public key as DER SPKI. */
export interface TokenKey {
  objectId: string;
  spki: Uint8Array;
}

/**
 * One PKCS#11 token, logged in as its user, with one session. Keys it generates (EC P-256 or
 * P-384, RSA 2048/3072/4096) are on the token (CKA_TOKEN), private, sensitive and
 * non-extractable: the private key never leaves the module. ECDSA is C_Sign over a digest
 * computed here; RSA is CKM_SHA<n>_RSA_PKCS (PKCS#1 v1.5, hashed in the token). Calls are synchronous
 * in the library; a session does one operation at a time, which Node's one thread ensures.
 */
export interface Pkcs11Token {
  readonly tokenLabel: string;
  generateKey(label: string, algorithm: TokenKeyAlgorithm): TokenKey;
  /** generateKey(label, 'EC-P256'). */
  generateEcKey(label: string): TokenKey;
  /** The CKA_ID (hex) of the private key labelled `label`, or null; two keys with that label throw. */
  findKeyByLabel(label: string): string | null;
  /** Renames both halves of key pair `objectId` (rotation keeps the old key under a retired label). */
  relabel(objectId: string, label: string): void;
  publicKey(objectId: string): Uint8Array;
  /** The signature over `data` with `hash`: ECDSA as DER Ecdsa-Sig-Value, RSA PKCS#1 v1.5. */
  sign(objectId: string, data: Uint8Array, hash: TokenHash): Buffer;
  /** The private key's attributes that prove it cannot leave the token. */
  protection(objectId: string): { sensitive: boolean; extractable: boolean; neverExtractable: boolean };
  /** Tries to read the private key's secret (CKA_VALUE, RSA: CKA_PRIVATE_EXPONENT); returns the PKCS#11 error name it gets. */
  tryExport(objectId: string): string;
  destroyKey(objectId: string): void;
  close(): void;
}

const require = createRequire(import.meta.url);

/**
 * A PKCS#11 library is initialised once per process (C_Initialize twice fails), so the loaded
 * libraries are shared here, counted by the tokens open on them; the last close finalises.
 */
const libraries = new Map<string, { lib: Pkcs11Module.PKCS11; open: number }>();

function acquire(p: Pkcs11Lib, library: string): Pkcs11Module.PKCS11 {
  let entry = libraries.get(library);
  if (!entry) {
    const lib = new p.PKCS11();
    lib.load(library);
    lib.C_Initialize();
    entry = { lib, open: 0 };
    libraries.set(library, entry);
  }
  entry.open++;
  return entry.lib;
}

function release(library: string): void {
  const entry = libraries.get(library);
  if (!entry || --entry.open > 0) return;
  libraries.delete(library);
  entry.lib.C_Finalize();
}

/** Opens the token named `tokenLabel` in `library` (e.g. /usr/lib/softhsm/libsofthsm2.so). */
export function openPkcs11Token(options: Pkcs11Options): Pkcs11Token {
  const p: Pkcs11Lib = require('pkcs11js');
  const lib = acquire(p, options.library);
  try {
    const slot = lib
      .C_GetSlotList(true)
      .find((s) => lib.C_GetTokenInfo(s).label.trim() === options.tokenLabel);
    if (!slot) throw new Error(`no PKCS#11 token labelled "${options.tokenLabel}" in ${options.library}`);
    const session = lib.C_OpenSession(slot, p.CKF_RW_SESSION | p.CKF_SERIAL_SESSION);
    try {
      lib.C_Login(session, p.CKU_USER, options.pin);
    } catch (err) {
      if (!/CKR_USER_ALREADY_LOGGED_IN/.test(String(err))) throw err;
    }
    return tokenApi(p, lib, session, options);
  } catch (err) {
    release(options.library);
    throw err;
  }
}

function tokenApi(
  p: Pkcs11Lib,
  lib: Pkcs11Module.PKCS11,
  session: Handle,
  options: Pkcs11Options,
): Pkcs11Token {
  const tokenLabel = options.tokenLabel;
  let isOpen = true;
  const find = (cls: number, objectId: string): Handle => {
    lib.C_FindObjectsInit(session, [
      { type: p.CKA_CLASS, value: cls },
      { type: p.CKA_ID, value: Buffer.from(objectId, 'hex') },
    ]);
    const [handle] = lib.C_FindObjects(session, 1);
    lib.C_FindObjectsFinal(session);
    if (!handle) throw new Error(`key ${objectId} is not in token "${tokenLabel}"`);
    return handle;
  };
  const attr = (handle: Handle, type: number): Buffer => {
    const [result] = lib.C_GetAttributeValue(session, handle, [{ type }]);
    return result?.value as Buffer;
  };
  const flag = (handle: Handle, type: number) => (attr(handle, type)[0] ?? 0) !== 0;
  const isRsa = (handle: Handle) => attr(handle, p.CKA_KEY_TYPE).readUIntLE(0, 4) === p.CKK_RSA;
  const publicKey = (objectId: string) => {
    const pub = find(p.CKO_PUBLIC_KEY, objectId);
    return isRsa(pub)
      ? rsaToSpki(attr(pub, p.CKA_MODULUS), attr(pub, p.CKA_PUBLIC_EXPONENT))
      : ecPointToSpki(attr(pub, p.CKA_EC_PARAMS), attr(pub, p.CKA_EC_POINT));
  };
  const rsaMechanisms: Record<TokenHash, number> = {
    'SHA-256': p.CKM_SHA256_RSA_PKCS,
    'SHA-384': p.CKM_SHA384_RSA_PKCS,
    'SHA-512': p.CKM_SHA512_RSA_PKCS,
  };
  const generateKey = (label: string, algorithm: TokenKeyAlgorithm): TokenKey => {
    const id = randomBytes(16);
    const shape = keyShape(algorithm);
    const common = [
      { type: p.CKA_TOKEN, value: true },
      { type: p.CKA_ID, value: id },
      { type: p.CKA_LABEL, value: label },
    ];
    const publicTemplate =
      'ec' in shape
        ? [{ type: p.CKA_EC_PARAMS, value: ecParams(shape.ec) }]
        : [
            { type: p.CKA_MODULUS_BITS, value: shape.rsaBits },
            { type: p.CKA_PUBLIC_EXPONENT, value: Buffer.from([1, 0, 1]) },
          ];
    lib.C_GenerateKeyPair(
      session,
      { mechanism: 'ec' in shape ? p.CKM_EC_KEY_PAIR_GEN : p.CKM_RSA_PKCS_KEY_PAIR_GEN },
      [...common, ...publicTemplate, { type: p.CKA_VERIFY, value: true }],
      [
        ...common,
        { type: p.CKA_PRIVATE, value: true },
        { type: p.CKA_SENSITIVE, value: true },
        { type: p.CKA_EXTRACTABLE, value: false },
        { type: p.CKA_SIGN, value: true },
      ],
    );
    const objectId = id.toString('hex');
    return { objectId, spki: publicKey(objectId) };
  };
  return {
    tokenLabel,
    generateKey,
    generateEcKey: (label) => generateKey(label, 'EC-P256'),
    publicKey,
    findKeyByLabel(label) {
      lib.C_FindObjectsInit(session, [
        { type: p.CKA_CLASS, value: p.CKO_PRIVATE_KEY },
        { type: p.CKA_LABEL, value: label },
      ]);
      const found = lib.C_FindObjects(session, 2);
      lib.C_FindObjectsFinal(session);
      if (found.length > 1) throw new Error(`two keys are labelled "${label}" in token "${tokenLabel}"`);
      return found[0] ? attr(found[0], p.CKA_ID).toString('hex') : null;
    },
    relabel(objectId, label) {
      for (const cls of [p.CKO_PRIVATE_KEY, p.CKO_PUBLIC_KEY]) {
        lib.C_SetAttributeValue(session, find(cls, objectId), [{ type: p.CKA_LABEL, value: label }]);
      }
    },
    sign(objectId, data, hash) {
      const key = find(p.CKO_PRIVATE_KEY, objectId);
      if (isRsa(key)) {
        lib.C_SignInit(session, { mechanism: rsaMechanisms[hash] }, key);
        return lib.C_Sign(session, Buffer.from(data), Buffer.alloc(1024));
      }
      lib.C_SignInit(session, { mechanism: p.CKM_ECDSA }, key);
      const digest = createHash(hash.replace('-', '').toLowerCase()).update(data).digest();
      return ecdsaRawToDer(lib.C_Sign(session, digest, Buffer.alloc(256)));
    },
    protection(objectId) {
      const key = find(p.CKO_PRIVATE_KEY, objectId);
      return {
        sensitive: flag(key, p.CKA_SENSITIVE),
        extractable: flag(key, p.CKA_EXTRACTABLE),
        neverExtractable: flag(key, p.CKA_NEVER_EXTRACTABLE),
      };
    },
    tryExport(objectId) {
      try {
        const key = find(p.CKO_PRIVATE_KEY, objectId);
        attr(key, isRsa(key) ? p.CKA_PRIVATE_EXPONENT : p.CKA_VALUE);
        return 'EXPORTED';
      } catch (err) {
        return err instanceof Error ? (/CKR_\w+/.exec(err.message)?.[0] ?? err.message) : String(err);
      }
    },
    destroyKey(objectId) {
      lib.C_DestroyObject(session, find(p.CKO_PRIVATE_KEY, objectId));
      lib.C_DestroyObject(session, find(p.CKO_PUBLIC_KEY, objectId));
    },
    close() {
      if (!isOpen) return;
      isOpen = false;
      try {
        lib.C_CloseSession(session);
      } finally {
        release(options.library);
      }
    },
  };
}

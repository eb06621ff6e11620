import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import { keyShape, type TokenKeyAlgorithm } from '../../platform/hsm/key-encoding.js';
import type { Pkcs11Token } from '../../platform/hsm/pkcs11-token.js';

/**
 * Where a new key is made and how a file key rests: file keys are PKCS#8 DER sealed with
 * AES-256-GCM under a keyring secret (so a copy of the database alone holds no usable key),
 * HSM keys are generated in the token and only their CKA_ID and public key are stored.
 */
export interface NewKeyMaterial {
  storage: 'file' | 'pkcs11';
  algorithm: string;
  spki: Uint8Array;
  wrappedKey: string | null;
  tokenLabel: string | null;
  tokenObjectId: string | null;
}

const VERSION = 'v1';

/** Seals a private key for the database row; `aad` (the key row's id) binds it to its row. */
export function wrapPrivateKey(secret: Buffer, key: KeyObject, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secret, iv).setAAD(Buffer.from(aad));
  const der = key.export({ format: 'der', type: 'pkcs8' });
  const body = Buffer.concat([cipher.update(der), cipher.final()]);
  return [
    VERSION,
    iv.toString('base64'),
    cipher.getAuthTag().toString('base64'),
    body.toString('base64'),
  ].join('.');
}

/** Opens a sealed key; a changed ciphertext, wrong row or wrong secret fails (GCM tag). */
export function unwrapPrivateKey(secret: Buffer, wrapped: string, aad: string): KeyObject {
  const [version, iv, tag, body] = wrapped.split('.');
  if (version !== VERSION || !iv || !tag || !body) throw new Error('unknown wrapped key format');
  const decipher = createDecipheriv('aes-256-gcm', secret, Buffer.from(iv, 'base64')).setAAD(
    Buffer.from(aad),
  );
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  const der = Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]);
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

/** A new key of `algorithm` (EC-P256 by default) in a file (wrapped for row `keyId`) or in the token. */
export function generateKeyMaterial(
  storage: 'file' | 'pkcs11',
  keyId: string,
  label: string,
  wrapSecret: Buffer,
  token: () => Pkcs11Token,
  algorithm: TokenKeyAlgorithm = 'EC-P256',
): NewKeyMaterial {
  if (storage === 'pkcs11') {
    const t = token();
    const key = t.generateKey(label, algorithm);
    return {
      storage,
      algorithm,
      spki: key.spki,
      wrappedKey: null,
      tokenLabel: t.tokenLabel,
      tokenObjectId: key.objectId,
    };
  }
  const shape = keyShape(algorithm);
  const { privateKey } =
    'ec' in shape
      ? generateKeyPairSync('ec', { namedCurve: shape.ec === 'P-384' ? 'secp384r1' : 'prime256v1' })
      : generateKeyPairSync('rsa', { modulusLength: shape.rsaBits });
  return fileKeyMaterial(privateKey, keyId, wrapSecret);
}

/** Material for an existing private key (PKCS#12 import) kept as a wrapped file key. */
export function fileKeyMaterial(privateKey: KeyObject, keyId: string, wrapSecret: Buffer): NewKeyMaterial {
  const d = privateKey.asymmetricKeyDetails ?? {};
  const algorithm =
    privateKey.asymmetricKeyType === 'ec'
      ? d.namedCurve === 'secp384r1'
        ? 'EC-P384'
        : 'EC-P256'
      : `RSA-${d.modulusLength ?? 0}`;
  return {
    storage: 'file',
    algorithm,
    spki: createPublicKey(privateKey).export({ format: 'der', type: 'spki' }),
    wrappedKey: wrapPrivateKey(wrapSecret, privateKey, keyId),
    tokenLabel: null,
    tokenObjectId: null,
  };
}

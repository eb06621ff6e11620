import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { canonicalize } from '../audit/index.js';

/**
 * The signature value (seed 002 Signature.signature_value): a manifest of what was signed,
 * by whom, when and with which meaning, MAC'd with a keyring key and sealed with AES-256-GCM
 * (keyring key, random 96-bit IV, the signature id as additional data). A row copied onto
 * another record or version, or a meaning changed in the database, no longer matches the
 * manifest it carries (§11.70); a value moved to another row fails to open at all.
 */
export interface SignatureManifest {
  signature_id: string;
  user_id: string;
  signer_name: string;
  resource_type: string;
  resource_id: string;
  operation_type: string;
  record_version: string;
  record_sha256: string;
  signature_mean: string;
  reason: string | null;
  timestamp: string;
  policy_id: string;
  factors: string[];
  /** SHA-256 of the PAdES-signed PDF version made with it (absent before, and when none). */
  pades_sha256?: string | null;
  /** The PAdES level that PDF was made at, as its policy required (absent before, and when none). */
  pades_level?: string | null;
}

const FORMAT = 'v1';

/** The sealed value and the manifest's SHA-256 (`manifestSha256`), from one canonical form. */
export function sealManifestHashed(
  keys: { valueKey: Buffer; macKey: Buffer },
  manifest: SignatureManifest,
): { value: string; sha256: string } {
  const body = canonicalize(manifest);
  return { value: sealBody(keys, manifest.signature_id, body), sha256: sha256Hex(body) };
}

function sealBody(keys: { valueKey: Buffer; macKey: Buffer }, signatureId: string, body: string): string {
  const mac = createHmac('sha256', keys.macKey).update(body).digest('base64');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.valueKey, iv);
  cipher.setAAD(Buffer.from(signatureId));
  const sealed = Buffer.concat([cipher.update(JSON.stringify({ body, mac }), 'utf8'), cipher.final()]);
  return [
    FORMAT,
    iv.toString('base64'),
    cipher.getAuthTag().toString('base64'),
    sealed.toString('base64'),
  ].join('.');
}

/** The manifest inside a value, or null when it does not open or its MAC is wrong. */
export function openManifest(
  keys: { valueKey: Buffer; macKey: Buffer },
  signatureId: string,
  value: string,
): SignatureManifest | null {
  try {
    const [format, iv, tag, sealed] = value.split('.');
    if (format !== FORMAT || !iv || !tag || !sealed) return null;
    const decipher = createDecipheriv('aes-256-gcm', keys.valueKey, Buffer.from(iv, 'base64'));
    decipher.setAAD(Buffer.from(signatureId));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(sealed, 'base64')), decipher.final()]);
    const { body, mac } = JSON.parse(plain.toString('utf8')) as { body: string; mac: string };
    const expected = createHmac('sha256', keys.macKey).update(body).digest();
    const given = Buffer.from(mac, 'base64');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return JSON.parse(body) as SignatureManifest;
  } catch {
    return null;
  }
}

export const manifestSha256 = (manifest: SignatureManifest): string => sha256Hex(canonicalize(manifest));

const sha256Hex = (body: string): string => createHash('sha256').update(body).digest('hex');

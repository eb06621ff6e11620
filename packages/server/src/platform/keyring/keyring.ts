import {
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

/**
 * Platform keys kept outside the database (DATA_DIR/keyring, mode 0600), so that a copy
 * of the database alone can neither forge tokens nor re-sign audit checkpoints.
 * Secrets are derived from the master secret (SECRET_KEY, or one generated on first use);
 * signing keys are Ed25519 pairs created on first use.
 */
export interface Keyring {
  /** A 32-byte secret for `purpose` (e.g. 'jwt'), stable across restarts and processes. */
  secret(purpose: string): Buffer;
  /** The Ed25519 key pair for `purpose` (e.g. 'audit-checkpoint'). */
  signingKey(purpose: string): { privateKey: KeyObject; publicKey: KeyObject; keyId: string };
}

const purposePattern = /^[a-z0-9-]{1,64}$/;

export function createKeyring(options: { dir: string; masterSecret?: string | undefined }): Keyring {
  const master = options.masterSecret
    ? Buffer.from(options.masterSecret, 'utf8')
    : masterFromDisk(options.dir);
  const pairs = new Map<string, ReturnType<Keyring['signingKey']>>();
  return {
    secret: (purpose) => {
      assertPurpose(purpose);
      return createHmac('sha256', master).update(`signx:${purpose}`).digest();
    },
    signingKey: (purpose) => {
      assertPurpose(purpose);
      let pair = pairs.get(purpose);
      if (!pair) {
        pair = loadOrCreatePair(options.dir, purpose);
        pairs.set(purpose, pair);
      }
      return pair;
    },
  };
}

function assertPurpose(purpose: string): void {
  if (!purposePattern.test(purpose)) throw new Error(`invalid key purpose "${purpose}"`);
}

function masterFromDisk(dir: string): Buffer {
  const file = join(dir, 'master.key');
  writeOnce(dir, file, () => randomBytes(32).toString('base64'));
  const master = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (master.length !== 32) {
    throw new Error(
      `${file} is damaged (expected 32 bytes of key, found ${master.length}); restore it from backup`,
    );
  }
  return master;
}

function loadOrCreatePair(dir: string, purpose: string) {
  const file = join(dir, `${purpose}.ed25519.pem`);
  writeOnce(dir, file, () =>
    generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  );
  const privateKey = createPrivateKey(readFileSync(file));
  const publicKey = createPublicKey(privateKey);
  const raw = publicKey.export({ type: 'spki', format: 'der' });
  const keyId = createHmac('sha256', 'signx-key-id').update(raw).digest('hex').slice(0, 16);
  return { privateKey, publicKey, keyId };
}

/**
 * Creates `file` with `content()` unless it exists. The content is written to a temp file
 * and hard-linked into place, which fails if the file appeared meanwhile: racing
 * processes therefore always agree on the first key written.
 */
function writeOnce(dir: string, file: string, content: () => string): void {
  if (existsSync(file)) return;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, content());
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temp);
  }
}

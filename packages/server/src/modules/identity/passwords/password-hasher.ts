import { type Algorithm, hash, verify } from '@node-rs/argon2';

/** argon2id (`Algorithm.Argon2id`; a const enum, so spelled as its value). */
const argon2id = 2 as Algorithm;

/**
 * argon2id with OWASP's recommended minimum (m=19456 KiB, t=2, p=1) in production; the
 * `test` cost exists only so test suites stay fast and is chosen by PASSWORD_HASH_COST.
 */
export const argon2Parameters = {
  standard: { algorithm: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 },
  test: { algorithm: argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 },
} as const;

export type HashCost = keyof typeof argon2Parameters;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hashed: string, password: string): Promise<boolean>;
  /** Spends the same time as a real verification; used for unknown users so timing reveals nothing. */
  verifyDummy(password: string): Promise<void>;
  /** Prepares the dummy hash at start, so the first unknown-user sign-in is not slower. */
  warm(): Promise<void>;
}

export function createPasswordHasher(cost: HashCost): PasswordHasher {
  const options = argon2Parameters[cost];
  let dummy: Promise<string> | undefined;
  return {
    hash: (password) => hash(password, options),
    verify: async (hashed, password) => {
      try {
        return await verify(hashed, password);
      } catch {
        return false;
      }
    },
    verifyDummy: async (password) => {
      dummy ??= hash('signx-dummy-password-for-timing', options);
      await verify(await dummy, password).catch(() => false);
    },
    warm: async () => {
      dummy ??= hash('signx-dummy-password-for-timing', options);
      await dummy;
    },
  };
}

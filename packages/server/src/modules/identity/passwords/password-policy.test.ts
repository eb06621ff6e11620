import { describe, expect, it } from 'vitest';
import { argon2Parameters, createPasswordHasher } from './password-hasher.js';
import { passwordProblems } from './password-policy.js';

const policy = { minLength: 8 };

describe('password policy (OPS §8.1) and hashing', () => {
  it('accepts a password meeting every rule', () => {
    expect(passwordProblems('Correct-Horse-7', policy, 'alice')).toEqual([]);
  });

  it.each([
    ['Sh0rt!', 'at least 8'],
    ['alllower-1', 'upper-case'],
    ['ALLUPPER-1', 'lower-case'],
    ['No-Digits-Here', 'digit'],
    ['NoSpecial123', 'special'],
    ['P@ssw0rd!', 'too common'],
    ['Password123!', 'too common'],
    ['Qwerty123!', 'too common'],
    ['Alice-2026!x', 'username'],
  ])('rejects %s (%s)', (password, problem) => {
    expect(passwordProblems(password, policy, 'alice').join('; ')).toContain(problem);
  });

  it('uses OWASP argon2id parameters by default', () => {
    expect(argon2Parameters.standard).toMatchObject({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  });

  it('hashes with argon2id and verifies only the right password', async () => {
    const hasher = createPasswordHasher('test');
    const hashed = await hasher.hash('Correct-Horse-7');
    expect(hashed).toMatch(/^\$argon2id\$/);
    expect(await hasher.verify(hashed, 'Correct-Horse-7')).toBe(true);
    expect(await hasher.verify(hashed, 'Correct-Horse-8')).toBe(false);
    expect(await hasher.verify('not-a-hash', 'x')).toBe(false);
  });
});

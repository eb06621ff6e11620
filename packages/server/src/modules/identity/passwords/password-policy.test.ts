import { describe, expect, it } from 'vitest';
import { breachedList } from './breached-passwords.js';
import { argon2Parameters, createPasswordHasher } from './password-hasher.js';
import { passwordProblems } from './password-policy.js';
import { screeningForms } from './password-screen.js';

const ops = { profile: 'ops' as const, minLength: 8 };
const asvs = { profile: 'asvs' as const, minLength: 8 };
const alice = { username: 'alice', fullName: 'Alice Wong', email: 'a.wong@corp.example' };

describe('password policy (OPS §8.1 / ASVS 6.2), breached-password screening and hashing', () => {
  it('accepts a password meeting every rule', () => {
    expect(passwordProblems('Correct-Horse-7', ops, alice)).toEqual([]);
    expect(passwordProblems('violet trombone quietly', asvs, alice)).toEqual([]);
  });

  it('screens against a real list of more than 100,000 breached passwords', () => {
    expect(breachedList().length).toBeGreaterThan(400_000);
  });

  it.each(['Liverpool1!', 'Basketball1!', 'Charlie123!', 'Soccer123!', 'Pokemon2024!'])(
    'refuses %s: it meets the composition rule but is among the most breached passwords',
    (password) => {
      expect(passwordProblems(password, ops).join('; ')).toMatch(/too common/);
    },
  );

  it.each([
    ['L1verp00l!', 'leet substitutions'],
    ['$unsh1ne2026#', 'leet and decoration'],
    ['!!Dragon1987', 'leading and trailing decoration'],
    ['QwErTy123!', 'case'],
    ['P@ssw0rd!', 'classic'],
    ['Qwer1234!', 'trailing symbols only'],
  ])('refuses %s (%s)', (password) => {
    expect(passwordProblems(password, ops).join('; ')).toMatch(/too common/);
  });

  it.each([
    ['Alice-2026!x', 'alice'],
    ['W0ng-family-88', 'wong'],
    ['My-Signx-Pass-1', 'signx'],
    ['x-A.Wong-77-X', 'wong'],
  ])('refuses %s: it contains the context word %s', (password, word) => {
    expect(passwordProblems(password, ops, alice).join('; ')).toContain(`"${word}"`);
  });

  it.each([
    ['Sh0rt!', 'at least 8'],
    ['alllower-1', 'upper-case'],
    ['ALLUPPER-1', 'lower-case'],
    ['No-Digits-Here', 'digit'],
    ['NoSpecial123', 'special'],
  ])('ops profile refuses %s (%s)', (password, problem) => {
    expect(passwordProblems(password, ops, alice).join('; ')).toContain(problem);
  });

  it('asvs profile: no composition rule, at least 12 characters, 256 allowed', () => {
    expect(passwordProblems('amber kettle', asvs)).toEqual([]);
    expect(passwordProblems('Tr0mb-1!x', asvs).join('; ')).toContain('at least 12');
    expect(
      passwordProblems(
        'z'.repeat(64).replace(/z/g, (_, i) => 'quiet'[i % 5] as string),
        asvs,
      ),
    ).toEqual([]);
    expect(passwordProblems('q'.repeat(257), asvs).join('; ')).toContain('at most 256');
  });

  it('reads a password the ways an attacker would', () => {
    expect(screeningForms('P@ssw0rd2024!')).toEqual(expect.arrayContaining(['password']));
    expect(screeningForms('L1verpool!')).toEqual(expect.arrayContaining(['liverpool']));
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

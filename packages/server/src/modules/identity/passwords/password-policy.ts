import { invalid } from '../../../platform/errors.js';
import { containedContextWord, isBreachedPassword, type PasswordContext } from './password-screen.js';

/**
 * Two password profiles, chosen by PASSWORD_PROFILE:
 * - `ops` (default, OPS seed §8.1, what MLPS 2.0 audits expect): at least PASSWORD_MIN_LENGTH
 *   (8) characters with an upper- and a lower-case letter, a digit and a special character;
 * - `asvs` (OWASP ASVS 5.0 §6.2): no composition rules, at least 12 characters (or
 *   PASSWORD_MIN_LENGTH when larger).
 * Both allow up to 256 characters, refuse breached/common passwords (also disguised by
 * substitutions and decoration) and passwords containing the username, name, email or
 * "signx". History is checked by the service, which can see previous hashes.
 */
export type PasswordProfile = 'ops' | 'asvs';

export interface PasswordPolicy {
  profile?: PasswordProfile;
  minLength: number;
}

const maxPasswordLength = 256;
const asvsMinLength = 12;

/** The shortest password the policy accepts. */
function effectiveMinLength(policy: PasswordPolicy): number {
  return policy.profile === 'asvs' ? Math.max(asvsMinLength, policy.minLength) : policy.minLength;
}

function compositionProblems(password: string): string[] {
  const problems: string[] = [];
  if (!/\p{Lu}/u.test(password)) problems.push('must contain an upper-case letter');
  if (!/\p{Ll}/u.test(password)) problems.push('must contain a lower-case letter');
  if (!/\p{Nd}/u.test(password)) problems.push('must contain a digit');
  if (!/[^\p{L}\p{Nd}]/u.test(password)) problems.push('must contain a special character');
  return problems;
}

export function passwordProblems(
  password: string,
  policy: PasswordPolicy,
  context: PasswordContext = {},
): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  const minLength = effectiveMinLength(policy);
  if (length < minLength) problems.push(`must be at least ${minLength} characters`);
  if (length > maxPasswordLength) problems.push(`must be at most ${maxPasswordLength} characters`);
  if (policy.profile !== 'asvs') problems.push(...compositionProblems(password));
  if (isBreachedPassword(password))
    problems.push('is too common (it appears in lists of breached passwords); choose a less predictable one');
  const word = containedContextWord(password, context);
  if (word) problems.push(`must not contain your username, name, email or the product name ("${word}")`);
  return problems;
}

/** Throws a field validation error naming every unmet rule. */
export function assertPasswordAllowed(
  password: string,
  policy: PasswordPolicy,
  context: PasswordContext = {},
  field = 'new_password',
): void {
  const problems = passwordProblems(password, policy, context);
  if (problems.length > 0) throw invalid(field, `Password ${problems.join('; ')}`);
}

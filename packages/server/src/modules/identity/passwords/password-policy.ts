import { invalid } from '../../../platform/errors.js';
import { commonPasswords, normalizedForList } from './common-passwords.js';

/**
 * The password rule (OPS seed §8.1): at least `minLength` characters with upper- and
 * lower-case letters, a digit and a special character; not a common password, not the
 * username. History is checked by the service, which can see previous hashes.
 */
export interface PasswordPolicy {
  minLength: number;
}

export function passwordProblems(password: string, policy: PasswordPolicy, username?: string): string[] {
  const problems: string[] = [];
  if (password.length < policy.minLength) problems.push(`must be at least ${policy.minLength} characters`);
  if (password.length > 256) problems.push('must be at most 256 characters');
  if (!/\p{Lu}/u.test(password)) problems.push('must contain an upper-case letter');
  if (!/\p{Ll}/u.test(password)) problems.push('must contain a lower-case letter');
  if (!/\p{Nd}/u.test(password)) problems.push('must contain a digit');
  if (!/[^\p{L}\p{Nd}]/u.test(password)) problems.push('must contain a special character');
  if (normalizedForList(password).some((p) => commonPasswords.has(p)))
    problems.push('is too common; choose a less predictable password');
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase()))
    problems.push('must not contain the username');
  return problems;
}

/** Throws a field validation error naming every unmet rule. */
export function assertPasswordAllowed(
  password: string,
  policy: PasswordPolicy,
  username?: string,
  field = 'new_password',
): void {
  const problems = passwordProblems(password, policy, username);
  if (problems.length > 0) throw invalid(field, `Password ${problems.join('; ')}`);
}

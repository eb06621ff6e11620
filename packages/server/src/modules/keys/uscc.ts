/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters of a
 * 31-character alphabet (digits and capitals without I, O, Z, S, V), characters 3-8 the
 * administrative division (digits), the 18th a check character over the first 17.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character the first 17 characters call for. */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i] as string) * (WEIGHTS[i] as number);
  return ALPHABET[(31 - (sum % 31)) % 31] as string;
}

/** Why `code` is not a valid USCC, or null when it is. Lower case is not accepted (the code is printed upper case). */
export function usccProblem(code: string): string | null {
  if (code.length !== 18) return `must be 18 characters (got ${code.length})`;
  for (const ch of code) if (!ALPHABET.includes(ch)) return `"${ch}" is not a character of GB 32100-2015`;
  if (!/^[0-9]{6}$/.test(code.slice(2, 8))) return 'characters 3-8 must be the administrative division code';
  const expected = usccCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) return `check character is ${code[17]}, expected ${expected}`;
  return null;
}

export const isValidUscc = (code: string): boolean => usccProblem(code) === null;

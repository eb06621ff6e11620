import { describe, expect, it } from 'vitest';
import { isValidUscc, usccCheckCharacter, usccProblem } from './uscc.js';

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts published codes and computes their check character', () => {
    for (const code of ['91350100M000100Y43', '91110000802100433B', '91440300708461136T']) {
      expect(isValidUscc(code)).toBe(true);
      expect(usccCheckCharacter(code.slice(0, 17))).toBe(code[17]);
    }
  });

  it('refuses a wrong check character, a bad length, letters outside the alphabet and a bad division code', () => {
    expect(usccProblem('91350100M000100Y44')).toMatch(/check character is 4, expected 3/);
    expect(usccProblem('91350100M000100Y4')).toMatch(/18 characters/);
    expect(usccProblem('91350100M000100I43')).toMatch(/"I" is not a character/);
    expect(usccProblem('91350100m000100Y43')).toMatch(/"m" is not a character/);
    expect(usccProblem('913A0100M000100Y43')).toMatch(/administrative division/);
  });
});

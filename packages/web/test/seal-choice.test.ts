import { describe, expect, it } from 'vitest';
import {
  combinedPlacement,
  noSeal,
  sealChoiceProblem,
  sealPlacements,
} from '../src/modules/signing/seal-choice';

describe("sender's page: the organisation seal choice", () => {
  it('applies nothing without a seal', () => {
    expect(sealPlacements(noSeal())).toEqual([]);
    expect(sealChoiceProblem(noSeal())).toBeNull();
  });

  it('places over the keyword (last or every occurrence), then across the page edges when toggled', () => {
    const choice = {
      ...noSeal(),
      seal_id: 's1',
      keyword: ' 甲方（盖章） ',
      occurrence: 'all' as const,
      cross_page: true,
    };
    expect(sealPlacements(choice)).toEqual([
      { mode: 'keyword', keyword: '甲方（盖章）', occurrence: 'all' },
      { mode: 'cross_page' },
    ]);
  });

  it('places at coordinates, or only across the edges', () => {
    const at = { ...noSeal(), seal_id: 's1', mode: 'coordinates' as const, page: 2, x: 300, y: 120 };
    expect(sealPlacements(at)).toEqual([{ mode: 'coordinates', page: 2, x: 300, y: 120 }]);
    const edges = { ...noSeal(), seal_id: 's1', mode: 'none' as const, cross_page: true };
    expect(sealPlacements(edges)).toEqual([{ mode: 'cross_page' }]);
  });

  it('says what is missing and applies nothing then', () => {
    const blank = { ...noSeal(), seal_id: 's1', keyword: '  ' };
    expect(sealChoiceProblem(blank)).toBe('signing.seal.keywordNeeded');
    expect(sealPlacements(blank)).toEqual([]);
    expect(sealChoiceProblem({ ...noSeal(), seal_id: 's1', mode: 'coordinates', page: 0 })).toBe(
      'signing.seal.coordinatesInvalid',
    );
    expect(sealChoiceProblem({ ...noSeal(), seal_id: 's1', mode: 'none' })).toBe(
      'signing.seal.placeSomewhere',
    );
  });

  it('holds an approval-bound seal back until approved, then applies it once with the cross-page seal', () => {
    const choice = { ...noSeal(), seal_id: 's1', cross_page: true, needs_approval: true };
    expect(sealChoiceProblem(choice)).toBe('signing.seal.approvalFirst');
    expect(combinedPlacement(choice)).toBeNull();
    const approved = { ...choice, approval_id: 'a1' };
    expect(sealChoiceProblem(approved)).toBeNull();
    expect(combinedPlacement(approved)).toEqual({
      mode: 'keyword',
      keyword: '甲方（盖章）',
      occurrence: 'last',
      cross_page: true,
    });
    const edges = { ...approved, mode: 'none' as const };
    expect(combinedPlacement(edges)).toEqual({ mode: 'cross_page' });
    const noEdges = { ...approved, mode: 'coordinates' as const, cross_page: false };
    expect(combinedPlacement(noEdges)).toEqual({ mode: 'coordinates', page: 1, x: 400, y: 100 });
  });
});

/**
 * The sender's organisation seal: which seal, where (over a keyword of the text layer, at
 * coordinates, or only across page edges) and whether a cross-page seal (骑缝章) is added.
 * Each placement is one `POST /seals/{id}/apply`: one PAdES signature of the organisation.
 * A seal whose authorisation needs a seal-use approval (用印审批) is applied once, with the
 * approval and every placement in one signature (an approval is good for one use).
 */
export interface SealChoice {
  seal_id: string | undefined;
  mode: 'keyword' | 'coordinates' | 'none';
  keyword: string;
  occurrence: 'all' | 'last';
  page: number;
  x: number;
  y: number;
  cross_page: boolean;
  /** The chosen seal's authorisation needs an approved seal-use request first. */
  needs_approval: boolean;
  /** The approved seal-use request's approval, once the approver has approved it. */
  approval_id: string | null;
}

export type SealPlacement =
  | { mode: 'keyword'; keyword: string; occurrence: 'all' | 'last'; cross_page?: boolean }
  | { mode: 'coordinates'; page: number; x: number; y: number; cross_page?: boolean }
  | { mode: 'cross_page' };

export const noSeal = (): SealChoice => ({
  seal_id: undefined,
  mode: 'keyword',
  keyword: '甲方（盖章）',
  occurrence: 'last',
  page: 1,
  x: 400,
  y: 100,
  cross_page: false,
  needs_approval: false,
  approval_id: null,
});

/** The message key of what is missing, or null when the choice can be applied (or no seal). */
export function sealChoiceProblem(c: SealChoice): string | null {
  if (!c.seal_id) return null;
  if (c.mode === 'keyword' && (!c.keyword.trim() || c.keyword.trim().length > 100))
    return 'signing.seal.keywordNeeded';
  if (c.mode === 'coordinates' && (!Number.isInteger(c.page) || c.page < 1 || c.x < 0 || c.y < 0))
    return 'signing.seal.coordinatesInvalid';
  if (c.mode === 'none' && !c.cross_page) return 'signing.seal.placeSomewhere';
  if (c.needs_approval && !c.approval_id) return 'signing.seal.approvalFirst';
  return null;
}

/** The placements to apply, in order: the seal itself, then the cross-page seal over the edges. */
export function sealPlacements(c: SealChoice): SealPlacement[] {
  if (!c.seal_id || sealChoiceProblem(c)) return [];
  const out: SealPlacement[] = [];
  if (c.mode === 'keyword')
    out.push({ mode: 'keyword', keyword: c.keyword.trim(), occurrence: c.occurrence });
  if (c.mode === 'coordinates') out.push({ mode: 'coordinates', page: c.page, x: c.x, y: c.y });
  if (c.cross_page) out.push({ mode: 'cross_page' });
  return out;
}

/** The choice as one placement (the cross-page seal riding along): what an approved use applies. */
export function combinedPlacement(c: SealChoice): SealPlacement | null {
  const [first] = sealPlacements(c);
  if (!first) return null;
  return first.mode === 'cross_page' || !c.cross_page ? first : { ...first, cross_page: true };
}

import {
  type AppearanceFonts,
  type AppearanceLabels,
  type DssOptions,
  type FieldStamp,
  findText,
  listPages,
  type ManifestationField,
  PadesError,
  type PadesLevel,
  PdfReader,
  pageCount,
  type SealAppearanceContent,
  type SealDesign,
  type Signer,
  signPdf,
  type Timestamper,
} from '@signx/pades';

/** Where a seal goes. */
export type Placement =
  | { mode: 'coordinates'; page: number; x: number; y: number; cross_page?: boolean }
  | { mode: 'keyword'; keyword: string; occurrence: 'all' | 'last'; cross_page?: boolean }
  /** 骑缝章: one slice per page along the right edge, `pages` the first N pages (default all). */
  | { mode: 'cross_page'; pages?: number; y?: number };

/** How the seal-use log names a placement: its mode, `_cross` when a cross-page seal rides along. */
export function placementLabel(placement: Placement): SealUsePlacement {
  if (placement.mode === 'cross_page' || !placement.cross_page) return placement.mode;
  return placement.mode === 'keyword' ? 'keyword_cross' : 'coord_cross';
}
export type SealUsePlacement = 'coordinates' | 'keyword' | 'cross_page' | 'keyword_cross' | 'coord_cross';

/** The seal as the signature engine draws it. */
export interface SealLook {
  design: SealDesign | null;
  imagePng: Uint8Array | null;
  /** Width in points; height follows the shape (oval: 0.7). */
  sizePt: number;
}

export class PlacementError extends Error {}

/** Text lines printed under the seal (the profile's `seal` layout). */
export interface SealCaption {
  fields: ManifestationField[];
  labels: Partial<AppearanceLabels>;
  listedOrder: boolean;
  certificateIssuer: boolean;
  fonts?: AppearanceFonts;
}

/** Height of the caption strip: one 11-point line per field, plus padding. */
const captionHeight = (caption: SealCaption | undefined) =>
  caption && caption.fields.length > 0 ? caption.fields.length * 11 + 8 : 0;

interface Widget {
  page: number;
  rect: [number, number, number, number];
  slice: { index: number; count: number };
}

/**
 * Page boxes of the widgets for a placement; throws PlacementError with the reason. A keyword
 * or coordinates placement with `cross_page` adds the cross-page slices after its own widgets,
 * so one signature (one use, one approval) carries both.
 */
export function placeWidgets(reader: PdfReader, look: SealLook, placement: Placement): Widget[] {
  if (placement.mode !== 'cross_page' && placement.cross_page)
    return [
      ...placeWidgets(reader, look, { ...placement, cross_page: false }),
      ...placeWidgets(reader, look, { mode: 'cross_page' }),
    ];
  const w = look.sizePt;
  const h = look.design?.shape === 'oval' ? w * 0.7 : w;
  const pages = pageCount(reader);
  const whole = { index: 0, count: 1 };
  if (placement.mode === 'coordinates') {
    if (!Number.isInteger(placement.page) || placement.page < 1 || placement.page > pages)
      throw new PlacementError(`The document has no page ${placement.page} (it has ${pages}).`);
    return [{ page: placement.page, rect: [placement.x, placement.y, w, h], slice: whole }];
  }
  if (placement.mode === 'keyword') {
    const hits = findText(reader, placement.keyword, { occurrence: placement.occurrence });
    if (hits.length === 0) throw new PlacementError(`“${placement.keyword}” is not in the document’s text.`);
    return hits.map((hit) => {
      const [x, y, hw, hh] = hit.rect;
      return { page: hit.page, rect: [x + hw / 2 - w / 2, y + hh / 2 - h / 2, w, h], slice: whole };
    });
  }
  const count = placement.pages ?? pages;
  if (!Number.isInteger(count) || count < 2 || count > pages)
    throw new PlacementError(`A cross-page seal needs 2 to ${pages} pages (asked for ${count}).`);
  const sw = w / count;
  const all = listPages(reader);
  return Array.from({ length: count }, (_, i) => {
    const [x1, y1, x2, y2] = all[i]!.mediaBox;
    const y = placement.y ?? (y1 + y2) / 2 - h / 2;
    return {
      page: i + 1,
      rect: [x2 - sw, y, sw, h] as [number, number, number, number],
      slice: { index: i, count },
    };
  });
}

/**
 * Seals a PDF: ONE PAdES signature of the organisation (at `level`; default B-T when a
 * timestamper is given, else B-B; B-LT and B-LTA need `revocation`)
 * whose widgets show the seal. The first widget is the signature's own; every further
 * occurrence or cross-page slice is an appearance-only widget of the same field, added in
 * the same revision before the signature is computed, so all of them are covered by it.
 */
export async function sealPdf(
  pdf: Uint8Array,
  input: {
    signer: Signer;
    timestamper?: Timestamper;
    level?: PadesLevel;
    revocation?: DssOptions;
    look: SealLook;
    placement: Placement;
    reason?: string;
    /** The signature meaning (in /Reason and, with a caption, printed). */
    meaning?: string;
    /** The PDF /Location (and the location line of a caption). */
    location?: string;
    /** Lines printed under the seal's own widget (not under cross-page slices). */
    caption?: SealCaption;
    fieldName?: string;
  },
): Promise<{ bytes: Uint8Array; pages: number[] }> {
  let reader: PdfReader;
  try {
    reader = new PdfReader(pdf);
  } catch (error) {
    if (error instanceof PadesError)
      throw new PlacementError(`The document cannot be read as PDF: ${error.message}`);
    throw error;
  }
  const widgets = placeWidgets(reader, input.look, input.placement);
  const [first, ...rest] = widgets;
  if (!first) throw new PlacementError('Nothing to place.');
  const seal: SealAppearanceContent = {
    ...(input.look.design ? { design: input.look.design } : { image: input.look.imagePng ?? undefined }),
    slice: first.slice,
  };
  const stamps: FieldStamp[] = rest.map((wd) => ({ page: wd.page, rect: wd.rect, sealSlice: wd.slice }));
  const capH = first.slice.count === 1 ? captionHeight(input.caption) : 0;
  const [x, y, w, h] = first.rect;
  const caption = input.caption;
  const bytes = await signPdf(reader, {
    signer: input.signer,
    level: input.level ?? (input.timestamper ? 'B-T' : 'B-B'),
    timestamper: input.timestamper,
    ...(input.revocation ? { revocation: input.revocation } : {}),
    reason: input.reason,
    ...(input.meaning ? { meaning: input.meaning } : {}),
    ...(input.location ? { location: input.location } : {}),
    fieldName: input.fieldName,
    visible: {
      page: first.page,
      rect: [x, y - capH, w, h + capH],
      seal,
      stamps,
      ...(caption && capH > 0
        ? {
            sealCaption: capH,
            fields: caption.fields,
            labels: caption.labels,
            listedOrder: caption.listedOrder,
            certificate: { issuer: caption.certificateIssuer },
            ...(caption.fonts ? { fonts: caption.fonts } : {}),
          }
        : {}),
    },
  });
  return { bytes, pages: [...new Set(widgets.map((wd) => wd.page))] };
}

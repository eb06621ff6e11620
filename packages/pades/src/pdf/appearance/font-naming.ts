import { createHash } from 'node:crypto';
import { PDFArray, type PDFContext, PDFDict, PDFName, type PDFRef, PDFStream } from 'pdf-lib';

/** A font embedded for an appearance, as font naming needs to see it. */
export interface EmbeddedFontName {
  ref: PDFRef;
  /** The font program's PostScript name (pdf-lib would append a random "-1234" instead). */
  postscriptName: string;
  /** True when only the used glyphs were embedded. */
  subset: boolean;
  /** True for an OpenType font with CFF outlines ("OTTO"), always embedded whole. */
  cff: boolean;
}

/**
 * Names embedded fonts as PDF 32000-1 §9.6.4 asks: a subset carries a six-letter tag,
 * "ABCDEF+DejaVuSans", so viewers and preflight tools (pdffonts "sub yes") know it holds only
 * some glyphs; a whole font keeps its plain PostScript name. The tag is derived from the
 * subset's bytes, so the same subset gets the same tag and different subsets differ.
 * A whole OpenType/CFF program is declared as such (see declareOpenType).
 */
export function nameEmbeddedFonts(context: PDFContext, fonts: readonly EmbeddedFontName[]): void {
  for (const font of fonts) {
    const type0 = context.lookup(font.ref);
    if (!(type0 instanceof PDFDict)) continue;
    const descendant = type0.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)?.lookup(0);
    const cid = descendant instanceof PDFDict ? descendant : undefined;
    const descriptor = cid?.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
    const file = fontFile(descriptor);
    let name = font.postscriptName;
    if (font.subset && file) name = `${subsetTag(file.getContents())}+${name}`;
    if (file && cid && descriptor && font.cff && !font.subset) declareOpenType(cid, descriptor, file);
    const pdfName = PDFName.of(name);
    type0.set(PDFName.of('BaseFont'), pdfName);
    cid?.set(PDFName.of('BaseFont'), pdfName);
    descriptor?.set(PDFName.of('FontName'), pdfName);
  }
}

function fontFile(descriptor: PDFDict | undefined): PDFStream | undefined {
  for (const key of ['FontFile2', 'FontFile3', 'FontFile']) {
    const s = descriptor?.lookup(PDFName.of(key));
    if (s instanceof PDFStream) return s;
  }
  return undefined;
}

/**
 * pdf-lib's fontkit does not see the CFF table, so it embeds a whole OpenType/CFF file as a
 * TrueType CIDFont in /FontFile2, which poppler reports as a font type mismatch. PDF 1.6+
 * declares such a program as a Type 0 CIDFont with /FontFile3 /Subtype /OpenType; CIDs
 * stay glyph indices (Identity-H), as for a CFF font that is not CID-keyed.
 */
function declareOpenType(cid: PDFDict, descriptor: PDFDict, file: PDFStream): void {
  const ref = descriptor.get(PDFName.of('FontFile2')) ?? descriptor.get(PDFName.of('FontFile3'));
  if (!ref) return;
  cid.set(PDFName.of('Subtype'), PDFName.of('CIDFontType0'));
  cid.delete(PDFName.of('CIDToGIDMap'));
  descriptor.delete(PDFName.of('FontFile2'));
  descriptor.set(PDFName.of('FontFile3'), ref);
  file.dict.set(PDFName.of('Subtype'), PDFName.of('OpenType'));
}

/** Six uppercase letters from a digest of the subset program. */
export function subsetTag(program: Uint8Array): string {
  const digest = createHash('sha256').update(program).digest();
  return [...digest.subarray(0, 6)].map((b) => String.fromCharCode(65 + (b % 26))).join('');
}

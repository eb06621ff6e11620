/**
 * @signx/pades: PAdES signing (B-B to B-LTA) and validation with the platform's own PKI.
 * No database, no HTTP: the signing module and the CLI drive it.
 */
export * from './cms/index.js';
export * from './errors.js';
export type {
  AppearanceLabels,
  ManifestationField,
  SignatureMeaning,
} from './pdf/appearance/appearance-text.js';
export {
  ENGLISH_LABELS,
  formatLocalTime,
  MANIFESTATION_ORDER,
  SIGNATURE_MEANINGS,
} from './pdf/appearance/appearance-text.js';
export { isRtlParagraph, visualOrder } from './pdf/appearance/bidi-runs.js';
export type { AppearanceFonts } from './pdf/appearance/font-loader.js';
export { DEFAULT_FONT_PATHS, loadDefaultFont } from './pdf/appearance/font-loader.js';
export type { EmbeddedFontName } from './pdf/appearance/font-naming.js';
export { nameEmbeddedFonts } from './pdf/appearance/font-naming.js';
export type { PageInfo } from './pdf/page-tree.js';
export { findPage, listPages, pageCount } from './pdf/page-tree.js';
export { PdfReader } from './pdf/pdf-reader.js';
export type { SanitizeOptions } from './pdf/sanitizer.js';
export { sanitizePdf } from './pdf/sanitizer.js';
export type { SealAppearanceContent } from './pdf/seal/seal-appearance.js';
export type { SealDesign, SealPlan, SealPrimitive, SealShape } from './pdf/seal/seal-plan.js';
export { SEAL_RED, sealPlan } from './pdf/seal/seal-plan.js';
export { sealSvg } from './pdf/seal/seal-svg.js';
export type { FindTextOptions, PageText, TextHit } from './pdf/text/text-locator.js';
export { fieldAppearanceText, findText, pageText } from './pdf/text/text-locator.js';
export * from './pki/index.js';
export type { DocumentTimestampOptions } from './sign/document-timestamp.js';
export { addDocumentTimestamp, extendToLta } from './sign/document-timestamp.js';
export { addDss, type DssGap, type DssReport } from './sign/dss-extender.js';
export type {
  DssOptions,
  FieldStamp,
  PadesLevel,
  SignPdfOptions,
  VisibleSignature,
} from './sign/sign-options.js';
export { signPdf } from './sign/sign-pdf.js';
export type { ValidateOptions } from './validate/validate-pdf.js';
export { validate } from './validate/validate-pdf.js';
export type {
  ChangeReport,
  CoverageReport,
  SignatureReport,
  TimestampReport,
  ValidationReport,
} from './validate/validation-report.js';
